package index

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"cchc/internal/index/rule"
	"cchc/internal/xlsxw"
)

// Sheets of the results workbook.
const (
	SheetResults    = "Kết quả"
	SheetComponents = "Chỉ số thành phần"
)

// resultsHeaderRow is the row of the column headings on both sheets; the
// units follow from the next row.
const resultsHeaderRow = 4

// ResultsXLSX writes e as a workbook. Sheet "Kết quả" is the ranking
// table, one row per unit in ranking order: Hạng | Đơn vị | Điểm tự đánh
// giá | Điểm thẩm định | Điểm điều tra XHH | Điểm thưởng | Điểm trừ | Tổng
// điểm | Điểm tối đa | Chỉ số (%) | Xếp loại | Chênh lệch tự chấm/thẩm
// định | So với năm trước. Points are numbers (1,25 điểm is 1.25), the index
// a fraction formatted as a percentage, the change from last year a
// number of percentage points; an unranked unit's rank is the text
// "Không xếp hạng". Sheet "Chỉ số thành phần" gives, per unit, the points
// and the component index of every field that has one.
func ResultsXLSX(w io.Writer, e ResultsExport) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetResults); err != nil {
		return fmt.Errorf("index: results workbook: %w", err)
	}
	if _, err := x.NewSheet(SheetComponents); err != nil {
		return fmt.Errorf("index: results workbook: %w", err)
	}
	st, err := newResultsStyles(x)
	if err != nil {
		return fmt.Errorf("index: results workbook styles: %w", err)
	}
	if err := writeResultsSheet(x, st, e); err != nil {
		return fmt.Errorf("index: results sheet of framework %d: %w", e.Results.Framework.ID, err)
	}
	if err := writeComponentsSheet(x, st, e); err != nil {
		return fmt.Errorf("index: components sheet of framework %d: %w", e.Results.Framework.ID, err)
	}
	if err := x.Write(w); err != nil {
		return fmt.Errorf("index: write results workbook of framework %d: %w", e.Results.Framework.ID, err)
	}
	return nil
}

// resultsStyles are the cell styles of the results workbook.
type resultsStyles struct {
	title, subtitle, header, text, center, points, percent, change int
}

func newResultsStyles(x *excelize.File) (resultsStyles, error) {
	font := func(bold, italic bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: size, Bold: bold, Italic: italic}
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	align := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	pointsFmt, percentFmt, changeFmt := "#,##0.00", "0.00%", "+0.00;-0.00;0.00"
	specs := []*excelize.Style{
		{Font: font(true, false, 14), Alignment: align("center")},
		{Font: font(false, true, 12), Alignment: align("center")},
		{Font: font(true, false, 11), Alignment: align("center"), Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}},
		{Font: font(false, false, 12), Alignment: align("left"), Border: border},
		{Font: font(false, false, 12), Alignment: align("center"), Border: border},
		{Font: font(false, false, 12), Alignment: align("right"), Border: border, CustomNumFmt: &pointsFmt},
		{Font: font(false, false, 12), Alignment: align("right"), Border: border, CustomNumFmt: &percentFmt},
		{Font: font(false, false, 12), Alignment: align("right"), Border: border, CustomNumFmt: &changeFmt},
	}
	ids := make([]int, len(specs))
	for i, s := range specs {
		id, err := x.NewStyle(s)
		if err != nil {
			return resultsStyles{}, err
		}
		ids[i] = id
	}
	return resultsStyles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7]}, nil
}

// resultsTitles writes the sheet's title over columns 1..last and its subtitle.
func resultsTitles(s *xlsxw.Sheet, st resultsStyles, e ResultsExport, last int, title string) {
	s.Merged(1, last, 1, title, st.title)
	sub := "(" + e.Subject()
	if e.Results.Framework.Stage != StageFinal {
		sub += " — kết quả tạm tính, chưa chốt"
	}
	s.Merged(1, last, 2, sub+")", st.subtitle)
}

// resultsFreeze keeps the headings and the units' names in view.
func resultsFreeze(s *xlsxw.Sheet, rows int) {
	if s.Err != nil {
		return
	}
	top, _ := excelize.CoordinatesToCellName(3, rows+1)
	s.Err = s.X.SetPanes(s.Name, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: rows, TopLeftCell: top, ActivePane: "bottomRight"})
}

// resultsFraction returns points ÷ maxPoints for a cell formatted as a
// percentage, 0 when maxPoints is 0.
func resultsFraction(points, maxPoints rule.Points) float64 {
	if maxPoints <= 0 {
		return 0
	}
	return float64(points) / float64(maxPoints)
}

