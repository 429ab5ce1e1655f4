package demo

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/app"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/plan"
)

// demoToday is the day the plan tests tell the story as of: late November,
// as the plan data was written.
var demoToday = civil.New(2026, time.November, 21)

// builtDemo builds the demo as of today and returns the app, its store
// judging states on the same day.
func builtDemo(t *testing.T, d *db.DB, today civil.Date) *app.App {
	t.Helper()
	a := app.New(d, nil)
	a.Plans.Today = func() civil.Date { return today }
	if _, err := build(context.Background(), a, buildOptions{today: today}); err != nil {
		t.Fatal(err)
	}
	return a
}

// demoPlanIDs returns the built plans by key, matched on their titles.
func demoPlanIDs(t *testing.T, a *app.App, year int) map[string]plan.Plan {
	t.Helper()
	all, _, err := a.Plans.List(context.Background(), plan.PlanFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]plan.Plan{}
	for _, p := range all {
		byTitle[p.Title] = p
	}
	out := map[string]plan.Plan{}
	for _, dp := range demoPlans(year) {
		p, ok := byTitle[dp.Title]
		if !ok {
			t.Fatalf("plan %s (%q) not built", dp.Key, dp.Title)
		}
		out[dp.Key] = p
	}
	if len(all) != len(out) {
		t.Errorf("%d plans built, want %d", len(all), len(out))
	}
	return out
}

// flatTasks returns a plan's tasks, sub-tasks included, in plan order.
func flatTasks(t *testing.T, a *app.App, planID int64) []plan.Task {
	t.Helper()
	roots, err := a.Plans.Tree(context.Background(), planID)
	if err != nil {
		t.Fatal(err)
	}
	var out []plan.Task
	plan.Walk(roots, func(t *plan.Task, _ int) { out = append(out, *t) })
	return out
}

