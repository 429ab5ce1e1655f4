package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
	"cchc/internal/vn"
)

func TestAuditList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		admin := env.Login(t, "admin")
		if res := admin.PostForm("/users", newUserForm(env, "nhat.ky", "officer")); res.Code != http.StatusSeeOther {
			t.Fatalf("create user: %d", res.Code)
		}
		u := env.Users["officer_b"]
		if res := admin.PostForm(userURL(u, ""), editForm(u, func(v url.Values) { v.Set("full_name", "Phạm Văn Đổi") })); res.Code != http.StatusSeeOther {
			t.Fatalf("update user: %d", res.Code)
		}

		res := admin.Get("/audit?action=create&entity=user")
		body := res.Body.String()
		if res.Code != http.StatusOK {
			t.Fatalf("audit: %d", res.Code)
		}
		for _, want := range []string{"Tạo tài khoản nhat.ky", "Tạo mới", "Tài khoản", "Nguyễn Thị Hồng Nhung", "Chi tiết thay đổi", "<th>Sau</th>"} {
			if !strings.Contains(body, want) {
				t.Errorf("audit of creations lacks %q", want)
			}
		}
		if strings.Contains(body, "Sửa tài khoản officer_b") || strings.Contains(body, "Đăng nhập</td>") {
			t.Error("the action filter lets other actions through")
		}
		if strings.Contains(body, "<th>Trước</th>") || strings.Contains(body, "<mark>") {
			t.Error("a creation shows a before column or highlights fields")
		}

		res = admin.Get("/audit?action=update&entity=user&username=admin")
		body = res.Body.String()
		if !strings.Contains(body, "Sửa tài khoản officer_b") || !strings.Contains(body, "<mark>Phạm Văn Đổi</mark>") || !strings.Contains(body, "Người dùng officer_b") {
			t.Error("update entry lacks the highlighted change or the old value")
		}
		if strings.Contains(body, "<mark>username</mark>") {
			t.Error("an unchanged field is highlighted")
		}

		today := civil.Today(vn.Location())
		tests := []struct {
			query string
			want  string
			not   string
		}{
			{"action=login", "Đăng nhập", "Tạo tài khoản nhat.ky"},
			{"from=" + today.VN() + "&to=" + today.String(), "Tạo tài khoản nhat.ky", ""},
			{"to=" + today.AddDays(-1).VN(), "Không có bản ghi nào phù hợp", "Tạo tài khoản nhat.ky"},
			{"from=32/13/2026", "Từ ngày không hợp lệ", ""},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				body := admin.Get("/audit?" + tt.query).Body.String()
				if !strings.Contains(body, tt.want) || tt.not != "" && strings.Contains(body, tt.not) {
					t.Errorf("want %q, not %q", tt.want, tt.not)
				}
			})
		}

		if res := env.Login(t, "coord").Get("/audit"); res.Code != http.StatusOK {
			t.Errorf("coordinator: %d, want 200", res.Code)
		}
		for _, name := range []string{"officer_a", "leader_d", "appraiser"} {
			if res := env.Login(t, name).Get("/audit"); res.Code != http.StatusForbidden {
				t.Errorf("%s: %d, want 403", name, res.Code)
			}
		}
	})
}
