package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/testkit"
	"cchc/internal/vn"
)

// nextYear is the year after today's, so that a task due in it is not due yet.
func nextYear() int { return civil.Today(vn.Location()).Year + 1 }

// planPath is the address of plan p's page, with an optional suffix.
func planPath(p plan.Plan, suffix string) string {
	return "/plans/" + strconv.FormatInt(p.ID, 10) + suffix
}

// mkPlan stores a plan of the next year issued by unit, in status.
func mkPlan(t *testing.T, env *testkit.Env, title string, unit org.Unit, status string, parent *plan.Plan) plan.Plan {
	t.Helper()
	y := nextYear()
	set, err := env.App.Plans.AreaSetByCode(context.Background(), "par-2021-2030")
	if err != nil {
		t.Fatal(err)
	}
	in := plan.PlanInput{Kind: plan.KindAnnual, Title: title, IssuingUnitID: unit.ID, NumberSymbol: "12/KH-UBND",
		IssuedOn: civil.New(y-1, time.December, 20), PeriodStart: civil.New(y, time.January, 1),
		PeriodEnd: civil.New(y, time.December, 31), AreaSetID: set.ID, Status: status}
	if parent != nil {
		in.ParentID = parent.ID
	}
	p, err := env.App.Plans.Create(context.Background(), in)
	if err != nil {
		t.Fatalf("create plan %q: %v", title, err)
	}
	return p
}

// firstArea is the first area the plan's tasks may use.
func firstArea(t *testing.T, env *testkit.Env, p plan.Plan) plan.Area {
	t.Helper()
	areas, err := env.App.Plans.PlanAreas(context.Background(), p.ID)
	if err != nil || len(areas) == 0 {
		t.Fatalf("areas of plan %d: %v (%d)", p.ID, err, len(areas))
	}
	return areas[0]
}

// communesTaskForm is the task form of a task led by the group "UBND cấp
// xã", due before June of the next year, with a budget.
func communesTaskForm(t *testing.T, env *testkit.Env, area plan.Area) url.Values {
	t.Helper()
	g, err := env.App.Units.GroupByCode(context.Background(), "communes")
	if err != nil {
		t.Fatal(err)
	}
	return url.Values{"seq": {"1"}, "area_id": {strconv.FormatInt(area.ID, 10)},
		"content": {"Rà soát, đơn giản hóa thủ tục hành chính cấp xã"}, "product": {"Báo cáo kết quả rà soát"},
		"lead_kind": {"group"}, "lead_group_id": {strconv.FormatInt(g.ID, 10)},
		"schedule_text": {"Trước tháng 6 năm " + strconv.Itoa(nextYear())}, "budget": {"1.250.000"},
		"funding_source": {"Ngân sách tỉnh"}}
}

func TestPlanCreateForm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		y := strconv.Itoa(nextYear())
		form := func(unit org.Unit, start, end string) url.Values {
			return url.Values{"kind": {plan.KindAnnual}, "title": {"Kế hoạch CCHC năm " + y},
				"issuing_unit_id": {unitID(unit)}, "number_symbol": {"09/KH-UBND"}, "issued_on": {"20/12/" + y},
				"period_start": {start}, "period_end": {end}}
		}
		tests := []struct {
			name, user string
			form       url.Values
			want       int
			body       []string
		}{
			{"coordinator for the province", "coord", form(env.Province, "01/01/"+y, "31/12/"+y), http.StatusSeeOther, nil},
			{"end before start", "coord", form(env.Province, "31/12/"+y, "01/01/"+y), http.StatusUnprocessableEntity,
				[]string{"Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."}},
			{"impossible day", "coord", form(env.Province, "31/02/"+y, "31/12/"+y), http.StatusUnprocessableEntity,
				[]string{"Ngày bắt đầu “31/02/" + y + "” không hợp lệ"}},
			{"officer for own unit", "officer_a", form(env.CommuneA, "01/01/"+y, "31/12/"+y), http.StatusSeeOther, nil},
			{"officer for another unit", "officer_a", form(env.CommuneB, "01/01/"+y, "31/12/"+y), http.StatusForbidden, nil},
			{"leader", "leader_d", form(env.District, "01/01/"+y, "31/12/"+y), http.StatusForbidden, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := env.Login(t, tt.user).PostForm("/plans", tt.form)
				if res.Code != tt.want {
					t.Fatalf("status %d, want %d; body %s", res.Code, tt.want, res.Body.String())
				}
				wantInBody(t, tt.name, res.Body.String(), tt.body...)
				if tt.want == http.StatusSeeOther && !strings.HasPrefix(res.Header().Get("Location"), "/plans/") {
					t.Errorf("redirect to %q", res.Header().Get("Location"))
				}
			})
		}
		plans, total, err := env.App.Plans.List(context.Background(), plan.PlanFilter{})
		if err != nil || total != 2 {
			t.Fatalf("plans stored: %d (%v), want 2", total, err)
		}
		for _, p := range plans {
			if p.Status != plan.StatusDraft {
				t.Errorf("plan %q: status %s, want draft", p.Title, p.Status)
			}
		}
		if res := env.Login(t, "leader_d").Get("/plans/new"); res.Code != http.StatusForbidden {
			t.Errorf("leader GET /plans/new: %d", res.Code)
		}
		body := env.Login(t, "officer_a").Get("/plans/new").Body.String()
		wantInBody(t, "officer form", body, "Xã An Phú", "(đơn vị của bạn)", "Kế hoạch năm")
	})
}

