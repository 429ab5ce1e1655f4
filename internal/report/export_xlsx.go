package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/xlsxw"
)

// Sheets of an export workbook.
const (
	sheetFigures = "Phụ lục số liệu"
	sheetUnits   = "Đơn vị báo cáo"
)

// ExportXLSX writes e as a workbook in the usual appendix layout: the
// unit and the title above a table STT | Chỉ tiêu | Đơn vị tính | Số liệu
// (and, when e is compared, the previous period and the same period last
// year), one Roman-numbered section row per area, rates as percentages
// computed from the counts. A consolidation adds a sheet with the
// drill-down: each contributing unit's timeliness and figures.
func ExportXLSX(w io.Writer, e Export) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", sheetFigures); err != nil {
		return fmt.Errorf("report: export workbook: %w", err)
	}
	st, err := newExportStyles(x)
	if err != nil {
		return fmt.Errorf("report: export workbook styles: %w", err)
	}
	if err := writeFigures(x, st, e); err != nil {
		return fmt.Errorf("report: export figures of %s: %w", e.Period.Code, err)
	}
	if e.Consolidated {
		if _, err := x.NewSheet(sheetUnits); err != nil {
			return fmt.Errorf("report: export workbook: %w", err)
		}
		if err := writeUnitLines(x, st, e); err != nil {
			return fmt.Errorf("report: export units of %s: %w", e.Period.Code, err)
		}
	}
	if err := x.Write(w); err != nil {
		return fmt.Errorf("report: write export workbook: %w", err)
	}
	return nil
}

// exportStyles are the cell styles of an export workbook.
type exportStyles struct {
	unit, title, subtitle, header, section, text, center, count, rate int
}

func newExportStyles(x *excelize.File) (exportStyles, error) {
	font := func(bold, italic bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: size, Bold: bold, Italic: italic}
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	wrap := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	countFmt, rateFmt := "#,##0", "0.0%"
	specs := []*excelize.Style{
		{Font: font(true, false, 12), Alignment: wrap("center")},
		{Font: font(true, false, 14), Alignment: wrap("center")},
		{Font: font(false, true, 12), Alignment: wrap("center")},
		{Font: font(true, false, 12), Alignment: wrap("center"), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}},
		{Font: font(true, false, 12), Alignment: wrap("left"), Border: border},
		{Font: font(false, false, 12), Alignment: wrap("left"), Border: border},
		{Font: font(false, false, 12), Alignment: wrap("center"), Border: border},
		{Font: font(false, false, 12), Alignment: wrap("right"), Border: border, CustomNumFmt: &countFmt},
		{Font: font(false, false, 12), Alignment: wrap("right"), Border: border, CustomNumFmt: &rateFmt},
	}
	ids := make([]int, len(specs))
	for i, s := range specs {
		id, err := x.NewStyle(s)
		if err != nil {
			return exportStyles{}, err
		}
		ids[i] = id
	}
	return exportStyles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8]}, nil
}

// figure returns a figure as a cell value (a number, or "" when absent)
// and its style.
func figure(st exportStyles, kind string, v *float64) (any, int) {
	switch {
	case v == nil:
		return "", st.count
	case kind == KindRate:
		return *v, st.rate
	}
	return *v, st.count
}

// exportTitle returns the title of e's table of figures.
func exportTitle(e Export) string {
	if e.Consolidated {
		return "BIỂU TỔNG HỢP SỐ LIỆU " + strings.ToUpper(e.FormTitle)
	}
	return "BIỂU SỐ LIỆU " + strings.ToUpper(e.FormTitle)
}

func writeFigures(x *excelize.File, st exportStyles, e Export) error {
	s := &xlsxw.Sheet{X: x, Name: sheetFigures}
	header := []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"}
	widths := []float64{7, 62, 14, 16}
	if e.Compared() {
		header = append(header, "Kỳ trước", "Cùng kỳ năm trước")
		widths = append(widths, 16, 18)
	}
	last := len(header)
	s.Merged(1, 2, 1, strings.ToUpper(e.Unit.Name), st.unit)
	s.Merged(1, last, 3, exportTitle(e), st.title)
	sub := e.Period.Title
	if e.Consolidated {
		sub += fmt.Sprintf(" — %d/%d đơn vị đã gửi báo cáo", e.Tally.SubmittedOnTime+e.Tally.SubmittedLate, e.Tally.Expected)
	}
	s.Merged(1, last, 4, "("+sub+")", st.subtitle)
	row := 6
	for c, h := range header {
		s.Cell(c+1, row, h, st.header)
	}
	for _, sec := range e.Figures() {
		row++
		s.Cell(1, row, sec.Number, st.section)
		s.Merged(2, last, row, sec.Title, st.section)
		for _, r := range sec.Rows {
			row++
			s.Cell(1, row, r.Number, st.center)
			s.Cell(2, row, r.Indicator.Label, st.text)
			s.Cell(3, row, r.Measure, st.center)
			for i, v := range []*float64{r.Value, r.Previous, r.LastYear}[:last-3] {
				val, style := figure(st, r.Indicator.Kind, v)
				s.Cell(4+i, row, val, style)
			}
		}
	}
	s.Widths(widths...)
	if s.Err == nil {
		s.Err = x.SetPanes(sheetFigures, &excelize.Panes{Freeze: true, YSplit: 6, TopLeftCell: "A7", ActivePane: "bottomLeft"})
	}
	return s.Err
}

// writeUnitLines writes a consolidation's drill-down: one row per line
// with its report's status, its tally and its counts and money.
func writeUnitLines(x *excelize.File, st exportStyles, e Export) error {
	s := &xlsxw.Sheet{X: x, Name: sheetUnits}
	header := []string{"STT", "Đơn vị", "Trạng thái báo cáo", "Phải gửi", "Gửi đúng hạn", "Gửi trễ hạn", "Chưa gửi"}
	widths := []float64{7, 40, 18, 10, 10, 10, 10}
	var inds []Indicator
	for _, ind := range e.Definition.Indicators() {
		if ind.Kind != KindRate {
			inds = append(inds, ind)
			header = append(header, ind.Label)
			widths = append(widths, 16)
		}
	}
	s.Merged(1, min(len(header), 7), 1, exportTitle(e)+" THEO ĐƠN VỊ ("+e.Period.Title+")", st.title)
	for c, h := range header {
		s.Cell(c+1, 3, h, st.header)
	}
	for i, l := range e.Units {
		row := 4 + i
		name, status := l.Name, StatusLabel(l.Status)
		if l.Status == "" {
			status = "Chưa lập"
		}
		if !l.Own && l.Expected > 1 {
			name += " (tổng hợp)"
		}
		s.Cell(1, row, i+1, st.center)
		s.Cell(2, row, name, st.text)
		s.Cell(3, row, status, st.center)
		for j, n := range []int{l.Expected, l.SubmittedOnTime, l.SubmittedLate, l.Missing} {
			s.Cell(4+j, row, n, st.count)
		}
		vals := valueMap(l.Values)
		for j, ind := range inds {
			v, style := figure(st, ind.Kind, vals[ind.Code])
			s.Cell(8+j, row, v, style)
		}
	}
	s.Widths(widths...)
	if s.Err == nil {
		s.Err = x.SetPanes(sheetUnits, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4", ActivePane: "bottomRight"})
	}
	return s.Err
}
