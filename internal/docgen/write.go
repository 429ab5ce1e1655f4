package docgen

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Page geometry in twentieths of a point (twips): A4 portrait, margins
// top and bottom 20 mm, left 30 mm, right 15 mm.
const (
	pageWidth, pageHeight   = 11906, 16838
	marginTop, marginBottom = 1134, 1134
	marginLeft, marginRight = 1701, 850
	textWidth               = pageWidth - marginLeft - marginRight

	headerLeft  = 3700 // the issuer's block; the national block takes the rest
	signLeft    = 4300 // "Nơi nhận"; the signature block takes the rest
	firstIndent = 567  // 1 cm first-line indent of body paragraphs
)

// Font sizes in half points.
const (
	sizeBody      = 28 // 14 pt
	sizeHeader    = 26 // 13 pt
	sizeTable     = 24 // 12 pt
	sizeRecipient = 22 // 11 pt
)

// WriteDOCX writes d as a Word document (.docx). Equal documents give
// equal bytes. It fails only when w fails.
func WriteDOCX(w io.Writer, d Document) error {
	zw := zip.NewWriter(w)
	parts := []struct {
		name  string
		write func(*bufio.Writer)
	}{
		{"[Content_Types].xml", func(b *bufio.Writer) { b.WriteString(contentTypesXML) }},
		{"_rels/.rels", func(b *bufio.Writer) { b.WriteString(rootRelsXML) }},
		{"docProps/core.xml", func(b *bufio.Writer) { writeCore(b, d) }},
		{"word/_rels/document.xml.rels", func(b *bufio.Writer) { b.WriteString(documentRelsXML) }},
		{"word/styles.xml", func(b *bufio.Writer) { b.WriteString(stylesXML) }},
		{"word/settings.xml", func(b *bufio.Writer) { b.WriteString(settingsXML) }},
		{"word/header1.xml", func(b *bufio.Writer) { b.WriteString(pageNumberHeaderXML) }},
		{"word/document.xml", func(b *bufio.Writer) { (&writer{b}).document(d) }},
	}
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate,
			Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return fmt.Errorf("docgen: create part %s: %w", p.name, err)
		}
		bw := bufio.NewWriter(f)
		p.write(bw)
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("docgen: write part %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docgen: finish the document: %w", err)
	}
	return nil
}

// writer writes word/document.xml. Write errors stick in the
// bufio.Writer and surface at its Flush.
type writer struct{ w *bufio.Writer }

func (x *writer) s(s string) { x.w.WriteString(s) }

func (x *writer) text(s string) { _ = xml.EscapeText(x.w, []byte(s)) }

// para is a paragraph's properties.
type para struct {
	align          string // "left", "center", "right", "both"
	before, after  int
	line           int // line spacing in 240ths of a line; 0 for single
	firstLine      int
	left, right    int
	keepNext       bool
	rule           bool // a rule along the top edge: an empty paragraph drawn as a line
	pageBreakAfter bool
}

// run is a run of text with its formatting; "\n" in text breaks the line.
type run struct {
	text         string
	bold, italic bool
	size         int
}

