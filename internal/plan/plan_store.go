package plan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/files"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Store reads and changes plans, tasks and work items. It is safe for
// concurrent use.
type Store struct {
	db *db.DB
	// Today returns the current day, used by the progress rules and state
	// filters. Nil means today in Vietnam; tests set a fixed day.
	Today func() civil.Date
}

// NewStore returns a Store over d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

// DB returns the database the store uses.
func (s *Store) DB() *db.DB { return s.db }

func (s *Store) today() civil.Date {
	if s.Today != nil {
		return s.Today()
	}
	return civil.Today(vn.Location())
}

// errClosed refuses changes to a closed plan.
var errClosed = valid.Problem{Message: "Kế hoạch đã kết thúc: không thể thay đổi. Hãy mở lại kế hoạch trước."}

const planColumns = `p.id, p.kind, p.title, p.issuing_unit_id, u.name AS issuing_unit_name, p.number_symbol, p.issued_on,
	p.period_start, p.period_end, p.parent_id, p.status, p.area_set_id, p.source_file_id, p.created_at, p.updated_at`

const planFrom = ` FROM plans p JOIN units u ON u.id = p.issuing_unit_id`

// Get returns the plan with id, or db.ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (Plan, error) { return getPlan(ctx, s.db, id) }

func getPlan(ctx context.Context, q db.Querier, id int64) (Plan, error) {
	var p Plan
	if err := q.GetContext(ctx, &p, q.Rebind(`SELECT `+planColumns+planFrom+` WHERE p.id = ?`), id); err != nil {
		return Plan{}, fmt.Errorf("plan: get plan %d: %w", id, db.NotFound(err))
	}
	return p, nil
}

// PlanFilter narrows List. Zero fields do not filter.
type PlanFilter struct {
	Within        int64  // plans issued by this unit or any unit below it
	IssuingUnitID int64  // plans issued by exactly this unit
	ParentID      int64  // plans directly under this plan
	Kind          string // a Kinds value
	Status        string // a PlanStatuses value
	Year          int    // plans whose period overlaps this calendar year
	Q             string // accent-insensitive words, each found in the title or number
	Limit         int    // default 50, at most 500
	Offset        int
}

