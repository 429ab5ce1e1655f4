// Package remind turns deadlines into notifications: 7, 3 and 1 days before
// a work item's due date and on its first overdue day, to the officers of
// the responsible unit; the same before and after a unit's deadline for a
// periodic report it has not sent; and a daily digest for coordinators. Each reminder
// has a dedupe key, so running the job any number of times (after restarts,
// on several servers) sends it once. A reminder whose day was missed while
// the server was down is sent at the next run, for the threshold that
// applies then.
package remind

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/notify"
	"cchc/internal/vn"
)

// OverdueWindow is how many days after the due date an overdue reminder is
// still sent when the job could not run on the first overdue day.
const OverdueWindow = 7

// Result counts what one run created.
type Result struct {
	Reminders int // new reminder notifications about work items
	Digests   int // new coordinator digests
	Reports   int // new reminders about periodic reports not yet sent
}

// dueItem is an open work item of an issued plan, with one officer of its unit.
type dueItem struct {
	ID       int64      `db:"id"`
	DueOn    civil.Date `db:"due_on"`
	Content  string     `db:"content"`
	Plan     string     `db:"plan_title"`
	UserID   int64      `db:"user_id"`
	Email    string     `db:"email"`
	UnitName string     `db:"unit_name"`
}

// threshold names the reminder that applies days before the due date, or ""
// when none does.
func threshold(days int) string {
	switch {
	case days < -OverdueWindow:
		return ""
	case days < 0:
		return "overdue"
	case days <= 1:
		return "d1"
	case days <= 3:
		return "d3"
	case days <= 7:
		return "d7"
	}
	return ""
}

// Run creates the reminders and digests that apply on today.
func Run(ctx context.Context, d *db.DB, n *notify.Store, today civil.Date) (Result, error) {
	var res Result
	err := d.InTx(ctx, func(tx *sqlx.Tx) error {
		var items []dueItem
		err := tx.SelectContext(ctx, &items, tx.Rebind(`SELECT w.id, w.due_on, t.content, p.title AS plan_title,
				u.id AS user_id, u.email, un.name AS unit_name
			FROM work_items w
			JOIN tasks t ON t.id = w.task_id
			JOIN plans p ON p.id = t.plan_id
			JOIN units un ON un.id = w.unit_id
			JOIN users u ON u.unit_id = w.unit_id AND u.active = TRUE
			JOIN user_roles r ON r.user_id = u.id AND r.role = 'officer'
			WHERE p.status = 'issued' AND w.completed_on IS NULL AND w.hold = ''
			  AND w.due_on IS NOT NULL AND w.due_on >= ? AND w.due_on <= ?
			ORDER BY w.due_on, w.id, u.id`), today.AddDays(-OverdueWindow), today.AddDays(7))
		if err != nil {
			return fmt.Errorf("remind: due work items: %w", err)
		}
		for _, it := range items {
			days := daysBetween(today, it.DueOn)
			kind := threshold(days)
			if kind == "" {
				continue
			}
			title := fmt.Sprintf("Nhắc hạn: còn %d ngày — %s", days, short(it.Content))
			if days == 0 {
				title = "Đến hạn hôm nay — " + short(it.Content)
			}
			nkind := "reminder"
			if kind == "overdue" {
				title = fmt.Sprintf("Quá hạn %d ngày — %s", -days, short(it.Content))
				nkind = "overdue"
			}
			body := fmt.Sprintf("Nhiệm vụ: %s\nKế hoạch: %s\nĐơn vị thực hiện: %s\nThời hạn: %s\n\nCập nhật tiến độ tại mục “Việc của tôi”.",
				it.Content, it.Plan, it.UnitName, it.DueOn.VN())
			created, err := n.Send(ctx, tx, notify.Notification{UserID: it.UserID, Kind: nkind, Title: title, Body: body,
				Link:      "/work-items/" + strconv.FormatInt(it.ID, 10),
				DedupeKey: fmt.Sprintf("remind:%d:%s:%d", it.ID, kind, it.UserID)}, it.Email)
			if err != nil {
				return err
			}
			if created {
				res.Reminders++
			}
		}
		if res.Reports, err = reportReminders(ctx, tx, n, today); err != nil {
			return err
		}
		digests, err := digest(ctx, tx, n, today)
		res.Digests = digests
		return err
	})
	return res, err
}

// digest sends each active coordinator the day's province-wide figures.
func digest(ctx context.Context, tx *sqlx.Tx, n *notify.Store, today civil.Date) (int, error) {
	var c struct {
		Overdue   int `db:"overdue"`
		DueSoon   int `db:"due_soon"`
		Completed int `db:"completed"`
	}
	err := tx.GetContext(ctx, &c, tx.Rebind(`SELECT
			COALESCE(SUM(CASE WHEN w.completed_on IS NULL AND w.hold = '' AND w.due_on < ? THEN 1 ELSE 0 END), 0) AS overdue,
			COALESCE(SUM(CASE WHEN w.completed_on IS NULL AND w.hold = '' AND w.due_on >= ? AND w.due_on <= ? THEN 1 ELSE 0 END), 0) AS due_soon,
			COALESCE(SUM(CASE WHEN w.completed_on = ? THEN 1 ELSE 0 END), 0) AS completed
		FROM work_items w JOIN tasks t ON t.id = w.task_id JOIN plans p ON p.id = t.plan_id
		WHERE p.status = 'issued'`), today, today, today.AddDays(7), today.AddDays(-1))
	if err != nil {
		return 0, fmt.Errorf("remind: digest figures: %w", err)
	}
	var coords []struct {
		ID    int64  `db:"id"`
		Email string `db:"email"`
	}
	if err := tx.SelectContext(ctx, &coords, `SELECT u.id, u.email FROM users u
		JOIN user_roles r ON r.user_id = u.id AND r.role = 'coordinator' WHERE u.active = TRUE ORDER BY u.id`); err != nil {
		return 0, fmt.Errorf("remind: coordinators: %w", err)
	}
	title := fmt.Sprintf("Tổng hợp ngày %s: %s việc quá hạn, %s việc đến hạn trong 7 ngày", today.VN(),
		vn.FormatInt(int64(c.Overdue)), vn.FormatInt(int64(c.DueSoon)))
	body := fmt.Sprintf("Toàn tỉnh, các kế hoạch đã ban hành:\n- Quá hạn: %d\n- Đến hạn trong 7 ngày tới: %d\n- Hoàn thành hôm qua: %d",
		c.Overdue, c.DueSoon, c.Completed)
	sent := 0
	for _, u := range coords {
		created, err := n.Send(ctx, tx, notify.Notification{UserID: u.ID, Kind: "digest", Title: title, Body: body,
			Link: "/work-items?status=overdue", DedupeKey: fmt.Sprintf("digest:%s:%d", today, u.ID)}, u.Email)
		if err != nil {
			return sent, err
		}
		if created {
			sent++
		}
	}
	return sent, nil
}

func daysBetween(from, to civil.Date) int {
	return int(to.Time().Sub(from.Time()).Hours() / 24)
}

// short cuts a task's content to a notification title's length.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 90 {
		return s
	}
	r := []rune(s)
	return string(r[:87]) + "..."
}
