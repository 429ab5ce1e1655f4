package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"cchc/internal/audit"
	"cchc/internal/db"
)

// Draft statuses: an import being prepared, and one confirmed into a plan.
const (
	DraftOpen = "draft"
	DraftDone = "done"
)

// ErrDraftDone is returned by MarkDraftDone and SaveDraftSettings for an
// import that was already confirmed: a second confirmation (a double click,
// two tabs) must not import the document twice.
var ErrDraftDone = errors.New("importer: plan import already confirmed")

// Draft is an import in progress (a plan_imports row): the uploaded
// document, who uploaded it, the plan it goes into (PlanID; nil while the
// tasks are to go into a new plan, which Settings.NewPlan describes, until
// the import is confirmed) and the reading options and corrections the user
// made on the preview. Status is DraftOpen or DraftDone; DoneAt is set when
// it is done, and PlanID then names the plan the tasks went into.
type Draft struct {
	ID        int64
	UserID    int64
	FileID    int64
	PlanID    *int64
	Settings  DraftSettings
	Status    string
	CreatedAt time.Time
	UpdatedAt time.Time
	DoneAt    *time.Time
}

// Done reports whether the import was confirmed.
func (d Draft) Done() bool { return d.Status == DraftDone }

// DraftSettings are how a draft's document is read, kept as JSON in the
// settings column: the plan year (0: from the document or the plan), the
// sheet (""; every sheet), column roles by table index, the user's agency
// choices by agency.Key of the name as written, and the new plan to create
// on confirmation (nil: the tasks go into the draft's plan).
type DraftSettings struct {
	Year    int               `json:"year,omitempty"`
	Sheet   string            `json:"sheet,omitempty"`
	Columns map[int][]string  `json:"columns,omitempty"`
	Choices map[string]Choice `json:"choices,omitempty"`
	NewPlan *NewPlan          `json:"new_plan,omitempty"`
}

// NewPlan is the draft plan an import creates when it is confirmed: its
// title, kind (plan.Kind* values), issuing unit and years (the period runs
// from 01/01 of FromYear to 31/12 of ToYear).
type NewPlan struct {
	Title         string `json:"title"`
	Kind          string `json:"kind"`
	IssuingUnitID int64  `json:"issuing_unit_id"`
	FromYear      int    `json:"from_year"`
	ToYear        int    `json:"to_year"`
}

// Options returns the reading options the settings give, without the areas
// and directory (see Setup).
func (s DraftSettings) Options() Options {
	return Options{Year: s.Year, Sheet: s.Sheet, Columns: s.Columns, Choices: s.Choices}
}

// draftRow is a plan_imports row as stored.
type draftRow struct {
	ID        int64      `db:"id"`
	UserID    int64      `db:"user_id"`
	FileID    int64      `db:"file_id"`
	PlanID    *int64     `db:"plan_id"`
	Settings  string     `db:"settings"`
	Status    string     `db:"status"`
	CreatedAt time.Time  `db:"created_at"`
	UpdatedAt time.Time  `db:"updated_at"`
	DoneAt    *time.Time `db:"done_at"`
}

const draftColumns = `id, user_id, file_id, plan_id, settings, status, created_at, updated_at, done_at`

// CreateDraft stores d as a new open draft (its ID, Status and times are
// set here) and returns it as stored.
func CreateDraft(ctx context.Context, q db.Querier, d Draft) (Draft, error) {
	settings, err := json.Marshal(d.Settings)
	if err != nil {
		return Draft{}, fmt.Errorf("importer: encode settings of the import of file %d: %w", d.FileID, err)
	}
	now := db.Now()
	d.Status, d.CreatedAt, d.UpdatedAt, d.DoneAt = DraftOpen, now, now, nil
	err = q.GetContext(ctx, &d.ID, q.Rebind(`INSERT INTO plan_imports (user_id, file_id, plan_id, settings, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`), d.UserID, d.FileID, d.PlanID, string(settings), d.Status, now, now)
	if err != nil {
		return Draft{}, fmt.Errorf("importer: insert import of file %d: %w", d.FileID, err)
	}
	return d, audit.Record(ctx, q, audit.Entry{Action: audit.Create, Entity: "plan_import", EntityID: d.ID,
		Summary: "Tải lên tệp kế hoạch để nhập nhiệm vụ", After: d})
}

// GetDraft returns the draft id, or db.ErrNotFound.
func GetDraft(ctx context.Context, q db.Querier, id int64) (Draft, error) {
	var row draftRow
	if err := q.GetContext(ctx, &row, q.Rebind(`SELECT `+draftColumns+` FROM plan_imports WHERE id = ?`), id); err != nil {
		return Draft{}, fmt.Errorf("importer: get import %d: %w", id, db.NotFound(err))
	}
	d := Draft{ID: row.ID, UserID: row.UserID, FileID: row.FileID, PlanID: row.PlanID, Status: row.Status,
		CreatedAt: row.CreatedAt, UpdatedAt: row.UpdatedAt, DoneAt: row.DoneAt}
	if row.Settings != "" {
		if err := json.Unmarshal([]byte(row.Settings), &d.Settings); err != nil {
			return Draft{}, fmt.Errorf("importer: settings of import %d: %w", id, err)
		}
	}
	return d, nil
}

// SaveDraftSettings replaces the settings of the open draft id. It returns
// db.ErrNotFound when there is no such draft and ErrDraftDone when it was
// already confirmed.
func SaveDraftSettings(ctx context.Context, q db.Querier, id int64, s DraftSettings) error {
	before, err := GetDraft(ctx, q, id)
	if err != nil {
		return err
	}
	if before.Done() {
		return fmt.Errorf("importer: save settings of import %d: %w", id, ErrDraftDone)
	}
	settings, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("importer: encode settings of import %d: %w", id, err)
	}
	res, err := q.ExecContext(ctx, q.Rebind(`UPDATE plan_imports SET settings = ?, updated_at = ? WHERE id = ? AND status = ?`),
		string(settings), db.Now(), id, DraftOpen)
	if err != nil {
		return fmt.Errorf("importer: save settings of import %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("importer: save settings of import %d: %w", id, ErrDraftDone)
	}
	return audit.Record(ctx, q, audit.Entry{Action: audit.Update, Entity: "plan_import", EntityID: id,
		Summary: "Điều chỉnh cách đọc tệp kế hoạch đang nhập", Before: before.Settings, After: s})
}

// MarkDraftDone records that the open draft id was confirmed into plan
// planID. It returns db.ErrNotFound when there is no such draft and
// ErrDraftDone when it was already confirmed, so that a second
// confirmation in a concurrent transaction fails instead of importing the
// document twice.
func MarkDraftDone(ctx context.Context, q db.Querier, id, planID int64) error {
	if _, err := GetDraft(ctx, q, id); err != nil {
		return err
	}
	now := db.Now()
	res, err := q.ExecContext(ctx, q.Rebind(`UPDATE plan_imports SET status = ?, plan_id = ?, done_at = ?, updated_at = ?
		WHERE id = ? AND status = ?`), DraftDone, planID, now, now, id, DraftOpen)
	if err != nil {
		return fmt.Errorf("importer: mark import %d done: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("importer: mark import %d done: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("importer: mark import %d done: %w", id, ErrDraftDone)
	}
	return audit.Record(ctx, q, audit.Entry{Action: audit.Update, Entity: "plan_import", EntityID: id,
		Summary: "Xác nhận nhập nhiệm vụ từ tệp vào kế hoạch", After: map[string]any{"plan_id": planID, "status": DraftDone}})
}
