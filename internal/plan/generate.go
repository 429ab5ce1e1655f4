package plan

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
)

// progressCondition holds for a work_items row (aliased wi) that someone has
// worked on: progress, a completion day, a hold, or any update, evidence or
// contribution. Such an item is never deleted by regeneration.
const progressCondition = `(wi.percent > 0 OR wi.completed_on IS NOT NULL OR wi.hold <> ''
	OR EXISTS (SELECT 1 FROM work_item_updates x WHERE x.work_item_id = wi.id)
	OR EXISTS (SELECT 1 FROM work_item_evidence x WHERE x.work_item_id = wi.id)
	OR EXISTS (SELECT 1 FROM work_item_contributions x WHERE x.work_item_id = wi.id))`

// responsible is a unit that leads a task, with the days it existed.
type responsible struct {
	UnitID     int64      `db:"id"`
	ActiveFrom civil.Date `db:"active_from"`
	ActiveTo   civil.Date `db:"active_to"`
	explicit   bool       // named as the lead or a co-lead, not found through a group
}

// activeDuring reports whether the unit existed on some day of [from, to]
// (zero ends are open).
func (r responsible) activeDuring(from, to civil.Date) bool {
	if !to.IsZero() && r.ActiveFrom.After(to) {
		return false
	}
	return from.IsZero() || r.ActiveTo.IsZero() || !r.ActiveTo.Before(from)
}

// GroupMembersDuring returns the ids of the units that belonged to the group
// on at least one day of [from, to], in Vietnamese name order. It follows the
// rule of org.Store.Members, widened from one day to a span: units of the
// group's kinds that existed during the span (under its root unit at some
// time in the span, when it has one), and explicit members whose membership
// and existence overlap the span. A commune merged away in the middle of a
// plan's period is a member; one dissolved before the period starts is not.
func (s *Store) GroupMembersDuring(ctx context.Context, groupID int64, from, to civil.Date) ([]int64, error) {
	rs, err := groupMembersDuring(ctx, s.db, groupID, from, to)
	ids := make([]int64, len(rs))
	for i, r := range rs {
		ids[i] = r.UnitID
	}
	return ids, err
}

