package index

import (
	"context"
	"errors"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
)

// resultsFormulaTree is a small framework:
//
//	1 field ─ 1.1 criterion ─ 1.1.1 score, max 2
//	        │               └ 1.1.2 score, max 1 (optional)
//	        └ 1.2 criterion, a score leaf, max 1
//	2 field ─ 2.1 criterion ─ 2.1.1 survey, max 3
//	3 field ─ 3.1 bonus, max 1
//	        └ 3.2 penalty, max 1
func resultsFormulaTree() Tree {
	return BuildTree([]Item{
		resultsItem(1, 0, "1", LevelField, KindScore, 400),
		resultsItem(2, 1, "1.1", LevelCriterion, KindScore, 300),
		resultsItem(3, 2, "1.1.1", LevelSub, KindScore, 200),
		resultsItem(4, 2, "1.1.2", LevelSub, KindScore, 100),
		resultsItem(5, 1, "1.2", LevelCriterion, KindScore, 100),
		resultsItem(6, 0, "2", LevelField, KindScore, 300),
		resultsItem(7, 6, "2.1", LevelCriterion, KindScore, 300),
		resultsItem(8, 7, "2.1.1", LevelSub, KindSurvey, 300),
		resultsItem(9, 0, "3", LevelField, KindScore, 0),
		resultsItem(10, 9, "3.1", LevelCriterion, KindBonus, 100),
		resultsItem(11, 9, "3.2", LevelCriterion, KindPenalty, 100),
	})
}

