package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
	"cchc/internal/testkit"
)

// designValues encodes a form the way the designer page posts it.
func designValues(f report.FormInput) url.Values {
	v := url.Values{"title": {f.Title}, "unit_kinds": f.UnitKinds, "report_types": f.ReportTypes}
	for i, s := range f.Definition.Sections {
		p := fmt.Sprintf("sections[%d].", i)
		v.Set(p+"code", s.Code)
		v.Set(p+"title", s.Title)
		v.Set(p+"area", s.Area)
		for j, n := range s.Narratives {
			q := fmt.Sprintf("%snarratives[%d].", p, j)
			v.Set(q+"code", n.Code)
			v.Set(q+"label", n.Label)
			v.Set(q+"prefill", n.Prefill)
		}
		for j, in := range s.Indicators {
			q := fmt.Sprintf("%sindicators[%d].", p, j)
			v.Set(q+"code", in.Code)
			v.Set(q+"label", in.Label)
			v.Set(q+"kind", in.Kind)
			v.Set(q+"formula", in.Formula)
			v.Set(q+"prefill", in.Prefill)
			v[q+"unit_kinds"] = in.UnitKinds
		}
	}
	for i, r := range f.Definition.Rules {
		v.Set(fmt.Sprintf("rules[%d].expr", i), r.Expr)
		v.Set(fmt.Sprintf("rules[%d].message", i), r.Message)
	}
	return v
}

// uploadForm posts file as the "file" field of a multipart form.
func uploadForm(c *testkit.Client, path, name string, file []byte) (int, string) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", name)
	_, _ = w.Write(file)
	_ = mw.Close()
	res := c.Do(http.MethodPost, path, &body, mw.FormDataContentType())
	return res.Code, res.Body.String()
}

func TestReportFormPermissions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		env := testkit.New(t, d)
		for _, who := range []string{"officer_a", "leader_d", "appraiser"} {
			c := env.Login(t, who)
			for _, tt := range []struct{ method, path string }{
				{"GET", "/report-forms"}, {"GET", "/report-forms/new"}, {"GET", "/report-forms/CCHC"},
				{"GET", "/report-forms/CCHC/export.xlsx"}, {"POST", "/report-forms"}, {"POST", "/report-forms/CCHC"},
				{"POST", "/report-forms/import"}, {"GET", "/report-calendar"}, {"POST", "/report-calendar/types/1"},
				{"POST", "/report-calendar/exceptions"},
			} {
				res := c.Get(tt.path)
				if tt.method == "POST" {
					res = c.PostForm(tt.path, url.Values{"code": {"X"}, "title": {"X"}})
				}
				if res.Code != http.StatusForbidden {
					t.Errorf("%s %s %s = %d, want 403", who, tt.method, tt.path, res.Code)
				}
			}
		}
		// Officers do not see the menu item either.
		if body := env.Login(t, "officer_a").Get("/").Body.String(); strings.Contains(body, `href="/report-forms"`) {
			t.Error("an officer's menu links to the form designer")
		}
	})
}

