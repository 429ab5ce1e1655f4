package web_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
	"cchc/internal/testkit"
)

func TestWorkItemList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		f := newWorkFixture(t, env)
		tests := []struct {
			name, user, path string
			want, unwanted   []string
		}{
			{"officer sees own unit only", "officer_a", "/work-items",
				[]string{"Việc của tôi", f.overdue.Content, f.coordinated.Content}, []string{f.open.Content}},
			{"other officer", "officer_b", "/work-items",
				[]string{f.open.Content}, []string{f.overdue.Content}},
			{"coordinator sees the province", "coord", "/work-items",
				[]string{f.overdue.Content, f.open.Content, f.coordinated.Content}, nil},
			{"accent-insensitive search", "coord", "/work-items?q=niem+yet",
				[]string{f.open.Content}, []string{f.overdue.Content}},
			{"overdue list with days overdue", "coord", "/work-items?status=overdue",
				[]string{f.overdue.Content, "Quá hạn", `<strong class="overdue-days">76</strong>`}, []string{f.open.Content}},
			{"quick filter overdue", "coord", "/work-items?due=overdue",
				[]string{f.overdue.Content}, []string{f.coordinated.Content}},
			{"unit filter by code", "coord", "/work-items?unit=XB",
				[]string{f.open.Content}, []string{f.overdue.Content}},
			{"due window", "coord", "/work-items?from=01/09/2026&to=30/09/2026",
				[]string{f.coordinated.Content}, []string{f.open.Content, f.overdue.Content}},
			{"leader sees a commune of its district", "leader_d", "/work-items?unit=XA",
				[]string{f.overdue.Content}, []string{f.open.Content}},
			{"bad date is named", "coord", "/work-items?from=31/02/2026",
				[]string{"Hạn từ ngày “31/02/2026” không hợp lệ"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := env.Login(t, tt.user).Get(tt.path)
				if res.Code != http.StatusOK {
					t.Fatalf("status %d", res.Code)
				}
				wantInBody(t, tt.name, res.Body.String(), tt.want...)
				wantNotInBody(t, tt.name, res.Body.String(), tt.unwanted...)
			})
		}
		if code := env.Login(t, "officer_a").Get("/work-items?unit=XB").Code; code != http.StatusForbidden {
			t.Errorf("officer_a filtering XB: status %d, want 403", code)
		}
	})
}

func TestWorkItemExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		f := newWorkFixture(t, env)
		res := env.Login(t, "coord").Get("/work-items/export.xlsx?status=overdue")
		if res.Code != http.StatusOK {
			t.Fatalf("status %d: %s", res.Code, res.Body.String())
		}
		x, err := excelize.OpenReader(bytes.NewReader(res.Body.Bytes()))
		if err != nil {
			t.Fatalf("not a workbook: %v", err)
		}
		defer x.Close()
		rows, err := x.GetRows(plan.SheetWorkItems)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Fatalf("got %d rows, want header and one item: %q", len(rows), rows)
		}
		if rows[1][2] != f.overdue.Content || rows[1][4] != env.CommuneA.Name || rows[1][10] != "Quá hạn" || rows[1][11] != "76" {
			t.Errorf("row = %q", rows[1])
		}
		if code := env.Login(t, "officer_a").Get("/work-items/export.xlsx?unit=XB").Code; code != http.StatusForbidden {
			t.Errorf("officer_a export of XB: status %d, want 403", code)
		}
	})
}
