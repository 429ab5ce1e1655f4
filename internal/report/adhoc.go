package report

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// AdhocInput is an ad hoc or thematic reporting period (báo cáo đột xuất,
// chuyên đề): its code ("2026-CD-ISO"), title, the span its figures cover,
// and the deadlines of units and of Sở Nội vụ.
type AdhocInput struct {
	Code         string     `json:"code"`
	Title        string     `json:"title"`
	StartsOn     civil.Date `json:"starts_on"`
	EndsOn       civil.Date `json:"ends_on"`
	UnitDeadline civil.Date `json:"unit_deadline"`
	SNVDeadline  civil.Date `json:"snv_deadline"`
}

var adhocCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$`)

// AddAdhocPeriod adds a period of the calendar's ad hoc report type (the
// first type with no period kind): figures from StartsOn to EndsOn,
// units' deadline UnitDeadline (Sở Nội vụ's SNVDeadline, the units' when
// zero), locking the type's grace days after the units' deadline. The code
// must be new and must not read as a calendar period ("2026-Q1"), so
// periodic and ad hoc codes never clash. Errors are valid.Errors by field.
func (s *Store) AddAdhocPeriod(ctx context.Context, in AdhocInput) (PeriodRow, error) {
	var p PeriodRow
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		p, err = AddAdhocPeriodTx(ctx, tx, in)
		return err
	})
	return p, err
}

// AddAdhocPeriodTx is AddAdhocPeriod inside tx, for callers that write
// more in the same transaction (the demo).
func AddAdhocPeriodTx(ctx context.Context, tx *sqlx.Tx, in AdhocInput) (PeriodRow, error) {
	in.Code, in.Title = strings.TrimSpace(in.Code), vn.CleanText(in.Title)
	errs := valid.Errors{}
	switch _, err := ParsePeriod(in.Code); {
	case in.Code == "":
		errs.Add("code", "Hãy nhập mã kỳ báo cáo, ví dụ 2026-CD-ISO.")
	case !adhocCode.MatchString(in.Code):
		errs.Add("code", "Mã kỳ chỉ gồm chữ không dấu, chữ số, dấu gạch ngang hoặc gạch dưới, tối đa 40 ký tự.")
	case err == nil:
		errs.Add("code", "Mã “"+in.Code+"” là mã của kỳ định kỳ: hãy đặt mã khác cho kỳ đột xuất.")
	}
	switch {
	case in.Title == "":
		errs.Add("title", "Hãy nhập tên kỳ báo cáo.")
	case utf8.RuneCountInString(in.Title) > 255:
		errs.Add("title", "Tên kỳ báo cáo dài tối đa 255 ký tự.")
	}
	if in.StartsOn.IsZero() {
		errs.Add("starts_on", "Hãy nhập ngày bắt đầu số liệu.")
	}
	if in.EndsOn.IsZero() {
		errs.Add("ends_on", "Hãy nhập ngày kết thúc số liệu.")
	} else if !in.StartsOn.IsZero() && in.EndsOn.Before(in.StartsOn) {
		errs.Add("ends_on", "Ngày kết thúc không được trước ngày bắt đầu.")
	}
	if in.UnitDeadline.IsZero() {
		errs.Add("unit_deadline", "Hãy nhập hạn đơn vị gửi báo cáo.")
	} else if !in.StartsOn.IsZero() && in.UnitDeadline.Before(in.StartsOn) {
		errs.Add("unit_deadline", "Hạn gửi không được trước ngày bắt đầu số liệu.")
	}
	if in.SNVDeadline.IsZero() {
		in.SNVDeadline = in.UnitDeadline
	} else if !in.UnitDeadline.IsZero() && in.SNVDeadline.Before(in.UnitDeadline) {
		errs.Add("snv_deadline", "Hạn Sở Nội vụ gửi không được trước hạn của đơn vị.")
	}
	if len(errs) > 0 {
		return PeriodRow{}, errs
	}
	var t ReportType
	err := tx.GetContext(ctx, &t, `SELECT id, code, name, period_kind, cutoff_from_day, cutoff_to_day, unit_deadline_day,
		unit_deadline_offset, snv_deadline_day, snv_deadline_offset, grace_days, position
		FROM report_types WHERE period_kind = '' ORDER BY position, id LIMIT 1`)
	if err != nil {
		if errors.Is(db.NotFound(err), db.ErrNotFound) {
			return PeriodRow{}, valid.Problemf("Lịch báo cáo chưa có loại báo cáo đột xuất, chuyên đề.")
		}
		return PeriodRow{}, fmt.Errorf("report: ad hoc report type: %w", err)
	}
	if _, err := PeriodByCode(ctx, tx, in.Code); err == nil {
		return PeriodRow{}, valid.Errors{"code": "Đã có kỳ báo cáo mã “" + in.Code + "”."}
	}
	p := PeriodRow{TypeID: t.ID, TypeCode: t.Code, Code: in.Code, Title: in.Title, StartsOn: in.StartsOn, EndsOn: in.EndsOn,
		CutoffFrom: in.StartsOn, CutoffTo: in.EndsOn, UnitDeadline: in.UnitDeadline, SNVDeadline: in.SNVDeadline,
		LocksOn: in.UnitDeadline.AddDays(t.GraceDays)}
	if err := tx.GetContext(ctx, &p.ID, tx.Rebind(`INSERT INTO report_periods (type_id, code, title, starts_on, ends_on,
		cutoff_from, cutoff_to, unit_deadline, snv_deadline, locks_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		p.TypeID, p.Code, p.Title, p.StartsOn, p.EndsOn, p.CutoffFrom, p.CutoffTo, p.UnitDeadline, p.SNVDeadline, p.LocksOn); err != nil {
		return PeriodRow{}, fmt.Errorf("report: add ad hoc period %q: %w", in.Code, err)
	}
	return p, audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "report_period", EntityID: p.ID,
		Summary: fmt.Sprintf("Thêm kỳ báo cáo đột xuất “%s” (hạn %s)", p.Title, p.UnitDeadline.VN()), After: p})
}