func groupMembersDuring(ctx context.Context, q db.Querier, groupID int64, from, to civil.Date) ([]responsible, error) {
	var g struct {
		Kinds      string `db:"kinds"`
		RootUnitID *int64 `db:"root_unit_id"`
	}
	if err := q.GetContext(ctx, &g, q.Rebind(`SELECT kinds, root_unit_id FROM unit_groups WHERE id = ?`), groupID); err != nil {
		return nil, fmt.Errorf("plan: group %d: %w", groupID, db.NotFound(err))
	}
	query := `SELECT u.id, u.active_from, u.active_to FROM units u
		WHERE u.active_from <= ? AND (u.active_to IS NULL OR u.active_to >= ?) AND (u.id IN (
		SELECT m.unit_id FROM unit_group_members m WHERE m.group_id = ?
		AND (m.from_date IS NULL OR m.from_date <= ?) AND (m.to_date IS NULL OR m.to_date >= ?))`
	args := []any{to, from, groupID, to, from}
	var kinds []string
	for _, k := range strings.Split(g.Kinds, ",") {
		if k = strings.TrimSpace(k); k != "" {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) > 0 {
		kindCond := "u.kind IN (?" + strings.Repeat(", ?", len(kinds)-1) + ")"
		for _, k := range kinds {
			args = append(args, k)
		}
		if g.RootUnitID != nil {
			// The subtree as it stood at any time in the span: a unit counts
			// if one of its versions placed it under the root (or under a
			// unit that was) on a day of the span.
			kindCond += ` AND u.id IN (SELECT id FROM sub)`
			query = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
				UNION SELECT v.unit_id FROM unit_versions v JOIN sub ON v.parent_id = sub.id
				WHERE v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?)) ` + query
			args = append([]any{*g.RootUnitID, to, from}, args...)
		}
		query += " OR (" + kindCond + ")"
	}
	query += `) ORDER BY u.sort_key, u.id`
	var rs []responsible
	if err := q.SelectContext(ctx, &rs, q.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("plan: members of group %d from %s to %s: %w", groupID, from, to, err)
	}
	return rs, nil
}

// responsibleUnits returns the units that lead t in plan p, each once: the
// lead and co-lead units named explicitly, and the members of the lead and
// co-lead groups during the plan's period, in that order. A unit named
// explicitly and also found through a group counts as explicit.
func responsibleUnits(ctx context.Context, q db.Querier, t Task, p Plan) ([]responsible, error) {
	var out []responsible
	at := map[int64]int{} // unit id -> index in out
	add := func(r responsible) {
		if i, ok := at[r.UnitID]; ok {
			out[i].explicit = out[i].explicit || r.explicit
			return
		}
		at[r.UnitID] = len(out)
		out = append(out, r)
	}
	var unitIDs, groupIDs []int64
	if t.LeadUnitID != nil {
		unitIDs = append(unitIDs, *t.LeadUnitID)
	}
	if t.LeadGroupID != nil {
		groupIDs = append(groupIDs, *t.LeadGroupID)
	}
	unitIDs = append(unitIDs, t.CoLeadUnitIDs...)
	groupIDs = append(groupIDs, t.CoLeadGroupIDs...)
	for _, id := range unitIDs {
		var r responsible
		if err := q.GetContext(ctx, &r, q.Rebind(`SELECT id, active_from, active_to FROM units WHERE id = ?`), id); err != nil {
			return nil, fmt.Errorf("plan: lead unit %d of task %d: %w", id, t.ID, db.NotFound(err))
		}
		r.explicit = true
		add(r)
	}
	for _, id := range groupIDs {
		members, err := groupMembersDuring(ctx, q, id, p.PeriodStart, p.PeriodEnd)
		if err != nil {
			return nil, err
		}
		for _, r := range members {
			add(r)
		}
	}
	return out, nil
}

type itemKey struct {
	UnitID int64
	Period string
}

// itemSpec is a work item a task should have.
type itemSpec struct {
	itemKey
	Start, Due civil.Date
}

// wantedItems returns the work items t should have in plan p given its
// responsible units: one per unit and period. A unit found through a group
// gets only the periods during which it existed; a lead or co-lead unit
// named explicitly gets them all.
func wantedItems(t Task, p Plan, units []responsible) []itemSpec {
	var out []itemSpec
	for _, pd := range Periods(t.Recurrence, t.Start, t.Due, t.Milestones, p.PeriodStart, p.PeriodEnd) {
		from, to := pd.Start, pd.Due
		if from.IsZero() {
			from = p.PeriodStart
		}
		if to.IsZero() {
			to = p.PeriodEnd
		}
		if to.Before(from) {
			from, to = to, from
		}
		for _, u := range units {
			if u.explicit || u.activeDuring(from, to) {
				out = append(out, itemSpec{itemKey{u.UnitID, pd.Key}, pd.Start, pd.Due})
			}
		}
	}
	return out
}

// genResult counts what regenerate did.
type genResult struct{ Added, Removed, Kept int }

func (r genResult) String() string {
	return fmt.Sprintf("thêm %d, bỏ %d, giữ %d phần việc", r.Added, r.Removed, r.Kept)
}

// regenerate makes t's work items match its leads and schedule: items for
// (unit, period) pairs that remain are kept with their progress and get the
// new dates; new pairs are added; items no longer wanted are deleted unless
// someone has worked on them (then they stay, so no progress is ever lost).
// t must carry its co-leads (loadAgencies).
func regenerate(ctx context.Context, tx *sqlx.Tx, t Task, p Plan) (genResult, error) {
	var res genResult
	units, err := responsibleUnits(ctx, tx, t, p)
	if err != nil {
		return res, err
	}
	var existing []struct {
		ID         int64      `db:"id"`
		UnitID     int64      `db:"unit_id"`
		Period     string     `db:"period"`
		Start      civil.Date `db:"start_on"`
		Due        civil.Date `db:"due_on"`
		Progressed bool       `db:"progressed"`
	}
	if err := tx.SelectContext(ctx, &existing, tx.Rebind(`SELECT wi.id, wi.unit_id, wi.period, wi.start_on, wi.due_on,
		CASE WHEN `+progressCondition+` THEN 1 ELSE 0 END AS progressed
		FROM work_items wi WHERE wi.task_id = ?`), t.ID); err != nil {
		return res, fmt.Errorf("plan: work items of task %d: %w", t.ID, err)
	}
	wanted := wantedItems(t, p, units)
	want := make(map[itemKey]itemSpec, len(wanted))
	for _, w := range wanted {
		want[w.itemKey] = w
	}
	now := db.Now()
	for _, e := range existing {
		k := itemKey{e.UnitID, e.Period}
		w, ok := want[k]
		switch {
		case ok:
			delete(want, k)
			res.Kept++
			if w.Start != e.Start || w.Due != e.Due {
				if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE work_items SET start_on = ?, due_on = ?, updated_at = ? WHERE id = ?`),
					w.Start, w.Due, now, e.ID); err != nil {
					return res, fmt.Errorf("plan: reschedule work item %d: %w", e.ID, err)
				}
			}
		case e.Progressed:
			res.Kept++
		default:
			if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM work_items WHERE id = ?`), e.ID); err != nil {
				return res, fmt.Errorf("plan: delete work item %d: %w", e.ID, err)
			}
			res.Removed++
		}
	}
	var add []itemSpec
	for _, w := range wanted {
		if _, ok := want[w.itemKey]; ok {
			add = append(add, w)
		}
	}
	if err := insertItems(ctx, tx, t.ID, add, now); err != nil {
		return res, err
	}
	res.Added = len(add)
	return res, nil
}

// insertBatch is how many work items one INSERT adds (6 arguments each,
// well under both databases' limits on bound parameters).
const insertBatch = 200

// insertItems adds work items for task taskID, many rows per statement: a
// group task over a province's communes adds hundreds at once.
func insertItems(ctx context.Context, tx *sqlx.Tx, taskID int64, items []itemSpec, now time.Time) error {
	for len(items) > 0 {
		n := min(len(items), insertBatch)
		args := make([]any, 0, n*6)
		for _, w := range items[:n] {
			args = append(args, taskID, w.UnitID, w.Period, w.Start, w.Due, now)
		}
		query := `INSERT INTO work_items (task_id, unit_id, period, start_on, due_on, updated_at) VALUES (?, ?, ?, ?, ?, ?)` +
			strings.Repeat(`, (?, ?, ?, ?, ?, ?)`, n-1)
		if _, err := tx.ExecContext(ctx, tx.Rebind(query), args...); err != nil {
			return fmt.Errorf("plan: add %d work items of task %d: %w", n, taskID, err)
		}
		items = items[n:]
	}
	return nil
}

// RegenerateWorkItems brings every task of the plan in line with its leads
// and schedule, as saving each task would: after a group changed, or a unit
// was merged or dissolved. It returns the number of items added and removed.
func (s *Store) RegenerateWorkItems(ctx context.Context, planID int64) (added, removed int, err error) {
	err = s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		p, err := getPlan(ctx, tx, planID)
		if err != nil {
			return err
		}
		if p.Closed() {
			return errClosed
		}
		res, err := regeneratePlanCount(ctx, tx, p)
		if err != nil {
			return err
		}
		added, removed = res.Added, res.Removed
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "plan", EntityID: planID,
			Summary: fmt.Sprintf("Cập nhật phân công nhiệm vụ của kế hoạch “%s”: %s", p.Title, res)})
	})
	return added, removed, err
}

func regeneratePlan(ctx context.Context, tx *sqlx.Tx, p Plan) error {
	_, err := regeneratePlanCount(ctx, tx, p)
	return err
}

func regeneratePlanCount(ctx context.Context, tx *sqlx.Tx, p Plan) (genResult, error) {
	var total genResult
	var tasks []Task
	if err := tx.SelectContext(ctx, &tasks, tx.Rebind(`SELECT `+taskColumns+` FROM tasks t WHERE t.plan_id = ? ORDER BY t.id`), p.ID); err != nil {
		return total, fmt.Errorf("plan: tasks of plan %d: %w", p.ID, err)
	}
	if err := loadAgencies(ctx, tx, tasks, planTasksCondition, p.ID); err != nil {
		return total, err
	}
	for _, t := range tasks {
		res, err := regenerate(ctx, tx, t, p)
		if err != nil {
			return total, err
		}
		total.Added += res.Added
		total.Removed += res.Removed
		total.Kept += res.Kept
	}
	return total, nil
}
