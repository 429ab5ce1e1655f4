package web_test

import (
	"net/http"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestUnitPicker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		xa, xb := unitID(env.CommuneA), unitID(env.CommuneB)
		tests := []struct {
			user, path string
			want       int
			has, not   []string
		}{
			{"coord", "/units/picker?field=parent_id&none=1&q=xa", http.StatusOK,
				[]string{`name="parent_id" value=""`, `value="` + xa + `"`, `value="` + xb + `"`, "Huyện Đông Sơn"}, nil},
			{"coord", "/units/picker?field=parent_id&q=binh+minh&exclude=" + xb, http.StatusOK,
				[]string{"Không tìm thấy đơn vị đang hoạt động nào khớp"}, []string{`value="` + xb + `"`, `value=""`}},
			{"coord", "/units/picker?field=sources&sources=" + xa + "&q=binh", http.StatusOK,
				[]string{`type="checkbox" name="sources" value="` + xa + `" checked`, `type="checkbox" name="sources" value="` + xb + `"`}, nil},
			{"officer_a", "/units/picker?field=parent_id&q=xa", http.StatusOK,
				[]string{`value="` + xa + `"`}, []string{`value="` + xb + `"`}},
			{"officer_a", "/units/picker?field=parent_id&parent_id=" + xb, http.StatusOK,
				nil, []string{`value="` + xb + `"`}},
			{"coord", "/units/picker?field=password", http.StatusNotFound, nil, nil},
		}
		for _, tt := range tests {
			t.Run(tt.user+tt.path, func(t *testing.T) {
				res := env.Login(t, tt.user).Get(tt.path)
				if res.Code != tt.want {
					t.Fatalf("status %d, want %d", res.Code, tt.want)
				}
				wantInBody(t, tt.path, res.Body.String(), tt.has...)
				wantNotInBody(t, tt.path, res.Body.String(), tt.not...)
			})
		}
		res := htmxGet(t, env, "coord", "/units/picker?field=target&none=1&q=an+phu")
		wantInBody(t, "htmx picker", res.Body.String(), "Thành lập đơn vị mới", "Xã An Phú")
		wantNotInBody(t, "htmx picker", res.Body.String(), "<html")
	})
}
