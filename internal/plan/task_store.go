package plan

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

const taskColumns = `t.id, t.plan_id, t.parent_id, t.seq, t.position, t.area_id, t.content, t.product, t.lead_unit_id,
	t.lead_group_id, t.lead_text, t.coordinating_text, t.schedule_text, t.start_on, t.due_on, t.recurrence, t.milestones,
	t.relative, t.understood, t.budget_vnd, t.funding_source, t.notes, t.source_task_id,
	COALESCE(t.import_key, '') AS import_key, t.created_at, t.updated_at`

// Task returns the task with id, with its co-leads and coordinating units
// and groups, or db.ErrNotFound.
func (s *Store) Task(ctx context.Context, id int64) (Task, error) { return getTask(ctx, s.db, id) }

func getTask(ctx context.Context, q db.Querier, id int64) (Task, error) {
	var t Task
	if err := q.GetContext(ctx, &t, q.Rebind(`SELECT `+taskColumns+` FROM tasks t WHERE t.id = ?`), id); err != nil {
		return Task{}, fmt.Errorf("plan: get task %d: %w", id, db.NotFound(err))
	}
	ts := []Task{t}
	if err := loadAgencies(ctx, q, ts, `task_id = ?`, id); err != nil {
		return Task{}, err
	}
	return ts[0], nil
}

// agencyRow is a row of task_co_leads or task_coordinators: one unit or
// one group.
type agencyRow struct {
	TaskID  int64  `db:"task_id"`
	UnitID  *int64 `db:"unit_id"`
	GroupID *int64 `db:"group_id"`
}

// loadAgencies fills the co-lead and coordinator ids of tasks from the
// task_co_leads and task_coordinators rows whose task matches cond: one
// query per table, however many tasks. Every list is non-nil afterwards and
// in id order.
func loadAgencies(ctx context.Context, q db.Querier, tasks []Task, cond string, args ...any) error {
	idx := make(map[int64]int, len(tasks))
	for i := range tasks {
		idx[tasks[i].ID] = i
		tasks[i].CoLeadUnitIDs, tasks[i].CoLeadGroupIDs = []int64{}, []int64{}
		tasks[i].CoordinatingUnitIDs, tasks[i].CoordinatingGroupIDs = []int64{}, []int64{}
	}
	for _, table := range []string{"task_co_leads", "task_coordinators"} {
		var rows []agencyRow
		if err := q.SelectContext(ctx, &rows, q.Rebind(`SELECT task_id, unit_id, group_id FROM `+table+`
			WHERE `+cond+` ORDER BY task_id, unit_id, group_id`), args...); err != nil {
			return fmt.Errorf("plan: %s: %w", table, err)
		}
		for _, r := range rows {
			i, ok := idx[r.TaskID]
			if !ok {
				continue
			}
			units, groups := &tasks[i].CoordinatingUnitIDs, &tasks[i].CoordinatingGroupIDs
			if table == "task_co_leads" {
				units, groups = &tasks[i].CoLeadUnitIDs, &tasks[i].CoLeadGroupIDs
			}
			switch {
			case r.UnitID != nil:
				*units = append(*units, *r.UnitID)
			case r.GroupID != nil:
				*groups = append(*groups, *r.GroupID)
			}
		}
	}
	return nil
}

// planTasksCondition selects the agency rows of every task of a plan, for
// loadAgencies.
const planTasksCondition = `task_id IN (SELECT id FROM tasks WHERE plan_id = ?)`

// Tree returns the plan's tasks nested under their parents, each level in
// position order.
func (s *Store) Tree(ctx context.Context, planID int64) ([]*Task, error) {
	var tasks []Task
	if err := s.db.SelectContext(ctx, &tasks, s.db.Rebind(`SELECT `+taskColumns+` FROM tasks t
		WHERE t.plan_id = ? ORDER BY t.position, t.id`), planID); err != nil {
		return nil, fmt.Errorf("plan: tasks of plan %d: %w", planID, err)
	}
	if err := loadAgencies(ctx, s.db, tasks, planTasksCondition, planID); err != nil {
		return nil, err
	}
	return buildTree(tasks), nil
}

// CreateTask adds a task at the end of its parent's sub-tasks (or of the
// plan's top level) and generates its work items, in one transaction.
func (s *Store) CreateTask(ctx context.Context, planID int64, in TaskInput) (Task, error) {
	var t Task
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		t, err = CreateTaskTx(ctx, tx, planID, in)
		return err
	})
	return t, err
}

