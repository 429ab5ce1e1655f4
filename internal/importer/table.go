package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/doctable"
	"cchc/internal/vn"
)

// rowView is a row's text by column role. Text a merged cell copied from
// its left neighbour counts once; a vertical copy counts in every row for
// agencies, deadline and product (they apply to each row) but not for the
// number, task and group columns (the row below a merged "2" is not task 2
// again).
type rowView struct {
	seq, group, title, product    string
	lead, coordinating, agencies  []string
	time, timeProduct, start, end string
	budget, funding, notes        string
}

func (v rowView) empty() bool {
	return v.seq == "" && v.group == "" && v.title == "" && v.product == "" && len(v.lead) == 0 &&
		len(v.coordinating) == 0 && len(v.agencies) == 0 && v.time == "" && v.timeProduct == "" &&
		v.start == "" && v.end == "" && v.budget == "" && v.funding == "" && v.notes == ""
}

// hasAgencies reports whether the row names agencies of its own.
func (v rowView) hasAgencies() bool {
	return len(v.lead) > 0 || len(v.coordinating) > 0 || len(v.agencies) > 0
}

func (v rowView) hasTime() bool {
	return v.time != "" || v.timeProduct != "" || v.start != "" || v.end != ""
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

func view(row doctable.Row, cols columns) rowView {
	var v rowView
	for i, c := range row.Cells {
		text := strings.TrimSpace(c.Text)
		if text == "" || placeholder(text) && cols.role(i) != RoleTitle && cols.role(i) != RoleSeq {
			continue
		}
		horizontal := i > 0 && row.Cells[i-1].Text == c.Text
		if horizontal {
			continue
		}
		role := cols.role(i)
		if c.Merged && (role == RoleSeq || role == RoleTitle || role == RoleGroup) {
			continue
		}
		switch role {
		case RoleSeq:
			v.seq = join(v.seq, text)
		case RoleGroup:
			v.group = join(v.group, text)
		case RoleTitle:
			v.title = join(v.title, text)
		case RoleProduct:
			v.product = join(v.product, text)
		case RoleLead:
			v.lead = append(v.lead, text)
		case RoleCoordinating:
			v.coordinating = append(v.coordinating, text)
		case RoleAgencies:
			v.agencies = append(v.agencies, text)
		case RoleTime:
			v.time = join(v.time, text)
		case RoleTimeProduct:
			v.timeProduct = join(v.timeProduct, text)
		case RoleStart:
			v.start = join(v.start, text)
		case RoleEnd:
			v.end = join(v.end, text)
		case RoleBudget:
			v.budget = join(v.budget, text)
		case RoleFunding:
			v.funding = join(v.funding, text)
		case RoleNotes:
			v.notes = join(v.notes, text)
		}
	}
	return v
}

// table reads the task rows of one table.
func (r *reader) table(t *doctable.Table, cols columns) {
	rows := t.Rows[cols.body:]
	r.numbered, r.scale = false, max(cols.scale, 1)
	for _, row := range rows {
		v := view(row, cols)
		if k, _ := classifySeq(v.seq); k == markNumber {
			r.numbered = true
			break
		}
		if k, _, _ := leadingMarker(v.title); k == markNumber && v.seq == "" {
			r.numbered = true
			break
		}
	}
	if r.bySeq == nil {
		r.setHeading(r.section, "")
	}
	for _, row := range rows {
		r.row(row, cols)
	}
}

// totalWords start a total row ("Tổng cộng", "Tổng kinh phí").
var totalWords = []string{"tong cong", "tong kinh phi", "tong so", "tong", "cong"}

func isTotal(v rowView) bool {
	for _, s := range []string{v.title, v.seq, v.group} {
		f := vn.Fold(s)
		for _, w := range totalWords {
			if f == w || strings.HasPrefix(f, w+" ") && len(f) < 40 && w != "cong" && w != "tong" {
				return true
			}
		}
	}
	return false
}

// row reads one table row: a section heading, a task, a sub-task, or the
// continuation of the task above.
func (r *reader) row(row doctable.Row, cols columns) {
	v := view(row, cols)
	if v.empty() {
		return
	}
	if numberingRow(row) {
		return // the columns' numbers: "(1) (2) (3)"
	}
	if k, _ := classifySeq(v.seq); k == markNone && len(v.title) < 200 {
		if _, _, ok := headerRow(row); ok {
			return // the header repeated after a page break
		}
	}
	if isTotal(v) {
		return
	}
	if v.group != "" && v.group != r.groupCell {
		r.groupCell = v.group
		h := parseHeading(v.group)
		r.setHeading(h, row.Source)
	}
	seqKind, seq := classifySeq(v.seq)
	title := v.title
	if seqKind == markNone && v.seq != "" {
		title = join(v.seq, title) // an STT cell holding text
	}
	if seqKind == markNone {
		if k, s, rest := leadingMarker(title); k != markNone {
			seqKind, seq, title = k, s, rest
		}
	}
	if r.sectionRow(v, seqKind, seq, title, row.Source) {
		return
	}
	if placeholder(title) {
		title = ""
	}
	switch {
	case seqKind == markNumber:
		r.topKind = markNumber
		r.numberedTask(seq, title, v, row.Source)
	case seqKind == markSub || seqKind == markBullet || (r.numbered && v.hasAgencies()):
		// Under a section whose tasks are lettered ("a", "b") or bulleted,
		// those rows are the tasks themselves.
		if r.lastTask < 0 || seqKind == r.topKind {
			if r.lastTask < 0 {
				r.topKind = seqKind
			}
			r.numberedTask(seq, title, v, row.Source)
			return
		}
		parent := r.lastTask
		if seqKind == markBullet && r.lastSub >= 0 {
			parent = r.lastSub
		}
		i := r.addTask(seq, title, v, parent, row.Source)
		if seqKind == markSub {
			r.lastSub = i
		}
	case !r.numbered && title != "" && (v.hasAgencies() || v.hasTime() || r.lastAny < 0):
		r.numberedTask(seq, title, v, row.Source)
	default:
		r.continuation(title, v, row.Source)
	}
}

// sectionRow reads a row that opens a section or group: an STT of roman
// numerals or capital letters, or a lone heading in capitals with nothing
// else on the row ("CẢI CÁCH THỂ CHẾ", "Phụ lục số I. ..."). Its agencies,
// if any, become the section's default lead.
func (r *reader) sectionRow(v rowView, kind, seq, title, source string) bool {
	bare := !v.hasAgencies() && !v.hasTime() && v.product == "" && v.budget == ""
	text := title
	if text == "" {
		text = v.product
	}
	switch {
	case kind == markRoman || kind == markLetter:
	case kind == markNone && bare && text != "" && len([]rune(text)) < 250 &&
		(upperText(text) || appendixPrefix.MatchString(text) || strings.HasPrefix(vn.Fold(text), "nhom ")):
	case kind == markNumber && bare && (upperText(text) && len([]rune(text)) < 200 || r.areaHeading(text)):
	case kind == markNone && bare && v.seq == "" && r.areaHeading(text):
	default:
		return false
	}
	h := parseHeading(text)
	if h.mark == markNone {
		h.mark, h.seq = kind, seq
	}
	if kind == markLetter && !h.group {
		h.group = r.lettersGroup
	}
	r.setHeading(h, source)
	if !h.group {
		lead, _ := r.agenciesOf(v)
		if len(lead) > 0 {
			r.defLead = lead
		}
	}
	return true
}

// areaHeading reports whether a lone text is a section heading written in
// ordinary case: short, starting with a capital, not ending a sentence,
// and little more than an area's name.
func (r *reader) areaHeading(text string) bool {
	if len([]rune(text)) > 120 || strings.ContainsAny(text, "\n") || strings.ContainsAny(text[len(text)-1:], ".;:,") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(first) && r.areas.names(parseHeading(text).title)
}

// lettersGroup reports whether letter headings ("A. ...") group roman
// ones ("I. ...") in doc: both kinds number some row or paragraph.
func lettersGroup(blocks []doctable.Block) bool {
	var letter, roman bool
	note := func(text string) {
		k, _ := classifySeq(text)
		if k == markNone {
			k, _, _ = leadingMarker(text)
		}
		letter = letter || k == markLetter
		roman = roman || k == markRoman
	}
	for _, b := range blocks {
		if b.Table == nil {
			note(b.Text)
			continue
		}
		for _, row := range b.Table.Rows {
			for i, c := range row.Cells {
				if i > 1 {
					break
				}
				if !c.Merged {
					note(c.Text)
				}
			}
		}
	}
	return letter && roman
}
