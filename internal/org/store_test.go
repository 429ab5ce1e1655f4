package org_test

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
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

// start is the day every fixture unit begins.
var start = civil.New(2020, time.January, 1)

func day(y int, m time.Month, d int) civil.Date { return civil.New(y, m, d) }

// province is a small hierarchy: Tỉnh Thử Nghiệm (T) > Sở Nội vụ (SNV) and
// Huyện Đông Sơn (H1) > Xã An Phú (XA), Xã Bình Minh (XB).
type province struct {
	s                  *org.Store
	d                  *db.DB
	T, SNV, H1, XA, XB org.Unit
}

func newProvince(t *testing.T, d *db.DB) *province {
	t.Helper()
	p := &province{s: org.NewStore(d), d: d}
	p.T = p.mk(t, "T", "Tỉnh Thử Nghiệm", "province", nil)
	p.SNV = p.create(t, org.Input{Code: "SNV", Name: "Sở Nội vụ", Kind: "agency", ParentID: &p.T.ID, ActiveFrom: start,
		Aliases: []string{"Ban Tổ chức chính quyền"}})
	p.H1 = p.mk(t, "H1", "Huyện Đông Sơn", "district", &p.T)
	p.XA = p.mk(t, "XA", "Xã An Phú", "commune", &p.H1)
	p.XB = p.mk(t, "XB", "Xã Bình Minh", "commune", &p.H1)
	return p
}

func (p *province) mk(t *testing.T, code, name, kind string, parent *org.Unit) org.Unit {
	t.Helper()
	in := org.Input{Code: code, Name: name, Kind: kind, ActiveFrom: start}
	if parent != nil {
		in.ParentID = &parent.ID
	}
	return p.create(t, in)
}

func (p *province) create(t *testing.T, in org.Input) org.Unit {
	t.Helper()
	u, err := p.s.Create(context.Background(), in)
	if err != nil {
		t.Fatalf("create unit %s: %v", in.Code, err)
	}
	return u
}

func (p *province) get(t *testing.T, id int64) org.Unit {
	t.Helper()
	u, err := p.s.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("get unit %d: %v", id, err)
	}
	return u
}

// count returns the number of rows of table.
func count(t *testing.T, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.GetContext(context.Background(), &n, "SELECT COUNT(*) FROM "+table); err != nil {
		t.Fatal(err)
	}
	return n
}

// snapshot counts the rows of every table a unit change writes.
func snapshot(t *testing.T, d *db.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"units", "unit_versions", "unit_events", "unit_aliases", "audit_log"} {
		out[table] = count(t, d, table)
	}
	return out
}

func sameSnapshot(t *testing.T, d *db.DB, before map[string]int) {
	t.Helper()
	after := snapshot(t, d)
	for table, n := range before {
		if after[table] != n {
			t.Errorf("%s: %d rows after a refused change, want %d", table, after[table], n)
		}
	}
}

// fieldErr asserts that err is a valid.Errors with a message for field.
func fieldErr(t *testing.T, err error, field string) string {
	t.Helper()
	errs, ok := valid.As(err)
	if !ok {
		t.Fatalf("err = %v (%T), want valid.Errors with %q", err, err, field)
	}
	msg, ok := errs[field]
	if !ok || msg == "" {
		t.Fatalf("errors = %v, want a message for %q", errs, field)
	}
	return msg
}

