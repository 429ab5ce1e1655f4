package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Sheets and columns of a form workbook. A form workbook has three sheets:
// "Biểu mẫu" (the form's code, title and unit kinds, one per row: label in
// column A, value in column B), "Chỉ tiêu" (one row per section and per
// field) and "Quy tắc" (one row per validation rule).
const (
	sheetForm   = "Biểu mẫu"
	sheetFields = "Chỉ tiêu"
	sheetRules  = "Quy tắc"

	labelFormCode  = "Mã biểu mẫu"
	labelFormTitle = "Tên biểu mẫu"
	labelFormKinds = "Loại đơn vị báo cáo"
	labelFormTypes = "Dùng cho loại báo cáo"
	labelVersion   = "Phiên bản"
	colFormValue   = "Nội dung"

	colSection = "Mục"
	colCode    = "Mã"
	colLabel   = "Tên chỉ tiêu"
	colKind    = "Loại"
	colFormula = "Công thức"
	colKinds   = "Áp dụng cho loại đơn vị"
	colPrefill = "Tự điền"
	colArea    = "Lĩnh vực"

	colNumber  = "STT"
	colExpr    = "Điều kiện"
	colMessage = "Thông báo khi sai"
)

// fieldColumns are the columns of the "Chỉ tiêu" sheet, in export order.
var fieldColumns = []string{colSection, colCode, colLabel, colKind, colFormula, colKinds, colPrefill, colArea}

// ruleColumns are the columns of the "Quy tắc" sheet, in export order.
var ruleColumns = []string{colNumber, colExpr, colMessage}

// Row kinds of the "Chỉ tiêu" sheet as written in its "Loại" column: a
// section row, a narrative field, and the indicator kinds.
const (
	rowSection   = "mục"
	rowNarrative = "văn bản"
	rowCount     = "số lượng"
	rowMoney     = "tiền"
	rowRate      = "tỷ lệ"
)

var kindLabels = map[string]string{KindCount: rowCount, KindMoney: rowMoney, KindRate: rowRate}

// ExportFormXLSX writes f as a form workbook that ImportFormXLSX reads back
// to the same FormInput: sections and their fields in order on "Chỉ tiêu",
// rules on "Quy tắc".
func ExportFormXLSX(w io.Writer, f Form) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName(x.GetSheetName(0), sheetForm); err != nil {
		return fmt.Errorf("report: export form %q: %w", f.Code, err)
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("report: export form %q: %w", f.Code, err)
	}
	meta := [][]any{
		{"", colFormValue},
		{labelFormCode, f.Code},
		{labelFormTitle, f.Title},
		{labelFormKinds, strings.Join(f.Kinds(), ", ")},
		{labelFormTypes, strings.Join(f.Types(), ", ")},
		{labelVersion, strconv.Itoa(f.Version)},
	}
	var fields [][]any
	for _, s := range f.Definition.Sections {
		fields = append(fields, []any{s.Code, "", s.Title, rowSection, "", "", "", s.Area})
		for _, n := range s.Narratives {
			fields = append(fields, []any{s.Code, n.Code, n.Label, rowNarrative, "", "", n.Prefill, ""})
		}
		for _, in := range s.Indicators {
			fields = append(fields, []any{s.Code, in.Code, in.Label, kindLabels[in.Kind], in.Formula,
				strings.Join(in.UnitKinds, ", "), in.Prefill, ""})
		}
	}
	var rules [][]any
	for i, r := range f.Definition.Rules {
		rules = append(rules, []any{i + 1, r.Expr, r.Message})
	}
	sheets := []struct {
		name   string
		header []string
		rows   [][]any
		widths []float64
	}{
		{sheetForm, nil, meta, []float64{24, 60}},
		{sheetFields, fieldColumns, fields, []float64{12, 28, 60, 12, 50, 26, 20, 14}},
		{sheetRules, ruleColumns, rules, []float64{6, 70, 80}},
	}
	for _, sh := range sheets {
		if sh.name != sheetForm {
			if _, err := x.NewSheet(sh.name); err != nil {
				return fmt.Errorf("report: export form %q: sheet %s: %w", f.Code, sh.name, err)
			}
		}
		if err := writeSheet(x, sh.name, sh.header, sh.rows, sh.widths, bold); err != nil {
			return fmt.Errorf("report: export form %q: sheet %s: %w", f.Code, sh.name, err)
		}
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "D2:D2000"
	if err := dv.SetDropList([]string{rowSection, rowNarrative, rowCount, rowMoney, rowRate}); err != nil {
		return fmt.Errorf("report: export form %q: kind list: %w", f.Code, err)
	}
	if err := x.AddDataValidation(sheetFields, dv); err != nil {
		return fmt.Errorf("report: export form %q: kind list: %w", f.Code, err)
	}
	if err := x.Write(w); err != nil {
		return fmt.Errorf("report: export form %q: write: %w", f.Code, err)
	}
	return nil
}

// writeSheet writes header (bold, when not nil) then rows, and sets column
// widths.
func writeSheet(x *excelize.File, sheet string, header []string, rows [][]any, widths []float64, bold int) error {
	row := 1
	if header != nil {
		vals := make([]any, len(header))
		for i, h := range header {
			vals[i] = h
		}
		rows = append([][]any{vals}, rows...)
	}
	for _, vals := range rows {
		cell, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		if err := x.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
		row++
	}
	last, err := excelize.ColumnNumberToName(len(widths))
	if err != nil {
		return err
	}
	if err := x.SetCellStyle(sheet, "A1", last+"1", bold); err != nil {
		return err
	}
	if header == nil { // the form sheet: labels in bold
		if err := x.SetCellStyle(sheet, "A1", fmt.Sprintf("A%d", len(rows)), bold); err != nil {
			return err
		}
	}
	for i, w := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := x.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}
