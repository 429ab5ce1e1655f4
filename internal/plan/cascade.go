package plan

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/valid"
)

// A unit's annual plan must contain every task the province assigned to it
// (DOMAIN §2). The functions here copy assigned tasks down into a unit's plan
// and tell Sở Nội vụ which units left some out.

// TaskRef names a task briefly, for lists of missing tasks.
type TaskRef struct {
	ID      int64  `db:"id" json:"id"`
	Seq     string `db:"seq" json:"seq"`
	Content string `db:"content" json:"content"`
}

// A task is assigned to a unit when the unit has a work item of it: the unit
// is the task's lead or one of its co-leads, named or as a member of a lead
// or co-lead group (work items follow responsibleUnits), or it kept an item
// that carries progress. Each co-lead copies the task into its own plan, led
// by itself, like the lead does.

// CopyAssigned copies into the unit's plan (childPlanID, whose parent must be
// parentPlanID and whose issuing unit is the unit) every task of the parent
// plan assigned to unitID (it has a work item for it) and not copied yet. A
// copy keeps the content, product, area (when the child plan may use it) and
// schedule, is led by the unit itself (without co-leads), and records the
// original as SourceTaskID. It returns the number of tasks copied;
// everything happens in one transaction.
func (s *Store) CopyAssigned(ctx context.Context, childPlanID, parentPlanID, unitID int64) (int, error) {
	var copied int
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		child, err := getPlan(ctx, tx, childPlanID)
		if err != nil {
			return err
		}
		if deref(child.ParentID) != parentPlanID {
			return valid.Problemf("Kế hoạch của đơn vị không thuộc kế hoạch cấp trên đã chọn.")
		}
		if child.IssuingUnitID != unitID {
			return valid.Problemf("Kế hoạch này không do đơn vị đã chọn ban hành.")
		}
		if child.Closed() {
			return errClosed
		}
		var tasks []Task
		err = tx.SelectContext(ctx, &tasks, tx.Rebind(`SELECT `+taskColumns+` FROM tasks t
			WHERE t.plan_id = ? AND t.id IN (SELECT task_id FROM work_items WHERE unit_id = ?)
			AND t.id NOT IN (SELECT source_task_id FROM tasks WHERE plan_id = ? AND source_task_id IS NOT NULL)
			ORDER BY t.position, t.id`), parentPlanID, unitID, childPlanID)
		if err != nil {
			return fmt.Errorf("plan: tasks of plan %d assigned to unit %d: %w", parentPlanID, unitID, err)
		}
		for _, src := range orderLikeTree(tasks) {
			in := TaskInput{Seq: src.Seq, Content: src.Content, Product: src.Product, LeadUnitID: unitID,
				CoordinatingText: src.CoordinatingText, ScheduleText: src.ScheduleText,
				Start: src.Start, Due: src.Due, Recurrence: src.Recurrence, Milestones: src.Milestones,
				Relative: src.Relative, Understood: src.Understood, Notes: src.Notes, SourceTaskID: src.ID}
			if src.AreaID != nil {
				ok, err := areaAllowed(ctx, tx, child, *src.AreaID)
				if err != nil {
					return err
				}
				if ok {
					in.AreaID = *src.AreaID
				}
			}
			if _, err := CreateTaskTx(ctx, tx, childPlanID, in); err != nil {
				return fmt.Errorf("plan: copy task %d into plan %d: %w", src.ID, childPlanID, err)
			}
			copied++
		}
		if copied == 0 {
			return nil
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "plan", EntityID: childPlanID,
			Summary: fmt.Sprintf("Sao chép %d nhiệm vụ được giao từ kế hoạch cấp trên vào kế hoạch “%s”", copied, child.Title)})
	})
	return copied, err
}

// orderLikeTree returns tasks in the order they appear in their plan's tree
// (depth first by position), given them in any order; tasks whose parent is
// not among them are placed as roots.
func orderLikeTree(tasks []Task) []Task {
	cp := make([]Task, len(tasks))
	copy(cp, tasks)
	var out []Task
	Walk(buildTree(cp), func(t *Task, _ int) { out = append(out, *t) })
	return out
}

// Coverage returns the tasks of the parent plan assigned to the unit (it has
// a work item for them) that no plan of the unit under the parent plan has
// copied yet, in the parent plan's order.
func (s *Store) Coverage(ctx context.Context, parentPlanID, unitID int64) ([]TaskRef, error) {
	all, err := s.CoverageAll(ctx, parentPlanID)
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		if c.UnitID == unitID {
			return c.Missing, nil
		}
	}
	return []TaskRef{}, nil
}

