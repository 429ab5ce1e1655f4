package plan

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
)

// SheetPlans is the name of the sheet ExportPlansXLSX writes.
const SheetPlans = "Kế hoạch"

// ExportPlansXLSX writes plans, in the given order, as a workbook of one
// row per plan. parentTitles names the plans' parent plans; a parent absent
// from it (one the reader may not see) leaves the cell empty.
func ExportPlansXLSX(w io.Writer, plans []Plan, parentTitles map[int64]string) error {
	sh := listSheet{Name: SheetPlans,
		Header: []string{"STT", "Loại", "Tên kế hoạch", "Số ký hiệu", "Đơn vị ban hành", "Ngày ban hành", "Từ ngày",
			"Đến ngày", "Trạng thái", "Kế hoạch cấp trên"},
		Widths:  []float64{6, 20, 60, 18, 30, 14, 12, 12, 14, 50},
		Formats: map[int]string{6: dateFormat, 7: dateFormat, 8: dateFormat},
	}
	for i, p := range plans {
		var parent string
		if p.ParentID != nil {
			parent = parentTitles[*p.ParentID]
		}
		sh.Rows = append(sh.Rows, []any{i + 1, p.KindLabel(), p.Title, p.NumberSymbol, p.IssuingUnitName,
			cellDate(p.IssuedOn), cellDate(p.PeriodStart), cellDate(p.PeriodEnd), p.StatusLabel(), parent})
	}
	return writeListSheets(w, sh)
}

// dateFormat is the number format of date cells.
const dateFormat = "dd/mm/yyyy"

// cellDate returns d as a time for a date cell, or nil (an empty cell).
func cellDate(d civil.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}

// listSheet is a sheet holding one plain table: an optional title merged
// across the table's width on the first row, a bold header row, the rows,
// and an optional bold total row. Every cell is bordered.
type listSheet struct {
	Name    string
	Title   string
	Header  []string
	Widths  []float64      // column widths, left to right
	Formats map[int]string // number format by column, 1-based
	Rows    [][]any
	Total   []any // nil: no total row
}

// writeListSheets writes a workbook of sheets, in order, to w.
func writeListSheets(w io.Writer, sheets ...listSheet) error {
	x := excelize.NewFile()
	defer x.Close()
	for i, sh := range sheets {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", sh.Name); err != nil {
				return err
			}
		} else if _, err := x.NewSheet(sh.Name); err != nil {
			return err
		}
		if err := writeListSheet(x, sh); err != nil {
			return fmt.Errorf("plan: sheet %q: %w", sh.Name, err)
		}
	}
	return x.Write(w)
}

func writeListSheet(x *excelize.File, sh listSheet) error {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	style := func(bold bool, format string) (int, error) {
		s := &excelize.Style{Font: &excelize.Font{Bold: bold}, Alignment: wrap, Border: border}
		if format != "" {
			s.CustomNumFmt = &format
		}
		return x.NewStyle(s)
	}
	cols := len(sh.Header)
	row := 0
	if sh.Title != "" {
		row++
		title, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
		if err != nil {
			return err
		}
		if err := x.SetCellValue(sh.Name, cell(1, row), sh.Title); err != nil {
			return err
		}
		if err := x.MergeCell(sh.Name, cell(1, row), cell(cols, row)); err != nil {
			return err
		}
		if err := x.SetCellStyle(sh.Name, cell(1, row), cell(cols, row), title); err != nil {
			return err
		}
	}
	head, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}}})
	if err != nil {
		return err
	}
	header := make([]any, cols)
	for i, h := range sh.Header {
		header[i] = h
	}
	row++
	if err := x.SetSheetRow(sh.Name, cell(1, row), &header); err != nil {
		return err
	}
	if err := x.SetCellStyle(sh.Name, cell(1, row), cell(cols, row), head); err != nil {
		return err
	}
	// Body and total styles per column: the column's number format, bold for the total.
	body, total := make([]int, cols+1), make([]int, cols+1)
	for c := 1; c <= cols; c++ {
		if body[c], err = style(false, sh.Formats[c]); err != nil {
			return err
		}
		if total[c], err = style(true, sh.Formats[c]); err != nil {
			return err
		}
	}
	put := func(vals []any, styles []int) error {
		row++
		if err := x.SetSheetRow(sh.Name, cell(1, row), &vals); err != nil {
			return err
		}
		for c := 1; c <= cols; c++ {
			if err := x.SetCellStyle(sh.Name, cell(c, row), cell(c, row), styles[c]); err != nil {
				return err
			}
		}
		return nil
	}
	for _, r := range sh.Rows {
		if err := put(r, body); err != nil {
			return err
		}
	}
	if sh.Total != nil {
		if err := put(sh.Total, total); err != nil {
			return err
		}
	}
	for i, width := range sh.Widths {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := x.SetColWidth(sh.Name, name, name, width); err != nil {
			return err
		}
	}
	return nil
}
