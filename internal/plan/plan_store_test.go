package plan_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/files"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

func TestPlanValidation(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		base := func() plan.PlanInput {
			return plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch CCHC năm 2023", IssuingUnitID: f.SNV.ID,
				NumberSymbol: "09/KH-SNV", PeriodStart: day(2023, time.January, 1), PeriodEnd: day(2023, time.December, 31),
				ParentID: f.plan.ID, AreaSetID: f.set.ID}
		}
		tests := []struct {
			name   string
			change func(in *plan.PlanInput)
			field  string
			want   string
		}{
			{"valid", func(in *plan.PlanInput) {}, "", ""},
			{"no title", func(in *plan.PlanInput) { in.Title = "   " }, "title", "Vui lòng nhập tên kế hoạch."},
			{"title too long", func(in *plan.PlanInput) { in.Title = strings.Repeat("á", 501) }, "title", "Tên kế hoạch dài tối đa 500 ký tự."},
			{"bad kind", func(in *plan.PlanInput) { in.Kind = "weekly" }, "kind", "Vui lòng chọn loại kế hoạch."},
			{"no issuing unit", func(in *plan.PlanInput) { in.IssuingUnitID = 0 }, "issuing_unit_id", "Vui lòng chọn đơn vị ban hành."},
			{"unknown issuing unit", func(in *plan.PlanInput) { in.IssuingUnitID = 999999 }, "issuing_unit_id", "Đơn vị ban hành không tồn tại."},
			{"number too long", func(in *plan.PlanInput) { in.NumberSymbol = strings.Repeat("1", 51) }, "number_symbol", "Số, ký hiệu dài tối đa 50 ký tự."},
			{"number with odd characters", func(in *plan.PlanInput) { in.NumberSymbol = "12/KH;DROP" }, "number_symbol",
				"Số, ký hiệu chỉ gồm chữ, số và các dấu / - . (ví dụ 1525/QĐ-UBND)."},
			{"Vietnamese number accepted", func(in *plan.PlanInput) { in.NumberSymbol = "30c/NQ-CP" }, "", ""},
			{"no start", func(in *plan.PlanInput) { in.PeriodStart = plan.PlanInput{}.PeriodStart }, "period_start",
				"Vui lòng nhập ngày bắt đầu của kế hoạch."},
			{"end before start", func(in *plan.PlanInput) { in.PeriodEnd = day(2022, time.December, 31) }, "period_end",
				"Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."},
			{"outside the parent's period", func(in *plan.PlanInput) {
				in.PeriodStart, in.PeriodEnd = day(2026, time.January, 1), day(2026, time.December, 31)
			}, "period_start", "Thời gian của kế hoạch phải nằm trong thời gian của kế hoạch cấp trên (01/01/2021 - 31/12/2025)."},
			{"unknown parent", func(in *plan.PlanInput) { in.ParentID = 999999 }, "parent_id", "Kế hoạch cấp trên không tồn tại."},
			{"unknown area set", func(in *plan.PlanInput) { in.AreaSetID = 999999 }, "area_set_id", "Bộ lĩnh vực không tồn tại."},
			{"bad status", func(in *plan.PlanInput) { in.Status = "approved" }, "status", "Trạng thái kế hoạch không hợp lệ."},
			{"issued without date", func(in *plan.PlanInput) { in.Status = plan.StatusIssued }, "issued_on", "Kế hoạch đã ban hành cần có ngày ban hành."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				in := base()
				tt.change(&in)
				p, err := f.s.Create(ctx, in)
				if tt.field == "" {
					if err != nil {
						t.Fatalf("Create: %v", err)
					}
					if p.Status != plan.StatusDraft || p.IssuingUnitName != "Sở Nội vụ" || *p.ParentID != f.plan.ID {
						t.Errorf("created %+v", p)
					}
					return
				}
				if got := fieldErr(err, tt.field); got != tt.want {
					t.Errorf("error on %s = %q (err %v), want %q", tt.field, got, err, tt.want)
				}
			})
		}
	})
}

