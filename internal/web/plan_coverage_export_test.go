package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
	"cchc/internal/testkit"
)

func TestPlanCoverageExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		province := mkPlan(t, env, "Kế hoạch CCHC tỉnh", env.Province, plan.StatusIssued, nil)
		if res := env.Login(t, "coord").PostForm(planPath(province, "/tasks"), communesTaskForm(t, env, firstArea(t, env, province))); res.Code != http.StatusSeeOther {
			t.Fatalf("create task: %d", res.Code)
		}
		child := mkPlan(t, env, "Kế hoạch CCHC xã An Phú", env.CommuneA, plan.StatusDraft, &province)
		task := "Rà soát, đơn giản hóa thủ tục hành chính cấp xã"
		// The communes group leads the task: XA and XB each have it, neither has copied it.
		tests := []struct {
			user    string
			units   []string // unit and its plan, per row
			missing []string
		}{
			{"coord", []string{env.CommuneA.Name + "=" + child.Title, env.CommuneB.Name + "=Chưa có kế hoạch"},
				[]string{env.CommuneA.Name + "=" + task, env.CommuneB.Name + "=" + task}},
			{"officer_b", []string{env.CommuneB.Name + "=Chưa có kế hoạch"}, []string{env.CommuneB.Name + "=" + task}},
		}
		for _, tt := range tests {
			t.Run(tt.user, func(t *testing.T) {
				books := workbookRows(t, env.Login(t, tt.user).Get(planPath(province, "/coverage.xlsx")), "bao-phu-ke-hoach-",
					plan.SheetCoverageUnits, plan.SheetCoverageMissing)
				units := books[plan.SheetCoverageUnits]
				if len(units) < 3 || !strings.Contains(units[0][0], province.Title) || units[1][1] != "Đơn vị" {
					t.Fatalf("title and header = %q", units)
				}
				var got []string
				for _, r := range units[2 : len(units)-1] {
					if r[2] != "1" || r[3] != "0" || r[4] != "1" {
						t.Errorf("row %q: want 1 assigned, 0 covered, 1 missing", r)
					}
					got = append(got, r[1]+"="+r[5])
				}
				if strings.Join(got, "|") != strings.Join(tt.units, "|") {
					t.Errorf("units = %q, want %q", got, tt.units)
				}
				if total := units[len(units)-1]; total[1] != "Tổng cộng" || total[4] != strconv.Itoa(len(tt.units)) {
					t.Errorf("total row = %q", total)
				}
				got = nil
				for _, r := range books[plan.SheetCoverageMissing][2:] {
					got = append(got, r[1]+"="+r[3])
				}
				if strings.Join(got, "|") != strings.Join(tt.missing, "|") {
					t.Errorf("missing = %q, want %q", got, tt.missing)
				}
			})
		}
		// officer_b may not read XA's draft: its coverage does not exist for them.
		if code := env.Login(t, "officer_b").Get(planPath(child, "/coverage.xlsx")).Code; code != http.StatusNotFound {
			t.Errorf("officer_b export of XA's draft: status %d, want 404", code)
		}
		wantInBody(t, "button", env.Login(t, "coord").Get(planPath(province, "/coverage")).Body.String(),
			`href="`+planPath(province, "/coverage.xlsx")+`"`)
	})
}
