package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/docgen"
	"cchc/internal/vn"
)

// ExportDOCX writes e as an official report (văn bản báo cáo) ready to
// sign, laid out by docgen: the unit's header, "Số:      /BC-..." left
// blank to be numbered, place and date, "BÁO CÁO" with its summary line,
// then per area the narratives — for a consolidation, those of every
// contributing unit, each paragraph prefixed by the unit's name —, the
// signature block and "Nơi nhận", and the table of figures as Phụ lục I
// (a consolidation adds the units' timeliness as Phụ lục II).
func ExportDOCX(w io.Writer, e Export) error {
	if err := docgen.WriteDOCX(w, exportDocument(e)); err != nil {
		return fmt.Errorf("report: export %s of unit %d as Word: %w", e.Period.Code, e.Unit.ID, err)
	}
	return nil
}

// committeeKinds are the unit kinds that are People's Committees (Ủy ban
// nhân dân): they sign "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".
var committeeKinds = map[string]bool{"province": true, "district": true, "commune": true}

// committeeName returns the name of a locality unit's People's Committee
// as headers write it: "Xã An Phú" → "UBND xã An Phú"; names that already
// say it are kept.
func committeeName(name string) string {
	folded := vn.Fold(name)
	if strings.HasPrefix(folded, "ubnd ") || strings.HasPrefix(folded, "uy ban nhan dan ") {
		return name
	}
	r, size := utf8.DecodeRuneInString(name)
	return "UBND " + string(unicode.ToLower(r)) + name[size:]
}

// issuer returns the header's issuing body of u: for a committee, "ỦY BAN
// NHÂN DÂN" over the locality ("XÃ AN PHÚ").
func issuer(u ExportUnit) string {
	if !committeeKinds[u.Kind] {
		return u.Name
	}
	folded := vn.Fold(u.Name)
	if strings.HasPrefix(folded, "ubnd ") {
		return "Ủy ban nhân dân\n" + strings.TrimSpace(u.Name[len("UBND "):])
	}
	if strings.HasPrefix(folded, "uy ban nhan dan ") {
		fields := strings.Fields(u.Name)
		return "Ủy ban nhân dân\n" + strings.Join(fields[4:], " ")
	}
	return "Ủy ban nhân dân\n" + u.Name
}

// parentBody returns the header's parent body of u, "" at the top.
func parentBody(u ExportUnit) string {
	if u.Parent == "" {
		return ""
	}
	if committeeKinds[u.ParentKind] {
		return committeeName(u.Parent)
	}
	return u.Parent
}

