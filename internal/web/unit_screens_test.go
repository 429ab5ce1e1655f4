package web_test

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cchc/internal/browsertest"
)

// Temporary: screenshots of the unit pages on the demo server.
func TestUnitScreens(t *testing.T) {
	base := os.Getenv("SHOTS_BASE")
	if base == "" {
		t.Skip()
	}
	ctx := browsertest.New(t)
	login := func(u string) {
		err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(`#username`),
			chromedp.SendKeys(`#username`, u), chromedp.SendKeys(`#password`, "demo"),
			chromedp.Click(`button[type=submit]`), chromedp.WaitVisible(`.whoami`))
		if err != nil {
			t.Fatal(err)
		}
	}
	shot := func(name, path string, acts ...chromedp.Action[chromedp.Void]) {
		steps := append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(base + path), chromedp.WaitVisible(`main`)}, acts...)
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		browsertest.Screenshot(t, ctx, name)
	}
	login("snv")
	shot("tree", "/units")
	shot("tree-inactive", "/units?inactive=1")
	shot("tree-2024", "/units?on=01/01/2024")
	shot("search", "/units", chromedp.SendKeys(`#q`, "an phu"), chromedp.Sleep(1500*time.Millisecond))
	shot("show-merged", "/units/39")
	shot("show-new", "/units/249")
	shot("show-district", "/units/38")
	shot("new", "/units/new?parent=1", chromedp.SendKeys(`#picker-parent_id input[type=search]`, "so noi"), chromedp.Sleep(1500*time.Millisecond))
	shot("new-errors", "/units/new", chromedp.SendKeys(`#code`, "SNV"), chromedp.Submit(`#code`), chromedp.WaitVisible(`.field-error`))
	shot("edit", "/units/249/edit")
	shot("rename", "/units/249/rename")
	shot("move", "/units/249/move")
	shot("dissolve", "/units/9/dissolve")
	shot("merge", "/units/merge?sources=250", chromedp.SendKeys(`#picker-sources input[type=search]`, "xa tay"), chromedp.Sleep(1500*time.Millisecond))
	shot("groups", "/groups")
	shot("group", "/groups/1")
	shot("group-edit", "/groups/1/edit")
	login("phuonganphu")
	shot("officer-tree", "/units")
	shot("officer-edit", "/units/249/edit")
}
