package org_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/valid"
)

func eventsOf(t *testing.T, s *org.Store, id int64) []org.Event {
	t.Helper()
	events, _, err := s.History(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return events
}

func eventKinds(events []org.Event) string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Event
	}
	return strings.Join(out, ",")
}

func parentOn(t *testing.T, s *org.Store, id int64, on civil.Date) int64 {
	t.Helper()
	v, err := s.VersionOn(context.Background(), id, on)
	if err != nil {
		t.Fatalf("VersionOn(%d, %s): %v", id, on, err)
	}
	if v.ParentID == nil {
		return 0
	}
	return *v.ParentID
}

func TestRenameKeepsOldNameInVersionsAndAliases(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		eff := day(2023, time.March, 1)
		u, err := p.s.Rename(ctx, p.XA.ID, org.RenameInput{Change: org.Change{Effective: eff, Decision: " Nghị quyết  số 12/NQ-HĐND "},
			Name: "Phường An Phú", ShortName: "P. An Phú"})
		if err != nil {
			t.Fatal(err)
		}
		if u.Name != "Phường An Phú" || u.ShortName != "P. An Phú" || !slices.Contains(u.Aliases, "Xã An Phú") {
			t.Errorf("renamed = %+v", u)
		}
		tests := []struct {
			on   civil.Date
			want string
		}{
			{start, "Xã An Phú"},
			{eff.AddDays(-1), "Xã An Phú"},
			{eff, "Phường An Phú"},
			{day(2030, time.January, 1), "Phường An Phú"},
		}
		for _, tt := range tests {
			v, err := p.s.VersionOn(ctx, p.XA.ID, tt.on)
			if err != nil || v.Name != tt.want {
				t.Errorf("VersionOn(%s) = %q, %v; want %q", tt.on, v.Name, err, tt.want)
			}
		}
		if _, err := p.s.VersionOn(ctx, p.XA.ID, day(2019, time.December, 31)); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("VersionOn before the unit existed: err = %v, want ErrNotFound", err)
		}
		events := eventsOf(t, p.s, p.XA.ID)
		if eventKinds(events) != "created,renamed" || events[1].Effective != eff || events[1].Decision != "Nghị quyết số 12/NQ-HĐND" ||
			!strings.Contains(events[1].Detail, "Xã An Phú") || events[1].Label() != "Đổi tên" {
			t.Errorf("events = %+v", events)
		}
		// Documents written before the change still find the unit.
		for _, q := range []string{"xa an phu", "phuong an phu"} {
			units, _, err := p.s.List(ctx, org.Filter{Q: q})
			if err != nil || codes(units) != "XA" {
				t.Errorf("List(%q) = %q, %v", q, codes(units), err)
			}
		}
		row, before, after := lastUnitAudit(t, d, p.XA.ID)
		if row.Action != audit.Update || before["name"] != "Xã An Phú" || after["name"] != "Phường An Phú" {
			t.Errorf("audit %s before %v after %v", row.Action, before["name"], after["name"])
		}
	})
}

func TestRenameRefusals(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		if _, err := p.s.Rename(ctx, p.XA.ID, org.RenameInput{Change: org.Change{Effective: day(2023, time.January, 1)}, Name: "Xã An Phú Mới"}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name  string
			in    org.RenameInput
			field string
		}{
			{"no effective day", org.RenameInput{Name: "Xã Mới"}, "effective"},
			{"a new name that is empty after cleaning", org.RenameInput{Change: org.Change{Effective: day(2024, time.January, 1)}, Name: " \t "}, "name"},
			{"no name", org.RenameInput{Change: org.Change{Effective: day(2023, time.January, 1)}}, "name"},
			{"same name", org.RenameInput{Change: org.Change{Effective: day(2023, time.January, 1)}, Name: " Xã  An Phú  Mới "}, "name"},
			{"before the current name took effect", org.RenameInput{Change: org.Change{Effective: day(2022, time.December, 31)}, Name: "Xã Mới"}, "effective"},
			{"before the unit existed", org.RenameInput{Change: org.Change{Effective: day(2019, time.January, 1)}, Name: "Xã Mới"}, "effective"},
			{"decision too long", org.RenameInput{Change: org.Change{Effective: day(2023, time.January, 1), Decision: strings.Repeat("x", 256)}, Name: "Xã Mới"}, "decision"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := snapshot(t, d)
				_, err := p.s.Rename(ctx, p.XA.ID, tt.in)
				fieldErr(t, err, tt.field)
				sameSnapshot(t, d, before)
			})
		}
	})
}

