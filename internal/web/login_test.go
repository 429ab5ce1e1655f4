package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestLoginLogoutAndLockout(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		anon := env.Anonymous(t)

		res := anon.Get("/")
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/login" {
			t.Fatalf("anonymous home: %d %s", res.Code, res.Header().Get("Location"))
		}
		res = anon.Get("/login")
		if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "Đăng nhập") {
			t.Fatalf("login page: %d", res.Code)
		}
		if csp := res.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("CSP = %q", csp)
		}

		res = anon.PostForm("/login", url.Values{"username": {"admin"}, "password": {"sai-mat-khau"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Tên đăng nhập hoặc mật khẩu không đúng") {
			t.Fatalf("wrong password: %d %s", res.Code, res.Body.String())
		}

		c := env.Login(t, "admin")
		res = c.Get("/")
		if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "Xin chào") {
			t.Fatalf("home after login: %d", res.Code)
		}
		res = c.PostForm("/logout", nil)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("logout: %d", res.Code)
		}
		if res := c.Get("/"); res.Code != http.StatusSeeOther {
			t.Fatalf("home after logout: %d, want redirect to login", res.Code)
		}

		// Five wrong passwords lock the account; then even the right one fails.
		for range 5 {
			anon.PostForm("/login", url.Values{"username": {"officer_a"}, "password": {"sai-mat-khau"}})
		}
		res = anon.PostForm("/login", url.Values{"username": {"officer_a"}, "password": {testkit.Password}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "tạm khóa") {
			t.Fatalf("locked account: %d %s", res.Code, res.Body.String())
		}
	})
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	env := testkit.New(t, dbtest.SQLite(t))
	req, _ := http.NewRequest(http.MethodPost, "/logout", nil)
	req.Host = "example.test"
	req.Header.Set("Origin", "http://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	rec := newRecorder()
	env.Handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d, want 403", rec.Code)
	}
}
