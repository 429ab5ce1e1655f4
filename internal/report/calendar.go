package report

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// today returns the current day in Vietnam, or s.Today() when set.
func (s *Store) today() civil.Date {
	if s.Today != nil {
		return s.Today()
	}
	return civil.Today(vn.Location())
}

const typeColumns = `id, code, name, period_kind, cutoff_from_day, cutoff_to_day, unit_deadline_day, unit_deadline_offset,
	snv_deadline_day, snv_deadline_offset, grace_days, position`

// Types returns the calendar's report types in their order.
func (s *Store) Types(ctx context.Context) ([]ReportType, error) {
	var ts []ReportType
	if err := s.db.SelectContext(ctx, &ts, `SELECT `+typeColumns+` FROM report_types ORDER BY position, id`); err != nil {
		return nil, fmt.Errorf("report: list types: %w", err)
	}
	return ts, nil
}

func getType(ctx context.Context, q db.Querier, id int64) (ReportType, error) {
	var t ReportType
	if err := q.GetContext(ctx, &t, q.Rebind(`SELECT `+typeColumns+` FROM report_types WHERE id = ?`), id); err != nil {
		return ReportType{}, fmt.Errorf("report: get type %d: %w", id, db.NotFound(err))
	}
	return t, nil
}

// validate normalizes t and returns what is wrong with it, by field.
func (t *ReportType) validate() valid.Errors {
	errs := valid.Errors{}
	t.Code = strings.TrimSpace(t.Code)
	t.Name = vn.CleanText(t.Name)
	t.PeriodKind = strings.ToUpper(strings.TrimSpace(t.PeriodKind))
	if !ValidCode(t.Code) {
		errs.Add("code", msgCode)
	}
	if t.Name == "" {
		errs.Add("name", "Hãy nhập tên loại báo cáo.")
	}
	switch t.PeriodKind {
	case "", PeriodQuarter, PeriodHalf, PeriodNineMonth, PeriodYear:
	default:
		errs.Add("period_kind", "Kỳ báo cáo phải là quý, 6 tháng, 9 tháng, năm hoặc để trống (đột xuất, chuyên đề).")
	}
	days := []struct {
		field string
		v     int
	}{{"cutoff_from_day", t.CutoffFromDay}, {"cutoff_to_day", t.CutoffToDay},
		{"unit_deadline_day", t.UnitDeadlineDay}, {"snv_deadline_day", t.SNVDeadlineDay}}
	for _, d := range days {
		if d.v < 0 || d.v > 31 {
			errs.Add(d.field, "Ngày phải từ 1 đến 31 (0: không đặt).")
		}
	}
	for _, o := range []struct {
		field string
		v     int
	}{{"unit_deadline_offset", t.UnitDeadlineOffset}, {"snv_deadline_offset", t.SNVDeadlineOffset}} {
		if o.v < -11 || o.v > 12 {
			errs.Add(o.field, "Số tháng lệch phải từ -11 đến 12.")
		}
	}
	if t.GraceDays < 0 || t.GraceDays > 366 {
		errs.Add("grace_days", "Số ngày gia hạn trước khi khóa kỳ phải từ 0 đến 366.")
	}
	return errs
}

