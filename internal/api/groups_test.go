package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/testkit"
)

func TestGroups(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		communes, err := env.App.Units.GroupByCode(context.Background(), "communes")
		if err != nil {
			t.Fatal(err)
		}
		members := fmt.Sprintf("/api/v1/groups/%d/members", communes.ID)
		newHarness(env).run(t, []scenario{
			{name: "seeded groups", as: "officer_a", path: "/api/v1/groups", status: http.StatusOK,
				json: map[string]any{"total": 4}, want: []string{`"code":"provincial_agencies"`, `"kinds":["commune"]`}},
			{name: "search by alias without accents", as: "coord", path: "/api/v1/groups?q=ubnd+cac+xa+phuong", status: http.StatusOK,
				json: map[string]any{"total": 1, "items.0.code": "communes", "items.0.name": "UBND cấp xã"}},
			{name: "members today", as: "coord", path: members, status: http.StatusOK,
				json: map[string]any{"total": 2, "items.0.aliases": []any{}}, check: wantCodes("XA", "XB")},
			{name: "members before the units existed", as: "coord", path: members + "?on=2019-12-31", status: http.StatusOK,
				json: map[string]any{"total": 0, "items": []any{}}},
			{name: "members within the officer's scope", as: "token:officer_a", path: members, status: http.StatusOK,
				json: map[string]any{"total": 1}, check: wantCodes("XA")},
			{name: "members paged", as: "coord", path: members + "?limit=1&offset=1", status: http.StatusOK,
				json: map[string]any{"total": 2}, check: wantCodes("XB")},
			{name: "bad day", as: "coord", path: members + "?on=2025-13-01", status: http.StatusBadRequest, want: []string{"on="}},
			{name: "unknown group", as: "coord", path: "/api/v1/groups/999999/members", status: http.StatusNotFound},
			{name: "anonymous", path: "/api/v1/groups", status: http.StatusUnauthorized},
		})
	})
}
