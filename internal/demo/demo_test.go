package demo

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/app"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

func TestPlanLocal(t *testing.T) {
	plans := planLocal()
	if !reflect.DeepEqual(plans, planLocal()) {
		t.Fatal("planLocal differs between two calls")
	}
	if len(plans) < 8 {
		t.Fatalf("%d districts, want at least 8", len(plans))
	}
	names, codes := map[string]string{}, map[string]bool{}
	unique := func(code, name string) {
		t.Helper()
		if codes[code] {
			t.Errorf("code %s used twice", code)
		}
		codes[code] = true
		if prev, ok := names[vn.Fold(name)]; ok {
			t.Errorf("%s %q folds like %s", code, name, prev)
		}
		names[vn.Fold(name)] = code
	}
	active := 0
	for _, p := range plans {
		unique(p.Spec.Code, p.Spec.Name())
		merged := map[int]bool{}
		for _, m := range p.Merges {
			unique(m.Code, m.New.Name())
			if len(m.Sources) < 2 {
				t.Errorf("%s %s: %d sources, want at least 2", m.Code, m.New.Name(), len(m.Sources))
			}
			for _, i := range m.Sources {
				if merged[i] {
					t.Errorf("%s merged twice", p.Old[i].Code)
				}
				merged[i] = true
				if p.Old[i].Type == typeTT && m.New.Type != typeXa {
					t.Errorf("%s became %s, want a xã", p.Old[i].Name(), m.New.Name())
				}
			}
		}
		for i, c := range p.Old {
			unique(c.Code, c.Name())
			if c.Type == typeTT && !merged[i] {
				t.Errorf("%s survives 2025, but thị trấn ended then", c.Name())
			}
		}
		active += len(p.Old) - len(merged) + len(p.Merges)
	}
	if active < 100 {
		t.Errorf("%d communes after 2025, want at least 100", active)
	}
}

