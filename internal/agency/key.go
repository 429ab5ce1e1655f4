package agency

import (
	"strings"

	"cchc/internal/vn"
)

// Key returns the canonical comparison key of an agency name: folded (lower
// case, no diacritics, as vn.Fold), abbreviations written out the same way
// whatever the spelling, the conjunction "và" and all punctuation dropped,
// words separated by one space. Two spellings of one name have one key:
// Key("Sở GD&ĐT") == Key("Sở Giáo dục và Đào tạo") == "so giao duc dao tao";
// Key("VP UBND tỉnh") == Key("Văn phòng Ủy ban nhân dân tỉnh");
// Key("Đài Phát thanh Truyền hình") == Key("Đài Phát thanh và Truyền hình").
// Key("") == "".
func Key(name string) string {
	return joinToks(keyTokens(vn.NFC(name)))
}

// tok is one word of a name's key, with whether it was written with an
// upper-case first letter (a proper name, usually).
type tok struct {
	s     string
	upper bool
}

// keyExpansions are the short forms names keep but keys write out.
var keyExpansions = map[string][]string{
	"ubnd": {"uy", "ban", "nhan", "dan"},
	"hdnd": {"hoi", "dong", "nhan", "dan"},
}

// keyTokens returns the words of Key(s), each with its case as written.
func keyTokens(s string) []tok {
	disp := expandDisplay(s)
	ws := scanWords(disp)
	out := make([]tok, 0, len(ws)+3)
	for _, w := range ws {
		if w.fold == "va" {
			continue
		}
		up := startsUpper(disp[w.start:w.end])
		if exp, ok := keyExpansions[w.fold]; ok {
			for _, e := range exp {
				out = append(out, tok{e, up})
			}
			continue
		}
		out = append(out, tok{w.fold, up})
	}
	return out
}

// joinToks joins the words of toks with spaces.
func joinToks(toks []tok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.s)
	}
	return b.String()
}
