package web_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/agency"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/doctable"
	"cchc/internal/httpx"
	"cchc/internal/importer"
	"cchc/internal/plan"
	"cchc/internal/testkit"
)

// unknownAgency is an agency the test province does not have.
const unknownAgency = "Đài Phát thanh và Truyền hình tỉnh"

// importTXT is a plan document as a text extraction of Word (cells start
// with a tab): a title naming year y, a header row, a section row, two
// numbered tasks (one led by unknownAgency) and a sub-row.
func importTXT(y int) []byte {
	rows := [][]string{
		{"STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"},
		{"I", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ"},
		{"1", "Rà soát văn bản quy phạm pháp luật của tỉnh", "Sở Nội vụ", "UBND cấp xã", fmt.Sprintf("Trước tháng 6 năm %d", y)},
		{"2", "Tuyên truyền cải cách hành chính trên sóng phát thanh", unknownAgency, "Sở Nội vụ", "Hằng quý"},
		{"", "a) Phát sóng chuyên mục cải cách hành chính", unknownAgency, "", "Trước ngày 25/11"},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "KẾ HOẠCH\nCải cách hành chính năm %d\n\n", y)
	for _, r := range rows {
		for _, c := range r {
			b.WriteString("\t" + c + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// importDOCX is a Word plan document: a title naming year y, and a table
// with a header row, a section row merged across, two numbered tasks (one
// led by unknownAgency) and a sub-row.
func importDOCX(t testing.TB, y int) []byte {
	t.Helper()
	cells := func(texts ...string) doctable.Row {
		var r doctable.Row
		for _, s := range texts {
			r.Cells = append(r.Cells, doctable.Cell{Text: s})
		}
		return r
	}
	section := cells("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
	for range 4 {
		section.Cells = append(section.Cells, doctable.Cell{Text: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", Merged: true})
	}
	blocks := []doctable.Block{
		{Text: "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM"},
		{Text: "KẾ HOẠCH"},
		{Text: fmt.Sprintf("Cải cách hành chính năm %d", y)},
		{Table: &doctable.Table{Rows: []doctable.Row{
			cells("STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"),
			section,
			cells("1", "Rà soát, công bố thủ tục hành chính", "Quyết định công bố", "Sở Nội vụ", "UBND cấp xã", fmt.Sprintf("Quý II năm %d", y)),
			cells("", "a) Niêm yết thủ tục tại Bộ phận một cửa cấp xã", "Danh mục niêm yết", "UBND cấp xã", "", fmt.Sprintf("Trước ngày 30/6/%d", y)),
			cells("2", "Tuyên truyền cải cách thủ tục hành chính", "Chuyên mục phát thanh", unknownAgency, "Sở Nội vụ", "Hằng quý"),
		}}},
	}
	var buf bytes.Buffer
	if err := doctable.WriteDOCX(&buf, blocks); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// importUpload posts the upload form: content as the "file" field (none
// when nil) and fields.
func importUpload(t *testing.T, c *testkit.Client, name string, content []byte, fields url.Values) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := importMultipart(t, name, content, fields)
	return c.Do(http.MethodPost, "/plans/import", body, ct)
}

func importMultipart(t *testing.T, name string, content []byte, fields url.Values) (*bytes.Buffer, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	if content != nil {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(content)
	}
	_ = mw.Close()
	return &body, mw.FormDataContentType()
}

// draftOf returns the draft an upload redirected to.
func draftOf(t *testing.T, env *testkit.Env, res *httptest.ResponseRecorder) importer.Draft {
	t.Helper()
	to := res.Header().Get("Location")
	if res.Code != http.StatusSeeOther || !strings.HasPrefix(to, "/plan-imports/") {
		t.Fatalf("upload: status %d, redirect %q, body %s", res.Code, to, res.Body.String())
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(to, "/plan-imports/"), 10, 64)
	if err != nil {
		t.Fatalf("redirect %q: %v", to, err)
	}
	d, err := importer.GetDraft(context.Background(), env.App.DB, id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// draftPath is the address of a draft import's page, with a suffix.
func draftPath(d importer.Draft, suffix string) string {
	return "/plan-imports/" + strconv.FormatInt(d.ID, 10) + suffix
}

// planTasks returns the plan's tasks in document order with their depth.
func planTasks(t *testing.T, env *testkit.Env, planID int64) (tasks []*plan.Task, depth map[int64]int) {
	t.Helper()
	roots, err := env.App.Plans.Tree(context.Background(), planID)
	if err != nil {
		t.Fatal(err)
	}
	depth = map[int64]int{}
	plan.Walk(roots, func(task *plan.Task, d int) {
		tasks = append(tasks, task)
		depth[task.ID] = d
	})
	return tasks, depth
}

func countRows(t *testing.T, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.Get(&n, "SELECT COUNT(*) FROM "+table); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPlanImportAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		y := nextYear()
		ownA := mkPlan(t, env, "Kế hoạch CCHC của xã An Phú", env.CommuneA, plan.StatusIssued, nil)
		draftA := mkPlan(t, env, "Dự thảo kế hoạch của xã An Phú", env.CommuneA, plan.StatusDraft, nil)
		closed := mkPlan(t, env, "Kế hoạch đã kết thúc của tỉnh", env.Province, plan.StatusIssued, nil)
		if _, err := env.App.Plans.SetStatus(context.Background(), closed.ID, plan.StatusClosed); err != nil {
			t.Fatal(err)
		}
		doc := importTXT(y)
		tests := []struct {
			name, user string
			get        string     // a page to open, or
			upload     url.Values // an upload's fields
			want       int
			body       []string
		}{
			{"officer opens the form for his plan", "officer_a", "/plans/import?plan=" + strconv.FormatInt(ownA.ID, 10), nil, http.StatusOK,
				[]string{ownA.Title, "Nhập nhiệm vụ từ tệp", `name="plan" value="` + strconv.FormatInt(ownA.ID, 10)}},
			{"officer of another unit: form", "officer_b", "/plans/import?plan=" + strconv.FormatInt(ownA.ID, 10), nil, http.StatusForbidden, nil},
			{"officer of another unit: upload", "officer_b", "", url.Values{"plan": {strconv.FormatInt(ownA.ID, 10)}}, http.StatusForbidden, nil},
			{"officer of another unit: a draft he cannot see", "officer_b", "/plans/import?plan=" + strconv.FormatInt(draftA.ID, 10), nil, http.StatusNotFound, nil},
			{"closed plan", "coord", "/plans/import?plan=" + strconv.FormatInt(closed.ID, 10), nil, http.StatusUnprocessableEntity,
				[]string{"đã kết thúc"}},
			{"leader drafts no plan", "leader_d", "/plans/import", nil, http.StatusForbidden, nil},
			{"coordinator chooses the issuing unit", "coord", "/plans/import", nil, http.StatusOK,
				[]string{"Nhập kế hoạch từ tệp", "picker-issuing_unit_id", `accept=".docx,.xlsx,.txt`, "hx-encoding=\"multipart/form-data\"", "<progress"}},
			{"officer's new plan is his unit's", "officer_a", "/plans/import", nil, http.StatusOK, []string{"Xã An Phú", "(đơn vị của bạn)"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Login(t, tt.user)
				var res *httptest.ResponseRecorder
				if tt.upload != nil {
					res = importUpload(t, c, "ke-hoach.txt", doc, tt.upload)
				} else {
					res = c.Get(tt.get)
				}
				if res.Code != tt.want {
					t.Fatalf("status %d, want %d; body %s", res.Code, tt.want, res.Body.String())
				}
				wantInBody(t, tt.name, res.Body.String(), tt.body...)
			})
		}
		if n := countRows(t, d, "plan_imports"); n != 0 {
			t.Errorf("refused uploads stored %d drafts", n)
		}

		// An officer's new plan is always his own unit's, whatever he posts.
		res := importUpload(t, env.Login(t, "officer_a"), "ke-hoach.txt", doc,
			url.Values{"issuing_unit_id": {unitID(env.CommuneB)}})
		if np := draftOf(t, env, res).Settings.NewPlan; np == nil || np.IssuingUnitID != env.CommuneA.ID {
			t.Errorf("officer's new plan = %+v, want issued by %d", np, env.CommuneA.ID)
		}

		// A draft is seen only by its owner and administrators.
		draft := draftOf(t, env, importUpload(t, env.Login(t, "coord"), "ke-hoach.txt", doc,
			url.Values{"issuing_unit_id": {unitID(env.Province)}}))
		for _, user := range []string{"officer_a", "appraiser"} {
			c := env.Login(t, user)
			for _, page := range []string{"", "/source"} {
				if res := c.Get(draftPath(draft, page)); res.Code != http.StatusNotFound {
					t.Errorf("%s GET %s: %d, want 404", user, draftPath(draft, page), res.Code)
				}
			}
			for _, action := range []string{"/columns", "/choices", "/units", "/confirm"} {
				res := c.PostForm(draftPath(draft, action), url.Values{"key": {"so noi vu"}, "target": {"u:1"}})
				if res.Code != http.StatusNotFound && res.Code != http.StatusForbidden {
					t.Errorf("%s POST %s: %d, want 404 or 403", user, action, res.Code)
				}
			}
		}
		if res := env.Login(t, "admin").Get(draftPath(draft, "")); res.Code != http.StatusOK {
			t.Errorf("admin preview: %d", res.Code)
		}
		res = env.Login(t, "coord").Get(draftPath(draft, "/source"))
		if res.Code != http.StatusOK || !bytes.Equal(res.Body.Bytes(), doc) ||
			!strings.Contains(res.Header().Get("Content-Disposition"), "ke-hoach.txt") {
			t.Errorf("source download: %d %q", res.Code, res.Header().Get("Content-Disposition"))
		}
		// Creating a unit needs the right to manage units.
		mine := draftOf(t, env, importUpload(t, env.Login(t, "officer_a"), "ke-hoach.txt", doc, nil))
		if res := env.Login(t, "officer_a").PostForm(draftPath(mine, "/units"), url.Values{"key": {agency.Key(unknownAgency)},
			"kind": {"agency"}}); res.Code != http.StatusForbidden {
			t.Errorf("officer creates a unit: %d, want 403", res.Code)
		}
		if countRows(t, d, "plans") != 3 {
			t.Errorf("uploads created plans before confirmation")
		}
	})
}

func TestPlanImportRefusedFile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "coord")
		province := url.Values{"issuing_unit_id": {unitID(env.Province)}}
		tests := []struct {
			name    string
			file    string
			content []byte
			fields  url.Values
			status  int
			want    []string
		}{
			{"a PDF", "ke-hoach.pdf", []byte("%PDF-1.4\n1 0 obj<<>>endobj\n"), province, http.StatusUnprocessableEntity,
				[]string{"Tệp PDF không đọc được bảng", `class="field has-error"`}},
			{"an old Word file", "ke-hoach.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), province,
				http.StatusUnprocessableEntity, []string{`<p class="field-error" role="alert">`}},
			{"an empty file", "ke-hoach.docx", []byte{}, province, http.StatusUnprocessableEntity, []string{"rỗng"}},
			{"no file", "", nil, province, http.StatusUnprocessableEntity, []string{"Vui lòng chọn tệp kế hoạch"}},
			{"too large", "ke-hoach.txt", bytes.Repeat([]byte("a"), doctable.MaxSize+2<<20), province,
				http.StatusRequestEntityTooLarge, []string{"Tệp quá lớn: tối đa 20 MB."}},
			{"no year anywhere", "ke-hoach.txt", []byte("Danh sách\n\n\tSTT\n\tNhiệm vụ\n\tCơ quan chủ trì\n\n\t1\n\tRà soát\n\tSở Nội vụ\n\n\n"),
				province, http.StatusUnprocessableEntity, []string{"Không tìm thấy năm của kế hoạch", "Không tìm thấy tên kế hoạch"}},
			{"a bad year", "ke-hoach.txt", importTXT(2027), url.Values{"issuing_unit_id": {unitID(env.Province)}, "year": {"20x7"}},
				http.StatusUnprocessableEntity, []string{"Năm kế hoạch “20x7” không hợp lệ"}},
			{"no issuing unit", "ke-hoach.txt", importTXT(2027), nil, http.StatusUnprocessableEntity, []string{"Vui lòng chọn đơn vị ban hành."}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := importUpload(t, c, tt.file, tt.content, tt.fields)
				if res.Code != tt.status {
					t.Fatalf("status %d, want %d; body %s", res.Code, tt.status, res.Body.String())
				}
				wantInBody(t, tt.name, res.Body.String(), tt.want...)
			})
		}
		for _, table := range []string{"plan_imports", "files"} {
			if n := countRows(t, d, table); n != 0 {
				t.Errorf("%d rows in %s after refused uploads", n, table)
			}
		}
	})
}

func TestPlanImportTXTIntoPlan(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		y := nextYear()
		p := mkPlan(t, env, "Kế hoạch CCHC năm của tỉnh", env.Province, plan.StatusIssued, nil)
		c := env.Login(t, "coord")
		fields := url.Values{"plan": {strconv.FormatInt(p.ID, 10)}}

		draft := draftOf(t, env, importUpload(t, c, "ke-hoach-2027.txt", importTXT(y), fields))
		if draft.PlanID == nil || *draft.PlanID != p.ID || draft.Settings.NewPlan != nil {
			t.Fatalf("draft = %+v", draft)
		}
		res := c.Get(draftPath(draft, ""))
		if res.Code != http.StatusOK {
			t.Fatalf("preview: %d %s", res.Code, res.Body.String())
		}
		wantInBody(t, "preview", res.Body.String(), "ke-hoach-2027.txt", p.Title,
			"Rà soát văn bản quy phạm pháp luật của tỉnh", "Phát sóng chuyên mục cải cách hành chính",
			`<mark class="unmatched">`+unknownAgency+`</mark>`, "Tên cơ quan chưa khớp (1)",
			fmt.Sprintf("hạn 31/05/%d", y), plan.RecurrenceLabels[plan.Quarterly], "Cải cách thể chế",
			`<span class="stat-value">2</span><span class="stat-label">nhiệm vụ</span>`,
			`<span class="stat-value">1</span><span class="stat-label">nhiệm vụ con</span>`,
			"Dòng ", "theo thời gian thực hiện của kế hoạch", "Xác nhận nhập")

		// The coordinating column is not wanted: ignore it.
		roles := url.Values{"table": {"0"}, "role": {importer.RoleSeq, importer.RoleTitle, importer.RoleLead, importer.RoleIgnore, importer.RoleTime}}
		if res := c.PostForm(draftPath(draft, "/columns"), roles); res.Code != http.StatusSeeOther {
			t.Fatalf("columns: %d %s", res.Code, res.Body.String())
		}
		wantInBody(t, "preview after the column change", c.Get(draftPath(draft, "")).Body.String(), "đã chỉnh tay")
		bad := url.Values{"table": {"0"}, "role": {importer.RoleSeq, importer.RoleLead}}
		if res := c.PostForm(draftPath(draft, "/columns"), bad); res.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(res.Body.String(), "Cần chọn vai trò cho đúng 5 cột của bảng.") {
			t.Errorf("wrong number of roles: %d", res.Code)
		}

		// The unknown agency is the province's own committee here.
		res = c.PostForm(draftPath(draft, "/choices"), url.Values{"key": {agency.Key(unknownAgency)},
			"target": {"u:" + unitID(env.Province)}})
		if res.Code != http.StatusSeeOther || !strings.Contains(unitFlashOf(res), env.Province.Name) {
			t.Fatalf("choice: %d %q", res.Code, unitFlashOf(res))
		}
		body := c.Get(draftPath(draft, "")).Body.String()
		wantInBody(t, "preview after the choice", body, "Tên đã được gán", "→ "+env.Province.Name)
		wantNotInBody(t, "preview after the choice", body, `<mark class="unmatched" title="Chưa khớp đơn vị nào">`)

		res = c.PostForm(draftPath(draft, "/confirm"), nil)
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != planPath(p, "") {
			t.Fatalf("confirm: %d → %q %s", res.Code, res.Header().Get("Location"), res.Body.String())
		}
		if got, want := unitFlashOf(res), "Đã nhập 3 nhiệm vụ (0 cập nhật) từ tệp “ke-hoach-2027.txt”."; got != want {
			t.Errorf("flash %q, want %q", got, want)
		}
		tasks, depth := planTasks(t, env, p.ID)
		if len(tasks) != 3 {
			t.Fatalf("tasks after import: %d, want 3", len(tasks))
		}
		if tasks[0].CoordinatingText != "" || len(tasks[0].CoordinatingGroupIDs) != 0 {
			t.Errorf("ignored coordinating column imported: %q %v", tasks[0].CoordinatingText, tasks[0].CoordinatingGroupIDs)
		}
		if tasks[1].LeadUnitID == nil || *tasks[1].LeadUnitID != env.Province.ID {
			t.Errorf("task 2 lead = %v, want the chosen unit %d", tasks[1].LeadUnitID, env.Province.ID)
		}
		if depth[tasks[2].ID] != 1 || tasks[2].ParentID == nil || *tasks[2].ParentID != tasks[1].ID {
			t.Errorf("sub-task not under task 2: depth %d parent %v", depth[tasks[2].ID], tasks[2].ParentID)
		}
		done, err := importer.GetDraft(ctx, d, draft.ID)
		if err != nil || !done.Done() {
			t.Fatalf("draft after confirm: %+v %v", done, err)
		}
		// A confirmed draft leads to its plan and cannot be imported twice.
		for _, res := range []*httptest.ResponseRecorder{c.Get(draftPath(draft, "")), c.PostForm(draftPath(draft, "/confirm"), nil)} {
			if res.Code != http.StatusSeeOther || res.Header().Get("Location") != planPath(p, "") {
				t.Errorf("done draft: %d → %q", res.Code, res.Header().Get("Location"))
			}
		}
		wantInBody(t, "plan page", c.Get(planPath(p, "")).Body.String(), "Nhập nhiệm vụ từ tệp", "Rà soát văn bản quy phạm pháp luật của tỉnh")

		// Importing the same document again updates the tasks.
		again := draftOf(t, env, importUpload(t, c, "ke-hoach-2027.txt", importTXT(y), fields))
		res = c.PostForm(draftPath(again, "/confirm"), nil)
		if got, want := unitFlashOf(res), "Đã nhập 3 nhiệm vụ (3 cập nhật) từ tệp “ke-hoach-2027.txt”."; got != want {
			t.Errorf("re-import flash %q, want %q", got, want)
		}
		if tasks, _ := planTasks(t, env, p.ID); len(tasks) != 3 {
			t.Errorf("tasks after re-import: %d, want 3", len(tasks))
		}
	})
}

func TestPlanImportDOCXNewPlan(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		y := nextYear()
		c := env.Login(t, "coord")

		// Posted by htmx: the answer sends the browser on with HX-Redirect.
		body, ct := importMultipart(t, "ke-hoach.docx", importDOCX(t, y), url.Values{"issuing_unit_id": {unitID(env.Province)}})
		res := htmxPost(t, env, "coord", "/plans/import", body, ct)
		to := res.Header().Get("HX-Redirect")
		if !strings.HasPrefix(to, "/plan-imports/") {
			t.Fatalf("htmx upload: %d, HX-Redirect %q, body %s", res.Code, to, res.Body.String())
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(to, "/plan-imports/"), 10, 64)
		draft, err := importer.GetDraft(ctx, d, id)
		if err != nil {
			t.Fatal(err)
		}
		want := importer.NewPlan{Title: fmt.Sprintf("Kế hoạch cải cách hành chính năm %d", y), Kind: plan.KindAnnual,
			IssuingUnitID: env.Province.ID, FromYear: y, ToYear: y}
		if draft.Settings.NewPlan == nil || *draft.Settings.NewPlan != want {
			t.Fatalf("new plan = %+v, want %+v", draft.Settings.NewPlan, want)
		}
		page := c.Get(draftPath(draft, "")).Body.String()
		wantInBody(t, "preview", page, "Kế hoạch mới (dự thảo)", want.Title, "Niêm yết thủ tục tại Bộ phận một cửa cấp xã",
			`<mark class="unmatched">`+unknownAgency+`</mark>`, "Tạo đơn vị mới", "Cải cách thủ tục hành chính",
			fmt.Sprintf("30/06/%d", y), "theo năm của kế hoạch mới")

		// A refused unit comes back with its message; a good one is created and chosen.
		form := url.Values{"key": {agency.Key(unknownAgency)}, "code": {"SNV"}, "kind": {"agency"}, "parent_id": {unitID(env.Province)}}
		if res := c.PostForm(draftPath(draft, "/units"), form); res.Code != http.StatusUnprocessableEntity ||
			!strings.Contains(res.Body.String(), "đã được dùng cho đơn vị khác") {
			t.Errorf("unit with a taken code: %d", res.Code)
		}
		form.Set("code", "")
		res = c.PostForm(draftPath(draft, "/units"), form)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("create unit: %d %s", res.Code, res.Body.String())
		}
		radio, err := env.App.Units.GetByCode(ctx, "DPTVTHT")
		if err != nil {
			t.Fatalf("created unit: %v (flash %q)", err, unitFlashOf(res))
		}
		if radio.Name != unknownAgency || radio.ParentID == nil || *radio.ParentID != env.Province.ID {
			t.Errorf("created unit = %+v", radio)
		}

		res = c.PostForm(draftPath(draft, "/confirm"), nil)
		if res.Code != http.StatusSeeOther || !strings.HasPrefix(res.Header().Get("Location"), "/plans/") {
			t.Fatalf("confirm: %d %s", res.Code, res.Body.String())
		}
		done, _ := importer.GetDraft(ctx, d, draft.ID)
		if done.PlanID == nil {
			t.Fatal("confirmed draft has no plan")
		}
		p, err := env.App.Plans.Get(ctx, *done.PlanID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != want.Title || p.Status != plan.StatusDraft || p.Kind != plan.KindAnnual ||
			p.PeriodStart.VN() != fmt.Sprintf("01/01/%d", y) || p.PeriodEnd.VN() != fmt.Sprintf("31/12/%d", y) {
			t.Errorf("new plan = %+v", p)
		}
		tasks, depth := planTasks(t, env, p.ID)
		if len(tasks) != 3 {
			t.Fatalf("tasks: %d, want 3", len(tasks))
		}
		if depth[tasks[1].ID] != 1 || tasks[1].Product != "Danh mục niêm yết" {
			t.Errorf("sub-task = %+v (depth %d)", tasks[1], depth[tasks[1].ID])
		}
		if tasks[2].LeadUnitID == nil || *tasks[2].LeadUnitID != radio.ID {
			t.Errorf("task 2 lead = %v, want the created unit %d", tasks[2].LeadUnitID, radio.ID)
		}
	})
}

func TestPlanImportConfirmRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		p := mkPlan(t, env, "Kế hoạch CCHC năm của tỉnh", env.Province, plan.StatusIssued, nil)
		c := env.Login(t, "coord")
		draft := draftOf(t, env, importUpload(t, c, "ke-hoach.txt", importTXT(nextYear()),
			url.Values{"plan": {strconv.FormatInt(p.ID, 10)}}))
		// The plan is closed between the upload and the confirmation.
		if _, err := env.App.Plans.SetStatus(ctx, p.ID, plan.StatusClosed); err != nil {
			t.Fatal(err)
		}
		res := c.PostForm(draftPath(draft, "/confirm"), nil)
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("confirm into a closed plan: %d", res.Code)
		}
		wantInBody(t, "refused confirmation", res.Body.String(), "Chưa nhập được", "đã kết thúc", "Không có dữ liệu nào được ghi.",
			"Rà soát văn bản quy phạm pháp luật của tỉnh")
		if tasks, _ := planTasks(t, env, p.ID); len(tasks) != 0 {
			t.Errorf("%d tasks written by a refused import", len(tasks))
		}
		if got, _ := importer.GetDraft(ctx, d, draft.ID); got.Done() {
			t.Error("a refused import marked the draft done")
		}
	})
}

// TestPlanImportLongDocument checks that a 300-task document previews in
// one page, quickly.
func TestPlanImportLongDocument(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	y := nextYear()
	var b strings.Builder
	fmt.Fprintf(&b, "KẾ HOẠCH\nCải cách hành chính năm %d\n\n\tSTT\n\tNội dung công việc\n\tCơ quan chủ trì\n\tCơ quan phối hợp\n\tThời gian thực hiện\n\n", y)
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&b, "\t%d\n\tNhiệm vụ số %d về cải cách thủ tục hành chính\n\tSở Nội vụ\n\tUBND cấp xã; %s\n\tQuý %s năm %d\n\n",
			i, i, unknownAgency, []string{"I", "II", "III", "IV"}[i%4], y)
	}
	b.WriteString("\n")
	c := env.Login(t, "coord")
	draft := draftOf(t, env, importUpload(t, c, "dai.txt", []byte(b.String()), url.Values{"issuing_unit_id": {unitID(env.Province)}}))
	start := time.Now()
	res := c.Get(draftPath(draft, ""))
	took := time.Since(start)
	if res.Code != http.StatusOK {
		t.Fatalf("preview: %d", res.Code)
	}
	page := res.Body.String()
	wantInBody(t, "long preview", page, "Nhiệm vụ số 1 về", "Nhiệm vụ số 300 về", "Nội dung sẽ nhập (300 dòng)")
	if n := strings.Count(page, `<mark class="unmatched" title=`); n != 300 {
		t.Errorf("unmatched names highlighted %d times, want every row", n)
	}
	t.Logf("preview of 300 rows: %v, %d KB", took, len(page)>>10)
	if took > 3*time.Second {
		t.Errorf("preview of 300 rows took %v", took)
	}
}

