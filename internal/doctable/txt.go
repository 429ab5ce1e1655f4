package doctable

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Text extracted from Word comes in two layouts, both read here.
//
// Tab layout: a table cell starts with a line beginning with a tab (the cell
// is the text after the tab; a line that is only a tab is an empty cell). A
// line without a leading tab while a row is open continues the current cell
// (a new paragraph of it). A blank line ends the row, with two exceptions,
// where blank lines are empty paragraphs of the current cell:
//
//   - exactly one blank line followed by a line without a leading tab: the
//     cell goes on with that line. Word's extraction ends a row with one
//     blank line and a table with two, and a row's next cell starts with a
//     tab, so a single blank line before untabbed text can only be inside a
//     cell: the guidance template's "\t1.........." / "" / "2……..." is one
//     cell "1..........\n\n2……...";
//   - blank lines followed by a tab line while the row has fewer cells than
//     the first row of its table: the row goes on (a cell ending with empty
//     paragraphs). The extraction repeats merged cells, so the rows of a
//     table are equally wide.
//
// Consecutive rows form one table; a line without a tab outside a row is a
// paragraph and ends it.
//
// Paragraph layout: lines without tabs are paragraphs, one Block each, blank
// lines dropped; a line of spaces (or no-break spaces) is a paragraph with
// Text "", as it is an empty cell of a table the extraction flattened.
//
// The Source of a row is the line of its first cell, of a paragraph its own
// line, both counted from 1.

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

func (rd *reader) readText(data []byte) (Document, error) {
	text, err := rd.decodeText(data)
	if err != nil {
		return Document{}, err
	}
	p := &txtParser{rd: rd, doc: Document{Format: TXT}}
	if err := p.parse(splitLines(text)); err != nil {
		return Document{}, err
	}
	return p.doc, nil
}

// decodeText returns data as a string: UTF-8 with or without a byte order
// mark, or UTF-16 with one. Anything else is refused, with a message naming
// the likely cause.
func (rd *reader) decodeText(data []byte) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		text = decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		text = decodeUTF16(data[2:], true)
	default:
		data = bytes.TrimPrefix(data, bomUTF8)
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			return "", rd.notText(bytes.IndexByte(data, 0) >= 0)
		}
		text = string(data)
	}
	head := strings.ToLower(text[:min(len(text), 512)])
	switch {
	case strings.IndexByte(text, 0) >= 0:
		return "", rd.notText(true)
	case strings.HasPrefix(head, `{\rtf`):
		return "", rd.refuse(nil, "Tệp RTF chưa đọc được: hãy mở bằng Word và lưu lại thành .docx.")
	case strings.Contains(head, "<html") || strings.Contains(head, "<table"):
		return "", rd.refuse(nil, "%s là trang web (HTML), không phải tài liệu Word/Excel: hãy mở bằng Word/Excel và lưu lại thành .docx/.xlsx.", rd.file())
	}
	return text, nil
}

// notText refuses content that is not text: binary (it holds zero bytes)
// or text in an encoding other than UTF-8.
func (rd *reader) notText(binary bool) error {
	switch {
	case rd.ext == ".docx" || rd.ext == ".xlsx":
		return rd.refuse(nil, "%s có đuôi %s nhưng không phải tài liệu %s: có thể tệp bị hỏng hoặc bị đổi tên. Hãy mở bằng %s, lưu lại rồi gửi lại.",
			rd.file(), rd.ext, rd.kindByExt(), rd.kindByExt())
	case binary:
		return rd.refuse(nil, "%s không phải văn bản, tài liệu Word (.docx) hay Excel (.xlsx): không đọc được.", rd.file())
	}
	return rd.refuse(nil, "%s không ở bảng mã Unicode UTF-8 (có thể là mã TCVN3 hay VNI cũ): hãy mở bằng Word và lưu lại thành .docx, hoặc lưu văn bản với bảng mã UTF-8.", rd.file())
}

// decodeUTF16 decodes UTF-16 without its byte order mark; an odd last byte
// is dropped and unpaired surrogates become U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) string {
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(units))
}