func TestComputeFormulas(t *testing.T) {
	t.Parallel()
	p := resultsPts
	tests := []struct {
		name   string
		scores []Score
		want   UnitResult // the figures compared; Components separately
		comps  map[int64][2]rule.Points
	}{
		{
			name: "appraised wins over self, survey, bonus and penalty",
			scores: resultsScores(1,
				resultsScore{item: 3, self: p(150), appraised: p(120)},
				resultsScore{item: 4, self: p(100)},
				resultsScore{item: 5, self: p(50), appraised: p(100)},
				resultsScore{item: 8, survey: p(240)},
				resultsScore{item: 10, self: p(50), appraised: p(50)},
				resultsScore{item: 11, self: p(0), appraised: p(25)}),
			// Points = 320 + 240 + 50 − 25; deviation 30 + 50 + 0 + 25.
			want: UnitResult{Max: 700, Self: 300, Appraised: 320, Survey: 240, Bonus: 50, Penalty: 25, Points: 585,
				Deviation: 105, Band: "Tốt"},
			comps: map[int64][2]rule.Points{1: {320, 400}, 2: {220, 300}, 5: {100, 100}, 6: {240, 300}, 7: {240, 300}},
		},
		{
			name: "self stands without appraisal; not applicable shrinks the maximum; missing rows score 0",
			scores: resultsScores(1,
				resultsScore{item: 3, self: p(200)},
				resultsScore{item: 4, na: true, self: p(100)},
				resultsScore{item: 5, self: p(100)},
				resultsScore{item: 8}),
			want:  UnitResult{Max: 600, Self: 300, Appraised: 300, Points: 300, Band: "Trung bình"},
			comps: map[int64][2]rule.Points{1: {300, 300}, 2: {200, 200}, 5: {100, 100}, 6: {0, 300}, 7: {0, 300}},
		},
		{
			name:  "nothing scored: every leaf counts in the maximum",
			want:  UnitResult{Max: 700, Band: "Yếu"},
			comps: map[int64][2]rule.Points{1: {0, 400}, 2: {0, 300}, 5: {0, 100}, 6: {0, 300}, 7: {0, 300}},
		},
		{
			name: "a penalty below zero still gets the lowest band",
			scores: resultsScores(1,
				resultsScore{item: 11, self: p(100)}),
			want:  UnitResult{Max: 700, Penalty: 100, Points: -100, Band: "Yếu"},
			comps: map[int64][2]rule.Points{1: {0, 400}, 2: {0, 300}, 5: {0, 100}, 6: {0, 300}, 7: {0, 300}},
		},
		{
			name: "nothing applicable: no index, no band, not ranked",
			scores: resultsScores(1,
				resultsScore{item: 3, na: true}, resultsScore{item: 4, na: true},
				resultsScore{item: 5, na: true}, resultsScore{item: 8, na: true},
				resultsScore{item: 10, self: p(100)}),
			want:  UnitResult{Bonus: 100, Points: 100},
			comps: map[int64][2]rule.Points{1: {0, 0}, 2: {0, 0}, 5: {0, 0}, 6: {0, 0}, 7: {0, 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := []Assessment{{ID: 1, UnitID: 7, Status: StatusFinal, SubmittedAt: &resultsSubmittedAt, Ranked: true}}
			r := Compute(Framework{ID: 1}, resultsFormulaTree(), DefaultBands(), as, map[int64][]Score{1: tt.scores},
				map[int64]string{7: "Sở Tư pháp"})
			if len(r.Units) != 1 {
				t.Fatalf("units = %d, want 1", len(r.Units))
			}
			u := r.Units[0]
			got := [8]rule.Points{u.Max, u.Self, u.Appraised, u.Survey, u.Bonus, u.Penalty, u.Points, u.Deviation}
			want := [8]rule.Points{tt.want.Max, tt.want.Self, tt.want.Appraised, tt.want.Survey, tt.want.Bonus,
				tt.want.Penalty, tt.want.Points, tt.want.Deviation}
			if got != want {
				t.Errorf("max, self, appraised, survey, bonus, penalty, points, deviation = %v, want %v", got, want)
			}
			wantIndex := 0.0
			if tt.want.Max > 0 {
				wantIndex = float64(tt.want.Points) / float64(tt.want.Max) * 100
			}
			if u.IndexPercent != wantIndex {
				t.Errorf("index = %v, want %v", u.IndexPercent, wantIndex)
			}
			if u.Band != tt.want.Band {
				t.Errorf("band = %q, want %q", u.Band, tt.want.Band)
			}
			if wantRanked := tt.want.Max > 0; u.Ranked != wantRanked || (u.Rank != nil) != wantRanked {
				t.Errorf("ranked = %v, rank %v; want ranked %v", u.Ranked, u.Rank, wantRanked)
			}
			if u.UnitName != "Sở Tư pháp" || u.UnitID != 7 || u.Status != StatusFinal {
				t.Errorf("unit = %d %q %q", u.UnitID, u.UnitName, u.Status)
			}
			if len(u.Components) != len(tt.comps) {
				t.Errorf("components = %v, want items %v", u.Components, tt.comps)
			}
			for id, pm := range tt.comps {
				c, ok := u.Components[id]
				wantPct := 0.0
				if pm[1] > 0 {
					wantPct = float64(pm[0]) / float64(pm[1]) * 100
				}
				if !ok || c.ItemID != id || c.Points != pm[0] || c.Max != pm[1] || c.Percent != wantPct {
					t.Errorf("component %d = %+v, want %v/%v (%v%%)", id, c, pm[0], pm[1], wantPct)
				}
			}
		})
	}
}

func TestResultBandBoundaries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		bands       []Band
		points, max rule.Points
		want        string
	}{
		{"exactly 90% is Xuất sắc", DefaultBands(), 9000, 10000, "Xuất sắc"},
		{"just under 90% is Tốt", DefaultBands(), 8999, 10000, "Tốt"},
		{"exactly 80% over an odd maximum", DefaultBands(), 2800, 3500, "Tốt"},
		{"one hundredth under 65%", DefaultBands(), 6499, 10000, "Trung bình"},
		{"exactly 50%", DefaultBands(), 50, 100, "Trung bình"},
		{"0% is the lowest band", DefaultBands(), 0, 100, "Yếu"},
		{"negative is the lowest band", DefaultBands(), -50, 100, "Yếu"},
		{"over 100% with bonus", DefaultBands(), 10500, 10000, "Xuất sắc"},
		{"a fractional minimum 92,5%", []Band{{9250, "A"}, {0, "B"}}, 925, 1000, "A"},
		{"below a fractional minimum", []Band{{9250, "A"}, {0, "B"}}, 924, 1000, "B"},
		{"bands in any order", []Band{{0, "Yếu"}, {9000, "Xuất sắc"}, {5000, "Trung bình"}}, 60, 100, "Trung bình"},
		{"lowest band above 0 still catches", []Band{{5000, "Đạt"}, {3000, "Chưa đạt"}}, 10, 100, "Chưa đạt"},
		{"no bands", nil, 90, 100, ""},
		{"no maximum", DefaultBands(), 0, 0, ""},
	}
	for _, tt := range tests {
		if got := resultBand(tt.bands, tt.points, tt.max); got != tt.want {
			t.Errorf("%s: band of %d/%d = %q, want %q", tt.name, tt.points, tt.max, got, tt.want)
		}
	}
}

