package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kinds of labelled segment inside a cell.
const (
	segLeadIn  = ""        // text before the first label
	segTime    = "time"    // "Thời hạn hoàn thành:", "Thời gian thực hiện:"
	segProduct = "product" // "Kết quả:", "Sản phẩm:"
	segNotes   = "notes"   // "Ghi chú:"
)

// cellLabels are the labels that open a segment, folded, longest first
// within a kind so "thoi han hoan thanh" wins over "thoi han".
var cellLabels = []struct{ phrase, kind string }{
	{"thoi han hoan thanh", segTime},
	{"thoi gian hoan thanh", segTime},
	{"thoi gian thuc hien", segTime},
	{"thoi gian bat dau", segTime},
	{"tien do thuc hien", segTime},
	{"tien do hoan thanh", segTime},
	{"han hoan thanh", segTime},
	{"thoi han", segTime},
	{"thoi gian", segTime},
	{"tien do", segTime},
	{"ket qua thuc hien", segProduct},
	{"ket qua dat duoc", segProduct},
	{"ket qua", segProduct},
	{"san pham", segProduct},
	{"ghi chu", segNotes},
}

// segment is a labelled part of a cell.
type segment struct {
	kind string
	text string
}

// foldedRunes returns s (in NFC) as runes and, position by position, the
// rune folded for matching: lower case, no accents, đ as d, anything other
// than a letter or digit as a space.
func foldedRunes(s string) ([]rune, []rune) {
	rs := []rune(norm.NFC.String(s))
	f := make([]rune, len(rs))
	for i, r := range rs {
		f[i] = foldRune(r)
	}
	return rs, f
}

func foldRune(r rune) rune {
	switch {
	case r == 'đ' || r == 'Đ':
		return 'd'
	case r < utf8.RuneSelf:
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	case unicode.IsLetter(r):
		d := norm.NFD.String(string(r))
		base, _ := utf8.DecodeRuneInString(d)
		return unicode.ToLower(base)
	case unicode.IsDigit(r):
		return r
	}
	return ' '
}

// splitLabels cuts text at the labels of cellLabels that are followed by a
// colon ("a) Thời hạn hoàn thành: Trước tháng 6 năm 2013. b) Kết quả:
// Quyết định ..."), returning the segments in order; list markers in front
// of a label ("a)", "b", "-") are dropped. Text with no label is one
// lead-in segment.
func splitLabels(text string) []segment {
	rs, f := foldedRunes(text)
	type hit struct {
		start, end int
		kind       string
	}
	var hits []hit
	for i := 0; i < len(f); i++ {
		if f[i] == ' ' || (i > 0 && f[i-1] != ' ') {
			continue // labels start a word
		}
		for _, l := range cellLabels {
			n := len([]rune(l.phrase))
			if i+n > len(f) || string(f[i:i+n]) != l.phrase {
				continue
			}
			j := i + n
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u00a0' || rs[j] == '\t') {
				j++
			}
			if j < len(rs) && rs[j] == ':' {
				hits = append(hits, hit{start: i, end: j + 1, kind: l.kind})
				i = j
			}
			break
		}
	}
	if len(hits) == 0 {
		return []segment{{segLeadIn, strings.TrimSpace(text)}}
	}
	var out []segment
	add := func(kind string, from, to int) {
		if t := strings.TrimSpace(string(rs[from:to])); t != "" || kind != segLeadIn {
			out = append(out, segment{kind, t})
		}
	}
	add(segLeadIn, 0, markerStart(rs, hits[0].start))
	for k, h := range hits {
		to := len(rs)
		if k+1 < len(hits) {
			to = markerStart(rs, hits[k+1].start)
		}
		add(h.kind, h.end, max(to, h.end))
	}
	return out
}

// markerStart returns where the list marker in front of position i begins
// ("a) ", "b ", "- ", "2. "), or i when there is none.
func markerStart(rs []rune, i int) int {
	j := i
	for j > 0 && unicode.IsSpace(rs[j-1]) {
		j--
	}
	k := j
	switch {
	case k > 0 && (rs[k-1] == '-' || rs[k-1] == '+' || rs[k-1] == '•' || rs[k-1] == '–'):
		k--
	case k > 0 && (rs[k-1] == ')' || rs[k-1] == '.'):
		m := k - 1
		for m > 0 && (unicode.IsLetter(rs[m-1]) || unicode.IsDigit(rs[m-1])) && k-1-m < 3 {
			m--
		}
		if m < k-1 && (m == 0 || !unicode.IsLetter(rs[m-1]) && !unicode.IsDigit(rs[m-1])) {
			k = m
			if k > 0 && rs[k-1] == '(' {
				k--
			}
		}
	case k > 0 && unicode.IsLetter(rs[k-1]) && (k == 1 || !unicode.IsLetter(rs[k-2]) && !unicode.IsDigit(rs[k-2])):
		k-- // "b Kết quả:" — a marker that lost its bracket
	}
	if k == j {
		return i
	}
	return k
}

// trimDeadline drops the punctuation a deadline sentence ends with.
func trimDeadline(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ".;, ")
}
