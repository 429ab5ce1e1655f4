package plan_test

import (
	"context"
	"testing"
	"time"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
)

func TestIssuedOnlyLeavesOutDraftPlans(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		f := newFixture(t, d)
		f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "1", Content: "Nhiệm vụ của kế hoạch đã ban hành", LeadUnitID: f.XA.ID})
		draft := f.mustPlan(t, plan.PlanInput{Kind: plan.KindAnnual, Title: "Dự thảo kế hoạch năm 2024", IssuingUnitID: f.P.ID,
			PeriodStart: day(2024, time.January, 1), PeriodEnd: day(2024, time.December, 31), ParentID: f.plan.ID})
		f.mustTask(t, draft.ID, plan.TaskInput{Seq: "1", Content: "Nhiệm vụ của dự thảo", LeadUnitID: f.XA.ID})

		all, total, err := f.s.WorkItems(ctx, plan.WorkItemFilter{UnitIDs: []int64{f.XA.ID}})
		if err != nil || total != 2 || len(all) != 2 {
			t.Fatalf("all items = %d (total %d), %v; want 2", len(all), total, err)
		}
		issued, total, err := f.s.WorkItems(ctx, plan.WorkItemFilter{UnitIDs: []int64{f.XA.ID}, IssuedOnly: true})
		if err != nil || total != 1 || len(issued) != 1 || issued[0].PlanID != f.plan.ID {
			t.Fatalf("issued-only items = %+v (total %d), %v; want the issued plan's one", issued, total, err)
		}
	})
}

func TestTaskTotals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		parent := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "1", Content: "Nhiệm vụ chính", LeadUnitID: f.XA.ID})
		f.mustTask(t, f.plan.ID, plan.TaskInput{ParentID: parent.ID, Seq: "a", Content: "Nhiệm vụ con", LeadUnitID: f.XB.ID})
		empty := f.mustPlan(t, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch năm 2024", IssuingUnitID: f.P.ID,
			PeriodStart: day(2024, time.January, 1), PeriodEnd: day(2024, time.December, 31), ParentID: f.plan.ID})
		got, err := f.s.TaskTotals(context.Background(), []int64{f.plan.ID, empty.ID})
		if err != nil || got[f.plan.ID] != 2 || got[empty.ID] != 0 {
			t.Fatalf("TaskTotals = %v, %v; want 2 and 0", got, err)
		}
	})
}