type assignedTask struct {
	UnitID   int64  `db:"unit_id"`
	UnitName string `db:"unit_name"`
	TaskRef
}

// UnitCoverage is how far one unit's plans cover the tasks a parent plan
// assigned to it.
type UnitCoverage struct {
	UnitID   int64     `json:"unit_id"`
	UnitName string    `json:"unit_name"`
	HasPlan  bool      `json:"has_plan"` // the unit has a plan under the parent plan
	Assigned int       `json:"assigned"` // tasks with a work item for the unit
	Covered  int       `json:"covered"`  // of those, tasks copied into one of the unit's plans
	Missing  []TaskRef `json:"missing"`  // the rest, in the parent plan's order
}

// CoverageAll returns, for every unit with work in the parent plan (in
// Vietnamese name order), how many assigned tasks its plans under the parent
// plan cover and which are missing. Sở Nội vụ uses it to chase units whose
// annual plan leaves out tasks the province gave them.
func (s *Store) CoverageAll(ctx context.Context, parentPlanID int64) ([]UnitCoverage, error) {
	var assigned []assignedTask
	err := s.db.SelectContext(ctx, &assigned, s.db.Rebind(`SELECT u.id AS unit_id, u.name AS unit_name, t.id, t.seq, t.content
		FROM tasks t JOIN (SELECT DISTINCT task_id, unit_id FROM work_items) wi ON wi.task_id = t.id
		JOIN units u ON u.id = wi.unit_id WHERE t.plan_id = ? ORDER BY u.sort_key, u.id`), parentPlanID)
	if err != nil {
		return nil, fmt.Errorf("plan: assigned tasks of plan %d: %w", parentPlanID, err)
	}
	// Units stay in name order; each unit's tasks follow the parent plan's tree.
	var shape []Task
	if err := s.db.SelectContext(ctx, &shape, s.db.Rebind(`SELECT `+taskColumns+` FROM tasks t WHERE t.plan_id = ?
		ORDER BY t.position, t.id`), parentPlanID); err != nil {
		return nil, fmt.Errorf("plan: tasks of plan %d: %w", parentPlanID, err)
	}
	order := make(map[int64]int, len(shape))
	Walk(buildTree(shape), func(t *Task, _ int) { order[t.ID] = len(order) })
	unitRank := map[int64]int{}
	for _, a := range assigned {
		if _, ok := unitRank[a.UnitID]; !ok {
			unitRank[a.UnitID] = len(unitRank)
		}
	}
	slices.SortFunc(assigned, func(a, b assignedTask) int {
		if a.UnitID != b.UnitID {
			return unitRank[a.UnitID] - unitRank[b.UnitID]
		}
		return order[a.ID] - order[b.ID]
	})
	var covered []struct {
		UnitID int64 `db:"issuing_unit_id"`
		TaskID int64 `db:"source_task_id"`
	}
	err = s.db.SelectContext(ctx, &covered, s.db.Rebind(`SELECT DISTINCT p.issuing_unit_id, c.source_task_id
		FROM tasks c JOIN plans p ON p.id = c.plan_id WHERE p.parent_id = ? AND c.source_task_id IS NOT NULL`), parentPlanID)
	if err != nil {
		return nil, fmt.Errorf("plan: covered tasks of plan %d: %w", parentPlanID, err)
	}
	var withPlan []int64
	if err := s.db.SelectContext(ctx, &withPlan, s.db.Rebind(`SELECT DISTINCT issuing_unit_id FROM plans WHERE parent_id = ?`), parentPlanID); err != nil {
		return nil, fmt.Errorf("plan: plans under plan %d: %w", parentPlanID, err)
	}
	type pair struct{ unit, task int64 }
	done := make(map[pair]bool, len(covered))
	for _, c := range covered {
		done[pair{c.UnitID, c.TaskID}] = true
	}
	hasPlan := make(map[int64]bool, len(withPlan))
	for _, id := range withPlan {
		hasPlan[id] = true
	}
	var out []UnitCoverage
	idx := map[int64]int{}
	for _, a := range assigned {
		i, ok := idx[a.UnitID]
		if !ok {
			i = len(out)
			idx[a.UnitID] = i
			out = append(out, UnitCoverage{UnitID: a.UnitID, UnitName: a.UnitName, HasPlan: hasPlan[a.UnitID], Missing: []TaskRef{}})
		}
		c := &out[i]
		c.Assigned++
		if done[pair{a.UnitID, a.ID}] {
			c.Covered++
		} else {
			c.Missing = append(c.Missing, a.TaskRef)
		}
	}
	return out, nil
}
