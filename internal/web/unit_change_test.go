package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/testkit"
)

func TestUnitRename(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "coord")
		xa := env.CommuneA
		wantInBody(t, "rename form", c.Get(unitURL(xa, "/rename")).Body.String(), `value="Xã An Phú"`, "Tên mới")

		tests := []struct {
			name    string
			form    url.Values
			want    int
			message string
		}{
			{"same name", url.Values{"name": {"Xã An Phú"}, "effective": {"01/03/2024"}}, http.StatusUnprocessableEntity, "Tên mới trùng với tên hiện tại"},
			{"no date", url.Values{"name": {"Xã An Phú Mới"}, "effective": {""}}, http.StatusUnprocessableEntity, "Vui lòng nhập ngày có hiệu lực"},
			{"bad date", url.Values{"name": {"Xã An Phú Mới"}, "effective": {"1/13/2024"}}, http.StatusUnprocessableEntity, "Ngày có hiệu lực “1/13/2024” không hợp lệ"},
			{"before start", url.Values{"name": {"Xã An Phú Mới"}, "effective": {"01/01/2019"}}, http.StatusUnprocessableEntity, "không hoạt động vào ngày 01/01/2019"},
			{"valid", url.Values{"name": {"Xã An Phú Mới"}, "effective": {"01/03/2024"}, "decision": {"Nghị quyết số 12/NQ-HĐND"}}, http.StatusSeeOther, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := c.PostForm(unitURL(xa, "/rename"), tt.form)
				if res.Code != tt.want {
					t.Fatalf("status %d, want %d", res.Code, tt.want)
				}
				if tt.message != "" {
					wantInBody(t, tt.name, res.Body.String(), tt.message)
				}
			})
		}
		if got := reloadUnit(t, env, xa); got.Name != "Xã An Phú Mới" {
			t.Fatalf("name = %q", got.Name)
		}
		page := c.Get(unitURL(xa, "")).Body.String()
		wantInBody(t, "history", page, "Đổi tên", "01/03/2024", "Đổi tên từ “Xã An Phú” thành “Xã An Phú Mới”",
			"Căn cứ: Nghị quyết số 12/NQ-HĐND", "29/02/2024", "Xã An Phú Mới")
		// The old name still finds the unit.
		wantInBody(t, "search old name", c.Get("/units?q=xa+an+phu").Body.String(), "Xã An Phú Mới")
	})
}

func TestUnitMove(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "coord")
		h1 := env.District

		res := c.PostForm(unitURL(h1, "/move"), url.Values{"parent_id": {unitID(env.CommuneA)}, "effective": {"01/01/2025"}})
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("cycle: %d", res.Code)
		}
		wantInBody(t, "cycle", res.Body.String(), "vòng lặp")
		if got := reloadUnit(t, env, h1); *got.ParentID != env.Province.ID {
			t.Fatalf("cycle saved")
		}

		res = c.PostForm(unitURL(env.CommuneB, "/move"), url.Values{"effective": {"01/01/2025"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "Vui lòng chọn đơn vị cấp trên mới") {
			t.Fatalf("no parent: %d", res.Code)
		}

		res = c.PostForm(unitURL(env.CommuneB, "/move"), url.Values{"parent_id": {unitID(env.Province)}, "effective": {"01/01/2025"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("move: %d %s", res.Code, res.Body.String())
		}
		if got := reloadUnit(t, env, env.CommuneB); *got.ParentID != env.Province.ID {
			t.Errorf("parent = %d", *got.ParentID)
		}
		page := c.Get(unitURL(env.CommuneB, "")).Body.String()
		wantInBody(t, "history", page, "Chuyển đơn vị cấp trên", "Chuyển về trực thuộc Tỉnh Thử Nghiệm", "31/12/2024")
		// On a day before the move the tree still shows XB under the district.
		wantInBody(t, "tree before", c.Get("/units?on=01/06/2024").Body.String(), "2 đơn vị cấp dưới")
		wantInBody(t, "tree after", c.Get("/units").Body.String(), "1 đơn vị cấp dưới")
	})
}

func TestUnitDissolve(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "coord")
		h1 := env.District
		wantInBody(t, "dissolve form", c.Get(unitURL(h1, "/dissolve")).Body.String(),
			"<strong>2</strong> đơn vị trực thuộc", "Tỉnh Thử Nghiệm")

		res := c.PostForm(unitURL(h1, "/dissolve"), url.Values{"effective": {"01/07/2025"}, "decision": {"Nghị quyết số 1656/NQ-UBTVQH15"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("dissolve: %d %s", res.Code, res.Body.String())
		}
		for _, u := range []org.Unit{env.CommuneA, env.CommuneB} {
			if got := reloadUnit(t, env, u); *got.ParentID != env.Province.ID {
				t.Errorf("%s not moved up to the province", u.Code)
			}
		}
		page := c.Get(unitURL(h1, "")).Body.String()
		wantInBody(t, "dissolved page", page, "Đơn vị đã giải thể; hoạt động đến hết ngày 30/06/2025", "đã giải thể, đến 30/06/2025")
		wantNotInBody(t, "dissolved page", page, unitURL(h1, "/rename"))
	})
}