// TestChangesOnOneDay: a unit renamed and moved on the same day has one
// version from that day carrying both changes.
func TestChangesOnOneDay(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		eff := day(2025, time.July, 1)
		if _, err := p.s.Rename(ctx, p.XA.ID, org.RenameInput{Change: org.Change{Effective: eff}, Name: "Phường An Phú"}); err != nil {
			t.Fatal(err)
		}
		if _, err := p.s.Move(ctx, p.XA.ID, org.MoveInput{Change: org.Change{Effective: eff}, ParentID: p.T.ID}); err != nil {
			t.Fatal(err)
		}
		_, versions, err := p.s.History(ctx, p.XA.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(versions) != 2 {
			t.Fatalf("versions = %+v, want 2", versions)
		}
		old, cur := versions[0], versions[1]
		if old.Name != "Xã An Phú" || *old.ParentID != p.H1.ID || old.ValidTo != eff.AddDays(-1) {
			t.Errorf("old version = %+v", old)
		}
		if cur.Name != "Phường An Phú" || *cur.ParentID != p.T.ID || cur.ValidFrom != eff || !cur.ValidTo.IsZero() {
			t.Errorf("current version = %+v", cur)
		}
		if got := eventKinds(eventsOf(t, p.s, p.XA.ID)); got != "created,renamed,moved" {
			t.Errorf("events = %s", got)
		}
		// A change dated before the current version is still refused.
		_, err = p.s.Move(ctx, p.XA.ID, org.MoveInput{Change: org.Change{Effective: eff.AddDays(-1)}, ParentID: p.H1.ID})
		fieldErr(t, err, "effective")
	})
}

func TestMoveRecordsParentHistory(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		h2 := p.mk(t, "H2", "Huyện Tây Sơn", "district", &p.T)
		eff := day(2024, time.January, 1)
		u, err := p.s.Move(ctx, p.XA.ID, org.MoveInput{Change: org.Change{Effective: eff, Decision: "NQ 5/2023"}, ParentID: h2.ID})
		if err != nil {
			t.Fatal(err)
		}
		if *u.ParentID != h2.ID {
			t.Errorf("parent after move = %d, want %d", *u.ParentID, h2.ID)
		}
		if got := parentOn(t, p.s, p.XA.ID, eff.AddDays(-1)); got != p.H1.ID {
			t.Errorf("parent the day before = %d, want H1 %d", got, p.H1.ID)
		}
		if got := parentOn(t, p.s, p.XA.ID, eff); got != h2.ID {
			t.Errorf("parent on the day = %d, want H2 %d", got, h2.ID)
		}
		events := eventsOf(t, p.s, p.XA.ID)
		if eventKinds(events) != "created,moved" || *events[1].RelatedUnitID != h2.ID || events[1].Decision != "NQ 5/2023" {
			t.Errorf("events = %+v", events)
		}
		old, err := p.s.ChildrenOn(ctx, p.H1.ID, eff.AddDays(-1))
		if err != nil || !slices.Equal(old, []int64{p.XA.ID, p.XB.ID}) {
			t.Errorf("ChildrenOn(H1, before) = %v, %v", old, err)
		}
		now, err := p.s.ChildrenOn(ctx, p.H1.ID, eff)
		if err != nil || !slices.Equal(now, []int64{p.XB.ID}) {
			t.Errorf("ChildrenOn(H1, after) = %v, %v", now, err)
		}
		_, before, after := lastUnitAudit(t, d, p.XA.ID)
		if before["parent_id"] != float64(p.H1.ID) || after["parent_id"] != float64(h2.ID) {
			t.Errorf("audit parent before %v after %v", before["parent_id"], after["parent_id"])
		}
	})
}

