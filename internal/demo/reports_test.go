package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"cchc/internal/app"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
)

func TestActiveIn(t *testing.T) {
	q1 := report.Period{Year: 2025, Kind: report.PeriodQuarter, N: 1}
	q3 := report.Period{Year: 2025, Kind: report.PeriodQuarter, N: 3}
	tests := []struct {
		name string
		unit reportUnit
		p    report.Period
		want float64
	}{
		{"always active", reportUnit{From: civil.New(2010, 1, 1)}, q1, 1},
		{"ended before", reportUnit{From: civil.New(2010, 1, 1), To: civil.New(2025, 6, 30)}, q3, 0},
		{"started after", reportUnit{From: TwoTierReform}, q1, 0},
		{"started in the quarter", reportUnit{From: TwoTierReform}, q3, 1},
		{"ended after two months", reportUnit{From: civil.New(2010, 1, 1), To: civil.New(2025, 2, 28)}, q1, 59.0 / 90},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.unit.activeIn(tt.p.Start(), tt.p.End()); got < tt.want-1e-9 || got > tt.want+1e-9 {
				t.Errorf("activeIn = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPeriodFigures(t *testing.T) {
	def := report.DefaultForm().Definition
	tests := []struct {
		kind string
		unit int64
	}{{"commune", 7}, {"district", 8}, {"agency", 9}}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			u := reportUnit{ID: tt.unit, Kind: tt.kind, From: civil.New(2010, 1, 1)}
			var quarters []quarterFigures
			carried := int64(25)
			for _, q := range report.PeriodsOf(report.PeriodQuarter, 2025) {
				f := quarterOf(u, q, carried, 1)
				if errs := def.Check(periodFigures([]quarterFigures{f}, def, tt.kind)); len(errs) > 0 {
					t.Fatalf("%s breaks the rules: %v", q, errs)
				}
				carried = f["in_progress_within"] + f["in_progress_overdue"]
				quarters = append(quarters, f)
			}
			year := periodFigures(quarters, def, tt.kind)
			if errs := def.Check(year); len(errs) > 0 {
				t.Fatalf("the year breaks the rules: %v", errs)
			}
			var processed int64
			for _, q := range quarters {
				processed += q["dossiers_processed"]
			}
			switch {
			case year["dossiers_processed"] != processed:
				t.Errorf("year processed %d, quarters sum to %d", year["dossiers_processed"], processed)
			case year["dossiers_carried"] != 25:
				t.Errorf("year carried %d, want the first quarter's 25", year["dossiers_carried"])
			case year["procedures_published"] != quarters[3]["procedures_published"]:
				t.Errorf("year procedures %d, want the last quarter's", year["procedures_published"])
			}
			_, agencyOnly := year["services_full_online"]
			_, inspected := year["units_inspected"]
			if agencyOnly != (tt.kind == "agency") || inspected != (tt.kind != "commune") {
				t.Errorf("codes for a %s: %v", tt.kind, year)
			}
		})
	}
}

