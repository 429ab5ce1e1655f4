package vn

import (
	"strconv"
	"strings"
	"time"
)

// DateLayout is the date format users read and type: dd/mm/yyyy.
const DateLayout = "02/01/2006"

// FormatDate returns t as dd/mm/yyyy, or "" for the zero time.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// FormatDateTime returns t as "dd/mm/yyyy hh:mm" in loc.
func FormatDateTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	if loc != nil {
		t = t.In(loc)
	}
	return t.Format("02/01/2006 15:04")
}

// FormatInt returns n with dots between thousands: 1250000 -> "1.250.000".
func FormatInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := false
	if n < 0 {
		neg = true
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// FormatVND returns an amount of đồng as "1.250.000 đ".
func FormatVND(n int64) string { return FormatInt(n) + " đ" }

// Location is Vietnam's time zone (UTC+7, no daylight saving). It falls back
// to a fixed zone when the system has no time zone database.
func Location() *time.Location {
	if loc, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*3600)
}

// FormatPercent returns a percentage the Vietnamese way, with a decimal
// comma and at most one decimal: 46.66 -> "46,7%", 50 -> "50%".
func FormatPercent(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1) + "%"
}
