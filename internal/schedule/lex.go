package schedule

import (
	"strings"
	"unicode"

	"cchc/internal/vn"
)

type tokKind uint8

const (
	tokWord  tokKind = iota + 1 // letters, folded: "Quý" → "quy"
	tokNum                      // ASCII digits, as written: "05"
	tokPunct                    // one punctuation character; "\n" for a line break
)

// token is one word, number or punctuation mark of a deadline text.
type token struct {
	kind  tokKind
	text  string
	raw   string // a word as written, in lower case: tells "từ" (from) from "tư" (four)
	space bool   // white space (or the start of the text) comes before the token
}

// value returns the number of a tokNum of at most 6 digits, else -1.
func (t token) value() int {
	if t.kind != tokNum || len(t.text) > 6 {
		return -1
	}
	v := 0
	for _, c := range t.text {
		v = v*10 + int(c-'0')
	}
	return v
}

// lex splits s into tokens. Words are folded with vn.Fold, so "Quý", "QUÍ"
// and "quy" all read "quy"/"qui"; a word stops where digits start ("Q1" is
// "q" then 1) so that typing without spaces still parses.
func lex(s string) []token {
	var toks []token
	space := true
	rs := []rune(vn.NFC(s))
	folded := map[string][]string{} // vn.Fold is costly; texts repeat their words
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f':
			toks = append(toks, token{kind: tokPunct, text: "\n", space: space})
			space = true
			i++
		case unicode.IsSpace(r):
			space = true
			i++
		case isLetter(r):
			j := i
			for j < len(rs) && isLetter(rs[j]) {
				j++
			}
			raw := strings.ToLower(string(rs[i:j]))
			words, ok := folded[raw]
			if !ok {
				words = strings.Fields(vn.Fold(raw))
				folded[raw] = words
			}
			for _, w := range words {
				toks = append(toks, token{kind: tokWord, text: w, raw: raw, space: space})
				space = true
			}
			space = false
			i = j
		case r >= '0' && r <= '9':
			j := i
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			toks = append(toks, token{kind: tokNum, text: string(rs[i:j]), space: space})
			space = false
			i = j
		default:
			if p := punct(r); p != "" {
				toks = append(toks, token{kind: tokPunct, text: p, space: space})
				space = false
			} else {
				space = true // symbols that carry no meaning here read as a space
			}
			i++
		}
	}
	return toks
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.M, r) }

// punct maps the many dashes, full-width and typographic forms onto one
// character each; it returns "" for symbols that carry no meaning here.
func punct(r rune) string {
	switch r {
	case '-', '–', '—', '‒', '−', '‐', '‑', '÷', '~', '～':
		return "-"
	case '/', '／':
		return "/"
	case '.', '．', '。':
		return "."
	case ',', '，', '、':
		return ","
	case ';', '；':
		return ";"
	case ':', '：':
		return ":"
	case '(', '[', '{', '（':
		return "("
	case ')', ']', '}', '）':
		return ")"
	case '&', '+':
		return "&"
	case '!', '?':
		return "."
	}
	if unicode.IsPunct(r) || unicode.IsSymbol(r) {
		return ""
	}
	return ""
}

// segmentStart reports whether toks[i] begins a line or a sentence, where a
// list marker ("a)", "2.", "-") may stand.
func segmentStart(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	p := toks[i-1]
	return p.kind == tokPunct && (p.text == "\n" || p.text == ";" || (p.text == "." && toks[i].space) || p.text == ":")
}

// markerLen returns how many tokens a list marker at toks[i] takes: "a)",
// "b.", "2)", "2.", "II." or a bullet "-", "+"; 0 when there is none.
func markerLen(toks []token, i int) (n int, bullet bool) {
	if !segmentStart(toks, i) {
		return 0, false
	}
	t := toks[i]
	if t.kind == tokPunct && (t.text == "-" || t.text == "&") {
		return 1, true
	}
	if i+1 >= len(toks) {
		return 0, false
	}
	next := toks[i+1]
	if next.kind != tokPunct || next.space || (next.text != ")" && next.text != ".") {
		return 0, false
	}
	if next.text == "." && i+2 < len(toks) && !toks[i+2].space {
		return 0, false // "1.800", "30.4.2020"
	}
	switch {
	case t.kind == tokNum && len(t.text) <= 2:
		return 2, false
	case t.kind == tokWord && (len(t.text) == 1 || romanValue(t.text) > 0):
		return 2, false
	}
	return 0, false
}

// labels that open the parts of a cell that are not about time: the product
// ("Kết quả:", "Sản phẩm:"), the agencies, the budget, notes.
var otherLabels = []string{
	"ket qua", "san pham", "co quan", "don vi", "kinh phi", "ghi chu", "noi dung",
	"chu tri", "phoi hop", "thuc hien boi", "can cu", "muc tieu", "chi tieu", "yeu cau",
	"hinh thuc", "ly do", "tai lieu", "du toan", "nguon von",
}

// labels that open the part about time: "Thời hạn hoàn thành:", "Thời gian thực hiện:".
var timeLabels = []string{"thoi han", "thoi gian", "tien do", "han chot", "han hoan thanh", "moc", "thoi diem"}

// keepTime removes list markers and the parts of a multi-part cell that
// belong to another column: from a label such as "Kết quả:" up to the next
// time label ("Thời hạn:") or lettered or numbered item ("c)", "2."); bullets
// ("- ...") stay in the part they follow. Text without labels is kept whole.
func keepTime(toks []token) []token {
	type label struct {
		start int
		time  bool
	}
	labels := map[int]label{} // by index of the label's first word
	for i, t := range toks {
		if t.kind != tokPunct || t.text != ":" {
			continue
		}
		j := i
		for j > 0 && i-j < 8 && toks[j-1].kind == tokWord {
			j--
		}
		if j == i {
			continue
		}
		words := make([]string, 0, i-j)
		for _, w := range toks[j:i] {
			words = append(words, w.text)
		}
		text := " " + strings.Join(words, " ") + " "
		switch {
		case containsAny(text, timeLabels) || text == " han ":
			labels[j] = label{j, true}
		case containsAny(text, otherLabels):
			labels[j] = label{j, false}
		}
	}
	out := make([]token, 0, len(toks))
	drop := false
	for i := 0; i < len(toks); i++ {
		if n, bullet := markerLen(toks, i); n > 0 {
			// a bullet goes on the list of the label before it ("Kết quả:\n- ...");
			// "a)", "2." start a new item
			drop = drop && bullet
			out = append(out, token{kind: tokPunct, text: "\n", space: true})
			i += n - 1
			continue
		}
		if l, ok := labels[i]; ok {
			drop = !l.time
		} else if drop && startsTimeLabel(toks, i) {
			drop = false // "Sản phẩm: Báo cáo; thời hạn quý I/2013"
		}
		if !drop {
			out = append(out, toks[i])
		}
	}
	return out
}

// startsTimeLabel reports whether the words at toks[i] open a time label,
// with or without its colon.
func startsTimeLabel(toks []token, i int) bool {
	if i > 0 && toks[i-1].kind == tokWord {
		return false
	}
	var words []string
	for j := i; j < len(toks) && j < i+2 && toks[j].kind == tokWord; j++ {
		words = append(words, toks[j].text)
	}
	text := " " + strings.Join(words, " ") + " "
	return containsAny(text, []string{"thoi han", "thoi gian", "tien do", "han chot"})
}

func containsAny(text string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(text, " "+p+" ") {
			return true
		}
	}
	return false
}
