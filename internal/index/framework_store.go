package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// auditFramework is the audit trail's entity name for frameworks, their
// items and bands.
const auditFramework = "index_framework"

// Year bounds of a framework.
const (
	MinYear = 2000
	MaxYear = 2100
)

// maxTitleLen bounds a framework's title, in characters.
const maxTitleLen = 300

// frameworkSelect reads frameworks; callers add WHERE and ORDER BY.
const frameworkSelect = `SELECT f.id, f.year, f.unit_kind, f.title, f.self_deadline, f.stage, f.published,
	f.copied_from, f.created_at, f.updated_at FROM index_frameworks f`

// FrameworkInput is what a coordinator supplies to create or change a
// framework. SelfDeadline nil (or the zero date) means the default, 15/04
// of the next year.
type FrameworkInput struct {
	Year         int         `json:"year"`
	UnitKind     string      `json:"unit_kind"`
	Title        string      `json:"title"`
	SelfDeadline *civil.Date `json:"self_deadline"`
}

func (in FrameworkInput) clean() FrameworkInput {
	in.UnitKind = strings.TrimSpace(in.UnitKind)
	in.Title = vn.CleanText(in.Title)
	if in.SelfDeadline != nil && in.SelfDeadline.IsZero() {
		in.SelfDeadline = nil
	}
	return in
}

// check validates a cleaned in against the database through q: the unit
// kind exists and no other framework (than id; 0 for a new one) has the
// same year and kind.
func (in FrameworkInput) check(ctx context.Context, q db.Querier, id int64) (valid.Errors, error) {
	errs := valid.Errors{}
	if in.Year < MinYear || in.Year > MaxYear {
		errs.Add("year", fmt.Sprintf("Năm phải từ %d đến %d.", MinYear, MaxYear))
	}
	switch {
	case in.Title == "":
		errs.Add("title", "Vui lòng nhập tên bộ chỉ số.")
	case utf8.RuneCountInString(in.Title) > maxTitleLen:
		errs.Add("title", fmt.Sprintf("Tên bộ chỉ số dài tối đa %d ký tự.", maxTitleLen))
	}
	if d := in.SelfDeadline; d != nil && (d.Year < in.Year || d.Year > in.Year+1) && errs["year"] == "" {
		errs.Add("self_deadline", fmt.Sprintf("Hạn tự đánh giá phải trong năm %d hoặc năm %d.", in.Year, in.Year+1))
	}
	if in.UnitKind == "" {
		errs.Add("unit_kind", "Vui lòng chọn loại đơn vị áp dụng.")
		return errs, nil
	}
	var kindName string
	err := q.GetContext(ctx, &kindName, q.Rebind(`SELECT name FROM unit_kinds WHERE code = ?`), in.UnitKind)
	if err = db.NotFound(err); errors.Is(err, db.ErrNotFound) {
		errs.Add("unit_kind", fmt.Sprintf("Loại đơn vị “%s” không có trong danh mục.", in.UnitKind))
		return errs, nil
	} else if err != nil {
		return nil, fmt.Errorf("index: unit kind %q: %w", in.UnitKind, err)
	}
	if errs["year"] != "" {
		return errs, nil
	}
	var n int
	err = q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM index_frameworks WHERE year = ? AND unit_kind = ? AND id <> ?`),
		in.Year, in.UnitKind, id)
	if err != nil {
		return nil, fmt.Errorf("index: frameworks of %d %q: %w", in.Year, in.UnitKind, err)
	}
	if n > 0 {
		errs.Add("year", duplicateMessage(in.Year, kindName))
	}
	return errs, nil
}

func duplicateMessage(year int, kindName string) string {
	return fmt.Sprintf("Năm %d đã có bộ chỉ số cho loại đơn vị “%s”.", year, kindName)
}

// Frameworks returns the frameworks of year (0: every year), newest year
// first, then in the display order of unit kinds.
func (s *Store) Frameworks(ctx context.Context, year int) ([]Framework, error) {
	query := frameworkSelect + ` JOIN unit_kinds k ON k.code = f.unit_kind`
	var args []any
	if year != 0 {
		query += ` WHERE f.year = ?`
		args = append(args, year)
	}
	query += ` ORDER BY f.year DESC, k.sort_order, k.code`
	fs := []Framework{}
	if err := s.db.SelectContext(ctx, &fs, s.db.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("index: frameworks of %d: %w", year, err)
	}
	return fs, nil
}

// Framework returns framework id, or an error wrapping db.ErrNotFound.
func (s *Store) Framework(ctx context.Context, id int64) (Framework, error) {
	return FrameworkWith(ctx, s.db, id)
}

// FrameworkWith is Framework reading through q (a transaction or the
// database).
func FrameworkWith(ctx context.Context, q db.Querier, id int64) (Framework, error) {
	var f Framework
	if err := q.GetContext(ctx, &f, q.Rebind(frameworkSelect+` WHERE f.id = ?`), id); err != nil {
		return Framework{}, fmt.Errorf("index: framework %d: %w", id, db.NotFound(err))
	}
	return f, nil
}

// FrameworkFor returns the framework of year for unit kind kind, or an
// error wrapping db.ErrNotFound.
func (s *Store) FrameworkFor(ctx context.Context, year int, kind string) (Framework, error) {
	var f Framework
	err := s.db.GetContext(ctx, &f, s.db.Rebind(frameworkSelect+` WHERE f.year = ? AND f.unit_kind = ?`), year, kind)
	if err != nil {
		return Framework{}, fmt.Errorf("index: framework of %d for %q: %w", year, kind, db.NotFound(err))
	}
	return f, nil
}

// lockFramework locks framework id's row for the rest of tx (PostgreSQL;
// SQLite transactions are already exclusive) and returns it, or an error
// wrapping db.ErrNotFound. Changes that depend on the stage call it first,
// so a concurrent stage change cannot slip between the check and the write.
func lockFramework(ctx context.Context, tx *sqlx.Tx, id int64) (Framework, error) {
	res, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_frameworks SET id = id WHERE id = ?`), id)
	if err != nil {
		return Framework{}, fmt.Errorf("index: lock framework %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Framework{}, fmt.Errorf("index: framework %d: %w", id, db.ErrNotFound)
	}
	return FrameworkWith(ctx, tx, id)
}

