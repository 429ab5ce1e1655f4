package importer

import (
	"regexp"
	"strings"
	"unicode"

	"cchc/internal/vn"
)

// heading is a section or group heading read from a row or a paragraph.
type heading struct {
	mark  string // markRoman, markLetter, markNumber or markNone
	seq   string // its number as written ("I", "A", "3")
	title string // the heading without numbering or lead clause
	lead  string // the agencies a "…: X chịu trách nhiệm chủ trì" clause names
	group bool   // a grouping above sections ("NHÓM ...", "PHẦN ...")
}

var (
	appendixPrefix = regexp.MustCompile(`(?i)^\s*(?:phụ\s+lục|phu\s+luc|PHỤ\s+LỤC)\s*(?:số|so|SỐ)?\s*([0-9]{1,2}|[IVXLivxl]{1,5})\b\s*[.:\-–)]?\s*`)
	partPrefix     = regexp.MustCompile(`(?i)^\s*(?:phần|phan|PHẦN)\s+([0-9]{1,2}|[IVXivx]{1,5})\b\s*[.:\-–)]?\s*`)
	leadClause     = regexp.MustCompile(`(?i)\s*(?:(?:là\s+)?cơ\s+quan\s+)?(?:chịu\s+trách\s+nhiệm\s+)?(?:làm\s+)?chủ\s+trì(?:\s+thực\s+hiện)?\s*[.;]?\s*$`)
)

// parseHeading reads a heading such as "Phụ lục số I. CẢI CÁCH THỂ CHẾ: Sở
// Tư pháp chịu trách nhiệm chủ trì.", "II. Cải cách thủ tục hành chính",
// "A. NHÓM TIÊU CHÍ ..." or "CẢI CÁCH TÀI CHÍNH CÔNG".
func parseHeading(text string) heading {
	s := strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))
	var h heading
	if m := appendixPrefix.FindStringSubmatchIndex(s); m != nil {
		h.seq = strings.ToUpper(s[m[2]:m[3]])
		h.mark = markRoman
		if numberPattern.MatchString(h.seq) {
			h.mark = markNumber
		}
		s = s[m[1]:]
	} else if m := partPrefix.FindStringSubmatchIndex(s); m != nil {
		h.seq, h.mark, h.group = strings.ToUpper(s[m[2]:m[3]]), markRoman, true
		s = s[m[1]:]
	} else if kind, seq, rest := leadingMarker(s); kind == markRoman || kind == markLetter || kind == markNumber {
		h.mark, h.seq, s = kind, seq, rest
	}
	// "…: Sở Tư pháp chịu trách nhiệm chủ trì." and "… (Sở Nội vụ chủ trì)".
	if i := strings.LastIndex(s, "("); i > 0 && strings.HasSuffix(strings.TrimRight(s, ". "), ")") {
		inner := strings.TrimRight(s, ". ")
		inner = inner[i+1 : len(inner)-1]
		if leadClause.MatchString(inner) {
			h.lead = strings.TrimSpace(leadClause.ReplaceAllString(inner, ""))
			s = strings.TrimSpace(s[:i])
		}
	}
	if h.lead == "" {
		if i := strings.LastIndex(s, ":"); i > 0 && leadClause.MatchString(s[i+1:]) {
			h.lead = strings.TrimSpace(leadClause.ReplaceAllString(s[i+1:], ""))
			s = s[:i]
		}
	}
	h.title = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".:;"))
	f := vn.Fold(h.title)
	if strings.HasPrefix(f, "nhom ") || strings.HasPrefix(f, "phan ") {
		h.group = true
	}
	return h
}

// upperText reports whether the letters of s are (almost) all upper case,
// as section headings are written.
func upperText(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 4 && upper*10 >= letters*9
}

// areaMatcher maps section headings to areas by their names and keywords.
type areaMatcher struct {
	areas   []Area
	phrases [][]string // folded name and keywords of each area
}

func newAreaMatcher(areas []Area) areaMatcher {
	m := areaMatcher{areas: areas, phrases: make([][]string, len(areas))}
	for i, a := range areas {
		for _, p := range append([]string{a.Name}, a.Keywords...) {
			if f := vn.Fold(p); f != "" {
				m.phrases[i] = append(m.phrases[i], f)
			}
		}
	}
	return m
}

// names reports whether the heading is little more than an area's name or
// keyword: the phrase found covers most of it ("Cải cách tài chính công",
// not "Tập trung hoàn thiện các thể chế trong các lĩnh vực").
func (m areaMatcher) names(title string) bool {
	f := vn.Fold(title)
	for _, ps := range m.phrases {
		for _, p := range ps {
			if has(f, p) && len(p)*10 >= len(f)*6 {
				return true
			}
		}
	}
	return false
}

// match returns the area whose name or keyword appears in the heading,
// preferring the longest phrase (so "thủ tục hành chính" beats "hành
// chính"), and false when none does.
func (m areaMatcher) match(title string) (Area, bool) {
	f := vn.Fold(title)
	if f == "" {
		return Area{}, false
	}
	best, bestLen := -1, 0
	for i, ps := range m.phrases {
		for _, p := range ps {
			if p == f {
				return m.areas[i], true
			}
			if len(p) > bestLen && has(f, p) {
				best, bestLen = i, len(p)
			}
		}
	}
	if best < 0 {
		return Area{}, false
	}
	return m.areas[best], true
}
