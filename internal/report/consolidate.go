package report

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/db"
)

// Value is one figure of a report or a consolidation: a count or an amount
// of money (in đồng), or a rate computed from counts as a fraction 0..1.
type Value struct {
	Code  string  `json:"code"`
	Kind  string  `json:"kind"`
	Value float64 `json:"value"`
}

// Tally counts the units expected to send a report and how they did. A
// unit counts as submitted when its report is submitted or accepted; a
// draft or a returned report is missing. Expected always equals
// SubmittedOnTime + SubmittedLate + Missing.
type Tally struct {
	Expected        int `json:"expected"`
	SubmittedOnTime int `json:"submitted_on_time"`
	SubmittedLate   int `json:"submitted_late"`
	Missing         int `json:"missing"`
}

// add adds o to t.
func (t *Tally) add(o Tally) {
	t.Expected += o.Expected
	t.SubmittedOnTime += o.SubmittedOnTime
	t.SubmittedLate += o.SubmittedLate
	t.Missing += o.Missing
}

// tallyOf builds a Tally from expected units, how many of them submitted,
// and how many of those on time.
func tallyOf(expected, submitted, onTime int) Tally {
	return Tally{Expected: expected, SubmittedOnTime: onTime, SubmittedLate: submitted - onTime, Missing: expected - submitted}
}

// Consolidation is the live total of a form's figures over a unit's
// subtree for a period (tổng hợp): counts and money summed over the
// submitted and accepted reports, rates recomputed from the summed counts,
// and the timeliness of the units expected to report.
type Consolidation struct {
	UnitID int64  `json:"unit_id"`
	Period string `json:"period"`
	Form   string `json:"form"`
	// Values lists every count and money indicator of the form's latest
	// version in its order (0 when nobody reported it), then its rates
	// that are defined (a rate over a zero denominator is left out), then
	// codes that only older versions had, as counts, by code.
	Values []Value `json:"values"`
	Tally
	// Units is the drill-down: the root's own report first (Own), then one
	// line per unit directly below the root with the totals of its own
	// subtree, in Vietnamese name order. Consolidating that unit drills
	// one level further down.
	Units []UnitLine `json:"units"`
}

// UnitLine is one line of a consolidation's drill-down: a unit, its own
// report's status, and the totals and timeliness of the part of the
// subtree it stands for (itself alone when Own, else its whole subtree).
type UnitLine struct {
	UnitID      int64      `db:"id" json:"unit_id"`
	Code        string     `db:"code" json:"code"`
	Name        string     `db:"name" json:"name"` // as on the period's last day
	Kind        string     `db:"kind" json:"kind"`
	Own         bool       `db:"-" json:"own"`
	Status      string     `db:"status" json:"status"` // of the unit's own report; "" when it has none
	OnTime      *bool      `db:"on_time" json:"on_time"`
	SubmittedAt *time.Time `db:"submitted_at" json:"submitted_at"`
	Tally       `db:"-"`
	Values      []Value `db:"-" json:"values"`
}

// countedStatuses lists, for SQL, the statuses whose figures count in
// consolidations.
const countedStatuses = "'" + StatusSubmitted + "', '" + StatusAccepted + "'"

// subtreeSQL is the recursive CTE sub(id, parent_id, branch): the root and
// every unit below it as the tree stood at the end of a period, each unit
// once. A unit is placed by its latest version that starts by the period's
// last day and still runs during the period: where it belonged on the last
// day, or, for a unit merged or dissolved during the period, where it
// belonged on its own last day. branch is the root for the root and, for
// every other unit, the unit directly below the root it is reached
// through; the root's parent_id is the root. Parameters: root, root, the
// period's last day, its first day, its last day.
const subtreeSQL = `WITH RECURSIVE sub(id, parent_id, branch) AS (
	SELECT id, id, id FROM units WHERE id = ?
	UNION
	SELECT v.unit_id, v.parent_id, CASE WHEN v.parent_id = ? THEN v.unit_id ELSE sub.branch END
	FROM unit_versions v JOIN sub ON v.parent_id = sub.id
	WHERE v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?)
		AND NOT EXISTS (SELECT 1 FROM unit_versions w
			WHERE w.unit_id = v.unit_id AND w.valid_from > v.valid_from AND w.valid_from <= ?))`

func subtreeArgs(root int64, p PeriodRow) []any {
	return []any{root, root, p.EndsOn, p.StartsOn, p.EndsOn}
}

