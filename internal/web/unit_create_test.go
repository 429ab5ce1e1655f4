package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestUnitCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "coord")
		h1 := unitID(env.District)

		page := c.Get("/units/new?parent=" + h1).Body.String()
		wantInBody(t, "new form", page, `name="parent_id" value="`+h1+`" checked`, "Huyện Đông Sơn", `value="commune" selected`)

		tests := []struct {
			name     string
			code     string
			unitName string
			date     string
			want     int
			message  string
		}{
			{"duplicate code", "XA", "Xã Trùng Mã", "01/01/2024", http.StatusUnprocessableEntity, "đã được dùng cho đơn vị khác"},
			{"name too long", "XD", strings.Repeat("Xã ", 90), "01/01/2024", http.StatusUnprocessableEntity, "Tên đơn vị dài tối đa 255 ký tự"},
			{"no name", "XD", "", "01/01/2024", http.StatusUnprocessableEntity, "Vui lòng nhập tên đơn vị"},
			{"bad code", "XÃ 1", "Xã Một", "01/01/2024", http.StatusUnprocessableEntity, "Mã đơn vị chỉ gồm"},
			{"bad date", "XD", "Xã Đức Hòa", "31/02/2024", http.StatusUnprocessableEntity, "Ngày bắt đầu hoạt động “31/02/2024” không hợp lệ"},
			{"valid", "xc", "Xã Cát Tiên", "2024-01-01", http.StatusSeeOther, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := unitCount(t, env)
				form := fullUnitForm(h1, tt.code, tt.unitName)
				form.Set("active_from", tt.date)
				res := c.PostForm("/units", form)
				if res.Code != tt.want {
					t.Fatalf("status %d, want %d: %s", res.Code, tt.want, res.Body.String())
				}
				if tt.want != http.StatusSeeOther {
					wantInBody(t, tt.name, res.Body.String(), tt.message)
					if !strings.Contains(res.Body.String(), `name="code" type="text" value="`+tt.code+`"`) {
						t.Errorf("typed code not kept in the form")
					}
					if after := unitCount(t, env); after != before {
						t.Errorf("units %d -> %d after a refused create", before, after)
					}
					return
				}
				u, err := env.App.Units.GetByCode(context.Background(), "XC")
				if err != nil {
					t.Fatalf("created unit: %v", err)
				}
				if loc := res.Header().Get("Location"); loc != unitURL(u, "") {
					t.Errorf("redirect to %q", loc)
				}
				if !strings.Contains(unitFlashOf(res), "Đã thêm đơn vị Xã Cát Tiên") {
					t.Errorf("flash = %q", unitFlashOf(res))
				}
				wantInBody(t, "tree", c.Get("/units").Body.String(), "Xã Cát Tiên", "3 đơn vị cấp dưới")
				wantInBody(t, "unit page", c.Get(unitURL(u, "")).Body.String(), "Xã Cát Tiên", "01/01/2024", "Huyện Đông Sơn")
			})
		}
	})
}