func TestMoveRefusals(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		late := p.create(t, org.Input{Code: "H9", Name: "Huyện Sau", Kind: "district", ParentID: &p.T.ID, ActiveFrom: day(2025, time.January, 1)})
		eff := org.Change{Effective: day(2024, time.January, 1)}
		tests := []struct {
			name  string
			id    int64
			in    org.MoveInput
			field string
		}{
			{"into its own child", p.H1.ID, org.MoveInput{Change: eff, ParentID: p.XA.ID}, "parent_id"},
			{"into its grandchild", p.T.ID, org.MoveInput{Change: eff, ParentID: p.XB.ID}, "parent_id"},
			{"into itself", p.XA.ID, org.MoveInput{Change: eff, ParentID: p.XA.ID}, "parent_id"},
			{"to its parent", p.XA.ID, org.MoveInput{Change: eff, ParentID: p.H1.ID}, "parent_id"},
			{"no parent", p.XA.ID, org.MoveInput{Change: eff}, "parent_id"},
			{"unknown parent", p.XA.ID, org.MoveInput{Change: eff, ParentID: 999999}, "parent_id"},
			{"parent not yet active", p.XA.ID, org.MoveInput{Change: eff, ParentID: late.ID}, "parent_id"},
			{"no effective day", p.XA.ID, org.MoveInput{ParentID: p.T.ID}, "effective"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := snapshot(t, d)
				_, err := p.s.Move(ctx, tt.id, tt.in)
				fieldErr(t, err, tt.field)
				sameSnapshot(t, d, before)
			})
		}
	})
}

func TestDissolveMovesChildren(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eff := day(2025, time.July, 1)
	tests := []struct {
		name   string
		target func(p *province) int64 // ChildrenTo; 0 = the parent
		want   func(p *province) int64
	}{
		{"to its parent", func(*province) int64 { return 0 }, func(p *province) int64 { return p.T.ID }},
		{"to a chosen unit", func(p *province) int64 { return p.SNV.ID }, func(p *province) int64 { return p.SNV.ID }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				t.Parallel()
				p := newProvince(t, d)
				// A commune that ended before the dissolution stays where it was.
				gone := p.mk(t, "XG", "Xã Đã Giải Thể", "commune", &p.H1)
				if _, err := p.s.Dissolve(ctx, gone.ID, org.DissolveInput{Change: org.Change{Effective: day(2022, time.January, 1)}}); err != nil {
					t.Fatal(err)
				}
				u, err := p.s.Dissolve(ctx, p.H1.ID, org.DissolveInput{Change: org.Change{Effective: eff, Decision: "NQ 1656/NQ-UBTVQH15"},
					ChildrenTo: tt.target(p)})
				if err != nil {
					t.Fatal(err)
				}
				if u.ActiveTo != eff.AddDays(-1) || u.ActiveOn(eff) || !u.ActiveOn(eff.AddDays(-1)) || u.SuccessorID != nil {
					t.Errorf("dissolved unit = %+v", u)
				}
				want := tt.want(p)
				for _, c := range []org.Unit{p.XA, p.XB} {
					if got := *p.get(t, c.ID).ParentID; got != want {
						t.Errorf("%s parent = %d, want %d", c.Code, got, want)
					}
					if got := parentOn(t, p.s, c.ID, eff.AddDays(-1)); got != p.H1.ID {
						t.Errorf("%s parent before = %d, want H1", c.Code, got)
					}
					if got := parentOn(t, p.s, c.ID, eff); got != want {
						t.Errorf("%s parent from %s = %d, want %d", c.Code, eff, got, want)
					}
				}
				if got := *p.get(t, gone.ID).ParentID; got != p.H1.ID {
					t.Errorf("ended commune moved to %d", got)
				}
				if _, err := p.s.VersionOn(ctx, p.H1.ID, eff); !errors.Is(err, db.ErrNotFound) {
					t.Errorf("VersionOn(dissolved, effective) err = %v, want ErrNotFound", err)
				}
				if events := eventsOf(t, p.s, p.H1.ID); eventKinds(events) != "created,dissolved" || events[1].Decision != "NQ 1656/NQ-UBTVQH15" {
					t.Errorf("events = %+v", events)
				}
				_, before, after := lastUnitAudit(t, d, p.H1.ID)
				if before["active_to"] != nil || after["active_to"] != "2025-06-30" {
					t.Errorf("audit active_to before %v after %v", before["active_to"], after["active_to"])
				}
				// With no successor, the unit resolves to itself.
				if r, err := p.s.Resolve(ctx, p.H1.ID, eff); err != nil || r.ID != p.H1.ID {
					t.Errorf("Resolve(dissolved) = %d, %v", r.ID, err)
				}
				// Dissolving again is refused: it no longer exists on that day.
				_, err = p.s.Dissolve(ctx, p.H1.ID, org.DissolveInput{Change: org.Change{Effective: eff.AddDays(10)}})
				fieldErr(t, err, "effective")
			})
		})
	}
}

