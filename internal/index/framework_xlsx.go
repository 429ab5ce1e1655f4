package index

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/index/rule"
)

// Sheets and columns of a framework workbook. The "Bộ chỉ số" sheet has
// the framework's title on row 1, the header on row 3 and one row per
// item below, in tree order; "Xếp loại" has one row per band.
const (
	sheetItems = "Bộ chỉ số"
	sheetBands = "Xếp loại"

	colItemNumber   = "STT"
	colItemTitle    = "Lĩnh vực, tiêu chí, tiêu chí thành phần"
	colItemMax      = "Điểm tối đa"
	colItemRule     = "Cách chấm điểm"
	colItemKind     = "Loại điểm"
	colItemEvidence = "Tài liệu kiểm chứng"
	colItemOptional = "Có thể không áp dụng"
	colItemGroup    = "Nhóm tiêu chí"
	colItemGuidance = "Hướng dẫn chấm"

	colBandFrom  = "Từ (%)"
	colBandLabel = "Xếp loại"

	evidenceRequiredText = "Bắt buộc"
	optionalText         = "Có"

	// itemsHeaderRow is the row of the header on the "Bộ chỉ số" sheet as
	// written; the reader finds it wherever it is.
	itemsHeaderRow = 3
	// listRows is how far down the drop-down lists of the exported
	// workbook reach.
	listRows = 2000
)

// itemColumns are the columns of the "Bộ chỉ số" sheet, in order.
var itemColumns = []string{colItemNumber, colItemTitle, colItemMax, colItemRule, colItemKind, colItemEvidence,
	colItemOptional, colItemGroup, colItemGuidance}

var itemWidths = []float64{8, 60, 10, 48, 22, 14, 12, 14, 50}

// bandColumns are the columns of the "Xếp loại" sheet, in order.
var bandColumns = []string{colBandFrom, colBandLabel}

// FrameworkXLSX writes framework f's items (in tree order) and bands as a
// workbook that ReadFrameworkXLSX reads back to the same items and bands.
// The header and the fields' rows are bold; points are numbers (format
// "0.##", "0" for whole points); a leaf's rule is written as
// rule.Spec.Describe words it, a parent's left blank.
func FrameworkXLSX(f Framework, items []Item, bands []Band) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	w := &xlsxWriter{x: x, styles: map[xlsxStyle]int{}}
	if err := w.items(f, items); err != nil {
		return nil, fmt.Errorf("index: framework %d workbook: sheet %s: %w", f.ID, sheetItems, err)
	}
	if err := w.bands(bands); err != nil {
		return nil, fmt.Errorf("index: framework %d workbook: sheet %s: %w", f.ID, sheetBands, err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return nil, fmt.Errorf("index: framework %d workbook: write: %w", f.ID, err)
	}
	return buf.Bytes(), nil
}

// xlsxStyle names a cell style of the workbook.
type xlsxStyle struct {
	bold   bool
	numFmt string // "" for text (wrapped)
	title  bool
}

type xlsxWriter struct {
	x      *excelize.File
	styles map[xlsxStyle]int
}

// style returns the id of st, creating it once.
func (w *xlsxWriter) style(st xlsxStyle) (int, error) {
	if id, ok := w.styles[st]; ok {
		return id, nil
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Bold: st.bold || st.title},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}
	if st.numFmt != "" {
		f := st.numFmt
		s.CustomNumFmt = &f
		s.Alignment.WrapText = false
	}
	if st.title {
		s.Font.Size = 14
		s.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	}
	id, err := w.x.NewStyle(s)
	if err != nil {
		return 0, err
	}
	w.styles[st] = id
	return id, nil
}

// pointsFormat returns the number format of a number of points (or
// percent): whole numbers without a decimal mark, others with up to two
// decimals.
func pointsFormat(p rule.Points) string {
	if p%100 == 0 {
		return "0"
	}
	return "0.##"
}

// setRow writes vals on row (1-based) with a style per column.
func (w *xlsxWriter) setRow(sheet string, row int, vals []any, styles []xlsxStyle) error {
	for j, v := range vals {
		cell, err := excelize.CoordinatesToCellName(j+1, row)
		if err != nil {
			return err
		}
		if s, ok := v.(string); ok {
			err = w.x.SetCellStr(sheet, cell, s)
		} else {
			err = w.x.SetCellValue(sheet, cell, v)
		}
		if err != nil {
			return err
		}
		id, err := w.style(styles[j])
		if err != nil {
			return err
		}
		if err := w.x.SetCellStyle(sheet, cell, cell, id); err != nil {
			return err
		}
	}
	return nil
}

