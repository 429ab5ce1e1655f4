package browsertest_test

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"cchc/internal/agency"
	"cchc/internal/browsertest"
	"cchc/internal/civil"
	"cchc/internal/db/dbtest"
	"cchc/internal/doctable"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/testkit"
	"cchc/internal/vn"
)

// radioName is an agency the plan document names and the province knows
// under another name, so the officer has to match it by hand.
const radioName = "Đài Phát thanh và Truyền hình tỉnh"

// planDOCX writes a Word plan for year y: a title, and a table with a header
// row, a section row merged across, numbered tasks and a sub-row.
func planDOCX(t *testing.T, y int) string {
	t.Helper()
	row := func(texts ...string) doctable.Row {
		var r doctable.Row
		for _, s := range texts {
			r.Cells = append(r.Cells, doctable.Cell{Text: s})
		}
		return r
	}
	section := row("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
	for range 4 {
		section.Cells = append(section.Cells, doctable.Cell{Text: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", Merged: true})
	}
	blocks := []doctable.Block{
		{Text: "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM"},
		{Text: "KẾ HOẠCH"},
		{Text: fmt.Sprintf("Cải cách hành chính năm %d", y)},
		{Table: &doctable.Table{Rows: []doctable.Row{
			row("STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"),
			section,
			row("1", "Rà soát, công bố thủ tục hành chính thuộc thẩm quyền của tỉnh", "Quyết định công bố", "Sở Nội vụ",
				"UBND cấp xã", fmt.Sprintf("Quý II năm %d", y)),
			row("", "a) Niêm yết công khai thủ tục tại Bộ phận một cửa cấp xã", "Danh mục niêm yết", "UBND cấp xã", "",
				fmt.Sprintf("Trước ngày 30/6/%d", y)),
			row("2", "Tuyên truyền cải cách thủ tục hành chính trên sóng phát thanh, truyền hình", "Chuyên mục phát sóng hằng quý",
				radioName, "Sở Nội vụ", "Hằng quý"),
		}}},
	}
	var buf bytes.Buffer
	if err := doctable.WriteDOCX(&buf, blocks); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("ke-hoach-cchc-%d.docx", y))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPlanImportWorkflow is the import's user path: the coordinator opens
// the plan list, chooses "Nhập kế hoạch từ tệp", uploads a Word plan for a
// new plan of the province, sees its rows and the one agency name the
// province does not know, matches it to the province's media centre,
// confirms, and finds the tasks on the new plan's page.
func TestPlanImportWorkflow(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	ctx := t.Context()
	y := civil.Today(vn.Location()).Year + 1
	media, err := env.App.Units.Create(ctx, org.Input{Code: "TTTT", Name: "Trung tâm Truyền thông tỉnh Thử Nghiệm",
		Kind: "agency", ParentID: &env.Province.ID, ActiveFrom: testkit.Start})
	if err != nil {
		t.Fatal(err)
	}
	doc := planDOCX(t, y)
	srv := httptest.NewServer(env.Handler)
	defer srv.Close()
	b := browsertest.New(t)

	// The coordinator uploads the document for a new plan of the province.
	err = chromedp.Do(b,
		browsertest.Login(srv.URL, "coord", testkit.Password),
		chromedp.Navigate(srv.URL+"/plans"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/plans/import"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/plans/import"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#file`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{doc}),
		chromedp.SendKeys(chromedp.CSS(`#picker-issuing_unit_id-q`), "tinh thu"),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#picker-issuing_unit_id-choices input[value="%d"]`, env.Province.ID))),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#picker-issuing_unit_id-choices input[value="%d"]`, env.Province.ID))),
	)
	if err != nil {
		t.Fatalf("fill the upload form: %v", err)
	}
	browsertest.Screenshot(t, b, "import-form")

	// A PDF is refused with a message beside the file field, in place.
	pdf := filepath.Join(t.TempDir(), "ke-hoach.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(b,
		chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{pdf}),
		chromedp.Click(chromedp.CSS(`#import-upload button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#import-upload .field-error`)),
	)
	if err != nil {
		t.Fatalf("upload a PDF: %v", err)
	}
	browsertest.Screenshot(t, b, "import-refused")
	if got := browsertest.Text(t, b, `#import-upload .field-error`); !strings.Contains(got, "Tệp PDF không đọc được bảng") {
		t.Errorf("message for a PDF: %q", got)
	}

	err = chromedp.Do(b,
		chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{doc}),
		chromedp.Click(chromedp.CSS(`#import-upload button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#rows`)),
	)
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	browsertest.Screenshot(t, b, "import-preview")
	rows := browsertest.Text(t, b, `#rows`)
	for _, want := range []string{"Rà soát, công bố thủ tục hành chính", "Niêm yết công khai thủ tục", fmt.Sprintf("30/06/%d", y),
		"Hàng quý", radioName} {
		if !strings.Contains(rows, want) {
			t.Errorf("preview rows lack %q:\n%s", want, rows)
		}
	}
	if got := browsertest.Text(t, b, `#agencies`); !strings.Contains(got, radioName) || !strings.Contains(got, "Tên cơ quan chưa khớp (1)") {
		t.Fatalf("unmatched names:\n%s", got)
	}

	// He matches the name to the media centre with the unit search.
	err = chromedp.Do(b,
		chromedp.SetValue(chromedp.CSS(`#assign-key`), agency.Key(radioName)),
		chromedp.SendKeys(chromedp.CSS(`#picker-lead_unit_id-q`), "truyen thong"),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#picker-lead_unit_id-choices input[value="%d"]`, media.ID))),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#picker-lead_unit_id-choices input[value="%d"]`, media.ID))),
		chromedp.Click(chromedp.CSS(`form.import-subform[action$="/choices"] button[type=submit]`)),
		browsertest.WaitFlash("Đã gán"),
	)
	if err != nil {
		t.Fatalf("match the agency: %v", err)
	}
	browsertest.Screenshot(t, b, "import-matched")
	if got := browsertest.Text(t, b, `#rows`); !strings.Contains(got, media.Name) {
		t.Errorf("rows after the match do not name %s:\n%s", media.Name, got)
	}

	// He confirms; the browser asks first.
	go func() {
		for ev, err := range chromedp.Events(b, page.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			if !strings.Contains(ev.Message, "Nhập 2 nhiệm vụ và 1 nhiệm vụ con") {
				t.Errorf("confirmation asks %q", ev.Message)
			}
			_, _ = chromedp.Call(b, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	err = chromedp.Do(b,
		chromedp.Click(chromedp.CSS(`.page-head form[action$="/confirm"] button`)),
		browsertest.WaitFlash("Đã nhập 3 nhiệm vụ"),
	)
	if err != nil {
		t.Fatalf("confirm: %v", err)
	}
	browsertest.Screenshot(t, b, "import-done")
	shown := browsertest.Text(t, b, `main`)
	for _, want := range []string{fmt.Sprintf("Kế hoạch cải cách hành chính năm %d", y), "Dự thảo",
		"Rà soát, công bố thủ tục hành chính thuộc thẩm quyền của tỉnh", "Niêm yết công khai thủ tục",
		"Tuyên truyền cải cách thủ tục hành chính trên sóng phát thanh, truyền hình"} {
		if !strings.Contains(shown, want) {
			t.Errorf("plan page lacks %q:\n%s", want, shown)
		}
	}
	plans, _, err := env.App.Plans.List(ctx, plan.PlanFilter{})
	if err != nil || len(plans) != 1 {
		t.Fatalf("plans after the import: %d, %v", len(plans), err)
	}
	roots, err := env.App.Plans.Tree(ctx, plans[0].ID)
	if err != nil || len(roots) != 2 {
		t.Fatalf("top-level tasks: %d, %v", len(roots), err)
	}
	if lead := roots[1].LeadUnitID; lead == nil || *lead != media.ID {
		t.Errorf("task 2 lead = %v, want %s (%d)", lead, media.Name, media.ID)
	}
}