// touchFramework sets framework id's updated_at to now.
func touchFramework(ctx context.Context, q db.Querier, id int64) error {
	if _, err := q.ExecContext(ctx, q.Rebind(`UPDATE index_frameworks SET updated_at = ? WHERE id = ?`), db.Now(), id); err != nil {
		return fmt.Errorf("index: touch framework %d: %w", id, err)
	}
	return nil
}

// assessmentCount returns the number of assessments of framework id.
func assessmentCount(ctx context.Context, q db.Querier, id int64) (int, error) {
	var n int
	if err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM index_assessments WHERE framework_id = ?`), id); err != nil {
		return 0, fmt.Errorf("index: assessments of framework %d: %w", id, err)
	}
	return n, nil
}

// CreateFramework adds a draft framework with no items and the default
// bands (DefaultBands). The input is checked first: valid.Errors keyed
// "year", "unit_kind", "title", "self_deadline"; a second framework for the
// same year and unit kind is refused on "year".
func (s *Store) CreateFramework(ctx context.Context, in FrameworkInput, userID int64) (Framework, error) {
	in = in.clean()
	var created Framework
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		errs, err := in.check(ctx, tx, 0)
		if err != nil {
			return err
		}
		if len(errs) > 0 {
			return errs
		}
		id, err := insertFramework(ctx, tx, in, nil)
		if err != nil {
			return err
		}
		if err := insertBands(ctx, tx, id, DefaultBands()); err != nil {
			return err
		}
		if created, err = FrameworkWith(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: auditFramework, EntityID: id,
			Summary: fmt.Sprintf("Tạo bộ chỉ số “%s”", created.Title), After: created})
	})
	return created, err
}

// insertFramework inserts a draft framework and returns its id. A unique
// violation (a concurrent creation for the same year and kind) becomes a
// valid.Errors on "year". It does not audit.
func insertFramework(ctx context.Context, q db.Querier, in FrameworkInput, copiedFrom *int64) (int64, error) {
	now := db.Now()
	var id int64
	err := q.GetContext(ctx, &id, q.Rebind(`INSERT INTO index_frameworks
		(year, unit_kind, title, self_deadline, stage, published, copied_from, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		in.Year, in.UnitKind, in.Title, in.SelfDeadline, StageDraft, false, copiedFrom, now, now)
	if db.IsUniqueViolation(err) {
		return 0, valid.Errors{"year": fmt.Sprintf("Năm %d đã có bộ chỉ số cho loại đơn vị này.", in.Year)}
	}
	if err != nil {
		return 0, fmt.Errorf("index: create framework %d %q: %w", in.Year, in.UnitKind, err)
	}
	return id, nil
}

