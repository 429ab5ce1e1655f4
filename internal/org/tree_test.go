package org_test

import (
	"context"
	"maps"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
)

// outline renders a forest as "T(SNV H1(XA XB))".
func outline(nodes []*org.Node) string {
	parts := make([]string, len(nodes))
	for i, n := range nodes {
		parts[i] = n.Unit.Code
		if len(n.Children) > 0 {
			parts[i] += "(" + outline(n.Children) + ")"
		}
	}
	return strings.Join(parts, " ")
}

func find(nodes []*org.Node, code string) *org.Node {
	for _, n := range nodes {
		if n.Unit.Code == code {
			return n
		}
		if f := find(n.Children, code); f != nil {
			return f
		}
	}
	return nil
}

func tree(t *testing.T, s *org.Store, on civil.Date) []*org.Node {
	t.Helper()
	roots, err := s.Tree(context.Background(), on)
	if err != nil {
		t.Fatalf("Tree(%s): %v", on, err)
	}
	return roots
}

func TestTreeCounts(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		p.mk(t, "STP", "Sở Tư pháp", "agency", &p.T)
		p.mk(t, "BAO", "Báo Thử Nghiệm", "other", &p.T)
		roots := tree(t, p.s, civil.Date{})
		// Children by kind order (agency, district, ..., other), then name.
		if got, want := outline(roots), "T(SNV STP H1(XA XB) BAO)"; got != want {
			t.Fatalf("tree = %s, want %s", got, want)
		}
		tests := []struct {
			code   string
			desc   int
			byKind map[string]int
		}{
			{"T", 6, map[string]int{"agency": 2, "district": 1, "commune": 2, "other": 1}},
			{"H1", 2, map[string]int{"commune": 2}},
			{"XA", 0, map[string]int{}},
		}
		for _, tt := range tests {
			n := find(roots, tt.code)
			if n == nil {
				t.Fatalf("%s not in tree", tt.code)
			}
			if n.Descendants != tt.desc || !maps.Equal(n.ByKind, tt.byKind) {
				t.Errorf("%s: descendants %d by kind %v, want %d %v", tt.code, n.Descendants, n.ByKind, tt.desc, tt.byKind)
			}
		}
	})
}

func TestTreeOnADay(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		reform := day(2025, time.July, 1)
		p.create(t, org.Input{Code: "XN", Name: "Xã Non", Kind: "commune", ParentID: &p.H1.ID, ActiveFrom: day(2024, time.January, 1)})
		// Z existed before its parent did: on those days it is a root.
		p.create(t, org.Input{Code: "Z", Name: "Hội Cũ", Kind: "other", ParentID: &p.T.ID, ActiveFrom: day(2019, time.June, 1)})
		if _, err := p.s.Dissolve(ctx, p.H1.ID, org.DissolveInput{Change: org.Change{Effective: reform}}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			on   civil.Date
			want string
			desc int // descendants of the province
		}{
			{"before the commune XN", day(2023, time.June, 1), "T(SNV H1(XA XB) Z)", 5},
			{"the eve of the reform", reform.AddDays(-1), "T(SNV H1(XA XB XN) Z)", 6},
			{"the reform", reform, "T(SNV XA XB XN Z)", 5},
			{"today's parents, every unit", civil.Date{}, "T(SNV H1 XA XB XN Z)", 6},
			{"parent not yet active", day(2019, time.July, 1), "Z", 0},
			{"before anything", day(2019, time.January, 1), "", 0},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				roots := tree(t, p.s, tt.on)
				if got := outline(roots); got != tt.want {
					t.Errorf("Tree(%s) = %s, want %s", tt.on, got, tt.want)
				}
				if n := find(roots, "T"); n != nil && n.Descendants != tt.desc {
					t.Errorf("province descendants = %d, want %d", n.Descendants, tt.desc)
				}
			})
		}
		roots := tree(t, p.s, reform.AddDays(-1))
		if n := find(roots, "H1"); n == nil || n.Descendants != 3 || n.ByKind["commune"] != 3 {
			t.Errorf("district node on the eve = %+v", n)
		}
	})
}
