package report_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/report"
	"cchc/internal/valid"
)

func date(y int, m time.Month, d int) civil.Date { return civil.New(y, m, d) }

// saveDefaultTypes stores the default calendar through SaveType.
func saveDefaultTypes(t testing.TB, s *report.Store) map[string]report.ReportType {
	t.Helper()
	out := map[string]report.ReportType{}
	for _, rt := range report.DefaultTypes() {
		saved, err := s.SaveType(context.Background(), rt)
		if err != nil {
			t.Fatalf("save type %s: %v", rt.Code, err)
		}
		if saved.ID == 0 {
			t.Fatalf("type %s saved without an id", rt.Code)
		}
		out[rt.Code] = saved
	}
	return out
}

// TestEnsurePeriods2026 checks the periods generated for 2026 against the
// calendar of DOMAIN §6: quarterly reports before day 5 (units) and day 10
// (Sở Nội vụ) of the quarter's last month, 6-month before 05/06 and 10/06,
// annual before 25/11 and 02/12, with the cut-offs of Nghị định 09/2019
// (15 of the month before to 14; 6-month 15/12 → 14/06, 9-month 15/12 →
// 14/09, annual 15/12 → 14/12), locking 30 days after the units' deadline.
func TestEnsurePeriods2026(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := report.NewStore(d)
		saveDefaultTypes(t, s)
		for range 2 { // idempotent
			if err := report.EnsurePeriods(ctx, d, 2026); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Periods(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			code, title              string
			cutFrom, cutTo           civil.Date
			unit, snv, locks, starts civil.Date
		}{
			{"2026-Q1", "Quý I/2026", date(2025, 12, 15), date(2026, 3, 14), date(2026, 3, 5), date(2026, 3, 10), date(2026, 4, 4), date(2026, 1, 1)},
			{"2026-Q2", "Quý II/2026", date(2026, 3, 15), date(2026, 6, 14), date(2026, 6, 5), date(2026, 6, 10), date(2026, 7, 5), date(2026, 4, 1)},
			{"2026-H1", "6 tháng đầu năm 2026", date(2025, 12, 15), date(2026, 6, 14), date(2026, 6, 5), date(2026, 6, 10), date(2026, 7, 5), date(2026, 1, 1)},
			{"2026-Q3", "Quý III/2026", date(2026, 6, 15), date(2026, 9, 14), date(2026, 9, 5), date(2026, 9, 10), date(2026, 10, 5), date(2026, 7, 1)},
			{"2026-M9", "9 tháng năm 2026", date(2025, 12, 15), date(2026, 9, 14), date(2026, 9, 5), date(2026, 9, 10), date(2026, 10, 5), date(2026, 1, 1)},
			{"2026-Q4", "Quý IV/2026", date(2026, 9, 15), date(2026, 12, 14), date(2026, 12, 5), date(2026, 12, 10), date(2027, 1, 4), date(2026, 10, 1)},
			{"2026-H2", "6 tháng cuối năm 2026", date(2026, 6, 15), date(2026, 12, 14), date(2026, 12, 5), date(2026, 12, 10), date(2027, 1, 4), date(2026, 7, 1)},
			{"2026", "Năm 2026", date(2025, 12, 15), date(2026, 12, 14), date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 25), date(2026, 1, 1)},
		}
		if len(got) != len(tests) {
			t.Fatalf("got %d periods, want %d: %+v", len(got), len(tests), got)
		}
		for i, tt := range tests {
			t.Run(tt.code, func(t *testing.T) {
				p := got[i]
				if p.Code != tt.code || p.Title != tt.title || p.CutoffFrom != tt.cutFrom || p.CutoffTo != tt.cutTo ||
					p.UnitDeadline != tt.unit || p.SNVDeadline != tt.snv || p.LocksOn != tt.locks || p.StartsOn != tt.starts {
					t.Errorf("period %d = %s %q cut-off %s-%s unit %s snv %s locks %s starts %s", i, p.Code, p.Title,
						p.CutoffFrom, p.CutoffTo, p.UnitDeadline, p.SNVDeadline, p.LocksOn, p.StartsOn)
				}
				byCode, err := report.PeriodByCode(ctx, d, tt.code)
				if err != nil || byCode != p {
					t.Errorf("PeriodByCode(%s) = %+v, %v", tt.code, byCode, err)
				}
			})
		}
		if p, err := report.PeriodByCode(ctx, d, "2026-q1"); err != nil || p.Code != "2026-Q1" {
			t.Errorf("PeriodByCode(2026-q1) = %q, %v", p.Code, err)
		}
		if _, err := report.PeriodByCode(ctx, d, "2027-Q1"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("PeriodByCode(2027-Q1) error = %v, want not found", err)
		}
		if other, err := s.Periods(ctx, 2025); err != nil || len(other) != 0 {
			t.Errorf("Periods(2025) = %d periods, %v", len(other), err)
		}
	})
}

