package plan

import (
	"fmt"
	"slices"

	"cchc/internal/civil"
)

// statusCondition returns a SQL condition on the work_items row aliased wi,
// and its arguments, that holds exactly when Status(today, row) == code. It is
// how lists filter and how Overview counts by state in one GROUP BY, on both
// databases (dates compare as DATE on PostgreSQL and as 'YYYY-MM-DD' text on
// SQLite, which orders the same way).
func statusCondition(code StatusCode, today civil.Date) (string, []any, error) {
	const open = `wi.hold = '' AND wi.completed_on IS NULL AND wi.percent < 100`
	switch code {
	case Cancelled:
		return `wi.hold = 'cancelled'`, nil, nil
	case Paused:
		return `wi.hold = 'paused'`, nil, nil
	case DoneOnTime:
		return `(wi.hold = '' AND ((wi.completed_on IS NOT NULL AND (wi.due_on IS NULL OR wi.completed_on <= wi.due_on))
			OR (wi.completed_on IS NULL AND wi.percent >= 100)))`, nil, nil
	case DoneLate:
		return `(wi.hold = '' AND wi.completed_on IS NOT NULL AND wi.due_on IS NOT NULL AND wi.completed_on > wi.due_on)`, nil, nil
	case NotDue:
		return `(` + open + ` AND wi.start_on IS NOT NULL AND wi.start_on > ?)`, []any{today}, nil
	case Overdue:
		return `(` + open + ` AND (wi.start_on IS NULL OR wi.start_on <= ?) AND wi.due_on IS NOT NULL AND wi.due_on < ?)`,
			[]any{today, today}, nil
	case InProgress:
		return `(` + open + ` AND (wi.start_on IS NULL OR wi.start_on <= ?) AND (wi.due_on IS NULL OR wi.due_on >= ?))`,
			[]any{today, today}, nil
	}
	return "", nil, fmt.Errorf("plan: unknown status %q", code)
}

// stateExpr returns a SQL expression over the work_items row aliased wi that
// evaluates to the index in Statuses of the row's state on day today: the
// rules of Status as one CASE, evaluated once per row, for counting all
// states in a single GROUP BY. A NULL start or due day makes its comparison
// unknown, so the branch is skipped, as Status skips a zero date.
func stateExpr(today civil.Date) (string, []any) {
	idx := func(c StatusCode) string { return fmt.Sprint(slices.Index(Statuses, c)) }
	return `CASE WHEN wi.hold = 'cancelled' THEN ` + idx(Cancelled) + `
		WHEN wi.hold = 'paused' THEN ` + idx(Paused) + `
		WHEN wi.completed_on IS NOT NULL THEN
			CASE WHEN wi.due_on IS NULL OR wi.completed_on <= wi.due_on THEN ` + idx(DoneOnTime) + ` ELSE ` + idx(DoneLate) + ` END
		WHEN wi.percent >= 100 THEN ` + idx(DoneOnTime) + `
		WHEN wi.start_on > ? THEN ` + idx(NotDue) + `
		WHEN wi.due_on < ? THEN ` + idx(Overdue) + `
		ELSE ` + idx(InProgress) + ` END`, []any{today, today}
}
