package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestKindPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		env := testkit.New(t, d)
		coord := env.Login(t, "coord")

		res := coord.Get("/kinds")
		if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "Xã, phường, thị trấn, đặc khu") {
			t.Fatalf("kinds page: %d", res.Code)
		}
		res = coord.PostForm("/kinds", url.Values{"code": {"special_zone"}, "name": {"Đặc khu"}, "tier": {"3"}, "sort_order": {"45"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("create kind: %d %s", res.Code, res.Body.String())
		}
		res = coord.PostForm("/kinds", url.Values{"code": {"commune"}, "name": {"Xã"}, "tier": {"ba"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Cấp hành chính phải là một số") {
			t.Fatalf("bad kind: %d", res.Code)
		}
		res = coord.PostForm("/kinds/special_zone", url.Values{"name": {""}, "tier": {"3"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Vui lòng nhập tên loại đơn vị") {
			t.Fatalf("empty name: %d", res.Code)
		}
		res = coord.PostForm("/kinds/special_zone/delete", nil)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("delete: %d", res.Code)
		}
		res = coord.PostForm("/kinds/commune/delete", nil)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("delete in use: %d", res.Code)
		}
		if ks, _ := env.App.Units.Kinds(t.Context()); len(ks) != 6 {
			t.Fatalf("kinds after deletes = %d, want the 6 seeded (commune kept, special_zone gone)", len(ks))
		}

		for _, who := range []string{"officer_a", "leader_d", "appraiser"} {
			c := env.Login(t, who)
			if res := c.Get("/kinds"); res.Code != http.StatusForbidden {
				t.Errorf("%s GET /kinds: %d", who, res.Code)
			}
			if res := c.PostForm("/kinds", url.Values{"code": {"x"}, "name": {"X"}, "tier": {"0"}}); res.Code != http.StatusForbidden {
				t.Errorf("%s POST /kinds: %d", who, res.Code)
			}
		}
	})
}