// auditRows returns the audit rows of a unit, newest first.
func auditRows(t *testing.T, d *db.DB, entity string, id int64) []audit.Row {
	t.Helper()
	rows, _, err := audit.List(context.Background(), d, audit.Filter{Entity: entity, EntityID: strconv.FormatInt(id, 10), Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// lastUnitAudit returns the newest audit row of unit id with its before and
// after JSON decoded (nil when empty).
func lastUnitAudit(t *testing.T, d *db.DB, id int64) (audit.Row, map[string]any, map[string]any) {
	t.Helper()
	rows := auditRows(t, d, "unit", id)
	if len(rows) == 0 {
		t.Fatalf("no audit row for unit %d", id)
	}
	decode := func(s string) map[string]any {
		if s == "" {
			return nil
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			t.Fatalf("audit JSON %q: %v", s, err)
		}
		return m
	}
	return rows[0], decode(rows[0].BeforeJSON), decode(rows[0].AfterJSON)
}

func parentID(u org.Unit) int64 {
	if u.ParentID == nil {
		return 0
	}
	return *u.ParentID
}

func names(units []org.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return out
}

func codes(units []org.Unit) string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Code
	}
	return strings.Join(out, ",")
}

func TestCreateValidatesAndWritesNothingOnError(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		missing := int64(999999)
		tests := []struct {
			name  string
			in    org.Input
			field string
		}{
			{"empty name", org.Input{Code: "N1", Name: "  ", Kind: "agency"}, "name"},
			{"name of 256 runes", org.Input{Code: "N1", Name: strings.Repeat("Ở", 256), Kind: "agency"}, "name"},
			{"empty code", org.Input{Code: "", Name: "Sở Tư pháp", Kind: "agency"}, "code"},
			{"code with a space", org.Input{Code: "S TP", Name: "Sở Tư pháp", Kind: "agency"}, "code"},
			{"code with diacritics", org.Input{Code: "SỞTP", Name: "Sở Tư pháp", Kind: "agency"}, "code"},
			{"code with a slash", org.Input{Code: "STP/1", Name: "Sở Tư pháp", Kind: "agency"}, "code"},
			{"code of 33 characters", org.Input{Code: strings.Repeat("A", 33), Name: "Sở Tư pháp", Kind: "agency"}, "code"},
			{"duplicate code", org.Input{Code: "SNV", Name: "Sở Nội vụ 2", Kind: "agency"}, "code"},
			{"duplicate code in lower case", org.Input{Code: " snv ", Name: "Sở Nội vụ 2", Kind: "agency"}, "code"},
			{"unknown kind", org.Input{Code: "N1", Name: "Sở Tư pháp", Kind: "ministry"}, "kind"},
			{"no kind", org.Input{Code: "N1", Name: "Sở Tư pháp"}, "kind"},
			{"unknown parent", org.Input{Code: "N1", Name: "Sở Tư pháp", Kind: "agency", ParentID: &missing}, "parent_id"},
			{"bad email", org.Input{Code: "N1", Name: "Sở Tư pháp", Kind: "agency", Email: "stp.gov.vn"}, "email"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := snapshot(t, d)
				in := tt.in
				in.ActiveFrom = start
				_, err := p.s.Create(context.Background(), in)
				msg := fieldErr(t, err, tt.field)
				if tt.field == "code" && strings.HasPrefix(tt.name, "duplicate") && !strings.Contains(msg, "SNV") {
					t.Errorf("duplicate code message %q does not name the code", msg)
				}
				sameSnapshot(t, d, before)
			})
		}
		t.Run("missing start day", func(t *testing.T) {
			_, err := p.s.Create(context.Background(), org.Input{Code: "N1", Name: "Sở Tư pháp", Kind: "agency"})
			fieldErr(t, err, "active_from")
		})
		t.Run("name of 255 runes is accepted", func(t *testing.T) {
			u, err := p.s.Create(context.Background(), org.Input{Code: "LONG", Name: strings.Repeat("Ở", 255), Kind: "other", ActiveFrom: start})
			if err != nil || len([]rune(u.Name)) != 255 {
				t.Fatalf("Create = %d runes, %v", len([]rune(u.Name)), err)
			}
		})
	})
}