func (x *writer) para(p para, runs ...run) {
	x.s(`<w:p><w:pPr>`)
	if p.keepNext {
		x.s(`<w:keepNext/>`)
	}
	if p.rule {
		x.s(`<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	}
	x.s(`<w:spacing w:before="` + strconv.Itoa(p.before) + `" w:after="` + strconv.Itoa(p.after) + `"`)
	switch {
	case p.rule:
		x.s(` w:line="60" w:lineRule="exact"`)
	case p.line > 0:
		x.s(` w:line="` + strconv.Itoa(p.line) + `" w:lineRule="auto"`)
	}
	x.s(`/>`)
	if p.firstLine != 0 || p.left != 0 || p.right != 0 {
		x.s(`<w:ind w:left="` + strconv.Itoa(p.left) + `" w:right="` + strconv.Itoa(p.right) + `" w:firstLine="` + strconv.Itoa(p.firstLine) + `"/>`)
	}
	if p.align != "" {
		x.s(`<w:jc w:val="` + p.align + `"/>`)
	}
	x.s(`</w:pPr>`)
	for _, r := range runs {
		x.run(r)
	}
	if p.pageBreakAfter {
		x.s(`<w:r><w:br w:type="page"/></w:r>`)
	}
	x.s(`</w:p>`)
}

func (x *writer) run(r run) {
	x.s(`<w:r><w:rPr>`)
	if r.bold {
		x.s(`<w:b/><w:bCs/>`)
	}
	if r.italic {
		x.s(`<w:i/><w:iCs/>`)
	}
	if r.size > 0 {
		n := strconv.Itoa(r.size)
		x.s(`<w:sz w:val="` + n + `"/><w:szCs w:val="` + n + `"/>`)
	}
	x.s(`</w:rPr>`)
	for i, line := range strings.Split(r.text, "\n") {
		if i > 0 {
			x.s(`<w:br/>`)
		}
		if line != "" {
			x.s(`<w:t xml:space="preserve">`)
			x.text(line)
			x.s(`</w:t>`)
		}
	}
	x.s(`</w:r>`)
}

// ruleUnder writes a centred rule of width twips inside a block of
// blockWidth twips.
func (x *writer) ruleUnder(blockWidth, width int) {
	side := max((blockWidth-width)/2, 0)
	x.para(para{align: "center", after: 60, left: side, right: side, rule: true})
}

// borderless opens a table without borders whose columns have widths.
func (x *writer) borderless(widths ...int) {
	x.s(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(sum(widths)) + `" w:type="dxa"/>`)
	x.s(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	x.s(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		x.s(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	x.s(`</w:tblGrid>`)
}

func (x *writer) cell(width int, content func()) {
	x.s(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/></w:tcPr>`)
	content()
	x.s(`</w:tc>`)
}

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

func (x *writer) document(d Document) {
	x.s(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	x.s(`<w:document xmlns:w="` + wordNS + `" xmlns:r="` + relNS + `"><w:body>`)
	x.header(d)
	x.title(d)
	for _, b := range d.Bases {
		x.para(para{align: "both", firstLine: firstIndent, after: 60, line: 288}, run{text: strings.TrimSpace(b), italic: true})
	}
	for _, b := range d.Body {
		x.block(b)
	}
	x.signature(d)
	for i, a := range d.Appendices {
		x.appendix(i+1, a)
	}
	// Page numbers in the top margin, centred, from the second page on
	// (Nghị định 30/2020/NĐ-CP, Phụ lục I): the default header carries the
	// number and titlePg gives the first page none.
	x.s(`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>`)
	x.s(`<w:pgSz w:w="` + strconv.Itoa(pageWidth) + `" w:h="` + strconv.Itoa(pageHeight) + `"/>`)
	x.s(`<w:pgMar w:top="` + strconv.Itoa(marginTop) + `" w:right="` + strconv.Itoa(marginRight) + `" w:bottom="` + strconv.Itoa(marginBottom) +
		`" w:left="` + strconv.Itoa(marginLeft) + `" w:header="709" w:footer="709" w:gutter="0"/><w:titlePg/></w:sectPr>`)
	x.s(`</w:body></w:document>`)
}

// header writes the two header blocks side by side, then the number on
// the left and the place and date on the right, in a borderless table.
func (x *writer) header(d Document) {
	right := textWidth - headerLeft
	x.borderless(headerLeft, right)
	x.s(`<w:tr>`)
	x.cell(headerLeft, func() {
		if p := strings.TrimSpace(d.Parent); p != "" {
			x.para(para{align: "center"}, run{text: strings.ToUpper(p), size: sizeHeader})
		}
		x.para(para{align: "center"}, run{text: strings.ToUpper(strings.TrimSpace(d.Issuer)), bold: true, size: sizeHeader})
		x.ruleUnder(headerLeft, headerLeft/3)
	})
	x.cell(right, func() {
		x.para(para{align: "center"}, run{text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: sizeHeader})
		x.para(para{align: "center"}, run{text: "Độc lập - Tự do - Hạnh phúc", bold: true, size: sizeBody})
		x.ruleUnder(right, 3900)
	})
	x.s(`</w:tr><w:tr>`)
	x.cell(headerLeft, func() {
		x.para(para{align: "center", before: 60}, run{text: strings.TrimSpace(d.Number), size: sizeHeader})
	})
	x.cell(right, func() {
		x.para(para{align: "center", before: 60}, run{text: PlaceDate(d.Place, d.Date), italic: true, size: sizeBody})
	})
	x.s(`</w:tr></w:tbl>`)
}

// title writes the kind and the summary line with a short rule below.
func (x *writer) title(d Document) {
	x.para(para{align: "center", before: 360}, run{text: strings.ToUpper(strings.TrimSpace(d.Kind)), bold: true, size: sizeBody})
	if s := strings.TrimSpace(d.Summary); s != "" {
		x.para(para{align: "center"}, run{text: s, bold: true, size: sizeBody})
	}
	x.ruleUnder(textWidth, 2000)
	x.para(para{after: 120})
}

func (x *writer) block(b Block) {
	switch b.kind {
	case blockHeading:
		x.para(para{align: "both", firstLine: firstIndent, before: 120, after: 60, line: 288, keepNext: true},
			run{text: strings.TrimSpace(b.text), bold: true, italic: b.level >= 3})
	case blockTable:
		x.table(*b.table)
		x.para(para{after: 60})
	default:
		for _, line := range strings.Split(b.text, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				x.para(para{align: "both", firstLine: firstIndent, after: 60, line: 288}, run{text: line})
			}
		}
	}
}

// signature writes "Nơi nhận" on the left and the signature block on the
// right, in a borderless table.
func (x *writer) signature(d Document) {
	right := textWidth - signLeft
	x.para(para{after: 120})
	x.borderless(signLeft, right)
	x.s(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	x.cell(signLeft, func() {
		x.para(para{}, run{text: "Nơi nhận:", bold: true, italic: true, size: sizeTable})
		for _, r := range d.Recipients {
			if r = strings.TrimSpace(r); r == "" {
				continue
			}
			if !strings.HasPrefix(r, "-") {
				r = "- " + r
			}
			x.para(para{}, run{text: r, size: sizeRecipient})
		}
	})
	x.cell(right, func() {
		if a := strings.TrimSpace(d.SignAuthority); a != "" {
			x.para(para{align: "center"}, run{text: strings.ToUpper(a), bold: true, size: sizeBody})
		}
		x.para(para{align: "center"}, run{text: strings.ToUpper(strings.TrimSpace(d.SignTitle)), bold: true, size: sizeBody})
		for range 4 {
			x.para(para{})
		}
		x.para(para{align: "center"}, run{text: strings.TrimSpace(d.Signer), bold: true, size: sizeBody})
	})
	x.s(`</w:tr></w:tbl>`)
}

// appendix writes appendix n on a new page.
func (x *writer) appendix(n int, a Appendix) {
	x.para(para{pageBreakAfter: true})
	x.para(para{align: "center"}, run{text: "Phụ lục " + Roman(n), bold: true, size: sizeBody})
	if t := strings.TrimSpace(a.Title); t != "" {
		x.para(para{align: "center"}, run{text: t, bold: true, size: sizeBody})
	}
	if s := strings.TrimSpace(a.Summary); s != "" {
		x.para(para{align: "center"}, run{text: s, italic: true, size: sizeBody})
	}
	x.para(para{after: 120})
	x.table(a.Table)
	x.para(para{})
}

// table writes a bordered table across the text width.
func (x *writer) table(t Table) {
	cols := len(t.Widths)
	for _, r := range t.Header {
		cols = max(cols, len(r))
	}
	for _, r := range t.Rows {
		cols = max(cols, len(r.Cells))
	}
	if cols == 0 {
		return
	}
	widths := columnWidths(t.Widths, cols)
	x.s(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		x.s(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	x.s(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		x.s(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	x.s(`</w:tblGrid>`)
	for _, r := range t.Header {
		x.s(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		for c := range cols {
			x.tableCell(widths[c], at(r, c), "center", true)
		}
		x.s(`</w:tr>`)
	}
	for _, r := range t.Rows {
		x.s(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for c := range cols {
			align := "left"
			if c < len(t.Align) {
				align = [...]string{"left", "center", "right"}[t.Align[c]]
			}
			x.tableCell(widths[c], at(r.Cells, c), align, r.Bold)
		}
		x.s(`</w:tr>`)
	}
	x.s(`</w:tbl>`)
}

func (x *writer) tableCell(width int, text, align string, bold bool) {
	x.s(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
	x.para(para{align: align, before: 40, after: 40}, run{text: text, bold: bold, size: sizeTable})
	x.s(`</w:tc>`)
}

func at(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

// columnWidths spreads the text width over cols columns by the relative
// weights, equally when weights do not fit.
func columnWidths(weights []int, cols int) []int {
	total := 0
	ok := len(weights) == cols
	for _, w := range weights {
		ok = ok && w > 0
		total += w
	}
	out := make([]int, cols)
	for i := range out {
		if ok {
			out[i] = textWidth * weights[i] / total
		} else {
			out[i] = textWidth / cols
		}
	}
	return out
}

func writeCore(b *bufio.Writer, d Document) {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`)
	_ = xml.EscapeText(b, []byte(strings.TrimSpace(strings.ToUpper(d.Kind)+" "+d.Summary)))
	b.WriteString(`</dc:title><dc:creator>`)
	_ = xml.EscapeText(b, []byte(strings.TrimSpace(d.Issuer)))
	b.WriteString(`</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`)
}

const (
	wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	relNS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// pageNumberHeaderXML is the header of every page but the first: the page
// number, centred, 13 pt, upright.
const pageNumberHeaderXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="` + wordNS + `"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>`

const contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const rootRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const documentRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`

const settingsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="` + wordNS + `"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="` + wordNS + `"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`