func (w *xlsxWriter) widths(sheet string, widths []float64) error {
	for i, width := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := w.x.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	return nil
}

func (w *xlsxWriter) items(f Framework, items []Item) error {
	x := w.x
	if err := x.SetSheetName(x.GetSheetName(0), sheetItems); err != nil {
		return err
	}
	last, err := excelize.ColumnNumberToName(len(itemColumns))
	if err != nil {
		return err
	}
	if err := x.MergeCell(sheetItems, "A1", last+"1"); err != nil {
		return err
	}
	if err := w.setRow(sheetItems, 1, []any{strings.ToUpper(f.Title)}, []xlsxStyle{{title: true}}); err != nil {
		return err
	}
	if err := x.SetRowHeight(sheetItems, 1, 36); err != nil {
		return err
	}
	header := make([]any, len(itemColumns))
	headerStyles := make([]xlsxStyle, len(itemColumns))
	for j, h := range itemColumns {
		header[j], headerStyles[j] = h, xlsxStyle{bold: true}
	}
	if err := w.setRow(sheetItems, itemsHeaderRow, header, headerStyles); err != nil {
		return err
	}
	tree := BuildTree(items)
	for i, it := range items {
		leaf := tree.IsLeaf(it.ID)
		describe, kind := "", ""
		if leaf {
			describe, kind = it.Rule.Describe(), ItemKindLabel(it.Kind)
		}
		evidence, optional := "", ""
		if it.EvidenceRequired {
			evidence = evidenceRequiredText
		}
		if it.Optional {
			optional = optionalText
		}
		vals := []any{it.Number, it.Title, it.MaxPoints.Float(), describe, kind, evidence, optional,
			GroupLabel(it.GroupTag), it.Guidance}
		bold := it.Level == LevelField
		styles := make([]xlsxStyle, len(vals))
		for j := range styles {
			styles[j] = xlsxStyle{bold: bold}
		}
		styles[2].numFmt = pointsFormat(it.MaxPoints)
		if err := w.setRow(sheetItems, itemsHeaderRow+1+i, vals, styles); err != nil {
			return err
		}
	}
	if err := w.widths(sheetItems, itemWidths); err != nil {
		return err
	}
	lists := []struct {
		col     string
		choices []string
	}{
		{"E", []string{ItemKindLabel(KindScore), ItemKindLabel(KindSurvey), ItemKindLabel(KindBonus), ItemKindLabel(KindPenalty)}},
		{"F", []string{evidenceRequiredText}},
		{"G", []string{optionalText}},
		{"H", []string{GroupLabel(GroupRoutine), GroupLabel(GroupInvestment), GroupLabel(GroupHard)}},
	}
	for _, l := range lists {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", l.col, itemsHeaderRow+1, l.col, listRows)
		if err := dv.SetDropList(l.choices); err != nil {
			return err
		}
		if err := x.AddDataValidation(sheetItems, dv); err != nil {
			return err
		}
	}
	return x.SetPanes(sheetItems, &excelize.Panes{Freeze: true, YSplit: itemsHeaderRow,
		TopLeftCell: fmt.Sprintf("A%d", itemsHeaderRow+1), ActivePane: "bottomLeft"})
}

func (w *xlsxWriter) bands(bands []Band) error {
	if _, err := w.x.NewSheet(sheetBands); err != nil {
		return err
	}
	bold := []xlsxStyle{{bold: true}, {bold: true}}
	if err := w.setRow(sheetBands, 1, []any{colBandFrom, colBandLabel}, bold); err != nil {
		return err
	}
	for i, b := range bands {
		p := rule.Points(b.MinPercent)
		if err := w.setRow(sheetBands, i+2, []any{p.Float(), b.Label}, []xlsxStyle{{numFmt: pointsFormat(p)}, {}}); err != nil {
			return err
		}
	}
	return w.widths(sheetBands, []float64{10, 30})
}
