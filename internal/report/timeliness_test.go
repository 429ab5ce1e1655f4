package report

import (
	"context"
	"fmt"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
)

func TestTimeliness(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newScenario(t, d)
		store := NewStore(d)
		ctx := context.Background()
		q1 := s.periods["2026-Q1"]
		tl, err := store.TimelinessOf(ctx, s.P.ID, q1, s.form)
		if err != nil {
			t.Fatal(err)
		}
		if want := (Tally{Expected: 6, SubmittedOnTime: 3, SubmittedLate: 1, Missing: 2}); tl.Tally != want {
			t.Errorf("tally = %+v, want %+v", tl.Tally, want)
		}
		c, err := store.ConsolidateOf(ctx, s.P.ID, q1, s.form)
		if err != nil {
			t.Fatal(err)
		}
		if c.Tally != tl.Tally {
			t.Errorf("consolidation's tally %+v differs from timeliness %+v", c.Tally, tl.Tally)
		}
		var kinds []string
		for _, k := range tl.ByKind {
			kinds = append(kinds, fmt.Sprintf("%s %d/%d/%d/%d", k.Kind, k.Expected, k.SubmittedOnTime, k.SubmittedLate, k.Missing))
		}
		if got, want := fmt.Sprint(kinds), "[agency 1/1/0/0 district 2/0/0/2 commune 3/2/1/0]"; got != want {
			t.Errorf("by kind = %s, want %s", got, want)
		}
		var parents []string
		for _, p := range tl.ByParent {
			parents = append(parents, fmt.Sprintf("%s %d/%d/%d/%d", p.Name, p.Expected, p.SubmittedOnTime, p.SubmittedLate, p.Missing))
		}
		if got, want := fmt.Sprint(parents), "[Tỉnh Thử Nghiệm 3/1/0/2 Huyện Đông Sơn 1/1/0/0 Huyện Tây Sơn 2/1/1/0]"; got != want {
			t.Errorf("by parent = %s, want %s", got, want)
		}
		var missing []string
		for _, u := range tl.Missing {
			missing = append(missing, fmt.Sprintf("%s %q %s", u.Code, u.Status, u.Deadline))
		}
		if got, want := fmt.Sprint(missing), `[H1 "draft" 2026-03-05 H2 "" 2026-03-20]`; got != want {
			t.Errorf("missing = %s, want %s", got, want)
		}
		if len(tl.Units) != 6 {
			t.Errorf("units = %d, want 6", len(tl.Units))
		}
		for _, u := range tl.Units {
			if u.Code == "XB" && (u.ParentID != s.D2.ID || u.Status != StatusAccepted || u.OnTime == nil || *u.OnTime || u.SubmittedAt == nil) {
				t.Errorf("B = %+v, want accepted late under district 2", u)
			}
			if u.Code == "XC" && u.ParentID != s.D2.ID {
				t.Errorf("C's parent = %d, want district 2 (%d) where it was before the merger", u.ParentID, s.D2.ID)
			}
		}

		q2, err := store.TimelinessOf(ctx, s.D2.ID, s.periods["2026-Q2"], s.form)
		if err != nil {
			t.Fatal(err)
		}
		if want := (Tally{Expected: 2, Missing: 2}); q2.Tally != want || len(q2.Missing) != 2 {
			t.Errorf("district 2 in Q2: tally %+v missing %d, want %+v and 2", q2.Tally, len(q2.Missing), want)
		}
	})
}

func TestTimelinessOfGrouping(t *testing.T) {
	yes, no := true, false
	now := time.Date(2026, time.March, 4, 9, 0, 0, 0, time.UTC)
	row := func(id, parent int64, kind, name, parentName, status string, onTime *bool) statusRow {
		r := statusRow{UnitStatus: UnitStatus{UnitID: id, Code: fmt.Sprint("U", id), Name: name, Kind: kind, ParentID: parent,
			Status: status, OnTime: onTime, Deadline: civil.New(2026, time.March, 5)}, KindName: kind, ParentName: parentName}
		if onTime != nil {
			r.SubmittedAt = &now
		}
		return r
	}
	tests := []struct {
		name     string
		rows     []statusRow
		tally    Tally
		byKind   string
		byParent string
		missing  int
	}{
		{name: "no expected unit", tally: Tally{}, byKind: "[]", byParent: "[]"},
		{name: "statuses", rows: []statusRow{
			row(2, 1, "district", "Huyện A", "Tỉnh", StatusSubmitted, &yes),
			row(3, 1, "district", "Huyện B", "Tỉnh", StatusAccepted, &no),
			row(4, 2, "commune", "Xã C", "Huyện A", StatusDraft, nil),
			row(5, 3, "commune", "Xã D", "Huyện B", StatusReturned, &yes),
			row(6, 2, "commune", "Xã E", "Huyện A", "", nil),
		}, tally: Tally{Expected: 5, SubmittedOnTime: 1, SubmittedLate: 1, Missing: 3},
			byKind: "[district 2/1/1/0 commune 3/0/0/3]", byParent: "[Tỉnh 2/1/1/0 Huyện A 2/0/0/2 Huyện B 1/0/0/1]", missing: 3},
		{name: "root first, then parents by Vietnamese name", rows: []statusRow{
			row(7, 9, "commune", "Xã G", "Đồng Tháp", StatusSubmitted, &yes),
			row(8, 10, "commune", "Xã H", "Duyên Hải", StatusSubmitted, &yes),
			row(1, 1, "province", "Tỉnh", "Tỉnh", StatusSubmitted, &no),
		}, tally: Tally{Expected: 3, SubmittedOnTime: 2, SubmittedLate: 1},
			byKind: "[commune 2/2/0/0 province 1/0/1/0]", byParent: "[Tỉnh 1/0/1/0 Duyên Hải 1/1/0/0 Đồng Tháp 1/1/0/0]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl := timelinessOf(1, "2026-Q1", "CCHC", tc.rows)
			if tl.Tally != tc.tally {
				t.Errorf("tally = %+v, want %+v", tl.Tally, tc.tally)
			}
			kinds := []string{}
			for _, k := range tl.ByKind {
				kinds = append(kinds, fmt.Sprintf("%s %d/%d/%d/%d", k.Kind, k.Expected, k.SubmittedOnTime, k.SubmittedLate, k.Missing))
			}
			if got := fmt.Sprint(kinds); got != tc.byKind {
				t.Errorf("by kind = %s, want %s", got, tc.byKind)
			}
			parents := []string{}
			for _, p := range tl.ByParent {
				parents = append(parents, fmt.Sprintf("%s %d/%d/%d/%d", p.Name, p.Expected, p.SubmittedOnTime, p.SubmittedLate, p.Missing))
			}
			if got := fmt.Sprint(parents); got != tc.byParent {
				t.Errorf("by parent = %s, want %s", got, tc.byParent)
			}
			if len(tl.Missing) != tc.missing || len(tl.Units) != len(tc.rows) {
				t.Errorf("missing %d of %d units, want %d of %d", len(tl.Missing), len(tl.Units), tc.missing, len(tc.rows))
			}
		})
	}
}