// txtParser reads lines into blocks. At most one table, row and cell are
// open at a time.
type txtParser struct {
	rd      *reader
	doc     Document
	table   *Table   // the open table, already in doc.Blocks
	row     *Row     // the open row
	cell    []string // lines of the open cell
	size    int      // bytes in cell
	rowLine int      // line of the open row's first cell
}

func (p *txtParser) parse(lines []string) error {
	for i, line := range lines {
		switch {
		case line == "":
			if p.row == nil {
				continue
			}
			if p.blankInCell(lines, i) {
				if err := p.addLine(""); err != nil { // an empty paragraph of the cell
					return err
				}
				continue
			}
			if err := p.endRow(); err != nil {
				return err
			}
		case line[0] == '\t':
			if p.row == nil {
				if err := p.startRow(i + 1); err != nil {
					return err
				}
			} else if err := p.endCell(); err != nil {
				return err
			}
			p.cell, p.size = nil, 0
			if err := p.addLine(line[1:]); err != nil {
				return err
			}
		case p.row != nil:
			if err := p.addLine(line); err != nil {
				return err
			}
		default:
			p.table = nil
			if err := p.paragraph(line, i+1); err != nil {
				return err
			}
		}
	}
	if p.row != nil {
		return p.endRow()
	}
	return nil
}

// blankInCell reports whether the blank line i, met while a row is open, is
// an empty paragraph of the open cell rather than the end of the row.
func (p *txtParser) blankInCell(lines []string, i int) bool {
	next := i + 1
	if next < len(lines) && lines[next] != "" && lines[next][0] != '\t' {
		return true // one blank line, then text without a tab
	}
	for next < len(lines) && lines[next] == "" {
		next++
	}
	if next == len(lines) || lines[next][0] != '\t' || len(p.table.Rows) == 0 {
		return false
	}
	// Blank lines, then more cells: the row goes on if it is still
	// narrower than the first row of its table.
	return len(p.row.Cells)+1 < len(p.table.Rows[0].Cells)
}

func (p *txtParser) where() string {
	return "ô ở hàng bắt đầu tại dòng " + strconv.Itoa(p.rowLine)
}

// addLine adds a line to the open cell.
func (p *txtParser) addLine(line string) error {
	p.cell = append(p.cell, line)
	p.size += len(line) + 1
	if p.size > p.rd.lim.cellBytes {
		return p.rd.checkText(strings.Join(p.cell, "\n"), p.where())
	}
	return nil
}

// startRow opens a row at line n, and a table when none is open.
func (p *txtParser) startRow(n int) error {
	if err := p.rd.addRow(); err != nil {
		return err
	}
	if p.table == nil {
		if err := p.rd.addBlock(); err != nil {
			return err
		}
		p.table = &Table{}
		p.doc.Blocks = append(p.doc.Blocks, Block{Table: p.table, Source: "line " + strconv.Itoa(n)})
	}
	p.row = &Row{Source: "line " + strconv.Itoa(n)}
	p.rowLine = n
	return nil
}

// endCell adds the open cell to the open row.
func (p *txtParser) endCell() error {
	if err := p.rd.addCells(1); err != nil {
		return err
	}
	p.row.Cells = append(p.row.Cells, Cell{Text: cleanText(strings.Join(p.cell, "\n"))})
	p.cell, p.size = nil, 0
	return nil
}

// endRow adds the open row to the open table.
func (p *txtParser) endRow() error {
	if err := p.endCell(); err != nil {
		return err
	}
	p.table.Rows = append(p.table.Rows, *p.row)
	p.row = nil
	return nil
}

// paragraph adds line n as a paragraph block.
func (p *txtParser) paragraph(line string, n int) error {
	text := cleanLine(line)
	if err := p.rd.checkText(text, "dòng "+strconv.Itoa(n)); err != nil {
		return err
	}
	if err := p.rd.addBlock(); err != nil {
		return err
	}
	p.doc.Blocks = append(p.doc.Blocks, Block{Text: text, Source: "line " + strconv.Itoa(n)})
	return nil
}