func TestPlanHierarchyRules(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		child := f.mustPlan(t, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch năm 2024", IssuingUnitID: f.SNV.ID,
			PeriodStart: day(2024, time.January, 1), PeriodEnd: day(2024, time.December, 31), ParentID: f.plan.ID})
		// Shrinking the parent so it no longer holds the child is refused.
		in := planInput(f.plan)
		in.PeriodEnd = day(2023, time.December, 31)
		_, err := f.s.Update(ctx, f.plan.ID, in)
		if got := fieldErr(err, "period_start"); got != "Thời gian mới không chứa thời gian của kế hoạch cấp dưới “Kế hoạch năm 2024” (01/01/2024 - 31/12/2024)." {
			t.Errorf("shrink parent: %v", err)
		}
		// A plan cannot sit under its own descendant, nor itself.
		in = planInput(f.plan)
		in.ParentID = child.ID
		if _, err := f.s.Update(ctx, f.plan.ID, in); fieldErr(err, "parent_id") == "" {
			t.Errorf("cycle accepted: %v", err)
		}
		in.ParentID = f.plan.ID
		if _, err := f.s.Update(ctx, f.plan.ID, in); fieldErr(err, "parent_id") != "Kế hoạch không thể là kế hoạch cấp trên của chính nó." {
			t.Errorf("self parent: %v", err)
		}
		// A draft can be deleted, with its own areas and tasks; a plan with
		// children cannot.
		area, err := f.s.AddCustomArea(ctx, child.ID, "Lĩnh vực riêng")
		if err != nil {
			t.Fatal(err)
		}
		f.mustTask(t, child.ID, plan.TaskInput{Content: "Nhiệm vụ riêng", AreaID: area.ID, LeadUnitID: f.SNV.ID})
		if err := f.s.Delete(ctx, child.ID); err != nil {
			t.Errorf("delete draft child: %v", err)
		}
		if _, err := f.s.Get(ctx, child.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deleted plan still found: %v", err)
		}
		if err := f.s.Delete(ctx, f.plan.ID); valid.Message(err) != "Chỉ xóa được kế hoạch dự thảo." {
			t.Errorf("delete issued plan: %v", err)
		}
	})
}

func planInput(p plan.Plan) plan.PlanInput {
	var parent, set int64
	if p.ParentID != nil {
		parent = *p.ParentID
	}
	if p.AreaSetID != nil {
		set = *p.AreaSetID
	}
	return plan.PlanInput{Kind: p.Kind, Title: p.Title, IssuingUnitID: p.IssuingUnitID, NumberSymbol: p.NumberSymbol,
		IssuedOn: p.IssuedOn, PeriodStart: p.PeriodStart, PeriodEnd: p.PeriodEnd, ParentID: parent, AreaSetID: set}
}

