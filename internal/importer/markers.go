package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of numbering a row or heading carries.
const (
	markNone   = ""
	markRoman  = "roman"  // I, II, IV: sections
	markLetter = "letter" // A, B, Đ: groups of sections (or sections)
	markNumber = "number" // 1, 2.3: tasks
	markSub    = "sub"    // a), b), đ): sub-tasks
	markBullet = "bullet" // -, +, •: sub-tasks
)

var (
	romanPattern  = regexp.MustCompile(`^(?:X{0,3})(?:IX|IV|V?I{0,3})$`)
	numberPattern = regexp.MustCompile(`^\d{1,3}(?:\.\d{1,3})*$`)
)

// classifySeq reads an STT cell ("1", "1.2.", "II", "A", "a)", "-") and
// returns the kind of numbering and the number as written without its
// trailing punctuation.
func classifySeq(s string) (kind, seq string) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "(")
	t := strings.TrimRight(s, ".):")
	switch {
	case t == "" && s != "" && strings.ContainsAny(s, "-+•–*"):
		return markBullet, "-"
	case t == "":
		return markNone, ""
	case t == "-" || t == "+" || t == "•" || t == "–" || t == "*":
		return markBullet, "-"
	case numberPattern.MatchString(t):
		return markNumber, t
	case romanPattern.MatchString(t):
		return markRoman, t
	}
	if r, n := utf8.DecodeRuneInString(t); n == len(t) && unicode.IsLetter(r) {
		if unicode.IsUpper(r) {
			return markLetter, t
		}
		return markSub, t
	}
	return markNone, ""
}

// seqLike reports whether s looks like an STT cell.
func seqLike(s string) bool {
	k, _ := classifySeq(s)
	return k != markNone
}

// leadingMarker reads the numbering at the start of a text ("1. Rà soát",
// "a) Quy định", "- Kế hoạch", "II. CẢI CÁCH", "1……") and returns its kind,
// the number as written and the rest of the text. A number must be followed
// by ".", ")", a space, an ellipsis or nothing, so "100% thủ tục" and
// "2015: ..." are not numbered.
func leadingMarker(text string) (kind, seq, rest string) {
	s := strings.TrimSpace(text)
	if s == "" {
		return markNone, "", ""
	}
	switch s[0] {
	case '-', '+', '*':
		if len(s) == 1 || s[1] == ' ' {
			return markBullet, "-", strings.TrimSpace(s[1:])
		}
	}
	if r, n := utf8.DecodeRuneInString(s); r == '•' || r == '–' {
		return markBullet, "-", strings.TrimSpace(s[n:])
	}
	open := strings.HasPrefix(s, "(")
	body := strings.TrimPrefix(s, "(")
	end := 0
	for end < len(body) {
		r, n := utf8.DecodeRuneInString(body[end:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && end > 0 && end+1 < len(body) && isDigit(body[end+1]) && isDigit(body[end-1])) {
			break
		}
		end += n
	}
	if end == 0 || end > 12 {
		return markNone, "", s
	}
	word, after := body[:end], body[end:]
	kind, seq = classifySeq(word)
	if kind == markNone {
		return markNone, "", s
	}
	switch {
	case strings.HasPrefix(after, ")"), strings.HasPrefix(after, "."):
		after = after[1:]
		if kind == markNumber && strings.HasPrefix(after, ")") {
			after = after[1:]
		}
	case open:
		return markNone, "", s
	case after == "":
	case strings.HasPrefix(after, " ") || strings.HasPrefix(after, "…") || strings.HasPrefix(after, "\u00a0"):
		if kind != markNumber && kind != markRoman {
			return markNone, "", s // "A Lưới" or "a hoạt động": words, not markers
		}
	default:
		return markNone, "", s
	}
	if kind == markLetter && !strings.HasPrefix(strings.TrimLeft(body[end:], " "), ".") && !strings.HasPrefix(body[end:], ")") {
		return markNone, "", s
	}
	if kind == markRoman && len(word) == 1 && (word == "I" || word == "V" || word == "X") && !strings.HasPrefix(body[end:], ".") && !strings.HasPrefix(body[end:], ")") && after != "" {
		return markNone, "", s // "I " alone could be a word; insist on "I."
	}
	return kind, seq, strings.TrimSpace(after)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// placeholder reports whether s is only a template's dots, line by line
// optionally numbered ("……...", "1...........\n\n2……..."): a cell left
// to fill in.
func placeholder(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	dots := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimLeft(strings.TrimSpace(line), "0123456789")
		for _, r := range line {
			switch r {
			case '.', '…', '_':
				dots++
			case ' ', ')':
			default:
				return false
			}
		}
	}
	return dots >= 3
}