// CreateTaskTx is CreateTask inside the caller's transaction (imports).
func CreateTaskTx(ctx context.Context, tx *sqlx.Tx, planID int64, in TaskInput) (Task, error) {
	p, err := getPlan(ctx, tx, planID)
	if err != nil {
		return Task{}, err
	}
	if p.Closed() {
		return Task{}, errClosed
	}
	in.Normalize()
	if err := validateTask(ctx, tx, p, 0, &in); err != nil {
		return Task{}, err
	}
	pos, err := nextPosition(ctx, tx, planID, in.ParentID)
	if err != nil {
		return Task{}, err
	}
	now := db.Now()
	var id int64
	err = tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO tasks (plan_id, parent_id, seq, position, area_id, content, product,
		lead_unit_id, lead_group_id, lead_text, coordinating_text, schedule_text, start_on, due_on, recurrence, milestones,
		relative, understood, budget_vnd, funding_source, notes, source_task_id, import_key, search_text, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		planID, ptr(in.ParentID), in.Seq, pos, ptr(in.AreaID), in.Content, in.Product,
		ptr(in.LeadUnitID), ptr(in.LeadGroupID), in.LeadText, in.CoordinatingText, in.ScheduleText, in.Start, in.Due,
		in.Recurrence, in.Milestones, in.Relative, in.Understood, in.BudgetVND, in.FundingSource, in.Notes,
		ptr(in.SourceTaskID), textOrNull(in.ImportKey), taskSearchText(in), now, now)
	if db.IsUniqueViolation(err) { // a concurrent import took the key after validateTask looked
		return Task{}, importKeyTaken(in.ImportKey)
	}
	if err != nil {
		return Task{}, fmt.Errorf("plan: insert task of plan %d: %w", planID, err)
	}
	return saveTaskRest(ctx, tx, p, id, in, nil)
}

// UpdateTask changes a task and regenerates its work items, keeping those
// that carry progress, in one transaction. A task moved to another parent
// goes to the end of its new siblings.
func (s *Store) UpdateTask(ctx context.Context, id int64, in TaskInput) (Task, error) {
	var t Task
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		t, err = UpdateTaskTx(ctx, tx, id, in)
		return err
	})
	return t, err
}

// UpdateTaskTx is UpdateTask inside the caller's transaction.
func UpdateTaskTx(ctx context.Context, tx *sqlx.Tx, id int64, in TaskInput) (Task, error) {
	before, err := getTask(ctx, tx, id)
	if err != nil {
		return Task{}, err
	}
	p, err := getPlan(ctx, tx, before.PlanID)
	if err != nil {
		return Task{}, err
	}
	if p.Closed() {
		return Task{}, errClosed
	}
	in.Normalize()
	if err := validateTask(ctx, tx, p, id, &in); err != nil {
		return Task{}, err
	}
	pos := before.Position
	if deref(before.ParentID) != in.ParentID {
		if pos, err = nextPosition(ctx, tx, p.ID, in.ParentID); err != nil {
			return Task{}, err
		}
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE tasks SET parent_id = ?, seq = ?, position = ?, area_id = ?, content = ?,
		product = ?, lead_unit_id = ?, lead_group_id = ?, lead_text = ?, coordinating_text = ?, schedule_text = ?,
		start_on = ?, due_on = ?, recurrence = ?, milestones = ?, relative = ?, understood = ?, budget_vnd = ?,
		funding_source = ?, notes = ?, source_task_id = ?, import_key = ?, search_text = ?, updated_at = ? WHERE id = ?`),
		ptr(in.ParentID), in.Seq, pos, ptr(in.AreaID), in.Content, in.Product, ptr(in.LeadUnitID), ptr(in.LeadGroupID),
		in.LeadText, in.CoordinatingText, in.ScheduleText, in.Start, in.Due, in.Recurrence, in.Milestones, in.Relative,
		in.Understood, in.BudgetVND, in.FundingSource, in.Notes, ptr(in.SourceTaskID), textOrNull(in.ImportKey),
		taskSearchText(in), db.Now(), id)
	if db.IsUniqueViolation(err) {
		return Task{}, importKeyTaken(in.ImportKey)
	}
	if err != nil {
		return Task{}, fmt.Errorf("plan: update task %d: %w", id, err)
	}
	return saveTaskRest(ctx, tx, p, id, in, &before)
}

// saveTaskRest replaces the task's co-leads and coordinators, regenerates
// its work items and records the change.
func saveTaskRest(ctx context.Context, tx *sqlx.Tx, p Plan, id int64, in TaskInput, before *Task) (Task, error) {
	if err := replaceAgencies(ctx, tx, "task_co_leads", id, in.CoLeadUnitIDs, in.CoLeadGroupIDs); err != nil {
		return Task{}, err
	}
	if err := replaceAgencies(ctx, tx, "task_coordinators", id, in.CoordinatingUnitIDs, in.CoordinatingGroupIDs); err != nil {
		return Task{}, err
	}
	t, err := getTask(ctx, tx, id)
	if err != nil {
		return Task{}, err
	}
	res, err := regenerate(ctx, tx, t, p)
	if err != nil {
		return Task{}, err
	}
	e := audit.Entry{Action: audit.Create, Entity: "task", EntityID: id, After: t,
		Summary: fmt.Sprintf("Thêm nhiệm vụ “%s” vào kế hoạch “%s” (%s)", short(t.Content), p.Title, res)}
	if before != nil {
		e.Action, e.Before = audit.Update, *before
		e.Summary = fmt.Sprintf("Sửa nhiệm vụ “%s” của kế hoạch “%s” (%s)", short(t.Content), p.Title, res)
	}
	return t, audit.Record(ctx, tx, e)
}

// replaceAgencies makes the rows of table (task_co_leads or
// task_coordinators) for task id exactly units and groups.
func replaceAgencies(ctx context.Context, tx *sqlx.Tx, table string, id int64, units, groups []int64) error {
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM `+table+` WHERE task_id = ?`), id); err != nil {
		return fmt.Errorf("plan: clear %s of task %d: %w", table, id, err)
	}
	for _, u := range units {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO `+table+` (task_id, unit_id) VALUES (?, ?)`), id, u); err != nil {
			return fmt.Errorf("plan: %s unit %d of task %d: %w", table, u, id, err)
		}
	}
	for _, g := range groups {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO `+table+` (task_id, group_id) VALUES (?, ?)`), id, g); err != nil {
			return fmt.Errorf("plan: %s group %d of task %d: %w", table, g, id, err)
		}
	}
	return nil
}

