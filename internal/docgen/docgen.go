// Package docgen writes official Vietnamese administrative documents
// (văn bản hành chính) as Word files, laid out as Nghị định 30/2020/NĐ-CP,
// Appendix I prescribes: A4 pages, Times New Roman, the two header blocks
// side by side (issuing body on the left, national name and motto on the
// right), number and symbol, place and date, the document kind and its
// summary, legal bases, a justified body with tables, appendices, the
// signature block and the list of recipients (Nơi nhận). It uses only
// archive/zip and encoding/xml; the files open in Microsoft Word and
// LibreOffice.
package docgen

import (
	"fmt"
	"strings"

	"cchc/internal/civil"
)

// Document is an administrative document. Texts are written as given,
// except where the layout prescribes upper case (the header blocks, the
// kind, the signature block), which WriteDOCX applies itself. A "\n" in
// Parent, Issuer or a Block's text starts a new line.
type Document struct {
	// Parent is the body the issuer belongs to (cơ quan chủ quản), upper
	// case and not bold above the issuer; "" for none.
	Parent string
	// Issuer is the issuing body, upper case and bold, with a short rule
	// below.
	Issuer string
	// Number is the number and symbol line, "Số: 09/BC-UBND".
	Number string
	// Place and Date give the italic line "Phú Sơn, ngày 05 tháng 3 năm
	// 2026" (see PlaceDate); a zero Date leaves the day and month blank
	// for the signer to fill in.
	Place string
	Date  civil.Date
	// Kind is the document's kind ("BÁO CÁO", "KẾ HOẠCH"), bold upper
	// case; Summary is its subject line below it (trích yếu), bold.
	Kind    string
	Summary string
	// Bases are the legal bases ("Căn cứ ...;"), italic, before the body.
	Bases []string
	Body  []Block
	// Appendices follow the signature block, each on a new page headed
	// "Phụ lục I", "Phụ lục II", ...
	Appendices []Appendix
	// SignAuthority is the authority prefix ("TM. ỦY BAN NHÂN DÂN", "KT.
	// GIÁM ĐỐC"; "" when the head signs in their own name), SignTitle the
	// signer's title ("CHỦ TỊCH"), Signer the name; room is left to sign
	// between the title and the name.
	SignAuthority, SignTitle, Signer string
	// Recipients are the lines under "Nơi nhận:", "- Lưu: VT, SNV." last;
	// each is written as given, prefixed by "- " when it has no dash.
	Recipients []string
}

// Block is one part of a body: a heading, a paragraph or a table. Use
// Heading, Paragraph and TableBlock to build one.
type Block struct {
	kind  blockKind
	level int
	text  string
	table *Table
}

type blockKind int

const (
	blockParagraph blockKind = iota
	blockHeading
	blockTable
)

// Heading returns a bold heading; level 1 ("I. KẾT QUẢ ...") is written
// as given, level 2 and deeper are bold too, level 3 also italic.
func Heading(level int, text string) Block {
	return Block{kind: blockHeading, level: max(level, 1), text: text}
}

// Paragraph returns body text, justified with a first-line indent; each
// line of text becomes its own paragraph.
func Paragraph(text string) Block { return Block{kind: blockParagraph, text: text} }

// TableBlock returns a bordered table.
func TableBlock(t Table) Block { return Block{kind: blockTable, table: &t} }

// Table is a bordered table. Header rows are bold, centred and repeated
// on every page; Rows follow. Widths are relative column widths (equal
// when nil or of the wrong length); Align gives each column's alignment
// in body rows (left when missing).
type Table struct {
	Header [][]string
	Rows   []Row
	Widths []int
	Align  []Align
}

// Row is a body row of a table; Bold marks a section or total row.
type Row struct {
	Cells []string
	Bold  bool
}

// Align is a column's alignment.
type Align int

// Alignments of table columns.
const (
	Left Align = iota
	Center
	Right
)

// Appendix is an appendix (phụ lục): its title (bold, upper case as
// given), an optional italic summary line below, and a table.
type Appendix struct {
	Title   string
	Summary string
	Table   Table
}

// PlaceDate returns the place and date line: "Phú Sơn, ngày 05 tháng 02
// năm 2026". As Nghị định 30/2020/NĐ-CP requires, days under 10 and the
// months 1 and 2 get a leading zero ("ngày 05 tháng 3", "ngày 20 tháng
// 02"). A zero date leaves day and month blank to be filled in by hand;
// an empty place leaves out the place.
func PlaceDate(place string, d civil.Date) string {
	var s string
	if d.IsZero() {
		s = "ngày      tháng      năm"
	} else {
		month := fmt.Sprint(int(d.Month))
		if d.Month <= 2 {
			month = "0" + month
		}
		s = fmt.Sprintf("ngày %02d tháng %s năm %d", d.Day, month, d.Year)
	}
	if place = strings.TrimSpace(place); place != "" {
		return place + ", " + s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Roman returns n (1-3999) in Roman numerals, as appendices and sections
// are numbered; other n are written in digits.
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return fmt.Sprint(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
