// Package testkit builds a small province, its accounts and the full HTTP
// handler over a test database, for handler and API tests. Tests that use it
// live in external test packages (package web_test, api_test) because it
// imports the server.
package testkit

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"cchc/internal/app"
	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/httpx"
	"cchc/internal/org"
	"cchc/internal/report"
	"cchc/internal/server"
)

// Password is every test account's password.
const Password = "MatKhau@2026"

// Env is a running test province.
type Env struct {
	App     *app.App
	Handler http.Handler
	// Units: a province, Sở Nội vụ under it, a district with two communes.
	Province, SNV, District, CommuneA, CommuneB org.Unit
	// Users by username: admin, coord (Sở Nội vụ), officer_a and officer_b
	// (officers of CommuneA and CommuneB), leader_d (leader of District),
	// appraiser (Sở Nội vụ).
	Users map[string]auth.User
}

// Start is 01/01/2020, the day every test unit starts.
var Start = civil.New(2020, time.January, 1)

// New seeds d and returns the environment.
func New(t testing.TB, d *db.DB) *Env {
	t.Helper()
	ctx := context.Background()
	a := app.New(d, slog.New(slog.NewTextHandler(io.Discard, nil)))
	h, err := server.Handler(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := report.EnsureDefaults(ctx, d); err != nil {
		t.Fatalf("seed report defaults: %v", err)
	}
	e := &Env{App: a, Handler: h, Users: map[string]auth.User{}}
	mk := func(code, name, kind string, parent *org.Unit) org.Unit {
		in := org.Input{Code: code, Name: name, Kind: kind, ActiveFrom: Start}
		if parent != nil {
			in.ParentID = &parent.ID
		}
		u, err := a.Units.Create(ctx, in)
		if err != nil {
			t.Fatalf("create unit %s: %v", code, err)
		}
		return u
	}
	e.Province = mk("T", "Tỉnh Thử Nghiệm", "province", nil)
	e.SNV = mk("SNV", "Sở Nội vụ", "agency", &e.Province)
	e.District = mk("H1", "Huyện Đông Sơn", "district", &e.Province)
	e.CommuneA = mk("XA", "Xã An Phú", "commune", &e.District)
	e.CommuneB = mk("XB", "Xã Bình Minh", "commune", &e.District)
	for _, u := range []struct {
		name  string
		unit  org.Unit
		roles []auth.Role
	}{
		{"admin", e.Province, []auth.Role{auth.RoleAdmin}},
		{"coord", e.SNV, []auth.Role{auth.RoleCoordinator}},
		{"officer_a", e.CommuneA, []auth.Role{auth.RoleOfficer}},
		{"officer_b", e.CommuneB, []auth.Role{auth.RoleOfficer}},
		{"leader_d", e.District, []auth.Role{auth.RoleLeader}},
		{"appraiser", e.SNV, []auth.Role{auth.RoleAppraiser}},
	} {
		created, err := a.Users.CreateUser(ctx, auth.UserInput{Username: u.name, FullName: "Người dùng " + u.name,
			UnitID: u.unit.ID, Roles: u.roles, Active: true, Password: Password})
		if err != nil {
			t.Fatalf("create user %s: %v", u.name, err)
		}
		e.Users[u.name] = created
	}
	return e
}

// Client is a signed-in (or anonymous) browser against Env.Handler. It sends
// the Origin and Sec-Fetch-Site headers a same-origin browser sends, so the
// CSRF check passes; use Raw to test cross-origin requests.
type Client struct {
	t      testing.TB
	h      http.Handler
	cookie *http.Cookie
	Bearer string
}

// Anonymous returns a client with no session.
func (e *Env) Anonymous(t testing.TB) *Client { return &Client{t: t, h: e.Handler} }

// Login signs username in with Password and returns its client.
func (e *Env) Login(t testing.TB, username string) *Client {
	t.Helper()
	c := e.Anonymous(t)
	res := c.PostForm("/login", url.Values{"username": {username}, "password": {Password}})
	if res.Code != http.StatusSeeOther {
		t.Fatalf("login %s: status %d, body %s", username, res.Code, res.Body.String())
	}
	for _, ck := range res.Result().Cookies() {
		if ck.Name == httpx.SessionCookie {
			c.cookie = ck
		}
	}
	if c.cookie == nil {
		t.Fatalf("login %s: no session cookie", username)
	}
	return c
}

// Token returns a client that authenticates with a fresh API token of username.
func (e *Env) Token(t testing.TB, username string) *Client {
	t.Helper()
	_, secret, err := e.App.Users.CreateToken(context.Background(), e.Users[username].ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	return &Client{t: t, h: e.Handler, Bearer: secret}
}

// Do sends a request with an optional body and content type.
func (c *Client) Do(method, path string, body io.Reader, contentType string) *httptest.ResponseRecorder {
	c.t.Helper()
	req := httptest.NewRequest(method, path, body)
	req.Host = "example.test"
	if method != http.MethodGet && method != http.MethodHead {
		req.Header.Set("Origin", "http://example.test")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.cookie != nil {
		req.AddCookie(c.cookie)
	}
	if c.Bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.Bearer)
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	return rec
}

// Get sends a GET.
func (c *Client) Get(path string) *httptest.ResponseRecorder {
	return c.Do(http.MethodGet, path, nil, "")
}

// PostForm sends a url-encoded form.
func (c *Client) PostForm(path string, form url.Values) *httptest.ResponseRecorder {
	return c.Do(http.MethodPost, path, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
}

// JSON sends a JSON body with method.
func (c *Client) JSON(method, path, body string) *httptest.ResponseRecorder {
	return c.Do(method, path, strings.NewReader(body), "application/json")
}
