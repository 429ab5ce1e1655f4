package schedule

import "strings"

// The plan year and every year a text names must lie in this range; a
// four-digit number outside it is not read as a year.
const (
	minYear = 1900
	maxYear = 2199
)

// parser walks the tokens of one text. Its methods that read a construction
// at token k return what they read and how many tokens it took (0: not there).
type parser struct {
	toks []token
	pos  int

	groups   []group
	anchored []anchored
	recurs   []string
	event    bool // the deadline hangs on an outside event
	noDate   bool // "Theo quy định": no date, on purpose
	bad      bool // a date-like phrase holds an impossible value

	pending prefix // the preposition waiting for its period
	idle    int    // words read since pending was set

	// accented: the text is typed with diacritics, so "sau" is "after" and
	// only "sáu" is six; without them, "sau" may be either.
	accented bool
}

func newParser(toks []token) *parser {
	p := &parser{toks: toks}
	for _, t := range toks {
		if t.kind == tokWord && t.raw != t.text {
			p.accented = true
			break
		}
	}
	return p
}

// is reports whether the word at k is w and, in a text typed with
// diacritics, is written as one of forms: p.is(k, "tu", "tư") is the number
// four, never "từ".
func (p *parser) is(k int, w string, forms ...string) bool {
	t := p.tok(k)
	if t.kind != tokWord || t.text != w {
		return false
	}
	if !p.accented || len(forms) == 0 {
		return true
	}
	for _, f := range forms {
		if t.raw == f {
			return true
		}
	}
	return false
}

func (p *parser) tok(k int) token {
	if k < 0 || k >= len(p.toks) {
		return token{}
	}
	return p.toks[k]
}

// word returns the folded word at k, or "" when k holds no word.
func (p *parser) word(k int) string {
	if t := p.tok(k); t.kind == tokWord {
		return t.text
	}
	return ""
}

func (p *parser) isPunct(k int, s string) bool {
	t := p.tok(k)
	return t.kind == tokPunct && t.text == s
}

// glued reports whether token k exists and follows token k-1 with no space.
func (p *parser) glued(k int) bool {
	t := p.tok(k)
	return t.kind != 0 && !t.space
}

// seq returns the number of words of phrase when they stand at k, else 0.
func (p *parser) seq(k int, phrase string) int {
	n := 0
	for phrase != "" {
		w, rest, _ := strings.Cut(phrase, " ")
		if p.word(k+n) != w {
			return 0
		}
		n++
		phrase = rest
	}
	return n
}

// anyseq returns the length of the first of phrases standing at k.
func (p *parser) anyseq(k int, phrases ...string) int {
	for _, ph := range phrases {
		if n := p.seq(k, ph); n > 0 {
			return n
		}
	}
	return 0
}

// digitWord is a word for a digit, with its forms written with diacritics.
type digitWord struct {
	value int
	forms []string
}

// digitWords: the words for 1-9 when they stand alone. "năm" is five only
// where a number is expected ("tháng năm"); "tư" is four ("tháng tư").
var digitWords = map[string]digitWord{
	"mot": {1, []string{"một"}}, "hai": {2, []string{"hai"}}, "ba": {3, []string{"ba"}},
	"bon": {4, []string{"bốn"}}, "tu": {4, []string{"tư"}}, "nam": {5, []string{"năm"}},
	"sau": {6, []string{"sáu"}}, "bay": {7, []string{"bảy", "bẩy"}}, "tam": {8, []string{"tám"}},
	"chin": {9, []string{"chín"}},
}

// tailDigitWords: after "mười"/"mươi" five is "lăm" (or "nhăm") and one may be "mốt".
var tailDigitWords = map[string]digitWord{
	"mot": {1, []string{"một", "mốt"}}, "hai": {2, []string{"hai"}}, "ba": {3, []string{"ba"}},
	"bon": {4, []string{"bốn"}}, "tu": {4, []string{"tư"}}, "lam": {5, []string{"lăm"}},
	"nham": {5, []string{"nhăm"}}, "sau": {6, []string{"sáu"}}, "bay": {7, []string{"bảy", "bẩy"}},
	"tam": {8, []string{"tám"}}, "chin": {9, []string{"chín"}},
}

// digitAt returns the value of the digit word at k in table, or 0.
func (p *parser) digitAt(k int, table map[string]digitWord) int {
	d, ok := table[p.word(k)]
	if !ok || !p.is(k, p.word(k), d.forms...) {
		return 0
	}
	return d.value
}

// numberWord reads a number from 1 to 99 written in words at k: "sáu",
// "mười", "mười hai", "hai mươi lăm", "ba mươi mốt".
func (p *parser) numberWord(k int) (int, int) {
	tens := func(k int) bool { return p.is(k, "muoi", "mười", "mươi") }
	if tens(k) {
		if d := p.digitAt(k+1, tailDigitWords); d > 0 {
			return 10 + d, 2
		}
		return 10, 1
	}
	d := p.digitAt(k, digitWords)
	if d == 0 {
		return 0, 0
	}
	if !tens(k + 1) {
		return d, 1
	}
	if d == 1 {
		return 0, 0 // "một mươi" is not said
	}
	n := 2
	if p.word(k+2) == "linh" || p.word(k+2) == "le" {
		n++
	}
	if e := p.digitAt(k+n, tailDigitWords); e > 0 {
		return d*10 + e, n + 1
	}
	return d * 10, 2
}

// romanValue returns 1-10 for the roman numerals i-x, else 0.
func romanValue(w string) int {
	switch w {
	case "i":
		return 1
	case "ii":
		return 2
	case "iii":
		return 3
	case "iv":
		return 4
	case "v":
		return 5
	case "vi":
		return 6
	case "vii":
		return 7
	case "viii":
		return 8
	case "ix":
		return 9
	case "x":
		return 10
	}
	return 0
}
