package org_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
)

func group(t *testing.T, s *org.Store, code string) org.Group {
	t.Helper()
	g, err := s.GroupByCode(context.Background(), code)
	if err != nil {
		t.Fatalf("group %s: %v", code, err)
	}
	return g
}

func members(t *testing.T, s *org.Store, groupID int64, on civil.Date) string {
	t.Helper()
	units, err := s.Members(context.Background(), groupID, on)
	if err != nil {
		t.Fatalf("Members(%d, %s): %v", groupID, on, err)
	}
	return codes(units)
}

func TestSeededGroups(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		s := org.NewStore(d)
		gs, err := s.Groups(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range gs {
			got = append(got, g.Name)
		}
		// Vietnamese order: Đ comes after D and before S and U.
		want := "Đơn vị sự nghiệp công lập|Sở, ban, ngành tỉnh|UBND cấp huyện|UBND cấp xã"
		if strings.Join(got, "|") != want {
			t.Errorf("Groups = %s\nwant     %s", strings.Join(got, "|"), want)
		}
		g := group(t, s, "communes")
		if strings.Join(g.Kinds(), ",") != "commune" || len(g.Aliases()) != 3 || g.Aliases()[0] != "UBND các xã, phường, thị trấn" {
			t.Errorf("communes group = kinds %q aliases %q", g.Kinds(), g.Aliases())
		}
		if _, err := s.GroupByCode(context.Background(), "none"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("GroupByCode(none) err = %v", err)
		}
		if _, err := s.Group(context.Background(), 999999); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Group(999999) err = %v", err)
		}
	})
}

func TestMembersByKindAsOfDate(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		// XC is dissolved in 2024; XD starts in 2024.
		xc := p.mk(t, "XC", "Xã Cẩm Lý", "commune", &p.H1)
		if _, err := p.s.Dissolve(ctx, xc.ID, org.DissolveInput{Change: org.Change{Effective: day(2024, time.March, 1)}}); err != nil {
			t.Fatal(err)
		}
		p.create(t, org.Input{Code: "XD", Name: "Xã Đại Đồng", Kind: "commune", ParentID: &p.H1.ID, ActiveFrom: day(2024, time.March, 1)})
		tests := []struct {
			name  string
			group string
			on    civil.Date
			want  string
		}{
			{"communes in 2023", "communes", day(2023, time.June, 1), "XA,XB,XC"},
			{"communes on XC's last day", "communes", day(2024, time.February, 29), "XA,XB,XC"},
			{"communes on XD's first day", "communes", day(2024, time.March, 1), "XA,XB,XD"},
			{"communes in 2025", "communes", day(2025, time.January, 1), "XA,XB,XD"},
			{"communes before any unit", "communes", day(2019, time.January, 1), ""},
			{"districts", "districts", day(2023, time.June, 1), "H1"},
			{"provincial agencies", "provincial_agencies", day(2023, time.June, 1), "SNV"},
			{"public service units", "public_service_units", day(2023, time.June, 1), ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := members(t, p.s, group(t, p.s, tt.group).ID, tt.on); got != tt.want {
					t.Errorf("Members(%s, %s) = %q, want %q", tt.group, tt.on, got, tt.want)
				}
			})
		}
		if _, err := p.s.Members(ctx, 999999, start); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Members(missing group) err = %v", err)
		}
	})
}