func TestUnitMerge(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "coord")
		xa, xb := env.CommuneA, env.CommuneB

		// Opening the form from a commune preselects it and offers its neighbours.
		page := c.Get("/units/merge?sources=" + unitID(xa)).Body.String()
		wantInBody(t, "merge form", page, `name="sources" value="`+unitID(xa)+`" checked`, `name="sources" value="`+unitID(xb)+`"`)

		tests := []struct {
			name    string
			form    url.Values
			message string
		}{
			{"one source into a new unit", url.Values{"sources": {unitID(xa)}, "new_code": {"XAB"}, "new_name": {"Xã An Bình"},
				"new_kind": {"commune"}, "effective": {"01/07/2025"}}, "ít nhất hai đơn vị"},
			{"new unit without name", url.Values{"sources": {unitID(xa), unitID(xb)}, "new_code": {"XAB"},
				"new_kind": {"commune"}, "effective": {"01/07/2025"}}, "Vui lòng nhập tên đơn vị"},
			{"new unit with taken code", url.Values{"sources": {unitID(xa), unitID(xb)}, "new_code": {"SNV"}, "new_name": {"Xã An Bình"},
				"new_kind": {"commune"}, "effective": {"01/07/2025"}}, "đã được dùng cho đơn vị khác"},
			{"target among sources", url.Values{"sources": {unitID(xa), unitID(xb)}, "target": {unitID(xa)},
				"effective": {"01/07/2025"}}, "không thể đồng thời là đơn vị được sáp nhập"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := unitCount(t, env)
				res := c.PostForm("/units/merge", tt.form)
				if res.Code != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", res.Code)
				}
				wantInBody(t, tt.name, res.Body.String(), tt.message)
				if after := unitCount(t, env); after != before {
					t.Errorf("units %d -> %d", before, after)
				}
				if reloadUnit(t, env, xa).ActiveTo.Year != 0 {
					t.Errorf("XA ended by a refused merge")
				}
			})
		}

		res := c.PostForm("/units/merge", url.Values{"sources": {unitID(xa), unitID(xb)}, "target": {""},
			"new_code": {"XAB"}, "new_name": {"Xã An Bình"}, "new_kind": {"commune"},
			"effective": {"01/07/2025"}, "decision": {"Nghị quyết số 1656/NQ-UBTVQH15"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("merge: %d %s", res.Code, res.Body.String())
		}
		merged, err := env.App.Units.GetByCode(context.Background(), "XAB")
		if err != nil {
			t.Fatal(err)
		}
		if loc := res.Header().Get("Location"); loc != unitURL(merged, "") {
			t.Errorf("redirect to %q", loc)
		}
		if *merged.ParentID != env.District.ID {
			t.Errorf("new unit parent %d, want the district", *merged.ParentID)
		}
		page = c.Get(unitURL(xa, "")).Body.String()
		wantInBody(t, "merged unit", page, "đã sáp nhập", "Đơn vị đã sáp nhập vào", "Xã An Bình", unitURL(merged, ""), "Đơn vị kế thừa")
		wantInBody(t, "tree", c.Get("/units?inactive=1").Body.String(), "đã sáp nhập, đến 30/06/2025", "Xã An Bình")
		wantNotInBody(t, "tree today", c.Get("/units").Body.String(), "Xã Bình Minh")
		wantInBody(t, "target history", c.Get(unitURL(merged, "")).Body.String(), "Tiếp nhận Xã An Phú", "Tiếp nhận Xã Bình Minh")
	})
}

func TestUnitDelete(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		c := env.Login(t, "coord")
		extra, err := env.App.Units.Create(context.Background(), org.Input{Code: "XN", Name: "Xã Nhập Nhầm", Kind: "commune",
			ParentID: &env.District.ID, ActiveFrom: testkit.Start})
		if err != nil {
			t.Fatal(err)
		}
		// The button is offered only where deletion can work.
		wantInBody(t, "new unit page", c.Get(unitURL(extra, "")).Body.String(), `action="`+unitURL(extra, "/delete")+`"`)
		wantNotInBody(t, "district page", c.Get(unitURL(env.District, "")).Body.String(), `action="`+unitURL(env.District, "/delete")+`"`)

		res := c.PostForm(unitURL(env.CommuneA, "/delete"), nil)
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != unitURL(env.CommuneA, "") ||
			!strings.Contains(unitFlashOf(res), "Không thể xóa: đơn vị còn tài khoản người dùng") {
			t.Fatalf("delete unit with users: %d %q", res.Code, unitFlashOf(res))
		}
		reloadUnit(t, env, env.CommuneA)

		res = c.PostForm(unitURL(extra, "/delete"), nil)
		if res.Code != http.StatusSeeOther || res.Header().Get("Location") != unitURL(env.District, "") {
			t.Fatalf("delete: %d %s", res.Code, res.Header().Get("Location"))
		}
		if _, err := env.App.Units.Get(context.Background(), extra.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("unit still there: %v", err)
		}
	})
}