func TestCreateRecordsVersionEventAndAudit(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 42, Username: "coord"})
		u, err := p.s.Create(ctx, org.Input{Code: " stp ", Name: "  Sở   Tư pháp ", ShortName: "STP", Kind: "agency",
			ParentID: &p.T.ID, ActiveFrom: day(2021, time.March, 15), Aliases: []string{"Sở Tư Pháp tỉnh", "so tu phap tinh"}})
		if err != nil {
			t.Fatal(err)
		}
		if u.Code != "STP" || u.Name != "Sở Tư pháp" || *u.ParentID != p.T.ID || u.ActiveFrom != day(2021, time.March, 15) || !u.ActiveTo.IsZero() {
			t.Fatalf("created %+v", u)
		}
		if len(u.Aliases) != 1 || u.Aliases[0] != "Sở Tư Pháp tỉnh" {
			t.Errorf("aliases = %q, want the two spellings folded into one", u.Aliases)
		}
		events, versions, err := p.s.History(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 1 || events[0].Event != org.EventCreated || events[0].Effective != u.ActiveFrom {
			t.Errorf("events = %+v", events)
		}
		if len(versions) != 1 || versions[0].Name != u.Name || *versions[0].ParentID != p.T.ID || !versions[0].ValidTo.IsZero() {
			t.Errorf("versions = %+v", versions)
		}
		row, before, after := lastUnitAudit(t, d, u.ID)
		if row.Action != audit.Create || row.Username != "coord" || row.UserID == nil || *row.UserID != 42 {
			t.Errorf("audit row = %+v", row)
		}
		if before != nil || after["code"] != "STP" || after["name"] != "Sở Tư pháp" {
			t.Errorf("audit before %v after %v", before, after)
		}
		got, err := p.s.GetByCode(ctx, "stp")
		if err != nil || got.ID != u.ID {
			t.Errorf("GetByCode(stp) = %d, %v", got.ID, err)
		}
		if _, err := p.s.GetByCode(ctx, "NONE"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("GetByCode(NONE) err = %v, want ErrNotFound", err)
		}
	})
}

func TestListSearchIsAccentInsensitiveAndWordBased(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		p.create(t, org.Input{Code: "VPUB", Name: "Văn phòng Ủy ban nhân dân tỉnh", ShortName: "VP UBND", Kind: "agency", ParentID: &p.T.ID, ActiveFrom: start})
		tests := []struct {
			q    string
			want string // codes in list order
		}{
			{"so noi vu", "SNV"},
			{"noi vu", "SNV"},
			{"vu noi", "SNV"},
			{"Sở Nội Vụ", "SNV"},
			{"SỞ NỘI VỤ", "SNV"},
			{"SNV", "SNV"},
			{"snv", "SNV"},
			{"ban to chuc", "SNV"},      // alias
			{"vp ubnd", "VPUB"},         // short name
			{"uy ban nhan dan", "VPUB"}, // Ủy folds to uy
			{"dong son", "H1"},          // Đ folds to d
			{"xa", "XA,XB"},             // both communes, in name order
			{"an phu", "XA"},            //
			{"noi vu dong son", ""},     // every word must match
			{"hà nội", ""},
			{"  ", "H1,SNV,T,VPUB,XA,XB"},
		}
		for _, tt := range tests {
			t.Run(tt.q, func(t *testing.T) {
				units, total, err := p.s.List(context.Background(), org.Filter{Q: tt.q})
				if err != nil {
					t.Fatal(err)
				}
				got := codes(units)
				if tt.q == "  " {
					// Blank search lists everything; compare as a set.
					if total != 6 || len(units) != 6 {
						t.Fatalf("blank search = %s (total %d)", got, total)
					}
					return
				}
				if got != tt.want || total != len(units) {
					t.Errorf("List(Q=%q) = %q (total %d), want %q", tt.q, got, total, tt.want)
				}
			})
		}
	})
}

func TestListIsInVietnameseOrder(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		h2 := p.mk(t, "H2", "Huyện Mới", "district", &p.T)
		for i, name := range []string{"Xã Đông", "Xã Bình", "Xã Ân", "Xã An", "Xã Ấp", "Xã Bắc", "Xã Dương"} {
			p.mk(t, "C"+strconv.Itoa(i), name, "commune", &h2)
		}
		units, _, err := p.s.List(context.Background(), org.Filter{ParentID: h2.ID})
		if err != nil {
			t.Fatal(err)
		}
		want := "Xã An|Xã Ân|Xã Ấp|Xã Bắc|Xã Bình|Xã Dương|Xã Đông"
		if got := strings.Join(names(units), "|"); got != want {
			t.Errorf("order = %s\nwant    %s", got, want)
		}
	})
}

