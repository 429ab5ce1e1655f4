package doctable

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Excel workbooks are read with excelize, after the package passed the zip
// checks: excelize loads every part, so every part is checked, and its
// unzip limits are set to the same budget. Each visible sheet with a value
// becomes a table named after the sheet; cell texts are the values as Excel
// formats them. Hidden sheets are skipped.

// scanFactor bounds the grid positions excelize may hand over, empty ones
// included, as a multiple of the cell limit: a row of blanks ending at
// column XFD costs 16384 positions and yields nothing.
const scanFactor = 10

// sheetRow is a sheet row with at least one value: its number in the sheet
// (from 1) and its cells.
type sheetRow struct {
	num   int
	cells []Cell
}

func (rd *reader) readXLSX(a *archive, data []byte) (Document, error) {
	if err := a.checkAll(); err != nil {
		return Document{}, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    rd.lim.expanded,
		UnzipXMLSizeLimit: rd.lim.expanded, // everything in memory: no temporary files
	})
	if err != nil {
		return Document{}, rd.corrupt(fmt.Errorf("open workbook: %w", err))
	}
	defer f.Close()
	doc := Document{Format: XLSX}
	scanned := 0
	for _, name := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(name)
		if err != nil {
			return Document{}, rd.corrupt(fmt.Errorf("sheet %q visibility: %w", name, err))
		}
		if !visible {
			continue
		}
		table, err := rd.readSheet(f, name, &scanned)
		if err != nil {
			return Document{}, err
		}
		if table == nil {
			continue
		}
		if err := rd.addBlock(); err != nil {
			return Document{}, err
		}
		doc.Blocks = append(doc.Blocks, Block{Table: table, Source: "sheet " + name})
	}
	return doc, nil
}

// readSheet returns the rows of a sheet that hold a value, merged ranges
// copied across, or nil when the sheet holds none.
func (rd *reader) readSheet(f *excelize.File, name string, scanned *int) (*Table, error) {
	iter, err := f.Rows(name)
	if err != nil {
		var missing excelize.ErrSheetNotExist
		if errors.As(err, &missing) {
			return nil, nil // a chart sheet: no cells
		}
		return nil, rd.corrupt(fmt.Errorf("sheet %q: %w", name, err))
	}
	var rows []sheetRow
	num := 0
	for iter.Next() {
		num++
		values, err := iter.Columns()
		if err != nil {
			iter.Close()
			return nil, rd.corrupt(fmt.Errorf("sheet %q row %d: %w", name, num, err))
		}
		*scanned += len(values)
		if *scanned > scanFactor*rd.lim.cells {
			iter.Close()
			return nil, rd.tooManyCells()
		}
		cells := make([]Cell, len(values))
		for i, v := range values {
			cells[i].Text = cleanText(v)
			if err := rd.checkText(cells[i].Text, rd.sheetWhere(name, num)); err != nil {
				iter.Close()
				return nil, err
			}
		}
		cells = trimCells(cells)
		if len(cells) == 0 {
			continue
		}
		if err := rd.addRow(); err != nil {
			iter.Close()
			return nil, err
		}
		if err := rd.addCells(len(cells)); err != nil {
			iter.Close()
			return nil, err
		}
		rows = append(rows, sheetRow{num: num, cells: cells})
	}
	if err := iter.Close(); err != nil {
		return nil, rd.corrupt(fmt.Errorf("sheet %q: %w", name, err))
	}
	if len(rows) == 0 {
		return nil, nil
	}
	if err := rd.copyMerged(f, name, rows); err != nil {
		return nil, err
	}
	t := &Table{Name: name, Rows: make([]Row, len(rows))}
	for i, r := range rows {
		t.Rows[i] = Row{Cells: trimCells(r.cells), Source: "sheet " + name + ", row " + strconv.Itoa(r.num)}
	}
	return t, nil
}

// copyMerged gives the value of each merged range's first cell to the other
// positions of the range, in the rows kept.
func (rd *reader) copyMerged(f *excelize.File, name string, rows []sheetRow) error {
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		return rd.corrupt(fmt.Errorf("sheet %q merged cells: %w", name, err))
	}
	type area struct{ c1, r1, c2, r2 int }
	var areas []area
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue // a malformed range: Excel would drop it too
		}
		areas = append(areas, area{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)})
	}
	// The table is as wide as its values and its merged ranges, except the
	// ranges merging whole rows, which are cut to that width.
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	for _, a := range areas {
		if a.c2 < excelize.MaxColumns {
			width = max(width, a.c2)
		}
	}
	for _, a := range areas {
		c1, r1, c2, r2 := a.c1, a.r1, min(a.c2, width), a.r2
		text := ""
		if i := findRow(rows, r1); i < len(rows) && rows[i].num == r1 && c1 <= len(rows[i].cells) {
			text = rows[i].cells[c1-1].Text
		}
		for i := findRow(rows, r1); i < len(rows) && rows[i].num <= r2; i++ {
			r := &rows[i]
			for c := c1; c <= c2; c++ {
				if r.num == r1 && c == c1 {
					continue
				}
				if err := rd.addCells(1); err != nil {
					return err
				}
				for len(r.cells) < c {
					r.cells = append(r.cells, Cell{})
				}
				r.cells[c-1] = Cell{Text: text, Merged: true}
			}
		}
	}
	return nil
}

// findRow returns the index of the first row numbered num or more.
func findRow(rows []sheetRow, num int) int {
	return sort.Search(len(rows), func(i int) bool { return rows[i].num >= num })
}

// trimCells drops the empty cells at the end of a row.
func trimCells(cells []Cell) []Cell {
	end := len(cells)
	for end > 0 && cells[end-1].Text == "" {
		end--
	}
	return cells[:end]
}

// sheetWhere names a sheet row in Vietnamese for messages.
func (rd *reader) sheetWhere(sheet string, row int) string {
	return "ô ở trang tính “" + sheet + "”, dòng " + strconv.Itoa(row)
}
