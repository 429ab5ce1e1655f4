package plan_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/files"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

func TestProgressRules(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Số hóa hồ sơ", LeadUnitID: f.SNV.ID, Due: day(2023, time.June, 30)})
		item := f.itemOf(t, tk.ID, f.SNV.ID, "")
		tests := []struct {
			name        string
			in          plan.ProgressInput
			field       string // expected error field, "" for success
			want        string
			wantPercent int
			wantDone    civil.Date
			wantStatus  plan.StatusCode
		}{
			{"below 0", plan.ProgressInput{Percent: -1}, "percent", "Tiến độ phải từ 0 đến 100%.", 0, civil.Date{}, ""},
			{"above 100", plan.ProgressInput{Percent: 101}, "percent", "Tiến độ phải từ 0 đến 100%.", 0, civil.Date{}, ""},
			{"completed in the future", plan.ProgressInput{Percent: 100, CompletedOn: fixtureToday.AddDays(1)}, "completed_on",
				"Ngày hoàn thành không được sau hôm nay (15/06/2023).", 0, civil.Date{}, ""},
			{"completion day needs 100%", plan.ProgressInput{Percent: 90, CompletedOn: fixtureToday}, "percent",
				"Đã có ngày hoàn thành thì tiến độ phải là 100%.", 0, civil.Date{}, ""},
			{"half way", plan.ProgressInput{Percent: 50, Note: "Đã số hóa 50%", UserID: 0}, "", "", 50, civil.Date{}, plan.InProgress},
			{"100% means completed today", plan.ProgressInput{Percent: 100}, "", "", 100, fixtureToday, plan.DoneOnTime},
			{"reopened", plan.ProgressInput{Percent: 80, Note: "Phát hiện thiếu hồ sơ"}, "", "", 80, civil.Date{}, plan.InProgress},
			{"completed on a past day", plan.ProgressInput{Percent: 100, CompletedOn: day(2023, time.May, 2)}, "", "", 100, day(2023, time.May, 2), plan.DoneOnTime},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				w, err := f.s.UpdateProgress(ctx, item.ID, tt.in)
				if tt.field != "" {
					if got := fieldErr(err, tt.field); got != tt.want {
						t.Errorf("error on %s = %q (err %v), want %q", tt.field, got, err, tt.want)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if w.Percent != tt.wantPercent || w.CompletedOn != tt.wantDone || w.Status != tt.wantStatus {
					t.Errorf("item = %d%% done %s status %s, want %d%% %s %s", w.Percent, w.CompletedOn, w.Status, tt.wantPercent, tt.wantDone, tt.wantStatus)
				}
			})
		}
		ups, err := f.s.Updates(ctx, item.ID)
		if err != nil || len(ups) != 4 || ups[0].Note != "Đã số hóa 50%" || ups[1].CompletedOn != fixtureToday || ups[3].Percent != 100 {
			t.Errorf("history = %+v, %v", ups, err)
		}
		if n := auditCount(t, d, "work_item", "Cập nhật tiến độ"); n != 4 {
			t.Errorf("progress audit rows = %d, want 4", n)
		}
	})
}