// UpdateFramework changes framework id's title and self-assessment
// deadline, and, while it is a draft, its year and unit kind. The input is
// checked as CreateFramework checks it.
func (s *Store) UpdateFramework(ctx context.Context, id int64, in FrameworkInput, userID int64) (Framework, error) {
	in = in.clean()
	var after Framework
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		before, err := lockFramework(ctx, tx, id)
		if err != nil {
			return err
		}
		errs, err := in.check(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Stage != StageDraft {
			if in.Year != before.Year {
				errs.Add("year", "Chỉ đổi được năm khi bộ chỉ số đang soạn thảo.")
			}
			if in.UnitKind != before.UnitKind {
				errs.Add("unit_kind", "Chỉ đổi được loại đơn vị khi bộ chỉ số đang soạn thảo.")
			}
		}
		if len(errs) > 0 {
			return errs
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE index_frameworks SET year = ?, unit_kind = ?, title = ?,
			self_deadline = ?, updated_at = ? WHERE id = ?`), in.Year, in.UnitKind, in.Title, in.SelfDeadline, db.Now(), id)
		if db.IsUniqueViolation(err) {
			return valid.Errors{"year": fmt.Sprintf("Năm %d đã có bộ chỉ số cho loại đơn vị này.", in.Year)}
		}
		if err != nil {
			return fmt.Errorf("index: update framework %d: %w", id, err)
		}
		if after, err = FrameworkWith(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: auditFramework, EntityID: id,
			Summary: fmt.Sprintf("Sửa bộ chỉ số “%s”", after.Title), Before: before, After: after})
	})
	return after, err
}

// DeleteFramework removes framework id with its items and bands. Only a
// draft with no assessment may be removed (a valid.Problem otherwise).
func (s *Store) DeleteFramework(ctx context.Context, id, userID int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		before, err := lockFramework(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Stage != StageDraft {
			return valid.Problemf("Chỉ xoá được bộ chỉ số đang soạn thảo.")
		}
		n, err := assessmentCount(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return valid.Problemf("Đã có đơn vị đánh giá theo bộ chỉ số này; không xoá được.")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM index_frameworks WHERE id = ?`), id); err != nil {
			return fmt.Errorf("index: delete framework %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Delete, Entity: auditFramework, EntityID: id,
			Summary: fmt.Sprintf("Xoá bộ chỉ số “%s”", before.Title), Before: before})
	})
}

// StageLabel returns the Vietnamese name of a framework's stage.
func StageLabel(stage string) string {
	switch stage {
	case StageDraft:
		return "Đang soạn"
	case StageSelf:
		return "Đơn vị tự đánh giá"
	case StageAppraisal:
		return "Đang thẩm định"
	case StageFinal:
		return "Đã có kết quả"
	}
	return stage
}

// StatusLabel returns the Vietnamese name of an assessment's status.
func StatusLabel(status string) string {
	switch status {
	case StatusDraft:
		return "Đang tự chấm"
	case StatusSubmitted:
		return "Đã nộp, chờ thẩm định"
	case StatusAppraised:
		return "Đã thẩm định"
	case StatusResponded:
		return "Đã phản hồi kết quả thẩm định"
	case StatusFinal:
		return "Đã có kết quả"
	}
	return status
}

