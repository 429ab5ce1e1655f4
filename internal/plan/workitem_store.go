package plan

import (
	"context"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/files"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// MaxNoteLen is the longest progress note, reason or contribution, in characters.
const MaxNoteLen = 4000

// ProgressInput is a progress report on a work item.
type ProgressInput struct {
	Percent     int        `json:"percent"`      // 0 to 100
	Note        string     `json:"note"`         // what was done
	CompletedOn civil.Date `json:"completed_on"` // the day the work was completed, if it was
	UserID      int64      `json:"-"`            // who reports; 0 for none
}

// UpdateProgress records a progress report: it appends to the item's history
// and sets its percent and completion day. The rules: percent is 0 to 100;
// 100 without a completion day means completed today; a completion day may
// not be in the future and requires 100%; an item cancelled or paused, or of
// a closed plan, takes no report. Reporting less than 100% reopens a
// completed item.
func (s *Store) UpdateProgress(ctx context.Context, workItemID int64, in ProgressInput) (WorkItem, error) {
	var w WorkItem
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		w, err = UpdateProgressTx(ctx, tx, workItemID, in, s.today())
		return err
	})
	return w, err
}

// UpdateProgressTx is UpdateProgress inside the caller's transaction (the
// demo), judging "today" (the default and latest completion day, and the
// returned item's state) by the given day.
func UpdateProgressTx(ctx context.Context, tx *sqlx.Tx, workItemID int64, in ProgressInput, today civil.Date) (WorkItem, error) {
	in.Note = cleanLines(in.Note)
	errs := valid.Errors{}
	switch {
	case in.Percent < 0 || in.Percent > 100:
		errs.Add("percent", "Tiến độ phải từ 0 đến 100%.")
	case !in.CompletedOn.IsZero() && in.Percent < 100:
		errs.Add("percent", "Đã có ngày hoàn thành thì tiến độ phải là 100%.")
	case in.Percent == 100 && in.CompletedOn.IsZero():
		in.CompletedOn = today
	}
	if in.CompletedOn.After(today) {
		errs.Add("completed_on", fmt.Sprintf("Ngày hoàn thành không được sau hôm nay (%s).", today.VN()))
	}
	if utf8.RuneCountInString(in.Note) > MaxNoteLen {
		errs.Add("note", fmt.Sprintf("Nội dung dài tối đa %d ký tự.", MaxNoteLen))
	}
	if err := errs.Err(); err != nil {
		return WorkItem{}, err
	}
	return changeItemTx(ctx, tx, workItemID, today, func(w WorkItem) (string, error) {
		switch w.Hold {
		case HoldCancelled:
			return "", valid.Problemf("Phần việc đã hủy: không thể cập nhật tiến độ.")
		case HoldPaused:
			return "", valid.Problemf("Phần việc đang tạm dừng: hãy cho tiếp tục thực hiện trước khi cập nhật tiến độ.")
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO work_item_updates (work_item_id, at, user_id, percent, note, completed_on)
			VALUES (?, ?, ?, ?, ?, ?)`), w.ID, now, ptr(in.UserID), in.Percent, in.Note, in.CompletedOn); err != nil {
			return "", fmt.Errorf("plan: record progress of work item %d: %w", w.ID, err)
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE work_items SET percent = ?, completed_on = ?, updated_at = ? WHERE id = ?`),
			in.Percent, in.CompletedOn, now, w.ID); err != nil {
			return "", fmt.Errorf("plan: set progress of work item %d: %w", w.ID, err)
		}
		summary := fmt.Sprintf("Cập nhật tiến độ %d%%", in.Percent)
		if !in.CompletedOn.IsZero() {
			summary += ", hoàn thành ngày " + in.CompletedOn.VN()
		}
		return summary, nil
	})
}

// SetHold pauses (HoldPaused) or cancels (HoldCancelled) a work item, with a
// reason, or resumes it (HoldNone). The change is kept in the item's history.
func (s *Store) SetHold(ctx context.Context, workItemID int64, hold, reason string, userID int64) (WorkItem, error) {
	var w WorkItem
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		w, err = SetHoldTx(ctx, tx, workItemID, hold, reason, userID, s.today())
		return err
	})
	return w, err
}

