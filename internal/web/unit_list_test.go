package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/testkit"
)

func TestUnitTree(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		tests := []struct {
			user    string
			want    []string
			notWant []string
		}{
			{"admin", []string{"Cây đơn vị", "Tỉnh Thử Nghiệm", "Sở Nội vụ", "Huyện Đông Sơn", "Xã An Phú", "Xã Bình Minh",
				"4 đơn vị cấp dưới", "2 đơn vị cấp dưới", `href="/units/new"`, `href="/units/export.xlsx"`}, nil},
			{"appraiser", []string{"Tỉnh Thử Nghiệm", "Xã Bình Minh", `href="/units/export.xlsx"`}, []string{`href="/units/new"`}},
			{"leader_d", []string{"Huyện Đông Sơn", "Xã An Phú", "Xã Bình Minh", "2 đơn vị cấp dưới"},
				[]string{"Sở Nội vụ", "Tỉnh Thử Nghiệm", `href="/units/new"`, `href="/units/merge"`}},
			{"officer_a", []string{"Xã An Phú"}, []string{"Xã Bình Minh", "Huyện Đông Sơn", "Sở Nội vụ", `href="/units/import"`}},
		}
		for _, tt := range tests {
			t.Run(tt.user, func(t *testing.T) {
				res := env.Login(t, tt.user).Get("/units")
				if res.Code != http.StatusOK {
					t.Fatalf("GET /units: %d", res.Code)
				}
				wantInBody(t, "tree", res.Body.String(), tt.want...)
				wantNotInBody(t, "tree", res.Body.String(), tt.notWant...)
			})
		}
	})
}

func TestUnitTreeHistory(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		_, err := env.App.Units.Dissolve(context.Background(), env.CommuneB.ID,
			org.DissolveInput{Change: org.Change{Effective: civil.New(2024, 7, 1)}})
		if err != nil {
			t.Fatal(err)
		}
		c := env.Login(t, "coord")
		tests := []struct {
			path    string
			want    []string
			notWant []string
		}{
			{"/units", []string{"Xã An Phú", "1 đơn vị cấp dưới"}, []string{"Xã Bình Minh"}},
			{"/units?inactive=1", []string{"Xã Bình Minh", "đã giải thể, đến 30/06/2024"}, nil},
			{"/units?on=15/03/2024", []string{"Xã Bình Minh", "như ngày 15/03/2024", "2 đơn vị cấp dưới"}, nil},
			{"/units?on=2024-03-15", []string{"Xã Bình Minh", "như ngày 15/03/2024"}, nil},
			{"/units?on=01/01/2019", []string{"Không có đơn vị nào hoạt động vào ngày 01/01/2019"}, []string{"Xã An Phú"}},
			{"/units?on=31/02/2024", []string{"Ngày xem “31/02/2024” không hợp lệ", "Xã An Phú"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.path, func(t *testing.T) {
				res := c.Get(tt.path)
				if res.Code != http.StatusOK {
					t.Fatalf("%d", res.Code)
				}
				wantInBody(t, tt.path, res.Body.String(), tt.want...)
				wantNotInBody(t, tt.path, res.Body.String(), tt.notWant...)
			})
		}
	})
}

func TestUnitSearch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		tests := []struct {
			user, path string
			want       []string
			notWant    []string
		}{
			{"coord", "/units?q=xa+an+phu", []string{"Tìm thấy 1 đơn vị", "Xã An Phú", "Huyện Đông Sơn"}, []string{"Xã Bình Minh"}},
			{"coord", "/units?q=so+noi+vu", []string{"Sở Nội vụ"}, []string{"Xã An Phú"}},
			{"coord", "/units?q=XB", []string{"Xã Bình Minh"}, []string{"Xã An Phú"}},
			{"coord", "/units?kind=commune", []string{"Tìm thấy 2 đơn vị", "Xã An Phú", "Xã Bình Minh"}, []string{"Sở Nội vụ"}},
			{"coord", "/units?q=khong+co+dau", []string{"Tìm thấy 0 đơn vị", "Không có đơn vị nào khớp"}, nil},
			{"officer_a", "/units?q=xa", []string{"Xã An Phú"}, []string{"Xã Bình Minh"}},
		}
		for _, tt := range tests {
			t.Run(tt.user+tt.path, func(t *testing.T) {
				res := env.Login(t, tt.user).Get(tt.path)
				if res.Code != http.StatusOK {
					t.Fatalf("%d", res.Code)
				}
				wantInBody(t, tt.path, res.Body.String(), tt.want...)
				wantNotInBody(t, tt.path, res.Body.String(), tt.notWant...)
			})
		}

		// Vietnamese order: "Xã An Phú" before "Xã Bình Minh".
		body := env.Login(t, "coord").Get("/units?kind=commune").Body.String()
		if a, b := strings.Index(body, "Xã An Phú"), strings.Index(body, "Xã Bình Minh"); a < 0 || b < a {
			t.Errorf("communes not in Vietnamese order: %d, %d", a, b)
		}

		// htmx asks for the results only, without the page around them.
		res := htmxGet(t, env, "coord", "/units?q=xa+an+phu")
		if res.Code != http.StatusOK {
			t.Fatalf("htmx search: %d", res.Code)
		}
		wantInBody(t, "fragment", res.Body.String(), "Xã An Phú")
		wantNotInBody(t, "fragment", res.Body.String(), "<html", "Cây đơn vị")
	})
}
