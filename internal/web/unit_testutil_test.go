package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/httpx"
	"cchc/internal/org"
	"cchc/internal/testkit"
)

// unitURL is the address of a unit's page, with an optional suffix such as
// "/edit".
func unitURL(u org.Unit, suffix string) string {
	return "/units/" + strconv.FormatInt(u.ID, 10) + suffix
}

// unitID formats a unit's id for a form.
func unitID(u org.Unit) string { return strconv.FormatInt(u.ID, 10) }

// reloadUnit reads a unit again from the store.
func reloadUnit(t *testing.T, env *testkit.Env, u org.Unit) org.Unit {
	t.Helper()
	got, err := env.App.Units.Get(context.Background(), u.ID)
	if err != nil {
		t.Fatalf("reload unit %s: %v", u.Code, err)
	}
	return got
}

// unitCount is the number of units in the store.
func unitCount(t *testing.T, env *testkit.Env) int {
	t.Helper()
	_, n, err := env.App.Units.List(context.Background(), org.Filter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// wantInBody fails unless body contains every string of want.
func wantInBody(t *testing.T, what, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s: missing %q", what, w)
		}
	}
}

// wantNotInBody fails if body contains any string of unwanted.
func wantNotInBody(t *testing.T, what, body string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(body, w) {
			t.Errorf("%s: unexpected %q", what, w)
		}
	}
}

// unitFlashOf returns the one-time message a redirect sets, or "".
func unitFlashOf(res *httptest.ResponseRecorder) string {
	for _, c := range res.Result().Cookies() {
		if c.Name == "cchc_flash" {
			_, msg, _ := strings.Cut(c.Value, ":")
			msg, _ = url.QueryUnescape(msg)
			return msg
		}
	}
	return ""
}

// htmxGet signs username in and sends a GET as htmx does (HX-Request), which
// testkit.Client cannot.
func htmxGet(t *testing.T, env *testkit.Env, username, path string) *httptest.ResponseRecorder {
	t.Helper()
	login := httptest.NewRequest(http.MethodPost, "/login",
		strings.NewReader(url.Values{"username": {username}, "password": {testkit.Password}}.Encode()))
	login.Host = "example.test"
	login.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	login.Header.Set("Origin", "http://example.test")
	login.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	env.Handler.ServeHTTP(rec, login)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Host = "example.test"
	req.Header.Set("HX-Request", "true")
	for _, c := range rec.Result().Cookies() {
		if c.Name == httpx.SessionCookie {
			req.AddCookie(c)
		}
	}
	res := httptest.NewRecorder()
	env.Handler.ServeHTTP(res, req)
	return res
}
