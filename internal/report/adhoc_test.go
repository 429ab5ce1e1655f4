package report_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
	"cchc/internal/valid"
)

func TestAddAdhocPeriod(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := report.EnsureDefaults(ctx, d); err != nil {
			t.Fatal(err)
		}
		s := report.NewStore(d)
		day := func(m time.Month, n int) civil.Date { return civil.New(2026, m, n) }
		in := report.AdhocInput{Code: "2026-CD-ISO", Title: "Báo cáo chuyên đề áp dụng ISO 9001",
			StartsOn: day(1, 1), EndsOn: day(6, 30), UnitDeadline: day(7, 10)}
		p, err := s.AddAdhocPeriod(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if p.SNVDeadline != day(7, 10) || p.LocksOn != day(8, 9) || p.CutoffFrom != day(1, 1) || p.CutoffTo != day(6, 30) {
			t.Errorf("stored %+v; want the units' deadline for Sở Nội vụ and a lock 30 days after it", p)
		}
		got, err := report.PeriodByCode(ctx, d, "2026-CD-ISO")
		if err != nil || got.ID != p.ID || got.Title != in.Title {
			t.Errorf("PeriodByCode = %+v, %v", got, err)
		}
		ps, err := s.Periods(ctx, 2026)
		found := false
		for _, x := range ps {
			found = found || x.ID == p.ID
		}
		if err != nil || !found {
			t.Errorf("Periods(2026) lacks the ad hoc period (%v)", err)
		}

		tests := []struct {
			name  string
			in    report.AdhocInput
			field string
		}{
			{"same code", in, "code"},
			{"calendar code", report.AdhocInput{Code: "2026-Q1", Title: "x", StartsOn: day(1, 1), EndsOn: day(1, 2), UnitDeadline: day(1, 3)}, "code"},
			{"bad code", report.AdhocInput{Code: "chuyên đề", Title: "x", StartsOn: day(1, 1), EndsOn: day(1, 2), UnitDeadline: day(1, 3)}, "code"},
			{"no title", report.AdhocInput{Code: "CD-1", StartsOn: day(1, 1), EndsOn: day(1, 2), UnitDeadline: day(1, 3)}, "title"},
			{"ends first", report.AdhocInput{Code: "CD-2", Title: "x", StartsOn: day(2, 1), EndsOn: day(1, 2), UnitDeadline: day(3, 3)}, "ends_on"},
			{"deadline before start", report.AdhocInput{Code: "CD-3", Title: "x", StartsOn: day(2, 1), EndsOn: day(2, 2), UnitDeadline: day(1, 3)}, "unit_deadline"},
			{"snv before units", report.AdhocInput{Code: "CD-4", Title: "x", StartsOn: day(2, 1), EndsOn: day(2, 2), UnitDeadline: day(3, 3), SNVDeadline: day(3, 1)}, "snv_deadline"},
		}
		for _, tt := range tests {
			_, err := s.AddAdhocPeriod(ctx, tt.in)
			var errs valid.Errors
			if !errors.As(err, &errs) || errs[tt.field] == "" {
				t.Errorf("%s: %v; want a message on %s", tt.name, err, tt.field)
			}
		}
	})
}