// SaveType creates t (ID 0) or updates the type t.ID, audited, and returns
// it as stored. Two types may not share a period kind (their periods would
// have the same codes), and a type that already has periods keeps its kind.
// Periods already generated keep their dates; only later ones follow the
// new rules.
func (s *Store) SaveType(ctx context.Context, t ReportType) (ReportType, error) {
	errs := t.validate()
	if len(errs) > 0 {
		return ReportType{}, errs
	}
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		if t.PeriodKind != "" {
			var other string
			err := tx.GetContext(ctx, &other, tx.Rebind(`SELECT name FROM report_types WHERE period_kind = ? AND id <> ?`), t.PeriodKind, t.ID)
			switch {
			case err == nil:
				return valid.Errors{"period_kind": fmt.Sprintf("Loại báo cáo “%s” đã dùng kỳ này.", other)}
			case !errors.Is(db.NotFound(err), db.ErrNotFound):
				return fmt.Errorf("report: check period kind %q: %w", t.PeriodKind, err)
			}
		}
		if t.ID == 0 {
			err := tx.GetContext(ctx, &t.ID, tx.Rebind(`INSERT INTO report_types (code, name, period_kind, cutoff_from_day,
				cutoff_to_day, unit_deadline_day, unit_deadline_offset, snv_deadline_day, snv_deadline_offset, grace_days, position)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), t.Code, t.Name, t.PeriodKind, t.CutoffFromDay, t.CutoffToDay,
				t.UnitDeadlineDay, t.UnitDeadlineOffset, t.SNVDeadlineDay, t.SNVDeadlineOffset, t.GraceDays, t.Position)
			if err != nil {
				return typeWriteError(t, err)
			}
			return audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "report_type", EntityID: t.ID,
				Summary: "Thêm loại báo cáo “" + t.Name + "”", After: t})
		}
		before, err := getType(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if before.PeriodKind != t.PeriodKind {
			var n int
			if err := tx.GetContext(ctx, &n, tx.Rebind(`SELECT COUNT(*) FROM report_periods WHERE type_id = ?`), t.ID); err != nil {
				return fmt.Errorf("report: count periods of type %d: %w", t.ID, err)
			}
			if n > 0 {
				return valid.Errors{"period_kind": "Loại báo cáo đã có kỳ báo cáo: không thể đổi kỳ."}
			}
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE report_types SET code = ?, name = ?, period_kind = ?, cutoff_from_day = ?,
			cutoff_to_day = ?, unit_deadline_day = ?, unit_deadline_offset = ?, snv_deadline_day = ?, snv_deadline_offset = ?,
			grace_days = ?, position = ? WHERE id = ?`), t.Code, t.Name, t.PeriodKind, t.CutoffFromDay, t.CutoffToDay,
			t.UnitDeadlineDay, t.UnitDeadlineOffset, t.SNVDeadlineDay, t.SNVDeadlineOffset, t.GraceDays, t.Position, t.ID)
		if err != nil {
			return typeWriteError(t, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "report_type", EntityID: t.ID,
			Summary: "Sửa loại báo cáo “" + t.Name + "”", Before: before, After: t})
	})
	if err != nil {
		return ReportType{}, err
	}
	return t, nil
}

func typeWriteError(t ReportType, err error) error {
	if db.IsUniqueViolation(err) {
		return valid.Errors{"code": "Mã “" + t.Code + "” đã được dùng."}
	}
	return fmt.Errorf("report: save type %q: %w", t.Code, err)
}

// EnsurePeriods stores the periods of year of every type with a period
// kind, with the dates ReportType.Dates gives them. It is idempotent:
// periods already stored are left as they are (with their dates, even if
// the type's rules changed since).
func EnsurePeriods(ctx context.Context, q db.Querier, year int) error {
	if year < 1900 || year > 2199 {
		return fmt.Errorf("report: ensure periods of %d: the year is out of range", year)
	}
	var types []ReportType
	if err := q.SelectContext(ctx, &types, `SELECT `+typeColumns+` FROM report_types WHERE period_kind <> '' ORDER BY position, id`); err != nil {
		return fmt.Errorf("report: ensure periods of %d: %w", year, err)
	}
	for _, t := range types {
		for _, p := range PeriodsOf(t.PeriodKind, year) {
			r := t.Dates(p)
			_, err := q.ExecContext(ctx, q.Rebind(`INSERT INTO report_periods (type_id, code, title, starts_on, ends_on,
				cutoff_from, cutoff_to, unit_deadline, snv_deadline, locks_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (code) DO NOTHING`), r.TypeID, r.Code, r.Title, r.StartsOn, r.EndsOn, r.CutoffFrom, r.CutoffTo,
				r.UnitDeadline, r.SNVDeadline, r.LocksOn)
			if err != nil {
				return fmt.Errorf("report: store period %s of type %q: %w", r.Code, t.Code, err)
			}
		}
	}
	return nil
}

const periodColumns = `id, type_id, (SELECT t.code FROM report_types t WHERE t.id = type_id) AS type_code, code, title, starts_on, ends_on, cutoff_from, cutoff_to, unit_deadline, snv_deadline, locks_on`

// Periods returns the stored periods that start in year, the earliest
// ending first (2026-Q1, 2026-Q2, 2026-H1, ... 2026). It does not generate
// them: call EnsurePeriods first.
func (s *Store) Periods(ctx context.Context, year int) ([]PeriodRow, error) {
	var ps []PeriodRow
	err := s.db.SelectContext(ctx, &ps, s.db.Rebind(`SELECT p.id, p.type_id, t.code AS type_code, p.code, p.title, p.starts_on, p.ends_on,
		p.cutoff_from, p.cutoff_to, p.unit_deadline, p.snv_deadline, p.locks_on
		FROM report_periods p JOIN report_types t ON t.id = p.type_id
		WHERE p.starts_on >= ? AND p.starts_on <= ? ORDER BY p.ends_on, t.position, p.starts_on DESC, p.id`),
		civil.New(year, time.January, 1), civil.New(year, time.December, 31))
	if err != nil {
		return nil, fmt.Errorf("report: periods of %d: %w", year, err)
	}
	return ps, nil
}

