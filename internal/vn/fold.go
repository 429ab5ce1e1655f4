// Package vn holds the Vietnamese-language rules the product applies everywhere:
// accent-insensitive folding for search, collation for sorting, and the
// display formats of dates and money.
package vn

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form used for accent-insensitive matching: lower case,
// diacritics removed (đ becomes d), punctuation turned into spaces and runs of
// spaces collapsed. Fold("Sở Nội vụ") == Fold("so noi vu") == "so noi vu".
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	var b strings.Builder
	b.Grow(len(out))
	space := true // suppress leading spaces
	for _, r := range out {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// NFC returns s in Unicode normalisation form C. Text typed on Windows with
// some Vietnamese keyboards arrives decomposed; everything is stored in NFC.
func NFC(s string) string { return norm.NFC.String(s) }

// CleanText returns s in NFC with surrounding space trimmed and inner runs of
// white space collapsed into one space.
func CleanText(s string) string {
	return strings.Join(strings.Fields(NFC(s)), " ")
}
