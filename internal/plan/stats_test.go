package plan_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/plan"
)

func TestOverview(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		// One-off tasks for XA and XB in two areas, plus one without area.
		tthc := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "TTHC", AreaID: f.areas["tthc"], LeadGroupID: f.communes.ID, Due: day(2023, time.March, 31)})
		cv := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Công vụ", AreaID: f.areas["cong-vu"], LeadUnitID: f.XA.ID, Due: day(2023, time.December, 31)})
		free := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Khác", LeadUnitID: f.XB.ID, Start: day(2023, time.July, 1), Due: day(2023, time.December, 31)})
		// tthc: XA done on time, XB done late, XM overdue.
		if _, err := f.s.UpdateProgress(ctx, f.itemOf(t, tthc.ID, f.XA.ID, "").ID, plan.ProgressInput{Percent: 100, CompletedOn: day(2023, time.March, 31)}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.UpdateProgress(ctx, f.itemOf(t, tthc.ID, f.XB.ID, "").ID, plan.ProgressInput{Percent: 100, CompletedOn: day(2023, time.April, 1)}); err != nil {
			t.Fatal(err)
		}
		// cv: XA in progress; free: XB not due, then cancelled (an extra
		// yearly task adds one paused item for XB).
		y := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Tạm dừng", LeadUnitID: f.XB.ID, Start: day(2023, time.January, 1), Due: day(2023, time.December, 31)})
		if _, err := f.s.SetHold(ctx, f.itemOf(t, y.ID, f.XB.ID, "").ID, plan.HoldPaused, "Chờ", 0); err != nil {
			t.Fatal(err)
		}
		units, areas, total, err := f.s.Overview(ctx, plan.OverviewFilter{PlanID: f.plan.ID})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, u := range units {
			got += fmt.Sprintf("%s %d: ontime %d late %d overdue %d progress %d notdue %d paused %d; ", u.UnitName, u.Total,
				u.DoneOnTime, u.DoneLate, u.Overdue, u.InProgress, u.NotDue, u.Paused)
		}
		want := "Xã An Phú 2: ontime 1 late 0 overdue 0 progress 1 notdue 0 paused 0; " +
			"Xã Bình Minh 3: ontime 0 late 1 overdue 0 progress 0 notdue 1 paused 1; " +
			"Xã Minh Đức 1: ontime 0 late 0 overdue 1 progress 0 notdue 0 paused 0; "
		if got != want {
			t.Errorf("units:\n%s\nwant\n%s", got, want)
		}
		got = ""
		for _, a := range areas {
			got += fmt.Sprintf("%q %d/%d; ", a.AreaName, a.Done(), a.Total)
		}
		if want := `"Cải cách thủ tục hành chính" 2/3; "Cải cách chế độ công vụ" 0/1; "" 0/2; `; got != want {
			t.Errorf("areas: %s, want %s", got, want)
		}
		if total.Total != 6 || total.DoneOnTime != 1 || total.DoneOnTimeRate() != 16.7 || total.DoneLateRate() != 16.7 || total.DoneRate() != 33.3 {
			t.Errorf("total = %+v, rates %v %v", total, total.DoneOnTimeRate(), total.DoneLateRate())
		}
		// Cancelled items do not count towards rates.
		if _, err := f.s.SetHold(ctx, f.itemOf(t, free.ID, f.XB.ID, "").ID, plan.HoldCancelled, "Bỏ", 0); err != nil {
			t.Fatal(err)
		}
		_, _, total, _ = f.s.Overview(ctx, plan.OverviewFilter{PlanID: f.plan.ID})
		if total.Cancelled != 1 || total.Counted() != 5 || total.DoneOnTimeRate() != 20 {
			t.Errorf("after cancelling: %+v rate %v", total, total.DoneOnTimeRate())
		}
		// Filters: one area, a subtree, another day.
		_, _, total, _ = f.s.Overview(ctx, plan.OverviewFilter{PlanID: f.plan.ID, AreaID: f.areas["cong-vu"]})
		if total.Total != 1 || total.InProgress != 1 {
			t.Errorf("area filter: %+v", total)
		}
		_, _, total, _ = f.s.Overview(ctx, plan.OverviewFilter{Within: f.XA.ID, Today: day(2024, time.January, 1)})
		if total.Total != 2 || total.Overdue != 1 || total.DoneOnTime != 1 {
			t.Errorf("XA in 2024: %+v", total)
		}
		counts, err := f.s.TaskCounts(ctx, f.plan.ID)
		if err != nil || counts[tthc.ID].Total != 3 || counts[tthc.ID].Overdue != 1 || counts[cv.ID].InProgress != 1 {
			t.Errorf("TaskCounts = %+v, %v", counts, err)
		}
		var zero plan.Counts
		if zero.DoneOnTimeRate() != 0 {
			t.Error("rate of nothing is not 0")
		}
	})
}