func TestHold(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Xây dựng phần mềm", LeadUnitID: f.SNV.ID, Due: day(2023, time.March, 31)})
		item := f.itemOf(t, tk.ID, f.SNV.ID, "")
		if item.Status != plan.Overdue {
			t.Fatalf("status = %s, want overdue", item.Status)
		}
		if _, err := f.s.SetHold(ctx, item.ID, plan.HoldPaused, "  ", 0); fieldErr(err, "hold_reason") != "Vui lòng nhập lý do tạm dừng." {
			t.Errorf("pause without reason: %v", err)
		}
		if _, err := f.s.SetHold(ctx, item.ID, "frozen", "x", 0); fieldErr(err, "hold") == "" {
			t.Errorf("bad hold accepted: %v", err)
		}
		w, err := f.s.SetHold(ctx, item.ID, plan.HoldPaused, "Chờ kinh phí", 0)
		if err != nil || w.Status != plan.Paused || w.HoldReason != "Chờ kinh phí" {
			t.Fatalf("pause = %+v, %v", w, err)
		}
		if _, err := f.s.UpdateProgress(ctx, item.ID, plan.ProgressInput{Percent: 10}); valid.Message(err) == "" {
			t.Errorf("progress while paused: %v", err)
		}
		if w, err = f.s.SetHold(ctx, item.ID, plan.HoldNone, "", 0); err != nil || w.Status != plan.Overdue || w.HoldReason != "" {
			t.Errorf("resume = %+v, %v", w, err)
		}
		if w, err = f.s.SetHold(ctx, item.ID, plan.HoldCancelled, "Không còn phù hợp", 0); err != nil || w.Status != plan.Cancelled {
			t.Errorf("cancel = %+v, %v", w, err)
		}
		if _, err := f.s.UpdateProgress(ctx, item.ID, plan.ProgressInput{Percent: 10}); valid.Message(err) != "Phần việc đã hủy: không thể cập nhật tiến độ." {
			t.Errorf("progress while cancelled: %v", err)
		}
		ups, _ := f.s.Updates(ctx, item.ID)
		var marks []string
		for _, u := range ups {
			marks = append(marks, u.Hold)
		}
		if strings.Join(marks, ",") != "paused,resumed,cancelled" {
			t.Errorf("hold history = %v", marks)
		}
	})
}

func TestEvidenceAndContributions(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Rà soát TTHC", LeadUnitID: f.SNV.ID, CoordinatingUnitIDs: []int64{f.STP.ID}})
		item := f.itemOf(t, tk.ID, f.SNV.ID, "")
		pdf := []byte("%PDF-1.7\n%%EOF\n")
		tests := []struct {
			name    string
			file    string
			content []byte
			want    string // error on field "file", "" for success
		}{
			{"pdf", "Báo cáo kết quả.pdf", pdf, ""},
			{"exe renamed pdf", "bao-cao.pdf", append([]byte("MZ\x90\x00"), make([]byte, 100)...),
				"Tệp “bao-cao.pdf” không được chấp nhận: chỉ nhận PDF, Word (.docx), Excel (.xlsx) hoặc ảnh (PNG, JPEG)."},
			{"21 MB", "lon.pdf", append(slices.Clone(pdf), make([]byte, 21<<20)...), "Tệp quá lớn: tối đa 20 MB."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ev, err := f.s.AddEvidence(ctx, item.ID, plan.EvidenceInput{Name: tt.file, Content: bytes.NewReader(tt.content), Note: "Trang 3"})
				if tt.want != "" {
					if got := fieldErr(err, "file"); got != tt.want {
						t.Errorf("error = %q (%v), want %q", got, err, tt.want)
					}
					return
				}
				if err != nil || ev.FileName != tt.file || ev.ContentType != "application/pdf" || ev.Note != "Trang 3" || ev.Size != int64(len(tt.content)) {
					t.Errorf("AddEvidence = %+v, %v", ev, err)
				}
			})
		}
		evs, err := f.s.EvidenceOf(ctx, item.ID)
		if err != nil || len(evs) != 1 {
			t.Fatalf("EvidenceOf = %+v, %v", evs, err)
		}
		if _, data, err := files.NewStore(d).Open(ctx, evs[0].FileID); err != nil || !bytes.Equal(data, pdf) {
			t.Errorf("evidence content: %v", err)
		}
		if err := f.s.DeleteEvidence(ctx, evs[0].ID); err != nil {
			t.Fatal(err)
		}
		if evs, _ := f.s.EvidenceOf(ctx, item.ID); len(evs) != 0 {
			t.Errorf("evidence after delete = %+v", evs)
		}
		if _, err := f.s.AddContribution(ctx, item.ID, plan.ContributionInput{UnitID: f.STP.ID}); fieldErr(err, "note") != "Vui lòng nhập nội dung phối hợp." {
			t.Errorf("empty contribution: %v", err)
		}
		if _, err := f.s.AddContribution(ctx, item.ID, plan.ContributionInput{UnitID: 999999, Note: "x"}); fieldErr(err, "unit_id") != "Đơn vị phối hợp không tồn tại." {
			t.Errorf("unknown unit: %v", err)
		}
		c, err := f.s.AddContribution(ctx, item.ID, plan.ContributionInput{UnitID: f.STP.ID, Note: "Đã góp ý dự thảo"})
		if err != nil || c.UnitName != "Sở Tư pháp" || c.Note != "Đã góp ý dự thảo" {
			t.Errorf("AddContribution = %+v, %v", c, err)
		}
		if cs, _ := f.s.Contributions(ctx, item.ID); len(cs) != 1 {
			t.Errorf("Contributions = %+v", cs)
		}
		if n := auditCount(t, d, "work_item", "Thêm minh chứng Báo cáo kết quả.pdf"); n != 1 {
			t.Errorf("evidence audit rows = %d", n)
		}
		// Evidence and contributions count as work: the task cannot be deleted.
		if err := f.s.DeleteTask(ctx, tk.ID); valid.Message(err) == "" {
			t.Errorf("delete task with contributions: %v", err)
		}
	})
}

