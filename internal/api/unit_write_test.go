package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/httpx"
	"cchc/internal/testkit"
)

func TestUnitGet(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		newHarness(env).run(t, []scenario{
			{name: "officer reads its unit", as: "officer_a", path: unitPath(env.CommuneA.ID), status: http.StatusOK,
				json: map[string]any{"code": "XA", "parent_id": env.District.ID, "aliases": []any{}}},
			{name: "officer refused a sibling", as: "officer_a", path: unitPath(env.CommuneB.ID), status: http.StatusForbidden,
				json: map[string]any{"error.code": "forbidden"}, notWant: []string{"Bình Minh"}},
			{name: "officer refused a sibling's history", as: "officer_a", path: unitPath(env.CommuneB.ID) + "/history", status: http.StatusForbidden},
			{name: "leader reads a commune of its district", as: "token:leader_d", path: unitPath(env.CommuneB.ID), status: http.StatusOK,
				json: map[string]any{"code": "XB"}},
			{name: "appraiser reads anything", as: "appraiser", path: unitPath(env.CommuneB.ID), status: http.StatusOK},
			{name: "unknown id", as: "coord", path: unitPath(999999), status: http.StatusNotFound, json: map[string]any{"error.code": "not_found"}},
			{name: "id not a number", as: "coord", path: "/api/v1/units/abc", status: http.StatusNotFound},
			{name: "history", as: "officer_a", path: unitPath(env.CommuneA.ID) + "/history", status: http.StatusOK,
				json: map[string]any{"events.0.event": "created", "events.0.effective": "2020-01-01", "versions.0.name": "Xã An Phú",
					"versions.0.valid_to": nil}},
		})
	})
}

