package plan

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
)

// Counts are work items by state.
type Counts struct {
	Total      int `db:"total" json:"total"`
	NotDue     int `db:"not_due" json:"not_due"`
	InProgress int `db:"in_progress" json:"in_progress"`
	Overdue    int `db:"overdue" json:"overdue"`
	DoneOnTime int `db:"done_on_time" json:"done_on_time"`
	DoneLate   int `db:"done_late" json:"done_late"`
	Paused     int `db:"paused" json:"paused"`
	Cancelled  int `db:"cancelled" json:"cancelled"`
}

// Of returns the count of items in state code.
func (c Counts) Of(code StatusCode) int {
	return map[StatusCode]int{NotDue: c.NotDue, InProgress: c.InProgress, Overdue: c.Overdue,
		DoneOnTime: c.DoneOnTime, DoneLate: c.DoneLate, Paused: c.Paused, Cancelled: c.Cancelled}[code]
}

// Done returns the items completed, on time or late.
func (c Counts) Done() int { return c.DoneOnTime + c.DoneLate }

// Counted returns the items that count towards rates: all but the cancelled.
func (c Counts) Counted() int { return c.Total - c.Cancelled }

// DoneOnTimeRate returns the items completed on time as a percentage of the
// counted items (0 when there are none), rounded to one decimal.
func (c Counts) DoneOnTimeRate() float64 { return rate(c.DoneOnTime, c.Counted()) }

// DoneLateRate returns the items completed late as a percentage of the
// counted items, rounded to one decimal.
func (c Counts) DoneLateRate() float64 { return rate(c.DoneLate, c.Counted()) }

// DoneRate returns the items completed (on time or late) as a percentage of
// the counted items, rounded to one decimal.
func (c Counts) DoneRate() float64 { return rate(c.Done(), c.Counted()) }

func rate(n, of int) float64 {
	if of <= 0 {
		return 0
	}
	return math.Round(float64(n)*1000/float64(of)) / 10
}

// UnitStats are one unit's work items by state.
type UnitStats struct {
	UnitID   int64  `db:"unit_id" json:"unit_id"`
	UnitName string `db:"unit_name" json:"unit_name"`
	Counts
}

// AreaStats are the work items of one area's tasks by state; AreaID 0 is
// tasks without an area (AreaName "").
type AreaStats struct {
	AreaID   int64  `db:"area_id" json:"area_id"`
	AreaName string `db:"area_name" json:"area_name"`
	Counts
}

// OverviewFilter narrows Overview. Zero fields do not filter.
type OverviewFilter struct {
	PlanID int64      // items of this plan's tasks
	Within int64      // items of this unit or any unit below it
	AreaID int64      // items of tasks in this area
	Today  civil.Date // the day states are judged on; zero: the store's today
}

// Overview counts work items by state per unit (in Vietnamese name order),
// per area (in the areas' order, tasks without an area last) and in total.
// It reads the items once: a single GROUP BY on (unit, area, state) with the
// state computed in SQL, then sums in memory and looks up the names.
func (s *Store) Overview(ctx context.Context, f OverviewFilter) ([]UnitStats, []AreaStats, Counts, error) {
	today := f.Today
	if today.IsZero() {
		today = s.today()
	}
	sf, err := workItemConditions(WorkItemFilter{PlanID: f.PlanID, Within: f.Within, AreaID: f.AreaID}, today)
	if err != nil {
		return nil, nil, Counts{}, err
	}
	state, stateArgs := stateExpr(today)
	var rows []struct {
		UnitID int64 `db:"unit_id"`
		AreaID int64 `db:"area_id"`
		State  int   `db:"state"`
		N      int   `db:"n"`
	}
	err = s.db.SelectContext(ctx, &rows, s.db.Rebind(sf.with+`SELECT wi.unit_id, COALESCE(t.area_id, 0) AS area_id, `+state+` AS state,
		COUNT(*) AS n FROM work_items wi JOIN tasks t ON t.id = wi.task_id`+sf.where+` GROUP BY wi.unit_id, t.area_id, state`),
		slices.Concat(sf.withArgs, stateArgs, sf.whereArgs)...)
	if err != nil {
		return nil, nil, Counts{}, fmt.Errorf("plan: overview: %w", err)
	}
	byUnit, byArea := map[int64]*Counts{}, map[int64]*Counts{}
	var total Counts
	for _, r := range rows {
		u := byUnit[r.UnitID]
		if u == nil {
			u = &Counts{}
			byUnit[r.UnitID] = u
		}
		a := byArea[r.AreaID]
		if a == nil {
			a = &Counts{}
			byArea[r.AreaID] = a
		}
		for _, c := range []*Counts{u, a, &total} {
			c.addState(r.State, r.N)
		}
	}
	units, err := s.unitStats(ctx, byUnit)
	if err != nil {
		return nil, nil, Counts{}, err
	}
	areas, err := s.areaStats(ctx, byArea)
	if err != nil {
		return nil, nil, Counts{}, err
	}
	return units, areas, total, nil
}