// SetHoldTx is SetHold inside the caller's transaction; today is the day the
// returned item's state is judged on.
func SetHoldTx(ctx context.Context, tx *sqlx.Tx, workItemID int64, hold, reason string, userID int64, today civil.Date) (WorkItem, error) {
	reason = cleanLines(reason)
	errs := valid.Errors{}
	switch hold {
	case HoldPaused, HoldCancelled:
		if reason == "" {
			errs.Add("hold_reason", map[string]string{HoldPaused: "Vui lòng nhập lý do tạm dừng.", HoldCancelled: "Vui lòng nhập lý do hủy."}[hold])
		}
	case HoldNone:
	default:
		errs.Add("hold", "Trạng thái tạm dừng/hủy không hợp lệ.")
	}
	if utf8.RuneCountInString(reason) > MaxNoteLen {
		errs.Add("hold_reason", fmt.Sprintf("Lý do dài tối đa %d ký tự.", MaxNoteLen))
	}
	if err := errs.Err(); err != nil {
		return WorkItem{}, err
	}
	return changeItemTx(ctx, tx, workItemID, today, func(w WorkItem) (string, error) {
		if hold == w.Hold && reason == w.HoldReason {
			return "", nil
		}
		mark, summary := hold, map[string]string{HoldPaused: "Tạm dừng", HoldCancelled: "Hủy"}[hold]
		if hold == HoldNone {
			mark, summary = "resumed", "Tiếp tục thực hiện"
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO work_item_updates (work_item_id, at, user_id, percent, note, completed_on, hold)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), w.ID, now, ptr(userID), w.Percent, reason, w.CompletedOn, mark); err != nil {
			return "", fmt.Errorf("plan: record hold of work item %d: %w", w.ID, err)
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE work_items SET hold = ?, hold_reason = ?, updated_at = ? WHERE id = ?`),
			hold, reason, now, w.ID); err != nil {
			return "", fmt.Errorf("plan: set hold of work item %d: %w", w.ID, err)
		}
		if reason != "" {
			summary += ": " + short(reason)
		}
		return summary, nil
	})
}

// changeItem runs fn on the work item in a transaction, refusing items of a
// closed plan, and audits the change as summary (no change when fn returns
// an empty summary). It returns the item as it is afterwards.
func (s *Store) changeItem(ctx context.Context, id int64, fn func(tx *sqlx.Tx, w WorkItem) (string, error)) (WorkItem, error) {
	var after WorkItem
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		after, err = changeItemTx(ctx, tx, id, s.today(), func(w WorkItem) (string, error) { return fn(tx, w) })
		return err
	})
	return after, err
}

// changeItemTx is changeItem inside the caller's transaction; the returned
// item's state is judged on today.
func changeItemTx(ctx context.Context, tx *sqlx.Tx, id int64, today civil.Date, fn func(w WorkItem) (string, error)) (WorkItem, error) {
	before, err := getWorkItem(ctx, tx, id)
	if err != nil {
		return WorkItem{}, err
	}
	if before.PlanStatus == StatusClosed {
		return WorkItem{}, errClosed
	}
	summary, err := fn(before)
	if err != nil {
		return WorkItem{}, err
	}
	after, err := getWorkItem(ctx, tx, id)
	if err != nil {
		return WorkItem{}, err
	}
	after.derive(today)
	if summary == "" {
		return after, nil
	}
	return after, audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "work_item", EntityID: id,
		Summary: fmt.Sprintf("%s: %s (%s)", summary, short(before.TaskContent), before.UnitName), Before: before, After: after})
}

// EvidenceInput is a document offered as evidence for a work item.
type EvidenceInput struct {
	Name    string    // the file's name as uploaded
	Content io.Reader // at most files.MaxSize bytes
	Note    string    // what the document shows (e.g. "Quyết định số 12/QĐ-UBND, trang 3")
	UserID  int64     // who uploads; 0 for none
}

// AddEvidence stores the document (checked by the files package: PDF, Word,
// Excel or an image, at most 20 MB; a refused file gives valid.Errors on
// field "file") and attaches it to the work item. The file is read and
// checked before the transaction starts.
func (s *Store) AddEvidence(ctx context.Context, workItemID int64, in EvidenceInput) (Evidence, error) {
	note := cleanLines(in.Note)
	if utf8.RuneCountInString(note) > MaxNoteLen {
		return Evidence{}, valid.Errors{"note": fmt.Sprintf("Ghi chú dài tối đa %d ký tự.", MaxNoteLen)}
	}
	up, err := files.Check(in.Name, in.Content)
	if err != nil {
		return Evidence{}, err
	}
	var ev Evidence
	_, err = s.changeItem(ctx, workItemID, func(tx *sqlx.Tx, w WorkItem) (string, error) {
		f, err := files.Insert(ctx, tx, up, in.UserID)
		if err != nil {
			return "", err
		}
		var id int64
		if err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO work_item_evidence (work_item_id, file_id, note, uploaded_by, uploaded_at)
			VALUES (?, ?, ?, ?, ?) RETURNING id`), w.ID, f.ID, note, ptr(in.UserID), f.UploadedAt); err != nil {
			return "", fmt.Errorf("plan: attach evidence to work item %d: %w", w.ID, err)
		}
		if err := tx.GetContext(ctx, &ev, tx.Rebind(evidenceSelect+` WHERE e.id = ?`), id); err != nil {
			return "", err
		}
		return "Thêm minh chứng " + f.Name, nil
	})
	return ev, err
}

