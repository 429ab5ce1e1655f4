package rule

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Points is a score in hundredths of a point: 125 is 1,25 điểm. Sums and
// comparisons of Points are exact, which matters when a province asks that
// self-scores equal appraised scores.
type Points int64

// FromFloat returns f points rounded to the nearest hundredth.
func FromFloat(f float64) Points { return Points(math.Round(f * 100)) }

// Float returns p as a number of points.
func (p Points) Float() float64 { return float64(p) / 100 }

// String writes p the Vietnamese way, with a decimal comma and no trailing
// zeros: "2", "1,5", "0,25", "-1".
func (p Points) String() string {
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	whole, frac := int64(p)/100, int64(p)%100
	s := sign + strconv.FormatInt(whole, 10)
	switch {
	case frac == 0:
		return s
	case frac%10 == 0:
		return s + "," + strconv.FormatInt(frac/10, 10)
	case frac < 10:
		return s + ",0" + strconv.FormatInt(frac, 10)
	default:
		return s + "," + strconv.FormatInt(frac, 10)
	}
}

// ErrPoints is returned by ParsePoints for text that is not a number of
// points with at most two decimals.
var ErrPoints = errors.New("rule: not a number of points")

// ParsePoints reads "2", "1,5", "1.25", "0,25 điểm" (the word "điểm" and
// spaces are ignored; comma or dot as the decimal mark). It refuses more
// than two decimals.
func ParsePoints(s string) (Points, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "điểm"))
	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ",", ".")
	if s == "" {
		return 0, ErrPoints
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if len(frac) > 2 || strings.ContainsAny(whole+frac, "+-") {
		return 0, ErrPoints
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > math.MaxInt64/100-1 {
		return 0, ErrPoints
	}
	f := int64(0)
	if frac != "" {
		if f, err = strconv.ParseInt(frac, 10, 64); err != nil {
			return 0, ErrPoints
		}
		if len(frac) == 1 {
			f *= 10
		}
	}
	p := Points(w*100 + f)
	if neg {
		p = -p
	}
	return p, nil
}