// htmxPost signs username in and posts body as htmx does (HX-Request).
func htmxPost(t *testing.T, env *testkit.Env, username, path string, body *bytes.Buffer, contentType string) *httptest.ResponseRecorder {
	t.Helper()
	login := httptest.NewRequest(http.MethodPost, "/login",
		strings.NewReader(url.Values{"username": {username}, "password": {testkit.Password}}.Encode()))
	login.Host = "example.test"
	login.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	login.Header.Set("Origin", "http://example.test")
	login.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	env.Handler.ServeHTTP(rec, login)
	req := httptest.NewRequest(http.MethodPost, path, body)
	req.Host = "example.test"
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Origin", "http://example.test")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("HX-Request", "true")
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == httpx.SessionCookie {
			req.AddCookie(ck)
		}
	}
	res := httptest.NewRecorder()
	env.Handler.ServeHTTP(res, req)
	return res
}

func TestPlanImportXLSXReading(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	y := nextYear()
	book := excelize.NewFile()
	defer book.Close()
	sheets := map[string][][]any{
		"Kế hoạch": {{"STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện"},
			{1, "Rà soát thủ tục hành chính", "Sở Nội vụ", "Trước ngày 25/11"}},
		"Dự phòng": {{"STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện"},
			{1, "Nhiệm vụ dự phòng", "Sở Nội vụ", "Năm " + strconv.Itoa(y)}},
	}
	for _, name := range []string{"Kế hoạch", "Dự phòng"} {
		if _, err := book.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := book.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := book.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	c := env.Login(t, "coord")
	draft := draftOf(t, env, importUpload(t, c, "ke-hoach.xlsx", buf.Bytes(),
		url.Values{"issuing_unit_id": {unitID(env.Province)}, "title": {"Kế hoạch CCHC"}, "from_year": {strconv.Itoa(y)}}))
	page := c.Get(draftPath(draft, "")).Body.String()
	wantInBody(t, "workbook preview", page, `id="reading-sheet"`, "Mọi trang có bảng nhiệm vụ", "Rà soát thủ tục hành chính",
		"Nhiệm vụ dự phòng", fmt.Sprintf("hạn 25/11/%d", y), "(trang “Dự phòng”)")

	// Read one sheet only, with another plan year.
	res := c.PostForm(draftPath(draft, "/columns"), url.Values{"action": {"reading"}, "sheet": {"Kế hoạch"}, "year": {strconv.Itoa(y + 1)}})
	if res.Code != http.StatusSeeOther {
		t.Fatalf("reading settings: %d %s", res.Code, res.Body.String())
	}
	page = c.Get(draftPath(draft, "")).Body.String()
	wantInBody(t, "one sheet", page, "Rà soát thủ tục hành chính", fmt.Sprintf("hạn 25/11/%d", y+1), "năm do bạn nhập")
	wantNotInBody(t, "one sheet", page, "Nhiệm vụ dự phòng")
	if res := c.PostForm(draftPath(draft, "/columns"), url.Values{"action": {"reading"}, "year": {"năm sau"}}); res.Code != http.StatusUnprocessableEntity ||
		!strings.Contains(res.Body.String(), "Năm kế hoạch “năm sau” không hợp lệ") {
		t.Errorf("a bad year: %d", res.Code)
	}
}

// TestPlanImportSample imports the sample plan the upload page offers.
func TestPlanImportSample(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	c := env.Login(t, "coord")
	wantInBody(t, "upload page", c.Get("/plans/import").Body.String(), `href="/plans/import/sample.docx"`)
	sample := c.Get("/plans/import/sample.docx")
	if sample.Code != http.StatusOK {
		t.Fatalf("sample: %d", sample.Code)
	}
	draft := draftOf(t, env, importUpload(t, c, "ke-hoach-mau.docx", sample.Body.Bytes(), url.Values{"issuing_unit_id": {unitID(env.Province)}}))
	res := c.Get(draftPath(draft, ""))
	if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), `<tr class="depth-0`) {
		t.Fatalf("sample preview: %d, no rows", res.Code)
	}
	res = c.PostForm(draftPath(draft, "/confirm"), nil)
	if res.Code != http.StatusSeeOther || !strings.HasPrefix(unitFlashOf(res), "Đã nhập ") {
		t.Fatalf("sample confirm: %d %q %s", res.Code, unitFlashOf(res), res.Body.String())
	}
}