func TestListFiltersAndPaging(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		// XC exists from 2024; XD ended on 30/06/2023.
		xc := p.create(t, org.Input{Code: "XC", Name: "Xã Cẩm Lý", Kind: "commune", ParentID: &p.H1.ID, ActiveFrom: day(2024, time.January, 1)})
		xd := p.mk(t, "XD", "Xã Diễn Châu", "commune", &p.H1)
		if _, err := p.s.Dissolve(ctx, xd.ID, org.DissolveInput{Change: org.Change{Effective: day(2023, time.July, 1)}}); err != nil {
			t.Fatal(err)
		}
		_ = xc
		tests := []struct {
			name  string
			f     org.Filter
			want  string
			total int
		}{
			{"parent", org.Filter{ParentID: p.H1.ID}, "XA,XB,XC,XD", 4},
			{"parent of the province", org.Filter{ParentID: p.T.ID}, "H1,SNV", 2},
			{"kind", org.Filter{Kind: "district"}, "H1", 1},
			{"active on 2022", org.Filter{Kind: "commune", ActiveOn: day(2022, time.June, 1)}, "XA,XB,XD", 3},
			{"active on the last day", org.Filter{Kind: "commune", ActiveOn: day(2023, time.June, 30)}, "XA,XB,XD", 3},
			{"active the day after", org.Filter{Kind: "commune", ActiveOn: day(2023, time.July, 1)}, "XA,XB", 2},
			{"active on 2024", org.Filter{Kind: "commune", ActiveOn: day(2024, time.January, 1)}, "XA,XB,XC", 3},
			{"within the district", org.Filter{Within: p.H1.ID}, "H1,XA,XB,XC,XD", 5},
			{"within a commune", org.Filter{Within: p.XA.ID}, "XA", 1},
			{"within and search", org.Filter{Within: p.H1.ID, Q: "xa c"}, "XC,XD", 2},
			{"within the province, agencies", org.Filter{Within: p.T.ID, Kind: "agency"}, "SNV", 1},
			{"first page", org.Filter{Kind: "commune", Limit: 2}, "XA,XB", 4},
			{"second page", org.Filter{Kind: "commune", Limit: 2, Offset: 2}, "XC,XD", 4},
			{"past the end", org.Filter{Kind: "commune", Limit: 2, Offset: 10}, "", 4},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				units, total, err := p.s.List(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if got := codes(units); got != tt.want || total != tt.total {
					t.Errorf("List(%+v) = %q total %d, want %q total %d", tt.f, got, total, tt.want, tt.total)
				}
			})
		}
		// Aliases come back with listed units.
		units, _, err := p.s.List(ctx, org.Filter{Q: "snv"})
		if err != nil || len(units) != 1 || len(units[0].Aliases) != 1 || units[0].Aliases[0] != "Ban Tổ chức chính quyền" {
			t.Errorf("List aliases = %+v, %v", units, err)
		}
	})
}

