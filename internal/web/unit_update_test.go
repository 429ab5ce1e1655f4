package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

// fullUnitForm is every field of the unit form with the seeded commune's
// values, changed by the caller.
func fullUnitForm(parentID, code, name string) url.Values {
	return url.Values{"code": {code}, "name": {name}, "short_name": {""}, "kind": {"commune"},
		"parent_id": {parentID}, "active_from": {"01/01/2020"}, "address": {""}, "phone": {""}, "email": {""}, "aliases": {""}}
}

func TestUnitEditAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		xa, xb := env.CommuneA, env.CommuneB
		tests := []struct {
			user, method, path string
			want               int
		}{
			{"officer_a", "GET", unitURL(xb, "/edit"), http.StatusForbidden},
			{"officer_a", "POST", unitURL(xb, ""), http.StatusForbidden},
			{"officer_a", "GET", unitURL(xb, ""), http.StatusForbidden},
			{"officer_a", "GET", unitURL(xa, "/edit"), http.StatusOK},
			{"officer_a", "GET", "/units/new", http.StatusForbidden},
			{"officer_a", "POST", "/units", http.StatusForbidden},
			{"officer_a", "GET", unitURL(xa, "/rename"), http.StatusForbidden},
			{"officer_a", "POST", unitURL(xa, "/rename"), http.StatusForbidden},
			{"officer_a", "POST", unitURL(xa, "/delete"), http.StatusForbidden},
			{"leader_d", "GET", unitURL(xa, ""), http.StatusOK},
			{"leader_d", "GET", unitURL(xa, "/edit"), http.StatusForbidden},
			{"leader_d", "POST", unitURL(xa, ""), http.StatusForbidden},
			{"leader_d", "GET", unitURL(env.District, "/edit"), http.StatusForbidden},
			{"leader_d", "POST", unitURL(env.District, "/move"), http.StatusForbidden},
			{"leader_d", "GET", unitURL(env.SNV, ""), http.StatusForbidden},
			{"leader_d", "GET", "/units/merge", http.StatusForbidden},
			{"leader_d", "POST", "/units/merge", http.StatusForbidden},
			{"leader_d", "GET", unitURL(xa, "/dissolve"), http.StatusForbidden},
			{"leader_d", "POST", unitURL(xa, "/dissolve"), http.StatusForbidden},
			{"appraiser", "GET", unitURL(xb, ""), http.StatusOK},
			{"appraiser", "GET", unitURL(xb, "/edit"), http.StatusForbidden},
			{"coord", "GET", unitURL(xb, "/edit"), http.StatusOK},
			{"coord", "GET", "/units/999999", http.StatusNotFound},
			{"coord", "GET", "/units/abc", http.StatusNotFound},
		}
		for _, tt := range tests {
			t.Run(tt.user+" "+tt.method+" "+tt.path, func(t *testing.T) {
				c := env.Login(t, tt.user)
				var code int
				if tt.method == "GET" {
					code = c.Get(tt.path).Code
				} else {
					code = c.PostForm(tt.path, fullUnitForm(unitID(env.District), "HACK", "Đã bị sửa")).Code
				}
				if code != tt.want {
					t.Errorf("got %d, want %d", code, tt.want)
				}
			})
		}
		for _, u := range []struct{ before, after string }{{xa.Name, reloadUnit(t, env, xa).Name}, {xb.Name, reloadUnit(t, env, xb).Name}} {
			if u.before != u.after {
				t.Errorf("refused requests changed a unit: %q became %q", u.before, u.after)
			}
		}
		if got := reloadUnit(t, env, xb); got.Code != "XB" {
			t.Errorf("XB code = %q after a refused POST", got.Code)
		}
	})
}

func TestUnitEditOwnContactDetails(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "officer_a")
		page := c.Get(unitURL(env.CommuneA, "/edit")).Body.String()
		wantInBody(t, "limited form", page, `name="phone"`, `name="address"`, "do Sở Nội vụ quản lý")
		wantNotInBody(t, "limited form", page, `name="name"`, `name="code"`, `name="parent_id"`)

		form := fullUnitForm(unitID(env.Province), "HACK", "Xã Đổi Tên")
		form.Set("phone", "0236 3822 111")
		form.Set("address", "Thôn 1, xã An Phú")
		form.Set("aliases", "UBND xã An Phú\nxã An Phú")
		form.Set("kind", "agency")
		form.Set("active_from", "01/01/1999")
		res := c.PostForm(unitURL(env.CommuneA, ""), form)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("POST own unit: %d %s", res.Code, res.Body.String())
		}
		got := reloadUnit(t, env, env.CommuneA)
		if got.Phone != "0236 3822 111" || got.Address != "Thôn 1, xã An Phú" || len(got.Aliases) != 2 {
			t.Errorf("contact details not saved: %+v", got)
		}
		if got.Name != "Xã An Phú" || got.Code != "XA" || got.Kind != "commune" || *got.ParentID != env.District.ID ||
			got.ActiveFrom != testkit.Start {
			t.Errorf("officer changed a field reserved to Sở Nội vụ: %+v", got)
		}
		wantInBody(t, "unit page", c.Get(unitURL(env.CommuneA, "")).Body.String(), "0236 3822 111", "UBND xã An Phú")

		// A wrong e-mail comes back with its message and nothing is saved.
		form.Set("email", "khong-hop-le")
		form.Set("phone", "999")
		res = c.PostForm(unitURL(env.CommuneA, ""), form)
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("bad e-mail: %d", res.Code)
		}
		wantInBody(t, "bad e-mail", res.Body.String(), "Địa chỉ thư điện tử không hợp lệ", `value="999"`)
		if got := reloadUnit(t, env, env.CommuneA); got.Phone != "0236 3822 111" {
			t.Errorf("phone saved despite the error: %q", got.Phone)
		}
	})
}

func TestUnitEditByCoordinator(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "coord")
		page := c.Get(unitURL(env.CommuneB, "/edit")).Body.String()
		wantInBody(t, "full form", page, `name="name"`, `value="Xã Bình Minh"`, `name="parent_id" value="`+unitID(env.District)+`" checked`)

		form := fullUnitForm(unitID(env.Province), "XB2", "Xã Bình Minh Đông")
		res := c.PostForm(unitURL(env.CommuneB, ""), form)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("coord edit: %d %s", res.Code, res.Body.String())
		}
		got := reloadUnit(t, env, env.CommuneB)
		if got.Name != "Xã Bình Minh Đông" || got.Code != "XB2" || *got.ParentID != env.Province.ID {
			t.Errorf("coord edit not saved: %+v", got)
		}

		// The unit cannot become its own parent's child: a cycle.
		form = fullUnitForm(unitID(env.CommuneA), "H1", "Huyện Đông Sơn")
		form.Set("kind", "district")
		res = c.PostForm(unitURL(env.District, ""), form)
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("cycle: %d", res.Code)
		}
		wantInBody(t, "cycle", res.Body.String(), "tạo vòng lặp")
		if got := reloadUnit(t, env, env.District); *got.ParentID != env.Province.ID {
			t.Errorf("cycle saved: parent %d", *got.ParentID)
		}
	})
}