// DeleteEvidence detaches a document from its work item (the stored file
// stays, as the audit trail cites it).
func (s *Store) DeleteEvidence(ctx context.Context, evidenceID int64) error {
	var ev Evidence
	if err := s.db.GetContext(ctx, &ev, s.db.Rebind(evidenceSelect+` WHERE e.id = ?`), evidenceID); err != nil {
		return fmt.Errorf("plan: evidence %d: %w", evidenceID, db.NotFound(err))
	}
	_, err := s.changeItem(ctx, ev.WorkItemID, func(tx *sqlx.Tx, w WorkItem) (string, error) {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM work_item_evidence WHERE id = ?`), evidenceID); err != nil {
			return "", fmt.Errorf("plan: delete evidence %d: %w", evidenceID, err)
		}
		return "Gỡ minh chứng " + ev.FileName, nil
	})
	return err
}

// ContributionInput is a coordinating unit's report on a work item.
type ContributionInput struct {
	UnitID int64  `json:"unit_id"` // the coordinating unit
	Note   string `json:"note"`
	UserID int64  `json:"-"`
}

// AddContribution records what a coordinating unit did for the work item.
func (s *Store) AddContribution(ctx context.Context, workItemID int64, in ContributionInput) (Contribution, error) {
	in.Note = cleanLines(in.Note)
	errs := valid.Errors{}
	switch {
	case in.Note == "":
		errs.Add("note", "Vui lòng nhập nội dung phối hợp.")
	case utf8.RuneCountInString(in.Note) > MaxNoteLen:
		errs.Add("note", fmt.Sprintf("Nội dung dài tối đa %d ký tự.", MaxNoteLen))
	}
	if in.UnitID == 0 {
		errs.Add("unit_id", "Vui lòng chọn đơn vị phối hợp.")
	}
	if err := errs.Err(); err != nil {
		return Contribution{}, err
	}
	var c Contribution
	_, err := s.changeItem(ctx, workItemID, func(tx *sqlx.Tx, w WorkItem) (string, error) {
		var name string
		if err := tx.GetContext(ctx, &name, tx.Rebind(`SELECT name FROM units WHERE id = ?`), in.UnitID); err != nil {
			if db.NotFound(err) == db.ErrNotFound {
				return "", valid.Errors{"unit_id": "Đơn vị phối hợp không tồn tại."}
			}
			return "", err
		}
		var id int64
		if err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO work_item_contributions (work_item_id, unit_id, user_id, note, at)
			VALUES (?, ?, ?, ?, ?) RETURNING id`), w.ID, in.UnitID, ptr(in.UserID), in.Note, db.Now()); err != nil {
			return "", fmt.Errorf("plan: contribution to work item %d: %w", w.ID, err)
		}
		if err := tx.GetContext(ctx, &c, tx.Rebind(contributionSelect+` WHERE c.id = ?`), id); err != nil {
			return "", err
		}
		return "Báo cáo phối hợp của " + vn.CleanText(name), nil
	})
	return c, err
}
