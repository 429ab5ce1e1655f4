package report_test

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
)

// TestPrefillFromWorkItems opens XA's 2026-Q1 report (data cut-off
// 15/12/2025 to 14/03/2026) over these work items of XA, on 01/03/2026:
//
//	done on time   due 28/02, completed 20/02  → due in the period, done on time
//	open           due 10/03, 40%              → due, in progress
//	done late      due 10/01, completed 15/01  → due, done late
//	later          due 30/06, 10%              → active, not due in the period
//	cancelled      due 01/03                   → left out
//	last year      due 30/11/2025, done 20/11  → left out (before the period)
//	draft plan     due 01/03                   → left out (not issued)
//	other unit     XB's, due 01/03             → left out
func TestPrefillFromWorkItems(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		e := newWorkflowEnv(t, d)
		plans := plan.NewStore(d)
		plans.Today = func() civil.Date { return e.today }
		mkPlan := func(title, status string) plan.Plan {
			in := plan.PlanInput{Kind: plan.KindThematic, Title: title, IssuingUnitID: e.H1.ID,
				PeriodStart: date(2025, 1, 1), PeriodEnd: date(2026, 12, 31), Status: status}
			if status == plan.StatusIssued {
				in.NumberSymbol, in.IssuedOn = "12/KH-UBND", date(2025, 1, 5)
			}
			p, err := plans.Create(ctx, in)
			if err != nil {
				t.Fatalf("create plan %q: %v", title, err)
			}
			return p
		}
		issued := mkPlan("Kế hoạch cải cách hành chính năm 2026 của huyện", plan.StatusIssued)
		draft := mkPlan("Kế hoạch dự thảo", plan.StatusDraft)
		item := func(p plan.Plan, content string, unit int64, due civil.Date) int64 {
			tk, err := plans.CreateTask(ctx, p.ID, plan.TaskInput{Content: content, LeadUnitID: unit, Due: due})
			if err != nil {
				t.Fatalf("create task %q: %v", content, err)
			}
			var id int64
			if err := d.GetContext(ctx, &id, d.Rebind(`SELECT id FROM work_items WHERE task_id = ? AND unit_id = ?`), tk.ID, unit); err != nil {
				t.Fatalf("work item of task %q: %v", content, err)
			}
			return id
		}
		progress := func(id int64, percent int, done civil.Date) {
			if _, err := plans.UpdateProgress(ctx, id, plan.ProgressInput{Percent: percent, CompletedOn: done}); err != nil {
				t.Fatalf("progress of item %d: %v", id, err)
			}
		}
		progress(item(issued, "Rà soát thủ tục hành chính cấp xã", e.XA.ID, date(2026, 2, 28)), 100, date(2026, 2, 20))
		progress(item(issued, "Số hóa hồ sơ một cửa", e.XA.ID, date(2026, 3, 10)), 40, civil.Date{})
		progress(item(issued, "Niêm yết công khai thủ tục", e.XA.ID, date(2026, 1, 10)), 100, date(2026, 1, 15))
		progress(item(issued, "Tập huấn công chức", e.XA.ID, date(2026, 6, 30)), 10, civil.Date{})
		cancelled := item(issued, "Mua sắm thiết bị", e.XA.ID, date(2026, 3, 1))
		if _, err := plans.SetHold(ctx, cancelled, plan.HoldCancelled, "Không còn kinh phí", 0); err != nil {
			t.Fatal(err)
		}
		progress(item(issued, "Tổng kết năm 2025", e.XA.ID, date(2025, 11, 30)), 100, date(2025, 11, 20))
		item(draft, "Nhiệm vụ của dự thảo", e.XA.ID, date(2026, 3, 1))
		item(issued, "Nhiệm vụ của xã khác", e.XB.ID, date(2026, 3, 1))

		r, err := e.s.Open(ctx, "BC", "2026-Q1", e.XA.ID, e.officer.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Values["tasks_due"] != 3 || r.Values["tasks_done_on_time"] != 1 {
			t.Errorf("prefilled tasks due %d, done on time %d; want 3 and 1", r.Values["tasks_due"], r.Values["tasks_done_on_time"])
		}
		if len(r.Values) != 2 {
			t.Errorf("prefilled values %v, want only the two task counts", r.Values)
		}
		text := r.Texts["tthc_results"]
		tests := []struct {
			fragment string
			want     bool
		}{
			{"từ 15/12/2025 đến 14/03/2026", true},
			{"thực hiện 4 nhiệm vụ: 2 đang thực hiện, 1 hoàn thành đúng hạn, 1 hoàn thành quá hạn.", true},
			{"- Rà soát thủ tục hành chính cấp xã (hạn 28/02/2026): 100%, hoàn thành đúng hạn.", true},
			{"- Số hóa hồ sơ một cửa (hạn 10/03/2026): 40%, đang thực hiện.", true},
			{"- Niêm yết công khai thủ tục (hạn 10/01/2026): 100%, hoàn thành quá hạn.", true},
			{"- Tập huấn công chức (hạn 30/06/2026): 10%, đang thực hiện.", true},
			{"Mua sắm thiết bị", false},
			{"Tổng kết năm 2025", false},
			{"dự thảo", false},
			{"xã khác", false},
		}
		for _, tt := range tests {
			if strings.Contains(text, tt.fragment) != tt.want {
				t.Errorf("narrative contains %q = %v, want %v:\n%s", tt.fragment, !tt.want, tt.want, text)
			}
		}
		if r.Texts["tthc_limits"] != "" {
			t.Errorf("a narrative without prefill was filled: %q", r.Texts["tthc_limits"])
		}
		// The prefilled draft passes the rules: done on time ≤ due.
		if _, err := e.s.Submit(ctx, r.ID, e.officer.ID); err != nil {
			t.Errorf("submit the prefilled report: %v", err)
		}
	})
}
