package doctable

import (
	"encoding/xml"
	"errors"
	"fmt"
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

// xVal is an element whose w:val attribute is all that matters.
type xVal struct {
	Val string `xml:"val,attr"`
}

type xLevel struct {
	Ilvl    string `xml:"ilvl,attr"`
	Start   *xVal  `xml:"start"`
	NumFmt  *xVal  `xml:"numFmt"`
	LvlText *xVal  `xml:"lvlText"`
	PStyle  *xVal  `xml:"pStyle"`
	Suff    *xVal  `xml:"suff"`
	IsLgl   *xVal  `xml:"isLgl"`
}

type xNumbering struct {
	Abstracts []struct {
		ID           string   `xml:"abstractNumId,attr"`
		NumStyleLink *xVal    `xml:"numStyleLink"`
		Levels       []xLevel `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string `xml:"numId,attr"`
		Abstract  *xVal  `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string  `xml:"ilvl,attr"`
			Start *xVal   `xml:"startOverride"`
			Level *xLevel `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

type xNumPr struct {
	Ilvl  *xVal `xml:"ilvl"`
	NumID *xVal `xml:"numId"`
}

type xStyles struct {
	Styles []struct {
		Type    string `xml:"type,attr"`
		ID      string `xml:"styleId,attr"`
		Default string `xml:"default,attr"`
		BasedOn *xVal  `xml:"basedOn"`
		PPr     struct {
			NumPr *xNumPr `xml:"numPr"`
		} `xml:"pPr"`
	} `xml:"style"`
}

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

// numbering renders paragraph numbers; the zero value renders none.
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

// loadNumbering reads numbering.xml and styles.xml, when present.
func (a *archive) loadNumbering() (*numbering, error) {
	n := &numbering{lists: map[string]*list{}, styles: map[string]style{}, counters: map[string]*counter{}}
	var st xStyles
	if err := a.decodePart(partStyles, &st); err != nil {
		return nil, err
	}
	for _, s := range st.Styles {
		if s.Type != "paragraph" && s.Type != "" {
			continue
		}
		v := style{}
		if s.BasedOn != nil {
			v.basedOn = s.BasedOn.Val
		}
		if p := s.PPr.NumPr; p != nil {
			if p.NumID != nil {
				v.numID, v.hasNum = p.NumID.Val, true
			}
			if p.Ilvl != nil {
				v.ilvl, v.hasLv = p.Ilvl.Val, true
			}
		}
		if _, dup := n.styles[s.ID]; !dup {
			n.styles[s.ID] = v
		}
		if isOn(s.Default) && n.defaultStyle == "" {
			n.defaultStyle = s.ID
		}
	}

	var nb xNumbering
	if err := a.decodePart(partNumbering, &nb); err != nil {
		return nil, err
	}
	abstracts := map[string][maxLevels]*level{}
	links := map[string]string{} // abstractNumId -> numbering style it links to
	for _, an := range nb.Abstracts {
		var levels [maxLevels]*level
		for _, x := range an.Levels {
			if i, ok := levelIndex(x.Ilvl); ok {
				levels[i] = newLevel(x)
			}
		}
		if _, dup := abstracts[an.ID]; !dup {
			abstracts[an.ID] = levels
		}
		if an.NumStyleLink != nil {
			links[an.ID] = an.NumStyleLink.Val
		}
	}
	nums := map[string]string{} // numId -> abstractNumId
	for _, num := range nb.Nums {
		if num.Abstract != nil {
			nums[num.ID] = num.Abstract.Val
		}
	}
	for _, num := range nb.Nums {
		if num.Abstract == nil {
			continue
		}
		absID := num.Abstract.Val
		// An abstract list may only point at a numbering style, whose
		// numId leads to the abstract list holding the levels.
		for hop := 0; hop < maxStyleChain; hop++ {
			link, ok := links[absID]
			if !ok {
				break
			}
			s, ok := n.styles[link]
			if !ok || !s.hasNum || nums[s.numID] == "" {
				break
			}
			absID = nums[s.numID]
		}
		l := &list{levels: abstracts[absID]}
		for _, o := range num.Overrides {
			i, ok := levelIndex(o.Ilvl)
			if !ok {
				continue
			}
			if o.Level != nil {
				l.levels[i] = newLevel(*o.Level)
			}
			if o.Start != nil && l.levels[i] != nil {
				copied := *l.levels[i]
				copied.start = atoiBounded(o.Start.Val, copied.start)
				l.levels[i] = &copied
			}
		}
		if _, dup := n.lists[num.ID]; !dup {
			n.lists[num.ID] = l
		}
	}
	return n, nil
}

// decodePart unmarshals an optional XML part into v.
func (a *archive) decodePart(name string, v any) error {
	rc, err := a.open(name)
	if rc == nil || err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		var refusal *Error
		if errors.As(err, &refusal) {
			return refusal
		}
		return a.rd.corrupt(fmt.Errorf("decode %s: %w", name, err))
	}
	return nil
}

func newLevel(x xLevel) *level {
	l := &level{start: 1, format: "decimal", text: "", sep: " "}
	if x.Start != nil {
		l.start = atoiBounded(x.Start.Val, 1)
	}
	if x.NumFmt != nil {
		l.format = x.NumFmt.Val
	}
	if x.LvlText != nil {
		l.text = x.LvlText.Val
	}
	if x.PStyle != nil {
		l.pStyle = x.PStyle.Val
	}
	if x.Suff != nil && x.Suff.Val == "nothing" {
		l.sep = ""
	}
	l.legal = x.IsLgl != nil && (x.IsLgl.Val == "" || isOn(x.IsLgl.Val))
	return l
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
