package web_test

import (
	"slices"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/plan"
	"cchc/internal/testkit"
)

func TestPlanListExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := testkit.New(t, d)
		province := mkPlan(t, env, "Kế hoạch CCHC tỉnh", env.Province, plan.StatusIssued, nil)
		mkPlan(t, env, "Dự thảo kế hoạch xã An Phú", env.CommuneA, plan.StatusDraft, &province)
		tests := []struct {
			user, query string
			want        []string
		}{
			{"coord", "", []string{"Dự thảo kế hoạch xã An Phú", "Kế hoạch CCHC tỉnh"}},
			{"officer_a", "", []string{"Dự thảo kế hoạch xã An Phú", "Kế hoạch CCHC tỉnh"}},
			{"officer_b", "", []string{"Kế hoạch CCHC tỉnh"}},
			{"coord", "?status=draft", []string{"Dự thảo kế hoạch xã An Phú"}},
		}
		for _, tt := range tests {
			t.Run(tt.user+tt.query, func(t *testing.T) {
				rows := workbookRows(t, env.Login(t, tt.user).Get("/plans/export.xlsx"+tt.query), "ke-hoach-", plan.SheetPlans)[plan.SheetPlans]
				if len(rows) == 0 || rows[0][1] != "Loại" || rows[0][9] != "Kế hoạch cấp trên" {
					t.Fatalf("header = %q", rows)
				}
				var titles []string
				for _, r := range rows[1:] {
					titles = append(titles, r[2])
					if r[2] == "Dự thảo kế hoạch xã An Phú" && (r[4] != env.CommuneA.Name || r[8] != "Dự thảo" || r[9] != province.Title ||
						r[6] != province.PeriodStart.VN()) {
						t.Errorf("draft row = %q", r)
					}
				}
				slices.Sort(titles)
				if !slices.Equal(titles, tt.want) {
					t.Errorf("plans = %q, want %q", titles, tt.want)
				}
			})
		}
		wantInBody(t, "button", env.Login(t, "officer_b").Get("/plans?kind=annual").Body.String(),
			`href="/plans/export.xlsx?q=&amp;kind=annual&amp;status=&amp;year="`)
	})
}
