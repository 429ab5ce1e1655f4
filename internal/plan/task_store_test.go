package plan_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

func TestTaskTreeAndSeq(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		// Section rows as documents write them: a roman numeral with the
		// area and no lead, then numbered tasks, then lettered sub-rows.
		sec1 := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "I", Content: "CẢI CÁCH THỂ CHẾ", AreaID: f.areas["the-che"]})
		t1 := f.mustTask(t, f.plan.ID, plan.TaskInput{ParentID: sec1.ID, Seq: "1", Content: "Rà soát văn bản QPPL", LeadUnitID: f.STP.ID})
		t1a := f.mustTask(t, f.plan.ID, plan.TaskInput{ParentID: t1.ID, Seq: "a", Content: "Rà soát văn bản năm 2021", LeadUnitID: f.STP.ID})
		t1b := f.mustTask(t, f.plan.ID, plan.TaskInput{ParentID: t1.ID, Seq: "-", Content: "Công bố kết quả", LeadUnitID: f.STP.ID})
		t2 := f.mustTask(t, f.plan.ID, plan.TaskInput{ParentID: sec1.ID, Seq: "2", Content: "Theo dõi thi hành pháp luật", LeadUnitID: f.STP.ID})
		sec2 := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "II", Content: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", AreaID: f.areas["tthc"]})
		render := func() string {
			roots, err := f.s.Tree(ctx, f.plan.ID)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			plan.Walk(roots, func(tk *plan.Task, depth int) {
				fmt.Fprintf(&b, "%s%s;", strings.Repeat(".", depth), tk.Seq)
			})
			return b.String()
		}
		if got := render(); got != "I;.1;..a;..-;.2;II;" {
			t.Errorf("tree = %s", got)
		}
		if sec1.Position != 1 || sec2.Position != 2 || t1.Position != 1 || t2.Position != 2 || t1a.Position != 1 || t1b.Position != 2 {
			t.Errorf("positions %d %d %d %d %d %d", sec1.Position, sec2.Position, t1.Position, t2.Position, t1a.Position, t1b.Position)
		}
		// Sections without a lead have no work items.
		if got := f.items(t, sec1.ID); len(got) != 0 {
			t.Errorf("section items = %v", got)
		}
		if err := f.s.MoveTask(ctx, t2.ID, true); err != nil {
			t.Fatal(err)
		}
		if err := f.s.MoveTask(ctx, t2.ID, true); err != nil { // already first: no change
			t.Fatal(err)
		}
		if got := render(); got != "I;.2;.1;..a;..-;II;" {
			t.Errorf("after moving 2 up: %s", got)
		}
		if err := f.s.MoveTask(ctx, sec2.ID, false); err != nil { // already last
			t.Fatal(err)
		}
		// Moving a task under another parent puts it last there.
		in := t1b.Input()
		in.ParentID = sec2.ID
		if _, err := f.s.UpdateTask(ctx, t1b.ID, in); err != nil {
			t.Fatal(err)
		}
		if got := render(); got != "I;.2;.1;..a;II;.-;" {
			t.Errorf("after moving - under II: %s", got)
		}
		// Deleting a section deletes its sub-tasks and their work items.
		if err := f.s.DeleteTask(ctx, sec1.ID); err != nil {
			t.Fatal(err)
		}
		if got := render(); got != "II;.-;" {
			t.Errorf("after deleting I: %s", got)
		}
		var n int
		if err := d.GetContext(ctx, &n, d.Rebind(`SELECT COUNT(*) FROM work_items WHERE task_id IN (?, ?, ?)`), t1.ID, t1a.ID, t2.ID); err != nil || n != 0 {
			t.Errorf("work items left after delete: %d, %v", n, err)
		}
		if c := auditCount(t, d, "task", "Xóa nhiệm vụ “CẢI CÁCH THỂ CHẾ”"); c != 1 {
			t.Errorf("delete audit rows = %d", c)
		}
	})
}

