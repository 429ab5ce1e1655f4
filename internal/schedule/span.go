package schedule

import (
	"time"

	"cchc/internal/civil"
)

type yearKind uint8

const (
	yearNone     yearKind = iota // not written: taken from the context
	yearExplicit                 // "năm 2013", "/2013"
	yearPlan                     // the plan year moved by year: "năm sau" (+1), "năm trước liền kề" (-1)
	yearEvery                    // "hằng năm": the plan year, and again every year
)

// yearRef is the year of a period as the text gives it.
type yearRef struct {
	kind yearKind
	year int // the year for yearExplicit; the offset from the plan year for yearPlan
}

// unit is the kind of period a span names, for lists that leave the noun
// out after the first item ("quý I, II").
type unit uint8

const (
	unitOther unit = iota
	unitYear
	unitQuarter
	unitMonth
	unitDay
)

// Templates: a span that repeats inside every quarter or every month.
const (
	eachNone    = ""
	eachQuarter = "quarter" // months m1..m2 count from the start of each quarter (1-3)
	eachMonth   = "month"   // days d1..d2 of each month
)

// span is a period of the calendar as a phrase names it: from day d1 of month
// m1 to day d2 of month m2 (d2 == 0: the month's last day) of one year.
type span struct {
	year           yearRef
	m1, d1, m2, d2 int
	each           string
	day            bool // one named day: "trước ngày 30/4" keeps that day
	end            bool // "cuối ...": the end of a period, a point rather than a stretch
	bare           bool // "ngày 25" with no month: day 25 of every month, if the text recurs monthly
	unit           unit
}

func yearSpan(y yearRef) span { return span{year: y, m1: 1, d1: 1, m2: 12, unit: unitYear} }

func quarterSpan(q int, y yearRef) span {
	return span{year: y, m1: 3*q - 2, d1: 1, m2: 3 * q, unit: unitQuarter}
}

func monthSpan(m int, y yearRef) span { return span{year: y, m1: m, d1: 1, m2: m, unit: unitMonth} }

func daySpan(d, m int, y yearRef) span {
	return span{year: y, m1: m, d1: d, m2: m, d2: d, day: true, unit: unitDay}
}

// interval is a span placed in a year: its first and last day.
type interval struct {
	first, last civil.Date
	day, end    bool
}

// daysIn returns the number of days of month m in year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// date returns y-m-d, and false when no such day exists.
func date(y, m, d int) (civil.Date, bool) {
	if y < minYear-1 || y > maxYear+1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return civil.Date{}, false
	}
	return civil.Date{Year: y, Month: time.Month(m), Day: d}, true
}

// intervals places s in year y: one interval, or one per quarter or month for
// a template. It returns false when a named day does not exist (30/02).
func (s span) intervals(y int) ([]interval, bool) {
	one := func(y, m1, d1, m2, d2 int, clamp bool) (interval, bool) {
		if d2 == 0 {
			d2 = daysIn(y, m2)
		}
		if clamp { // "ngày 31 hằng tháng" is the last day in short months
			d1, d2 = min(d1, daysIn(y, m1)), min(d2, daysIn(y, m2))
		}
		first, ok1 := date(y, m1, d1)
		last, ok2 := date(y, m2, d2)
		if !ok1 || !ok2 || last.Before(first) {
			return interval{}, false
		}
		return interval{first: first, last: last, day: s.day, end: s.end}, true
	}
	var out []interval
	switch s.each {
	case eachQuarter:
		for q := range 4 {
			iv, ok := one(y, 3*q+s.m1, s.d1, 3*q+s.m2, s.d2, true)
			if !ok {
				return nil, false
			}
			out = append(out, iv)
		}
	case eachMonth:
		for m := 1; m <= 12; m++ {
			iv, ok := one(y, m, s.d1, m, s.d2, true)
			if !ok {
				return nil, false
			}
			out = append(out, iv)
		}
	default:
		iv, ok := one(y, s.m1, s.d1, s.m2, s.d2, false)
		if !ok {
			return nil, false
		}
		out = append(out, iv)
	}
	return out, true
}

// part narrows s to its beginning ("đầu"), middle ("giữa") or end ("cuối"):
// a year to its first quarter, June-July or its last quarter; a quarter to
// its first, middle or last month; a month to days 1-10, 11-20 or 21-end.
// The end is marked so that "cuối năm 2020" reads as "by 31/12/2020".
func (s span) part(which string) span {
	switch {
	case s.unit == unitYear:
		switch which {
		case "dau":
			s.m1, s.m2 = 1, 3
		case "giua":
			s.m1, s.m2 = 6, 7
		default:
			s.m1, s.m2 = 10, 12
		}
	case s.m2-s.m1 == 2: // a quarter, or a quarter template
		switch which {
		case "dau":
			s.m2 = s.m1
		case "giua":
			s.m1++
			s.m2 = s.m1
		default:
			s.m1 = s.m2
		}
		s.d1, s.d2 = 1, 0
	default: // a month, or a month template
		switch which {
		case "dau":
			s.d1, s.d2 = 1, 10
		case "giua":
			s.d1, s.d2 = 11, 20
		default:
			s.d1, s.d2 = 21, 0
		}
	}
	s.end = which == "cuoi"
	s.unit = unitOther
	return s
}
