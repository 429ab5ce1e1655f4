package doctable

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// docx walks word/document.xml as a stream of tokens. Each method reads the
// content of the element whose start tag was just read, up to and including
// its end tag, so the walk is a recursive descent bounded by lim.depth.
//
// What is read: paragraphs and tables of the body, in order; runs' text
// (w:t), tabs as spaces, breaks as new lines; inserted text (w:ins) and the
// content of hyperlinks, smart tags, content controls and simple fields.
// What is skipped: deleted text, field instructions, symbols, drawings and
// text boxes (their text would come twice, from the drawing and from its
// fallback), headers, footers, footnotes and comments.
type docx struct {
	rd     *reader
	dec    *xml.Decoder
	num    *numbering
	depth  int
	doc    Document
	paras  int // body paragraphs seen, empty ones included
	tables int // body tables seen
	nested int // tables open around the current token
	row    int // the current row of the current body table, from 1
}

// Elements read through as if absent, in block and in inline context.
var transparent = map[string]bool{
	"body": true, "sdt": true, "sdtContent": true, "customXml": true, "smartTag": true,
	"hyperlink": true, "fldSimple": true, "ins": true, "moveTo": true, "dir": true, "bdo": true,
}

func (rd *reader) readDOCX(a *archive) (Document, error) {
	num, err := a.loadNumbering()
	if err != nil {
		return Document{}, err
	}
	rc, err := a.open(partDocument)
	if err != nil {
		return Document{}, err
	}
	defer rc.Close()
	d := &docx{rd: rd, dec: xml.NewDecoder(rc), num: num, doc: Document{Format: DOCX}}
	if err := d.blocks(blockSink{para: d.bodyParagraph, table: d.bodyTable}); err != nil {
		return Document{}, d.fail(err)
	}
	return d.doc, nil
}

// fail turns a decoding error into the refusal shown to the user.
func (d *docx) fail(err error) error {
	var refusal *Error
	if errors.As(err, &refusal) {
		return refusal
	}
	return d.rd.corrupt(fmt.Errorf("decode %s: %w", partDocument, err))
}

// token returns the next start tag, end tag or character data, keeping the
// nesting depth; the end of the part inside an element is an error.
func (d *docx) token() (xml.Token, error) {
	for {
		tok, err := d.dec.Token()
		if err == io.EOF && d.depth > 0 {
			return nil, io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, err
		}
		switch tok.(type) {
		case xml.StartElement:
			d.depth++
			if d.depth > d.rd.lim.depth {
				return nil, d.rd.refuse(nil, "%s có cấu trúc lồng nhau quá sâu, không đọc được: hãy mở bằng Word, lưu lại rồi gửi lại.", d.rd.file())
			}
			return tok, nil
		case xml.EndElement:
			d.depth--
			return tok, nil
		case xml.CharData:
			return tok, nil
		}
	}
}

