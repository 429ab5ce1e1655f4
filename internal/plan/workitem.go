package plan

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// WorkItem is one responsible unit's share of a task for one period, with
// its progress. Status and DaysOverdue are derived when the item is read.
type WorkItem struct {
	ID          int64      `db:"id" json:"id"`
	TaskID      int64      `db:"task_id" json:"task_id"`
	UnitID      int64      `db:"unit_id" json:"unit_id"`
	Period      string     `db:"period" json:"period"` // see Period.Key
	Start       civil.Date `db:"start_on" json:"start"`
	Due         civil.Date `db:"due_on" json:"due"`
	Percent     int        `db:"percent" json:"percent"`
	CompletedOn civil.Date `db:"completed_on" json:"completed_on"`
	Hold        string     `db:"hold" json:"hold"` // HoldNone, HoldPaused, HoldCancelled
	HoldReason  string     `db:"hold_reason" json:"hold_reason"`
	UpdatedAt   time.Time  `db:"updated_at" json:"updated_at"`
	// From the task, its plan and the unit, for lists.
	UnitName    string `db:"unit_name" json:"unit_name"`
	PlanID      int64  `db:"plan_id" json:"plan_id"`
	PlanTitle   string `db:"plan_title" json:"plan_title"`
	PlanStatus  string `db:"plan_status" json:"-"`
	TaskSeq     string `db:"task_seq" json:"task_seq"`
	TaskContent string `db:"task_content" json:"task_content"`
	AreaID      *int64 `db:"area_id" json:"area_id"`
	// Derived on the day the item was read.
	Status      StatusCode `db:"-" json:"status"`
	DaysOverdue int        `db:"-" json:"days_overdue"`
}

// StatusInput returns what the item's state depends on.
func (w WorkItem) StatusInput() StatusInput {
	return StatusInput{Start: w.Start, Due: w.Due, Percent: w.Percent, CompletedOn: w.CompletedOn, Hold: w.Hold}
}

// PeriodLabel returns the Vietnamese name of the item's period ("" for one-off).
func (w WorkItem) PeriodLabel() string { return PeriodLabel(w.Period) }

func (w *WorkItem) derive(today civil.Date) {
	w.Status = Status(today, w.StatusInput())
	if w.Status == Overdue {
		w.DaysOverdue = DaysOverdue(today, w.Due)
	}
}

const workItemSelect = `SELECT wi.id, wi.task_id, wi.unit_id, wi.period, wi.start_on, wi.due_on, wi.percent, wi.completed_on,
	wi.hold, wi.hold_reason, wi.updated_at, u.name AS unit_name, t.plan_id, p.title AS plan_title, p.status AS plan_status,
	t.seq AS task_seq, t.content AS task_content, t.area_id`

const workItemFrom = ` FROM work_items wi JOIN tasks t ON t.id = wi.task_id JOIN plans p ON p.id = t.plan_id
	JOIN units u ON u.id = wi.unit_id`

// WorkItemFilter narrows WorkItems. Zero fields do not filter.
type WorkItemFilter struct {
	UnitIDs []int64    // items of these units
	Within  int64      // items of this unit or any unit below it
	PlanID  int64      // items of this plan's tasks
	TaskID  int64      // items of this task
	AreaID  int64      // items of tasks in this area
	Status  StatusCode // items in this state today
	Overdue bool       // items overdue today (same as Status Overdue)
	DueFrom civil.Date // due on or after this day
	DueTo   civil.Date // due on or before this day
	Q       string     // accent-insensitive words, each found in the task's text
	// IssuedOnly leaves out the items of draft plans: a draft's tasks are
	// not yet anyone's work. Lists across plans set it.
	IssuedOnly bool
	Limit      int // default 50, at most 1000
	Offset     int
}