func TestPlanDraftVisibility(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		draft := mkPlan(t, env, "Kế hoạch dự thảo của xã Bình Minh", env.CommuneB, plan.StatusDraft, nil)
		issued := mkPlan(t, env, "Kế hoạch đã ban hành của xã Bình Minh", env.CommuneB, plan.StatusIssued, nil)
		tests := []struct {
			user       string
			draftCode  int
			listsDraft bool
		}{
			{"officer_a", http.StatusNotFound, false},
			{"leader_d", http.StatusNotFound, false},
			{"officer_b", http.StatusOK, true},
			{"coord", http.StatusOK, true},
		}
		for _, tt := range tests {
			t.Run(tt.user, func(t *testing.T) {
				c := env.Login(t, tt.user)
				if res := c.Get(planPath(draft, "")); res.Code != tt.draftCode {
					t.Errorf("draft page: %d, want %d", res.Code, tt.draftCode)
				}
				if res := c.Get(planPath(draft, "/export.xlsx")); res.Code != tt.draftCode {
					t.Errorf("draft export: %d, want %d", res.Code, tt.draftCode)
				}
				if res := c.Get(planPath(issued, "")); res.Code != http.StatusOK {
					t.Errorf("issued page: %d", res.Code)
				}
				list := c.Get("/plans").Body.String()
				wantInBody(t, "list", list, issued.Title)
				if strings.Contains(list, draft.Title) != tt.listsDraft {
					t.Errorf("list shows the draft: %v, want %v", !tt.listsDraft, tt.listsDraft)
				}
			})
		}
		// Accent-insensitive search and filters.
		c := env.Login(t, "coord")
		wantInBody(t, "search", c.Get("/plans?q=binh+minh+ban+hanh").Body.String(), issued.Title)
		wantNotInBody(t, "search", c.Get("/plans?q=binh+minh+ban+hanh").Body.String(), draft.Title)
		wantNotInBody(t, "status filter", c.Get("/plans?status=issued").Body.String(), draft.Title)
	})
}

