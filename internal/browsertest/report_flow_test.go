package browsertest_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cchc/internal/browsertest"
	"cchc/internal/civil"
	"cchc/internal/db/dbtest"
	"cchc/internal/doctable"
	"cchc/internal/testkit"
)

// TestReportFlow is the periodic report's user path: a commune officer
// fills the first-quarter form, meets a validation error, fixes it and
// submits; the province's consolidated totals include it; the coordinator
// returns another commune's report with a comment, and downloads the
// consolidated report as a Word file whose text has the header lines and
// the title.
func TestReportFlow(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	ctx := t.Context()
	env.App.Reports.Today = func() civil.Date { return civil.New(2026, time.March, 3) }

	// Commune B has already sent its report (4 dossiers processed).
	officerB := env.Users["officer_b"].ID
	rb, err := env.App.Reports.Open(ctx, "CCHC", "2026-Q1", env.CommuneB.ID, officerB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.App.Reports.SaveDraft(ctx, rb.ID, map[string]int64{"dossiers_in_person": 4, "dossiers_processed": 4, "processed_on_time": 4},
		map[string]string{"tthc_results": "Giải quyết đúng hạn toàn bộ hồ sơ."}, officerB); err != nil {
		t.Fatal(err)
	}
	if _, err := env.App.Reports.Submit(ctx, rb.ID, officerB); err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(env.Handler)
	defer srv.Close()
	b := browsertest.New(t)

	// The officer of commune A fills the form; 2 + 5 + 3 is not the 8
	// dossiers processed.
	err = chromedp.Do(b,
		browsertest.Login(srv.URL, "officer_a", testkit.Password),
		chromedp.Navigate(srv.URL+"/reports/open?form=CCHC&period=2026-Q1"),
		chromedp.WaitVisible(chromedp.CSS(`#report-form`)),
		chromedp.SetValue(chromedp.CSS(`#value-dossiers_online`), "10"),
		chromedp.SetValue(chromedp.CSS(`#value-dossiers_processed`), "8"),
		chromedp.SetValue(chromedp.CSS(`#value-processed_early`), "2"),
		chromedp.SetValue(chromedp.CSS(`#value-processed_on_time`), "5"),
		chromedp.SetValue(chromedp.CSS(`#value-processed_late`), "3"),
		chromedp.SetValue(chromedp.CSS(`#text-tthc_results`), "Niêm yết đầy đủ thủ tục hành chính tại Bộ phận một cửa."),
		chromedp.Click(chromedp.CSS(`#report-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#report-issues`)),
	)
	if err != nil {
		t.Fatalf("officer fills the form: %v", err)
	}
	browsertest.Screenshot(t, b, "report-validation-error")
	if got := browsertest.Text(t, b, `#report-issues`); !strings.Contains(got, "Hồ sơ giải quyết trước hạn, đúng hạn và quá hạn") {
		t.Fatalf("validation message = %q", got)
	}
	err = chromedp.Do(b,
		chromedp.SetValue(chromedp.CSS(`#value-processed_late`), "1"),
		chromedp.Click(chromedp.CSS(`#report-submit`)),
		browsertest.WaitFlash("Đã gửi báo cáo"),
		browsertest.Logout(),
	)
	if err != nil {
		t.Fatalf("officer fixes and submits: %v", err)
	}

	// The coordinator sees the province's totals: 8 + 4 dossiers.
	consolidated := fmt.Sprintf("%s/reports/consolidated?unit=%d&period=2026-Q1&form=CCHC", srv.URL, env.Province.ID)
	err = chromedp.Do(b,
		browsertest.Login(srv.URL, "coord", testkit.Password),
		chromedp.Navigate(consolidated),
		chromedp.WaitVisible(chromedp.CSS(`table.figures`)),
	)
	if err != nil {
		t.Fatalf("consolidated page: %v", err)
	}
	browsertest.Screenshot(t, b, "report-consolidated")
	if got := processedRow(t, b); got != "12" {
		t.Fatalf("province's dossiers processed row = %q, want 12", got)
	}
	if got := browsertest.Text(t, b, `#narratives`); !strings.Contains(got, "Niêm yết đầy đủ thủ tục hành chính") || !strings.Contains(got, "Xã Bình Minh") {
		t.Errorf("compiled narratives = %q", got)
	}

	// The consolidated report downloads as a Word file.
	js := `fetch(document.querySelector('a[href^="/reports/consolidated.docx"]').href, {credentials: "same-origin"})
		.then(r => { if (!r.ok) throw new Error("status " + r.status); return r.arrayBuffer(); })
		.then(b => { let s = ""; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); return btoa(s); })`
	encoded, err := chromedp.Run(b, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("download the Word file: %v", err)
	}
	data, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := doctable.Read("tong-hop.docx", data)
	if err != nil {
		t.Fatalf("the download is not a Word file: %v", err)
	}
	var text strings.Builder
	for _, bl := range doc.Blocks {
		text.WriteString(bl.Text + "\n")
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r.Cells {
					text.WriteString(c.Text + "\n")
				}
			}
		}
	}
	for _, want := range []string{"ỦY BAN NHÂN DÂN", "TỈNH THỬ NGHIỆM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"BÁO CÁO", "Kết quả công tác cải cách hành chính quý I năm 2026"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the Word file lacks %q:\n%s", want, text.String())
		}
	}

	// The coordinator returns commune B's report with a comment; its
	// figures leave the totals.
	err = chromedp.Do(b,
		chromedp.Navigate(fmt.Sprintf("%s/reports/%d", srv.URL, rb.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#comment`)),
		chromedp.SendKeys(chromedp.CSS(`#comment`), "Số hồ sơ tiếp nhận chưa khớp với sổ theo dõi; đề nghị kiểm tra lại."),
		chromedp.Click(chromedp.CSS(`form[action$="/return"] button[type=submit]`)),
		browsertest.WaitFlash("Đã trả lại báo cáo"),
	)
	if err != nil {
		t.Fatalf("coordinator returns B's report: %v", err)
	}
	browsertest.Screenshot(t, b, "report-returned")
	if err := chromedp.Do(b, chromedp.Navigate(consolidated), chromedp.WaitVisible(chromedp.CSS(`table.figures`))); err != nil {
		t.Fatal(err)
	}
	if got := processedRow(t, b); got != "8" {
		t.Errorf("after the return, dossiers processed row = %q, want 8", got)
	}
	if err := chromedp.Do(b, chromedp.Navigate(fmt.Sprintf("%s/reports/timeliness?unit=%d&period=2026-Q1&form=CCHC", srv.URL, env.Province.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#missing`))); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, b, "report-timeliness")
	if got := browsertest.Text(t, b, `#missing`); !strings.Contains(got, "Xã Bình Minh") || !strings.Contains(got, "Bị trả lại") {
		t.Errorf("missing units after the return = %q", got)
	}
}

// processedRow returns the consolidated figure of dossiers processed, as
// the page writes it.
func processedRow(t *testing.T, b context.Context) string {
	t.Helper()
	js := `(() => { for (const tr of document.querySelectorAll("table.figures tbody tr")) {
		const td = tr.querySelectorAll("td");
		if (td.length > 3 && td[1].textContent.trim() === "Hồ sơ đã giải quyết") return td[3].textContent.trim();
	} return ""; })()`
	s, err := chromedp.Run(b, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("read the dossiers processed: %v", err)
	}
	return s
}