// List returns matching plans, the latest period first, and their total.
func (s *Store) List(ctx context.Context, f PlanFilter) ([]Plan, int, error) {
	with, where, args := "", []string{"1 = 1"}, []any{}
	if f.Within != 0 {
		with = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id) `
		args = append(args, f.Within)
		where = append(where, "p.issuing_unit_id IN (SELECT id FROM sub)")
	}
	if f.IssuingUnitID != 0 {
		where = append(where, "p.issuing_unit_id = ?")
		args = append(args, f.IssuingUnitID)
	}
	if f.ParentID != 0 {
		where = append(where, "p.parent_id = ?")
		args = append(args, f.ParentID)
	}
	if f.Kind != "" {
		where = append(where, "p.kind = ?")
		args = append(args, f.Kind)
	}
	if f.Status != "" {
		where = append(where, "p.status = ?")
		args = append(args, f.Status)
	}
	if f.Year != 0 {
		where = append(where, "p.period_start <= ? AND p.period_end >= ?")
		args = append(args, civil.New(f.Year, 12, 31), civil.New(f.Year, 1, 1))
	}
	for _, w := range strings.Fields(vn.Fold(f.Q)) {
		where = append(where, "p.search_text LIKE ?")
		args = append(args, "%"+w+"%")
	}
	cond := " WHERE " + strings.Join(where, " AND ")
	var total int
	if err := s.db.GetContext(ctx, &total, s.db.Rebind(with+`SELECT COUNT(*)`+planFrom+cond), args...); err != nil {
		return nil, 0, fmt.Errorf("plan: count plans: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 500)
	var plans []Plan
	err := s.db.SelectContext(ctx, &plans, s.db.Rebind(with+`SELECT `+planColumns+planFrom+cond+
		` ORDER BY p.period_start DESC, p.period_end, p.id DESC LIMIT ? OFFSET ?`), append(args, f.Limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("plan: list plans: %w", err)
	}
	return plans, total, nil
}

// Create adds a plan (a draft unless in.Status says otherwise). A plan under
// a parent plan uses the parent's area set when in.AreaSetID is zero.
func (s *Store) Create(ctx context.Context, in PlanInput) (Plan, error) {
	var p Plan
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		p, err = CreateTx(ctx, tx, in)
		return err
	})
	return p, err
}

// CreateTx is Create inside the caller's transaction (imports, the demo).
func CreateTx(ctx context.Context, tx *sqlx.Tx, in PlanInput) (Plan, error) {
	in.Normalize()
	if in.Status == "" {
		in.Status = StatusDraft
	}
	if in.AreaSetID == 0 && in.ParentID != 0 {
		// A unit's plan uses its parent plan's areas unless told otherwise.
		if parent, err := getPlan(ctx, tx, in.ParentID); err == nil {
			in.AreaSetID = deref(parent.AreaSetID)
		}
	}
	if err := validatePlan(ctx, tx, nil, &in); err != nil {
		return Plan{}, err
	}
	now := db.Now()
	var id int64
	err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO plans (kind, title, issuing_unit_id, number_symbol, issued_on,
		period_start, period_end, parent_id, status, area_set_id, search_text, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		in.Kind, in.Title, in.IssuingUnitID, in.NumberSymbol, in.IssuedOn, in.PeriodStart, in.PeriodEnd,
		ptr(in.ParentID), in.Status, ptr(in.AreaSetID), planSearchText(in), now, now)
	if err != nil {
		return Plan{}, fmt.Errorf("plan: insert plan %q: %w", in.Title, err)
	}
	p, err := getPlan(ctx, tx, id)
	if err != nil {
		return Plan{}, err
	}
	return p, audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "plan", EntityID: id,
		Summary: "Tạo kế hoạch “" + p.Title + "”", After: p})
}

// Update changes a plan's fields. A closed plan can only be reopened (Status
// issued). When the period changes, every task's work items are regenerated
// for the new period in the same transaction.
func (s *Store) Update(ctx context.Context, id int64, in PlanInput) (Plan, error) {
	var p Plan
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		p, err = UpdateTx(ctx, tx, id, in)
		return err
	})
	return p, err
}

// UpdateTx is Update inside the caller's transaction.
func UpdateTx(ctx context.Context, tx *sqlx.Tx, id int64, in PlanInput) (Plan, error) {
	before, err := getPlan(ctx, tx, id)
	if err != nil {
		return Plan{}, err
	}
	in.Normalize()
	if in.Status == "" {
		in.Status = before.Status
	}
	if before.Closed() && in.Status == StatusClosed {
		return Plan{}, errClosed
	}
	if err := validatePlan(ctx, tx, &before, &in); err != nil {
		return Plan{}, err
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE plans SET kind = ?, title = ?, issuing_unit_id = ?, number_symbol = ?,
		issued_on = ?, period_start = ?, period_end = ?, parent_id = ?, status = ?, area_set_id = ?, search_text = ?, updated_at = ?
		WHERE id = ?`),
		in.Kind, in.Title, in.IssuingUnitID, in.NumberSymbol, in.IssuedOn, in.PeriodStart, in.PeriodEnd,
		ptr(in.ParentID), in.Status, ptr(in.AreaSetID), planSearchText(in), db.Now(), id)
	if err != nil {
		return Plan{}, fmt.Errorf("plan: update plan %d: %w", id, err)
	}
	p, err := getPlan(ctx, tx, id)
	if err != nil {
		return Plan{}, err
	}
	if p.PeriodStart != before.PeriodStart || p.PeriodEnd != before.PeriodEnd {
		if err := regeneratePlan(ctx, tx, p); err != nil {
			return Plan{}, err
		}
	}
	return p, audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "plan", EntityID: id,
		Summary: "Sửa kế hoạch “" + p.Title + "”", Before: before, After: p})
}

// SetStatus moves the plan to status: a draft can be issued (it needs a
// number and an issue date), an issued plan returned to draft or closed, and
// a closed plan reopened (issued).
func (s *Store) SetStatus(ctx context.Context, id int64, status string) (Plan, error) {
	var p Plan
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		p, err = SetStatusTx(ctx, tx, id, status)
		return err
	})
	return p, err
}