func TestPlanStatusRules(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		draft := f.mustPlan(t, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch năm 2023", IssuingUnitID: f.STP.ID,
			PeriodStart: day(2023, time.January, 1), PeriodEnd: day(2023, time.December, 31)})
		if _, err := f.s.SetStatus(ctx, draft.ID, plan.StatusIssued); valid.Message(err) == "" {
			t.Errorf("issued without number: %v", err)
		}
		if _, err := f.s.SetStatus(ctx, draft.ID, plan.StatusClosed); fieldErr(err, "status") != "Không thể chuyển kế hoạch từ “Dự thảo” sang “Đã kết thúc”." {
			t.Errorf("draft to closed: %v", err)
		}
		task := f.mustTask(t, f.plan.ID, plan.TaskInput{Content: "Rà soát văn bản", LeadUnitID: f.STP.ID, Due: day(2023, time.December, 31)})
		closed, err := f.s.SetStatus(ctx, f.plan.ID, plan.StatusClosed)
		if err != nil || !closed.Closed() || closed.StatusLabel() != "Đã kết thúc" {
			t.Fatalf("close: %+v, %v", closed, err)
		}
		closedMsg := "Kế hoạch đã kết thúc: không thể thay đổi. Hãy mở lại kế hoạch trước."
		item := f.itemOf(t, task.ID, f.STP.ID, "")
		checks := map[string]error{}
		_, checks["create task"] = f.s.CreateTask(ctx, f.plan.ID, plan.TaskInput{Content: "Mới"})
		_, checks["update task"] = f.s.UpdateTask(ctx, task.ID, task.Input())
		checks["delete task"] = f.s.DeleteTask(ctx, task.ID)
		_, checks["progress"] = f.s.UpdateProgress(ctx, item.ID, plan.ProgressInput{Percent: 50})
		_, checks["hold"] = f.s.SetHold(ctx, item.ID, plan.HoldPaused, "Chờ", 0)
		_, checks["update plan"] = f.s.Update(ctx, f.plan.ID, planInput(f.plan))
		_, checks["custom area"] = f.s.AddCustomArea(ctx, f.plan.ID, "Lĩnh vực riêng")
		for name, err := range checks {
			if valid.Message(err) != closedMsg {
				t.Errorf("%s on a closed plan: err = %v", name, err)
			}
		}
		if _, err := f.s.SetStatus(ctx, f.plan.ID, plan.StatusIssued); err != nil {
			t.Fatalf("reopen: %v", err)
		}
		if _, err := f.s.UpdateProgress(ctx, item.ID, plan.ProgressInput{Percent: 50}); err != nil {
			t.Errorf("progress after reopening: %v", err)
		}
		if n := auditCount(t, d, "plan", "Chuyển kế hoạch"); n != 2 {
			t.Errorf("status audit rows = %d, want 2", n)
		}
	})
}

func TestPlanList(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		f.mustPlan(t, plan.PlanInput{Kind: plan.KindAnnual, Title: "Kế hoạch cải cách hành chính năm 2023", IssuingUnitID: f.XA.ID,
			NumberSymbol: "12/KH-UBND", PeriodStart: day(2023, time.January, 1), PeriodEnd: day(2023, time.December, 31), ParentID: f.plan.ID})
		f.mustPlan(t, plan.PlanInput{Kind: plan.KindThematic, Title: "Kế hoạch kiểm tra công tác CCHC năm 2024", IssuingUnitID: f.SNV.ID,
			PeriodStart: day(2024, time.January, 1), PeriodEnd: day(2024, time.December, 31)})
		tests := []struct {
			name   string
			filter plan.PlanFilter
			want   string
		}{
			{"all, latest period first", plan.PlanFilter{}, "Kế hoạch kiểm tra công tác CCHC năm 2024|Kế hoạch cải cách hành chính năm 2023|Kế hoạch cải cách hành chính giai đoạn 2021-2025"},
			{"within the district", plan.PlanFilter{Within: f.H1.ID}, "Kế hoạch cải cách hành chính năm 2023"},
			{"kind", plan.PlanFilter{Kind: plan.KindThematic}, "Kế hoạch kiểm tra công tác CCHC năm 2024"},
			{"status", plan.PlanFilter{Status: plan.StatusIssued}, "Kế hoạch cải cách hành chính giai đoạn 2021-2025"},
			{"year 2023 overlaps", plan.PlanFilter{Year: 2023}, "Kế hoạch cải cách hành chính năm 2023|Kế hoạch cải cách hành chính giai đoạn 2021-2025"},
			{"year 2026", plan.PlanFilter{Year: 2026}, ""},
			{"accent-insensitive title", plan.PlanFilter{Q: "kiem tra cchc"}, "Kế hoạch kiểm tra công tác CCHC năm 2024"},
			{"number", plan.PlanFilter{Q: "1525/qđ"}, "Kế hoạch cải cách hành chính giai đoạn 2021-2025"},
			{"children of a plan", plan.PlanFilter{ParentID: f.plan.ID}, "Kế hoạch cải cách hành chính năm 2023"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ps, total, err := f.s.List(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, p := range ps {
					got = append(got, p.Title)
				}
				if strings.Join(got, "|") != tt.want || total != len(got) {
					t.Errorf("List = %q (total %d), want %q", strings.Join(got, "|"), total, tt.want)
				}
			})
		}
	})
}

