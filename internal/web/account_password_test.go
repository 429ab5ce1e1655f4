package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestAccountPassword(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "officer_a")
		other := env.Login(t, "officer_a") // a second browser of the same user
		bystander := env.Login(t, "officer_b")

		res := c.Get("/account")
		body := res.Body.String()
		if res.Code != http.StatusOK || !strings.Contains(body, "Người dùng officer_a") || !strings.Contains(body, "Xã An Phú") || !strings.Contains(body, "Cán bộ đơn vị") {
			t.Fatalf("account page: %d", res.Code)
		}

		tests := []struct {
			name                  string
			current, newPw, again string
			message               string
		}{
			{"wrong current password", "sai-mat-khau", "MoiHon@2026", "MoiHon@2026", "Mật khẩu hiện tại không đúng"},
			{"mismatch", testkit.Password, "MoiHon@2026", "KhacHan@2026", "không khớp"},
			{"too short", testkit.Password, "ngan", "ngan", "ít nhất 8 ký tự"},
			{"same as username", testkit.Password, "officer_a", "officer_a", "không được trùng tên đăng nhập"},
			{"unchanged", testkit.Password, testkit.Password, testkit.Password, "phải khác mật khẩu hiện tại"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := c.PostForm("/account/password", url.Values{"current_password": {tt.current}, "new_password": {tt.newPw}, "confirm_password": {tt.again}})
				if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), tt.message) {
					t.Fatalf("status %d, want 422 with %q", res.Code, tt.message)
				}
			})
		}
		if res := other.Get("/"); res.Code != http.StatusOK {
			t.Fatalf("a refused change ended another session: %d", res.Code)
		}

		res = c.PostForm("/account/password", url.Values{"current_password": {testkit.Password}, "new_password": {"MoiHon@2026"}, "confirm_password": {"MoiHon@2026"}})
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/account" || !strings.Contains(flashOf(res), "Đã đổi mật khẩu") {
			t.Fatalf("change: %d %s %q", res.Code, res.Header().Get("Location"), flashOf(res))
		}
		if res := c.Get("/account"); res.Code != http.StatusOK {
			t.Errorf("the session that changed the password ended: %d", res.Code)
		}
		if res := other.Get("/"); res.Code != http.StatusSeeOther {
			t.Errorf("another session of the same user survived: %d", res.Code)
		}
		if res := bystander.Get("/"); res.Code != http.StatusOK {
			t.Errorf("another user's session ended: %d", res.Code)
		}
		if _, err := env.App.Users.Authenticate(context.Background(), "officer_a", testkit.Password); err == nil {
			t.Error("the old password still works")
		}
		if res := loginWith(t, env, "officer_a", "MoiHon@2026").Get("/"); res.Code != http.StatusOK {
			t.Errorf("home with the new password: %d", res.Code)
		}
	})
}