func TestUpdateCorrectsUnitAndCurrentVersion(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		in := org.InputOf(p.XA)
		in.Name = "Xã An Phú Đông"
		in.Phone = "0237 3852 123"
		in.Aliases = []string{"UBND xã An Phú Đông"}
		u, err := p.s.Update(ctx, p.XA.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if u.Name != "Xã An Phú Đông" || u.Phone != "0237 3852 123" || len(u.Aliases) != 1 {
			t.Errorf("updated %+v", u)
		}
		// A correction rewrites the current version: no new version, and the
		// old (mistyped) name is not kept.
		_, versions, err := p.s.History(ctx, p.XA.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(versions) != 1 || versions[0].Name != "Xã An Phú Đông" {
			t.Errorf("versions = %+v", versions)
		}
		v, err := p.s.VersionOn(ctx, p.XA.ID, day(2021, time.January, 1))
		if err != nil || v.Name != "Xã An Phú Đông" {
			t.Errorf("VersionOn = %+v, %v", v, err)
		}
		units, _, _ := p.s.List(ctx, org.Filter{Q: "phu dong"})
		if codes(units) != "XA" {
			t.Errorf("search after update = %q", codes(units))
		}
		row, before, after := lastUnitAudit(t, d, p.XA.ID)
		if row.Action != audit.Update || before["name"] != "Xã An Phú" || after["name"] != "Xã An Phú Đông" {
			t.Errorf("audit %s before %v after %v", row.Action, before["name"], after["name"])
		}

		// Correcting the start day corrects the first version.
		in = org.InputOf(u)
		in.ActiveFrom = day(2019, time.July, 1)
		if _, err := p.s.Update(ctx, p.XA.ID, in); err != nil {
			t.Fatal(err)
		}
		if v, err := p.s.VersionOn(ctx, p.XA.ID, day(2019, time.July, 1)); err != nil || v.Name != "Xã An Phú Đông" {
			t.Errorf("VersionOn(new start) = %+v, %v", v, err)
		}

		// Moving by correction (no history) also corrects the version's parent.
		in = org.InputOf(p.XB)
		in.ParentID = &p.T.ID
		if _, err := p.s.Update(ctx, p.XB.ID, in); err != nil {
			t.Fatal(err)
		}
		v, err = p.s.VersionOn(ctx, p.XB.ID, start)
		if err != nil || v.ParentID == nil || *v.ParentID != p.T.ID {
			t.Errorf("XB version after correction = %+v, %v", v, err)
		}
	})
}

func TestUpdateRejectsCyclesAndBadInput(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		tests := []struct {
			name  string
			id    int64
			edit  func(in *org.Input)
			field string
		}{
			{"parent is a child", p.H1.ID, func(in *org.Input) { in.ParentID = &p.XA.ID }, "parent_id"},
			{"parent is a grandchild", p.T.ID, func(in *org.Input) { in.ParentID = &p.XB.ID }, "parent_id"},
			{"parent is itself", p.H1.ID, func(in *org.Input) { in.ParentID = &p.H1.ID }, "parent_id"},
			{"code of another unit", p.XA.ID, func(in *org.Input) { in.Code = "xb" }, "code"},
			{"empty name", p.XA.ID, func(in *org.Input) { in.Name = "" }, "name"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				orig := p.get(t, tt.id)
				before := snapshot(t, d)
				in := org.InputOf(orig)
				tt.edit(&in)
				_, err := p.s.Update(ctx, tt.id, in)
				fieldErr(t, err, tt.field)
				sameSnapshot(t, d, before)
				if now := p.get(t, tt.id); now.Code != orig.Code || now.Name != orig.Name || parentID(now) != parentID(orig) {
					t.Errorf("unit changed by a refused update: %+v", now)
				}
			})
		}
		// A start day after the unit's first name or parent ended would leave
		// its history upside down.
		if _, err := p.s.Rename(ctx, p.XB.ID, org.RenameInput{Change: org.Change{Effective: day(2023, time.March, 1)}, Name: "Phường Bình Minh"}); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, d)
		in := org.InputOf(p.get(t, p.XB.ID))
		in.ActiveFrom = day(2023, time.March, 1)
		_, err := p.s.Update(ctx, p.XB.ID, in)
		if msg := fieldErr(t, err, "active_from"); !strings.Contains(msg, "28/02/2023") {
			t.Errorf("message = %q, want the last day of the first version", msg)
		}
		sameSnapshot(t, d, before)
		in.ActiveFrom = day(2023, time.February, 28)
		if _, err := p.s.Update(ctx, p.XB.ID, in); err != nil {
			t.Errorf("start on the first version's last day: %v", err)
		}
		if _, err := p.s.Update(ctx, 999999, org.InputOf(p.XA)); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Update(missing) err = %v, want ErrNotFound", err)
		}
	})
}