// PeriodByCode returns the stored period with code ("2026-Q1", "2026-h1"
// is read as "2026-H1"), or db.ErrNotFound.
func PeriodByCode(ctx context.Context, q db.Querier, code string) (PeriodRow, error) {
	code = strings.TrimSpace(code)
	if p, err := ParsePeriod(code); err == nil {
		code = p.String()
	}
	var p PeriodRow
	if err := q.GetContext(ctx, &p, q.Rebind(`SELECT `+periodColumns+` FROM report_periods WHERE code = ?`), code); err != nil {
		return PeriodRow{}, fmt.Errorf("report: period %q: %w", code, db.NotFound(err))
	}
	return p, nil
}

// PeriodByID returns the stored period with id, or db.ErrNotFound.
func PeriodByID(ctx context.Context, q db.Querier, id int64) (PeriodRow, error) {
	return getPeriod(ctx, q, id)
}

func getPeriod(ctx context.Context, q db.Querier, id int64) (PeriodRow, error) {
	var p PeriodRow
	if err := q.GetContext(ctx, &p, q.Rebind(`SELECT `+periodColumns+` FROM report_periods WHERE id = ?`), id); err != nil {
		return PeriodRow{}, fmt.Errorf("report: period %d: %w", id, db.NotFound(err))
	}
	return p, nil
}

// SetException gives unit unitID its own deadline for the period periodID
// (gia hạn), replacing any earlier one; the period then locks for that unit
// the type's grace days after it. The deadline may not be before the
// period's start. It is audited.
func (s *Store) SetException(ctx context.Context, periodID, unitID int64, deadline civil.Date, reason string) error {
	reason = vn.CleanText(reason)
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		p, err := getPeriod(ctx, tx, periodID)
		if err != nil {
			return err
		}
		t, err := getType(ctx, tx, p.TypeID)
		if err != nil {
			return err
		}
		if deadline.IsZero() {
			return valid.Errors{"deadline": "Hãy nhập hạn nộp riêng."}
		}
		if deadline.Before(p.StartsOn) {
			return valid.Errors{"deadline": "Hạn nộp riêng không được trước ngày bắt đầu kỳ (" + p.StartsOn.VN() + ")."}
		}
		var unitName string
		if err := tx.GetContext(ctx, &unitName, tx.Rebind(`SELECT name FROM units WHERE id = ?`), unitID); err != nil {
			if errors.Is(db.NotFound(err), db.ErrNotFound) {
				return valid.Errors{"unit_id": "Đơn vị không tồn tại."}
			}
			return fmt.Errorf("report: exception of unit %d: %w", unitID, err)
		}
		locks := deadline.AddDays(t.GraceDays)
		_, err = tx.ExecContext(ctx, tx.Rebind(`INSERT INTO report_period_exceptions (period_id, unit_id, deadline, locks_on, reason)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (period_id, unit_id) DO UPDATE SET deadline = excluded.deadline,
			locks_on = excluded.locks_on, reason = excluded.reason`), periodID, unitID, deadline, locks, reason)
		if err != nil {
			return fmt.Errorf("report: exception of unit %d in period %s: %w", unitID, p.Code, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "report_period", EntityID: periodID,
			Summary: fmt.Sprintf("Gia hạn nộp báo cáo %s cho %s đến ngày %s", p.Title, unitName, deadline.VN()),
			After:   map[string]any{"unit_id": unitID, "deadline": deadline, "locks_on": locks, "reason": reason}})
	})
}

// DeadlineFor returns the day unit unitID must report period p by and the
// day the period locks for it: the unit's exception when it has one, the
// period's unit deadline and lock day otherwise.
func DeadlineFor(ctx context.Context, q db.Querier, p PeriodRow, unitID int64) (deadline, locksOn civil.Date, err error) {
	var ex struct {
		Deadline civil.Date `db:"deadline"`
		LocksOn  civil.Date `db:"locks_on"`
	}
	err = q.GetContext(ctx, &ex, q.Rebind(`SELECT deadline, locks_on FROM report_period_exceptions WHERE period_id = ? AND unit_id = ?`),
		p.ID, unitID)
	switch db.NotFound(err) {
	case nil:
		return ex.Deadline, ex.LocksOn, nil
	case db.ErrNotFound:
		return p.UnitDeadline, p.LocksOn, nil
	}
	return civil.Date{}, civil.Date{}, fmt.Errorf("report: deadline of unit %d in period %s: %w", unitID, p.Code, err)
}