// Abbreviation returns the short symbol of a unit in document numbers and
// "Lưu: VT, ..." lines: "UBND" for a People's Committee, else the initials
// of its name without "và" ("Sở Nội vụ" → "SNV", "Sở Giáo dục và Đào tạo"
// → "SGDĐT").
func Abbreviation(name, kind string) string {
	if committeeKinds[kind] {
		return "UBND"
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if vn.Fold(w) == "va" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// signature returns the authority prefix and the title of u's signer.
func signature(u ExportUnit) (authority, title string) {
	switch {
	case committeeKinds[u.Kind]:
		return "TM. Ủy ban nhân dân", "Chủ tịch"
	case strings.HasPrefix(vn.Fold(u.Name), "so "):
		return "", "Giám đốc"
	}
	return "", "Thủ trưởng đơn vị"
}

// periodPhrase returns a period's name inside a sentence: "quý I năm
// 2026", "6 tháng đầu năm 2026", "năm 2026".
func periodPhrase(p PeriodRow) string {
	if pp, err := ParsePeriod(p.Code); err == nil && pp.Kind == PeriodQuarter {
		return fmt.Sprintf("quý %s năm %d", docgen.Roman(pp.N), pp.Year)
	}
	return lowerFirst(p.Title)
}

// subject returns the report's summary line: "Kết quả công tác cải cách
// hành chính quý I năm 2026" for the form "Báo cáo công tác cải cách hành
// chính".
func subject(e Export) string {
	t := strings.TrimSpace(e.FormTitle)
	if f := vn.Fold(t); strings.HasPrefix(f, "bao cao ") {
		t = strings.TrimSpace(t[len("Báo cáo "):])
	}
	return "Kết quả " + lowerFirst(t) + " " + periodPhrase(e.Period)
}

// recipients returns the "Nơi nhận" lines of u's report: Sở Nội vụ
// (or, for Sở Nội vụ itself, the provincial committee), the parent
// committee of a district or commune, and the archive line.
func recipients(u ExportUnit) []string {
	var out []string
	isSNV := strings.HasPrefix(vn.Fold(u.Name), "so noi vu")
	switch {
	case isSNV && u.Parent != "":
		out = append(out, parentBody(u)+";")
	case u.Parent == "":
		out = append(out, "Bộ Nội vụ;")
	default:
		out = append(out, "Sở Nội vụ;")
		if committeeKinds[u.Kind] && committeeKinds[u.ParentKind] {
			out = append(out, committeeName(u.Parent)+";")
		}
	}
	return append(out, "Lưu: VT, "+Abbreviation(u.Name, u.Kind)+".")
}

func exportDocument(e Export) docgen.Document {
	u := e.Unit
	authority, title := signature(u)
	d := docgen.Document{
		Parent: parentBody(u), Issuer: issuer(u),
		Number: "Số:        /BC-" + Abbreviation(u.Name, u.Kind),
		Place:  u.Place, Date: e.Date,
		Kind: "Báo cáo", Summary: subject(e),
		SignAuthority: authority, SignTitle: title,
		Recipients: recipients(u),
	}
	name := u.Name
	if committeeKinds[u.Kind] {
		name = committeeName(u.Name)
	}
	intro := fmt.Sprintf("Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, %s báo cáo kết quả thực hiện %s như sau:",
		name, periodPhrase(e.Period))
	d.Body = append(d.Body, docgen.Paragraph(intro))
	n := 0
	heading := func(text string) {
		n++
		d.Body = append(d.Body, docgen.Heading(1, docgen.Roman(n)+". "+strings.ToUpper(text)))
	}
	if e.Consolidated {
		t := e.Tally
		heading("Tình hình gửi báo cáo")
		d.Body = append(d.Body, docgen.Paragraph(fmt.Sprintf(
			"Có %d/%d đơn vị đã gửi báo cáo (%d đơn vị gửi đúng hạn, %d đơn vị gửi trễ hạn); %d đơn vị chưa gửi báo cáo. Số liệu tổng hợp tại Phụ lục I, tình hình gửi báo cáo của từng đơn vị tại Phụ lục II.",
			t.SubmittedOnTime+t.SubmittedLate, t.Expected, t.SubmittedOnTime, t.SubmittedLate, t.Missing)))
	}
	narratives := e.Narratives()
	for _, s := range narratives {
		heading(s.Title)
		for i, f := range s.Fields {
			d.Body = append(d.Body, docgen.Heading(2, fmt.Sprintf("%d. %s", i+1, f.Label)))
			for _, p := range f.Paragraphs {
				text := p.Text
				if e.Consolidated {
					text = p.Unit + ": " + text
				}
				d.Body = append(d.Body, docgen.Paragraph(text))
			}
		}
	}
	if len(narratives) == 0 {
		d.Body = append(d.Body, docgen.Paragraph("Báo cáo chưa có nội dung thuyết minh; số liệu tại Phụ lục I."))
	}
	d.Body = append(d.Body, docgen.Paragraph(fmt.Sprintf("Trên đây là báo cáo %s của %s./.", lowerFirst(subject(e)), name)))
	d.Appendices = append(d.Appendices, docgen.Appendix{
		Title:   exportTitle(e),
		Summary: fmt.Sprintf("(Kèm theo Báo cáo của %s, %s)", name, periodPhrase(e.Period)),
		Table:   figuresTable(e),
	})
	if e.Consolidated && len(e.Units) > 0 {
		d.Appendices = append(d.Appendices, docgen.Appendix{
			Title:   "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ",
			Summary: fmt.Sprintf("(%s)", e.Period.Title),
			Table:   unitsTable(e),
		})
	}
	return d
}

// lowerFirst lower-cases the first letter of s to use it inside a
// sentence, unless s starts with an abbreviation ("CCHC", "UBND").
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// figuresTable returns the appendix table of e's figures.
func figuresTable(e Export) docgen.Table {
	t := docgen.Table{
		Header: [][]string{{"STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"}},
		Widths: []int{7, 55, 16, 16},
		Align:  []docgen.Align{docgen.Center, docgen.Left, docgen.Center, docgen.Right, docgen.Right, docgen.Right},
	}
	if e.Compared() {
		t.Header[0] = append(t.Header[0], "Kỳ trước", "Cùng kỳ năm trước")
		t.Widths = []int{6, 40, 13, 13, 13, 15}
	}
	for _, s := range e.Figures() {
		t.Rows = append(t.Rows, docgen.Row{Cells: []string{s.Number, s.Title}, Bold: true})
		for _, r := range s.Rows {
			cells := []string{fmt.Sprint(r.Number), r.Indicator.Label, r.Measure, r.Text()}
			if e.Compared() {
				cells = append(cells, r.PreviousText(), r.LastYearText())
			}
			t.Rows = append(t.Rows, docgen.Row{Cells: cells})
		}
	}
	return t
}

// unitsTable returns the appendix table of a consolidation's units.
func unitsTable(e Export) docgen.Table {
	t := docgen.Table{
		Header: [][]string{{"STT", "Đơn vị", "Trạng thái báo cáo", "Phải gửi", "Đúng hạn", "Trễ hạn", "Chưa gửi"}},
		Widths: []int{6, 38, 18, 10, 10, 10, 10},
		Align:  []docgen.Align{docgen.Center, docgen.Left, docgen.Center, docgen.Right, docgen.Right, docgen.Right, docgen.Right},
	}
	for i, l := range e.Units {
		status := StatusLabel(l.Status)
		if l.Status == "" {
			status = "Chưa lập"
		}
		t.Rows = append(t.Rows, docgen.Row{Cells: []string{fmt.Sprint(i + 1), l.Name, status,
			vn.FormatInt(int64(l.Expected)), vn.FormatInt(int64(l.SubmittedOnTime)), vn.FormatInt(int64(l.SubmittedLate)), vn.FormatInt(int64(l.Missing))}})
	}
	t.Rows = append(t.Rows, docgen.Row{Bold: true, Cells: []string{"", "Tổng cộng", "",
		vn.FormatInt(int64(e.Tally.Expected)), vn.FormatInt(int64(e.Tally.SubmittedOnTime)), vn.FormatInt(int64(e.Tally.SubmittedLate)), vn.FormatInt(int64(e.Tally.Missing))}})
	return t
}
