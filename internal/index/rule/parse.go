package rule

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/valid"
	"cchc/internal/vn"
)

// errNotMine is what a scorer's parse returns for text of another type.
var errNotMine = errors.New("rule: text of another type")

// Parse reads a rule written in Vietnamese: what Describe and DescribeFor
// write, the label of a type that needs no settings ("Có/không"), and the
// usual hand-written variants of framework spreadsheets (">90%: 2;
// 70-90%: 1; <70%: 0", "≥ 90%: 2 điểm", "Đạt: 1 điểm; không đạt: 0 điểm",
// "Đúng hạn: 1; chậm: 0,5; không: 0"). Clauses are separated by ";" or
// line breaks. Empty text is a manual rule. The item's maximum is not
// known here: the Spec's Validate(max) is the caller's to run. The error
// is a Vietnamese valid.Problem quoting the text. Parse of a Spec's
// Describe returns that Spec (with defaults left zero).
func Parse(text string) (Spec, error) {
	clean := normalize(text)
	if clean == "" {
		return Spec{Type: TypeManual}, nil
	}
	s, err := parseWith(clean, true)
	if err == nil {
		return s, nil
	}
	msg := fmt.Sprintf("Không đọc được cách chấm điểm “%s”.", quoted(text))
	if m := valid.Message(err); m != "" {
		msg += " " + m
	}
	return Spec{}, valid.Problemf(msg)
}

// parseWith returns the Spec of the first type (in the table's order) that
// reads clean and validates with no maximum known. Otherwise it returns
// the reason the first type that knew the text refused it, or errNotMine.
// Automatic rules are left out unless allowAuto: they do not nest.
func parseWith(clean string, allowAuto bool) (Spec, error) {
	folded := vn.Fold(clean)
	reason := errNotMine
	for _, rt := range ruleTypes {
		if rt.name == TypeAuto && !allowAuto {
			continue
		}
		var s Spec
		var err error
		if folded == vn.Fold(rt.scorer.label()) {
			s = Spec{Type: rt.name}
		} else if s, err = rt.scorer.parse(clean); errors.Is(err, errNotMine) {
			continue
		}
		if err == nil {
			err = rt.scorer.validate(s, anyMax)
		}
		if err == nil {
			return s, nil
		}
		if reason == errNotMine {
			reason = err
		}
	}
	return Spec{}, reason
}

// normalize returns text in NFC with line breaks turned into clause
// separators, runs of spaces collapsed and a final full stop dropped.
func normalize(text string) string {
	text = strings.NewReplacer("\r\n", ";", "\n", ";", "\r", ";").Replace(text)
	text = vn.CleanText(text)
	return strings.TrimSpace(strings.TrimRight(text, ".; "))
}

// quoted returns text trimmed, on one line and cut to 80 characters for
// an error message.
func quoted(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= 80 {
		return text
	}
	return string([]rune(text)[:79]) + "…"
}

// problem returns a Vietnamese reason for Parse.
func problem(format string, args ...any) error {
	return valid.Problemf(fmt.Sprintf(format, args...))
}

// clauses splits text into its clauses: at ";" (line breaks are ";" by
// now), or, when there is none, at a comma followed by a space (a decimal
// comma has none: "0,5").
func clauses(text string) []string {
	parts := strings.Split(text, ";")
	if len(parts) == 1 {
		parts = strings.Split(text, ", ")
	}
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = strings.TrimSpace(strings.TrimRight(p, ". ")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// labelValue splits a clause "label: value" at its last colon (or arrow).
func labelValue(clause string) (label, value string, ok bool) {
	for _, sep := range []string{":", "→"} {
		if i := strings.LastIndex(clause, sep); i >= 0 {
			return strings.TrimSpace(clause[:i]), strings.TrimSpace(clause[i+len(sep):]), true
		}
	}
	return "", "", false
}

// amount is the value of a clause: a number of points, a percentage of
// the maximum, or the maximum itself.
type amount struct {
	isMax   bool   // "điểm tối đa", "100% điểm tối đa"
	isPct   bool   // "50% điểm tối đa", "50%": pct
	pct     int64  // hundredths of a percent
	points  Points // otherwise
	allZero bool   // 0 points or 0%
}

// readAmount reads "2", "2 điểm", "1,5đ", "điểm tối đa", "50% điểm tối
// đa", "50%", "một nửa điểm tối đa".
func readAmount(v string) (amount, error) {
	s := strings.ToLower(strings.TrimSpace(v))
	for _, w := range []string{"được", "đạt", "cho", "bằng"} {
		s = strings.TrimSpace(trimWord(s, w))
	}
	f := vn.Fold(s)
	switch f {
	case "diem toi da", "toi da", "du diem", "toan bo diem":
		return amount{isMax: true}, nil
	case "mot nua diem toi da", "nua diem toi da", "mot nua so diem", "nua so diem":
		return amount{isPct: true, pct: 5000}, nil
	}
	if u, rest, ok := readPercent(s); ok && strings.HasPrefix(rest, "%") {
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "%"))
		switch vn.Fold(rest) {
		case "", "diem toi da", "so diem", "toi da", "so diem toi da":
		default:
			return amount{}, problem("Không hiểu “%s”.", v)
		}
		if u == 10000 {
			return amount{isMax: true}, nil
		}
		return amount{isPct: true, pct: u, allZero: u == 0}, nil
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "điểm"))
	s = strings.TrimSpace(strings.TrimSuffix(s, "đ"))
	p, err := ParsePoints(s)
	if err != nil || p < 0 || p > maxAllowed {
		return amount{}, problem("Số điểm “%s” không hợp lệ.", v)
	}
	return amount{points: p, allZero: p == 0}, nil
}

// trimWord removes word from the start of s when it stands alone there.
func trimWord(s, word string) string {
	if rest, ok := strings.CutPrefix(s, word); ok && (rest == "" || rest[0] == ' ') {
		return rest
	}
	return s
}

// readPercent reads a number at the start of s as a percentage in
// hundredths of a percent ("90" → 9000, "12,5" → 1250) and returns the
// rest of s, its "%" included. It refuses more than two decimals.
func readPercent(s string) (units int64, rest string, ok bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 9 {
		return 0, s, false
	}
	whole, _ := strconv.ParseInt(s[:i], 10, 64)
	units = whole * 100
	if i+1 < len(s) && (s[i] == ',' || s[i] == '.') && s[i+1] >= '0' && s[i+1] <= '9' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		frac := s[i+1 : j]
		if len(frac) > 2 {
			return 0, s, false
		}
		f, _ := strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			f *= 10
		}
		units += f
		i = j
	}
	if i < len(s) && startsWithLetter(s[i:]) {
		return 0, s, false
	}
	return units, strings.TrimLeft(s[i:], " "), true
}

// startsWithLetter reports whether s begins with a letter.
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// endsWithLetter reports whether s ends with a letter.
func endsWithLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}