func TestDissolveWithChildrenAndNowhereToPutThemChangesNothing(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		before := snapshot(t, d)
		_, err := p.s.Dissolve(ctx, p.T.ID, org.DissolveInput{Change: org.Change{Effective: day(2025, time.July, 1)}})
		msg := fieldErr(t, err, "children_to")
		if !strings.Contains(msg, "Tỉnh Thử Nghiệm") || !strings.Contains(msg, "đơn vị trực thuộc") {
			t.Errorf("message = %q", msg)
		}
		if valid.Message(err) == "" {
			t.Error("no user-facing message")
		}
		sameSnapshot(t, d, before)
		if u := p.get(t, p.T.ID); !u.ActiveTo.IsZero() {
			t.Errorf("province ended by a refused dissolution: %+v", u)
		}
		for _, c := range []org.Unit{p.SNV, p.H1} {
			if got := *p.get(t, c.ID).ParentID; got != p.T.ID {
				t.Errorf("%s moved to %d by a refused dissolution", c.Code, got)
			}
		}
		// Children moving into their own subtree is refused too, and rolled back.
		_, err = p.s.Dissolve(ctx, p.T.ID, org.DissolveInput{Change: org.Change{Effective: day(2025, time.July, 1)}, ChildrenTo: p.XA.ID})
		fieldErr(t, err, "children_to")
		sameSnapshot(t, d, before)
		// A leaf with no parent can be dissolved.
		lone := p.mk(t, "L", "Đơn vị độc lập", "other", nil)
		if _, err := p.s.Dissolve(ctx, lone.ID, org.DissolveInput{Change: org.Change{Effective: day(2025, time.July, 1)}}); err != nil {
			t.Errorf("Dissolve(lone leaf) = %v", err)
		}
	})
}

func TestMergeIntoNewUnit(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 3, Username: "coord"})
		xc := p.mk(t, "XC", "Xã Cẩm Lý", "commune", &p.H1)
		// A village-level unit under XB moves to the new commune.
		thon := p.mk(t, "XB-T1", "Thôn Một", "other", &p.XB)
		eff := day(2025, time.July, 1)
		nu, err := p.s.Merge(ctx, org.MergeInput{Change: org.Change{Effective: eff, Decision: "NQ 1656"},
			Sources: []int64{p.XA.ID, p.XB.ID, xc.ID},
			New:     &org.Input{Code: "XM", Name: "Xã Hợp Nhất", Kind: "commune"}})
		if err != nil {
			t.Fatal(err)
		}
		if nu.Code != "XM" || nu.ActiveFrom != eff || nu.ParentID == nil || *nu.ParentID != p.H1.ID {
			t.Errorf("new unit = %+v", nu)
		}
		for _, src := range []org.Unit{p.XA, p.XB, xc} {
			u := p.get(t, src.ID)
			if u.ActiveTo != eff.AddDays(-1) || u.SuccessorID == nil || *u.SuccessorID != nu.ID {
				t.Errorf("%s after merge: active_to %s successor %v", src.Code, u.ActiveTo, u.SuccessorID)
			}
			events := eventsOf(t, p.s, src.ID)
			last := events[len(events)-1]
			if last.Event != org.EventMergedInto || *last.RelatedUnitID != nu.ID || last.Effective != eff {
				t.Errorf("%s last event = %+v", src.Code, last)
			}
			tests := []struct {
				on   civil.Date
				want int64
			}{
				{eff.AddDays(-1), src.ID},
				{eff, nu.ID},
				{civil.Today(time.UTC), nu.ID},
			}
			for _, tt := range tests {
				r, err := p.s.Resolve(ctx, src.ID, tt.on)
				if err != nil || r.ID != tt.want {
					t.Errorf("Resolve(%s, %s) = %d, %v; want %d", src.Code, tt.on, r.ID, err, tt.want)
				}
			}
			row, before, after := lastUnitAudit(t, d, src.ID)
			if row.Username != "coord" || before["active_to"] != nil || after["successor_id"] != float64(nu.ID) {
				t.Errorf("%s audit %s before %v after %v", src.Code, row.Summary, before["active_to"], after["successor_id"])
			}
		}
		if got := eventKinds(eventsOf(t, p.s, nu.ID)); got != "created,absorbed,absorbed,absorbed" {
			t.Errorf("new unit events = %s", got)
		}
		if got := *p.get(t, thon.ID).ParentID; got != nu.ID {
			t.Errorf("sub-unit of a source moved to %d, want the new unit", got)
		}
		if row, _, after := lastUnitAudit(t, d, nu.ID); row.Action != audit.Create || after["code"] != "XM" {
			t.Errorf("new unit audit = %+v", row)
		}
		// The merged communes no longer count as children of H1 after the day.
		kids, err := p.s.ChildrenOn(ctx, p.H1.ID, eff)
		if err != nil || !slices.Equal(kids, []int64{nu.ID}) {
			t.Errorf("ChildrenOn(H1, %s) = %v, %v", eff, kids, err)
		}
	})
}

