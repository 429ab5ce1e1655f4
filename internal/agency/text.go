package agency

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/vn"
)

// cleanCell returns s in NFC with invisible characters removed, each line's
// white space collapsed and empty lines dropped. Line breaks are kept: a cell
// often names one agency per line.
func cleanCell(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			return -1
		case '\r', '\v', '\f', '\u2028', '\u2029', '\u0085':
			return '\n'
		}
		return r
	}, vn.NFC(s))
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.SplitSeq(s, "\n") {
		first := true
		for f := range strings.FieldsSeq(line) {
			switch {
			case first && b.Len() > 0:
				b.WriteByte('\n')
			case !first:
				b.WriteByte(' ')
			}
			b.WriteString(f)
			first = false
		}
	}
	return b.String()
}

// word is a run of letters and digits in a text: its byte span and its
// folded form (vn.Fold of the word: lower case, no diacritics).
type word struct {
	start, end int
	fold       string
}

// scanWords returns the words of s in order. Combining marks continue a
// word, as vn.Fold drops them; a word that folds to nothing is skipped.
func scanWords(s string) []word {
	var ws []word
	start := -1
	flush := func(end int) {
		if f := foldWord(s[start:end]); f != "" {
			ws = append(ws, word{start: start, end: end, fold: f})
		}
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && unicode.Is(unicode.Mn, r):
		default:
			if start >= 0 {
				flush(i)
			}
		}
	}
	if start >= 0 {
		flush(len(s))
	}
	return ws
}

// foldWord folds one word as vn.Fold does, without the spaces vn.Fold could
// leave inside it. Vietnamese letters take a table look-up; anything else
// goes through vn.Fold itself.
func foldWord(w string) string {
	buf := make([]byte, 0, len(w))
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		case foldTable[r] != 0:
			buf = append(buf, foldTable[r])
		default:
			return strings.ReplaceAll(vn.Fold(w), " ", "")
		}
	}
	return string(buf)
}

// foldTable maps each precomposed Latin letter with diacritics (Latin-1,
// Latin Extended-A and -B, Latin Extended Additional: every Vietnamese
// letter) to its folded ASCII letter, computed with vn.Fold so the two agree.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]byte {
	t := map[rune]byte{}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			if f := vn.Fold(string(r)); len(f) == 1 && f[0] < utf8.RuneSelf {
				t[r] = f[0]
			}
		}
	}
	add(0x00C0, 0x024F)
	add(0x1E00, 0x1EFF)
	return t
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// parenSpans returns the outermost balanced parenthesised (or bracketed)
// spans of s[from:to], parentheses included, in order. Unbalanced
// parentheses are ignored.
func parenSpans(s string, from, to int) []span {
	var out []span
	var stack []int
	var closer []byte
	for i := from; i < to; i++ {
		switch c := s[i]; c {
		case '(', '[':
			stack = append(stack, i)
			if c == '(' {
				closer = append(closer, ')')
			} else {
				closer = append(closer, ']')
			}
		case ')', ']':
			if len(stack) == 0 || closer[len(closer)-1] != c {
				continue
			}
			open := stack[len(stack)-1]
			stack, closer = stack[:len(stack)-1], closer[:len(closer)-1]
			if len(stack) == 0 {
				out = append(out, span{open, i + 1})
			}
		}
	}
	return out
}

// inSpans reports whether position i lies inside one of spans.
func inSpans(spans []span, i int) bool {
	for _, sp := range spans {
		if sp.start <= i && i < sp.end {
			return true
		}
	}
	return false
}

// withoutSpans returns s[a:b] without the parts covered by spans, with
// white space collapsed.
func withoutSpans(s string, a, b int, spans []span) string {
	var sb strings.Builder
	i := a
	for _, sp := range spans {
		if sp.end <= a || sp.start >= b {
			continue
		}
		if sp.start > i {
			sb.WriteString(s[i:sp.start])
			sb.WriteByte(' ')
		}
		i = max(i, sp.end)
	}
	if i < b {
		sb.WriteString(s[i:b])
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// trimPunct trims white space and trailing separators (". ; , :") and
// leading separators from s[a:b], returning the new bounds.
func trimPunct(s string, a, b int) (int, int) {
	for a < b && strings.IndexByte(" \n\t;,.:", s[a]) >= 0 {
		a++
	}
	for b > a && strings.IndexByte(" \n\t;,.:", s[b-1]) >= 0 {
		b--
	}
	return a, b
}
