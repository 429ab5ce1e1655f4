package web_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"cchc/internal/browsertest"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

// TestUnitPickerInBrowser is the coordinator's path through the unit picker:
// on the new-unit form they search the parent without accents, htmx lists
// it, they choose it and save; the unit is stored under that parent.
func TestUnitPickerInBrowser(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	srv := httptest.NewServer(env.Handler)
	defer srv.Close()
	ctx := browsertest.New(t)

	h1 := chromedp.CSS(`#picker-parent_id input[name=parent_id][value="` + unitID(env.District) + `"]`)
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), "coord"),
		chromedp.SendKeys(chromedp.CSS(`#password`), testkit.Password),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.whoami`)),
		chromedp.Navigate(srv.URL+"/units/new"),
		chromedp.WaitVisible(chromedp.CSS(`#picker-parent_id-q`)),
		chromedp.SendKeys(chromedp.CSS(`#picker-parent_id-q`), "huyen dong son"),
		chromedp.WaitVisible(h1),
		chromedp.Click(h1),
		chromedp.SendKeys(chromedp.CSS(`#code`), "XDH"),
		chromedp.SendKeys(chromedp.CSS(`#name`), "Xã Đồng Hòa"),
		chromedp.SetValue(chromedp.CSS(`#kind`), "commune"),
		chromedp.Click(chromedp.CSS(`form.form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash-success`)),
	)
	if err != nil {
		t.Fatalf("create with the picker: %v", err)
	}
	browsertest.Screenshot(t, ctx, "unit-picker-created")
	u, err := env.App.Units.GetByCode(context.Background(), "XDH")
	if err != nil {
		t.Fatalf("unit not stored: %v", err)
	}
	if u.ParentID == nil || *u.ParentID != env.District.ID {
		t.Fatalf("parent = %v, want the district %d", u.ParentID, env.District.ID)
	}
}