func TestReportFormDesigner(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")

		res := coord.Get("/report-forms")
		if body := res.Body.String(); res.Code != http.StatusOK || !strings.Contains(body, "Báo cáo công tác cải cách hành chính") ||
			!strings.Contains(body, "/report-forms/CCHC/export.xlsx") {
			t.Fatalf("list: %d", res.Code)
		}
		res = coord.Get("/report-forms/CCHC")
		if body := res.Body.String(); res.Code != http.StatusOK || !strings.Contains(body, `name="sections[2].indicators[0].code"`) ||
			!strings.Contains(body, "Hồ sơ giải quyết đúng hạn") {
			t.Fatalf("designer: %d", res.Code)
		}

		// A report opened on version 1 keeps it.
		old, err := env.App.Reports.Open(ctx, "CCHC", "2026-Q1", env.CommuneA.ID, env.Users["officer_a"].ID)
		if err != nil {
			t.Fatal(err)
		}
		form, _ := env.App.Reports.FormByCode(ctx, "CCHC")
		in := form.Input()

		// Adding a row without JavaScript re-renders and saves nothing.
		v := designValues(in)
		v.Set("op", "add-indicator/0")
		res = coord.PostForm("/report-forms/CCHC", v)
		n := len(in.Definition.Sections[0].Indicators)
		if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), fmt.Sprintf(`name="sections[0].indicators[%d].code"`, n)) {
			t.Fatalf("add row: %d", res.Code)
		}

		// A rate over an unknown code: the message sits by its row, nothing saved.
		// Each input is read afresh: Input shares the stored slices.
		fresh := func() report.FormInput {
			f, err := env.App.Reports.FormByCode(ctx, "CCHC")
			if err != nil {
				t.Fatal(err)
			}
			return f.Input()
		}
		bad := fresh()
		bad.Definition.Sections[1].Indicators = append(bad.Definition.Sections[1].Indicators,
			report.Indicator{Code: "ty_le_moi", Label: "Tỷ lệ mới", Kind: report.KindRate, Formula: "legal_docs_issued / khong_co"})
		res = coord.PostForm("/report-forms/CCHC", designValues(bad))
		body := res.Body.String()
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(body, "Công thức dùng mã “khong_co” không có trong biểu mẫu.") ||
			!strings.Contains(body, "Biểu mẫu chưa được lưu") {
			t.Fatalf("bad formula: %d", res.Code)
		}
		if f, _ := env.App.Reports.FormByCode(ctx, "CCHC"); f.Version != 1 {
			t.Fatalf("version after a refused save = %d", f.Version)
		}

		// A real change: version 2; the old report keeps version 1.
		good := fresh()
		good.Definition.Sections[1].Indicators = append(good.Definition.Sections[1].Indicators,
			report.Indicator{Code: "legal_docs_annulled", Label: "Văn bản bị bãi bỏ", Kind: report.KindCount})
		// Rows added in the browser get indexes with gaps; order follows them.
		v = designValues(good)
		last := len(good.Definition.Sections[1].Indicators) - 1
		for _, f := range []string{"code", "label", "kind", "formula", "prefill"} {
			from := fmt.Sprintf("sections[1].indicators[%d].%s", last, f)
			v.Set(fmt.Sprintf("sections[1].indicators[%d].%s", 1000, f), v.Get(from))
			v.Del(from)
		}
		res = coord.PostForm("/report-forms/CCHC", v)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.Code, res.Body.String())
		}
		saved, _ := env.App.Reports.FormByCode(ctx, "CCHC")
		if saved.Version != 2 {
			t.Fatalf("version after save = %d, want 2", saved.Version)
		}
		inds := saved.Definition.Sections[1].Indicators
		if inds[len(inds)-1].Code != "legal_docs_annulled" {
			t.Errorf("new indicator not last in its section: %+v", inds)
		}
		again, err := env.App.Reports.Get(ctx, old.ID)
		if err != nil {
			t.Fatal(err)
		}
		if again.FormVersionID != old.FormVersionID || again.FormVersionID == saved.VersionID {
			t.Errorf("old report's version = %d, want %d (not %d)", again.FormVersionID, old.FormVersionID, saved.VersionID)
		}
		oldDef, _ := report.DefinitionOf(ctx, d, again.FormVersionID)
		if _, ok := oldDef.Indicator("legal_docs_annulled"); ok {
			t.Error("the old report's definition gained the new indicator")
		}
		// Saving the same definition keeps the version.
		if res := coord.PostForm("/report-forms/CCHC", designValues(saved.Input())); res.Code != http.StatusSeeOther {
			t.Fatalf("save unchanged: %d", res.Code)
		}
		if f, _ := env.App.Reports.FormByCode(ctx, "CCHC"); f.Version != 2 {
			t.Errorf("version after an unchanged save = %d, want 2", f.Version)
		}
		// Report types are the form's own settings: changing them adds no version.
		annual := saved.Input()
		annual.ReportTypes = []string{"annual"}
		if res := coord.PostForm("/report-forms/CCHC", designValues(annual)); res.Code != http.StatusSeeOther {
			t.Fatalf("save report types: %d", res.Code)
		}
		if f, _ := env.App.Reports.FormByCode(ctx, "CCHC"); f.ReportTypes != "annual" || f.Version != 2 {
			t.Errorf("after ticking only the annual report: types %q, version %d", f.ReportTypes, f.Version)
		}
		if body := coord.Get("/report-forms/CCHC").Body.String(); !strings.Contains(body, `name="report_types" value="annual" checked`) ||
			strings.Contains(body, `name="report_types" value="quarterly" checked`) {
			t.Error("the designer does not show the form's report types")
		}
		if res := coord.Get("/report-forms/NOPE"); res.Code != http.StatusNotFound {
			t.Errorf("unknown form: %d", res.Code)
		}
	})
}

func TestReportFormCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")

		if res := coord.Get("/report-forms/new?from=CCHC"); res.Code != http.StatusOK || !strings.Contains(res.Body.String(), `value="CCHC" selected`) {
			t.Fatalf("new form page: %d", res.Code)
		}
		tests := []struct {
			name   string
			form   url.Values
			status int
			want   string
		}{
			{"no code", url.Values{"title": {"Báo cáo"}}, http.StatusUnprocessableEntity, "Chưa nhập mã biểu mẫu."},
			{"bad code", url.Values{"code": {"mã có dấu"}, "title": {"Báo cáo"}}, http.StatusUnprocessableEntity, "Mã biểu mẫu chỉ gồm"},
			{"no title", url.Values{"code": {"X1"}}, http.StatusUnprocessableEntity, "Chưa nhập tên biểu mẫu."},
			{"taken", url.Values{"code": {"CCHC"}, "title": {"Trùng"}}, http.StatusUnprocessableEntity, "đã được dùng"},
			{"unknown report type", url.Values{"code": {"TTHC"}, "title": {"Báo cáo"}, "report_types": {"hang_tuan"}}, http.StatusUnprocessableEntity, "Không có loại báo cáo “hang_tuan”."},
			{"empty", url.Values{"code": {"TTHC"}, "title": {"Báo cáo chuyên đề thủ tục hành chính"}, "unit_kinds": {"commune"}, "report_types": {"adhoc"}}, http.StatusSeeOther, ""},
			{"copy", url.Values{"code": {"CCHC2"}, "title": {"Bản sao"}, "from": {"CCHC"}}, http.StatusSeeOther, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := coord.PostForm("/report-forms", tt.form)
				if res.Code != tt.status || !strings.Contains(res.Body.String(), tt.want) {
					t.Fatalf("status %d, want %d with %q", res.Code, tt.status, tt.want)
				}
			})
		}
		empty, err := env.App.Reports.FormByCode(ctx, "TTHC")
		if err != nil || empty.Version != 1 || len(empty.Definition.Sections) != 1 || empty.UnitKinds != "commune" || empty.ReportTypes != "adhoc" {
			t.Fatalf("empty form = %+v, %v", empty, err)
		}
		orig, _ := env.App.Reports.FormByCode(ctx, "CCHC")
		copied, _ := env.App.Reports.FormByCode(ctx, "CCHC2")
		if copied.ReportTypes != "" {
			t.Errorf("a copy posted without report types has %q", copied.ReportTypes)
		}
		if res := coord.Get("/report-forms/new?from=CCHC"); !strings.Contains(res.Body.String(), `name="report_types" value="quarterly" checked`) {
			t.Error("a copy does not start with its original's report types ticked")
		}
		if res := coord.Get("/report-forms"); !strings.Contains(res.Body.String(), "Báo cáo đột xuất, chuyên đề") {
			t.Error("the form list does not name the report types of TTHC")
		}
		if len(copied.Definition.Indicators()) != len(orig.Definition.Indicators()) || len(copied.Definition.Rules) != len(orig.Definition.Rules) {
			t.Errorf("copy has %d indicators, original %d", len(copied.Definition.Indicators()), len(orig.Definition.Indicators()))
		}
		if orig.Version != 1 || orig.Title != "Báo cáo công tác cải cách hành chính" {
			t.Errorf("creating with a taken code changed the original: %+v", orig)
		}
	})
}

func TestReportFormXLSX(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := t.Context()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")

		res := coord.Get("/report-forms/CCHC/export.xlsx")
		if res.Code != http.StatusOK || !strings.Contains(res.Header().Get("Content-Disposition"), "bieu-mau-CCHC.xlsx") {
			t.Fatalf("export: %d %v", res.Code, res.Header())
		}
		exported := res.Body.Bytes()

		// The exported workbook, renamed, imports as a new form.
		x, err := excelize.OpenReader(bytes.NewReader(exported))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := x.GetRows("Biểu mẫu")
		for i, r := range rows {
			if len(r) > 0 && r[0] == "Mã biểu mẫu" {
				_ = x.SetCellValue("Biểu mẫu", fmt.Sprintf("B%d", i+1), "CCHC_NHAP")
			}
		}
		var renamed bytes.Buffer
		_ = x.Write(&renamed)
		if code, body := uploadForm(coord, "/report-forms/import", "cchc.xlsx", renamed.Bytes()); code != http.StatusSeeOther {
			t.Fatalf("import: %d %s", code, body)
		}
		if f, err := env.App.Reports.FormByCode(ctx, "CCHC_NHAP"); err != nil || len(f.Definition.Indicators()) == 0 {
			t.Fatalf("imported form: %+v %v", f, err)
		}

		// Two bad rows on "Chỉ tiêu": both listed by row and column, nothing saved.
		fields, _ := x.GetRows("Chỉ tiêu")
		var codeCol, formulaCol string
		for j, h := range fields[0] {
			col, _ := excelize.ColumnNumberToName(j + 1)
			switch h {
			case "Mã":
				codeCol = col
			case "Công thức":
				formulaCol = col
			}
		}
		var rateRow int
		for i, r := range fields {
			if i > 0 && len(r) > 4 && r[3] == "tỷ lệ" {
				rateRow = i + 1
				break
			}
		}
		_ = x.SetCellValue("Chỉ tiêu", fmt.Sprintf("%s%d", codeCol, 3), "Mã Sai")
		_ = x.SetCellValue("Chỉ tiêu", fmt.Sprintf("%s%d", formulaCol, rateRow), "khong_co / 2")
		_ = x.SetCellValue("Biểu mẫu", "B2", "CCHC_LOI")
		var broken bytes.Buffer
		_ = x.Write(&broken)
		code, body := uploadForm(coord, "/report-forms/import", "loi.xlsx", broken.Bytes())
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "chưa có gì được lưu") ||
			!strings.Contains(body, "<td class=\"num\">3</td>") || !strings.Contains(body, fmt.Sprintf("<td class=\"num\">%d</td>", rateRow)) ||
			!strings.Contains(body, "khong_co") {
			t.Fatalf("bad import: %d %s", code, body)
		}
		forms, _ := env.App.Reports.Forms(ctx)
		if len(forms) != 2 {
			t.Errorf("forms after a refused import = %d, want 2", len(forms))
		}
		if code, body := uploadForm(coord, "/report-forms/import", "ghi-chu.txt", []byte("không phải Excel")); code != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "không phải tệp Excel") {
			t.Fatalf("text file: %d", code)
		}
	})
}