// SetStatusTx is SetStatus inside the caller's transaction (the demo).
func SetStatusTx(ctx context.Context, tx *sqlx.Tx, id int64, status string) (Plan, error) {
	before, err := getPlan(ctx, tx, id)
	if err != nil {
		return Plan{}, err
	}
	if err := checkTransition(before, status); err != nil {
		return Plan{}, err
	}
	if status == StatusIssued {
		errs := valid.Errors{}
		issuedRequirements(errs, before.NumberSymbol, before.IssuedOn)
		if len(errs) > 0 {
			return Plan{}, valid.Problemf("Kế hoạch cần có số, ký hiệu và ngày ban hành trước khi chuyển sang “Đã ban hành”.")
		}
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE plans SET status = ?, updated_at = ? WHERE id = ?`), status, db.Now(), id); err != nil {
		return Plan{}, fmt.Errorf("plan: set status of plan %d: %w", id, err)
	}
	p, err := getPlan(ctx, tx, id)
	if err != nil {
		return Plan{}, err
	}
	return p, audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "plan", EntityID: id,
		Summary: fmt.Sprintf("Chuyển kế hoạch “%s” sang “%s”", p.Title, p.StatusLabel()), Before: before, After: p})
}

// Delete removes a draft plan entered by mistake, with its tasks. A plan
// that has plans under it, or whose work items carry progress, is kept.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		before, err := getPlan(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Status != StatusDraft {
			return valid.Problemf("Chỉ xóa được kế hoạch dự thảo.")
		}
		var children, progressed int
		if err := tx.GetContext(ctx, &children, tx.Rebind(`SELECT COUNT(*) FROM plans WHERE parent_id = ?`), id); err != nil {
			return err
		}
		if children > 0 {
			return valid.Problemf("Không thể xóa: kế hoạch còn kế hoạch cấp dưới.")
		}
		if err := tx.GetContext(ctx, &progressed, tx.Rebind(`SELECT COUNT(*) FROM work_items wi JOIN tasks t ON t.id = wi.task_id
			WHERE t.plan_id = ? AND `+progressCondition), id); err != nil {
			return err
		}
		if progressed > 0 {
			return valid.Problemf("Không thể xóa: đã có đơn vị cập nhật tiến độ hoặc minh chứng cho nhiệm vụ của kế hoạch.")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM plans WHERE id = ?`), id); err != nil {
			return fmt.Errorf("plan: delete plan %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Delete, Entity: "plan", EntityID: id,
			Summary: "Xóa kế hoạch “" + before.Title + "”", Before: before})
	})
}

// AttachSource stores the plan's source document (the signed decision, a
// PDF or Word file) and links it to the plan. The file is checked before the
// transaction starts; a refused file gives valid.Errors on field "file".
func (s *Store) AttachSource(ctx context.Context, planID int64, name string, r io.Reader, userID int64) (files.File, error) {
	up, err := files.Check(name, r)
	if err != nil {
		return files.File{}, err
	}
	var f files.File
	err = s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := getPlan(ctx, tx, planID); err != nil {
			return err
		}
		if f, err = files.Insert(ctx, tx, up, userID); err != nil {
			return err
		}
		return setSource(ctx, tx, planID, f.ID, f.Name)
	})
	return f, err
}

// SetSourceFile links an already stored file (files.Store.Save) to the plan
// as its source document; fileID 0 unlinks it.
func (s *Store) SetSourceFile(ctx context.Context, planID, fileID int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var name string
		if fileID != 0 {
			if err := tx.GetContext(ctx, &name, tx.Rebind(`SELECT name FROM files WHERE id = ?`), fileID); err != nil {
				if errors.Is(db.NotFound(err), db.ErrNotFound) {
					return valid.Errors{"source_file_id": "Tệp không tồn tại."}
				}
				return err
			}
		}
		return setSource(ctx, tx, planID, fileID, name)
	})
}

func setSource(ctx context.Context, tx *sqlx.Tx, planID, fileID int64, name string) error {
	before, err := getPlan(ctx, tx, planID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE plans SET source_file_id = ?, updated_at = ? WHERE id = ?`), ptr(fileID), db.Now(), planID); err != nil {
		return fmt.Errorf("plan: attach file %d to plan %d: %w", fileID, planID, err)
	}
	after, err := getPlan(ctx, tx, planID)
	if err != nil {
		return err
	}
	summary := fmt.Sprintf("Đính kèm văn bản “%s” vào kế hoạch “%s”", name, after.Title)
	if fileID == 0 {
		summary = fmt.Sprintf("Gỡ văn bản đính kèm của kế hoạch “%s”", after.Title)
	}
	return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "plan", EntityID: planID,
		Summary: summary, Before: before, After: after})
}

func planSearchText(in PlanInput) string { return vn.Fold(in.Title + " " + in.NumberSymbol) }

// GetWith returns the plan with q, the caller's transaction or database, or
// db.ErrNotFound.
func GetWith(ctx context.Context, q db.Querier, id int64) (Plan, error) { return getPlan(ctx, q, id) }

// SetSourceTx attaches stored file fileID (named name) to the plan as its
// source document, inside the caller's transaction.
func SetSourceTx(ctx context.Context, tx *sqlx.Tx, planID, fileID int64, name string) error {
	return setSource(ctx, tx, planID, fileID, name)
}