func TestBuildReports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a := app.New(d, nil)
		today := civil.New(2026, time.November, 21)
		if _, err := build(ctx, a, buildOptions{today: today}); err != nil {
			t.Fatal(err)
		}
		if err := report.CheckFigures(ctx, d); err != nil {
			t.Error(err)
		}
		var byStatus []struct {
			Period string `db:"code"`
			Status string `db:"status"`
			Late   int    `db:"late"`
			N      int    `db:"n"`
		}
		if err := d.SelectContext(ctx, &byStatus, `SELECT p.code, r.status,
			SUM(CASE WHEN r.on_time = FALSE THEN 1 ELSE 0 END) AS late, COUNT(*) AS n
			FROM reports r JOIN report_periods p ON p.id = r.period_id GROUP BY p.code, r.status`); err != nil {
			t.Fatal(err)
		}
		counts := map[string]map[string]int{}
		late := map[string]int{}
		for _, r := range byStatus {
			if counts[r.Period] == nil {
				counts[r.Period] = map[string]int{}
			}
			counts[r.Period][r.Status] += r.N
			late[r.Period] += r.Late
		}
		for _, code := range []string{"2025-Q1", "2025-Q2", "2025-H1", "2025-Q3", "2025-Q4", "2025-H2", "2025", "2026-Q1", "2026-Q2", "2026-H1", "2026-Q3"} {
			c := counts[code]
			if c[report.StatusAccepted] < 50 || late[code] == 0 || c[report.StatusDraft] == 0 {
				t.Errorf("%s: %v, %d late; want mostly accepted, some late, some drafts", code, c, late[code])
			}
		}
		for _, code := range []string{"2026-Q4", "2026-H2", "2026"} {
			c := counts[code]
			if c[report.StatusAccepted] != 0 || c[report.StatusSubmitted] == 0 || c[report.StatusDraft] == 0 {
				t.Errorf("%s (open): %v; want drafts and early submissions, nothing accepted", code, c)
			}
		}
		if len(counts) != 15 {
			t.Errorf("reports in %d periods, want 14 and the thematic one (no nine-month report, nothing after today): %v", len(counts), counts)
		}
		// The thematic request is open: some sent, some drafts, some nothing yet;
		// it is expected in its own period only.
		iso := counts["2026-CD-ISO"]
		if iso[report.StatusSubmitted] == 0 || iso[report.StatusAccepted] == 0 || iso[report.StatusDraft] == 0 {
			t.Errorf("thematic reports %v; want submitted, accepted and drafts", iso)
		}

		var returned int
		if err := d.GetContext(ctx, &returned, `SELECT COUNT(*) FROM report_events WHERE action = 'return' AND comment <> ''`); err != nil {
			t.Fatal(err)
		}
		if returned < 10 {
			t.Errorf("%d reports returned with a comment, want a few dozen", returned)
		}

		// Every report keeps the form's rules, and says something in Vietnamese.
		store := report.NewStore(d)
		defaultForm, err := store.FormByCode(ctx, report.DefaultFormCode)
		if err != nil {
			t.Fatal(err)
		}
		rs, total, err := store.List(ctx, report.ReportFilter{FormID: defaultForm.ID, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if total < 1500 {
			t.Errorf("%d reports, want about two thousand", total)
		}
		def := report.DefaultForm().Definition
		for _, r := range rs[:200] {
			full, err := store.Get(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if errs := def.Check(full.Values); len(errs) > 0 {
				t.Fatalf("report %d breaks the rules: %v", r.ID, errs)
			}
			if !strings.Contains(full.Texts["tthc_results"], "hồ sơ") {
				t.Fatalf("report %d: procedures narrative %q", r.ID, full.Texts["tthc_results"])
			}
		}

		// The demo officers fill in the open periods themselves.
		var own int
		if err := d.GetContext(ctx, &own, `SELECT COUNT(*) FROM reports r JOIN report_periods p ON p.id = r.period_id
			JOIN users u ON u.unit_id = r.unit_id WHERE p.code = '2026-Q4' AND u.username IN ('xatanhoa', 'phuonganphu', 'sotuphap')`); err != nil {
			t.Fatal(err)
		}
		if own != 0 {
			t.Errorf("%d reports of the demo officers' units in 2026-Q4, want none", own)
		}

		// The province's consolidation is the sum of its units' reports.
		prov, err := a.Units.GetByCode(ctx, ProvinceCode)
		if err != nil {
			t.Fatal(err)
		}
		thematic, err := store.Consolidate(ctx, prov.ID, "2026-CD-ISO", ThematicFormCode)
		if err != nil {
			t.Fatal(err)
		}
		if sent := thematic.SubmittedOnTime + thematic.SubmittedLate; thematic.Missing == 0 || sent == 0 ||
			sent != iso[report.StatusSubmitted]+iso[report.StatusAccepted] {
			t.Errorf("thematic tally %+v for reports %v", thematic.Tally, iso)
		}
		if c, err := store.Consolidate(ctx, prov.ID, "2026-Q3", ThematicFormCode); err != nil || c.Expected != 0 {
			t.Errorf("the thematic form expects %d units in a quarter (%v), want none", c.Expected, err)
		}
		for _, code := range []string{"2025-Q2", "2025", "2026-Q3"} {
			c, err := store.Consolidate(ctx, prov.ID, code, report.DefaultFormCode)
			if err != nil {
				t.Fatal(err)
			}
			var want int64
			if err := d.GetContext(ctx, &want, d.Rebind(`SELECT COALESCE(CAST(SUM(v.value) AS BIGINT), 0) FROM report_values v
				JOIN reports r ON r.id = v.report_id JOIN report_periods p ON p.id = r.period_id
				WHERE p.code = ? AND v.code = 'dossiers_processed' AND r.status IN ('submitted', 'accepted')`), code); err != nil {
				t.Fatal(err)
			}
			for _, v := range c.Values {
				if v.Code == "dossiers_processed" && int64(v.Value) != want {
					t.Errorf("%s: consolidated dossiers_processed %v, reports sum to %d", code, v.Value, want)
				}
			}
			if c.Expected != c.SubmittedOnTime+c.SubmittedLate+c.Missing || c.Missing == 0 || c.SubmittedLate == 0 {
				t.Errorf("%s: tally %+v", code, c.Tally)
			}
		}
	})
}