func TestMembersExplicitWithDates(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 9, Username: "admin"})
		g, err := p.s.SaveGroup(ctx, 0, org.GroupInput{Code: " Pilot ", Name: "Đơn vị  thí điểm", Aliases: []string{" các đơn vị thí điểm ", ""},
			Members: []org.GroupMember{
				{UnitID: p.SNV.ID},
				{UnitID: p.XA.ID, FromDate: day(2024, time.January, 1), ToDate: day(2024, time.December, 31)},
				{UnitID: p.XB.ID, FromDate: day(2025, time.January, 1)},
			}})
		if err != nil {
			t.Fatal(err)
		}
		if g.Code != "pilot" || g.Name != "Đơn vị thí điểm" || len(g.Kinds()) != 0 || strings.Join(g.Aliases(), "|") != "các đơn vị thí điểm" {
			t.Errorf("saved group = %+v", g)
		}
		tests := []struct {
			on   civil.Date
			want string
		}{
			{day(2023, time.June, 1), "SNV"},
			{day(2024, time.January, 1), "SNV,XA"},
			{day(2024, time.December, 31), "SNV,XA"},
			{day(2025, time.January, 1), "SNV,XB"},
		}
		for _, tt := range tests {
			if got := members(t, p.s, g.ID, tt.on); got != tt.want {
				t.Errorf("Members(%s) = %q, want %q", tt.on, got, tt.want)
			}
		}
		// An explicit member counts only while the unit itself exists.
		if _, err := p.s.Dissolve(ctx, p.XB.ID, org.DissolveInput{Change: org.Change{Effective: day(2026, time.January, 1)}}); err != nil {
			t.Fatal(err)
		}
		if got := members(t, p.s, g.ID, day(2026, time.January, 1)); got != "SNV" {
			t.Errorf("Members after XB ended = %q", got)
		}
		ms, err := p.s.ExplicitMembers(ctx, g.ID)
		if err != nil || len(ms) != 3 || ms[1].UnitID != p.XA.ID || ms[1].ToDate != day(2024, time.December, 31) || !ms[0].FromDate.IsZero() {
			t.Errorf("ExplicitMembers = %+v, %v", ms, err)
		}
		rows := auditRows(t, d, "unit_group", g.ID)
		if len(rows) != 1 || rows[0].Action != audit.Create || rows[0].Username != "admin" || !strings.Contains(rows[0].AfterJSON, `"members"`) {
			t.Errorf("audit = %+v", rows)
		}

		// Replacing the definition: kinds plus one member.
		g2, err := p.s.SaveGroup(ctx, g.ID, org.GroupInput{Code: "pilot", Name: "Đơn vị thí điểm", Kinds: []string{"district"},
			Members: []org.GroupMember{{UnitID: p.SNV.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		if g2.ID != g.ID || strings.Join(g2.Kinds(), ",") != "district" {
			t.Errorf("updated group = %+v", g2)
		}
		if got := members(t, p.s, g.ID, day(2024, time.June, 1)); got != "H1,SNV" {
			t.Errorf("Members after update = %q", got)
		}
		rows = auditRows(t, d, "unit_group", g.ID)
		if len(rows) != 2 || rows[0].Action != audit.Update || rows[0].BeforeJSON == "" {
			t.Errorf("audit after update = %+v", rows)
		}
	})
}

func TestSaveGroupRefusals(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		tests := []struct {
			name  string
			in    org.GroupInput
			field string
		}{
			{"no code", org.GroupInput{Name: "Nhóm", Kinds: []string{"commune"}}, "code"},
			{"bad code", org.GroupInput{Code: "nhóm 1", Name: "Nhóm", Kinds: []string{"commune"}}, "code"},
			{"taken code", org.GroupInput{Code: "Communes", Name: "Nhóm", Kinds: []string{"commune"}}, "code"},
			{"no name", org.GroupInput{Code: "g1", Kinds: []string{"commune"}}, "name"},
			{"no kinds nor members", org.GroupInput{Code: "g1", Name: "Nhóm"}, "kinds"},
			{"unknown kind", org.GroupInput{Code: "g1", Name: "Nhóm", Kinds: []string{"ministry"}}, "kinds"},
			{"unknown member", org.GroupInput{Code: "g1", Name: "Nhóm", Members: []org.GroupMember{{UnitID: 999999}}}, "members"},
			{"member twice", org.GroupInput{Code: "g1", Name: "Nhóm", Members: []org.GroupMember{{UnitID: p.XA.ID}, {UnitID: p.XA.ID}}}, "members"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				groups, members := count(t, d, "unit_groups"), count(t, d, "unit_group_members")
				audits := count(t, d, "audit_log")
				_, err := p.s.SaveGroup(ctx, 0, tt.in)
				fieldErr(t, err, tt.field)
				if count(t, d, "unit_groups") != groups || count(t, d, "unit_group_members") != members || count(t, d, "audit_log") != audits {
					t.Error("a refused group left rows behind")
				}
			})
		}
		if _, err := p.s.SaveGroup(ctx, 999999, org.GroupInput{Code: "g1", Name: "Nhóm", Kinds: []string{"commune"}}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("SaveGroup(missing id) err = %v, want ErrNotFound", err)
		}
	})
}

func TestMembersUnderRootUnit(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		h2 := p.mk(t, "H2", "Huyện Tây Sơn", "district", &p.T)
		p.mk(t, "XZ", "Xã Zô", "commune", &h2)
		g, err := p.s.SaveGroup(ctx, 0, org.GroupInput{Code: "h1_communes", Name: "UBND các xã thuộc huyện Đông Sơn",
			Kinds: []string{"commune"}, RootUnitID: &p.H1.ID, Members: []org.GroupMember{{UnitID: p.SNV.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		if got := members(t, p.s, g.ID, day(2024, time.June, 1)); got != "SNV,XA,XB" {
			t.Errorf("Members = %q, want the district's communes and the explicit member", got)
		}
		// After the 2025 reform the district is gone and its communes sit
		// under the province; the group still answers for days before it.
		if _, err := p.s.Dissolve(ctx, p.H1.ID, org.DissolveInput{Change: org.Change{Effective: day(2025, time.July, 1)}}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			on   civil.Date
			want string
		}{
			{day(2024, time.June, 1), "SNV,XA,XB"},
			{day(2025, time.June, 30), "SNV,XA,XB"},
			{day(2025, time.July, 1), "SNV"},
		}
		for _, tt := range tests {
			if got := members(t, p.s, g.ID, tt.on); got != tt.want {
				t.Errorf("Members(%s) = %q, want %q", tt.on, got, tt.want)
			}
		}
	})
}