func TestTaskValidation(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		other := f.mustPlan(t, plan.PlanInput{Kind: plan.KindThematic, Title: "Kế hoạch khác", IssuingUnitID: f.SNV.ID,
			PeriodStart: day(2024, time.January, 1), PeriodEnd: day(2024, time.December, 31)})
		foreign := f.mustTask(t, other.ID, plan.TaskInput{Content: "Nhiệm vụ của kế hoạch khác"})
		parent := f.mustTask(t, f.plan.ID, plan.TaskInput{Seq: "1", Content: "Nhiệm vụ cha"})
		child := f.mustTask(t, f.plan.ID, plan.TaskInput{ParentID: parent.ID, Seq: "a", Content: "Nhiệm vụ con"})
		neg := int64(-1)
		tests := []struct {
			name  string
			id    int64 // 0: create
			in    plan.TaskInput
			field string
			want  string
		}{
			{"no content", 0, plan.TaskInput{Content: " \n "}, "content", "Vui lòng nhập nội dung nhiệm vụ."},
			{"seq too long", 0, plan.TaskInput{Content: "x", Seq: strings.Repeat("1", 21)}, "seq", "Số thứ tự dài tối đa 20 ký tự."},
			{"unit and group", 0, plan.TaskInput{Content: "x", LeadUnitID: f.SNV.ID, LeadGroupID: f.communes.ID}, "lead_unit_id",
				"Chỉ chọn một: đơn vị chủ trì hoặc nhóm đơn vị chủ trì."},
			{"unknown lead", 0, plan.TaskInput{Content: "x", LeadUnitID: 999999}, "lead_unit_id", "Đơn vị chủ trì không tồn tại."},
			{"unknown group", 0, plan.TaskInput{Content: "x", LeadGroupID: 999999}, "lead_group_id", "Nhóm đơn vị chủ trì không tồn tại."},
			{"unknown coordinator", 0, plan.TaskInput{Content: "x", CoordinatingUnitIDs: []int64{f.STP.ID, 999999}}, "coordinating_unit_ids",
				"Có đơn vị phối hợp không tồn tại."},
			{"negative budget", 0, plan.TaskInput{Content: "x", BudgetVND: &neg}, "budget_vnd", "Kinh phí không được âm."},
			{"due before start", 0, plan.TaskInput{Content: "x", Start: day(2023, time.May, 1), Due: day(2023, time.April, 30)}, "due",
				"Hạn hoàn thành phải sau hoặc trùng ngày bắt đầu."},
			{"bad recurrence", 0, plan.TaskInput{Content: "x", Recurrence: "weekly"}, "recurrence", "Chu kỳ thực hiện không hợp lệ."},
			{"bad relative", 0, plan.TaskInput{Content: "x", Relative: "moon"}, "relative", "Mốc thời gian tương đối không hợp lệ."},
			{"parent of another plan", 0, plan.TaskInput{Content: "x", ParentID: foreign.ID}, "parent_id", "Nhiệm vụ cha phải thuộc cùng kế hoạch."},
			{"unknown parent", 0, plan.TaskInput{Content: "x", ParentID: 999999}, "parent_id", "Nhiệm vụ cha không tồn tại."},
			{"under its own child", parent.ID, plan.TaskInput{Content: "Nhiệm vụ cha", ParentID: child.ID}, "parent_id",
				"Không thể chọn chính nhiệm vụ này hoặc nhiệm vụ con của nó làm nhiệm vụ cha."},
			{"under itself", parent.ID, plan.TaskInput{Content: "Nhiệm vụ cha", ParentID: parent.ID}, "parent_id",
				"Không thể chọn chính nhiệm vụ này hoặc nhiệm vụ con của nó làm nhiệm vụ cha."},
			{"own source", parent.ID, plan.TaskInput{Content: "Nhiệm vụ cha", SourceTaskID: parent.ID}, "source_task_id",
				"Nhiệm vụ không thể là nguồn của chính nó."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var err error
				if tt.id == 0 {
					_, err = f.s.CreateTask(ctx, f.plan.ID, tt.in)
				} else {
					_, err = f.s.UpdateTask(ctx, tt.id, tt.in)
				}
				if got := fieldErr(err, tt.field); got != tt.want {
					t.Errorf("%s: %q (err %v), want %q", tt.field, got, err, tt.want)
				}
			})
		}
		// A full task round-trips, text cleaned.
		budget := int64(150_000_000)
		in := plan.TaskInput{Seq: " 2.3 ", AreaID: f.areas["tthc"], Content: "  Rà soát,   đơn giản hóa TTHC \r\n\r\n\r\n  a) cấp tỉnh  ",
			Product: "Quyết định công bố", LeadGroupID: f.communes.ID, LeadText: "UBND cấp xã", CoordinatingUnitIDs: []int64{f.STP.ID, f.SNV.ID, f.STP.ID},
			CoordinatingGroupIDs: []int64{f.communes.ID}, CoordinatingText: "Sở Tư pháp; Sở Nội vụ", ScheduleText: "Quý I, II năm 2023",
			Due: day(2023, time.June, 30), Milestones: plan.DateList{day(2023, time.June, 30), day(2023, time.March, 31)}, Understood: true,
			BudgetVND: &budget, FundingSource: "Ngân sách tỉnh", Notes: "Ghi chú"}
		tk, err := f.s.CreateTask(ctx, f.plan.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.s.Task(ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Seq != "2.3" || got.Content != "Rà soát, đơn giản hóa TTHC\n\na) cấp tỉnh" || *got.BudgetVND != budget || !got.Understood ||
			fmt.Sprint(got.CoordinatingUnitIDs) != fmt.Sprint([]int64{f.SNV.ID, f.STP.ID}) || len(got.CoordinatingGroupIDs) != 1 ||
			got.Milestones.String() != "2023-03-31,2023-06-30" || got.Due != day(2023, time.June, 30) || *got.AreaID != f.areas["tthc"] {
			t.Errorf("task read back = %+v", got)
		}
		if _, err := f.s.Task(ctx, 999999); err == nil {
			t.Error("Task(999999) found something")
		}
	})
}

