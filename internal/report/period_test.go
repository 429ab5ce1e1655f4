package report

import (
	"testing"
	"time"

	"cchc/internal/civil"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		code, label, start, end, prev, lastYear string
	}{
		{"2026-Q1", "Quý I/2026", "2026-01-01", "2026-03-31", "2025-Q4", "2025-Q1"},
		{"2026-q3", "Quý III/2026", "2026-07-01", "2026-09-30", "2026-Q2", "2025-Q3"},
		{"2026-H1", "6 tháng đầu năm 2026", "2026-01-01", "2026-06-30", "2025-H2", "2025-H1"},
		{"2026-H2", "6 tháng cuối năm 2026", "2026-07-01", "2026-12-31", "2026-H1", "2025-H2"},
		{"2026-M9", "9 tháng năm 2026", "2026-01-01", "2026-09-30", "2025-M9", "2025-M9"},
		{"2026", "Năm 2026", "2026-01-01", "2026-12-31", "2025", "2025"},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.code)
		if err != nil {
			t.Fatalf("ParsePeriod(%q): %v", tt.code, err)
		}
		if p.Label() != tt.label || p.Start().String() != tt.start || p.End().String() != tt.end ||
			p.Previous().String() != tt.prev || p.LastYear().String() != tt.lastYear {
			t.Errorf("%s: %s %s %s prev %s last year %s", tt.code, p.Label(), p.Start(), p.End(), p.Previous(), p.LastYear())
		}
		if again, _ := ParsePeriod(p.String()); again != p {
			t.Errorf("%s does not round-trip: %v", tt.code, again)
		}
	}
	for _, bad := range []string{"", "26-Q1", "2026-Q5", "2026-H3", "2026-M6", "2026-", "abcd", "2026-Q1x", "3000"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}

// TestDefaultCalendarDates checks the dates of DOMAIN §6's calendar: units
// report a quarter before day 5 of its last month, Sở Nội vụ before day 10;
// the 6-month report before 05/06 and 10/06; the annual before 25/11 and
// 02/12; cut-offs from the 15th of the month before to the 14th.
func TestDefaultCalendarDates(t *testing.T) {
	d := func(y int, m time.Month, day int) civil.Date { return civil.New(y, m, day) }
	quarterly := ReportType{Name: "Báo cáo quý", PeriodKind: PeriodQuarter, CutoffFromDay: 15, CutoffToDay: 14,
		UnitDeadlineDay: 5, SNVDeadlineDay: 10, GraceDays: 30}
	half := ReportType{PeriodKind: PeriodHalf, CutoffFromDay: 15, CutoffToDay: 14, UnitDeadlineDay: 5, SNVDeadlineDay: 10, GraceDays: 30}
	annual := ReportType{PeriodKind: PeriodYear, CutoffFromDay: 15, CutoffToDay: 14, UnitDeadlineDay: 25, UnitDeadlineOffset: -1,
		SNVDeadlineDay: 2, GraceDays: 30}
	tests := []struct {
		t                                ReportType
		p                                Period
		cutFrom, cutTo, unit, snv, locks civil.Date
	}{
		{quarterly, Period{2026, PeriodQuarter, 1}, d(2025, 12, 15), d(2026, 3, 14), d(2026, 3, 5), d(2026, 3, 10), d(2026, 4, 4)},
		{quarterly, Period{2026, PeriodQuarter, 4}, d(2026, 9, 15), d(2026, 12, 14), d(2026, 12, 5), d(2026, 12, 10), d(2027, 1, 4)},
		{half, Period{2026, PeriodHalf, 1}, d(2025, 12, 15), d(2026, 6, 14), d(2026, 6, 5), d(2026, 6, 10), d(2026, 7, 5)},
		{annual, Period{Year: 2026, Kind: PeriodYear}, d(2025, 12, 15), d(2026, 12, 14), d(2026, 11, 25), d(2026, 12, 2), d(2026, 12, 25)},
	}
	for _, tt := range tests {
		got := tt.t.Dates(tt.p)
		if got.CutoffFrom != tt.cutFrom || got.CutoffTo != tt.cutTo || got.UnitDeadline != tt.unit || got.SNVDeadline != tt.snv || got.LocksOn != tt.locks {
			t.Errorf("%s: cut-off %s-%s, unit %s, snv %s, locks %s", tt.p, got.CutoffFrom, got.CutoffTo, got.UnitDeadline, got.SNVDeadline, got.LocksOn)
		}
	}
	if got := quarterly.Dates(Period{2026, PeriodQuarter, 2}); got.Title != "Quý II/2026" || got.Code != "2026-Q2" {
		t.Errorf("title %q code %q", got.Title, got.Code)
	}
}
