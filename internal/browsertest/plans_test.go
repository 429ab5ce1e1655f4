package browsertest_test

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cchc/internal/browsertest"
	"cchc/internal/civil"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
	"cchc/internal/testkit"
	"cchc/internal/vn"
)

// TestTaskWorkflow is the plan's user path: a coordinator adds a task led by
// "UBND cấp xã" due "Trước tháng 6 năm <next year>" and sees a work item for
// every active commune; a commune officer marks theirs done with an evidence
// file; the coordinator sees the completion rate change.
func TestTaskWorkflow(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	ctx := t.Context()
	next := civil.Today(vn.Location()).Year + 1
	p, err := env.App.Plans.Create(ctx, plan.PlanInput{Kind: plan.KindAnnual, Title: fmt.Sprintf("Kế hoạch CCHC năm %d", next),
		IssuingUnitID: env.Province.ID, NumberSymbol: "125/KH-UBND", IssuedOn: civil.Today(vn.Location()),
		PeriodStart: civil.New(next, time.January, 1), PeriodEnd: civil.New(next, time.December, 31)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.App.Plans.SetStatus(ctx, p.ID, plan.StatusIssued); err != nil {
		t.Fatal(err)
	}
	communes, err := env.App.Units.GroupByCode(ctx, "communes")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(env.Handler)
	defer srv.Close()
	b := browsertest.New(t)
	overviewRate := func() string {
		t.Helper()
		if err := chromedp.Do(b, chromedp.Navigate(fmt.Sprintf("%s/overview?plan=%d", srv.URL, p.ID)), chromedp.WaitVisible(chromedp.CSS(`.stats`))); err != nil {
			t.Fatal(err)
		}
		return browsertest.Text(t, b, `.stats a.stat`) // the first link: done on time, "N% hoàn thành đúng hạn (k)"
	}

	// The coordinator adds the task.
	err = chromedp.Do(b,
		browsertest.Login(srv.URL, "coord", testkit.Password),
		chromedp.Navigate(fmt.Sprintf("%s/plans/%d/tasks/new", srv.URL, p.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#content`)),
		chromedp.SendKeys(chromedp.CSS(`#seq`), "1"),
		chromedp.SendKeys(chromedp.CSS(`#content`), "Rà soát, công khai thủ tục hành chính tại Bộ phận một cửa cấp xã"),
		chromedp.SendKeys(chromedp.CSS(`#product`), "Báo cáo kết quả rà soát"),
		chromedp.Click(chromedp.CSS(`input[name=lead_kind][value=group]`)),
		chromedp.SetValue(chromedp.CSS(`#lead_group_id`), fmt.Sprint(communes.ID)),
		chromedp.SendKeys(chromedp.CSS(`#schedule_text`), fmt.Sprintf("Trước tháng 6 năm %d", next)),
		chromedp.Submit(chromedp.CSS(`#content`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash-success`)),
	)
	if err != nil {
		t.Fatalf("create task: %v", err)
	}
	browsertest.Screenshot(t, b, "task-created")
	if got := browsertest.Text(t, b, `.flash-success`); !strings.Contains(got, "Đã giao cho 2 đơn vị") {
		t.Fatalf("flash after creating the task = %q", got)
	}
	if got := browsertest.Text(t, b, `main`); !strings.Contains(got, fmt.Sprintf("31/05/%d", next)) {
		t.Errorf("plan page does not show the understood deadline 31/05/%d", next)
	}
	if err := chromedp.Do(b, chromedp.Navigate(fmt.Sprintf("%s/work-items?plan=%d", srv.URL, p.ID)), chromedp.WaitVisible(chromedp.CSS(`main table`))); err != nil {
		t.Fatal(err)
	}
	list := browsertest.Text(t, b, `main table`)
	for _, c := range []string{env.CommuneA.Name, env.CommuneB.Name} {
		if !strings.Contains(list, c) {
			t.Errorf("work item list lacks %s:\n%s", c, list)
		}
	}
	before := overviewRate()
	if !strings.HasPrefix(before, "0%") {
		t.Fatalf("done-on-time rate before = %q, want 0%%", before)
	}
	if err := chromedp.Do(b, browsertest.Logout()); err != nil {
		t.Fatal(err)
	}

	// The officer of commune A marks the item done with an evidence file.
	items, _, err := env.App.Plans.WorkItems(ctx, plan.WorkItemFilter{PlanID: p.ID, UnitIDs: []int64{env.CommuneA.ID}})
	if err != nil || len(items) != 1 {
		t.Fatalf("commune A's items = %v, %v", items, err)
	}
	pdf := filepath.Join(t.TempDir(), "bao-cao-ra-soat.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(b,
		browsertest.Login(srv.URL, "officer_a", testkit.Password),
		chromedp.Navigate(srv.URL+"/work-items"),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`a[href="/work-items/%d"]`, items[0].ID))),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/work-items/%d"]`, items[0].ID))),
		chromedp.WaitVisible(chromedp.CSS(`#file`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{pdf}),
		chromedp.Submit(chromedp.CSS(`#file`)),
		browsertest.WaitFlash("Đã thêm minh chứng"),
		chromedp.WaitVisible(chromedp.CSS(`#percent`)),
		chromedp.SetValue(chromedp.CSS(`#percent`), "100"),
		chromedp.SendKeys(chromedp.CSS(`#note`), "Đã niêm yết đầy đủ 100% thủ tục"),
		chromedp.Submit(chromedp.CSS(`#percent`)),
		browsertest.WaitFlash("Đã cập nhật tiến độ 100%"),
	)
	if err != nil {
		t.Fatalf("officer marks done: %v", err)
	}
	browsertest.Screenshot(t, b, "work-item-done")
	page := browsertest.Text(t, b, `main`)
	if !strings.Contains(page, "bao-cao-ra-soat.pdf") || !strings.Contains(page, "Hoàn thành đúng hạn") {
		t.Fatalf("work item page after completion lacks the evidence or the status:\n%s", page)
	}
	if err := chromedp.Do(b, browsertest.Logout()); err != nil {
		t.Fatal(err)
	}

	// The coordinator sees the rate change: one of two communes done on time.
	if err := chromedp.Do(b, browsertest.Login(srv.URL, "coord", testkit.Password)); err != nil {
		t.Fatal(err)
	}
	after := overviewRate()
	browsertest.Screenshot(t, b, "overview-after")
	if !strings.HasPrefix(after, "50%") {
		t.Fatalf("done-on-time rate after = %q, want 50%%", after)
	}
}