func TestDelete(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		now := db.Now()
		if _, err := d.ExecContext(ctx, d.Rebind(`INSERT INTO users (username, full_name, unit_id, password_hash, created_at, updated_at)
			VALUES ('officer_snv', 'Cán bộ', ?, 'x', ?, ?)`), p.SNV.ID, now, now); err != nil {
			t.Fatal(err)
		}
		renamed := p.mk(t, "XR", "Xã Cũ", "commune", &p.H1)
		if _, err := p.s.Rename(ctx, renamed.ID, org.RenameInput{Change: org.Change{Effective: day(2022, time.January, 1)}, Name: "Xã Mới"}); err != nil {
			t.Fatal(err)
		}
		// H2 had a sub-unit, which has since moved away: old versions still
		// point at it.
		h2 := p.mk(t, "H2", "Huyện Cũ", "district", &p.T)
		moved := p.mk(t, "XM", "Xã Chuyển", "commune", &h2)
		if _, err := p.s.Move(ctx, moved.ID, org.MoveInput{Change: org.Change{Effective: day(2022, time.January, 1)}, ParentID: p.H1.ID}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			id   int64
			want string // part of the refusal
		}{
			{"unit with sub-units", p.H1.ID, "trực thuộc"},
			{"unit that had sub-units", h2.ID, "đang được dữ liệu khác sử dụng"},
			{"unit with users", p.SNV.ID, "tài khoản"},
			{"unit with history", renamed.ID, "lịch sử"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := snapshot(t, d)
				err := p.s.Delete(ctx, tt.id)
				var prob valid.Problem
				if !errors.As(err, &prob) || !strings.Contains(prob.Message, tt.want) {
					t.Fatalf("Delete err = %v, want a problem mentioning %q", err, tt.want)
				}
				sameSnapshot(t, d, before)
			})
		}
		t.Run("fresh unit", func(t *testing.T) {
			fresh := p.create(t, org.Input{Code: "OOPS", Name: "Nhập nhầm", Kind: "other", ParentID: &p.T.ID, ActiveFrom: start, Aliases: []string{"Nhầm"}})
			if err := p.s.Delete(ctx, fresh.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := p.s.Get(ctx, fresh.ID); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("Get after delete err = %v", err)
			}
			var left int
			if err := d.GetContext(ctx, &left, d.Rebind(`SELECT (SELECT COUNT(*) FROM unit_versions WHERE unit_id = ?) +
				(SELECT COUNT(*) FROM unit_events WHERE unit_id = ?) + (SELECT COUNT(*) FROM unit_aliases WHERE unit_id = ?)`),
				fresh.ID, fresh.ID, fresh.ID); err != nil || left != 0 {
				t.Errorf("rows left after delete = %d, %v", left, err)
			}
			row, before, after := lastUnitAudit(t, d, fresh.ID)
			if row.Action != audit.Delete || before["code"] != "OOPS" || after != nil {
				t.Errorf("audit %s before %v after %v", row.Action, before, after)
			}
			if err := p.s.Delete(ctx, fresh.ID); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("second Delete err = %v, want ErrNotFound", err)
			}
		})
	})
}

func TestKindsAndAncestors(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		p := newProvince(t, d)
		ctx := context.Background()
		kinds, err := p.s.Kinds(ctx)
		if err != nil || len(kinds) != 6 || kinds[0].Code != "province" || kinds[3].Code != "commune" {
			t.Fatalf("Kinds = %+v, %v", kinds, err)
		}
		chain, err := p.s.Ancestors(ctx, p.XA.ID)
		if err != nil || codes(chain) != "T,H1" {
			t.Errorf("Ancestors(XA) = %q, %v", codes(chain), err)
		}
		tests := []struct {
			root, id int64
			want     bool
		}{
			{p.T.ID, p.XA.ID, true},
			{p.H1.ID, p.XB.ID, true},
			{p.XA.ID, p.XA.ID, true},
			{p.XA.ID, p.H1.ID, false},
			{p.SNV.ID, p.XA.ID, false},
		}
		for _, tt := range tests {
			if got, err := p.s.IsWithin(ctx, tt.root, tt.id); err != nil || got != tt.want {
				t.Errorf("IsWithin(%d, %d) = %v, %v; want %v", tt.root, tt.id, got, err, tt.want)
			}
		}
	})
}
