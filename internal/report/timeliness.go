package report

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"cchc/internal/civil"
	"cchc/internal/vn"
)

// Timeliness is how the units of a subtree expected to send a form for a
// period did (tính kịp thời và đầy đủ): in total, by unit kind, by parent
// unit, and unit by unit, with the units still missing for Sở Nội vụ to
// chase.
type Timeliness struct {
	UnitID int64  `json:"unit_id"`
	Period string `json:"period"`
	Form   string `json:"form"`
	Tally
	ByKind   []KindTally   `json:"by_kind"`   // in the order of unit kinds
	ByParent []ParentTally `json:"by_parent"` // in Vietnamese name order of the parents
	Units    []UnitStatus  `json:"units"`     // every expected unit, by kind then name
	Missing  []UnitStatus  `json:"missing"`   // the expected units without a submitted report, same order
}

// KindTally is the tally of the expected units of one kind.
type KindTally struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	Tally
}

// ParentTally is the tally of the expected units directly below one parent
// as the tree stood on the period's last day. The root of the subtree is
// its own parent: its line holds the root and the units directly below it.
type ParentTally struct {
	ParentID int64  `json:"parent_id"`
	Name     string `json:"name"`
	Tally
}

// UnitStatus is an expected unit and where its report stands. Deadline is
// the unit's own deadline (the period's, or the unit's exception).
type UnitStatus struct {
	UnitID      int64      `db:"id" json:"unit_id"`
	Code        string     `db:"code" json:"code"`
	Name        string     `db:"name" json:"name"` // as on the period's last day
	Kind        string     `db:"kind" json:"kind"`
	ParentID    int64      `db:"parent_id" json:"parent_id"`
	Status      string     `db:"status" json:"status"` // "" when the unit has not opened a report
	OnTime      *bool      `db:"on_time" json:"on_time"`
	SubmittedAt *time.Time `db:"submitted_at" json:"submitted_at"`
	Deadline    civil.Date `db:"deadline" json:"deadline"`
}

// Submitted reports whether the unit's report counts as sent: submitted
// or accepted.
func (u UnitStatus) Submitted() bool {
	return u.Status == StatusSubmitted || u.Status == StatusAccepted
}

// tally returns the unit's contribution to a Tally.
func (u UnitStatus) tally() Tally {
	switch {
	case !u.Submitted():
		return Tally{Expected: 1, Missing: 1}
	case u.OnTime != nil && *u.OnTime:
		return Tally{Expected: 1, SubmittedOnTime: 1}
	}
	return Tally{Expected: 1, SubmittedLate: 1}
}

// Timeliness reports on form formCode over the subtree of unitID for the
// period periodCode; see TimelinessOf. An unknown form or period gives an
// error wrapping db.ErrNotFound.
func (s *Store) Timeliness(ctx context.Context, unitID int64, periodCode, formCode string) (Timeliness, error) {
	f, err := FormByCodeWith(ctx, s.db, formCode)
	if err != nil {
		return Timeliness{}, fmt.Errorf("report: timeliness form %q: %w", formCode, err)
	}
	p, err := PeriodByCode(ctx, s.db, periodCode)
	if err != nil {
		return Timeliness{}, fmt.Errorf("report: timeliness period %q: %w", periodCode, err)
	}
	return s.TimelinessOf(ctx, unitID, p, f)
}

// statusRow is a UnitStatus with what grouping needs.
type statusRow struct {
	UnitStatus
	KindName   string `db:"kind_name"`
	ParentName string `db:"parent_name"`
}

// TimelinessOf reports on form f over the subtree of unitID for period p:
// the units expected to send it — of the subtree as it stood on the
// period's last day (like ConsolidateOf, so the counts agree with its
// tally), of the form's unit kinds and active during the period — each
// with its report's status and deadline, grouped by kind and by parent.
// An unknown unit has no expected unit: an empty Timeliness.
func (s *Store) TimelinessOf(ctx context.Context, unitID int64, p PeriodRow, f Form) (Timeliness, error) {
	expected, expectedArgs := expectedSQL(f, p)
	query := subtreeSQL + `
	SELECT u.id, u.code, COALESCE(v.name, u.name) AS name, u.kind, k.name AS kind_name,
		sub.parent_id, COALESCE(pu.name, '') AS parent_name,
		COALESCE(r.status, '') AS status, r.on_time, r.submitted_at,
		COALESCE(e.deadline, p.unit_deadline) AS deadline
	FROM sub JOIN units u ON u.id = sub.id
	JOIN unit_kinds k ON k.code = u.kind
	JOIN report_periods p ON p.id = ?
	LEFT JOIN units pu ON pu.id = sub.parent_id
	` + versionNameSQL + `
	LEFT JOIN reports r ON r.unit_id = u.id AND r.form_id = ? AND r.period_id = p.id
	LEFT JOIN report_period_exceptions e ON e.period_id = p.id AND e.unit_id = u.id
	WHERE ` + expected + `
	ORDER BY k.sort_order, k.code, u.sort_key, u.id`
	args := append(subtreeArgs(unitID, p), p.ID, p.EndsOn, p.EndsOn, f.ID)
	args = append(args, expectedArgs...)
	var rows []statusRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return Timeliness{}, fmt.Errorf("report: timeliness of form %s over unit %d for %s: %w", f.Code, unitID, p.Code, err)
	}
	return timelinessOf(unitID, p.Code, f.Code, rows), nil
}

// timelinessOf groups the expected units' rows, already in kind then name
// order, into a Timeliness.
func timelinessOf(unitID int64, period, form string, rows []statusRow) Timeliness {
	t := Timeliness{UnitID: unitID, Period: period, Form: form,
		ByKind: []KindTally{}, ByParent: []ParentTally{}, Units: []UnitStatus{}, Missing: []UnitStatus{}}
	kindAt := map[string]int{}
	parentAt := map[int64]int{}
	for _, r := range rows {
		one := r.tally()
		t.Tally.add(one)
		i, ok := kindAt[r.Kind]
		if !ok {
			i = len(t.ByKind)
			kindAt[r.Kind] = i
			t.ByKind = append(t.ByKind, KindTally{Kind: r.Kind, Name: r.KindName})
		}
		t.ByKind[i].add(one)
		j, ok := parentAt[r.ParentID]
		if !ok {
			j = len(t.ByParent)
			parentAt[r.ParentID] = j
			t.ByParent = append(t.ByParent, ParentTally{ParentID: r.ParentID, Name: r.ParentName})
		}
		t.ByParent[j].add(one)
		t.Units = append(t.Units, r.UnitStatus)
		if !r.Submitted() {
			t.Missing = append(t.Missing, r.UnitStatus)
		}
	}
	// The root's own line first, then the parents by name.
	c := vn.NewCollator()
	slices.SortStableFunc(t.ByParent, func(a, b ParentTally) int {
		if a.ParentID == unitID || b.ParentID == unitID {
			return cmp.Compare(boolRank(a.ParentID != unitID), boolRank(b.ParentID != unitID))
		}
		return c.Compare(a.Name, b.Name)
	})
	return t
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