// BenchmarkOverview measures Overview over a plan of 300 tasks for a
// province of 200 communes, with progress on a fifth of the work items:
// "all-group" has every task led by the communes group (60,000 items, the
// worst case); "mixed" has 60 group tasks and 240 tasks led by one commune
// each (12,240 items, closer to a real annual plan).
func BenchmarkOverview(b *testing.B) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		for _, size := range []struct {
			name       string
			groupTasks int
			items      int
		}{{"all-group", 300, 60000}, {"mixed", 60, 12240}} {
			b.Run(dialect+"/"+size.name, func(b *testing.B) {
				var d *db.DB
				if dialect == "sqlite" {
					d = dbtest.SQLite(b)
				} else {
					d = dbtest.Postgres(b)
				}
				ctx := context.Background()
				s := plan.NewStore(d)
				planID, provinceID := seedBench(b, d, size.groupTasks)
				f := plan.OverviewFilter{PlanID: planID, Today: civil.New(2026, time.July, 1)}
				units, areas, total, err := s.Overview(ctx, f)
				if err != nil || len(units) != 200 || len(areas) != 7 || total.Total != size.items || total.DoneOnTime == 0 || total.Paused == 0 {
					b.Fatalf("Overview: %d units, %d areas, total %+v, %v", len(units), len(areas), total, err)
				}
				b.ResetTimer()
				for b.Loop() {
					if _, _, _, err := s.Overview(ctx, f); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				// The same through a subtree filter, as a district sees it.
				f.Within = provinceID
				if _, _, total, err := s.Overview(ctx, f); err != nil || total.Total != size.items {
					b.Fatalf("Overview within: %d, %v", total.Total, err)
				}
			})
		}
	}
}

// seedBench builds a province with 200 communes and an annual plan with 300
// tasks, the first groupTasks led by the communes group and the others by
// one commune each, with progress on some items.
func seedBench(b *testing.B, d *db.DB, groupTasks int) (planID, provinceID int64) {
	b.Helper()
	ctx := context.Background()
	start := civil.New(2020, time.January, 1)
	err := d.InTx(ctx, func(tx *sqlx.Tx) error {
		p, err := org.CreateTx(ctx, tx, org.Input{Code: "P", Name: "Tỉnh", Kind: "province", ActiveFrom: start})
		if err != nil {
			return err
		}
		provinceID = p.ID
		var communes []int64
		for i := range 200 {
			c, err := org.CreateTx(ctx, tx, org.Input{Code: fmt.Sprintf("X%03d", i), Name: fmt.Sprintf("Xã số %03d", i),
				Kind: "commune", ParentID: &p.ID, ActiveFrom: start})
			if err != nil {
				return err
			}
			communes = append(communes, c.ID)
		}
		var group int64
		if err := tx.GetContext(ctx, &group, `SELECT id FROM unit_groups WHERE code = 'communes'`); err != nil {
			return err
		}
		var set int64
		if err := tx.GetContext(ctx, &set, `SELECT id FROM area_sets WHERE code = 'par-2021-2030'`); err != nil {
			return err
		}
		var areas []int64
		if err := tx.SelectContext(ctx, &areas, tx.Rebind(`SELECT id FROM areas WHERE set_id = ? ORDER BY sort_order`), set); err != nil {
			return err
		}
		pl, err := plan.CreateTx(ctx, tx, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch CCHC năm 2026", IssuingUnitID: p.ID,
			PeriodStart: civil.New(2026, time.January, 1), PeriodEnd: civil.New(2026, time.December, 31), AreaSetID: set})
		if err != nil {
			return err
		}
		planID = pl.ID
		for i := range 300 {
			due := civil.New(2026, time.Month(i%12+1), 28)
			in := plan.TaskInput{Seq: fmt.Sprint(i + 1), Content: fmt.Sprintf("Nhiệm vụ số %d", i+1), AreaID: areas[i%len(areas)], Due: due}
			if i < groupTasks {
				in.LeadGroupID = group
			} else {
				in.LeadUnitID = communes[i%len(communes)]
			}
			if _, err := plan.CreateTaskTx(ctx, tx, pl.ID, in); err != nil {
				return err
			}
		}
		// Progress on about a fifth of the items: done on time, late, paused.
		_, err = tx.ExecContext(ctx, `UPDATE work_items SET percent = 100, completed_on = due_on WHERE id % 10 = 1`)
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE work_items SET percent = 50, hold = 'paused', hold_reason = 'x' WHERE id % 10 = 2`)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return planID, provinceID
}
