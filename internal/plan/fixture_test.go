package plan_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// fixture is a small province for plan tests:
//
//	P (province) ─ SNV, STP (agencies)
//	             └ H1 (district) ─ XA, XB (communes, active throughout)
//	                             ├ XOLD (dissolved 01/06/2020, before the plan)
//	                             └ XM (merged into XA on 01/01/2023)
//
// and a 2021-2025 five-year plan of P using the 2021-2030 areas. The store's
// today is 15/06/2023.
type fixture struct {
	d        *db.DB
	s        *plan.Store
	units    *org.Store
	P, SNV   org.Unit
	STP, H1  org.Unit
	XA, XB   org.Unit
	XOld, XM org.Unit
	communes org.Group
	set      plan.AreaSet
	areas    map[string]int64 // by code
	plan     plan.Plan
	today    civil.Date
}

var fixtureToday = day(2023, time.June, 15)

func newFixture(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{d: d, s: plan.NewStore(d), units: org.NewStore(d), areas: map[string]int64{}, today: fixtureToday}
	f.s.Today = func() civil.Date { return f.today }
	mk := func(code, name, kind string, parent *org.Unit) org.Unit {
		in := org.Input{Code: code, Name: name, Kind: kind, ActiveFrom: day(2015, time.January, 1)}
		if parent != nil {
			in.ParentID = &parent.ID
		}
		u, err := f.units.Create(ctx, in)
		if err != nil {
			t.Fatalf("create unit %s: %v", code, err)
		}
		return u
	}
	f.P = mk("P", "Tỉnh Thử", "province", nil)
	f.SNV = mk("SNV", "Sở Nội vụ", "agency", &f.P)
	f.STP = mk("STP", "Sở Tư pháp", "agency", &f.P)
	f.H1 = mk("H1", "Huyện Đông Sơn", "district", &f.P)
	f.XA = mk("XA", "Xã An Phú", "commune", &f.H1)
	f.XB = mk("XB", "Xã Bình Minh", "commune", &f.H1)
	f.XOld = mk("XOLD", "Xã Cũ", "commune", &f.H1)
	f.XM = mk("XM", "Xã Minh Đức", "commune", &f.H1)
	if _, err := f.units.Dissolve(ctx, f.XOld.ID, org.DissolveInput{Change: org.Change{Effective: day(2020, time.June, 1)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.units.Merge(ctx, org.MergeInput{Change: org.Change{Effective: day(2023, time.January, 1)},
		Sources: []int64{f.XM.ID}, Target: f.XA.ID}); err != nil {
		t.Fatal(err)
	}
	var err error
	if f.communes, err = f.units.GroupByCode(ctx, "communes"); err != nil {
		t.Fatal(err)
	}
	if f.set, err = f.s.AreaSetByCode(ctx, "par-2021-2030"); err != nil {
		t.Fatal(err)
	}
	areas, err := f.s.Areas(ctx, f.set.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range areas {
		f.areas[a.Code] = a.ID
	}
	f.plan = f.mustPlan(t, plan.PlanInput{Kind: plan.KindFiveYear, Title: "Kế hoạch cải cách hành chính giai đoạn 2021-2025",
		IssuingUnitID: f.P.ID, NumberSymbol: "1525/QĐ-UBND", IssuedOn: day(2021, time.March, 2),
		PeriodStart: day(2021, time.January, 1), PeriodEnd: day(2025, time.December, 31), AreaSetID: f.set.ID, Status: plan.StatusIssued})
	return f
}

func (f *fixture) mustPlan(t testing.TB, in plan.PlanInput) plan.Plan {
	t.Helper()
	p, err := f.s.Create(context.Background(), in)
	if err != nil {
		t.Fatalf("create plan %q: %v", in.Title, err)
	}
	return p
}

func (f *fixture) mustTask(t testing.TB, planID int64, in plan.TaskInput) plan.Task {
	t.Helper()
	tk, err := f.s.CreateTask(context.Background(), planID, in)
	if err != nil {
		t.Fatalf("create task %q: %v", in.Content, err)
	}
	return tk
}

// items returns the task's work items as "UNITCODE/period" in sorted order.
func (f *fixture) items(t testing.TB, taskID int64) []string {
	t.Helper()
	var rows []struct {
		Code   string `db:"code"`
		Period string `db:"period"`
	}
	err := f.d.SelectContext(context.Background(), &rows, f.d.Rebind(`SELECT u.code, wi.period FROM work_items wi
		JOIN units u ON u.id = wi.unit_id WHERE wi.task_id = ?`), taskID)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Code + "/" + r.Period
	}
	sort.Strings(out)
	return out
}

// itemOf returns the work item of the task for unit and period.
func (f *fixture) itemOf(t testing.TB, taskID, unitID int64, period string) plan.WorkItem {
	t.Helper()
	items, _, err := f.s.WorkItems(context.Background(), plan.WorkItemFilter{TaskID: taskID, UnitIDs: []int64{unitID}, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range items {
		if w.Period == period {
			return w
		}
	}
	t.Fatalf("no work item of task %d for unit %d, period %q", taskID, unitID, period)
	return plan.WorkItem{}
}

// fieldErr returns the message err carries for field, or "" when it has none.
func fieldErr(err error, field string) string {
	e, _ := valid.As(err)
	return e[field]
}

// auditCount returns how many audit rows match entity and summary prefix.
func auditCount(t testing.TB, d *db.DB, entity, prefix string) int {
	t.Helper()
	var n int
	if err := d.GetContext(context.Background(), &n, d.Rebind(`SELECT COUNT(*) FROM audit_log WHERE entity = ? AND summary LIKE ?`),
		entity, prefix+"%"); err != nil {
		t.Fatal(err)
	}
	return n
}
