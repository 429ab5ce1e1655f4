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

func TestGroupPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		c := env.Login(t, "coord")
		agencies, err := env.App.Units.GroupByCode(ctx, "provincial_agencies")
		if err != nil {
			t.Fatal(err)
		}
		agenciesURL := "/groups/" + strconv.FormatInt(agencies.ID, 10)

		wantInBody(t, "group list", c.Get("/groups").Body.String(), "Sở, ban, ngành tỉnh", "provincial_agencies", "Thêm nhóm")
		wantInBody(t, "group page", c.Get(agenciesURL).Body.String(), "Sở Nội vụ", "1 đơn vị thuộc nhóm")
		wantInBody(t, "group on a day", c.Get(agenciesURL+"?on=01/01/2019").Body.String(), "0 đơn vị thuộc nhóm vào ngày 01/01/2019")

		for _, tt := range []struct {
			user, method, path string
			want               int
		}{
			{"officer_a", "GET", "/groups", http.StatusForbidden},
			{"officer_a", "GET", "/groups/new", http.StatusForbidden},
			{"officer_a", "POST", "/groups", http.StatusForbidden},
			{"officer_a", "GET", agenciesURL + "/edit", http.StatusForbidden},
			{"officer_a", "POST", agenciesURL, http.StatusForbidden},
			{"officer_a", "GET", agenciesURL, http.StatusOK},
			{"coord", "GET", "/groups/999999", http.StatusNotFound},
		} {
			t.Run(tt.user+" "+tt.method+" "+tt.path, func(t *testing.T) {
				cl := env.Login(t, tt.user)
				var code int
				if tt.method == "GET" {
					code = cl.Get(tt.path).Code
				} else {
					code = cl.PostForm(tt.path, url.Values{"code": {"hack"}, "name": {"Nhóm lạ"}, "kinds": {"commune"}}).Code
				}
				if code != tt.want {
					t.Errorf("got %d, want %d", code, tt.want)
				}
			})
		}
		if g, _ := env.App.Units.Group(ctx, agencies.ID); g.Name != "Sở, ban, ngành tỉnh" {
			t.Errorf("refused POST changed the group: %q", g.Name)
		}

		// Unknown codes are named with their line; nothing is saved.
		form := url.Values{"code": {"pilot_communes"}, "name": {"Xã thí điểm"}, "members": {"XB\nxa — Xã An Phú\n\nZZZ"}}
		res := c.PostForm("/groups", form)
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("unknown code: %d", res.Code)
		}
		wantInBody(t, "unknown code", res.Body.String(), "dòng 4 (“ZZZ”)")
		if _, err := env.App.Units.GroupByCode(ctx, "pilot_communes"); err == nil {
			t.Fatal("group saved despite an unknown code")
		}

		form.Set("members", "XB\nxa — Xã An Phú")
		res = c.PostForm("/groups", form)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("create group: %d %s", res.Code, res.Body.String())
		}
		pilot, err := env.App.Units.GroupByCode(ctx, "pilot_communes")
		if err != nil {
			t.Fatal(err)
		}
		pilotURL := "/groups/" + strconv.FormatInt(pilot.ID, 10)
		page := c.Get(pilotURL).Body.String()
		wantInBody(t, "members", page, "2 đơn vị thuộc nhóm", "Xã An Phú", "Xã Bình Minh")
		if a, b := strings.Index(page, "Xã An Phú"), strings.Index(page, "Xã Bình Minh"); b < a {
			t.Errorf("members not in Vietnamese order")
		}
		// An officer sees only the members inside their own unit.
		page = env.Login(t, "officer_a").Get(pilotURL).Body.String()
		wantInBody(t, "officer view", page, "1 đơn vị thuộc nhóm", "Xã An Phú", "trong phạm vi đơn vị của bạn")
		wantNotInBody(t, "officer view", page, "Xã Bình Minh")

		// Editing shows the members by code and name, and saves kinds.
		wantInBody(t, "edit form", c.Get(pilotURL+"/edit").Body.String(), "XA — Xã An Phú", "XB — Xã Bình Minh")
		res = c.PostForm(pilotURL, url.Values{"code": {"pilot_communes"}, "name": {"Xã thí điểm năm 2026"},
			"kinds": {"agency"}, "members": {"XA"}, "aliases": {"các xã thí điểm"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("update group: %d %s", res.Code, res.Body.String())
		}
		page = c.Get(pilotURL).Body.String()
		wantInBody(t, "after edit", page, "Xã thí điểm năm 2026", "2 đơn vị thuộc nhóm", "Sở Nội vụ", "Xã An Phú", "các xã thí điểm")
		wantNotInBody(t, "after edit", page, "Xã Bình Minh")

		res = c.PostForm(pilotURL, url.Values{"code": {"provincial_agencies"}, "name": {"Trùng mã"}, "kinds": {"agency"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "đã được dùng") {
			t.Errorf("duplicate group code: %d", res.Code)
		}
		res = c.PostForm("/groups", url.Values{"code": {"empty"}, "name": {"Nhóm rỗng"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "ít nhất một loại đơn vị") {
			t.Errorf("empty group: %d", res.Code)
		}
	})
}
