package web_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/testkit"
	"cchc/internal/vn"
)

// workbookRows checks that res is a workbook download named with prefix and
// returns the rows of each of its sheets by name.
func workbookRows(t *testing.T, res *httptest.ResponseRecorder, prefix string, sheets ...string) map[string][][]string {
	t.Helper()
	if res.Code != http.StatusOK {
		t.Fatalf("status %d: %s", res.Code, res.Body.String())
	}
	if ct := res.Header().Get("Content-Type"); ct != org.XLSXContentType {
		t.Errorf("Content-Type = %q", ct)
	}
	day := strings.ReplaceAll(civil.Today(vn.Location()).VN(), "/", "-")
	if cd := res.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="`+prefix) || !strings.Contains(cd, day+`.xlsx"`) {
		t.Errorf("Content-Disposition = %q, want %s...%s.xlsx", cd, prefix, day)
	}
	x, err := excelize.OpenReader(bytes.NewReader(res.Body.Bytes()))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	defer x.Close()
	out := map[string][][]string{}
	for _, s := range sheets {
		rows, err := x.GetRows(s)
		if err != nil {
			t.Fatalf("sheet %q: %v", s, err)
		}
		out[s] = rows
	}
	return out
}

// firstColumn returns the first cell of each row from row from on.
func firstColumn(rows [][]string, from int) []string {
	var out []string
	for _, r := range rows[min(from, len(rows)):] {
		if len(r) > 0 {
			out = append(out, r[0])
		}
	}
	return out
}

func TestOverviewExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		f := newWorkFixture(t, env)
		path := "/overview/export.xlsx?plan=" + strconv.FormatInt(f.plan.ID, 10)
		// XA has two items (one overdue), XB one; no task has an area.
		tests := []struct {
			user  string
			units []string
			total string
		}{
			{"coord", []string{env.CommuneA.Name, env.CommuneB.Name, "Tổng cộng"}, "3"},
			{"officer_a", []string{env.CommuneA.Name, "Tổng cộng"}, "2"},
		}
		for _, tt := range tests {
			t.Run(tt.user, func(t *testing.T) {
				books := workbookRows(t, env.Login(t, tt.user).Get(path), "tien-do-", plan.SheetOverviewUnits, plan.SheetOverviewAreas)
				units := books[plan.SheetOverviewUnits]
				if len(units) < 2 || !strings.Contains(units[0][0], f.plan.Title) || !strings.Contains(units[0][0], civil.Today(vn.Location()).VN()) {
					t.Fatalf("title row = %q", units)
				}
				if h := units[1]; len(h) != 11 || h[0] != "Đơn vị" || h[2] != "Hoàn thành đúng hạn" || h[10] != "Hủy" {
					t.Errorf("header = %q", h)
				}
				got := firstColumn(units, 2)
				if strings.Join(got, "|") != strings.Join(tt.units, "|") {
					t.Errorf("units = %q, want %q", got, tt.units)
				}
				last := units[len(units)-1]
				if last[1] != tt.total {
					t.Errorf("total row = %q, want total %s", last, tt.total)
				}
				for _, r := range units[2:] {
					if r[0] == env.CommuneA.Name && (r[1] != "2" || r[6] != "1") {
						t.Errorf("XA row = %q, want 2 items, 1 overdue", r)
					}
				}
				areas := books[plan.SheetOverviewAreas]
				if got := firstColumn(areas, 2); strings.Join(got, "|") != "Chưa xếp lĩnh vực|Tổng cộng" {
					t.Errorf("areas = %q", got)
				}
			})
		}
		if code := env.Login(t, "officer_a").Get("/overview/export.xlsx?plan=999999").Code; code != http.StatusNotFound {
			t.Errorf("unknown plan: status %d, want 404", code)
		}
		wantInBody(t, "button", env.Login(t, "coord").Get("/overview?plan="+strconv.FormatInt(f.plan.ID, 10)).Body.String(),
			`href="/overview/export.xlsx?plan=`+strconv.FormatInt(f.plan.ID, 10)+`&amp;area=0"`)
	})
}