func TestMergeIntoExistingUnit(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		eff := day(2024, time.January, 1)
		target, err := p.s.Merge(ctx, org.MergeInput{Change: org.Change{Effective: eff}, Sources: []int64{p.XB.ID}, Target: p.XA.ID})
		if err != nil {
			t.Fatal(err)
		}
		if target.ID != p.XA.ID || !target.ActiveTo.IsZero() {
			t.Errorf("target = %+v", target)
		}
		xb := p.get(t, p.XB.ID)
		if xb.ActiveTo != day(2023, time.December, 31) || *xb.SuccessorID != p.XA.ID {
			t.Errorf("source = %+v", xb)
		}
		if got := eventKinds(eventsOf(t, p.s, p.XA.ID)); got != "created,absorbed" {
			t.Errorf("target events = %s", got)
		}
		if got := eventKinds(eventsOf(t, p.s, p.XB.ID)); got != "created,merged_into" {
			t.Errorf("source events = %s", got)
		}
		// Merges chain: XA later merges into XN, and XB resolves through it.
		xn := p.mk(t, "XN", "Xã Nam", "commune", &p.H1)
		if _, err := p.s.Merge(ctx, org.MergeInput{Change: org.Change{Effective: day(2025, time.July, 1)}, Sources: []int64{p.XA.ID}, Target: xn.ID}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			on   civil.Date
			want int64
		}{
			{day(2023, time.June, 1), p.XB.ID},
			{day(2024, time.June, 1), p.XA.ID},
			{day(2025, time.July, 1), xn.ID},
		}
		for _, tt := range tests {
			if r, err := p.s.Resolve(ctx, p.XB.ID, tt.on); err != nil || r.ID != tt.want {
				t.Errorf("Resolve(XB, %s) = %d, %v; want %d", tt.on, r.ID, err, tt.want)
			}
		}
	})
}

func TestMergeRefusals(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		eff := org.Change{Effective: day(2025, time.July, 1)}
		newCommune := &org.Input{Code: "XM", Name: "Xã Mới", Kind: "commune"}
		tests := []struct {
			name  string
			in    org.MergeInput
			field string
		}{
			{"no sources", org.MergeInput{Change: eff, Target: p.XA.ID}, "sources"},
			{"no target", org.MergeInput{Change: eff, Sources: []int64{p.XA.ID, p.XB.ID}}, "sources"},
			{"one source into a new unit", org.MergeInput{Change: eff, Sources: []int64{p.XA.ID}, New: newCommune}, "sources"},
			{"target among sources", org.MergeInput{Change: eff, Sources: []int64{p.XA.ID, p.XB.ID}, Target: p.XA.ID}, "sources"},
			{"source twice", org.MergeInput{Change: eff, Sources: []int64{p.XA.ID, p.XA.ID}, New: newCommune}, "sources"},
			{"unknown source", org.MergeInput{Change: eff, Sources: []int64{p.XA.ID, 999999}, New: newCommune}, "sources"},
			{"unknown target", org.MergeInput{Change: eff, Sources: []int64{p.XA.ID}, Target: 999999}, "target"},
			{"target below the source", org.MergeInput{Change: eff, Sources: []int64{p.H1.ID}, Target: p.XA.ID}, "target"},
			{"new unit with a taken code", org.MergeInput{Change: eff, Sources: []int64{p.XA.ID, p.XB.ID},
				New: &org.Input{Code: "SNV", Name: "Xã Mới", Kind: "commune"}}, "code"},
			{"no effective day", org.MergeInput{Sources: []int64{p.XB.ID}, Target: p.XA.ID}, "effective"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := snapshot(t, d)
				_, err := p.s.Merge(ctx, tt.in)
				fieldErr(t, err, tt.field)
				sameSnapshot(t, d, before)
			})
		}
	})
}