func TestBuild(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a := app.New(d, nil)
		start := time.Now()
		accounts, err := Build(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("Build on %s took %v", d.Dialect, time.Since(start).Round(time.Millisecond))
		if !reflect.DeepEqual(accounts, Accounts()) {
			t.Errorf("Build returned %v, want Accounts()", accounts)
		}

		today := civil.Today(vn.Location())
		dayBefore, reform := TwoTierReform.AddDays(-1), TwoTierReform
		byCode := func(code string) org.Unit {
			t.Helper()
			u, err := a.Units.GetByCode(ctx, code)
			if err != nil {
				t.Fatalf("unit %s: %v", code, err)
			}
			return u
		}
		prov := byCode(ProvinceCode)

		t.Run("counts today", func(t *testing.T) {
			tests := []struct {
				kind string
				min  int
			}{
				{"agency", 20},
				{"commune", 100},
				{"public_service", 5},
				{"", 120},
			}
			for _, tt := range tests {
				_, n, err := a.Units.List(ctx, org.Filter{Kind: tt.kind, ActiveOn: today, Limit: 1})
				if err != nil {
					t.Fatal(err)
				}
				if n < tt.min {
					t.Errorf("kind %q: %d active units, want at least %d", tt.kind, n, tt.min)
				}
			}
			if _, n, _ := a.Units.List(ctx, org.Filter{Kind: "district", ActiveOn: today}); n != 0 {
				t.Errorf("%d districts active today, want 0", n)
			}
		})

		t.Run("districts dissolved, communes moved up", func(t *testing.T) {
			for _, p := range planLocal() {
				dist := byCode(p.Spec.Code)
				if dist.ActiveTo != dayBefore || !dist.ActiveOn(dayBefore) || dist.ActiveOn(reform) {
					t.Errorf("%s active to %s, want %s", dist.Name, dist.ActiveTo.VN(), dayBefore.VN())
				}
				merged := map[int]string{}
				for _, m := range p.Merges {
					for _, i := range m.Sources {
						merged[i] = m.Code
					}
				}
				for i, c := range p.Old {
					u := byCode(c.Code)
					before, err := a.Units.VersionOn(ctx, u.ID, dayBefore)
					if err != nil || before.ParentID == nil || *before.ParentID != dist.ID {
						t.Errorf("%s on %s: parent %v (%v), want %s", c.Name(), dayBefore.VN(), before.ParentID, err, dist.Name)
					}
					after, err := a.Units.VersionOn(ctx, u.ID, reform)
					if successor, ok := merged[i]; ok {
						if !errors.Is(err, db.ErrNotFound) {
							t.Errorf("%s on %s: version %v (%v), want none: it was merged", c.Name(), reform.VN(), after, err)
						}
						got, err := a.Units.Resolve(ctx, u.ID, today)
						if err != nil || got.Code != successor {
							t.Errorf("Resolve(%s) = %s (%v), want %s", c.Name(), got.Code, err, successor)
						}
						continue
					}
					if err != nil || after.ParentID == nil || *after.ParentID != prov.ID {
						t.Errorf("%s on %s: parent %v (%v), want the province", c.Name(), reform.VN(), after.ParentID, err)
					}
				}
				for _, m := range p.Merges {
					u := byCode(m.Code)
					if u.ParentID == nil || *u.ParentID != prov.ID || u.ActiveFrom != reform || !u.Active() {
						t.Errorf("%s: parent %v from %s, want the province from %s", u.Name, u.ParentID, u.ActiveFrom.VN(), reform.VN())
					}
				}
			}
		})

		t.Run("agency history", func(t *testing.T) {
			tests := []struct{ source, successor string }{
				{"SKHDT", "STC"},
				{"STTTT", "SKHCN"},
				{"SGTVT", "SXD"},
				{"SLDTBXH", HomeAffairs},
				{"SNNPTNT", "SNNMT"},
				{"STNMT", "SNNMT"},
				{"DPTTH", "BPTTH"},
				{"SNV", "SNV"},
			}
			for _, tt := range tests {
				got, err := a.Units.Resolve(ctx, byCode(tt.source).ID, today)
				if err != nil || got.Code != tt.successor {
					t.Errorf("Resolve(%s) = %s (%v), want %s", tt.source, got.Code, err, tt.successor)
				}
			}
			center := byCode("TTCNTT")
			if center.ParentID == nil || *center.ParentID != byCode("SKHCN").ID {
				t.Errorf("Trung tâm CNTT&TT parent %v, want Sở KH&CN", center.ParentID)
			}
			if v, err := a.Units.VersionOn(ctx, center.ID, AgencyReform.AddDays(-1)); err != nil || *v.ParentID != byCode("STTTT").ID {
				t.Errorf("Trung tâm CNTT&TT before the merge: %+v (%v), want under Sở TT&TT", v, err)
			}
			ethnic := byCode("BDT")
			if ethnic.Name != "Sở Dân tộc và Tôn giáo" || !slices.Contains(ethnic.Aliases, "Ban Dân tộc") || !slices.Contains(ethnic.Aliases, "Sở DTTG") {
				t.Errorf("BDT today: %q aliases %v", ethnic.Name, ethnic.Aliases)
			}
			if v, err := a.Units.VersionOn(ctx, ethnic.ID, civil.New(2024, time.June, 1)); err != nil || v.Name != "Ban Dân tộc" {
				t.Errorf("BDT in 2024: %q (%v), want Ban Dân tộc", v.Name, err)
			}
		})

		t.Run("groups", func(t *testing.T) {
			g, err := a.Units.GroupByCode(ctx, "communes")
			if err != nil {
				t.Fatal(err)
			}
			now, err := a.Units.Members(ctx, g.ID, today)
			if err != nil || len(now) < 100 {
				t.Errorf("communes today: %d (%v), want at least 100", len(now), err)
			}
			old, err := a.Units.Members(ctx, g.ID, civil.New(2025, time.January, 1))
			if err != nil {
				t.Fatal(err)
			}
			codes := map[string]bool{}
			for _, u := range old {
				codes[u.Code] = true
			}
			for _, p := range planLocal() {
				for _, c := range p.Old {
					if !codes[c.Code] {
						t.Errorf("communes on 01/01/2025 lack %s %s", c.Code, c.Name())
					}
				}
				for _, m := range p.Merges {
					if codes[m.Code] {
						t.Errorf("communes on 01/01/2025 include %s, formed in 2025", m.Code)
					}
				}
			}
			press, err := a.Units.GroupByCode(ctx, "press")
			if err != nil {
				t.Fatal(err)
			}
			for _, tt := range []struct {
				on   civil.Date
				want []string
			}{
				{dayBefore, []string{"BAO", "DPTTH"}},
				{today, []string{"BPTTH"}},
			} {
				ms, err := a.Units.Members(ctx, press.ID, tt.on)
				var got []string
				for _, u := range ms {
					got = append(got, u.Code)
				}
				slices.Sort(got)
				if err != nil || !slices.Equal(got, tt.want) {
					t.Errorf("press on %s: %v (%v), want %v", tt.on.VN(), got, err, tt.want)
				}
			}
		})

		t.Run("accounts", func(t *testing.T) {
			for _, acc := range Accounts() {
				u, err := a.Users.Authenticate(ctx, acc.Username, acc.Password)
				if err != nil {
					t.Errorf("%s/%s: %v", acc.Username, acc.Password, err)
					continue
				}
				unit, err := a.Units.Get(ctx, u.UnitID)
				if err != nil || unit.Name != acc.Unit || !unit.Active() {
					t.Errorf("%s belongs to %q (active %v, %v), want %q", acc.Username, unit.Name, unit.Active(), err, acc.Unit)
				}
				if len(u.Roles) != 1 || u.Roles[0].Label() != acc.Role {
					t.Errorf("%s roles %v, want %s", acc.Username, u.Roles, acc.Role)
				}
			}
			if _, err := a.Users.Authenticate(ctx, "admin", "wrong"); err == nil {
				t.Error("admin authenticated with a wrong password")
			}
		})

		t.Run("refuses a non-empty database", func(t *testing.T) {
			if _, err := Build(ctx, a); err == nil {
				t.Fatal("second Build succeeded")
			}
			var n int
			if err := d.GetContext(ctx, &n, `SELECT COUNT(*) FROM users`); err != nil || n != len(Accounts()) {
				t.Errorf("%d users after the refused Build (%v), want %d", n, err, len(Accounts()))
			}
		})
	})
}