// resultsPoints returns p as a number of points for a cell.
func resultsPoints(p rule.Points) float64 { return p.Float() }

func writeResultsSheet(x *excelize.File, st resultsStyles, e ResultsExport) error {
	s := &xlsxw.Sheet{X: x, Name: SheetResults}
	header := []string{"Hạng", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Điểm thưởng", "Điểm trừ",
		"Tổng điểm đạt được", "Điểm tối đa", "Chỉ số (%)", "Xếp loại", "Chênh lệch tự chấm/thẩm định",
		"So với năm trước (điểm %)"}
	resultsTitles(s, st, e, len(header), fmt.Sprintf("KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d", e.Results.Framework.Year))
	for c, h := range header {
		s.Cell(c+1, resultsHeaderRow, h, st.header)
	}
	for i, u := range e.Results.Units {
		row := resultsHeaderRow + 1 + i
		if u.Rank != nil {
			s.Cell(1, row, *u.Rank, st.center)
		} else {
			s.Cell(1, row, u.RankText(), st.center)
		}
		s.Cell(2, row, u.UnitName, st.text)
		for j, p := range []rule.Points{u.Self, u.Appraised, u.Survey, u.Bonus, u.Penalty, u.Points, u.Max} {
			s.Cell(3+j, row, resultsPoints(p), st.points)
		}
		s.Cell(10, row, resultsFraction(u.Points, u.Max), st.percent)
		s.Cell(11, row, u.Band, st.center)
		s.Cell(12, row, resultsPoints(u.Deviation), st.points)
		if ch := u.Change(); ch != nil {
			s.Cell(13, row, *ch, st.change)
		} else {
			s.Cell(13, row, "", st.change)
		}
	}
	s.Widths(9, 40, 12, 12, 12, 10, 10, 12, 10, 11, 13, 14, 13)
	resultsFreeze(s, resultsHeaderRow)
	return s.Err
}

func writeComponentsSheet(x *excelize.File, st resultsStyles, e ResultsExport) error {
	s := &xlsxw.Sheet{X: x, Name: SheetComponents}
	fields := resultsFields(e.Results)
	last := max(2+2*len(fields)+1, 4)
	resultsTitles(s, st, e, last, fmt.Sprintf("CHỈ SỐ THÀNH PHẦN THEO LĨNH VỰC NĂM %d", e.Results.Framework.Year))
	// Two heading rows: the field over its points and its index.
	top, sub := resultsHeaderRow-1, resultsHeaderRow
	if err := x.SetRowHeight(SheetComponents, top, 48); err != nil {
		return err
	}
	for c, h := range []string{"Hạng", "Đơn vị"} {
		s.Cell(c+1, top, h, st.header)
		s.Cell(c+1, sub, "", st.header)
		s.MergeRows(c+1, top, sub)
	}
	widths := []float64{9, 40}
	for i, f := range fields {
		col := 3 + 2*i
		s.Merged(col, col+1, top, fmt.Sprintf("%s. %s (tối đa %s điểm)", f.Number, f.Title, f.MaxPoints), st.header)
		s.Cell(col, sub, "Điểm", st.header)
		s.Cell(col+1, sub, "Chỉ số (%)", st.header)
		widths = append(widths, 10, 11)
	}
	total := 3 + 2*len(fields)
	s.Cell(total, top, "Chỉ số chung", st.header)
	s.Cell(total, sub, "", st.header)
	s.MergeRows(total, top, sub)
	widths = append(widths, 12)
	for i, u := range e.Results.Units {
		row := sub + 1 + i
		if u.Rank != nil {
			s.Cell(1, row, *u.Rank, st.center)
		} else {
			s.Cell(1, row, u.RankText(), st.center)
		}
		s.Cell(2, row, u.UnitName, st.text)
		for j, f := range fields {
			col := 3 + 2*j
			c, ok := u.Components[f.ID]
			if !ok || c.Max == 0 {
				s.Cell(col, row, "", st.points)
				s.Cell(col+1, row, "", st.percent)
				continue
			}
			s.Cell(col, row, resultsPoints(c.Points), st.points)
			s.Cell(col+1, row, resultsFraction(c.Points, c.Max), st.percent)
		}
		s.Cell(total, row, resultsFraction(u.Points, u.Max), st.percent)
	}
	s.Widths(widths...)
	resultsFreeze(s, sub)
	return s.Err
}