// expectedSQL returns the condition on units u of being expected to send
// form f in period p — the form is sent for p's report type, and the unit
// is active on some day of the period and of one of the form's unit kinds
// (any kind when the form names none) — and its parameters.
func expectedSQL(f Form, p PeriodRow) (string, []any) {
	cond := "u.active_from <= ? AND (u.active_to IS NULL OR u.active_to >= ?)"
	args := []any{p.EndsOn, p.StartsOn}
	if kinds := f.Kinds(); len(kinds) > 0 {
		cond += " AND u.kind IN (?" + strings.Repeat(", ?", len(kinds)-1) + ")"
		for _, k := range kinds {
			args = append(args, k)
		}
	}
	if len(f.Types()) > 0 {
		cond += " AND EXISTS (SELECT 1 FROM report_forms f JOIN report_types t ON t.id = ? WHERE f.id = ? AND " +
			FormUsedForSQL("f", "t") + ")"
		args = append(args, p.TypeID, f.ID)
	}
	return cond, args
}

// versionNameSQL joins unit_versions v to units u at the version in force
// on the period's last day (or the unit's last version before it).
// Parameters: the period's last day, twice.
const versionNameSQL = `LEFT JOIN unit_versions v ON v.unit_id = u.id AND v.valid_from <= ?
	AND NOT EXISTS (SELECT 1 FROM unit_versions w WHERE w.unit_id = u.id AND w.valid_from > v.valid_from AND w.valid_from <= ?)`

// Consolidate totals form formCode over the subtree of unitID for the
// period periodCode; see ConsolidateOf. An unknown form, period or unit
// gives an error wrapping db.ErrNotFound.
func (s *Store) Consolidate(ctx context.Context, unitID int64, periodCode, formCode string) (Consolidation, error) {
	f, err := FormByCodeWith(ctx, s.db, formCode)
	if err != nil {
		return Consolidation{}, fmt.Errorf("report: consolidate form %q: %w", formCode, err)
	}
	p, err := PeriodByCode(ctx, s.db, periodCode)
	if err != nil {
		return Consolidation{}, fmt.Errorf("report: consolidate period %q: %w", periodCode, err)
	}
	return s.ConsolidateOf(ctx, unitID, p, f)
}

// branchRow is a row of the consolidation query: the figures of one
// counted report of a branch, or (Figures nil) the branch's timeliness
// counts.
type branchRow struct {
	Branch    int64  `db:"branch"`
	Figures   []byte `db:"figures"`
	Expected  int    `db:"expected"`
	Submitted int    `db:"submitted"`
	OnTime    int    `db:"on_time"`
}