// children reads the content of the current element up to its end,
// calling visit with each child element's start; visit must read that
// child to its end (d.skip() when it has no use for it).
func (d *docx) children(visit func(t xml.StartElement) error) error {
	for {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := visit(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// skip reads to the end of the current element.
func (d *docx) skip() error {
	for depth := 1; depth > 0; {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// blockSink receives the blocks read by blocks. cellProperties, when set,
// reads a w:tcPr met on the way.
type blockSink struct {
	para           func(text string) error
	table          func(rows []Row) error
	cellProperties func() error
}

// blocks reads block-level content (the document, its body, a table cell)
// to the end of the current element, or of the part at the top level.
func (d *docx) blocks(sink blockSink) error {
	top := d.depth
	for {
		tok, err := d.token()
		if err == io.EOF && top == 0 {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch name := t.Name.Local; {
			case name == "p":
				text, err := d.paragraph()
				if err == nil {
					err = sink.para(text)
				}
				if err != nil {
					return err
				}
			case name == "tbl":
				rows, err := d.table()
				if err == nil {
					err = sink.table(rows)
				}
				if err != nil {
					return err
				}
			case name == "tcPr" && sink.cellProperties != nil:
				if err := sink.cellProperties(); err != nil {
					return err
				}
			case name == "document" || transparent[name]:
				if err := d.blocks(sink); err != nil {
					return err
				}
			default:
				if err := d.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// bodyParagraph adds a paragraph of the body as a block, unless empty.
func (d *docx) bodyParagraph(text string) error {
	d.paras++
	if text == "" {
		return nil
	}
	if err := d.rd.checkText(text, "đoạn văn thứ "+strconv.Itoa(d.paras)); err != nil {
		return err
	}
	if err := d.rd.addBlock(); err != nil {
		return err
	}
	d.doc.Blocks = append(d.doc.Blocks, Block{Text: text, Source: "paragraph " + strconv.Itoa(d.paras)})
	return nil
}

// bodyTable adds a table of the body as a block, unless it has no row.
func (d *docx) bodyTable(rows []Row) error {
	d.tables++
	if len(rows) == 0 {
		return nil
	}
	for i := range rows {
		rows[i].Source = "table " + strconv.Itoa(d.tables) + ", row " + strconv.Itoa(i+1)
		for _, c := range rows[i].Cells {
			where := "ô ở bảng " + strconv.Itoa(d.tables) + ", dòng " + strconv.Itoa(i+1)
			if err := d.rd.checkText(c.Text, where); err != nil {
				return err
			}
		}
	}
	if err := d.rd.addBlock(); err != nil {
		return err
	}
	d.doc.Blocks = append(d.doc.Blocks, Block{Table: &Table{Rows: rows}, Source: "table " + strconv.Itoa(d.tables)})
	return nil
}

// paragraph reads a w:p and returns its text, cleaned, with its number.
func (d *docx) paragraph() (string, error) {
	var (
		b  strings.Builder
		pn paraNum
	)
	if err := d.inline(&b, &pn); err != nil {
		return "", err
	}
	// The counters advance even for an empty numbered paragraph, as in Word.
	number := d.num.render(pn)
	text := cleanText(b.String())
	if text == "" {
		return "", nil
	}
	return number + text, nil
}

// inline reads the content of a paragraph or of an element inside one,
// writing its text to b. pn, when not nil, receives the paragraph's
// numbering properties.
func (d *docx) inline(b *strings.Builder, pn *paraNum) error {
	return d.children(func(t xml.StartElement) error {
		var err error
		switch name := t.Name.Local; {
		case name == "pPr" && pn != nil:
			err = d.paragraphProperties(pn)
		case name == "t":
			err = d.text(b)
		case name == "tab" || name == "ptab":
			b.WriteByte(' ')
			err = d.skip()
		case name == "br" || name == "cr":
			b.WriteByte('\n')
			err = d.skip()
		case name == "noBreakHyphen":
			b.WriteByte('-')
			err = d.skip()
		case name == "r" || transparent[name]:
			err = d.inline(b, nil)
		default:
			err = d.skip()
		}
		return err
	})
}

// text reads the character data of a w:t.
func (d *docx) text(b *strings.Builder) error {
	for {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := d.skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// paragraphProperties reads a w:pPr for the style and numbering.
func (d *docx) paragraphProperties(pn *paraNum) error {
	return d.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "pStyle":
			pn.style = attr(t, "val")
		case "numPr":
			return d.numberingProperties(pn)
		}
		return d.skip()
	})
}

// numberingProperties reads a w:numPr.
func (d *docx) numberingProperties(pn *paraNum) error {
	return d.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "numId":
			pn.numID, pn.hasNum = attr(t, "val"), true
		case "ilvl":
			pn.ilvl, pn.hasLevel = attr(t, "val"), true
		}
		return d.skip()
	})
}

// attr returns the value of the attribute with the local name, in any
// namespace.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
