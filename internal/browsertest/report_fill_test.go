package browsertest_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cchc/internal/browsertest"
	"cchc/internal/civil"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
	"cchc/internal/testkit"
)

// TestReportFill is the commune officer's path through a quarterly report:
// from "Báo cáo định kỳ" they write the second quarter's report, the
// figures are saved as they type and the rate is computed; submitting with
// dossiers that do not add up shows the rule's message beside the field;
// fixed, the report is sent on time. The form is also looked at on a
// 390-pixel phone screen.
func TestReportFill(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	env.App.Reports.Today = func() civil.Date { return civil.New(2026, time.May, 20) }
	srv := httptest.NewServer(env.Handler)
	defer srv.Close()
	b := browsertest.New(t)

	open := `a[href="/reports/open?form=CCHC&period=2026-Q2"]`
	err := chromedp.Do(b,
		browsertest.Login(srv.URL, "officer_a", testkit.Password),
		chromedp.Navigate(srv.URL+"/reports?year=2026"),
		chromedp.WaitVisible(chromedp.CSS(open)),
	)
	if err != nil {
		t.Fatalf("reports page: %v", err)
	}
	browsertest.Screenshot(t, b, "report-list")
	err = chromedp.Do(b,
		chromedp.Click(chromedp.CSS(open)),
		chromedp.WaitVisible(chromedp.CSS(`#value-dossiers_processed`)),
	)
	if err != nil {
		t.Fatalf("open the report: %v", err)
	}
	if got := browsertest.Text(t, b, `h1`); !strings.Contains(got, "Quý II/2026") {
		t.Fatalf("report title = %q", got)
	}

	// Figures typed are saved as the officer goes; the rate follows.
	figures := []struct{ code, value string }{
		{"dossiers_carried", "2"}, {"dossiers_online", "6"}, {"dossiers_in_person", "10"},
		{"dossiers_processed", "15"}, {"processed_early", "3"}, {"processed_on_time", "4"}, {"processed_late", "2"},
	}
	var steps []chromedp.Action[chromedp.Void]
	for _, f := range figures {
		steps = append(steps, chromedp.SendKeys(chromedp.CSS(`#value-`+f.code), f.value))
	}
	steps = append(steps,
		chromedp.SendKeys(chromedp.CSS(`#text-tthc_results`), "Niêm yết đầy đủ 100% thủ tục hành chính tại Bộ phận một cửa."),
		chromedp.Click(chromedp.CSS(`#text-tthc_limitations`)),
		waitJS(`document.getElementById("rate-on_time_rate").textContent.trim() === "46,7%"`),
		waitJS(`document.getElementById("report-save-status").textContent.includes("Đã lưu lúc")`),
	)
	if err := chromedp.Do(b, steps...); err != nil {
		t.Fatalf("fill the figures: %v", err)
	}
	browsertest.Screenshot(t, b, "report-autosaved")
	shotOf(t, b, "report-head", `.report-head`)
	shotOf(t, b, "report-section-tthc", `#sec-tthc`)
	rep, err := env.App.Reports.Find(t.Context(), formID(t, env), periodID(t, env, "2026-Q2"), env.CommuneA.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Values["processed_late"] != 2 || rep.Values["dossiers_in_person"] != 10 {
		t.Fatalf("autosaved values = %v", rep.Values)
	}

	// Submitting shows the broken rule beside the field.
	err = chromedp.Do(b,
		chromedp.Click(chromedp.CSS(`#report-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#report-issues`)),
	)
	if err != nil {
		t.Fatalf("submit with a broken rule: %v", err)
	}
	browsertest.Screenshot(t, b, "report-rule-error")
	shotOf(t, b, "report-issues", `#report-issues`)
	shotOf(t, b, "report-rule-field", `#sec-tthc .indicators`)
	want := "Hồ sơ giải quyết trước hạn, đúng hạn và quá hạn phải cộng lại bằng số hồ sơ đã giải quyết."
	if got := browsertest.Text(t, b, `#err-value-processed_early`); got != want {
		t.Fatalf("message beside the field = %q", got)
	}

	// On a phone the form still reads well.
	if err := chromedp.Do(b, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, b, "report-rule-error-mobile")
	shotOf(t, b, "report-rule-field-mobile", `#sec-tthc`)
	viewShot(t, b, "report-top-mobile")
	if err := chromedp.Do(b, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}

	// Fixed, it goes.
	err = chromedp.Do(b,
		chromedp.SetValue(chromedp.CSS(`#value-processed_late`), "8"),
		chromedp.Click(chromedp.CSS(`#report-submit`)),
		browsertest.WaitFlash("Đã gửi báo cáo Quý II/2026"),
	)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	browsertest.Screenshot(t, b, "report-submitted")
	viewShot(t, b, "report-submitted-top")
	page := browsertest.Text(t, b, `main`)
	for _, w := range []string{"Đã nộp", "Gửi đúng hạn", "46,7%", "Gửi báo cáo"} {
		if !strings.Contains(page, w) {
			t.Errorf("submitted report page lacks %q", w)
		}
	}
	if rep, err = env.App.Reports.Get(t.Context(), rep.ID); err != nil || rep.Status != report.StatusSubmitted || rep.Values["processed_late"] != 8 {
		t.Fatalf("stored report: %+v, %v", rep, err)
	}
	if err := chromedp.Do(b, chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+"/reports?year=2026"),
		chromedp.WaitVisible(chromedp.CSS(`.report-own`))); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, b, "report-list-mobile")
}

// shotOf saves a PNG of the element sel when CCHC_SCREENSHOTS names a
// directory: parts of a long page, at a size one can read.
func shotOf(t *testing.T, ctx context.Context, name, sel string) {
	t.Helper()
	dir := os.Getenv("CCHC_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}

// viewShot saves a PNG of the window as the user sees it from the top of
// the page when CCHC_SCREENSHOTS names a directory.
func viewShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("CCHC_SCREENSHOTS")
	if dir == "" {
		return
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.scrollTo(0, 0) === undefined`)); err != nil {
		t.Logf("scroll: %v", err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}

// waitJS waits until the JavaScript expression js is true.
func waitJS(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for {
			if ok, err := chromedp.Evaluate[bool](js)(ctx, t); err == nil && ok {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("waiting for %s: %w", strconv.Quote(js), ctx.Err())
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
}

func formID(t *testing.T, env *testkit.Env) int64 {
	t.Helper()
	f, err := env.App.Reports.FormByCode(t.Context(), report.DefaultFormCode)
	if err != nil {
		t.Fatal(err)
	}
	return f.ID
}

func periodID(t *testing.T, env *testkit.Env, code string) int64 {
	t.Helper()
	p, err := report.PeriodByCode(t.Context(), env.App.DB, code)
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}
