package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cchc/internal/browsertest"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
	"cchc/internal/testkit"
)

// TestReportFormDesignerInBrowser is Sở Nội vụ's path through the designer
// and the calendar: add an indicator row in the browser, type a rate over
// a code that does not exist, meet the message by that row, fix it and
// save a new version; then give a commune more time, found by typing its
// name without accents.
func TestReportFormDesignerInBrowser(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	srv := httptest.NewServer(env.Handler)
	defer srv.Close()
	ctx := browsertest.New(t)

	newRow := `tbody[data-rows=indicator][data-section="1"] tr:last-child`
	err := chromedp.Do(ctx,
		browsertest.Login(srv.URL, "coord", testkit.Password),
		chromedp.Navigate(srv.URL+"/report-forms"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/report-forms/CCHC"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, "report-form-list")
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/report-forms/CCHC"),
		chromedp.WaitVisible(chromedp.CSS(`button[data-add-row=indicator][data-section="1"]`)),
		chromedp.Click(chromedp.CSS(`button[data-add-row=indicator][data-section="1"]`)),
		chromedp.WaitVisible(chromedp.CSS(newRow+` input[name$=".code"]`)),
		chromedp.SendKeys(chromedp.CSS(newRow+` input[name$=".code"]`), "ty_le_ra_soat"),
		chromedp.SendKeys(chromedp.CSS(newRow+` input[name$=".label"]`), "Tỷ lệ văn bản được rà soát"),
		chromedp.SetValue(chromedp.CSS(newRow+` select[name$=".kind"]`), "rate"),
	)
	if err != nil {
		t.Fatalf("add a row: %v", err)
	}
	// SetValue fires no change event; the page enables the formula box on one.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('`+newRow+` select[name$=".kind"]').dispatchEvent(new Event("change", {bubbles: true}))`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(newRow+` input[name$=".formula"]`), "legal_docs_reviewed / van_ban"),
		chromedp.Click(chromedp.CSS(`.design-actions button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`#design-errors`)),
	)
	if err != nil {
		t.Fatalf("designer with an error: %v", err)
	}
	browsertest.Screenshot(t, ctx, "report-form-designer-error")
	shotOf(t, ctx, "#section-1", "report-form-designer-section")
	shotOf(t, ctx, "main > .page-head", "report-form-designer-head")
	if got := browsertest.Text(t, ctx, `body`); !strings.Contains(got, "Công thức dùng mã “van_ban” không có trong biểu mẫu.") {
		t.Fatalf("no message by the row")
	}
	fixed := `input[value="legal_docs_reviewed / van_ban"]`
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(fixed), "legal_docs_reviewed / legal_docs_issued"),
		chromedp.Click(chromedp.CSS(`.design-actions button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash-success`)),
	)
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	browsertest.Screenshot(t, ctx, "report-form-designer-saved")
	if f, _ := env.App.Reports.FormByCode(t.Context(), "CCHC"); f.Version != 2 {
		t.Fatalf("version after save = %d", f.Version)
	} else if _, ok := f.Definition.Indicator("ty_le_ra_soat"); !ok {
		t.Fatal("the new rate was not saved")
	}

	choice := `#picker-unit_id-choices input[name=unit_id]`
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/report-calendar?year=2026"),
		chromedp.WaitVisible(chromedp.CSS(`#picker-unit_id-q`)),
		chromedp.Click(chromedp.CSS(`.calendar-type > summary`)),
		chromedp.WaitVisible(chromedp.CSS(`.calendar-type-form`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	shotOf(t, ctx, ".calendar-type", "report-calendar-type")
	q1, err := report.PeriodByCode(t.Context(), env.App.DB, "2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#exc-period`), strconv.FormatInt(q1.ID, 10)),
		chromedp.SendKeys(chromedp.CSS(`#picker-unit_id-q`), "an phu"),
		chromedp.WaitVisible(chromedp.CSS(choice)),
		chromedp.Click(chromedp.CSS(choice)),
		chromedp.SendKeys(chromedp.CSS(`#exc-deadline`), "20/03/2026"),
		chromedp.SendKeys(chromedp.CSS(`#exc-reason`), "Công văn số 15/UBND xin gia hạn do mưa lũ"),
		chromedp.Click(chromedp.CSS(`.exception-form button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash-success`)),
	)
	if err != nil {
		t.Fatalf("exception: %v", err)
	}
	browsertest.Screenshot(t, ctx, "report-calendar")
	shotOf(t, ctx, "#exceptions", "report-calendar-exceptions")
	if got := browsertest.Text(t, ctx, `#exceptions`); !strings.Contains(got, "Xã An Phú") || !strings.Contains(got, "20/03/2026") {
		t.Fatalf("exception not listed: %q", got)
	}
	err = chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/report-forms/new?from=CCHC"), chromedp.WaitVisible(chromedp.CSS(`#code`)))
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, "report-form-new")
}

// shotOf saves a PNG of the element sel to CCHC_SCREENSHOTS, when set: a
// long page's full screenshot is too small to read.
func shotOf(t *testing.T, ctx context.Context, sel, name string) {
	t.Helper()
	dir := os.Getenv("CCHC_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("screenshot of %s: %v", sel, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