// TestBuildAtomic makes Build fail late and checks that the database holds
// nothing of the demo afterwards: every table has the rows it had before.
func TestBuildAtomic(t *testing.T) {
	errLate := errors.New("late failure")
	tables := []string{"units", "unit_aliases", "unit_versions", "unit_events", "unit_groups", "unit_group_members",
		"users", "user_roles", "sessions", "api_tokens", "audit_log"}
	count := func(t *testing.T, q db.Querier) map[string]int {
		t.Helper()
		counts := map[string]int{}
		for _, table := range tables {
			var n int
			if err := q.GetContext(context.Background(), &n, `SELECT COUNT(*) FROM `+table); err != nil {
				t.Fatalf("count %s: %v", table, err)
			}
			counts[table] = n
		}
		return counts
	}
	tests := []struct {
		name    string
		prepare func(t *testing.T, a *app.App) // makes a late step fail
		hook    bool                           // fail after the last step
		check   func(t *testing.T, err error)
	}{
		{
			name: "press group code taken",
			prepare: func(t *testing.T, a *app.App) {
				if _, err := a.Units.SaveGroup(context.Background(), 0, org.GroupInput{Code: "press", Name: "Báo chí", Kinds: []string{"commune"}}); err != nil {
					t.Fatal(err)
				}
			},
			check: func(t *testing.T, err error) {
				if errs, ok := valid.As(err); !ok || errs["code"] == "" {
					t.Errorf("Build error %v, want the group code refused", err)
				}
			},
		},
		{
			name: "fails after the accounts",
			hook: true,
			check: func(t *testing.T, err error) {
				if !errors.Is(err, errLate) {
					t.Errorf("Build error %v, want %v", err, errLate)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				a := app.New(d, nil)
				if tt.prepare != nil {
					tt.prepare(t, a)
				}
				before := count(t, d)
				var opts buildOptions
				var inside map[string]int
				if tt.hook {
					opts.beforeCommit = func(ctx context.Context, tx *sqlx.Tx) error {
						inside = count(t, tx)
						return errLate
					}
				}
				accounts, err := build(context.Background(), a, opts)
				if err == nil {
					t.Fatalf("Build succeeded with %d accounts, want a failure", len(accounts))
				}
				tt.check(t, err)
				if tt.hook && inside["users"] != len(demoUsers) {
					t.Errorf("%d users when the hook ran, want %d: the hook must run after the last step", inside["users"], len(demoUsers))
				}
				if after := count(t, d); !reflect.DeepEqual(after, before) {
					t.Errorf("rows after the failed Build %v, want %v", after, before)
				}
			})
		})
	}
}

// BenchmarkBuild measures Build on a fresh database per iteration (the
// database's creation and migration are not timed).
func BenchmarkBuild(b *testing.B) {
	dbs := []struct {
		name string
		open func(testing.TB) *db.DB
	}{
		{"sqlite", dbtest.SQLite},
		{"postgres", dbtest.Postgres},
	}
	for _, tt := range dbs {
		b.Run(tt.name, func(b *testing.B) {
			ctx := context.Background()
			for range b.N {
				b.StopTimer()
				a := app.New(tt.open(b), nil)
				b.StartTimer()
				if _, err := Build(ctx, a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