// ImportKeys returns the import key of every task of plan planID that has
// one, with the task's id: an import reading the same document again finds
// the tasks it made before and updates them instead of adding copies.
func ImportKeys(ctx context.Context, q db.Querier, planID int64) (map[string]int64, error) {
	var rows []struct {
		Key string `db:"import_key"`
		ID  int64  `db:"id"`
	}
	if err := q.SelectContext(ctx, &rows, q.Rebind(`SELECT import_key, id FROM tasks
		WHERE plan_id = ? AND import_key IS NOT NULL`), planID); err != nil {
		return nil, fmt.Errorf("plan: import keys of plan %d: %w", planID, err)
	}
	keys := make(map[string]int64, len(rows))
	for _, r := range rows {
		keys[r.Key] = r.ID
	}
	return keys, nil
}

// importKeyTaken is the validation error for an import key another task of
// the plan already has.
func importKeyTaken(key string) error { return valid.Errors{"import_key": importKeyMessage(key)} }

func importKeyMessage(key string) string {
	return fmt.Sprintf("Khóa nhập dữ liệu “%s” đã dùng cho một nhiệm vụ khác của kế hoạch này.", key)
}

// textOrNull stores "" as NULL (the import key's unique index ignores NULLs).
func textOrNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// DeleteTask removes a task with its sub-tasks and their work items. A task
// whose work items (or whose sub-tasks' items) carry progress is kept: pause
// or cancel those items instead.
func (s *Store) DeleteTask(ctx context.Context, id int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		before, err := getTask(ctx, tx, id)
		if err != nil {
			return err
		}
		p, err := getPlan(ctx, tx, before.PlanID)
		if err != nil {
			return err
		}
		if p.Closed() {
			return errClosed
		}
		var progressed int
		if err := tx.GetContext(ctx, &progressed, tx.Rebind(`WITH RECURSIVE sub(id) AS (SELECT id FROM tasks WHERE id = ?
			UNION ALL SELECT t.id FROM tasks t JOIN sub ON t.parent_id = sub.id)
			SELECT COUNT(*) FROM work_items wi WHERE wi.task_id IN (SELECT id FROM sub) AND `+progressCondition), id); err != nil {
			return fmt.Errorf("plan: progress under task %d: %w", id, err)
		}
		if progressed > 0 {
			return valid.Problemf("Không thể xóa: nhiệm vụ (hoặc nhiệm vụ con) đã có đơn vị cập nhật tiến độ hoặc minh chứng. Hãy tạm dừng hoặc hủy phần việc thay vì xóa.")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM tasks WHERE id = ?`), id); err != nil {
			return fmt.Errorf("plan: delete task %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Delete, Entity: "task", EntityID: id,
			Summary: fmt.Sprintf("Xóa nhiệm vụ “%s” của kế hoạch “%s”", short(before.Content), p.Title), Before: before})
	})
}

// MoveTask moves a task one place up (or down) among its siblings.
func (s *Store) MoveTask(ctx context.Context, id int64, up bool) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		t, err := getTask(ctx, tx, id)
		if err != nil {
			return err
		}
		p, err := getPlan(ctx, tx, t.PlanID)
		if err != nil {
			return err
		}
		if p.Closed() {
			return errClosed
		}
		cond, args := siblingsCondition(t.PlanID, deref(t.ParentID))
		order, cmp := "DESC", "<"
		if !up {
			order, cmp = "ASC", ">"
		}
		var other struct {
			ID       int64 `db:"id"`
			Position int   `db:"position"`
		}
		err = tx.GetContext(ctx, &other, tx.Rebind(`SELECT id, position FROM tasks WHERE `+cond+
			` AND (position `+cmp+` ? OR (position = ? AND id `+cmp+` ?)) ORDER BY position `+order+`, id `+order+` LIMIT 1`),
			append(args, t.Position, t.Position, t.ID)...)
		if errors.Is(db.NotFound(err), db.ErrNotFound) {
			return nil // already first (or last)
		}
		if err != nil {
			return fmt.Errorf("plan: sibling of task %d: %w", id, err)
		}
		newPos, otherPos := other.Position, t.Position
		if newPos == otherPos { // equal positions: make them distinct
			if up {
				otherPos++
			} else {
				newPos++
			}
		}
		for _, u := range []struct {
			id  int64
			pos int
		}{{t.ID, newPos}, {other.ID, otherPos}} {
			if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE tasks SET position = ? WHERE id = ?`), u.pos, u.id); err != nil {
				return fmt.Errorf("plan: move task %d: %w", u.id, err)
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "task", EntityID: id,
			Summary: fmt.Sprintf("Đổi thứ tự nhiệm vụ “%s”", short(t.Content))})
	})
}

