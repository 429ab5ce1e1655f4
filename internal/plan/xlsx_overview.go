package plan

import (
	"cmp"
	"io"
)

// Sheets of the overview workbook.
const (
	SheetOverviewUnits = "Theo đơn vị"
	SheetOverviewAreas = "Theo lĩnh vực"
)

// ExportOverviewXLSX writes the completion overview as a workbook: one
// sheet per unit and one per area, each a row per line of counts in the
// given order, then a total row. title heads both sheets (the plan and the
// date, as the caller words them). Rates are percentages of the counted
// (not cancelled) items, as on the overview page.
func ExportOverviewXLSX(w io.Writer, title string, units []UnitStats, areas []AreaStats, total Counts) error {
	sheet := func(name, first string) listSheet {
		return listSheet{Name: name, Title: title,
			Header: []string{first, "Tổng số", "Hoàn thành đúng hạn", "%", "Hoàn thành quá hạn", "%", "Quá hạn",
				"Đang thực hiện", "Chưa đến hạn", "Tạm dừng", "Hủy"},
			Widths:  []float64{40, 10, 12, 8, 12, 8, 10, 12, 12, 10, 8},
			Formats: map[int]string{4: "0.0", 6: "0.0"},
			Total:   countsRow("Tổng cộng", total),
		}
	}
	byUnit, byArea := sheet(SheetOverviewUnits, "Đơn vị"), sheet(SheetOverviewAreas, "Lĩnh vực")
	for _, u := range units {
		byUnit.Rows = append(byUnit.Rows, countsRow(u.UnitName, u.Counts))
	}
	for _, a := range areas {
		byArea.Rows = append(byArea.Rows, countsRow(cmp.Or(a.AreaName, "Chưa xếp lĩnh vực"), a.Counts))
	}
	return writeListSheets(w, byUnit, byArea)
}

// countsRow is one line of the overview sheets.
func countsRow(name string, c Counts) []any {
	return []any{name, c.Total, c.DoneOnTime, c.DoneOnTimeRate(), c.DoneLate, c.DoneLateRate(), c.Overdue,
		c.InProgress, c.NotDue, c.Paused, c.Cancelled}
}