func TestTaskLedByGroup(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		y := nextYear()
		p := mkPlan(t, env, "Kế hoạch CCHC tỉnh", env.Province, plan.StatusDraft, nil)
		area := firstArea(t, env, p)
		c := env.Login(t, "coord")

		form := communesTaskForm(t, env, area)
		res := c.PostForm(planPath(p, "/tasks"), form)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("create task: %d %s", res.Code, res.Body.String())
		}
		if got := unitFlashOf(res); !strings.Contains(got, "Đã giao cho 2 đơn vị") {
			t.Errorf("flash %q", got)
		}
		roots, err := env.App.Plans.Tree(ctx, p.ID)
		if err != nil || len(roots) != 1 {
			t.Fatalf("tasks: %d, %v", len(roots), err)
		}
		task := roots[0]
		if want := civil.New(y, time.May, 31); task.Due != want || !task.Understood {
			t.Errorf("due %s understood %v, want %s", task.Due.VN(), task.Understood, want.VN())
		}
		if task.BudgetVND == nil || *task.BudgetVND != 1250000 {
			t.Errorf("budget %v", task.BudgetVND)
		}
		if task.LeadText != "UBND cấp xã" {
			t.Errorf("lead text %q, want the group's name", task.LeadText)
		}
		items, _, err := env.App.Plans.WorkItems(ctx, plan.WorkItemFilter{TaskID: task.ID})
		if err != nil {
			t.Fatal(err)
		}
		var units []int64
		for _, it := range items {
			units = append(units, it.UnitID)
		}
		slices.Sort(units)
		if want := []int64{env.CommuneA.ID, env.CommuneB.ID}; !slices.Equal(units, want) {
			t.Errorf("work items for units %v, want %v (XA, XB)", units, want)
		}

		// A typed due day wins over the words; a bad budget is refused.
		edit := communesTaskForm(t, env, area)
		edit.Set("due_override", "15/04/"+strconv.Itoa(y))
		if res := c.PostForm("/tasks/"+strconv.FormatInt(task.ID, 10), edit); res.Code != http.StatusSeeOther {
			t.Fatalf("update task: %d %s", res.Code, res.Body.String())
		}
		got, err := env.App.Plans.Task(ctx, task.ID)
		if err != nil || got.Due != civil.New(y, time.April, 15) {
			t.Errorf("due after override %s (%v)", got.Due.VN(), err)
		}
		if body := c.Get("/tasks/" + strconv.FormatInt(task.ID, 10) + "/edit").Body.String(); !strings.Contains(body, "15/04/"+strconv.Itoa(y)) {
			t.Errorf("edit form does not show the typed due day")
		}
		// Start and recurrence are editable too.
		edit.Set("start_override", "01/02/"+strconv.Itoa(y))
		edit.Set("recurrence_override", plan.Quarterly)
		if res := c.PostForm("/tasks/"+strconv.FormatInt(task.ID, 10), edit); res.Code != http.StatusSeeOther {
			t.Fatalf("update task start and recurrence: %d %s", res.Code, res.Body.String())
		}
		got, err = env.App.Plans.Task(ctx, task.ID)
		if err != nil || got.Start != civil.New(y, time.February, 1) || got.Recurrence != plan.Quarterly {
			t.Errorf("after overrides: start %s, recurrence %q (%v)", got.Start.VN(), got.Recurrence, err)
		}
		edit.Set("recurrence_override", "weekly")
		if res := c.PostForm("/tasks/"+strconv.FormatInt(task.ID, 10), edit); res.Code != http.StatusUnprocessableEntity {
			t.Errorf("unknown recurrence: %d", res.Code)
		}
		edit.Set("recurrence_override", "once")
		edit.Set("start_override", "")
		if res := c.PostForm("/tasks/"+strconv.FormatInt(task.ID, 10), edit); res.Code != http.StatusSeeOther {
			t.Fatalf("back to once: %d", res.Code)
		}

		bad := communesTaskForm(t, env, area)
		bad.Set("budget", "một triệu")
		res = c.PostForm(planPath(p, "/tasks"), bad)
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("bad budget: %d", res.Code)
		}
		wantInBody(t, "bad budget", res.Body.String(), "Kinh phí “một triệu” không hợp lệ")

		// The plan page in the template's columns.
		body := c.Get(planPath(p, "")).Body.String()
		wantInBody(t, "plan page", body, "<th scope=\"rowgroup\">I</th>", area.Name, "Rà soát, đơn giản hóa thủ tục hành chính cấp xã",
			"UBND cấp xã", "Trước tháng 6 năm "+strconv.Itoa(y), "Hạn 15/04/"+strconv.Itoa(y), "1.250.000 đ", "Tổng cộng", "0/2",
			"Thêm nhiệm vụ", "Ban hành", "Xuất Excel")
		if strings.Count(body, "1.250.000 đ") < 3 { // the row, the area subtotal, the total (and the header block)
			t.Errorf("budget shown %d times, want the row, subtotal and total", strings.Count(body, "1.250.000 đ"))
		}
	})
}