func TestGroupLeadExpandsToUnitsActiveDuringThePlan(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		// XOLD ended before 2021 (excluded); XM existed 2021-2022 (included).
		ids, err := f.s.GroupMembersDuring(ctx, f.communes.ID, f.plan.PeriodStart, f.plan.PeriodEnd)
		if err != nil || fmt.Sprint(ids) != fmt.Sprint([]int64{f.XA.ID, f.XB.ID, f.XM.ID}) {
			t.Errorf("GroupMembersDuring = %v, %v; want XA XB XM", ids, err)
		}
		once := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Niêm yết TTHC", LeadGroupID: f.communes.ID, Due: day(2025, time.June, 30)})
		if got := strings.Join(f.items(t, once.ID), " "); got != "XA/ XB/ XM/" {
			t.Errorf("one-off group task items = %s", got)
		}
		// A yearly task: each commune for the years it existed.
		yearly := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Báo cáo CCHC", LeadGroupID: f.communes.ID, Recurrence: plan.Yearly})
		want := "XA/2021 XA/2022 XA/2023 XA/2024 XA/2025 XB/2021 XB/2022 XB/2023 XB/2024 XB/2025 XM/2021 XM/2022"
		if got := strings.Join(f.items(t, yearly.ID), " "); got != want {
			t.Errorf("yearly group task items =\n%s\nwant\n%s", got, want)
		}
		// A group with a root: provincial agencies only under P, plus an
		// explicit member with dates outside the plan (excluded).
		g, err := f.units.SaveGroup(ctx, 0, orgGroupInput(f))
		if err != nil {
			t.Fatal(err)
		}
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Tự kiểm tra", LeadGroupID: g.ID})
		if got := strings.Join(f.items(t, tk.ID), " "); got != "SNV/ STP/ XB/" {
			t.Errorf("rooted group items = %s", got)
		}
	})
}

func TestYearlyTaskInFiveYearPlan(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Xây dựng kế hoạch CCHC hàng năm", LeadUnitID: f.SNV.ID,
			ScheduleText: "Hàng năm", Recurrence: plan.Yearly, Understood: true})
		if got := strings.Join(f.items(t, tk.ID), " "); got != "SNV/2021 SNV/2022 SNV/2023 SNV/2024 SNV/2025" {
			t.Fatalf("items = %s", got)
		}
		w := f.itemOf(t, tk.ID, f.SNV.ID, "2023")
		if w.Start != day(2023, time.January, 1) || w.Due != day(2023, time.December, 31) || w.Status != plan.InProgress || w.PeriodLabel() != "Năm 2023" {
			t.Errorf("2023 item = %+v", w)
		}
		if w := f.itemOf(t, tk.ID, f.SNV.ID, "2022"); w.Status != plan.Overdue || w.DaysOverdue != 166 {
			t.Errorf("2022 item = %s, %d days", w.Status, w.DaysOverdue)
		}
		if w := f.itemOf(t, tk.ID, f.SNV.ID, "2024"); w.Status != plan.NotDue {
			t.Errorf("2024 item = %s", w.Status)
		}
	})
}