// TestReform2025 replays the 2025 reform on a small province: two communes
// of a district merge into a new commune on 01/07/2025, and the district is
// dissolved the same day, its communes moving up to the province.
func TestReform2025(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		xc := p.mk(t, "XC", "Xã Cẩm Lý", "commune", &p.H1)
		reform := day(2025, time.July, 1)
		eve := reform.AddDays(-1)
		change := org.Change{Effective: reform, Decision: "Nghị quyết số 1656/NQ-UBTVQH15"}
		nu, err := p.s.Merge(ctx, org.MergeInput{Change: change, Sources: []int64{p.XA.ID, p.XB.ID},
			New: &org.Input{Code: "XAB", Name: "Xã An Bình", Kind: "commune"}})
		if err != nil {
			t.Fatalf("merge: %v", err)
		}
		if _, err := p.s.Dissolve(ctx, p.H1.ID, org.DissolveInput{Change: change}); err != nil {
			t.Fatalf("dissolve the district: %v", err)
		}

		tests := []struct {
			name string
			id   int64
			on   civil.Date
			want int64
		}{
			{"XA before", p.XA.ID, eve, p.H1.ID},
			{"XC before", xc.ID, eve, p.H1.ID},
			{"XC after", xc.ID, reform, p.T.ID},
			{"new commune from its first day", nu.ID, reform, p.T.ID},
			{"district before", p.H1.ID, eve, p.T.ID},
		}
		for _, tt := range tests {
			if got := parentOn(t, p.s, tt.id, tt.on); got != tt.want {
				t.Errorf("%s: parent on %s = %d, want %d", tt.name, tt.on, got, tt.want)
			}
		}
		for _, id := range []int64{p.XA.ID, p.H1.ID} {
			if _, err := p.s.VersionOn(ctx, id, reform); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("VersionOn(%d, reform) err = %v, want ErrNotFound", id, err)
			}
		}
		before, err := p.s.ChildrenOn(ctx, p.H1.ID, eve)
		if err != nil || !slices.Equal(before, []int64{p.XA.ID, p.XB.ID, xc.ID}) {
			t.Errorf("ChildrenOn(district, 30/06/2025) = %v, %v", before, err)
		}
		if after, err := p.s.ChildrenOn(ctx, p.H1.ID, reform); err != nil || len(after) != 0 {
			t.Errorf("ChildrenOn(district, 01/07/2025) = %v, %v", after, err)
		}
		after, err := p.s.ChildrenOn(ctx, p.T.ID, reform)
		if err != nil || !slices.Equal(after, []int64{p.SNV.ID, xc.ID, nu.ID}) {
			t.Errorf("ChildrenOn(province, 01/07/2025) = %v, %v; want SNV %d, XC %d, new %d", after, err, p.SNV.ID, xc.ID, nu.ID)
		}
		if old, err := p.s.ChildrenOn(ctx, p.T.ID, eve); err != nil || !slices.Equal(old, []int64{p.SNV.ID, p.H1.ID}) {
			t.Errorf("ChildrenOn(province, 30/06/2025) = %v, %v", old, err)
		}
		communes, _, err := p.s.List(ctx, org.Filter{Kind: "commune", ActiveOn: reform})
		if err != nil || codes(communes) != "XAB,XC" {
			t.Errorf("communes on 01/07/2025 = %q, %v", codes(communes), err)
		}
		if r, err := p.s.Resolve(ctx, p.XA.ID, reform); err != nil || r.ID != nu.ID {
			t.Errorf("Resolve(XA) = %d, %v", r.ID, err)
		}
	})
}
