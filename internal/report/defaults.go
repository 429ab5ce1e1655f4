package report

import (
	"context"
	"fmt"

	"cchc/internal/db"
)

// DefaultFormCode is the code of the default PAR report form that
// EnsureDefaults seeds.
const DefaultFormCode = "CCHC"

// DefaultTypes returns the report types of the default calendar (DOMAIN §6,
// one province's 2017 calendar, with the data cut-offs of Nghị định
// 09/2019/NĐ-CP): quarterly (data 15 of the month before to 14 of the last
// month; units by day 5 of the last month, Sở Nội vụ by day 10), 6-month
// (05/06 and 10/06), 9-month (05/09 and 10/09), annual (25/11 and 02/12)
// and ad hoc or thematic reports, each locking 30 days after the units'
// deadline.
func DefaultTypes() []ReportType {
	return []ReportType{
		{Code: "quarterly", Name: "Báo cáo quý", PeriodKind: PeriodQuarter, CutoffFromDay: 15, CutoffToDay: 14,
			UnitDeadlineDay: 5, SNVDeadlineDay: 10, GraceDays: 30, Position: 1},
		{Code: "half_year", Name: "Báo cáo 6 tháng", PeriodKind: PeriodHalf, CutoffFromDay: 15, CutoffToDay: 14,
			UnitDeadlineDay: 5, SNVDeadlineDay: 10, GraceDays: 30, Position: 2},
		{Code: "nine_month", Name: "Báo cáo 9 tháng", PeriodKind: PeriodNineMonth, CutoffFromDay: 15, CutoffToDay: 14,
			UnitDeadlineDay: 5, SNVDeadlineDay: 10, GraceDays: 30, Position: 3},
		{Code: "annual", Name: "Báo cáo năm", PeriodKind: PeriodYear, CutoffFromDay: 15, CutoffToDay: 14,
			UnitDeadlineDay: 25, UnitDeadlineOffset: -1, SNVDeadlineDay: 2, GraceDays: 30, Position: 4},
		{Code: "adhoc", Name: "Báo cáo đột xuất, chuyên đề", GraceDays: 30, Position: 5},
	}
}

// EnsureDefaults inserts the default report types (DefaultTypes) and the
// default PAR report form (DefaultForm) when they are absent, matching by
// code; it never changes a type or form that exists, so running it again
// (at every start-up) changes nothing. q may be a transaction. It is not
// audited: like a migration, it is the system's own set-up.
func EnsureDefaults(ctx context.Context, q db.Querier) error {
	for _, t := range DefaultTypes() {
		_, err := q.ExecContext(ctx, q.Rebind(`INSERT INTO report_types (code, name, period_kind, cutoff_from_day,
			cutoff_to_day, unit_deadline_day, unit_deadline_offset, snv_deadline_day, snv_deadline_offset, grace_days, position)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING`),
			t.Code, t.Name, t.PeriodKind, t.CutoffFromDay, t.CutoffToDay, t.UnitDeadlineDay, t.UnitDeadlineOffset,
			t.SNVDeadlineDay, t.SNVDeadlineOffset, t.GraceDays, t.Position)
		if err != nil {
			return fmt.Errorf("report: default report type %q: %w", t.Code, err)
		}
	}
	in := DefaultForm()
	var n int
	if err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM report_forms WHERE code = ?`), in.Code); err != nil {
		return fmt.Errorf("report: default form %q: %w", in.Code, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := insertForm(ctx, q, in.clean(), 0); err != nil {
		return fmt.Errorf("report: default form: %w", err)
	}
	return nil
}