// WorkItems returns matching items, soonest due first (items without a due
// day last), and their total. States are judged on the store's today.
func (s *Store) WorkItems(ctx context.Context, f WorkItemFilter) ([]WorkItem, int, error) {
	today := s.today()
	sf, err := workItemConditions(f, today)
	if err != nil {
		return nil, 0, err
	}
	args := slices.Concat(sf.withArgs, sf.whereArgs)
	var total int
	if err := s.db.GetContext(ctx, &total, s.db.Rebind(sf.with+`SELECT COUNT(*)`+workItemFrom+sf.where), args...); err != nil {
		return nil, 0, fmt.Errorf("plan: count work items: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 1000)
	var items []WorkItem
	err = s.db.SelectContext(ctx, &items, s.db.Rebind(sf.with+workItemSelect+workItemFrom+sf.where+
		` ORDER BY wi.due_on IS NULL, wi.due_on, u.sort_key, wi.id LIMIT ? OFFSET ?`), append(args, f.Limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("plan: list work items: %w", err)
	}
	for i := range items {
		items[i].derive(today)
	}
	return items, total, nil
}

// sqlFilter is a filter as SQL: a WITH clause (for Within) and a WHERE
// clause over workItemFrom, each with its arguments, kept apart so a SELECT
// list with its own arguments can sit between them.
type sqlFilter struct {
	with      string
	withArgs  []any
	where     string
	whereArgs []any
}

// workItemConditions turns f into SQL judged on day today.
func workItemConditions(f WorkItemFilter, today civil.Date) (sqlFilter, error) {
	var sf sqlFilter
	where, args := []string{"1 = 1"}, []any{}
	if f.Within != 0 {
		sf.with = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id) `
		sf.withArgs = []any{f.Within}
		where = append(where, "wi.unit_id IN (SELECT id FROM sub)")
	}
	if len(f.UnitIDs) > 0 {
		q, a, err := sqlx.In("wi.unit_id IN (?)", f.UnitIDs)
		if err != nil {
			return sf, err
		}
		where = append(where, q)
		args = append(args, a...)
	}
	for _, c := range []struct {
		col string
		id  int64
	}{{"t.plan_id", f.PlanID}, {"wi.task_id", f.TaskID}, {"t.area_id", f.AreaID}} {
		if c.id != 0 {
			where = append(where, c.col+" = ?")
			args = append(args, c.id)
		}
	}
	if f.IssuedOnly {
		where = append(where, "t.plan_id IN (SELECT id FROM plans WHERE status <> 'draft')")
	}
	statuses := []StatusCode{}
	if f.Status != "" {
		if !f.Status.Valid() {
			return sf, valid.Errors{"status": "Trạng thái không hợp lệ."}
		}
		statuses = append(statuses, f.Status)
	}
	if f.Overdue {
		statuses = append(statuses, Overdue)
	}
	for _, st := range statuses {
		c, a, err := statusCondition(st, today)
		if err != nil {
			return sf, err
		}
		where = append(where, c)
		args = append(args, a...)
	}
	if !f.DueFrom.IsZero() {
		where = append(where, "wi.due_on >= ?")
		args = append(args, f.DueFrom)
	}
	if !f.DueTo.IsZero() {
		where = append(where, "wi.due_on <= ?")
		args = append(args, f.DueTo)
	}
	for _, w := range strings.Fields(vn.Fold(f.Q)) {
		where = append(where, "t.search_text LIKE ?")
		args = append(args, "%"+w+"%")
	}
	sf.where, sf.whereArgs = " WHERE "+strings.Join(where, " AND "), args
	return sf, nil
}

// WorkItem returns the item with id, or db.ErrNotFound.
func (s *Store) WorkItem(ctx context.Context, id int64) (WorkItem, error) {
	w, err := getWorkItem(ctx, s.db, id)
	if err == nil {
		w.derive(s.today())
	}
	return w, err
}

func getWorkItem(ctx context.Context, q db.Querier, id int64) (WorkItem, error) {
	var w WorkItem
	if err := q.GetContext(ctx, &w, q.Rebind(workItemSelect+workItemFrom+` WHERE wi.id = ?`), id); err != nil {
		return WorkItem{}, fmt.Errorf("plan: get work item %d: %w", id, db.NotFound(err))
	}
	return w, nil
}

// Update is one entry of a work item's history: a progress report, or a
// pause, cancellation or resumption (Hold "paused", "cancelled", "resumed").
type Update struct {
	ID          int64      `db:"id" json:"id"`
	WorkItemID  int64      `db:"work_item_id" json:"work_item_id"`
	At          time.Time  `db:"at" json:"at"`
	UserID      *int64     `db:"user_id" json:"user_id"`
	UserName    string     `db:"user_name" json:"user_name"`
	Percent     int        `db:"percent" json:"percent"`
	Note        string     `db:"note" json:"note"`
	CompletedOn civil.Date `db:"completed_on" json:"completed_on"`
	Hold        string     `db:"hold" json:"hold"`
}

// Evidence is a document attached to a work item as proof of the work.
type Evidence struct {
	ID          int64     `db:"id" json:"id"`
	WorkItemID  int64     `db:"work_item_id" json:"work_item_id"`
	FileID      int64     `db:"file_id" json:"file_id"`
	FileName    string    `db:"file_name" json:"file_name"`
	ContentType string    `db:"content_type" json:"content_type"`
	Size        int64     `db:"size" json:"size"`
	Note        string    `db:"note" json:"note"`
	UploadedBy  *int64    `db:"uploaded_by" json:"uploaded_by"`
	UserName    string    `db:"user_name" json:"user_name"`
	UploadedAt  time.Time `db:"uploaded_at" json:"uploaded_at"`
}

// Contribution is what a coordinating unit reports having done for an item.
type Contribution struct {
	ID         int64     `db:"id" json:"id"`
	WorkItemID int64     `db:"work_item_id" json:"work_item_id"`
	UnitID     int64     `db:"unit_id" json:"unit_id"`
	UnitName   string    `db:"unit_name" json:"unit_name"`
	UserID     *int64    `db:"user_id" json:"user_id"`
	UserName   string    `db:"user_name" json:"user_name"`
	Note       string    `db:"note" json:"note"`
	At         time.Time `db:"at" json:"at"`
}

// Updates returns the item's history, oldest first.
func (s *Store) Updates(ctx context.Context, workItemID int64) ([]Update, error) {
	var us []Update
	err := s.db.SelectContext(ctx, &us, s.db.Rebind(`SELECT x.id, x.work_item_id, x.at, x.user_id, COALESCE(us.full_name, '') AS user_name,
		x.percent, x.note, x.completed_on, x.hold FROM work_item_updates x LEFT JOIN users us ON us.id = x.user_id
		WHERE x.work_item_id = ? ORDER BY x.at, x.id`), workItemID)
	if err != nil {
		return nil, fmt.Errorf("plan: updates of work item %d: %w", workItemID, err)
	}
	return us, nil
}

// EvidenceOf returns the item's evidence, oldest first.
func (s *Store) EvidenceOf(ctx context.Context, workItemID int64) ([]Evidence, error) {
	var es []Evidence
	err := s.db.SelectContext(ctx, &es, s.db.Rebind(evidenceSelect+` WHERE e.work_item_id = ? ORDER BY e.uploaded_at, e.id`), workItemID)
	if err != nil {
		return nil, fmt.Errorf("plan: evidence of work item %d: %w", workItemID, err)
	}
	return es, nil
}

const evidenceSelect = `SELECT e.id, e.work_item_id, e.file_id, f.name AS file_name, f.content_type, f.size, e.note,
	e.uploaded_by, COALESCE(us.full_name, '') AS user_name, e.uploaded_at
	FROM work_item_evidence e JOIN files f ON f.id = e.file_id LEFT JOIN users us ON us.id = e.uploaded_by`

// Contributions returns the coordinating units' reports on the item, oldest first.
func (s *Store) Contributions(ctx context.Context, workItemID int64) ([]Contribution, error) {
	var cs []Contribution
	err := s.db.SelectContext(ctx, &cs, s.db.Rebind(contributionSelect+` WHERE c.work_item_id = ? ORDER BY c.at, c.id`), workItemID)
	if err != nil {
		return nil, fmt.Errorf("plan: contributions to work item %d: %w", workItemID, err)
	}
	return cs, nil
}

const contributionSelect = `SELECT c.id, c.work_item_id, c.unit_id, u.name AS unit_name, c.user_id,
	COALESCE(us.full_name, '') AS user_name, c.note, c.at
	FROM work_item_contributions c JOIN units u ON u.id = c.unit_id LEFT JOIN users us ON us.id = c.user_id`
