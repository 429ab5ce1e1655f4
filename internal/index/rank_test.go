package index

import (
	"math"
	"testing"

	"cchc/internal/index/rule"
)

// resultsOneLeaf is a framework of one field with two score criteria of
// max 100 each, both leaves.
func resultsOneLeaf() Tree {
	return BuildTree([]Item{
		resultsItem(1, 0, "1", LevelField, KindScore, 200),
		resultsItem(2, 1, "1.1", LevelCriterion, KindScore, 100),
		resultsItem(3, 1, "1.2", LevelCriterion, KindScore, 100),
	})
}

func TestComputeRanking(t *testing.T) {
	t.Parallel()
	p := resultsPts
	type unit struct {
		name     string
		status   string
		ranked   bool
		s2, s3   *rule.Points // nil s3 with na3 means item 1.2 not applicable
		na2, na3 bool
	}
	tests := []struct {
		name  string
		units []unit
		want  string
	}{
		{
			name: "ties share a rank, listed in Vietnamese name order (a < ă < â)",
			units: []unit{
				{name: "Xã Bình Minh", ranked: true, s2: p(100), s3: p(60)},
				{name: "Xã Đông Hòa", ranked: true, s2: p(100), s3: p(80)},
				{name: "Xã Ân Phú", ranked: true, s2: p(100), s3: p(60)},
				{name: "Xã An Phú", ranked: true, s2: p(100), s3: p(60)},
			},
			want: "Xã Đông Hòa:1 Xã An Phú:2 Xã Ân Phú:2 Xã Bình Minh:2",
		},
		{
			name: "equal fractions over different maxima tie exactly and the next rank skips (1, 1, 3)",
			units: []unit{
				{name: "Sở Y tế", ranked: true, s2: p(100), na3: true},       // 100/100
				{name: "Sở Công Thương", ranked: true, s2: p(50), s3: p(50)}, // 100/200
				{name: "Sở Tài chính", ranked: true, s2: p(50), na3: true},   // 50/100
				{name: "Sở Nội vụ", ranked: true, s2: p(100), s3: p(100)},    // 200/200
			},
			want: "Sở Nội vụ:1 Sở Y tế:1 Sở Công Thương:3 Sở Tài chính:3",
		},
		{
			name: "unranked units come after, with no rank, by index; nothing applicable is unranked",
			units: []unit{
				{name: "Xã A", ranked: false, s2: p(100), s3: p(100)},
				{name: "Xã B", ranked: true, s2: p(10), s3: p(10)},
				{name: "Xã C", ranked: true, na2: true, na3: true},
				{name: "Xã D", ranked: false, s2: p(50), s3: p(50)},
				{name: "Xã E", ranked: true, s2: p(20), s3: p(10)},
			},
			want: "Xã E:1 Xã B:2 Xã A:- Xã D:- Xã C:-",
		},
		{
			name: "statuses do not change the ranking",
			units: []unit{
				{name: "Xã A", status: StatusDraft, ranked: true, s2: p(10), s3: p(10)},
				{name: "Xã B", status: StatusSubmitted, ranked: true, s2: p(100), s3: p(10)},
			},
			want: "Xã B:1 Xã A:2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var as []Assessment
			scores := map[int64][]Score{}
			names := map[int64]string{}
			for i, u := range tt.units {
				id := int64(i + 1)
				st := u.status
				if st == "" {
					st = StatusFinal
				}
				as = append(as, Assessment{ID: id * 10, UnitID: id, Status: st, SubmittedAt: &resultsSubmittedAt, Ranked: u.ranked})
				names[id] = u.name
				scores[id*10] = resultsScores(id*10, resultsScore{item: 2, self: u.s2, na: u.na2},
					resultsScore{item: 3, self: u.s3, na: u.na3})
			}
			r := Compute(Framework{}, resultsOneLeaf(), nil, as, scores, names)
			if got := resultsRanks(r.Units); got != tt.want {
				t.Errorf("ranking = %s\nwant      %s", got, tt.want)
			}
			// The order does not depend on the input's.
			for i, j := 0, len(as)-1; i < j; i, j = i+1, j-1 {
				as[i], as[j] = as[j], as[i]
			}
			r = Compute(Framework{}, resultsOneLeaf(), nil, as, scores, names)
			if got := resultsRanks(r.Units); got != tt.want {
				t.Errorf("ranking of reversed input = %s\nwant      %s", got, tt.want)
			}
		})
	}
}

func TestResultCompareFractions(t *testing.T) {
	t.Parallel()
	const big = rule.Points(1) << 40
	tests := []struct {
		a, b, c, d rule.Points
		want       int
	}{
		{1, 3, 2, 6, 0},
		{2, 3, 3, 5, 1},
		{3, 5, 2, 3, -1},
		{-1, 2, 0, 1, -1},
		{big, 3 * big, 1, 3, 0},      // exact beyond int64 products
		{big + 1, 3 * big, 1, 3, 1},  // one part in 10^12 above
		{big - 1, 3 * big, 1, 3, -1}, // and below
		{math.MaxInt32, 7, math.MaxInt32, 7, 0},
	}
	for _, tt := range tests {
		if got := resultCompareFractions(tt.a, tt.b, tt.c, tt.d); got != tt.want {
			t.Errorf("compare %d/%d with %d/%d = %d, want %d", tt.a, tt.b, tt.c, tt.d, got, tt.want)
		}
	}
}