func TestAreas(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		sets, err := f.s.AreaSets(ctx)
		if err != nil || len(sets) != 2 || sets[0].Code != "par-2021-2030" {
			t.Fatalf("AreaSets = %+v, %v", sets, err)
		}
		old, err := f.s.AreaSetByCode(ctx, "par-2011-2020")
		if err != nil {
			t.Fatal(err)
		}
		oldAreas, _ := f.s.Areas(ctx, old.ID, 0)
		if len(oldAreas) != 8 || oldAreas[7].Name != "Thực hiện cơ chế một cửa, một cửa liên thông" || oldAreas[4].Code != "cbccvc" {
			t.Errorf("2011-2020 areas = %+v", oldAreas)
		}
		a, err := f.s.AddCustomArea(ctx, f.plan.ID, "  Công tác   thông tin, tuyên truyền ")
		if err != nil || a.Name != "Công tác thông tin, tuyên truyền" {
			t.Fatalf("AddCustomArea = %+v, %v", a, err)
		}
		if _, err := f.s.AddCustomArea(ctx, f.plan.ID, "cai cach the che"); fieldErr(err, "name") != "Lĩnh vực “Cải cách thể chế” đã có trong kế hoạch." {
			t.Errorf("duplicate area: %v", err)
		}
		areas, err := f.s.PlanAreas(ctx, f.plan.ID)
		if err != nil || len(areas) != 8 || areas[0].Name != "Công tác chỉ đạo, điều hành CCHC" ||
			areas[6].Name != "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số" || areas[7].ID != a.ID {
			t.Errorf("PlanAreas = %+v, %v", areas, err)
		}
		// Another plan's custom area is not usable by this plan's tasks.
		other := f.mustPlan(t, plan.PlanInput{Kind: plan.KindThematic, Title: "Khác", IssuingUnitID: f.SNV.ID,
			PeriodStart: day(2024, time.January, 1), PeriodEnd: day(2024, time.December, 31)})
		if _, err := f.s.CreateTask(ctx, other.ID, plan.TaskInput{Content: "X", AreaID: a.ID}); fieldErr(err, "area_id") != "Lĩnh vực không thuộc kế hoạch này." {
			t.Errorf("foreign area: %v", err)
		}
	})
}

func TestAttachSource(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		f := newFixture(t, d)
		ctx := context.Background()
		file, err := f.s.AttachSource(ctx, f.plan.ID, "QĐ 1525.pdf", bytes.NewReader([]byte("%PDF-1.4\n%%EOF")), 0)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := f.s.Get(ctx, f.plan.ID)
		if p.SourceFileID == nil || *p.SourceFileID != file.ID {
			t.Errorf("source file = %v, want %d", p.SourceFileID, file.ID)
		}
		if _, data, err := files.NewStore(d).Open(ctx, file.ID); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Errorf("Open source: %v", err)
		}
		if _, err := f.s.AttachSource(ctx, f.plan.ID, "virus.pdf", bytes.NewReader([]byte("MZ\x90\x00")), 0); !files.IsRefused(err) {
			t.Errorf("exe as source: %v", err)
		}
		if err := f.s.SetSourceFile(ctx, f.plan.ID, 0); err != nil {
			t.Fatal(err)
		}
		if p, _ := f.s.Get(ctx, f.plan.ID); p.SourceFileID != nil {
			t.Errorf("source after unlinking = %v", *p.SourceFileID)
		}
		if err := f.s.SetSourceFile(ctx, f.plan.ID, 999999); fieldErr(err, "source_file_id") != "Tệp không tồn tại." {
			t.Errorf("unknown file: %v", err)
		}
		if err := f.s.SetSourceFile(ctx, f.plan.ID, file.ID); err != nil {
			t.Fatal(err)
		}
		if n := auditCount(t, d, "plan", "Đính kèm văn bản “QĐ 1525.pdf”"); n != 2 {
			t.Errorf("attach audit rows = %d, want 2", n)
		}
	})
}
