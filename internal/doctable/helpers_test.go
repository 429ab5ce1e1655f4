package doctable

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"html"
	"strings"
	"testing"
)

// docxParts are the XML parts of a test document: the inner XML of w:body,
// of w:numbering and of w:styles. Empty numbering or styles leave the part
// out. extra adds raw parts.
type docxParts struct {
	body, numbering, styles string
	extra                   map[string]string
}

const testNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// buildDOCX zips the parts into a .docx.
func buildDOCX(t testing.TB, p docxParts) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": contentTypesXML,
		"_rels/.rels":         rootRelsXML,
		partDocument:          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + testNS + `><w:body>` + p.body + `</w:body></w:document>`,
	}
	if p.numbering != "" {
		parts[partNumbering] = `<w:numbering ` + testNS + `>` + p.numbering + `</w:numbering>`
	}
	if p.styles != "" {
		parts[partStyles] = `<w:styles ` + testNS + `>` + p.styles + `</w:styles>`
	}
	for name, content := range p.extra {
		parts[name] = content
	}
	return zipParts(t, parts)
}

// zipParts zips named contents, deflated.
func zipParts(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatalf("zip %s: %v", name, err)
		}
		if _, err := f.Write([]byte(content)); err != nil {
			t.Fatalf("zip %s: %v", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatalf("zip: %v", err)
	}
	return buf.Bytes()
}

// XML builders for test bodies.

func run(text string) string {
	return `<w:r><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r>`
}

func para(text string) string { return `<w:p>` + run(text) + `</w:p>` }

// numPara is a paragraph numbered with numId and ilvl.
func numPara(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>`, ilvl, numID, run(text))
}

// styledPara is a paragraph of style id.
func styledPara(id, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + id + `"/></w:pPr>` + run(text) + `</w:p>`
}

// tc is a cell of paragraphs; props is the inner XML of w:tcPr.
func tc(props string, paras ...string) string {
	if len(paras) == 0 {
		paras = []string{`<w:p/>`}
	}
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + strings.Join(paras, "") + `</w:tc>`
}

// cell is a cell with one paragraph per text.
func cell(texts ...string) string {
	var ps []string
	for _, t := range texts {
		ps = append(ps, para(t))
	}
	return tc("", ps...)
}

func tr(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

func tbl(rows ...string) string {
	return `<w:tbl><w:tblPr/><w:tblGrid/>` + strings.Join(rows, "") + `</w:tbl>`
}

// Expected values.

func textBlock(text, source string) Block { return Block{Text: text, Source: source} }

func tableBlock(source string, rows ...Row) Block {
	return Block{Table: &Table{Rows: rows}, Source: source}
}

func row(source string, cells ...Cell) Row { return Row{Cells: cells, Source: source} }

func c(text string) Cell { return Cell{Text: text} }

func m(text string) Cell { return Cell{Text: text, Merged: true} }

// texts lists a row's cell texts.
func texts(r Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Text
	}
	return out
}

// refusal returns the message of err, failing unless it is an *Error.
func refusal(t *testing.T, err error) string {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want *Error", err, err)
	}
	return e.Msg
}

// checkLimits fails when a Document Read returned breaks a guarantee.
func checkLimits(t *testing.T, doc Document, err error) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Msg == "" {
			t.Fatalf("error %v (%T) is not an *Error with a message", err, err)
		}
		return
	}
	if !hasContent(doc) {
		t.Fatalf("document without content returned without error")
	}
	if len(doc.Blocks) > MaxBlocks {
		t.Fatalf("%d blocks, limit %d", len(doc.Blocks), MaxBlocks)
	}
	rows, cells := 0, 0
	for _, b := range doc.Blocks {
		if len(b.Text) > MaxCellBytes {
			t.Fatalf("paragraph of %d bytes", len(b.Text))
		}
		if b.Table == nil {
			continue
		}
		rows += len(b.Table.Rows)
		for _, r := range b.Table.Rows {
			cells += len(r.Cells)
			for _, c := range r.Cells {
				if len(c.Text) > MaxCellBytes {
					t.Fatalf("cell of %d bytes in %s", len(c.Text), r.Source)
				}
			}
		}
	}
	if rows > MaxRows || cells > MaxCells {
		t.Fatalf("%d rows, %d cells: over the limits", rows, cells)
	}
}

// dump writes blocks one per line, for failure messages.
func dump(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		if bl.Table == nil {
			fmt.Fprintf(&b, "\n  [%s] %q", bl.Source, bl.Text)
			continue
		}
		fmt.Fprintf(&b, "\n  [%s] table %q", bl.Source, bl.Table.Name)
		for _, r := range bl.Table.Rows {
			fmt.Fprintf(&b, "\n    [%s] %+v", r.Source, r.Cells)
		}
	}
	return b.String()
}
