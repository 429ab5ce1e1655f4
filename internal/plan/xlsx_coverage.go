package plan

import "io"

// Sheets of the coverage workbook.
const (
	SheetCoverageUnits   = "Phạm vi bao phủ"
	SheetCoverageMissing = "Nhiệm vụ còn thiếu"
)

// CoverageRow is one unit's coverage of a plan as exported: its counts and
// how its own plan under the plan stands, as the reader may see it
// ("Chưa có kế hoạch", a plan's title ...).
type CoverageRow struct {
	UnitCoverage
	UnitPlan string
}

// ExportCoverageXLSX writes the coverage of the tasks a plan assigned as a
// workbook: a sheet with one row per unit (assigned, covered, missing and
// the unit's plan) and a total row, and a sheet listing each unit's missing
// tasks in the plan's order. title heads both sheets.
func ExportCoverageXLSX(w io.Writer, title string, rows []CoverageRow) error {
	units := listSheet{Name: SheetCoverageUnits, Title: title,
		Header: []string{"STT", "Đơn vị", "Được giao", "Đã có trong kế hoạch", "Còn thiếu", "Kế hoạch của đơn vị"},
		Widths: []float64{6, 40, 12, 14, 12, 50},
	}
	missing := listSheet{Name: SheetCoverageMissing, Title: title,
		Header: []string{"STT", "Đơn vị", "Số thứ tự nhiệm vụ", "Nhiệm vụ được giao chưa có trong kế hoạch"},
		Widths: []float64{6, 40, 12, 80},
	}
	var assigned, covered, absent int
	for i, r := range rows {
		units.Rows = append(units.Rows, []any{i + 1, r.UnitName, r.Assigned, r.Covered, len(r.Missing), r.UnitPlan})
		assigned, covered, absent = assigned+r.Assigned, covered+r.Covered, absent+len(r.Missing)
		for _, t := range r.Missing {
			missing.Rows = append(missing.Rows, []any{len(missing.Rows) + 1, r.UnitName, t.Seq, t.Content})
		}
	}
	units.Total = []any{"", "Tổng cộng", assigned, covered, absent, ""}
	return writeListSheets(w, units, missing)
}
