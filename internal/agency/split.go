package agency

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Separators recorded before a fragment.
const (
	sepNone      = 0
	sepSemicolon = ';'
	sepComma     = ','
	sepColon     = ':'
	sepLine      = '\n'
	sepAnd       = 'v' // the word "và" between two agencies
	sepDash      = '-' // a dash or slash between two agencies
)

// fragment is a piece of a cell between two separators: its span (trimmed,
// without a list marker), the separator before it, and its words outside
// parentheses.
type fragment struct {
	start, end int
	sep        byte
	words      []word
}

// splitFragments cuts s[from:to] at ";", ",", ":", line breaks, sentence
// stops, and at a "và", dash or slash that starts another agency ("Sở Nội
// vụ và các Sở: ...", "UBND tỉnh - Sở Nội vụ"), never inside parentheses. A
// parenthesised remark standing alone is joined to the fragment before it.
func splitFragments(s string, from, to int, parens []span) []fragment {
	var out []fragment
	sep := byte(sepNone)
	segStart := from
	pi := 0
	for i := from; i < to; i++ {
		for pi < len(parens) && parens[pi].end <= i {
			pi++
		}
		if pi < len(parens) && parens[pi].start <= i {
			i = parens[pi].end - 1
			continue
		}
		cut := byte(0)
		switch c := s[i]; c {
		case ';', ',', ':', '\n':
			cut = c
		case '.':
			if sentenceStop(s, segStart, i, to) {
				cut = sepSemicolon
			}
		}
		if cut == 0 {
			continue
		}
		out = appendFragments(out, s, segStart, i, sep, parens)
		sep, segStart = cut, i+1
	}
	return appendFragments(out, s, segStart, to, sep, parens)
}

// sentenceStop reports whether the "." at s[i] ends a sentence: it is
// followed by a space or the end, and does not close an abbreviation ("TP.
// Sóc Trăng") or a list number ("1.").
func sentenceStop(s string, segStart, i, to int) bool {
	if i+1 < to && s[i+1] != ' ' && s[i+1] != '\n' {
		return false
	}
	j := i
	for j > segStart {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j -= n
	}
	w := s[j:i]
	if w == "" {
		return true
	}
	if strings.TrimSpace(s[segStart:j]) == "" && isMarkerWord(w) {
		return false
	}
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return !(utf8.RuneCountInString(w) <= 3 && upper > 0)
}

// isMarkerWord reports whether w numbers a list item: "1", "a", "IV".
func isMarkerWord(w string) bool {
	if w == "" {
		return false
	}
	if len(w) <= 2 && strings.Trim(w, "0123456789") == "" {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	return strings.Trim(strings.ToLower(w), "ivx") == ""
}

// appendFragments appends the fragment s[a:b], cut further at each "và"
// that starts another agency.
func appendFragments(out []fragment, s string, a, b int, sep byte, parens []span) []fragment {
	a, b = trimPunct(s, a, b)
	a = skipMarker(s, a, b)
	a, b = trimPunct(s, a, b)
	if a >= b {
		return out
	}
	ws := wordsOutside(s, a, b, parens)
	if len(ws) == 0 {
		// A remark alone, "(theo phê duyệt ...)": part of the agency before.
		if len(out) > 0 {
			out[len(out)-1].end = b
		}
		return out
	}
	start, first := a, 0 // the current fragment's start and first word
	for k := 1; k < len(ws); k++ {
		switch {
		case ws[k].fold == "va" && k > first && k < len(ws)-1 && andStartsAgency(s, ws[first:k], ws[k+1:]):
			l0, l1 := trimPunct(s, start, ws[k].start)
			out = append(out, fragment{start: l0, end: l1, sep: sep, words: ws[first:k]})
			start, first, sep = ws[k+1].start, k+1, sepAnd
		case k > first && isDash(s[ws[k-1].end:ws[k].start]) && andStartsAgency(s, ws[first:k], ws[k:]):
			l0, l1 := trimPunct(s, start, ws[k-1].end)
			out = append(out, fragment{start: l0, end: l1, sep: sep, words: ws[first:k]})
			start, first, sep = ws[k].start, k, sepDash
		}
	}
	a, b = trimPunct(s, start, b)
	return append(out, fragment{start: a, end: b, sep: sep, words: ws[first:]})
}

// isDash reports whether the text between two words is a dash or a slash,
// which may separate two agencies ("UBND tỉnh - Sở Nội vụ") as well as
// join the parts of one name ("Sở Lao động - Thương binh và Xã hội").
func isDash(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "-", "–", "—", "/":
		return true
	}
	return false
}

// wordsIn returns the words of ws inside [a, b).
func wordsIn(ws []word, a, b int) []word {
	var out []word
	for _, w := range ws {
		if w.start >= a && w.end <= b {
			out = append(out, w)
		}
	}
	return out
}

// wordsOutside returns the words of s[a:b] outside parens, with positions
// in s.
func wordsOutside(s string, a, b int, parens []span) []word {
	var out []word
	for _, w := range scanWords(s[a:b]) {
		w.start += a
		w.end += a
		if !inSpans(parens, w.start) {
			out = append(out, w)
		}
	}
	return out
}

// andStartsAgency reports whether a "và" between left and right separates
// two agencies: right starts one ("và các cơ quan liên quan", "và UBND cấp
// huyện"), and the "và" is not inside a known name ("Văn phòng HĐND và UBND
// tỉnh").
func andStartsAgency(s string, left, right []word) bool {
	if len(left) == 0 || len(right) == 0 {
		return false
	}
	// A name's head and the words around a "và" are a few words long.
	left, right = left[max(0, len(left)-maxAbbrevWords):], right[:min(len(right), maxAbbrevWords)]
	rt := keyTokens(s[right[0].start:right[len(right)-1].end])
	if !isStart(rt) {
		return false
	}
	lt := keyTokens(s[left[0].start:left[len(left)-1].end])
	if len(lt) == 0 || len(rt) == 0 {
		return false
	}
	return !lexicon.joinedByVa(lt[len(lt)-1].s, rt[0].s)
}

// skipMarker returns the position after a list marker at s[a:b]: "-", "+",
// "•", "a)", "1.", "1)", "(a)", "IV.".
func skipMarker(s string, a, b int) int {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		switch r {
		case '-', '+', '•', '*', '–', '—', '·', '>', '○', '▪', '●':
			a += n
			continue
		case ' ':
			a += n
			continue
		}
		break
	}
	t := s[a:b]
	open := strings.HasPrefix(t, "(")
	if open {
		t = t[1:]
	}
	end := strings.IndexAny(t, ").")
	if end <= 0 || end > 4 {
		return a
	}
	if !isMarkerWord(t[:end]) {
		return a
	}
	rest := t[end+1:]
	if rest != "" && rest[0] != ' ' {
		return a
	}
	if open {
		end++
	}
	return a + end + 1
}

// isStart reports whether key words start the name of an agency, a group
// or a list ("các ..."), rather than continue the words before them.
func isStart(toks []tok) bool {
	for len(toks) > 0 && (toks[0].s == "va" || toks[0].s == "cung") {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return false
	}
	if prefixLen(toks, quantifiers) > 0 {
		return true
	}
	if prefixLen(toks, heads) > 0 {
		return true
	}
	_, ok := lexicon.exact(joinToks(toks))
	return ok
}