func TestUnitUpdate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		xa, xb, h1 := unitPath(env.CommuneA.ID), unitPath(env.CommuneB.ID), unitPath(env.District.ID)
		xbUnchanged := func(t *testing.T, _ *httptest.ResponseRecorder, _ any) {
			t.Helper()
			u, err := env.App.Units.Get(ctx, env.CommuneB.ID)
			if err != nil {
				t.Fatal(err)
			}
			if u.Phone != "" || u.Name != "Xã Bình Minh" || !u.UpdatedAt.Equal(env.CommuneB.UpdatedAt) {
				t.Errorf("XB changed: %+v", u)
			}
		}
		long := strings.Repeat("Đ", 256)
		newHarness(env).run(t, []scenario{
			{name: "officer refused another unit", as: "officer_a", method: http.MethodPatch, path: xb, body: `{"phone":"0236 1"}`,
				status: http.StatusForbidden, json: map[string]any{"error.code": "forbidden"}, check: xbUnchanged},
			{name: "officer refused another unit even with a bad body", as: "token:officer_a", method: http.MethodPatch, path: xb, body: `{"phone":`,
				status: http.StatusForbidden, check: xbUnchanged},
			{name: "officer changes its phone", as: "officer_a", method: http.MethodPatch, path: xa,
				body: `{"phone":"0236 3822 111","aliases":["UBND xã An Phú","UBND xã An Phú"]}`, status: http.StatusOK,
				json: map[string]any{"phone": "0236 3822 111", "name": "Xã An Phú", "aliases": []any{"UBND xã An Phú"},
					"parent_id": env.District.ID, "active_from": "2020-01-01"}},
			{name: "officer refused its name", as: "officer_a", method: http.MethodPatch, path: xa, body: `{"name":"Xã Mới"}`,
				status: http.StatusForbidden, want: []string{`name`, "tên đơn vị"}},
			{name: "officer refused parent_id even as null", as: "token:officer_a", method: http.MethodPatch, path: xa,
				body: `{"phone":"1","parent_id":null}`, status: http.StatusForbidden, want: []string{"parent_id"}, notWant: []string{`\"phone\"`},
				check: func(t *testing.T, _ *httptest.ResponseRecorder, _ any) {
					if u, _ := env.App.Units.Get(ctx, env.CommuneA.ID); u.Phone != "0236 3822 111" || u.ParentID == nil {
						t.Errorf("XA changed by a refused patch: %+v", u)
					}
				}},
			{name: "leader refused", as: "leader_d", method: http.MethodPatch, path: h1, body: `{"phone":"1"}`, status: http.StatusForbidden},
			{name: "leader refused on a commune", as: "leader_d", method: http.MethodPatch, path: xa, body: `{"address":"x"}`, status: http.StatusForbidden},
			{name: "appraiser refused", as: "appraiser", method: http.MethodPatch, path: xa, body: `{"phone":"1"}`, status: http.StatusForbidden},
			{name: "coordinator patches some fields, others stay", as: "coord", method: http.MethodPatch, path: xb,
				body: `{"short_name":"BM","aliases":["Bình Minh"],"email":"xabinhminh@example.vn"}`, status: http.StatusOK,
				json: map[string]any{"short_name": "BM", "aliases": []any{"Bình Minh"}, "name": "Xã Bình Minh", "code": "XB",
					"parent_id": env.District.ID, "kind": "commune"}},
			{name: "coordinator renames by correction", as: "token:coord", method: http.MethodPatch, path: xb,
				body: `{"name":"Xã Bình Minh Mới"}`, status: http.StatusOK, json: map[string]any{"name": "Xã Bình Minh Mới", "short_name": "BM"}},
			{name: "empty patch changes nothing", as: "coord", method: http.MethodPatch, path: xa, body: `{}`, status: http.StatusOK,
				json: map[string]any{"phone": "0236 3822 111"}},
			{name: "parent cycle", as: "coord", method: http.MethodPatch, path: h1, body: fmt.Sprintf(`{"parent_id":%d}`, env.CommuneA.ID),
				status: http.StatusUnprocessableEntity, json: map[string]any{"error.code": "validation_failed"}, want: []string{`"parent_id":"`, "vòng lặp"}},
			{name: "own parent", as: "coord", method: http.MethodPatch, path: h1, body: fmt.Sprintf(`{"parent_id":%d}`, env.District.ID),
				status: http.StatusUnprocessableEntity, want: []string{`"parent_id":"`}},
			{name: "name too long", as: "coord", method: http.MethodPatch, path: xa, body: `{"name":"` + long + `"}`,
				status: http.StatusUnprocessableEntity, want: []string{`"name":"Tên đơn vị dài tối đa 255 ký tự."`}},
			{name: "empty name", as: "coord", method: http.MethodPatch, path: xa, body: `{"name":"  "}`,
				status: http.StatusUnprocessableEntity, want: []string{`"name":"`}},
			{name: "code taken", as: "coord", method: http.MethodPatch, path: xa, body: `{"code":"xb"}`,
				status: http.StatusUnprocessableEntity, want: []string{`"code":"Mã đơn vị \"XB\" đã được dùng`}},
			{name: "bad day", as: "coord", method: http.MethodPatch, path: xa, body: `{"active_from":"2020-02-30"}`,
				status: http.StatusUnprocessableEntity, want: []string{`"active_from":"`}},
			{name: "null day", as: "coord", method: http.MethodPatch, path: xa, body: `{"active_from":null}`,
				status: http.StatusUnprocessableEntity, want: []string{`"active_from":"`}},
			{name: "malformed JSON", as: "coord", method: http.MethodPatch, path: xa, body: `{"phone":`,
				status: http.StatusBadRequest, json: map[string]any{"error.code": "bad_request"}},
			{name: "unknown field", as: "coord", method: http.MethodPatch, path: xa, body: `{"telephone":"1"}`,
				status: http.StatusBadRequest, want: []string{"telephone"}},
			{name: "wrong type", as: "coord", method: http.MethodPatch, path: xa, body: `{"phone":5}`,
				status: http.StatusBadRequest, want: []string{"phone"}},
			{name: "two objects", as: "coord", method: http.MethodPatch, path: xa, body: `{"phone":"1"}{"phone":"2"}`,
				status: http.StatusBadRequest},
			{name: "array body", as: "coord", method: http.MethodPatch, path: xa, body: `[]`, status: http.StatusBadRequest},
			{name: "unknown unit", as: "coord", method: http.MethodPatch, path: unitPath(999999), body: `{"phone":"1"}`, status: http.StatusNotFound},
		})
	})
}

func TestUnitCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		body := func(code, name string) string {
			return fmt.Sprintf(`{"code":%q,"name":%q,"short_name":"","kind":"commune","parent_id":%d,"active_from":"2025-07-01",
				"address":"Thôn 1","phone":"","email":"","aliases":["UBND xã Cẩm Lệ"]}`, code, name, env.District.ID)
		}
		newHarness(env).run(t, []scenario{
			{name: "coordinator creates", as: "coord", method: http.MethodPost, path: "/api/v1/units", body: body("xc", "Xã Cẩm Lệ"),
				status: http.StatusCreated,
				json: map[string]any{"code": "XC", "name": "Xã Cẩm Lệ", "parent_id": env.District.ID, "active_from": "2025-07-01",
					"active_to": nil, "aliases": []any{"UBND xã Cẩm Lệ"}, "address": "Thôn 1"},
				check: func(t *testing.T, res *httptest.ResponseRecorder, doc any) {
					u, err := env.App.Units.GetByCode(ctx, "XC")
					if err != nil {
						t.Fatal(err)
					}
					if loc := res.Header().Get("Location"); loc != unitPath(u.ID) {
						t.Errorf("Location = %q, want %q", loc, unitPath(u.ID))
					}
				}},
			{name: "created unit is listed", as: "coord", path: "/api/v1/units?q=cam+le", status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.code": "XC"}},
			{name: "by token", as: "token:admin", method: http.MethodPost, path: "/api/v1/units",
				body:   `{"code":"SYT","name":"Sở Y tế","kind":"agency","parent_id":` + fmt.Sprint(env.Province.ID) + `,"active_from":"2020-01-01"}`,
				status: http.StatusCreated, json: map[string]any{"code": "SYT", "aliases": []any{}}},
			{name: "duplicate code", as: "coord", method: http.MethodPost, path: "/api/v1/units", body: body("XC", "Xã Khác"),
				status: http.StatusUnprocessableEntity, json: map[string]any{"error.code": "validation_failed"},
				want: []string{`"fields":{"code":"Mã đơn vị \"XC\" đã được dùng`}},
			{name: "name too long", as: "coord", method: http.MethodPost, path: "/api/v1/units", body: body("XD", strings.Repeat("a", 256)),
				status: http.StatusUnprocessableEntity, want: []string{`"name":"Tên đơn vị dài tối đa 255 ký tự."`}},
			{name: "active_from missing", as: "coord", method: http.MethodPost, path: "/api/v1/units",
				body: `{"code":"XE","name":"Xã E","kind":"commune"}`, status: http.StatusUnprocessableEntity, want: []string{`"active_from":"`}},
			{name: "active_from in dd/mm/yyyy", as: "coord", method: http.MethodPost, path: "/api/v1/units",
				body: `{"code":"XE","name":"Xã E","kind":"commune","active_from":"01/07/2025"}`, status: http.StatusUnprocessableEntity,
				want: []string{`"active_from":"Ngày \"01/07/2025\" không hợp lệ`}},
			{name: "unknown kind and parent", as: "coord", method: http.MethodPost, path: "/api/v1/units",
				body:   `{"code":"XE","name":"Xã E","kind":"planet","parent_id":999999,"active_from":"2025-07-01"}`,
				status: http.StatusUnprocessableEntity, want: []string{`"kind":"`, `"parent_id":"`}},
			{name: "malformed JSON", as: "coord", method: http.MethodPost, path: "/api/v1/units", body: `{"code":"XE",`,
				status: http.StatusBadRequest, json: map[string]any{"error.code": "bad_request"}},
			{name: "unknown field", as: "coord", method: http.MethodPost, path: "/api/v1/units", body: `{"code":"XE","colour":"red"}`,
				status: http.StatusBadRequest, want: []string{"colour"}},
			{name: "officer refused", as: "officer_a", method: http.MethodPost, path: "/api/v1/units", body: body("XF", "Xã F"),
				status: http.StatusForbidden},
			{name: "leader refused", as: "token:leader_d", method: http.MethodPost, path: "/api/v1/units", body: body("XF", "Xã F"),
				status: http.StatusForbidden},
			{name: "body over 1 MB", as: "coord", method: http.MethodPost, path: "/api/v1/units",
				body: `{"code":"XG","name":"` + strings.Repeat("x", 1<<20) + `"}`, status: http.StatusRequestEntityTooLarge,
				json: map[string]any{"error.code": "too_large"}},
		})
		for _, code := range []string{"XD", "XE", "XF", "XG"} {
			if _, err := env.App.Units.GetByCode(ctx, code); err == nil {
				t.Errorf("refused request created unit %s", code)
			}
		}
	})
}

func TestCrossSiteWriteIsRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		login := env.Anonymous(t).PostForm("/login", map[string][]string{"username": {"coord"}, "password": {testkit.Password}})
		var cookie *http.Cookie
		for _, ck := range login.Result().Cookies() {
			if ck.Name == httpx.SessionCookie {
				cookie = ck
			}
		}
		if cookie == nil {
			t.Fatal("no session cookie")
		}
		for _, method := range []string{http.MethodPost, http.MethodPatch} {
			path := "/api/v1/units"
			if method == http.MethodPatch {
				path = unitPath(env.CommuneA.ID)
			}
			req := httptest.NewRequest(method, path, strings.NewReader(`{"code":"EVIL","name":"Đơn vị giả","kind":"commune","active_from":"2025-01-01"}`))
			req.Host = "example.test"
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Origin", "http://evil.example")
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			req.AddCookie(cookie)
			rec := httptest.NewRecorder()
			env.Handler.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden {
				t.Errorf("cross-site %s: %d, want 403", method, rec.Code)
			}
		}
		if _, err := env.App.Units.GetByCode(context.Background(), "EVIL"); err == nil {
			t.Error("cross-site POST created a unit")
		}
		if u, _ := env.App.Units.Get(context.Background(), env.CommuneA.ID); u.Code != "XA" {
			t.Errorf("cross-site PATCH changed XA: %+v", u)
		}
	})
}

func TestWritesAreAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		ctx := context.Background()
		if res := env.Login(t, "coord").JSON(http.MethodPost, "/api/v1/units",
			`{"code":"XC","name":"Xã Cẩm Lệ","kind":"commune","active_from":"2025-07-01"}`); res.Code != http.StatusCreated {
			t.Fatalf("create: %d %s", res.Code, res.Body.String())
		}
		if res := env.Token(t, "officer_a").JSON(http.MethodPatch, unitPath(env.CommuneA.ID), `{"phone":"0236 1"}`); res.Code != http.StatusOK {
			t.Fatalf("patch: %d %s", res.Code, res.Body.String())
		}
		created, err := env.App.Units.GetByCode(ctx, "XC")
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, username, action string
			entityID               int64
			after                  string
		}{
			{"create by session", "coord", audit.Create, created.ID, `"code":"XC"`},
			{"update by token", "officer_a", audit.Update, env.CommuneA.ID, `"phone":"0236 1"`},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				rows, total, err := audit.List(ctx, d, audit.Filter{Entity: "unit", Username: tc.username, Action: tc.action,
					EntityID: fmt.Sprint(tc.entityID)})
				if err != nil {
					t.Fatal(err)
				}
				if total != 1 {
					t.Fatalf("audit rows = %d, want 1", total)
				}
				r := rows[0]
				if r.UserID == nil || *r.UserID != env.Users[tc.username].ID || r.RequestID == "" || !strings.Contains(r.AfterJSON, tc.after) {
					t.Errorf("audit row = %+v", r)
				}
			})
		}
	})
}
