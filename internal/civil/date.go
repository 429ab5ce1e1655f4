// Package civil provides Date, a calendar day without time or zone, the type
// of every "active from", "due" and "issued on" in cchc. It stores as
// 'YYYY-MM-DD' text on SQLite and as DATE on PostgreSQL.
package civil

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day. The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Of returns the calendar day of t in t's location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today returns the current day in loc.
func Today(loc *time.Location) Date { return Of(time.Now().In(loc)) }

// New returns the Date for y-m-d, normalising overflow like time.Date.
func New(y int, m time.Month, d int) Date { return Of(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) }

// Parse reads "YYYY-MM-DD". It rejects impossible days such as 2025-02-30.
func Parse(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return Date{}, fmt.Errorf("civil: parse %q: %w", s, err)
	}
	return Of(t), nil
}

// ParseVN reads the user-facing form "dd/mm/yyyy" (also d/m/yyyy), or
// "YYYY-MM-DD" as an HTML date input sends it.
func ParseVN(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "-") {
		return Parse(s)
	}
	t, err := time.Parse("2/1/2006", s)
	if err != nil {
		return Date{}, fmt.Errorf("civil: parse %q: %w", s, err)
	}
	return Of(t), nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return Of(d.Time().AddDate(0, 0, n)) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Time().After(e.Time()) }

// String returns "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// VN returns "dd/mm/yyyy", or "" for the zero Date.
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// Value stores d as 'YYYY-MM-DD', or NULL for the zero Date.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a DATE (time.Time) or 'YYYY-MM-DD' text; NULL gives the zero Date.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = Of(v)
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return fmt.Errorf("civil: cannot scan %T into Date", src)
}

func (d *Date) scanText(s string) error {
	if s == "" {
		*d = Date{}
		return nil
	}
	if len(s) > 10 {
		s = s[:10]
	}
	p, err := Parse(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// MarshalJSON writes "YYYY-MM-DD", or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	p, err := Parse(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}