func TestSchedulePreview(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		y := strconv.Itoa(nextYear())
		tests := []struct {
			text string
			want []string
		}{
			{"Trước tháng 6 năm " + y, []string{"Đã hiểu", "Hạn 31/05/" + y}},
			{"Hằng quý", []string{"Đã hiểu", "Hàng quý"}},
			{"xyz abc", []string{"Chưa xác định được thời hạn"}},
		}
		for _, tt := range tests {
			t.Run(tt.text, func(t *testing.T) {
				res := htmxGet(t, env, "coord", "/schedule/preview?"+url.Values{"text": {tt.text}, "year": {y}}.Encode())
				if res.Code != http.StatusOK {
					t.Fatalf("status %d", res.Code)
				}
				wantInBody(t, "preview", res.Body.String(), tt.want...)
				wantNotInBody(t, "preview", res.Body.String(), "<html")
			})
		}
	})
}

func TestPlanStatusAndAreas(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		p := mkPlan(t, env, "Kế hoạch tuyên truyền", env.Province, plan.StatusDraft, nil)
		c := env.Login(t, "coord")
		res := c.PostForm(planPath(p, "/status"), url.Values{"action": {"issue"}})
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã ban hành") {
			t.Fatalf("issue: %d %q", res.Code, unitFlashOf(res))
		}
		res = c.PostForm(planPath(p, "/status"), url.Values{"action": {"reopen"}})
		if msg := unitFlashOf(res); !strings.Contains(msg, "Không thể thực hiện thao tác này") {
			t.Errorf("reopen an issued plan: flash %q", msg)
		}
		res = c.PostForm(planPath(p, "/areas"), url.Values{"name": {"Công tác thông tin, tuyên truyền"}})
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã thêm lĩnh vực") {
			t.Fatalf("add area: %d %q", res.Code, unitFlashOf(res))
		}
		areas, err := env.App.Plans.PlanAreas(context.Background(), p.ID)
		if err != nil || areas[len(areas)-1].Name != "Công tác thông tin, tuyên truyền" {
			t.Errorf("custom area not stored (%v)", err)
		}
		if msg := unitFlashOf(c.PostForm(planPath(p, "/areas"), url.Values{"name": {"cong tac thong tin, tuyen truyen"}})); !strings.Contains(msg, "đã có trong kế hoạch") {
			t.Errorf("duplicate area: flash %q", msg)
		}
	})
}

func TestPlanExportXLSX(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		p := mkPlan(t, env, "Kế hoạch CCHC tỉnh", env.Province, plan.StatusIssued, nil)
		c := env.Login(t, "coord")
		if res := c.PostForm(planPath(p, "/tasks"), communesTaskForm(t, env, firstArea(t, env, p))); res.Code != http.StatusSeeOther {
			t.Fatalf("create task: %d", res.Code)
		}
		res := env.Login(t, "officer_a").Get(planPath(p, "/export.xlsx"))
		if res.Code != http.StatusOK {
			t.Fatalf("export: %d", res.Code)
		}
		if cd := res.Header().Get("Content-Disposition"); !strings.Contains(cd, "plan-"+strconv.FormatInt(p.ID, 10)+".xlsx") {
			t.Errorf("Content-Disposition %q", cd)
		}
		x, err := excelize.OpenReader(bytes.NewReader(res.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, err := x.GetRows(x.GetSheetName(0))
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, r := range rows {
			all = append(all, strings.Join(r, " | "))
		}
		text := strings.Join(all, "\n")
		wantInBody(t, "workbook", text, "KẾ HOẠCH CCHC TỈNH", "Số: 12/KH-UBND", "STT | Nhiệm vụ | Sản phẩm | Cơ quan chủ trì",
			"I | "+firstArea(t, env, p).Name, "1 | Rà soát, đơn giản hóa thủ tục hành chính cấp xã | Báo cáo kết quả rà soát | UBND cấp xã",
			"Hạn 31/05/"+strconv.Itoa(nextYear()), "TỔNG CỘNG")
		last := rows[len(rows)-1]
		if len(last) < 7 || strings.ReplaceAll(strings.ReplaceAll(last[6], ",", ""), ".", "") != "1250000" {
			t.Errorf("total row %q, want a budget of 1250000", last)
		}
	})
}

