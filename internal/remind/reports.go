package remind

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/notify"
	"cchc/internal/report"
)

// dueReport is a periodic report a unit has not sent yet, with one officer
// of the unit. Deadline is the unit's own (its exception, or the period's).
type dueReport struct {
	PeriodID    int64      `db:"period_id"`
	PeriodCode  string     `db:"period_code"`
	PeriodTitle string     `db:"period_title"`
	FormID      int64      `db:"form_id"`
	FormCode    string     `db:"form_code"`
	FormTitle   string     `db:"form_title"`
	UnitID      int64      `db:"unit_id"`
	UnitName    string     `db:"unit_name"`
	Deadline    civil.Date `db:"deadline"`
	UserID      int64      `db:"user_id"`
	Email       string     `db:"email"`
}

// dueReportsSQL selects, for every form and every period of a report type
// the form is sent for whose deadline
// for a unit falls between its two parameters, the units expected to send
// the form — active today and since before the period ended, of one of the
// form's unit kinds (any kind when it names none) — that have no submitted
// or accepted report and whose period is not locked yet, once per active
// officer of the unit. Parameters: today twice (the unit is active), the
// window's first and last day, today (not locked).
var dueReportsSQL = `SELECT p.id AS period_id, p.code AS period_code, p.title AS period_title,
		f.id AS form_id, f.code AS form_code, f.title AS form_title, un.id AS unit_id, un.name AS unit_name,
		COALESCE(e.deadline, p.unit_deadline) AS deadline, us.id AS user_id, us.email
	FROM report_periods p
	JOIN report_types t ON t.id = p.type_id
	JOIN report_forms f ON ` + report.FormUsedForSQL("f", "t") + `
	JOIN units un ON un.active_from <= ? AND un.active_from <= p.ends_on AND (un.active_to IS NULL OR un.active_to >= ?)
		AND (f.unit_kinds = '' OR ',' || f.unit_kinds || ',' LIKE '%,' || un.kind || ',%')
	LEFT JOIN report_period_exceptions e ON e.period_id = p.id AND e.unit_id = un.id
	JOIN users us ON us.unit_id = un.id AND us.active = TRUE
	JOIN user_roles r ON r.user_id = us.id AND r.role = 'officer'
	WHERE COALESCE(e.deadline, p.unit_deadline) >= ? AND COALESCE(e.deadline, p.unit_deadline) <= ?
		AND COALESCE(e.locks_on, p.locks_on) >= ?
		AND NOT EXISTS (SELECT 1 FROM reports rp WHERE rp.form_id = f.id AND rp.period_id = p.id AND rp.unit_id = un.id
			AND rp.status IN ('submitted', 'accepted'))
	ORDER BY deadline, p.id, f.id, un.id, us.id`

// reportReminders reminds the officers of every unit that has not sent a
// periodic report 7, 3 and 1 days before the unit's deadline and on the
// first day after it (up to OverdueWindow days after, when the job could
// not run then), while the period is open for the unit. Each reminder has
// a dedupe key per form, period, unit, threshold and officer, so it is sent
// once however often the job runs; e-mail goes through the outbox with it.
// It returns how many reminders were new.
func reportReminders(ctx context.Context, tx *sqlx.Tx, n *notify.Store, today civil.Date) (int, error) {
	var due []dueReport
	err := tx.SelectContext(ctx, &due, tx.Rebind(dueReportsSQL), today, today, today.AddDays(-OverdueWindow), today.AddDays(7), today)
	if err != nil {
		return 0, fmt.Errorf("remind: reports not yet sent on %s: %w", today, err)
	}
	sent := 0
	for _, r := range due {
		days := daysBetween(today, r.Deadline)
		kind := threshold(days)
		if kind == "" {
			continue
		}
		what := r.FormTitle + " " + r.PeriodTitle
		title := fmt.Sprintf("Nhắc gửi báo cáo: còn %d ngày — %s", days, short(what))
		nkind := "reminder"
		switch {
		case kind == "overdue":
			title = fmt.Sprintf("Quá hạn gửi báo cáo %d ngày — %s", -days, short(what))
			nkind = "overdue"
		case days == 0:
			title = "Hạn gửi báo cáo hôm nay — " + short(what)
		}
		body := fmt.Sprintf("Báo cáo: %s\nKỳ báo cáo: %s\nĐơn vị: %s\nHạn gửi Sở Nội vụ: %s\n\nĐơn vị chưa gửi báo cáo này. Lập và gửi báo cáo tại mục “Báo cáo định kỳ”.",
			r.FormTitle, r.PeriodTitle, r.UnitName, r.Deadline.VN())
		link := "/reports/open?" + url.Values{"form": {r.FormCode}, "period": {r.PeriodCode},
			"unit": {strconv.FormatInt(r.UnitID, 10)}}.Encode()
		created, err := n.Send(ctx, tx, notify.Notification{UserID: r.UserID, Kind: nkind, Title: title, Body: body, Link: link,
			DedupeKey: fmt.Sprintf("report-remind:%d:%d:%d:%s:%d", r.FormID, r.PeriodID, r.UnitID, kind, r.UserID)}, r.Email)
		if err != nil {
			return sent, err
		}
		if created {
			sent++
		}
	}
	return sent, nil
}
