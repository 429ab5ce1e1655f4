package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func newUserForm(env *testkit.Env, username string, roles ...string) url.Values {
	return url.Values{
		"username":         {username},
		"full_name":        {"Nguyễn Thị Hồng Nhung"},
		"email":            {username + "@example.vn"},
		"unit_id":          {strconv.FormatInt(env.CommuneA.ID, 10)},
		"roles":            roles,
		"password":         {"TamThoi@2026"},
		"password_confirm": {"TamThoi@2026"},
	}
}

func TestUserCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		admin := env.Login(t, "admin")

		res := admin.Get("/users/new")
		if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "Xã An Phú") || !strings.Contains(res.Body.String(), `value="admin"`) {
			t.Fatalf("new user form: %d", res.Code)
		}

		res = admin.PostForm("/users", newUserForm(env, "nhung.nth", "officer", "leader"))
		if res.Code != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.Code, res.Body.String())
		}
		u, err := env.App.Users.GetByUsername(context.Background(), "nhung.nth")
		if err != nil {
			t.Fatal(err)
		}
		if !u.MustChangePassword || u.UnitID != env.CommuneA.ID || len(u.Roles) != 2 {
			t.Errorf("created user = %+v, want must change password, unit XA, two roles", u)
		}
		list := admin.Get("/users?q=nhung").Body.String()
		for _, want := range []string{"Nguyễn Thị Hồng Nhung", "nhung.nth", "Xã An Phú", "Cán bộ đơn vị, Lãnh đạo (chỉ xem)", "hoạt động"} {
			if !strings.Contains(list, want) {
				t.Errorf("user list lacks %q", want)
			}
		}
		if strings.Contains(list, "Người dùng officer_b") {
			t.Error("search for nhung lists officer_b")
		}
		// Accent-insensitive search, and the role filter.
		if list := admin.Get("/users?q=hong+nhung&role=leader").Body.String(); !strings.Contains(list, "nhung.nth") {
			t.Error("accent-insensitive search with role filter misses the new user")
		}
		if list := admin.Get("/users?unit=H1&sub=1").Body.String(); !strings.Contains(list, "nhung.nth") || strings.Contains(list, "Người dùng coord") {
			t.Error("filter by district subtree is wrong")
		}

		tests := []struct {
			name    string
			form    func(url.Values)
			field   string
			message string
		}{
			{"duplicate username", func(url.Values) {}, "username", "đã có người dùng"},
			{"weak password", func(v url.Values) {
				v.Set("username", "moi1")
				v.Set("password", "ngan")
				v.Set("password_confirm", "ngan")
			}, "password", "ít nhất 8 ký tự"},
			{"confirmation mismatch", func(v url.Values) {
				v.Set("username", "moi2")
				v.Set("password_confirm", "KhacNhau@2026")
			}, "password_confirm", "không khớp"},
			{"no role", func(v url.Values) {
				v.Set("username", "moi3")
				v.Del("roles")
			}, "roles", "Chọn ít nhất một vai trò"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				form := newUserForm(env, "nhung.nth", "officer")
				tt.form(form)
				res := admin.PostForm("/users", form)
				body := res.Body.String()
				if res.Code != http.StatusUnprocessableEntity || !strings.Contains(body, tt.message) {
					t.Fatalf("status %d, want 422 with %q", res.Code, tt.message)
				}
				if !strings.Contains(body, `value="`+form.Get("username")+`"`) || strings.Contains(body, form.Get("password")) {
					t.Error("form should keep the username and drop the password")
				}
			})
		}
	})
}

func TestUserCreateAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")

		// A coordinator manages accounts but cannot create an administrator.
		if res := coord.Get("/users/new"); res.Code != http.StatusOK || strings.Contains(res.Body.String(), `value="admin"`) {
			t.Errorf("coordinator's form: %d, admin role offered: %v", res.Code, strings.Contains(res.Body.String(), `value="admin"`))
		}
		res := coord.PostForm("/users", newUserForm(env, "quan.tri2", "admin"))
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "không có quyền cấp hoặc thu hồi vai trò Quản trị hệ thống") {
			t.Fatalf("coordinator creating an admin: %d", res.Code)
		}
		if _, err := env.App.Users.GetByUsername(context.Background(), "quan.tri2"); err == nil {
			t.Fatal("coordinator created an admin account")
		}
		if res := coord.PostForm("/users", newUserForm(env, "can.bo2", "officer")); res.Code != http.StatusSeeOther {
			t.Fatalf("coordinator creating an officer: %d", res.Code)
		}

		officer := env.Login(t, "officer_a")
		tests := []struct {
			name string
			do   func() int
		}{
			{"list", func() int { return officer.Get("/users").Code }},
			{"form", func() int { return officer.Get("/users/new").Code }},
			{"create", func() int { return officer.PostForm("/users", newUserForm(env, "x.y", "officer")).Code }},
			{"edit", func() int {
				return officer.Get("/users/" + strconv.FormatInt(env.Users["officer_b"].ID, 10) + "/edit").Code
			}},
			{"audit", func() int { return officer.Get("/audit").Code }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if code := tt.do(); code != http.StatusForbidden {
					t.Errorf("officer: %d, want 403", code)
				}
			})
		}
	})
}