func TestPlanWritesForbiddenToLeader(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		p := mkPlan(t, env, "Kế hoạch của huyện", env.District, plan.StatusIssued, nil)
		task, err := env.App.Plans.CreateTask(context.Background(), p.ID, plan.TaskInput{Content: "Nhiệm vụ thử", LeadUnitID: env.District.ID})
		if err != nil {
			t.Fatal(err)
		}
		taskPath := "/tasks/" + strconv.FormatInt(task.ID, 10)
		c := env.Login(t, "leader_d")
		if res := c.Get(planPath(p, "")); res.Code != http.StatusOK {
			t.Fatalf("leader reads the issued plan: %d", res.Code)
		}
		for _, tt := range []struct{ method, path string }{
			{"POST", "/plans"},
			{"GET", planPath(p, "/edit")},
			{"POST", planPath(p, "")},
			{"POST", planPath(p, "/status")},
			{"POST", planPath(p, "/source")},
			{"POST", planPath(p, "/areas")},
			{"POST", planPath(p, "/copy-assigned")},
			{"GET", planPath(p, "/tasks/new")},
			{"POST", planPath(p, "/tasks")},
			{"GET", taskPath + "/edit"},
			{"POST", taskPath},
			{"POST", taskPath + "/delete"},
			{"POST", taskPath + "/move"},
		} {
			t.Run(tt.method+" "+tt.path, func(t *testing.T) {
				var res *httptest.ResponseRecorder
				if tt.method == "POST" {
					res = c.PostForm(tt.path, url.Values{"action": {"close"}, "name": {"x"}, "dir": {"up"}, "content": {"x"}})
				} else {
					res = c.Get(tt.path)
				}
				if res.Code != http.StatusForbidden {
					t.Errorf("status %d, want 403", res.Code)
				}
			})
		}
		if got, err := env.App.Plans.Get(context.Background(), p.ID); err != nil || got.Status != plan.StatusIssued {
			t.Errorf("plan changed: %s (%v)", got.Status, err)
		}
	})
}

func TestPlanCoverage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		province := mkPlan(t, env, "Kế hoạch CCHC tỉnh", env.Province, plan.StatusIssued, nil)
		coord := env.Login(t, "coord")
		if res := coord.PostForm(planPath(province, "/tasks"), communesTaskForm(t, env, firstArea(t, env, province))); res.Code != http.StatusSeeOther {
			t.Fatalf("create task: %d", res.Code)
		}
		child := mkPlan(t, env, "Kế hoạch CCHC xã An Phú", env.CommuneA, plan.StatusDraft, &province)
		officer := env.Login(t, "officer_a")

		body := officer.Get(planPath(child, "/coverage")).Body.String()
		wantInBody(t, "unit coverage", body, "Còn thiếu 1 nhiệm vụ", "Rà soát, đơn giản hóa thủ tục hành chính cấp xã",
			"Sao chép các nhiệm vụ còn thiếu")
		body = coord.Get(planPath(province, "/coverage")).Body.String()
		wantInBody(t, "province coverage", body, "Xã An Phú", "Xã Bình Minh", "Chưa có kế hoạch", child.Title)

		if res := env.Login(t, "officer_b").PostForm(planPath(child, "/copy-assigned"), nil); res.Code != http.StatusNotFound {
			t.Errorf("another commune copies into a draft it cannot see: %d", res.Code)
		}
		res := officer.PostForm(planPath(child, "/copy-assigned"), nil)
		if msg := unitFlashOf(res); res.Code != http.StatusSeeOther || !strings.Contains(msg, "Đã sao chép 1 nhiệm vụ") {
			t.Fatalf("copy assigned: %d %q", res.Code, msg)
		}
		wantInBody(t, "covered", officer.Get(planPath(child, "/coverage")).Body.String(), "Đầy đủ")
	})
}

