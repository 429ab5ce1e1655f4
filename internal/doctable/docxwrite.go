package doctable

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"
)

// WriteDOCX writes blocks as a minimal Word document (.docx), meant for test
// fixtures and demonstration files: A4 pages, Times New Roman 13, tables
// with borders. What it writes, Read reads back as the same blocks (Source
// aside):
//
//   - a paragraph block is one paragraph, its "\n" written as line breaks;
//   - a table block is a table whose cells hold one paragraph per line of
//     their text. A Merged cell right after a cell of the same text in its
//     row widens that cell (w:gridSpan); a Merged cell starting a run under
//     a cell of the same text in the row above continues it (w:vMerge). A
//     Merged cell that fits neither is written as a plain cell;
//   - a table without rows is left out, an empty row is one empty cell, and
//     two tables in a row get an empty paragraph between them, as Word would
//     otherwise join them. Table names are not written.
//
// Texts are written as given, so blocks meant to round-trip should hold
// cleaned text (as Read returns it).
func WriteDOCX(w io.Writer, blocks []Block) error {
	zw := zip.NewWriter(w)
	for _, part := range [...]struct{ name, content string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", rootRelsXML},
		{"word/_rels/document.xml.rels", documentRelsXML},
		{"word/styles.xml", stylesXML},
	} {
		f, err := createPart(zw, part.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, part.content); err != nil {
			return err
		}
	}
	f, err := createPart(zw, partDocument)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	writeDocument(bw, blocks)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// createPart adds a deflated part dated 2020-01-01, so that equal blocks
// give equal files.
func createPart(zw *zip.Writer, name string) (io.Writer, error) {
	return zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
}

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// A4 portrait, margins 30 mm left and 20 mm elsewhere, in twentieths of a
// point; textWidth is what is left for a table.
const (
	pageWidth, pageHeight = 11906, 16838
	marginLeft, margin    = 1701, 1134
	textWidth             = pageWidth - marginLeft - margin
)

const contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`

const rootRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const documentRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="` + wordNS + `"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`

const tableBorders = `<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>`

// writeDocument writes word/document.xml; errors are the writer's, left
// for its Flush to report.
func writeDocument(w *bufio.Writer, blocks []Block) {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	w.WriteString(`<w:document xmlns:w="` + wordNS + `"><w:body>`)
	lastTable := false
	for _, b := range blocks {
		if b.Table == nil {
			writeParagraph(w, strings.Split(b.Text, "\n"))
			lastTable = false
			continue
		}
		if len(b.Table.Rows) == 0 {
			continue
		}
		if lastTable {
			w.WriteString(`<w:p/>`)
		}
		writeTable(w, b.Table)
		lastTable = true
	}
	if lastTable {
		w.WriteString(`<w:p/>`)
	}
	w.WriteString(`<w:sectPr><w:pgSz w:w="` + strconv.Itoa(pageWidth) + `" w:h="` + strconv.Itoa(pageHeight) + `"/>`)
	m := strconv.Itoa(margin)
	w.WriteString(`<w:pgMar w:top="` + m + `" w:right="` + m + `" w:bottom="` + m + `" w:left="` + strconv.Itoa(marginLeft) + `" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`)
	w.WriteString(`</w:body></w:document>`)
}

// writeParagraph writes one paragraph whose lines are separated by breaks.
func writeParagraph(w *bufio.Writer, lines []string) {
	w.WriteString(`<w:p><w:r>`)
	for i, line := range lines {
		if i > 0 {
			w.WriteString(`<w:br/>`)
		}
		if line != "" {
			w.WriteString(`<w:t xml:space="preserve">`)
			xml.EscapeText(w, []byte(line))
			w.WriteString(`</w:t>`)
		}
	}
	w.WriteString(`</w:r></w:p>`)
}

// span is a run of grid positions of a row written as one w:tc.
type span struct {
	start, width int
	text         string
	vcont        bool // continues the cell above
}

func writeTable(w *bufio.Writer, t *Table) {
	cols := 1
	for _, r := range t.Rows {
		cols = max(cols, len(r.Cells))
	}
	colWidth := strconv.Itoa(textWidth / cols)
	w.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>` + tableBorders + `</w:tblPr><w:tblGrid>`)
	for range cols {
		w.WriteString(`<w:gridCol w:w="` + colWidth + `"/>`)
	}
	w.WriteString(`</w:tblGrid>`)
	layouts := make([][]span, len(t.Rows))
	for i, r := range t.Rows {
		var above []span
		if i > 0 {
			above = layouts[i-1]
		}
		layouts[i] = layoutRow(r.Cells, above)
	}
	for i, r := range t.Rows {
		w.WriteString(`<w:tr>`)
		if after := cols - max(len(r.Cells), 1); after > 0 {
			w.WriteString(`<w:trPr><w:gridAfter w:val="` + strconv.Itoa(after) + `"/></w:trPr>`)
		}
		if len(layouts[i]) == 0 {
			w.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + colWidth + `" w:type="dxa"/></w:tcPr><w:p/></w:tc>`)
		}
		for _, s := range layouts[i] {
			w.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(s.width*(textWidth/cols)) + `" w:type="dxa"/>`)
			if s.width > 1 {
				w.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(s.width) + `"/>`)
			}
			switch {
			case s.vcont:
				w.WriteString(`<w:vMerge/>`)
			case i+1 < len(layouts) && continued(layouts[i+1], s.start):
				w.WriteString(`<w:vMerge w:val="restart"/>`)
			}
			w.WriteString(`</w:tcPr>`)
			if s.vcont {
				w.WriteString(`<w:p/>`)
			} else {
				for _, line := range strings.Split(s.text, "\n") {
					writeParagraph(w, []string{line})
				}
			}
			w.WriteString(`</w:tc>`)
		}
		w.WriteString(`</w:tr>`)
	}
	w.WriteString(`</w:tbl>`)
}

// continued reports whether the row laid out as below continues the cell
// starting at grid column c of the row above.
func continued(below []span, c int) bool {
	s := spanAt(below, c)
	return s != nil && s.vcont
}

// layoutRow groups a row's cells into the spans written as w:tc, given the
// spans of the row above.
func layoutRow(cells []Cell, above []span) []span {
	var spans []span
	for c, cell := range cells {
		if cell.Merged && len(spans) > 0 {
			last := &spans[len(spans)-1]
			if last.start+last.width == c && last.text == cell.Text {
				if !last.vcont {
					last.width++
					continue
				}
				if a := spanAt(above, last.start); a != nil && a.start+a.width > c {
					last.width++
					continue
				}
			}
		}
		if cell.Merged {
			if a := spanAt(above, c); a != nil && a.text == cell.Text {
				spans = append(spans, span{start: c, width: 1, text: cell.Text, vcont: true})
				continue
			}
		}
		spans = append(spans, span{start: c, width: 1, text: cell.Text})
	}
	return spans
}

// spanAt returns the span starting at grid column c, or nil.
func spanAt(spans []span, c int) *span {
	for i := range spans {
		if spans[i].start == c {
			return &spans[i]
		}
	}
	return nil
}
