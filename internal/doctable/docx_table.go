package doctable

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// Word tables. A row's cells (w:tc) are laid on the table grid: w:gridSpan
// widens a cell over several grid columns, w:vMerge continues the cell
// above, w:gridBefore leaves grid columns empty at the start of a row. Read
// gives every grid position a Cell, copies of a merged cell marked Merged.

// maxSpan bounds one cell's w:gridSpan; Word itself stops at 63 columns.
const maxSpan = 1000

// tcInfo is one w:tc as read, before it is laid on the grid.
type tcInfo struct {
	span  int
	vcont bool // w:vMerge without val="restart": continues the cell above
	hcont bool // w:hMerge continue (Word 97 tables): continues the cell left
	text  string
}

// rowBuilder lays the cells of one row on the grid.
type rowBuilder struct {
	rd         *reader
	above      []Cell // the previous row of the same table
	cells      []Cell
	gridBefore int
	deleted    bool // a tracked deletion of the whole row
}

// table reads a w:tbl and returns its rows, deleted rows left out.
func (d *docx) table() ([]Row, error) {
	d.nested++
	defer func() { d.nested-- }()
	var rows []Row
	err := d.tableContent(&rows)
	return rows, err
}

// tableContent reads the rows of a table, or of a content control or custom
// XML element grouping some of its rows.
func (d *docx) tableContent(rows *[]Row) error {
	return d.children(func(t xml.StartElement) error {
		switch name := t.Name.Local; {
		case name == "tr":
			if err := d.rd.addRow(); err != nil {
				return err
			}
			if d.nested == 1 {
				d.row = len(*rows) + 1
			}
			rb := &rowBuilder{rd: d.rd}
			if n := len(*rows); n > 0 {
				rb.above = (*rows)[n-1].Cells
			}
			if err := d.tableRow(rb); err != nil {
				return err
			}
			if !rb.deleted {
				*rows = append(*rows, Row{Cells: rb.cells})
			}
			return nil
		case transparent[name]:
			return d.tableContent(rows)
		}
		return d.skip()
	})
}

// tableRow reads the content of a w:tr (or of a content control inside it).
func (d *docx) tableRow(rb *rowBuilder) error {
	return d.children(func(t xml.StartElement) error {
		var err error
		switch name := t.Name.Local; {
		case name == "trPr":
			err = d.rowProperties(rb)
		case name == "tc":
			var tc tcInfo
			if tc, err = d.cell(); err == nil {
				err = rb.add(tc)
			}
		case transparent[name]:
			err = d.tableRow(rb)
		default:
			err = d.skip()
		}
		return err
	})
}

// rowProperties reads a w:trPr: cells skipped at the start, and whether the
// row is a tracked deletion.
func (d *docx) rowProperties(rb *rowBuilder) error {
	return d.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "gridBefore":
			rb.gridBefore = boundedSpan(attr(t, "val"))
		case "del":
			rb.deleted = true
		}
		return d.skip()
	})
}

// cell reads a w:tc: its merge properties and its text, paragraphs joined by
// "\n" and nested tables appended row by row.
func (d *docx) cell() (tcInfo, error) {
	tc := tcInfo{span: 1}
	var lines []string
	size := 0
	add := func(line string) error {
		lines = append(lines, line)
		size += len(line) + 1
		if size > d.rd.lim.cellBytes {
			where := "ô ở bảng " + strconv.Itoa(d.tables+1) + ", dòng " + strconv.Itoa(d.row)
			return d.rd.checkText(strings.Join(lines, "\n"), where)
		}
		return nil
	}
	sink := blockSink{
		para: add,
		table: func(rows []Row) error {
			for _, r := range rows {
				if line := nestedRowText(r); line != "" {
					if err := add(line); err != nil {
						return err
					}
				}
			}
			return nil
		},
		cellProperties: func() error { return d.cellProperties(&tc) },
	}
	if err := d.blocks(sink); err != nil {
		return tc, err
	}
	tc.text = cleanText(strings.Join(lines, "\n"))
	return tc, nil
}

// nestedRowText writes a row of a table inside a cell as one line, cells
// joined by " | ", merged copies left out.
func nestedRowText(r Row) string {
	var parts []string
	for _, c := range r.Cells {
		if c.Merged || c.Text == "" {
			continue
		}
		parts = append(parts, strings.ReplaceAll(c.Text, "\n", " "))
	}
	return strings.Join(parts, " | ")
}

// cellProperties reads a w:tcPr for the merges.
func (d *docx) cellProperties(tc *tcInfo) error {
	return d.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "gridSpan":
			tc.span = max(1, boundedSpan(attr(t, "val")))
		case "vMerge":
			tc.vcont = attr(t, "val") != "restart"
		case "hMerge":
			tc.hcont = attr(t, "val") != "restart"
		}
		return d.skip()
	})
}

// add lays a cell on the grid.
func (rb *rowBuilder) add(tc tcInfo) error {
	if len(rb.cells) == 0 && rb.gridBefore > 0 {
		if err := rb.rd.addCells(rb.gridBefore); err != nil {
			return err
		}
		rb.cells = append(rb.cells, make([]Cell, rb.gridBefore)...)
	}
	if err := rb.rd.addCells(tc.span); err != nil {
		return err
	}
	col := len(rb.cells)
	switch {
	case tc.vcont:
		for k := range tc.span {
			text := ""
			if col+k < len(rb.above) {
				text = rb.above[col+k].Text
			}
			rb.cells = append(rb.cells, Cell{Text: text, Merged: true})
		}
	case tc.hcont && col > 0:
		text := rb.cells[col-1].Text
		for range tc.span {
			rb.cells = append(rb.cells, Cell{Text: text, Merged: true})
		}
	default:
		rb.cells = append(rb.cells, Cell{Text: tc.text})
		for range tc.span - 1 {
			rb.cells = append(rb.cells, Cell{Text: tc.text, Merged: true})
		}
	}
	return nil
}

// boundedSpan parses a count of grid columns, 0 when it is not a number,
// at most maxSpan.
func boundedSpan(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, maxSpan)
}