// TestStatusFilterAgreesWithStatus checks, for many work items with random
// dates, progress and holds around today, that listing by each state in SQL
// returns exactly the items the pure Status puts in that state.
func TestStatusFilterAgreesWithStatus(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		tk := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Báo cáo tháng", LeadGroupID: f.communes.ID, Recurrence: plan.Monthly})
		var ids []int64
		if err := d.SelectContext(ctx, &ids, d.Rebind(`SELECT id FROM work_items WHERE task_id = ? ORDER BY id`), tk.ID); err != nil {
			t.Fatal(err)
		}
		if len(ids) < 100 {
			t.Fatalf("only %d items", len(ids))
		}
		rng := rand.New(rand.NewPCG(1, 2))
		today := fixtureToday
		near := func() civil.Date { // a day near today, or none
			if rng.IntN(6) == 0 {
				return civil.Date{}
			}
			return today.AddDays(rng.IntN(7) - 3)
		}
		want := map[plan.StatusCode][]int64{}
		for _, id := range ids {
			in := plan.StatusInput{Start: near(), Due: near(), Percent: []int{0, 30, 99, 100}[rng.IntN(4)],
				Hold: []string{"", "", "", plan.HoldPaused, plan.HoldCancelled}[rng.IntN(5)]}
			if in.Percent == 100 && rng.IntN(4) > 0 {
				in.CompletedOn = near()
			}
			if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE work_items SET start_on = ?, due_on = ?, percent = ?, completed_on = ?, hold = ? WHERE id = ?`),
				in.Start, in.Due, in.Percent, in.CompletedOn, in.Hold, id); err != nil {
				t.Fatal(err)
			}
			st := plan.Status(today, in)
			want[st] = append(want[st], id)
		}
		for _, code := range plan.Statuses {
			items, total, err := f.s.WorkItems(ctx, plan.WorkItemFilter{TaskID: tk.ID, Status: code, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, w := range items {
				got = append(got, w.ID)
				if w.Status != code {
					t.Errorf("item %d listed as %s but derived %s", w.ID, code, w.Status)
				}
			}
			slices.Sort(got)
			if fmt.Sprint(got) != fmt.Sprint(want[code]) || total != len(want[code]) {
				t.Errorf("%s: SQL found %d items %v, Status %d items %v", code, total, got, len(want[code]), want[code])
			}
			if len(want[code]) == 0 {
				t.Errorf("%s: no sample item; widen the generator", code)
			}
		}
		// The counts of Overview use the same conditions.
		units, _, total, err := f.s.Overview(ctx, plan.OverviewFilter{PlanID: f.plan.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range plan.Statuses {
			if total.Of(code) != len(want[code]) {
				t.Errorf("Overview %s = %d, want %d", code, total.Of(code), len(want[code]))
			}
		}
		if len(units) != 3 || total.Total != len(ids) {
			t.Errorf("Overview: %d units, total %d", len(units), total.Total)
		}
	})
}

func TestWorkItemList(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		a := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Rà soát thủ tục hành chính", AreaID: f.areas["tthc"], LeadGroupID: f.communes.ID, Due: day(2023, time.March, 31)})
		b := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Tuyển dụng công chức", AreaID: f.areas["cong-vu"], LeadUnitID: f.SNV.ID, Due: day(2023, time.September, 30)})
		c := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Ứng dụng CNTT", LeadUnitID: f.STP.ID, Recurrence: plan.Continuous})
		if _, err := f.s.UpdateProgress(ctx, f.itemOf(t, a.ID, f.XB.ID, "").ID, plan.ProgressInput{Percent: 100, CompletedOn: day(2023, time.March, 30)}); err != nil {
			t.Fatal(err)
		}
		name := func(w plan.WorkItem) string {
			return map[int64]string{a.ID: "a", b.ID: "b", c.ID: "c"}[w.TaskID] + ":" + w.UnitName
		}
		tests := []struct {
			name   string
			filter plan.WorkItemFilter
			want   string
		}{
			{"all, soonest due first, no due day last", plan.WorkItemFilter{PlanID: f.plan.ID},
				"a:Xã An Phú|a:Xã Bình Minh|a:Xã Minh Đức|b:Sở Nội vụ|c:Sở Tư pháp"},
			{"units", plan.WorkItemFilter{UnitIDs: []int64{f.SNV.ID, f.STP.ID}}, "b:Sở Nội vụ|c:Sở Tư pháp"},
			{"within the district", plan.WorkItemFilter{Within: f.H1.ID}, "a:Xã An Phú|a:Xã Bình Minh|a:Xã Minh Đức"},
			{"area", plan.WorkItemFilter{AreaID: f.areas["cong-vu"]}, "b:Sở Nội vụ"},
			{"overdue", plan.WorkItemFilter{Overdue: true}, "a:Xã An Phú|a:Xã Minh Đức"},
			{"done on time", plan.WorkItemFilter{Status: plan.DoneOnTime}, "a:Xã Bình Minh"},
			{"due window", plan.WorkItemFilter{DueFrom: day(2023, time.April, 1), DueTo: day(2023, time.December, 31)}, "b:Sở Nội vụ"},
			{"accent-insensitive text", plan.WorkItemFilter{Q: "tuyen dung"}, "b:Sở Nội vụ"},
			{"text and state", plan.WorkItemFilter{Q: "THỦ TỤC", Status: plan.InProgress}, ""},
			{"paging", plan.WorkItemFilter{PlanID: f.plan.ID, Limit: 2, Offset: 3}, "b:Sở Nội vụ|c:Sở Tư pháp"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				items, total, err := f.s.WorkItems(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, w := range items {
					got = append(got, name(w))
				}
				if strings.Join(got, "|") != tt.want {
					t.Errorf("WorkItems = %s, want %s", strings.Join(got, "|"), tt.want)
				}
				if tt.filter.Limit == 0 && total != len(got) {
					t.Errorf("total = %d, listed %d", total, len(got))
				}
			})
		}
		if _, _, err := f.s.WorkItems(ctx, plan.WorkItemFilter{Status: "late"}); fieldErr(err, "status") != "Trạng thái không hợp lệ." {
			t.Errorf("unknown status filter: %v", err)
		}
		w, err := f.s.WorkItem(ctx, f.itemOf(t, a.ID, f.XA.ID, "").ID)
		if err != nil || w.PlanID != f.plan.ID || w.TaskContent != "Rà soát thủ tục hành chính" || w.Status != plan.Overdue || w.DaysOverdue != 76 {
			t.Errorf("WorkItem = %+v, %v", w, err)
		}
	})
}
