package rule

import (
	"math"
	"strconv"
	"strings"
)

// Wording shared by the types' describe and parse: what Describe writes
// for the maximum when it is not known.
const maxWords = "điểm tối đa"

// pointsText writes p as "2 điểm".
func pointsText(p Points) string { return p.String() + " điểm" }

// maxText writes max as "2 điểm", or "điểm tối đa" when it is anyMax.
func maxText(max Points) string {
	if max == anyMax {
		return maxWords
	}
	return pointsText(max)
}

// percentOf returns pct percent of max, rounded half up to the hundredth.
func percentOf(max Points, pct int) Points {
	return (max*Points(pct) + 50) / 100
}

// timesRatio returns max × ratio (0..1) rounded half up to the hundredth.
// The small allowance keeps a ratio such as 0.145 (14.5%, stored as
// 0.14499999999999999) rounding up as written.
func timesRatio(max Points, ratio float64) Points {
	return Points(math.Floor(float64(max)*ratio + 0.5 + 1e-9))
}

// boundUnits returns a tier bound in hundredths of a percent (0.9 → 9000).
func boundUnits(b float64) int64 { return int64(math.Round(b * 10000)) }

// exactBound reports whether b is a whole number of hundredths of a
// percent, so Describe writes it exactly.
func exactBound(b float64) bool {
	return math.Abs(b*10000-math.Round(b*10000)) < 1e-6
}

// boundText writes a tier bound as a percentage with at most two decimals:
// 0.9 → "90%", 0.125 → "12,5%".
func boundText(b float64) string {
	u := boundUnits(b)
	sign := ""
	if u < 0 {
		sign, u = "-", -u
	}
	s := sign + strconv.FormatInt(u/100, 10)
	if f := u % 100; f != 0 {
		s += "," + strings.TrimRight(strconv.FormatInt(100+f, 10)[1:], "0")
	}
	return s + "%"
}

// ratioText writes a ratio as a percentage for an explanation: two
// decimals at most ("93,5%"), more when two would make a ratio look equal
// to one of the bounds it is not equal to (0.8999999 next to a 90% bound
// is "89,99999%", not "90%").
func ratioText(r float64, bounds []float64) string {
	digits := 2
	for ; digits < 10; digits++ {
		s := decimalText(r*100, digits)
		clash := false
		for _, b := range bounds {
			if b != r && decimalText(b*100, digits) == s {
				clash = true
				break
			}
		}
		if !clash {
			break
		}
	}
	return decimalText(r*100, digits) + "%"
}

// decimalText writes v with at most digits decimals, a decimal comma and
// no trailing zeros.
func decimalText(v float64, digits int) string {
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return strings.Replace(s, ".", ",", 1)
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
