// Package xlsxw writes the cells of one sheet of an excelize workbook,
// keeping the first error, so an export writes its cells one after another
// and checks once at the end.
package xlsxw

import "github.com/xuri/excelize/v2"

// Sheet writes into sheet Name of X. After the first failure every call
// does nothing, and Err holds that failure.
type Sheet struct {
	X    *excelize.File
	Name string
	Err  error
}

// Cell writes v at column col and row row (both from 1) with style.
func (s *Sheet) Cell(col, row int, v any, style int) {
	if s.Err != nil {
		return
	}
	name, err := excelize.CoordinatesToCellName(col, row)
	if err == nil {
		err = s.X.SetCellValue(s.Name, name, v)
	}
	if err == nil {
		err = s.X.SetCellStyle(s.Name, name, name, style)
	}
	s.Err = err
}

// Merged writes v across columns from..to of row, merged into one cell,
// each with style.
func (s *Sheet) Merged(from, to, row int, v any, style int) {
	for c := from; c <= to; c++ {
		s.Cell(c, row, "", style)
	}
	s.Cell(from, row, v, style)
	if s.Err != nil || from == to {
		return
	}
	a, _ := excelize.CoordinatesToCellName(from, row)
	b, _ := excelize.CoordinatesToCellName(to, row)
	s.Err = s.X.MergeCell(s.Name, a, b)
}

// MergeRows merges rows from..to of column col.
func (s *Sheet) MergeRows(col, from, to int) {
	if s.Err != nil {
		return
	}
	a, _ := excelize.CoordinatesToCellName(col, from)
	b, _ := excelize.CoordinatesToCellName(col, to)
	s.Err = s.X.MergeCell(s.Name, a, b)
}

// Widths sets the widths of the first columns, in order.
func (s *Sheet) Widths(ws ...float64) {
	for i, w := range ws {
		if s.Err != nil {
			return
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		s.Err = s.X.SetColWidth(s.Name, col, col, w)
	}
}
