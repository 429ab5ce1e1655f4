package plan_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

func TestCopyAssignedAndCoverage(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		// The province's plan: a section, a group task for every commune, a
		// task for XA alone, one for Sở Nội vụ, and a yearly one for XA.
		sec := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "I", Content: "CẢI CÁCH TTHC", AreaID: f.areas["tthc"]})
		all := f.mustTask(t, f.plan.ID, plan.TaskInput{ParentID: sec.ID, Seq: "1", Content: "Niêm yết công khai TTHC", AreaID: f.areas["tthc"],
			Product: "Bảng niêm yết", LeadGroupID: f.communes.ID, ScheduleText: "Trong năm 2023", Start: day(2023, time.January, 1),
			Due: day(2023, time.December, 31), Understood: true})
		xaOnly := f.mustTask(t, f.plan.ID, plan.TaskInput{ParentID: sec.ID, Seq: "2", Content: "Thí điểm một cửa liên thông", LeadUnitID: f.XA.ID})
		f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "II", Content: "Kiểm tra CCHC", LeadUnitID: f.SNV.ID})
		yearly := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "III", Content: "Báo cáo CCHC hàng năm", LeadUnitID: f.XA.ID, Recurrence: plan.Yearly})

		xaPlan := f.mustPlan(t, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch CCHC năm 2023 của Xã An Phú", IssuingUnitID: f.XA.ID,
			PeriodStart: day(2023, time.January, 1), PeriodEnd: day(2023, time.December, 31), ParentID: f.plan.ID})
		// A plan of another unit, or under another plan, is refused.
		if _, err := f.s.CopyAssigned(ctx, xaPlan.ID, f.plan.ID, f.XB.ID); valid.Message(err) != "Kế hoạch này không do đơn vị đã chọn ban hành." {
			t.Errorf("copy into another unit's plan: %v", err)
		}
		if _, err := f.s.CopyAssigned(ctx, xaPlan.ID, xaPlan.ID, f.XA.ID); valid.Message(err) != "Kế hoạch của đơn vị không thuộc kế hoạch cấp trên đã chọn." {
			t.Errorf("copy from a plan that is not the parent: %v", err)
		}
		n, err := f.s.CopyAssigned(ctx, xaPlan.ID, f.plan.ID, f.XA.ID)
		if err != nil || n != 3 {
			t.Fatalf("CopyAssigned = %d, %v; want 3", n, err)
		}
		if n, err := f.s.CopyAssigned(ctx, xaPlan.ID, f.plan.ID, f.XA.ID); err != nil || n != 0 {
			t.Errorf("second CopyAssigned = %d, %v; want 0", n, err)
		}
		roots, err := f.s.Tree(ctx, xaPlan.ID)
		if err != nil || len(roots) != 3 {
			t.Fatalf("XA plan tree = %d roots, %v", len(roots), err)
		}
		c := roots[0]
		if c.Content != all.Content || c.Product != "Bảng niêm yết" || *c.LeadUnitID != f.XA.ID || *c.SourceTaskID != all.ID ||
			c.AreaID == nil || *c.AreaID != f.areas["tthc"] || c.ScheduleText != "Trong năm 2023" || c.Due != all.Due || !c.Understood {
			t.Errorf("copy = %+v", c)
		}
		if roots[1].Content != xaOnly.Content || roots[2].Content != yearly.Content {
			t.Errorf("copies in order: %q, %q", roots[1].Content, roots[2].Content)
		}
		// The copies have work items for XA in its own plan (the yearly one
		// only for 2023, the child plan's year).
		if got := strings.Join(f.items(t, roots[2].ID), " "); got != "XA/2023" {
			t.Errorf("copied yearly task items = %s", got)
		}
		missing, err := f.s.Coverage(ctx, f.plan.ID, f.XA.ID)
		if err != nil || len(missing) != 0 {
			t.Errorf("XA coverage = %+v, %v", missing, err)
		}
		missing, err = f.s.Coverage(ctx, f.plan.ID, f.XB.ID)
		if err != nil || len(missing) != 1 || missing[0].ID != all.ID || missing[0].Seq != "1" {
			t.Errorf("XB coverage = %+v, %v", missing, err)
		}
		cov, err := f.s.CoverageAll(ctx, f.plan.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range cov {
			got = append(got, fmt.Sprintf("%s %v %d/%d missing %d", u.UnitName, u.HasPlan, u.Covered, u.Assigned, len(u.Missing)))
		}
		want := "Sở Nội vụ false 0/1 missing 1|Xã An Phú true 3/3 missing 0|Xã Bình Minh false 0/1 missing 1"
		if strings.Join(got, "|") != want {
			t.Errorf("CoverageAll =\n%s\nwant\n%s", strings.Join(got, "|"), want)
		}
		if n := auditCount(t, d, "plan", "Sao chép 3 nhiệm vụ"); n != 1 {
			t.Errorf("copy audit rows = %d", n)
		}
	})
}
