// Package browsertest drives headless Chromium (Debian's package) against a
// cchc server in tests. Without Chromium the tests skip, unless CI is set,
// in which case they fail: CI must exercise the browser.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ExecPath returns the Chromium binary: $CCHC_CHROMIUM when set, else
// chromium / chromium-browser / google-chrome on PATH; "" when it is not
// there.
func ExecPath() string {
	names := []string{"chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"}
	if p := os.Getenv("CCHC_CHROMIUM"); p != "" {
		names = []string{p}
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a fresh headless browser for t (its own profile) and returns a
// context to run actions in; it is closed when the test ends.
func New(t testing.TB) context.Context {
	t.Helper()
	path := ExecPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium not found (install Debian's chromium package): browser tests must run in CI")
		}
		t.Skip("Chromium not found; skipping browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "vi-VN"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	// Start the browser now so a broken install fails here, clearly.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	return ctx
}

// Screenshot saves a full-page PNG of the current page to path when
// CCHC_SCREENSHOTS names a directory; it is a debugging aid.
func Screenshot(t testing.TB, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("CCHC_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives PNG
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(dir+"/"+name+".png", png, 0o644); err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}

// Login signs username in through the login page of the server at base and
// waits for the signed-in page.
func Login(base, username, password string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), username),
		chromedp.SendKeys(chromedp.CSS(`#password`), password),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.whoami`)),
	)
}

// Logout signs out with the header's button and waits for the login page.
func Logout() chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
	)
}

// Text returns the visible text of the first element matching the CSS
// selector, once no htmx request is pending. It reads in one script, so a
// node that htmx replaces meanwhile cannot make it fail; it waits up to 10
// seconds for the element.
func Text(t testing.TB, ctx context.Context, sel string) string {
	t.Helper()
	const pending = "\x00pending"
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%q);
		return el && !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling") ? el.innerText : %q; })()`, sel, pending)
	deadline := time.Now().Add(10 * time.Second)
	for {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err == nil && s != pending {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("read %s: %v", sel, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// WaitFlash waits until the page shows a success message containing want,
// so that a step does not read the previous page's message. Evaluation
// errors while the page is navigating are expected and retried.
func WaitFlash(want string) chromedp.Action[chromedp.Void] {
	js := `(() => { const f = document.querySelector('.flash-success'); return !!f && f.textContent.includes(` + strconv.Quote(want) + `); })()`
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for {
			if ok, err := chromedp.Evaluate[bool](js)(ctx, t); err == nil && ok {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("no success message containing %q: %w", want, ctx.Err())
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
}