func siblingsCondition(planID, parentID int64) (string, []any) {
	if parentID == 0 {
		return "plan_id = ? AND parent_id IS NULL", []any{planID}
	}
	return "plan_id = ? AND parent_id = ?", []any{planID, parentID}
}

func nextPosition(ctx context.Context, q db.Querier, planID, parentID int64) (int, error) {
	cond, args := siblingsCondition(planID, parentID)
	var pos int
	if err := q.GetContext(ctx, &pos, q.Rebind(`SELECT COALESCE(MAX(position), 0) + 1 FROM tasks WHERE `+cond), args...); err != nil {
		return 0, fmt.Errorf("plan: next position in plan %d: %w", planID, err)
	}
	return pos, nil
}

// validateTask checks in, and the rules that need the database, for a new
// task (id 0) or a change to task id of plan p.
func validateTask(ctx context.Context, q db.Querier, p Plan, id int64, in *TaskInput) error {
	errs := in.Validate()
	if in.ParentID != 0 {
		parent, err := getTask(ctx, q, in.ParentID)
		switch {
		case errors.Is(err, db.ErrNotFound):
			errs.Add("parent_id", "Nhiệm vụ cha không tồn tại.")
		case err != nil:
			return err
		case parent.PlanID != p.ID:
			errs.Add("parent_id", "Nhiệm vụ cha phải thuộc cùng kế hoạch.")
		case id != 0:
			cycle, err := taskDescends(ctx, q, parent.ID, id)
			if err != nil {
				return err
			}
			if cycle {
				errs.Add("parent_id", "Không thể chọn chính nhiệm vụ này hoặc nhiệm vụ con của nó làm nhiệm vụ cha.")
			}
		}
	}
	if in.AreaID != 0 {
		ok, err := areaAllowed(ctx, q, p, in.AreaID)
		if err != nil {
			return err
		}
		if !ok {
			errs.Add("area_id", "Lĩnh vực không thuộc kế hoạch này.")
		}
	}
	checks := []struct {
		field, table, msg string
		ids               []int64
	}{
		{"lead_unit_id", "units", "Đơn vị chủ trì không tồn tại.", []int64{in.LeadUnitID}},
		{"lead_group_id", "unit_groups", "Nhóm đơn vị chủ trì không tồn tại.", []int64{in.LeadGroupID}},
		{"coordinating_unit_ids", "units", "Có đơn vị phối hợp không tồn tại.", in.CoordinatingUnitIDs},
		{"co_lead_unit_ids", "units", "Có đơn vị đồng chủ trì không tồn tại.", in.CoLeadUnitIDs},
		{"co_lead_group_ids", "unit_groups", "Có nhóm đơn vị đồng chủ trì không tồn tại.", in.CoLeadGroupIDs},
		{"coordinating_group_ids", "unit_groups", "Có nhóm đơn vị phối hợp không tồn tại.", in.CoordinatingGroupIDs},
		{"source_task_id", "tasks", "Nhiệm vụ nguồn không tồn tại.", []int64{in.SourceTaskID}},
	}
	for _, c := range checks {
		ids := cleanIDs(c.ids)
		if len(ids) == 0 {
			continue
		}
		query, args, err := sqlx.In(`SELECT COUNT(*) FROM `+c.table+` WHERE id IN (?)`, ids)
		if err != nil {
			return err
		}
		var n int
		if err := q.GetContext(ctx, &n, q.Rebind(query), args...); err != nil {
			return fmt.Errorf("plan: check %s: %w", c.field, err)
		}
		if n != len(ids) {
			errs.Add(c.field, c.msg)
		}
	}
	if in.SourceTaskID != 0 && in.SourceTaskID == id {
		errs.Add("source_task_id", "Nhiệm vụ không thể là nguồn của chính nó.")
	}
	// A co-lead leads its own share; it cannot also merely coordinate.
	overlaps := []struct {
		field, table, format string
		ids                  []int64
	}{
		{"co_lead_unit_ids", "units", "%s vừa là đơn vị chủ trì vừa là đơn vị phối hợp.",
			sharedIDs(in.CoLeadUnitIDs, in.CoordinatingUnitIDs)},
		{"co_lead_group_ids", "unit_groups", "%s vừa là nhóm đơn vị chủ trì vừa là nhóm đơn vị phối hợp.",
			sharedIDs(in.CoLeadGroupIDs, in.CoordinatingGroupIDs)},
	}
	for _, o := range overlaps {
		if len(o.ids) == 0 {
			continue
		}
		names, err := quotedNames(ctx, q, o.table, o.ids)
		if err != nil {
			return err
		}
		if names != "" { // else the ids do not exist, as the checks above said
			errs.Add(o.field, fmt.Sprintf(o.format, names))
		}
	}
	if in.ImportKey != "" {
		var n int
		if err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM tasks WHERE plan_id = ? AND import_key = ? AND id <> ?`),
			p.ID, in.ImportKey, id); err != nil {
			return fmt.Errorf("plan: check import key %q of plan %d: %w", in.ImportKey, p.ID, err)
		}
		if n > 0 {
			errs.Add("import_key", importKeyMessage(in.ImportKey))
		}
	}
	return errs.Err()
}

// sharedIDs returns the ids in both a and b, in a's order.
func sharedIDs(a, b []int64) []int64 {
	var out []int64
	for _, id := range a {
		if slices.Contains(b, id) {
			out = append(out, id)
		}
	}
	return out
}

// quotedNames returns the names of rows ids of table (units or
// unit_groups) as “A”, “B”, in id order; "" when none exists.
func quotedNames(ctx context.Context, q db.Querier, table string, ids []int64) (string, error) {
	query, args, err := sqlx.In(`SELECT name FROM `+table+` WHERE id IN (?) ORDER BY id`, ids)
	if err != nil {
		return "", err
	}
	var names []string
	if err := q.SelectContext(ctx, &names, q.Rebind(query), args...); err != nil {
		return "", fmt.Errorf("plan: names of %s %v: %w", table, ids, err)
	}
	for i, n := range names {
		names[i] = "“" + n + "”"
	}
	return strings.Join(names, ", "), nil
}

// taskDescends reports whether walking up the parents from id reaches
// ancestor (id itself included).
func taskDescends(ctx context.Context, q db.Querier, id, ancestor int64) (bool, error) {
	for step := 0; step < 100; step++ {
		if id == ancestor {
			return true, nil
		}
		var parent *int64
		if err := q.GetContext(ctx, &parent, q.Rebind(`SELECT parent_id FROM tasks WHERE id = ?`), id); err != nil {
			return false, db.NotFound(err)
		}
		if parent == nil {
			return false, nil
		}
		id = *parent
	}
	return true, nil
}

func taskSearchText(in TaskInput) string {
	return vn.Fold(strings.Join([]string{in.Seq, in.Content, in.Product, in.LeadText}, " "))
}

// short returns the start of s for audit summaries.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}