func TestRegenerationKeepsProgress(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Tuyên truyền CCHC", LeadUnitID: f.SNV.ID, Recurrence: plan.Yearly})
		w2021 := f.itemOf(t, tk.ID, f.SNV.ID, "2021")
		if _, err := f.s.UpdateProgress(ctx, w2021.ID, plan.ProgressInput{Percent: 100, CompletedOn: day(2021, time.December, 20), Note: "Đã xong"}); err != nil {
			t.Fatal(err)
		}
		w2022 := f.itemOf(t, tk.ID, f.SNV.ID, "2022")
		// Narrowing the task to 2022-2023 keeps 2021 (it has progress) and
		// 2022 (same id), drops the untouched 2024 and 2025.
		in := tk.Input()
		in.Start, in.Due = day(2022, time.January, 1), day(2023, time.December, 31)
		if _, err := f.s.UpdateTask(ctx, tk.ID, in); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(f.items(t, tk.ID), " "); got != "SNV/2021 SNV/2022 SNV/2023" {
			t.Errorf("after narrowing: %s", got)
		}
		if w := f.itemOf(t, tk.ID, f.SNV.ID, "2021"); w.ID != w2021.ID || w.Percent != 100 || w.Status != plan.DoneOnTime {
			t.Errorf("2021 item after regeneration = %+v", w)
		}
		if w := f.itemOf(t, tk.ID, f.SNV.ID, "2022"); w.ID != w2022.ID {
			t.Errorf("2022 item replaced: %d -> %d", w2022.ID, w.ID)
		}
		// Switching to a one-off task with a new lead: the untouched yearly
		// items go, the one with progress stays, the new lead gets one item.
		in.Recurrence, in.LeadUnitID = plan.Once, f.STP.ID
		in.Start, in.Due = civil.Date{}, day(2024, time.June, 30)
		if _, err := f.s.UpdateTask(ctx, tk.ID, in); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(f.items(t, tk.ID), " "); got != "SNV/2021 STP/" {
			t.Errorf("after switching lead: %s", got)
		}
		// Changing the due day moves the item's due day, keeping its progress.
		stp := f.itemOf(t, tk.ID, f.STP.ID, "")
		if _, err := f.s.UpdateProgress(ctx, stp.ID, plan.ProgressInput{Percent: 40}); err != nil {
			t.Fatal(err)
		}
		in.Due = day(2024, time.September, 30)
		if _, err := f.s.UpdateTask(ctx, tk.ID, in); err != nil {
			t.Fatal(err)
		}
		if w := f.itemOf(t, tk.ID, f.STP.ID, ""); w.ID != stp.ID || w.Percent != 40 || w.Due != day(2024, time.September, 30) {
			t.Errorf("rescheduled item = %+v", w)
		}
		// A task with progress cannot be deleted.
		if err := f.s.DeleteTask(ctx, tk.ID); !strings.HasPrefix(valid.Message(err), "Không thể xóa") {
			t.Errorf("delete with progress: %v", err)
		}
		if n := auditCount(t, d, "task", "Sửa nhiệm vụ “Tuyên truyền CCHC”"); n != 3 {
			t.Errorf("task update audit rows = %d, want 3", n)
		}
		// Changing the plan's period regenerates recurring tasks.
		y := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Hàng năm", LeadUnitID: f.SNV.ID, Recurrence: plan.Yearly})
		pin := planInput(f.plan)
		pin.PeriodEnd = day(2026, time.December, 31)
		if _, err := f.s.Update(ctx, f.plan.ID, pin); err != nil {
			t.Fatal(err)
		}
		if got := f.items(t, y.ID); len(got) != 6 || got[5] != "SNV/2026" {
			t.Errorf("after extending the plan: %v", got)
		}
	})
}

// orgGroupInput is a group with a root and explicit members: the agencies
// under P, plus XB always and XA only from 2026 (after the plan).
func orgGroupInput(f *fixture) org.GroupInput {
	return org.GroupInput{Code: "kiem-tra", Name: "Đơn vị được kiểm tra", Kinds: []string{"agency"}, RootUnitID: &f.P.ID,
		Members: []org.GroupMember{{UnitID: f.XB.ID}, {UnitID: f.XA.ID, FromDate: day(2026, time.January, 1)}}}
}
