package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

var secretPattern = regexp.MustCompile(`class="secret"[^>]*>(cchc_[A-Za-z0-9_-]+)<`)

func TestTokenCreateAndRevoke(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		c := env.Login(t, "officer_a")

		res := c.PostForm("/account/tokens", url.Values{"token_name": {""}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Vui lòng đặt tên cho mã truy cập") {
			t.Fatalf("token without a name: %d", res.Code)
		}

		res = c.PostForm("/account/tokens", url.Values{"token_name": {"Đồng bộ một cửa"}})
		body := res.Body.String()
		m := secretPattern.FindStringSubmatch(body)
		if res.Code != http.StatusOK || m == nil || !strings.Contains(body, "Mã chỉ hiển thị một lần") {
			t.Fatalf("create token: %d, secret shown: %v", res.Code, m != nil)
		}
		if cc := res.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control = %q, want no-store", cc)
		}
		secret := m[1]
		u, err := env.App.Users.TokenUser(ctx, secret)
		if err != nil || u.Username != "officer_a" {
			t.Fatalf("TokenUser: %v, %v", u.Username, err)
		}

		// The secret is never shown again; the list shows only its prefix.
		page := c.Get("/account").Body.String()
		if strings.Contains(page, secret) || !strings.Contains(page, "Đồng bộ một cửa") || !strings.Contains(page, secret[:11]+"…") {
			t.Fatal("account page shows the secret again or lacks the token")
		}

		tokens, err := env.App.Users.Tokens(ctx, env.Users["officer_a"].ID)
		if err != nil || len(tokens) != 1 {
			t.Fatalf("tokens: %v %v", tokens, err)
		}
		revoke := "/account/tokens/" + strconv.FormatInt(tokens[0].ID, 10) + "/revoke"

		// Another user cannot revoke it: not found.
		if res := env.Login(t, "officer_b").PostForm(revoke, nil); res.Code != http.StatusNotFound {
			t.Errorf("officer_b revoking officer_a's token: %d, want 404", res.Code)
		}
		if _, err := env.App.Users.TokenUser(ctx, secret); err != nil {
			t.Fatalf("token stopped working after a refused revoke: %v", err)
		}

		res = c.PostForm(revoke, nil)
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/account" {
			t.Fatalf("revoke: %d", res.Code)
		}
		if _, err := env.App.Users.TokenUser(ctx, secret); err == nil {
			t.Error("revoked token still authenticates")
		}
		if page := c.Get("/account").Body.String(); !strings.Contains(page, "đã thu hồi") || strings.Contains(page, revoke) {
			t.Error("account page does not show the token as revoked")
		}
		if res := c.PostForm("/account/tokens/abc/revoke", nil); res.Code != http.StatusNotFound {
			t.Errorf("bad token id: %d, want 404", res.Code)
		}
	})
}
