package doctable

import (
	"strconv"
	"strings"
)

// Word's automatic numbering: numbering.xml defines abstract lists (a format
// per level) and numbering instances (w:num) pointing at them; a paragraph
// names an instance and a level directly (w:numPr) or through its style.
// Counters run per instance (numId) over the whole document, tables included;
// a level advancing restarts every deeper level.

const (
	maxLevels      = 9   // levels 0-8, as in Word
	maxLevelText   = 64  // bytes of a lvlText worth rendering
	maxStyleChain  = 16  // basedOn and numStyleLink hops followed
	maxLetterValue = 780 // Word's last letter number (zz...z, 30 letters)
)

// level is one level's format.
type level struct {
	start  int
	format string // numFmt: decimal, lowerLetter, bullet, ...
	text   string // lvlText: "%1.", "%1)", "(%1)", "%1.%2."
	pStyle string // the paragraph style bound to this level, if any
	sep    string // what follows the number: " " or "" (w:suff nothing)
	legal  bool   // isLgl: every level shown as decimal
}

// list is a numbering instance: its levels, with overrides applied.
type list struct {
	levels [maxLevels]*level
}

// counter is the running state of one instance.
type counter struct {
	value   [maxLevels]int
	started [maxLevels]bool
}

// style is what a paragraph style says about numbering.
type style struct {
	basedOn       string
	numID, ilvl   string
	hasNum, hasLv bool
}

// numbering renders paragraph numbers; a nil *numbering renders none.
type numbering struct {
	lists        map[string]*list // by numId
	styles       map[string]style // paragraph styles by styleId
	defaultStyle string
	counters     map[string]*counter // by numId
}

// paraNum is what a paragraph says about its numbering.
type paraNum struct {
	style       string
	numID, ilvl string
	hasNum      bool
	hasLevel    bool
}

// render advances the counters for the paragraph p and returns the number
// Word shows before its text, followed by its separator, or "" when the
// paragraph is not numbered.
func (n *numbering) render(p paraNum) string {
	if n == nil {
		return ""
	}
	numID, ilvl, styleID := p.numID, p.ilvl, p.style
	hasNum, hasLevel := p.hasNum, p.hasLevel
	if styleID == "" {
		styleID = n.defaultStyle
	}
	// Walk the style chain for what the paragraph does not say itself.
	for id, hop := styleID, 0; id != "" && hop < maxStyleChain && (!hasNum || !hasLevel); hop++ {
		s, ok := n.styles[id]
		if !ok {
			break
		}
		if !hasNum && s.hasNum {
			numID, hasNum = s.numID, true
		}
		if !hasLevel && s.hasLv {
			ilvl, hasLevel = s.ilvl, true
		}
		id = s.basedOn
	}
	if !hasNum || numID == "" || numID == "0" {
		return ""
	}
	l := n.lists[numID]
	if l == nil {
		return ""
	}
	lv := 0
	if hasLevel {
		i, ok := levelIndex(ilvl)
		if !ok {
			return ""
		}
		lv = i
	} else {
		for i, x := range l.levels {
			if x != nil && x.pStyle != "" && x.pStyle == styleID {
				lv = i
				break
			}
		}
	}
	cur := l.levels[lv]
	if cur == nil {
		return ""
	}
	c := n.counters[numID]
	if c == nil {
		c = &counter{}
		n.counters[numID] = c
	}
	if c.started[lv] {
		c.value[lv]++
	} else {
		c.value[lv], c.started[lv] = cur.start, true
	}
	for d := lv + 1; d < maxLevels; d++ {
		c.started[d] = false
	}
	if cur.format == "bullet" {
		return "-" + cur.sep
	}
	if len(cur.text) > maxLevelText {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(cur.text); i++ {
		ch := cur.text[i]
		if ch != '%' || i+1 >= len(cur.text) || cur.text[i+1] < '1' || cur.text[i+1] > '9' {
			b.WriteByte(ch)
			continue
		}
		k := int(cur.text[i+1] - '1')
		i++
		ref := l.levels[k]
		value := 1
		if ref != nil {
			value = ref.start
		}
		if c.started[k] {
			value = c.value[k]
		}
		format := "decimal"
		if ref != nil && !(cur.legal && k < lv) {
			format = ref.format
		}
		b.WriteString(formatNumber(value, format))
	}
	text := strings.TrimSpace(b.String())
	if text == "" {
		return ""
	}
	return text + cur.sep
}

// formatNumber writes n in a Word number format; formats Read does not
// know fall back to decimal.
func formatNumber(n int, format string) string {
	switch format {
	case "none":
		return ""
	case "lowerLetter", "upperLetter":
		if n < 1 || n > maxLetterValue {
			return strconv.Itoa(n)
		}
		s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		if n < 1 || n > 3999 {
			return strconv.Itoa(n)
		}
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}

// roman writes 1 <= n <= 3999 in upper-case Roman numerals.
func roman(n int) string {
	values := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	symbols := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range values {
		for n >= v {
			b.WriteString(symbols[i])
			n -= v
		}
	}
	return b.String()
}

// levelIndex parses a level number, 0 to 8.
func levelIndex(s string) (int, bool) {
	i, err := strconv.Atoi(strings.TrimSpace(s))
	return i, err == nil && i >= 0 && i < maxLevels
}

// atoiBounded parses a start value, falling back to def when it is not a
// number or is beyond what a document may hold.
func atoiBounded(s string, def int) int {
	i, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || i < 0 || i > 1<<30 {
		return def
	}
	return i
}

// isOn reports whether an OOXML boolean attribute is true.
func isOn(s string) bool {
	switch s {
	case "1", "true", "on":
		return true
	}
	return false
}
