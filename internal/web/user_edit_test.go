package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func editForm(u auth.User, change func(url.Values)) url.Values {
	v := url.Values{
		"username":  {u.Username},
		"full_name": {u.FullName},
		"email":     {u.Email},
		"unit_id":   {strconv.FormatInt(u.UnitID, 10)},
		"active":    {"1"},
	}
	for _, r := range u.Roles {
		v.Add("roles", string(r))
	}
	if change != nil {
		change(v)
	}
	return v
}

func userURL(u auth.User, suffix string) string {
	return "/users/" + strconv.FormatInt(u.ID, 10) + suffix
}

func TestUserEdit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		admin := env.Login(t, "admin")
		officer := env.Users["officer_b"]

		res := admin.Get(userURL(officer, "/edit"))
		if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "Đang hoạt động") || !strings.Contains(res.Body.String(), "Đặt lại mật khẩu") {
			t.Fatalf("edit page: %d", res.Code)
		}

		// Deactivating an account ends its sessions.
		session := env.Login(t, "officer_b")
		res = admin.PostForm(userURL(officer, ""), editForm(officer, func(v url.Values) {
			v.Set("full_name", "Trần Văn Bình")
			v.Del("active")
		}))
		if res.Code != http.StatusSeeOther {
			t.Fatalf("update: %d %s", res.Code, res.Body.String())
		}
		got, _ := env.App.Users.Get(ctx, officer.ID)
		if got.Active || got.FullName != "Trần Văn Bình" {
			t.Errorf("after update: active %v, name %q", got.Active, got.FullName)
		}
		if res := session.Get("/"); res.Code != http.StatusSeeOther {
			t.Errorf("deactivated user's session still works: %d", res.Code)
		}
		if list := admin.Get("/users?q=binh").Body.String(); !strings.Contains(list, "đã khóa") {
			t.Error("list does not show the account as locked")
		}

		// An administrator cannot lock themself out.
		me := env.Users["admin"]
		tests := []struct {
			name    string
			change  func(url.Values)
			message string
		}{
			{"deactivate self", func(v url.Values) { v.Del("active") }, "không thể tự khóa tài khoản"},
			{"drop own admin role", func(v url.Values) { v.Set("roles", "coordinator") }, "không thể tự bỏ vai trò Quản trị hệ thống"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := admin.PostForm(userURL(me, ""), editForm(me, tt.change))
				if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), tt.message) {
					t.Fatalf("status %d, want 422 with %q", res.Code, tt.message)
				}
				if u, _ := env.App.Users.Get(ctx, me.ID); !u.Active || !u.Has(auth.RoleAdmin) {
					t.Error("admin account changed")
				}
			})
		}

		if res := admin.Get("/users/999999/edit"); res.Code != http.StatusNotFound {
			t.Errorf("unknown user: %d, want 404", res.Code)
		}
	})
}

func TestCoordinatorCannotTouchAdmin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")
		admin := env.Users["admin"]
		officer := env.Users["officer_a"]

		tests := []struct {
			name string
			do   func() int
			want int
		}{
			{"edit page of admin", func() int { return coord.Get(userURL(admin, "/edit")).Code }, http.StatusForbidden},
			{"update admin", func() int {
				return coord.PostForm(userURL(admin, ""), editForm(admin, func(v url.Values) { v.Set("full_name", "Tên khác") })).Code
			}, http.StatusForbidden},
			{"reset admin's password", func() int {
				return coord.PostForm(userURL(admin, "/password"), url.Values{"reset_password": {"MoiMoi@2026"}, "reset_password_confirm": {"MoiMoi@2026"}}).Code
			}, http.StatusForbidden},
			{"make an officer admin", func() int {
				return coord.PostForm(userURL(officer, ""), editForm(officer, func(v url.Values) { v.Add("roles", "admin") })).Code
			}, http.StatusUnprocessableEntity},
			{"edit an officer", func() int {
				return coord.PostForm(userURL(officer, ""), editForm(officer, func(v url.Values) { v.Set("full_name", "Lê Thị An") })).Code
			}, http.StatusSeeOther},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if code := tt.do(); code != tt.want {
					t.Errorf("status %d, want %d", code, tt.want)
				}
			})
		}
		ctx := context.Background()
		if u, _ := env.App.Users.Get(ctx, admin.ID); u.FullName != admin.FullName {
			t.Error("coordinator changed the admin account")
		}
		if u, _ := env.App.Users.Get(ctx, officer.ID); u.Has(auth.RoleAdmin) || u.FullName != "Lê Thị An" {
			t.Errorf("officer after coordinator's edits: %+v", u)
		}
		if list := coord.Get("/users").Body.String(); strings.Contains(list, userURL(admin, "/edit")) || !strings.Contains(list, userURL(officer, "/edit")) {
			t.Error("coordinator's list should link officers but not the admin")
		}
	})
}

func TestUserResetPassword(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		admin := env.Login(t, "admin")
		officer := env.Users["officer_a"]
		old := env.Login(t, "officer_a")

		res := admin.PostForm(userURL(officer, "/password"), url.Values{"reset_password": {"TamThoi@2026"}, "reset_password_confirm": {"KhacNhau@2026"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "không khớp") {
			t.Fatalf("mismatch: %d", res.Code)
		}
		res = admin.PostForm(userURL(officer, "/password"), url.Values{"reset_password": {"TamThoi@2026"}, "reset_password_confirm": {"TamThoi@2026"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("reset: %d %s", res.Code, res.Body.String())
		}
		if msg := flashOf(res); msg != "Đã đặt lại mật khẩu; người dùng phải đổi mật khẩu khi đăng nhập." {
			t.Errorf("flash = %q", msg)
		}
		if page := admin.Get(res.Header().Get("Location")).Body.String(); !strings.Contains(page, "chờ đổi mật khẩu") {
			t.Error("edit page does not show the pending password change")
		}
		if res := old.Get("/"); res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/login" {
			t.Errorf("old session after reset: %d %s", res.Code, res.Header().Get("Location"))
		}

		// The user signs in with the temporary password and is held on
		// /account until they choose their own.
		c := loginWith(t, env, "officer_a", "TamThoi@2026")
		for _, path := range []string{"/", "/units", "/users"} {
			if res := c.Get(path); res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/account" {
				t.Errorf("GET %s: %d %s, want redirect to /account", path, res.Code, res.Header().Get("Location"))
			}
		}
		if res := c.Get("/account"); res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "mật khẩu tạm thời") {
			t.Fatalf("account page: %d", res.Code)
		}
		res = c.PostForm("/account/password", url.Values{"current_password": {"TamThoi@2026"}, "new_password": {"CuaToi@2026"}, "confirm_password": {"CuaToi@2026"}})
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/" {
			t.Fatalf("change after reset: %d %s", res.Code, res.Header().Get("Location"))
		}
		if res := c.Get("/"); res.Code != http.StatusOK {
			t.Errorf("home after change: %d", res.Code)
		}

		// Admins change their own password on /account, not through a reset.
		res = admin.PostForm(userURL(env.Users["admin"], "/password"), url.Values{"reset_password": {"TamThoi@2026"}, "reset_password_confirm": {"TamThoi@2026"}})
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/account" {
			t.Errorf("self reset: %d %s", res.Code, res.Header().Get("Location"))
		}
		if u, _ := env.App.Users.Get(context.Background(), env.Users["admin"].ID); u.MustChangePassword {
			t.Error("self reset changed the admin's password")
		}
	})
}