// ConsolidateOf totals form f over the subtree of unitID for period p, live:
// the figures and the tally come from one SQL query, on either database, so
// they agree with each other; a second, small query names the drill-down
// lines. The subtree is taken as it stood on the period's last day (see
// subtreeSQL), so a unit that moved or merged is counted once, where it
// belonged. Counts and money of submitted and accepted reports are summed
// from each report's figures (one row per report, see figures.go: a
// country's quarter is 12,000 rows to add up here rather than 1.2 million
// for the database to group, which SQLite does slowly); rates are computed
// from the sums with the latest version's formulas, never averaged. The
// tally counts the units of the subtree (the root included) that were
// expected to report (see expectedSQL); reports of units not expected still
// add their figures. An unknown unit gives an error wrapping db.ErrNotFound.
func (s *Store) ConsolidateOf(ctx context.Context, unitID int64, p PeriodRow, f Form) (Consolidation, error) {
	expected, expectedArgs := expectedSQL(f, p)
	query := subtreeSQL + `,
	counted AS (SELECT sub.id, sub.branch, r.on_time, r.figures FROM sub JOIN reports r ON r.unit_id = sub.id
		WHERE r.form_id = ? AND r.period_id = ? AND r.status IN (` + countedStatuses + `))
	SELECT c.branch AS branch, c.figures AS figures, 0 AS expected, 0 AS submitted, 0 AS on_time
	FROM counted c
	UNION ALL
	SELECT sub.branch, NULL, COUNT(*), COUNT(c.id), SUM(CASE WHEN c.on_time THEN 1 ELSE 0 END)
	FROM sub JOIN units u ON u.id = sub.id LEFT JOIN counted c ON c.id = sub.id
	WHERE ` + expected + `
	GROUP BY sub.branch`
	args := append(subtreeArgs(unitID, p), f.ID, p.ID)
	args = append(args, expectedArgs...)
	fail := func(err error) (Consolidation, error) {
		return Consolidation{}, fmt.Errorf("report: consolidate form %s over unit %d for %s: %w", f.Code, unitID, p.Code, err)
	}
	rows, err := s.db.QueryContext(ctx, s.db.Rebind(query), args...)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	branches := map[int64]figureSums{}
	tallies := map[int64]Tally{}
	for rows.Next() {
		var r branchRow
		if err := rows.Scan(&r.Branch, &r.Figures, &r.Expected, &r.Submitted, &r.OnTime); err != nil {
			return fail(err)
		}
		if r.Figures == nil {
			tallies[r.Branch] = tallyOf(r.Expected, r.Submitted, r.OnTime)
			continue
		}
		sums := branches[r.Branch]
		if sums == nil {
			sums = figureSums{}
			branches[r.Branch] = sums
		}
		if err := sums.add(r.Figures); err != nil {
			return fail(err)
		}
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	sums := make(map[int64]map[string]int64, len(branches))
	total := map[string]int64{}
	for branch, b := range branches {
		sums[branch] = b.totals()
		for code, v := range sums[branch] {
			total[code] += v
		}
	}
	c := Consolidation{UnitID: unitID, Period: p.Code, Form: f.Code, Values: f.Definition.values(total)}
	for _, t := range tallies {
		c.Tally.add(t)
	}
	lines, err := s.branchLines(ctx, unitID, p, f, sums, tallies)
	if err != nil {
		return Consolidation{}, err
	}
	c.Units = lines
	return c, nil
}

// branchLines returns the drill-down lines of a consolidation over root:
// the root's own line first, then its branches in Vietnamese name order.
// It fails with db.ErrNotFound when root does not exist.
func (s *Store) branchLines(ctx context.Context, root int64, p PeriodRow, f Form, sums map[int64]map[string]int64, tallies map[int64]Tally) ([]UnitLine, error) {
	ids := []int64{root}
	for id := range tallies {
		if id != root {
			ids = append(ids, id)
		}
	}
	for id := range sums {
		if _, ok := tallies[id]; !ok && id != root {
			ids = append(ids, id)
		}
	}
	query, args, err := sqlx.In(`SELECT u.id, u.code, COALESCE(v.name, u.name) AS name, u.kind,
		COALESCE(r.status, '') AS status, r.on_time, r.submitted_at
		FROM units u `+versionNameSQL+`
		LEFT JOIN reports r ON r.unit_id = u.id AND r.form_id = ? AND r.period_id = ?
		WHERE u.id IN (?) ORDER BY CASE WHEN u.id = ? THEN 0 ELSE 1 END, u.sort_key, u.id`,
		p.EndsOn, p.EndsOn, f.ID, p.ID, ids, root)
	if err != nil {
		return nil, fmt.Errorf("report: drill-down lines of unit %d: %w", root, err)
	}
	var lines []UnitLine
	if err := s.db.SelectContext(ctx, &lines, s.db.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("report: drill-down lines of unit %d for %s: %w", root, p.Code, err)
	}
	if len(lines) == 0 || lines[0].UnitID != root {
		return nil, fmt.Errorf("report: consolidate unit %d: %w", root, db.ErrNotFound)
	}
	out := lines[:0]
	for _, l := range lines {
		_, hasTally := tallies[l.UnitID]
		_, hasSums := sums[l.UnitID]
		if !hasTally && !hasSums {
			continue // the root, neither expected nor reporting
		}
		l.Own = l.UnitID == root
		l.Tally = tallies[l.UnitID]
		l.Values = f.Definition.values(sums[l.UnitID])
		out = append(out, l)
	}
	return out, nil
}

// values lists sums as Values in d's order: counts and money (0 when
// absent), then the rates d defines over them that are defined, then codes
// d does not know, as counts, by code.
func (d Definition) values(sums map[string]int64) []Value {
	indicators := d.Indicators()
	out := make([]Value, 0, len(indicators))
	known := map[string]bool{}
	for _, ind := range indicators {
		known[ind.Code] = true
		if ind.Kind != KindRate {
			out = append(out, Value{Code: ind.Code, Kind: ind.Kind, Value: float64(sums[ind.Code])})
		}
	}
	rates := d.Rates(sums)
	for _, ind := range indicators {
		if r := rates[ind.Code]; ind.Kind == KindRate && r != nil {
			out = append(out, Value{Code: ind.Code, Kind: KindRate, Value: *r})
		}
	}
	var extra []string
	for code := range sums {
		if !known[code] {
			extra = append(extra, code)
		}
	}
	slices.Sort(extra)
	for _, code := range extra {
		out = append(out, Value{Code: code, Kind: KindCount, Value: float64(sums[code])})
	}
	return out
}

// Figures returns the report's own values in the order of its form
// version's definition d, with its rates computed from them, in the shape
// of a consolidation's Values.
func (r Report) Figures(d Definition) []Value { return d.values(r.Values) }
