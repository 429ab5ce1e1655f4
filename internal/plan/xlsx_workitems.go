package plan

import (
	"context"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
)

// SheetWorkItems is the name of the sheet ExportWorkItemsXLSX writes.
const SheetWorkItems = "Phần việc"

// workItemHeader is the header row of the work item workbook.
var workItemHeader = []any{"STT", "Số thứ tự nhiệm vụ", "Nhiệm vụ", "Kế hoạch", "Đơn vị", "Kỳ", "Bắt đầu", "Thời hạn",
	"Tiến độ (%)", "Ngày hoàn thành", "Trạng thái", "Số ngày quá hạn", "Lý do tạm dừng/hủy"}

// ExportWorkItemsXLSX writes every work item matching f (Limit and Offset
// are ignored) to w as a workbook, in the order of WorkItems, with states
// judged on the store's today.
func (s *Store) ExportWorkItemsXLSX(ctx context.Context, w io.Writer, f WorkItemFilter) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetWorkItems); err != nil {
		return err
	}
	if err := x.SetSheetRow(SheetWorkItems, "A1", &workItemHeader); err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := x.SetRowStyle(SheetWorkItems, 1, 1, bold); err != nil {
		return err
	}
	dateFmt := "dd/mm/yyyy"
	dateStyle, err := x.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return err
	}
	row := 1
	f.Limit, f.Offset = 1000, 0
	for {
		items, total, err := s.WorkItems(ctx, f)
		if err != nil {
			return err
		}
		for _, it := range items {
			row++
			v := []any{row - 1, it.TaskSeq, it.TaskContent, it.PlanTitle, it.UnitName, it.PeriodLabel(), workItemCellDate(it.Start),
				workItemCellDate(it.Due), it.Percent, workItemCellDate(it.CompletedOn), it.Status.Label(), nil, it.HoldReason}
			if it.DaysOverdue > 0 {
				v[11] = it.DaysOverdue
			}
			if err := x.SetSheetRow(SheetWorkItems, fmt.Sprintf("A%d", row), &v); err != nil {
				return err
			}
		}
		f.Offset += len(items)
		if len(items) < f.Limit || f.Offset >= total {
			break
		}
	}
	if row > 1 {
		for _, cols := range [][2]string{{"G", "H"}, {"J", "J"}} {
			if err := x.SetCellStyle(SheetWorkItems, fmt.Sprintf("%s2", cols[0]), fmt.Sprintf("%s%d", cols[1], row), dateStyle); err != nil {
				return err
			}
		}
	}
	for col, width := range map[string]float64{"A": 6, "B": 10, "C": 60, "D": 40, "E": 30, "F": 18, "G": 12, "H": 12,
		"I": 10, "J": 14, "K": 20, "L": 10, "M": 30} {
		if err := x.SetColWidth(SheetWorkItems, col, col, width); err != nil {
			return err
		}
	}
	return x.Write(w)
}

// workItemCellDate returns d as a time for a date cell, or nil (an empty cell).
func workItemCellDate(d civil.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}
