package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"cchc/internal/httpx"
	"cchc/internal/testkit"
)

// browser is a signed-in client for a password other than testkit.Password
// (testkit.Client cannot be given a session cookie from outside).
type browser struct {
	t      *testing.T
	h      http.Handler
	cookie *http.Cookie
}

// loginWith signs username in with password and fails the test otherwise.
func loginWith(t *testing.T, env *testkit.Env, username, password string) *browser {
	t.Helper()
	b := &browser{t: t, h: env.Handler}
	res := b.PostForm("/login", url.Values{"username": {username}, "password": {password}})
	if res.Code != http.StatusSeeOther {
		t.Fatalf("login %s: %d %s", username, res.Code, res.Body.String())
	}
	for _, c := range res.Result().Cookies() {
		if c.Name == httpx.SessionCookie {
			b.cookie = c
		}
	}
	if b.cookie == nil {
		t.Fatalf("login %s: no session cookie", username)
	}
	return b
}

func (b *browser) do(req *http.Request) *httptest.ResponseRecorder {
	req.Host = "example.test"
	if b.cookie != nil {
		req.AddCookie(b.cookie)
	}
	rec := httptest.NewRecorder()
	b.h.ServeHTTP(rec, req)
	return rec
}

func (b *browser) Get(path string) *httptest.ResponseRecorder {
	return b.do(httptest.NewRequest(http.MethodGet, path, nil))
}

func (b *browser) PostForm(path string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://example.test")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return b.do(req)
}

// flashOf returns the one-time message a redirect sets, or "".
func flashOf(res *httptest.ResponseRecorder) string {
	for _, c := range res.Result().Cookies() {
		if c.Name == "cchc_flash" {
			_, msg, _ := strings.Cut(c.Value, ":")
			msg, _ = url.QueryUnescape(msg)
			return msg
		}
	}
	return ""
}