// itemsOf returns every work item of a task.
func itemsOf(t *testing.T, a *app.App, taskID int64) []plan.WorkItem {
	t.Helper()
	items, _, err := a.Plans.WorkItems(context.Background(), plan.WorkItemFilter{TaskID: taskID, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func TestBuildPlans(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		start := time.Now()
		a := builtDemo(t, d, demoToday)
		t.Logf("Build with plans on %s took %v", d.Dialect, time.Since(start).Round(time.Millisecond))
		plans := demoPlanIDs(t, a, demoToday.Year)
		annual := plans["annual"]
		annualTasks := flatTasks(t, a, annual.ID)
		unitByCode := func(code string) org.Unit {
			t.Helper()
			u, err := a.Units.GetByCode(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			return u
		}

		t.Run("statuses", func(t *testing.T) {
			want := map[string]string{}
			for _, dp := range demoPlans(demoToday.Year) {
				want[dp.Key] = dp.Status
			}
			for key, p := range plans {
				if p.Status != want[key] {
					t.Errorf("plan %s status %q, want %q", key, p.Status, want[key])
				}
				if p.NumberSymbol == "" || p.IssuedOn.IsZero() {
					t.Errorf("plan %s: number %q, issued %s: an issued plan needs both", key, p.NumberSymbol, p.IssuedOn)
				}
			}
			if !plans["p2021"].Closed() {
				t.Errorf("2021-2025 plan is %q, want closed", plans["p2021"].Status)
			}
			if got := deref(annual.ParentID); got != plans["p2026"].ID {
				t.Errorf("annual plan's parent %d, want the 2026-2030 plan %d", got, plans["p2026"].ID)
			}
		})

		t.Run("annual plan covers every area", func(t *testing.T) {
			if len(annualTasks) < 60 {
				t.Errorf("annual plan has %d tasks, want at least 60", len(annualTasks))
			}
			areas := map[int64]bool{}
			for _, tk := range annualTasks {
				if tk.AreaID != nil {
					areas[*tk.AreaID] = true
				}
				if tk.ScheduleText != "" && !tk.Understood {
					t.Errorf("task %s: schedule %q not understood", tk.Seq, tk.ScheduleText)
				}
			}
			if len(areas) != 7 {
				t.Errorf("annual tasks use %d areas, want all 7", len(areas))
			}
		})

		t.Run("every active commune has its share of commune tasks", func(t *testing.T) {
			group, err := a.Units.GroupByCode(ctx, "communes")
			if err != nil {
				t.Fatal(err)
			}
			communes, n, err := a.Units.List(ctx, org.Filter{Kind: "commune", ActiveOn: demoToday, Limit: 1000})
			if err != nil || n < 100 {
				t.Fatalf("%d active communes, err %v", n, err)
			}
			checked := 0
			for _, tk := range annualTasks {
				if deref(tk.LeadGroupID) != group.ID {
					continue
				}
				checked++
				has := map[int64]bool{}
				for _, it := range itemsOf(t, a, tk.ID) {
					has[it.UnitID] = true
				}
				for _, c := range communes {
					if !has[c.ID] {
						t.Errorf("task %s: no work item for %s", tk.Seq, c.Name)
					}
				}
			}
			if checked < 5 {
				t.Errorf("%d commune-group tasks in the annual plan, want at least 5", checked)
			}
		})

		t.Run("overview shows a mix", func(t *testing.T) {
			_, _, total, err := a.Plans.Overview(ctx, plan.OverviewFilter{PlanID: annual.ID, Today: demoToday})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("annual plan %s: %+v", d.Dialect, total)
			checks := []struct {
				name string
				n    int
			}{
				{"done on time", total.DoneOnTime},
				{"done late", total.DoneLate},
				{"overdue", total.Overdue},
				{"in progress", total.InProgress},
				{"paused", total.Paused},
			}
			for _, c := range checks {
				if c.n == 0 {
					t.Errorf("no %s work items in the annual plan: %+v", c.name, total)
				}
			}
			if total.DoneOnTime <= total.DoneLate || total.DoneOnTime <= total.Overdue {
				t.Errorf("done on time %d should lead done late %d and overdue %d", total.DoneOnTime, total.DoneLate, total.Overdue)
			}
		})

		t.Run("explicit stories hold", func(t *testing.T) {
			byContent := map[string]plan.Task{}
			for _, tk := range annualTasks {
				byContent[tk.Content] = tk
			}
			want := map[string]plan.StatusCode{doneOnTime: plan.DoneOnTime, doneLate: plan.DoneLate,
				overdue: plan.Overdue, paused: plan.Paused}
			checked := 0
			for _, dt := range allTasks(annualPlan(demoToday.Year).Tasks) {
				code, ok := want[dt.Progress]
				if !ok || len(dt.Lead) > 6 && dt.Lead[:6] == "group:" {
					continue
				}
				tk, ok := byContent[dt.Content]
				if !ok {
					t.Fatalf("task %s not found by content", dt.Seq)
				}
				items := itemsOf(t, a, tk.ID)
				var focus plan.WorkItem
				for _, it := range items {
					if !it.Due.IsZero() && it.Due.Before(demoToday) && (focus.ID == 0 || it.Due.After(focus.Due)) {
						focus = it
					}
				}
				if focus.ID == 0 && len(items) > 0 && code != plan.DoneLate && code != plan.Overdue {
					focus = items[0]
				}
				if focus.ID == 0 {
					continue
				}
				checked++
				if focus.Status != code {
					t.Errorf("task %s (%s) due %s: %s, want %s", dt.Seq, dt.Progress, focus.Due, focus.Status, code)
				}
			}
			if checked < 20 {
				t.Errorf("%d explicit stories checked, want at least 20", checked)
			}
		})

		t.Run("Sở Nội vụ's plan leaves out one task", func(t *testing.T) {
			snv := unitByCode(HomeAffairs)
			missing, err := a.Plans.Coverage(ctx, annual.ID, snv.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(missing) != 1 || missing[0].Seq != homeAffairsOmitted {
				t.Errorf("missing from Sở Nội vụ's plan: %+v, want only task %s", missing, homeAffairsOmitted)
			}
			copies := 0
			for _, tk := range flatTasks(t, a, plans["snv-annual"].ID) {
				if tk.SourceTaskID != nil {
					copies++
				}
			}
			if copies < 10 {
				t.Errorf("%d tasks of Sở Nội vụ's plan cite the province's, want at least 10", copies)
			}
		})

		t.Run("the ward of the demo account has work", func(t *testing.T) {
			ward := unitByCode(codeWardAnPhu)
			items, n, err := a.Plans.WorkItems(ctx, plan.WorkItemFilter{UnitIDs: []int64{ward.ID}, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if n < 10 {
				t.Errorf("%s has %d work items, want at least 10", ward.Name, n)
			}
			states := map[plan.StatusCode]int{}
			for _, it := range items {
				states[it.Status]++
			}
			if len(states) < 3 {
				t.Errorf("%s's work items are in states %v, want at least 3 different", ward.Name, states)
			}
		})

		t.Run("no day after today", func(t *testing.T) {
			var n int
			if err := d.GetContext(ctx, &n, d.Rebind(`SELECT COUNT(*) FROM work_items WHERE completed_on > ?`), demoToday); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d work items completed after %s", n, demoToday.VN())
			}
			if err := d.GetContext(ctx, &n, `SELECT COUNT(*) FROM work_items WHERE completed_on < start_on`); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d work items completed before they started", n)
			}
		})
	})
}

// TestBuildPlansEarlyInYear builds the demo on a day the plan data was not
// written for: the stories must hold back what the dates do not yet allow.
func TestBuildPlansEarlyInYear(t *testing.T) {
	today := civil.New(2027, time.January, 20)
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a := builtDemo(t, d, today)
		plans := demoPlanIDs(t, a, today.Year)
		var n int
		if err := d.GetContext(ctx, &n, d.Rebind(`SELECT COUNT(*) FROM work_items WHERE completed_on > ?`), today); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%d work items completed after %s", n, today.VN())
		}
		_, _, total, err := a.Plans.Overview(ctx, plan.OverviewFilter{PlanID: plans["annual"].ID, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if total.DoneLate != 0 || total.Total == 0 {
			t.Errorf("annual plan %d on %s: %+v, want items and none done late so early", today.Year, today.VN(), total)
		}
	})
}

// TestBuildPlansAtomic checks that a late failure leaves no plan, task or
// work item behind, and that the plans were built before it.
func TestBuildPlansAtomic(t *testing.T) {
	errLate := errors.New("late failure")
	tables := []string{"plans", "tasks", "task_coordinators", "work_items", "work_item_updates", "audit_log"}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		count := func(q db.Querier) map[string]int {
			counts := map[string]int{}
			for _, table := range tables {
				var n int
				if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM `+table); err != nil {
					t.Fatalf("count %s: %v", table, err)
				}
				counts[table] = n
			}
			return counts
		}
		var inside map[string]int
		opts := buildOptions{today: demoToday, beforeCommit: func(ctx context.Context, tx *sqlx.Tx) error {
			inside = count(tx)
			return errLate
		}}
		if _, err := build(ctx, app.New(d, nil), opts); !errors.Is(err, errLate) {
			t.Fatalf("Build error %v, want %v", err, errLate)
		}
		if inside["plans"] != len(demoPlans(demoToday.Year)) || inside["work_item_updates"] == 0 {
			t.Errorf("rows when the hook ran %v, want the plans and their progress", inside)
		}
		for table, n := range count(d) {
			if n != 0 {
				t.Errorf("%d rows in %s after the failed Build, want 0", n, table)
			}
		}
	})
}