func TestComputeLostPoints(t *testing.T) {
	t.Parallel()
	p := resultsPts
	tree := resultsFormulaTree()
	as := []Assessment{
		{ID: 1, UnitID: 1, Status: StatusFinal, SubmittedAt: &resultsSubmittedAt, Ranked: true},
		{ID: 2, UnitID: 2, Status: StatusFinal, SubmittedAt: &resultsSubmittedAt, Ranked: true},
		{ID: 3, UnitID: 3, Status: StatusFinal, SubmittedAt: &resultsSubmittedAt, Ranked: false},    // not ranked: not counted
		{ID: 4, UnitID: 4, Status: StatusAppraised, SubmittedAt: &resultsSubmittedAt, Ranked: true}, // not final: not counted
	}
	full := func(id int64) []Score {
		return resultsScores(id, resultsScore{item: 3, self: p(0)}, resultsScore{item: 4, self: p(0)},
			resultsScore{item: 5, self: p(0)}, resultsScore{item: 8, survey: p(0)})
	}
	scores := map[int64][]Score{
		// Unit 1 loses 0,5 on 1.1.1 (appraised down), 1 on 1.2, 1 on 2.1.1; bonus and penalty never count.
		1: resultsScores(1, resultsScore{item: 3, self: p(200), appraised: p(150)}, resultsScore{item: 4, self: p(100)},
			resultsScore{item: 5, self: p(0)}, resultsScore{item: 8, survey: p(200)},
			resultsScore{item: 10, self: p(0)}, resultsScore{item: 11, self: p(100)}),
		// Unit 2 loses 0,5 on 1.1.1 and 3 on 2.1.1 (no survey row); 1.1.2 does not apply.
		2: resultsScores(2, resultsScore{item: 3, self: p(150)}, resultsScore{item: 4, na: true},
			resultsScore{item: 5, self: p(100)}),
		3: full(3),
		4: full(4),
	}
	r := Compute(Framework{}, tree, nil, as, scores, map[int64]string{1: "A", 2: "B", 3: "C", 4: "D"})
	type loss struct {
		number string
		lost   rule.Points
		units  int
	}
	want := []loss{{"2.1.1", 400, 2}, {"1.1.1", 100, 2}, {"1.2", 100, 1}}
	var got []loss
	for _, l := range r.Lost {
		got = append(got, loss{l.Item.Number, l.Lost, l.Units})
	}
	if len(got) != len(want) {
		t.Fatalf("lost = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("lost[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestComputeLostPointsTopTwenty(t *testing.T) {
	t.Parallel()
	items := []Item{resultsItem(1, 0, "1", LevelField, KindScore, 0)}
	var scores []Score
	for i := range 30 {
		id := int64(i + 2)
		items = append(items, resultsItem(id, 1, "1."+string(rune('A'+i)), LevelCriterion, KindScore, 100))
		// Item i loses i hundredths; item 0 loses nothing.
		scores = append(scores, Score{AssessmentID: 1, ItemID: id, Applicable: true, SelfPoints: resultsPts(rule.Points(100 - i))})
	}
	r := Compute(Framework{}, BuildTree(items), nil, []Assessment{{ID: 1, UnitID: 1, Status: StatusFinal, SubmittedAt: &resultsSubmittedAt, Ranked: true}},
		map[int64][]Score{1: scores}, nil)
	if len(r.Lost) != MaxLost {
		t.Fatalf("lost items = %d, want %d", len(r.Lost), MaxLost)
	}
	for i, l := range r.Lost {
		if want := rule.Points(29 - i); l.Lost != want || l.Units != 1 {
			t.Errorf("lost[%d] = %d on %s by %d units, want %d by 1", i, l.Lost, l.Item.Number, l.Units, want)
		}
	}
}

// A unit that never submitted its self-assessment earns only what the
// appraisal gave and its survey points: its draft self-scores do not count.
func TestComputeUnsubmitted(t *testing.T) {
	items := []Item{
		resultsItem(1, 0, "1", LevelField, KindScore, 0),
		resultsItem(2, 1, "1.1", LevelCriterion, KindScore, 200),
		resultsItem(3, 1, "1.2", LevelCriterion, KindScore, 100),
		resultsItem(4, 1, "1.3", LevelCriterion, KindSurvey, 100),
	}
	scores := []Score{
		{AssessmentID: 1, ItemID: 2, Applicable: true, SelfPoints: resultsPts(200)},
		{AssessmentID: 1, ItemID: 3, Applicable: true, SelfPoints: resultsPts(100), AppraisedPoints: resultsPts(50)},
		{AssessmentID: 1, ItemID: 4, Applicable: true, SurveyPoints: resultsPts(60)},
	}
	as := []Assessment{{ID: 1, UnitID: 1, Status: StatusFinal, Ranked: true}}
	u := Compute(Framework{}, BuildTree(items), nil, as, map[int64][]Score{1: scores}, nil).Units[0]
	if u.Self != 300 || u.Appraised != 50 || u.Survey != 60 || u.Points != 110 || u.Max != 400 {
		t.Errorf("self %d, appraised %d, survey %d, points %d, max %d; want 300, 50, 60, 110, 400",
			u.Self, u.Appraised, u.Survey, u.Points, u.Max)
	}
}

func TestResults(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(d)
		p := resultsPts
		items := []resultsDBItem{
			{number: "1", level: LevelField, kind: KindScore, max: 300},
			{number: "1.1", parent: "1", level: LevelCriterion, kind: KindScore, max: 200},
			{number: "1.2", parent: "1", level: LevelCriterion, kind: KindScore, max: 100, optional: true},
			{number: "2", level: LevelField, kind: KindScore, max: 100},
			{number: "2.1", parent: "2", level: LevelCriterion, kind: KindSurvey, max: 100},
			{number: "3", level: LevelField, kind: KindScore},
			{number: "3.1", parent: "3", level: LevelCriterion, kind: KindBonus, max: 50},
			{number: "3.2", parent: "3", level: LevelCriterion, kind: KindPenalty, max: 50},
		}
		a := resultsUnit(t, d, "SA", "Sở Tài chính", "agency")
		b := resultsUnit(t, d, "SB", "Sở Công Thương", "agency")
		c := resultsUnit(t, d, "SC", "Sở Xây dựng", "agency")
		n := resultsUnit(t, d, "SN", "Sở Nông nghiệp", "agency")

		prevID, prevIDs := resultsFramework(t, d, 2024, "agency", StageFinal, items, DefaultBands())
		// The previous year's indices are summed by the database: bonus, penalty,
		// not applicable items and missing rows all count as in Compute.
		resultsAssessment(t, d, prevID, a, StatusFinal, true, prevIDs, map[string]resultsScore{
			"1.1": {self: p(100)}, "1.2": {self: p(100)}, "2.1": {survey: p(50)},
			"3.1": {self: p(25), appraised: p(50)}}) // 300/400
		resultsAssessment(t, d, prevID, b, StatusFinal, true, prevIDs, map[string]resultsScore{
			"1.1": {self: p(200), appraised: p(150)}, "1.2": {na: true}, "2.1": {survey: p(100)},
			"3.1": {na: true, self: p(50)}, "3.2": {self: p(25)}}) // 225/300
		resultsAssessment(t, d, prevID, c, StatusFinal, true, prevIDs, nil) // 0/400

		fid, ids := resultsFramework(t, d, 2025, "agency", StageAppraisal, items, DefaultBands())
		resultsAssessment(t, d, fid, a, StatusAppraised, true, ids, map[string]resultsScore{
			"1.1": {self: p(200), appraised: p(150)}, "1.2": {self: p(100)}, "2.1": {survey: p(80)},
			"3.1": {self: p(50)}}) // 150 + 100 + 80 + 50 = 380/400 = 95%
		resultsAssessment(t, d, fid, b, StatusSubmitted, true, ids, map[string]resultsScore{
			"1.1": {self: p(200)}, "1.2": {na: true}, "2.1": {survey: p(85)}}) // 285/300 = 95%
		resultsAssessment(t, d, fid, c, StatusFinal, true, ids, nil) // 0/400
		resultsAssessment(t, d, fid, n, StatusFinal, false, ids, map[string]resultsScore{
			"1.1": {self: p(200)}, "1.2": {self: p(100)}, "2.1": {survey: p(100)}}) // 100%, unranked

		r, err := s.Results(ctx, fid)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := resultsRanks(r.Units), "Sở Công Thương:1 Sở Tài chính:1 Sở Xây dựng:3 Sở Nông nghiệp:-"; got != want {
			t.Errorf("ranking = %s, want %s", got, want)
		}
		if r.Framework.ID != fid || len(r.Bands) != 5 || len(r.Tree.Items) != len(items) {
			t.Errorf("framework %d, %d bands, %d items", r.Framework.ID, len(r.Bands), len(r.Tree.Items))
		}
		want := map[int64]struct {
			points, max rule.Points
			prev        *float64
			band        string
		}{
			a: {380, 400, resultsFloatPtr(75), "Xuất sắc"},
			b: {285, 300, resultsFloatPtr(75), "Xuất sắc"},
			c: {0, 400, resultsFloatPtr(0), "Yếu"},
			n: {400, 400, nil, "Xuất sắc"},
		}
		for _, u := range r.Units {
			w := want[u.UnitID]
			if u.Points != w.points || u.Max != w.max || u.Band != w.band {
				t.Errorf("%s: %d/%d %q, want %d/%d %q", u.UnitName, u.Points, u.Max, u.Band, w.points, w.max, w.band)
			}
			switch {
			case (u.PrevIndexPercent == nil) != (w.prev == nil):
				t.Errorf("%s: previous index %v, want %v", u.UnitName, u.PrevIndexPercent, w.prev)
			case w.prev != nil && *u.PrevIndexPercent != *w.prev:
				t.Errorf("%s: previous index %v, want %v", u.UnitName, *u.PrevIndexPercent, *w.prev)
			}
		}
		if ch := r.Units[1].Change(); r.Units[1].UnitID != a || ch == nil || *ch != 20 {
			t.Errorf("change of %s = %v, want 20", r.Units[1].UnitName, ch)
		}
		if ch := r.Units[3].Change(); r.Units[3].UnitID != n || ch != nil {
			t.Errorf("change of %s = %v, want none", r.Units[3].UnitName, ch)
		}
		if len(r.Lost) == 0 || r.Lost[0].Item.Number != "1.1" || r.Lost[0].Lost != 200 || r.Lost[0].Units != 1 {
			t.Errorf("lost = %+v, want 1.1 first (2 points by the one final ranked unit)", r.Lost)
		}

		// A previous framework that is not final gives no comparison.
		if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE index_frameworks SET stage = ? WHERE id = ?`), StageAppraisal, prevID); err != nil {
			t.Fatal(err)
		}
		r, err = s.Results(ctx, fid)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range r.Units {
			if u.PrevIndexPercent != nil {
				t.Errorf("%s: previous index %v from a framework not final", u.UnitName, *u.PrevIndexPercent)
			}
		}

		if _, err := s.Results(ctx, fid+1000); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("results of an unknown framework: %v, want db.ErrNotFound", err)
		}
	})
}

func resultsFloatPtr(f float64) *float64 { return &f }