func TestPlanSourceDocument(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		p := mkPlan(t, env, "Kế hoạch CCHC tỉnh", env.Province, plan.StatusIssued, nil)
		upload := func(c *testkit.Client, name string, content []byte) *httptest.ResponseRecorder {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, err := mw.CreateFormFile("file", name)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = fw.Write(content)
			_ = mw.Close()
			return c.Do(http.MethodPost, planPath(p, "/source"), &body, mw.FormDataContentType())
		}
		coord := env.Login(t, "coord")
		pdf := []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
		res := upload(coord, "Quyết định ban hành.pdf", pdf)
		if msg := unitFlashOf(res); res.Code != http.StatusSeeOther || !strings.Contains(msg, "Đã đính kèm") {
			t.Fatalf("upload: %d %q", res.Code, msg)
		}
		if msg := unitFlashOf(upload(coord, "virus.exe", []byte("MZ\x90\x00binary"))); msg == "" || strings.Contains(msg, "Đã đính kèm") {
			t.Errorf("an executable was accepted: %q", msg)
		}
		res = env.Login(t, "officer_a").Get(planPath(p, "/source"))
		if res.Code != http.StatusOK || !bytes.Equal(res.Body.Bytes(), pdf) {
			t.Fatalf("download: %d", res.Code)
		}
		if ct := res.Header().Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("Content-Type %q", ct)
		}
		if cd := res.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, "Quy") {
			t.Errorf("Content-Disposition %q", cd)
		}
	})
}

func TestPlanEditAndTaskOrder(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		p := mkPlan(t, env, "Kế hoạch của xã An Phú", env.CommuneA, plan.StatusDraft, nil)
		c := env.Login(t, "officer_a")
		wantInBody(t, "edit form", c.Get(planPath(p, "/edit")).Body.String(), "Kế hoạch của xã An Phú", "12/KH-UBND", "Xã An Phú")
		form := url.Values{"kind": {plan.KindAnnual}, "title": {"Kế hoạch CCHC xã An Phú (sửa)"}, "number_symbol": {"15/KH-UBND"},
			"issued_on": {p.IssuedOn.VN()}, "period_start": {p.PeriodStart.VN()}, "period_end": {p.PeriodEnd.VN()}}
		if res := c.PostForm(planPath(p, ""), form); res.Code != http.StatusSeeOther {
			t.Fatalf("update: %d %s", res.Code, res.Body.String())
		}
		form.Set("issuing_unit_id", unitID(env.CommuneB))
		if res := c.PostForm(planPath(p, ""), form); res.Code != http.StatusForbidden {
			t.Errorf("hand the plan to another unit: %d", res.Code)
		}
		got, _ := env.App.Plans.Get(ctx, p.ID)
		if got.Title != "Kế hoạch CCHC xã An Phú (sửa)" || got.NumberSymbol != "15/KH-UBND" || got.IssuingUnitID != env.CommuneA.ID {
			t.Errorf("after update: %+v", got)
		}

		wantInBody(t, "task form", c.Get(planPath(p, "/tasks/new")).Body.String(), "Nội dung nhiệm vụ", "UBND cấp xã", "schedule-preview")
		var ids []int64
		for _, content := range []string{"Nhiệm vụ thứ nhất", "Nhiệm vụ thứ hai"} {
			res := c.PostForm(planPath(p, "/tasks"), url.Values{"content": {content}, "lead_kind": {"unit"}, "lead_unit_id": {unitID(env.CommuneA)}})
			if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), "Đã giao cho 1 đơn vị") {
				t.Fatalf("create %q: %d %q", content, res.Code, unitFlashOf(res))
			}
		}
		roots, _ := env.App.Plans.Tree(ctx, p.ID)
		for _, r := range roots {
			ids = append(ids, r.ID)
		}
		if res := c.PostForm("/tasks/"+strconv.FormatInt(ids[1], 10)+"/move", url.Values{"dir": {"up"}}); res.Code != http.StatusSeeOther {
			t.Fatalf("move: %d", res.Code)
		}
		roots, _ = env.App.Plans.Tree(ctx, p.ID)
		if roots[0].ID != ids[1] {
			t.Errorf("after moving up, first task is %d, want %d", roots[0].ID, ids[1])
		}
		if res := c.PostForm("/tasks/"+strconv.FormatInt(ids[0], 10)+"/delete", nil); res.Code != http.StatusSeeOther {
			t.Fatalf("delete: %d", res.Code)
		}
		if roots, _ = env.App.Plans.Tree(ctx, p.ID); len(roots) != 1 {
			t.Errorf("%d tasks after delete, want 1", len(roots))
		}
	})
}