// TestSaveType checks validation, updates and that periods keep their
// dates when the rules change.
func TestSaveType(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := report.NewStore(d)
		types := saveDefaultTypes(t, s)
		tests := []struct {
			name  string
			in    report.ReportType
			field string
		}{
			{"bad code", report.ReportType{Code: "Quý 1", Name: "X"}, "code"},
			{"no name", report.ReportType{Code: "x", Name: "  "}, "name"},
			{"bad kind", report.ReportType{Code: "x", Name: "X", PeriodKind: "W"}, "period_kind"},
			{"day out of range", report.ReportType{Code: "x", Name: "X", UnitDeadlineDay: 32}, "unit_deadline_day"},
			{"offset out of range", report.ReportType{Code: "x", Name: "X", SNVDeadlineOffset: 13}, "snv_deadline_offset"},
			{"negative grace", report.ReportType{Code: "x", Name: "X", GraceDays: -1}, "grace_days"},
			{"kind taken", report.ReportType{Code: "quarterly_2", Name: "Quý (2)", PeriodKind: report.PeriodQuarter}, "period_kind"},
			{"code taken", report.ReportType{Code: "adhoc", Name: "Đột xuất 2"}, "code"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := s.SaveType(ctx, tt.in)
				errs, ok := valid.As(err)
				if !ok || errs[tt.field] == "" {
					t.Errorf("SaveType(%+v) = %v, want a message on %s", tt.in, err, tt.field)
				}
			})
		}
		if err := report.EnsurePeriods(ctx, d, 2026); err != nil {
			t.Fatal(err)
		}
		q := types["quarterly"]
		q.UnitDeadlineDay, q.Name = 8, "Báo cáo quý (sửa)"
		if _, err := s.SaveType(ctx, q); err != nil {
			t.Fatal(err)
		}
		q.PeriodKind = report.PeriodHalf
		if _, err := s.SaveType(ctx, q); err == nil {
			t.Error("changed the period kind of a type with periods")
		}
		all, err := s.Types(ctx)
		if err != nil || len(all) != 5 || all[0].Name != "Báo cáo quý (sửa)" || all[0].UnitDeadlineDay != 8 {
			t.Fatalf("Types = %+v, %v", all, err)
		}
		if err := report.EnsurePeriods(ctx, d, 2026); err != nil {
			t.Fatal(err)
		}
		if p, _ := report.PeriodByCode(ctx, d, "2026-Q1"); p.UnitDeadline != date(2026, 3, 5) {
			t.Errorf("stored period changed with its type: deadline %s", p.UnitDeadline)
		}
		if err := report.EnsurePeriods(ctx, d, 2027); err != nil {
			t.Fatal(err)
		}
		if p, _ := report.PeriodByCode(ctx, d, "2027-Q1"); p.UnitDeadline != date(2027, 3, 8) {
			t.Errorf("a new period does not follow the new rules: deadline %s", p.UnitDeadline)
		}
	})
}

// TestDeadlineExceptions checks that a unit's own deadline wins over the
// period's and moves its lock day by the type's grace days.
func TestDeadlineExceptions(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := report.NewStore(d)
		saveDefaultTypes(t, s)
		units := org.NewStore(d)
		mk := func(code, kind string) org.Unit {
			u, err := units.Create(ctx, org.Input{Code: code, Name: "Xã " + code, Kind: kind, ActiveFrom: date(2020, 1, 1)})
			if err != nil {
				t.Fatal(err)
			}
			return u
		}
		xa, xb := mk("XA", "commune"), mk("XB", "commune")
		if err := report.EnsurePeriods(ctx, d, 2026); err != nil {
			t.Fatal(err)
		}
		q1, err := report.PeriodByCode(ctx, d, "2026-Q1")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetException(ctx, q1.ID, xa.ID, date(2026, 3, 20), "  Thiên tai, lũ lụt  "); err != nil {
			t.Fatal(err)
		}
		// Setting it again replaces it.
		if err := s.SetException(ctx, q1.ID, xa.ID, date(2026, 3, 25), "Thiên tai, lũ lụt kéo dài"); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name            string
			unit            int64
			deadline, locks civil.Date
		}{
			{"exception wins", xa.ID, date(2026, 3, 25), date(2026, 4, 24)},
			{"period's deadline otherwise", xb.ID, date(2026, 3, 5), date(2026, 4, 4)},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				dl, locks, err := report.DeadlineFor(ctx, d, q1, tt.unit)
				if err != nil || dl != tt.deadline || locks != tt.locks {
					t.Errorf("DeadlineFor = %s, %s, %v; want %s, %s", dl, locks, err, tt.deadline, tt.locks)
				}
			})
		}
		bad := []struct {
			name     string
			unit     int64
			deadline civil.Date
			field    string
		}{
			{"no deadline", xb.ID, civil.Date{}, "deadline"},
			{"before the period", xb.ID, date(2025, 12, 31), "deadline"},
			{"unknown unit", 9999, date(2026, 3, 20), "unit_id"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				errs, ok := valid.As(s.SetException(ctx, q1.ID, tt.unit, tt.deadline, ""))
				if !ok || errs[tt.field] == "" {
					t.Errorf("SetException accepted or failed without a message on %s: %v", tt.field, errs)
				}
			})
		}
		if err := s.SetException(ctx, 9999, xb.ID, date(2026, 3, 20), ""); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("SetException on an unknown period = %v", err)
		}
	})
}