// SetStage moves framework id to stage. The moves allowed are draft → self
// (the items must form a valid framework with at least one scored leaf;
// they are frozen from then on), self → appraisal, appraisal → self (to
// reopen self-assessment), and self → draft while no unit has opened an
// assessment. The final stage is reached only through Finalise. Setting
// the current stage again changes nothing. Refusals are valid.Problem.
func (s *Store) SetStage(ctx context.Context, id int64, stage string, userID int64) error {
	switch stage {
	case StageDraft, StageSelf, StageAppraisal:
	case StageFinal:
		return valid.Problemf("Chỉ chốt kết quả được bằng chức năng “Chốt kết quả” sau khi thẩm định xong.")
	default:
		return valid.Problemf(fmt.Sprintf("Giai đoạn “%s” không hợp lệ.", stage))
	}
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		before, err := lockFramework(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Stage == stage {
			return nil
		}
		refused := valid.Problemf(fmt.Sprintf("Không chuyển được bộ chỉ số từ giai đoạn “%s” sang “%s”.",
			StageLabel(before.Stage), StageLabel(stage)))
		switch {
		case before.Stage == StageDraft && stage == StageSelf:
			if err := checkReady(ctx, tx, id); err != nil {
				return err
			}
		case before.Stage == StageSelf && stage == StageAppraisal,
			before.Stage == StageAppraisal && stage == StageSelf:
		case before.Stage == StageSelf && stage == StageDraft:
			n, err := assessmentCount(ctx, tx, id)
			if err != nil {
				return err
			}
			if n > 0 {
				return valid.Problemf("Đã có đơn vị tự đánh giá theo bộ chỉ số này; không trả về soạn thảo được.")
			}
		default:
			return refused
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE index_frameworks SET stage = ?, updated_at = ? WHERE id = ?`),
			stage, db.Now(), id)
		if err != nil {
			return fmt.Errorf("index: framework %d to stage %s: %w", id, stage, err)
		}
		after, err := FrameworkWith(ctx, tx, id)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: auditFramework, EntityID: id,
			Summary: fmt.Sprintf("Chuyển bộ chỉ số “%s” sang giai đoạn “%s”", after.Title, StageLabel(stage)),
			Before:  before, After: after})
	})
}

// checkReady returns a valid.Problem unless framework id's items form a
// valid framework with at least one score or survey leaf.
func checkReady(ctx context.Context, q db.Querier, id int64) error {
	items, err := ItemsWith(ctx, q, id)
	if err != nil {
		return err
	}
	plan, problems := planItems(inputsOf(items), nil)
	if len(problems) > 0 {
		p := problems[0]
		return valid.Problemf(fmt.Sprintf("Danh mục tiêu chí chưa hợp lệ, hãy sửa trước khi mở tự đánh giá: Dòng %d: %s",
			p.Index+1, p.Message))
	}
	for _, p := range plan {
		if p.leaf && (p.Kind == KindScore || p.Kind == KindSurvey) {
			return nil
		}
	}
	return valid.Problemf("Bộ chỉ số chưa có tiêu chí nào để chấm điểm; hãy thêm tiêu chí trước khi mở tự đánh giá.")
}

// SetPublished switches the public results page of framework id on or
// off. Only a framework in the final stage may be published (a
// valid.Problem otherwise); unpublishing is always allowed.
func (s *Store) SetPublished(ctx context.Context, id int64, published bool, userID int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		before, err := lockFramework(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Published == published {
			return nil
		}
		if published && before.Stage != StageFinal {
			return valid.Problemf("Chỉ công bố được kết quả sau khi đã chốt kết quả.")
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE index_frameworks SET published = ?, updated_at = ? WHERE id = ?`),
			published, db.Now(), id)
		if err != nil {
			return fmt.Errorf("index: publish framework %d: %w", id, err)
		}
		after, err := FrameworkWith(ctx, tx, id)
		if err != nil {
			return err
		}
		summary := fmt.Sprintf("Công bố kết quả bộ chỉ số “%s”", after.Title)
		if !published {
			summary = fmt.Sprintf("Thôi công bố kết quả bộ chỉ số “%s”", after.Title)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: auditFramework, EntityID: id,
			Summary: summary, Before: before, After: after})
	})
}
