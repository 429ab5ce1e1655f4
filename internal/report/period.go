package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"cchc/internal/civil"
)

// Period kinds, as written in period codes.
const (
	PeriodQuarter   = "Q"  // "2026-Q1" .. "2026-Q4"
	PeriodHalf      = "H"  // "2026-H1", "2026-H2"
	PeriodNineMonth = "M9" // "2026-M9": January to September
	PeriodYear      = "Y"  // "2026"
)

// Period is a reporting period of the calendar: a quarter, a half year,
// the first nine months or a year. N is the quarter (1-4) or half (1-2).
type Period struct {
	Year int
	Kind string
	N    int
}

// ParsePeriod reads "2026-Q1".."2026-Q4", "2026-H1", "2026-H2", "2026-M9"
// or "2026".
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(strings.ToUpper(s))
	year, rest, _ := strings.Cut(s, "-")
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 || y < 1900 || y > 2199 {
		return Period{}, fmt.Errorf("report: period %q: the year must be four digits (1900-2199)", s)
	}
	switch {
	case rest == "" && !strings.Contains(s, "-"):
		return Period{Year: y, Kind: PeriodYear}, nil
	case rest == "M9":
		return Period{Year: y, Kind: PeriodNineMonth}, nil
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return Period{Year: y, Kind: PeriodQuarter, N: int(rest[1] - '0')}, nil
	case len(rest) == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2'):
		return Period{Year: y, Kind: PeriodHalf, N: int(rest[1] - '0')}, nil
	}
	return Period{}, fmt.Errorf("report: period %q: write YYYY-Q1..Q4, YYYY-H1, YYYY-H2, YYYY-M9 or YYYY", s)
}

// String returns the period's code.
func (p Period) String() string {
	switch p.Kind {
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case PeriodHalf:
		return fmt.Sprintf("%04d-H%d", p.Year, p.N)
	case PeriodNineMonth:
		return fmt.Sprintf("%04d-M9", p.Year)
	}
	return fmt.Sprintf("%04d", p.Year)
}

// months returns the period's first and last month.
func (p Period) months() (first, last time.Month) {
	switch p.Kind {
	case PeriodQuarter:
		return time.Month(3*p.N - 2), time.Month(3 * p.N)
	case PeriodHalf:
		return time.Month(6*p.N - 5), time.Month(6 * p.N)
	case PeriodNineMonth:
		return time.January, time.September
	}
	return time.January, time.December
}

// Start returns the period's first calendar day.
func (p Period) Start() civil.Date {
	first, _ := p.months()
	return civil.New(p.Year, first, 1)
}

// End returns the period's last calendar day.
func (p Period) End() civil.Date {
	_, last := p.months()
	return civil.New(p.Year, last+1, 1).AddDays(-1)
}

// LastMonth returns the first day of the period's last month.
func (p Period) LastMonth() civil.Date {
	_, last := p.months()
	return civil.New(p.Year, last, 1)
}

// Previous returns the period of the same kind just before p (the previous
// quarter, half or year; last year's nine months).
func (p Period) Previous() Period {
	switch {
	case p.Kind == PeriodQuarter && p.N == 1:
		return Period{Year: p.Year - 1, Kind: p.Kind, N: 4}
	case p.Kind == PeriodHalf && p.N == 1:
		return Period{Year: p.Year - 1, Kind: p.Kind, N: 2}
	case p.Kind == PeriodQuarter || p.Kind == PeriodHalf:
		return Period{Year: p.Year, Kind: p.Kind, N: p.N - 1}
	}
	return Period{Year: p.Year - 1, Kind: p.Kind}
}

// LastYear returns the same period a year earlier.
func (p Period) LastYear() Period { return Period{Year: p.Year - 1, Kind: p.Kind, N: p.N} }

var romanQuarter = [...]string{"", "I", "II", "III", "IV"}

// Label returns the period's Vietnamese name: "Quý I/2026", "6 tháng đầu
// năm 2026", "6 tháng cuối năm 2026", "9 tháng năm 2026", "Năm 2026".
func (p Period) Label() string {
	switch p.Kind {
	case PeriodQuarter:
		return fmt.Sprintf("Quý %s/%d", romanQuarter[p.N], p.Year)
	case PeriodHalf:
		if p.N == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	case PeriodNineMonth:
		return fmt.Sprintf("9 tháng năm %d", p.Year)
	}
	return fmt.Sprintf("Năm %d", p.Year)
}

// PeriodsOf returns the periods of kind in year, in order.
func PeriodsOf(kind string, year int) []Period {
	switch kind {
	case PeriodQuarter:
		return []Period{{year, kind, 1}, {year, kind, 2}, {year, kind, 3}, {year, kind, 4}}
	case PeriodHalf:
		return []Period{{year, kind, 1}, {year, kind, 2}}
	case PeriodNineMonth, PeriodYear:
		return []Period{{Year: year, Kind: kind}}
	}
	return nil
}

// dayOfMonth returns day d of the month m months after the first day of
// the month first, clamped to that month's last day (day 31 of June is
// 30/06).
func dayOfMonth(first civil.Date, m, d int) civil.Date {
	month := civil.New(first.Year, first.Month+time.Month(m), 1)
	last := civil.New(month.Year, month.Month+1, 1).AddDays(-1)
	if d > last.Day {
		d = last.Day
	}
	return civil.New(month.Year, month.Month, d)
}

// Dates returns a stored period for p under report type t: its calendar
// span, its data cut-off (from day t.CutoffFromDay of the month before the
// period to day t.CutoffToDay of its last month; the calendar span when
// they are 0), the deadline of units (day t.UnitDeadlineDay of the period's
// last month, shifted by t.UnitDeadlineOffset months) and of Sở Nội vụ, and
// the day it locks (t.GraceDays after the unit deadline).
func (t ReportType) Dates(p Period) PeriodRow {
	last := p.LastMonth()
	row := PeriodRow{TypeID: t.ID, TypeCode: t.Code, Code: p.String(), Title: p.Label(),
		StartsOn: p.Start(), EndsOn: p.End(), CutoffFrom: p.Start(), CutoffTo: p.End()}
	if t.CutoffFromDay > 0 {
		row.CutoffFrom = dayOfMonth(p.Start(), -1, t.CutoffFromDay)
	}
	if t.CutoffToDay > 0 {
		row.CutoffTo = dayOfMonth(last, 0, t.CutoffToDay)
	}
	row.UnitDeadline = row.EndsOn
	if t.UnitDeadlineDay > 0 {
		row.UnitDeadline = dayOfMonth(last, t.UnitDeadlineOffset, t.UnitDeadlineDay)
	}
	row.SNVDeadline = row.UnitDeadline
	if t.SNVDeadlineDay > 0 {
		row.SNVDeadline = dayOfMonth(last, t.SNVDeadlineOffset, t.SNVDeadlineDay)
	}
	row.LocksOn = row.UnitDeadline.AddDays(t.GraceDays)
	return row
}
