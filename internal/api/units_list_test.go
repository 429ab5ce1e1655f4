package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/testkit"
)

func wantCodes(want ...string) func(t *testing.T, res *httptest.ResponseRecorder, doc any) {
	return func(t *testing.T, _ *httptest.ResponseRecorder, doc any) {
		t.Helper()
		if got := codes(doc); !slices.Equal(got, want) {
			t.Errorf("codes = %v, want %v", got, want)
		}
	}
}

func TestUnitsList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		h := newHarness(env)
		h.run(t, []scenario{
			{name: "all units in Vietnamese order", as: "admin", path: "/api/v1/units", status: http.StatusOK,
				json:  map[string]any{"total": 5},
				check: wantCodes("H1", "SNV", "T", "XA", "XB")},
			{name: "item shape", as: "token:coord", path: "/api/v1/units?q=xa+an+phu", status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.id": env.CommuneA.ID, "items.0.code": "XA", "items.0.name": "Xã An Phú",
					"items.0.short_name": "", "items.0.kind": "commune", "items.0.parent_id": env.District.ID,
					"items.0.active_from": "2020-01-01", "items.0.active_to": nil, "items.0.successor_id": nil,
					"items.0.address": "", "items.0.phone": "", "items.0.email": "", "items.0.aliases": []any{}},
				want: []string{`"aliases":[]`, `"active_to":null`}},
			{name: "accent-insensitive search", as: "coord", path: "/api/v1/units?q=so%20noi%20vu", status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.code": "SNV"}},
			{name: "search with diacritics", as: "coord", path: "/api/v1/units?q=B%C3%ACnh", status: http.StatusOK,
				check: wantCodes("XB")},
			{name: "children of the district", as: "coord", path: fmt.Sprintf("/api/v1/units?parent=%d", env.District.ID), status: http.StatusOK,
				json: map[string]any{"total": 2}, check: wantCodes("XA", "XB")},
			{name: "by kind", as: "coord", path: "/api/v1/units?kind=commune", status: http.StatusOK,
				json: map[string]any{"total": 2}, check: wantCodes("XA", "XB")},
			{name: "paged", as: "coord", path: "/api/v1/units?limit=2&offset=1", status: http.StatusOK,
				json: map[string]any{"total": 5}, check: wantCodes("SNV", "T")},
			{name: "offset past the end", as: "coord", path: "/api/v1/units?offset=50", status: http.StatusOK,
				json: map[string]any{"total": 5, "items": []any{}}},
			{name: "limit above the maximum is lowered", as: "coord", path: "/api/v1/units?limit=5000", status: http.StatusOK,
				json: map[string]any{"total": 5}},
			{name: "officer sees only its commune", as: "officer_a", path: "/api/v1/units", status: http.StatusOK,
				json: map[string]any{"total": 1}, check: wantCodes("XA")},
			{name: "officer cannot widen its scope by parent", as: "token:officer_a", path: fmt.Sprintf("/api/v1/units?parent=%d", env.District.ID),
				status: http.StatusOK, json: map[string]any{"total": 1}, check: wantCodes("XA")},
			{name: "leader sees its district subtree", as: "leader_d", path: "/api/v1/units", status: http.StatusOK,
				json: map[string]any{"total": 3}, check: wantCodes("H1", "XA", "XB")},
			{name: "appraiser sees every unit", as: "appraiser", path: "/api/v1/units", status: http.StatusOK,
				json: map[string]any{"total": 5}},
			{name: "limit not a number", as: "coord", path: "/api/v1/units?limit=abc", status: http.StatusBadRequest,
				json: map[string]any{"error.code": "bad_request"}, want: []string{"limit"}},
			{name: "limit zero", as: "coord", path: "/api/v1/units?limit=0", status: http.StatusBadRequest},
			{name: "negative offset", as: "coord", path: "/api/v1/units?offset=-1", status: http.StatusBadRequest, want: []string{"offset"}},
			{name: "parent not an id", as: "coord", path: "/api/v1/units?parent=H1", status: http.StatusBadRequest, want: []string{"parent"}},
			{name: "active_on in dd/mm/yyyy", as: "coord", path: "/api/v1/units?active_on=31/02/2025", status: http.StatusBadRequest,
				json: map[string]any{"error.code": "bad_request"}, want: []string{"active_on"}},
			{name: "active_on impossible day", as: "coord", path: "/api/v1/units?active_on=2025-02-31", status: http.StatusBadRequest},
		})
	})
}

func TestUnitsListActiveOn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		_, err := env.App.Units.Dissolve(context.Background(), env.CommuneB.ID,
			org.DissolveInput{Change: org.Change{Effective: civil.New(2023, time.January, 1), Decision: "Nghị quyết số 1/NQ-HĐND"}})
		if err != nil {
			t.Fatal(err)
		}
		h := newHarness(env)
		h.run(t, []scenario{
			{name: "after the dissolution", as: "coord", path: "/api/v1/units?kind=commune&active_on=2024-06-01", status: http.StatusOK,
				json: map[string]any{"total": 1}, check: wantCodes("XA")},
			{name: "before the dissolution", as: "coord", path: "/api/v1/units?kind=commune&active_on=2022-12-31", status: http.StatusOK,
				json: map[string]any{"total": 2}, check: wantCodes("XA", "XB")},
			{name: "without a day the dissolved unit is listed", as: "coord", path: "/api/v1/units?kind=commune", status: http.StatusOK,
				json: map[string]any{"total": 2}},
			{name: "dissolved unit carries its last day", as: "coord", path: unitPath(env.CommuneB.ID), status: http.StatusOK,
				json: map[string]any{"active_to": "2022-12-31"}},
			{name: "history shows the dissolution", as: "coord", path: unitPath(env.CommuneB.ID) + "/history", status: http.StatusOK,
				json: map[string]any{"unit.code": "XB", "events.0.event": "created", "events.1.event": "dissolved",
					"events.1.effective": "2023-01-01", "events.1.label": "Giải thể / kết thúc hoạt động",
					"versions.0.valid_to": "2022-12-31"}},
		})
	})
}