// addState adds n items in state Statuses[i].
func (c *Counts) addState(i, n int) {
	c.Total += n
	if i < 0 || i >= len(Statuses) {
		return
	}
	switch Statuses[i] {
	case NotDue:
		c.NotDue += n
	case InProgress:
		c.InProgress += n
	case Overdue:
		c.Overdue += n
	case DoneOnTime:
		c.DoneOnTime += n
	case DoneLate:
		c.DoneLate += n
	case Paused:
		c.Paused += n
	case Cancelled:
		c.Cancelled += n
	}
}

// unitStats names the counted units and puts them in Vietnamese name order.
func (s *Store) unitStats(ctx context.Context, counts map[int64]*Counts) ([]UnitStats, error) {
	out := []UnitStats{}
	if len(counts) == 0 {
		return out, nil
	}
	query, args, err := sqlx.In(`SELECT id, name FROM units WHERE id IN (?) ORDER BY sort_key, id`, slices.Collect(maps.Keys(counts)))
	if err != nil {
		return nil, err
	}
	var names []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := s.db.SelectContext(ctx, &names, s.db.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("plan: names of counted units: %w", err)
	}
	for _, n := range names {
		out = append(out, UnitStats{UnitID: n.ID, UnitName: n.Name, Counts: *counts[n.ID]})
	}
	return out, nil
}

// areaStats names the counted areas and puts them in the areas' order, the
// tasks without an area last.
func (s *Store) areaStats(ctx context.Context, counts map[int64]*Counts) ([]AreaStats, error) {
	out := []AreaStats{}
	ids := slices.DeleteFunc(slices.Collect(maps.Keys(counts)), func(id int64) bool { return id == 0 })
	if len(ids) > 0 {
		query, args, err := sqlx.In(`SELECT id, name FROM areas WHERE id IN (?) ORDER BY sort_order, id`, ids)
		if err != nil {
			return nil, err
		}
		var names []struct {
			ID   int64  `db:"id"`
			Name string `db:"name"`
		}
		if err := s.db.SelectContext(ctx, &names, s.db.Rebind(query), args...); err != nil {
			return nil, fmt.Errorf("plan: names of counted areas: %w", err)
		}
		for _, n := range names {
			out = append(out, AreaStats{AreaID: n.ID, AreaName: n.Name, Counts: *counts[n.ID]})
		}
	}
	if c := counts[0]; c != nil {
		out = append(out, AreaStats{Counts: *c})
	}
	return out, nil
}

// TaskCounts counts the work items of each task of the plan by state, keyed
// by task id (tasks without items are absent), for the plan's task tree.
func (s *Store) TaskCounts(ctx context.Context, planID int64) (map[int64]Counts, error) {
	state, args := stateExpr(s.today())
	var rows []struct {
		TaskID int64 `db:"task_id"`
		State  int   `db:"state"`
		N      int   `db:"n"`
	}
	err := s.db.SelectContext(ctx, &rows, s.db.Rebind(`SELECT wi.task_id, `+state+` AS state, COUNT(*) AS n
		FROM work_items wi JOIN tasks t ON t.id = wi.task_id WHERE t.plan_id = ? GROUP BY wi.task_id, state`), append(args, planID)...)
	if err != nil {
		return nil, fmt.Errorf("plan: counts of plan %d: %w", planID, err)
	}
	out := map[int64]Counts{}
	for _, r := range rows {
		c := out[r.TaskID]
		c.addState(r.State, r.N)
		out[r.TaskID] = c
	}
	return out, nil
}

// TaskTotals returns the number of tasks (sub-tasks included) of each of
// the given plans, in one query; plans without tasks are absent.
func (s *Store) TaskTotals(ctx context.Context, planIDs []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(planIDs) == 0 {
		return out, nil
	}
	query, args, err := sqlx.In(`SELECT plan_id, COUNT(*) AS n FROM tasks WHERE plan_id IN (?) GROUP BY plan_id`, planIDs)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		PlanID int64 `db:"plan_id"`
		N      int   `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("plan: task totals: %w", err)
	}
	for _, r := range rows {
		out[r.PlanID] = r.N
	}
	return out, nil
}
