package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestAuthenticationAndMe(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		h := newHarness(env)
		h.run(t, []scenario{
			{name: "anonymous me", path: "/api/v1/me", status: http.StatusUnauthorized,
				json: map[string]any{"error.code": "unauthorized"}, want: []string{"Chưa đăng nhập"}},
			{name: "anonymous units", path: "/api/v1/units", status: http.StatusUnauthorized,
				check: func(t *testing.T, res *httptest.ResponseRecorder, _ any) {
					if res.Header().Get("WWW-Authenticate") == "" {
						t.Error("401 without WWW-Authenticate")
					}
				}},
			{name: "anonymous unknown path is 401, not 404", path: "/api/v1/nothing", status: http.StatusUnauthorized},
			{name: "invalid bearer token", as: "bearer:cchc_not-a-real-token", path: "/api/v1/me", status: http.StatusUnauthorized,
				json: map[string]any{"error.code": "unauthorized"}},
			{name: "bearer without prefix", as: "bearer:abc", path: "/api/v1/me", status: http.StatusUnauthorized},
			{name: "me by session", as: "coord", path: "/api/v1/me", status: http.StatusOK,
				json: map[string]any{"username": "coord", "unit.code": "SNV", "unit.name": "Sở Nội vụ", "unit_id": env.SNV.ID,
					"roles": []any{"coordinator"}, "must_change_password": false, "full_name": "Người dùng coord"},
				notWant: []string{"password_hash", "argon2"}},
			{name: "me by bearer token", as: "token:officer_a", path: "/api/v1/me", status: http.StatusOK,
				json: map[string]any{"username": "officer_a", "unit.code": "XA", "unit.id": env.CommuneA.ID, "roles": []any{"officer"}}},
			{name: "unknown path", as: "coord", path: "/api/v1/nothing", status: http.StatusNotFound,
				json: map[string]any{"error.code": "not_found"}},
			{name: "wrong method", as: "coord", method: http.MethodDelete, path: unitPath(env.CommuneA.ID), status: http.StatusMethodNotAllowed,
				json: map[string]any{"error.code": "method_not_allowed"},
				check: func(t *testing.T, res *httptest.ResponseRecorder, _ any) {
					if got := res.Header().Get("Allow"); got != "GET, PATCH" {
						t.Errorf("Allow = %q, want GET, PATCH", got)
					}
				}},
		})
	})
}

func TestRevokedTokenIsRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		uid := env.Users["officer_a"].ID
		tok, secret, err := env.App.Users.CreateToken(ctx, uid, "đồng bộ")
		if err != nil {
			t.Fatal(err)
		}
		c := env.Anonymous(t)
		c.Bearer = secret
		if res := c.Get("/api/v1/me"); res.Code != http.StatusOK {
			t.Fatalf("fresh token: %d %s", res.Code, res.Body.String())
		}
		if err := env.App.Users.RevokeToken(ctx, uid, tok.ID); err != nil {
			t.Fatal(err)
		}
		res := c.Get("/api/v1/me")
		if res.Code != http.StatusUnauthorized {
			t.Fatalf("revoked token: %d %s, want 401", res.Code, res.Body.String())
		}
		if !jsonHas(res.Body.Bytes(), "error.code", "unauthorized") {
			t.Errorf("revoked token body: %s", res.Body.String())
		}
	})
}

func TestMustChangePasswordHoldsToMe(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Token(t, "officer_b")
		if err := env.App.Users.SetPassword(context.Background(), env.Users["officer_b"].ID, "DatLai@2026xyz", true, ""); err != nil {
			t.Fatal(err)
		}
		h := newHarness(env)
		h.clients["reset"] = c
		h.run(t, []scenario{
			{name: "me still answers", as: "reset", path: "/api/v1/me", status: http.StatusOK,
				json: map[string]any{"must_change_password": true}},
			{name: "units refused", as: "reset", path: "/api/v1/units", status: http.StatusForbidden,
				json: map[string]any{"error.code": "forbidden"}, want: []string{"đổi mật khẩu"}},
		})
	})
}
