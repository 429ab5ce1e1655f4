package browsertest_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cchc/internal/browsertest"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

// TestUnitWorkflow is the foundation's user path: the administrator signs in,
// creates a commune under the province, finds it by typing its name without
// accents, and signs out; then a commune officer signs in and is refused the
// edit page of another commune.
func TestUnitWorkflow(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	srv := httptest.NewServer(env.Handler)
	defer srv.Close()
	ctx := browsertest.New(t)

	// The login page is Vietnamese.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/login"), chromedp.WaitVisible(chromedp.CSS(`#username`))); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Text(t, ctx, `body`); !strings.Contains(got, "Đăng nhập") || !strings.Contains(got, "Mật khẩu") {
		t.Fatalf("login page is not Vietnamese: %q", got)
	}

	// Admin creates "Xã Đồng Tâm" under the province.
	err := chromedp.Do(ctx,
		browsertest.Login(srv.URL, "admin", testkit.Password),
		chromedp.Navigate(fmt.Sprintf("%s/units/new?parent=%d", srv.URL, env.Province.ID)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=code]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), "XDT"),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "Xã Đồng Tâm"),
		chromedp.SetValue(chromedp.CSS(`select[name=kind]`), "commune"),
		chromedp.Submit(chromedp.CSS(`input[name=code]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash-success`)),
	)
	if err != nil {
		t.Fatalf("create commune: %v", err)
	}
	browsertest.Screenshot(t, ctx, "unit-created")
	created, err := env.App.Units.GetByCode(t.Context(), "XDT")
	if err != nil {
		t.Fatalf("commune not stored: %v", err)
	}
	if created.ParentID == nil || *created.ParentID != env.Province.ID || created.Kind != "commune" {
		t.Fatalf("stored commune = %+v, want a commune under the province", created)
	}

	// Search without accents finds it.
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/units"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=q]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=q]`), "xa dong tam"),
		chromedp.Submit(chromedp.CSS(`input[name=q]`)),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`a[href="/units/%d"]`, created.ID))),
	)
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	browsertest.Screenshot(t, ctx, "unit-search")
	if got := browsertest.Text(t, ctx, `main`); !strings.Contains(got, "Xã Đồng Tâm") {
		t.Fatalf("search results lack the commune: %q", got)
	}

	// Log out.
	if err := chromedp.Do(ctx, browsertest.Logout()); err != nil {
		t.Fatalf("logout: %v", err)
	}

	// A commune officer is refused another commune's edit page.
	err = chromedp.Do(ctx,
		browsertest.Login(srv.URL, "officer_a", testkit.Password),
		chromedp.Navigate(fmt.Sprintf("%s/units/%d/edit", srv.URL, env.CommuneB.ID)),
		chromedp.WaitVisible(chromedp.CSS(`main h1`)),
	)
	if err != nil {
		t.Fatalf("officer navigation: %v", err)
	}
	browsertest.Screenshot(t, ctx, "officer-refused")
	if got := browsertest.Text(t, ctx, `main h1`); got != "Không có quyền truy cập" {
		t.Fatalf("officer on another commune's edit page sees %q, want the refusal", got)
	}
	b, _ := env.App.Units.Get(t.Context(), env.CommuneB.ID)
	if b.Name != env.CommuneB.Name {
		t.Fatalf("commune B changed: %q", b.Name)
	}
}
