package browsertest_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cchc/internal/browsertest"
	"cchc/internal/civil"
	"cchc/internal/db/dbtest"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/testkit"
)

// TestIndexFlow is the reform index's user path: a commune officer
// self-scores with evidence and submits; the appraiser lowers one item,
// first without a reason (refused), then with one, and completes the
// appraisal; the coordinator finalises; the ranking and the commune's
// scorecard show the appraised figures.
func TestIndexFlow(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	ctx := t.Context()
	store := env.App.Index
	store.Today = func() civil.Date { return civil.New(2026, time.March, 10) }
	coord := env.Users["coord"].ID

	// A small commune framework for 2025: two scored items and a survey item.
	f, id := env.IndexFramework(t, 2025, "commune", "Bộ chỉ số cải cách hành chính năm 2025 — xã, phường", []index.ItemInput{
		{Number: "1", Title: "Công tác chỉ đạo, điều hành cải cách hành chính", Kind: index.KindScore},
		{Number: "1.1", Title: "Ban hành kế hoạch cải cách hành chính năm", Kind: index.KindScore, MaxPoints: 200,
			Rule: rule.Spec{Type: rule.TypeManual}, EvidenceRequired: true},
		{Number: "1.2", Title: "Báo cáo cải cách hành chính định kỳ đầy đủ", Kind: index.KindScore, MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeYesNo}},
		{Number: "2", Title: "Tác động của cải cách hành chính", Kind: index.KindScore},
		{Number: "2.1", Title: "Mức độ hài lòng của người dân", Kind: index.KindSurvey, MaxPoints: 200,
			Rule: rule.Spec{Type: rule.TypeSurvey}},
	})

	// Commune B has already submitted: 1,5 + 1 points.
	officerB := env.Users["officer_b"].ID
	ab, err := store.Open(ctx, f.ID, env.CommuneB.ID, officerB)
	if err != nil {
		t.Fatal(err)
	}
	one, yes := rule.Points(150), true
	for item, in := range map[string]rule.Input{"1.1": {Points: &one}, "1.2": {Yes: &yes}} {
		if _, err := store.SelfScore(ctx, ab.ID, id[item], index.SelfInput{Applicable: true, Input: in}, officerB); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.AddEvidence(ctx, ab.ID, id["1.1"], index.EvidenceInput{RefKind: index.EvidenceLink,
		URL: "https://binhminh.gov.vn/ke-hoach-cchc-2025.pdf", Title: "Kế hoạch CCHC năm 2025", Locator: "trang 1"}, officerB); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Submit(ctx, ab.ID, officerB); err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(env.Handler)
	defer srv.Close()
	b := browsertest.New(t)
	acceptConfirms := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`(window.confirm = () => true) !== undefined`)(ctx, t)
		return err
	})
	row := func(number string) string { return fmt.Sprintf("#item-%d", id[number]) }
	// saved waits until the row of number shows sel (holding text, when
	// given) and htmx has finished swapping it, so the next step does not
	// hold a node being replaced.
	saved := func(number, sel string, text ...string) chromedp.Action[chromedp.Void] {
		want := strings.Join(text, "")
		js := fmt.Sprintf(`(() => { const el = document.querySelector(%q);
			return !!el && el.textContent.includes(%q) && !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling"); })()`,
			row(number)+" "+sel, want)
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			for {
				if ok, err := chromedp.Evaluate[bool](js)(ctx, t); err == nil && ok {
					return nil
				}
				select {
				case <-ctx.Done():
					return fmt.Errorf("row %s never showed %s %q: %w", number, sel, want, ctx.Err())
				case <-time.After(50 * time.Millisecond):
				}
			}
		})
	}
	// Rows are replaced by htmx as they save: fields are set and buttons
	// pressed in one script each, so no step holds a node being replaced.
	onElement := func(sel, script string) chromedp.Action[chromedp.Void] {
		js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false; %s; return true; })()`, sel, script)
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			ok, err := chromedp.Evaluate[bool](js)(ctx, t)
			if err == nil && !ok {
				err = fmt.Errorf("no element %s", sel)
			}
			return err
		})
	}
	set := func(sel, value string) chromedp.Action[chromedp.Void] {
		return onElement(sel, fmt.Sprintf("el.value = %q", value))
	}
	click := func(sel string) chromedp.Action[chromedp.Void] { return onElement(sel, "el.click()") }

	// The officer of commune A scores both items, cites a document and submits.
	err = chromedp.Do(b,
		browsertest.Login(srv.URL, "officer_a", testkit.Password),
		chromedp.Navigate(fmt.Sprintf("%s/index/frameworks/%d/self", srv.URL, f.ID)),
		chromedp.WaitVisible(chromedp.CSS(row("1.1"))),
		set(fmt.Sprintf("#in-%d", id["1.1"]), "2"),
		click(row("1.1")+` form.idx-score button[type=submit]`),
		saved("1.1", ".save-status"),
		set(fmt.Sprintf("#in-%d", id["1.2"]), "yes"),
		click(row("1.2")+` form.idx-score button[type=submit]`),
		saved("1.2", ".save-status"),
		onElement(row("1.1")+` details.idx-ev-add`, "el.open = true"),
		set(fmt.Sprintf("#ev-url-%d", id["1.1"]), "https://binhan.gov.vn/van-ban/ke-hoach-cchc-2025.pdf"),
		set(fmt.Sprintf("#ev-title-%d", id["1.1"]), "Kế hoạch số 05/KH-UBND ngày 20/12/2024"),
		set(fmt.Sprintf("#ev-loc-%d", id["1.1"]), "Mục II, trang 3"),
		click(row("1.1")+` details.idx-ev-add button[type=submit]`),
		saved("1.1", ".idx-ev-list"),
	)
	if err != nil {
		t.Fatalf("officer self-scores: %v", err)
	}
	browsertest.Screenshot(t, b, "index-self-assessment")
	if got := browsertest.Text(t, b, row("1.1")); !strings.Contains(got, "Kế hoạch số 05/KH-UBND") || !strings.Contains(got, "Mục II, trang 3") {
		t.Fatalf("evidence of 1.1 = %q", got)
	}
	err = chromedp.Do(b, acceptConfirms,
		chromedp.Click(chromedp.CSS(`#idx-submit button[type=submit]`)),
		browsertest.WaitFlash("Đã nộp bản tự chấm"),
		browsertest.Logout(),
	)
	if err != nil {
		t.Fatalf("officer submits: %v", err)
	}
	aa, err := store.Assessment(ctx, f.ID, env.CommuneA.ID)
	if err != nil || aa.Status != index.StatusSubmitted {
		t.Fatalf("commune A's assessment = %+v, %v; want submitted", aa, err)
	}

	// The council appraises; survey points are in.
	if err := store.SetStage(ctx, f.ID, index.StageAppraisal, coord); err != nil {
		t.Fatal(err)
	}
	for unit, pts := range map[int64]rule.Points{env.CommuneA.ID: 200, env.CommuneB.ID: 100} {
		if err := store.SetSurveyPoints(ctx, f.ID, unit, id["2.1"], &pts, coord); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.CompleteAppraisal(ctx, ab.ID, env.Users["appraiser"].ID); err != nil {
		t.Fatal(err)
	}
	points := fmt.Sprintf("#points-%d", id["1.1"])
	err = chromedp.Do(b,
		browsertest.Login(srv.URL, "appraiser", testkit.Password),
		chromedp.Navigate(fmt.Sprintf("%s/index/assessments/%d/appraise", srv.URL, aa.ID)),
		chromedp.WaitVisible(chromedp.CSS(points)),
		set(points, "1"),
		click(row("1.1")+` button[type=submit]`),
		saved("1.1", ".has-error"),
	)
	if err != nil {
		t.Fatalf("appraiser lowers 1.1 without a reason: %v", err)
	}
	if got := browsertest.Text(t, b, fmt.Sprintf("#reason-err-%d", id["1.1"])); !strings.Contains(got, "lý do") {
		t.Fatalf("reason error = %q", got)
	}
	err = chromedp.Do(b,
		set(fmt.Sprintf("#reason-%d", id["1.1"]), "Kế hoạch ban hành ngày 20/01/2025, sau thời hạn quý IV năm trước."),
		click(row("1.1")+` button[type=submit]`),
		saved("1.1", ".save-status", "Đã lưu"),
	)
	if err != nil {
		t.Fatalf("appraiser gives the reason: %v", err)
	}
	browsertest.Screenshot(t, b, "index-appraisal")
	err = chromedp.Do(b, acceptConfirms,
		chromedp.Click(chromedp.CSS(`#complete button[type=submit]`)),
		browsertest.WaitFlash("thẩm định"),
		browsertest.Logout(),
	)
	if err != nil {
		t.Fatalf("appraiser completes: %v", err)
	}

	// The coordinator finalises: A has 1 + 1 + 2 = 4 of 5 points (80%),
	// B 1,5 + 1 + 1 = 3,5 (70%).
	err = chromedp.Do(b,
		browsertest.Login(srv.URL, "coord", testkit.Password),
		chromedp.Navigate(fmt.Sprintf("%s/index/frameworks/%d/units", srv.URL, f.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#finalise button[type=submit]`)),
		acceptConfirms,
		chromedp.Click(chromedp.CSS(`#finalise button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.index-results`)),
	)
	if err != nil {
		t.Fatalf("coordinator finalises: %v", err)
	}
	browsertest.Screenshot(t, b, "index-results")
	ranking := browsertest.Text(t, b, `table.index-results tbody`)
	a, bIdx := strings.Index(ranking, env.CommuneA.Name), strings.Index(ranking, env.CommuneB.Name)
	if a < 0 || bIdx < 0 || a > bIdx || !strings.Contains(ranking, "80,00%") || !strings.Contains(ranking, "70,00%") {
		t.Fatalf("ranking = %q; want %s (80%%) before %s (70%%)", ranking, env.CommuneA.Name, env.CommuneB.Name)
	}
	err = chromedp.Do(b,
		chromedp.Navigate(fmt.Sprintf("%s/index/frameworks/%d/units/%d", srv.URL, f.ID, env.CommuneA.ID)),
		chromedp.WaitVisible(chromedp.CSS(`table.index-scorecard`)),
	)
	if err != nil {
		t.Fatalf("scorecard: %v", err)
	}
	browsertest.Screenshot(t, b, "index-scorecard")
	stats := browsertest.Text(t, b, `section.stats`)
	if !strings.Contains(stats, "80,00%") || !strings.Contains(stats, "4/5") {
		t.Errorf("scorecard figures = %q; want 80%% and 4/5 points", stats)
	}
	card := browsertest.Text(t, b, `table.index-scorecard`)
	if !strings.Contains(card, "Ban hành kế hoạch cải cách hành chính năm") {
		t.Errorf("scorecard table = %q", card)
	}
}
