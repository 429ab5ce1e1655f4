package remind_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/mail"
	"cchc/internal/notify"
	"cchc/internal/org"
	"cchc/internal/remind"
)

// fixture: a commune with two officers (one without e-mail), a coordinator,
// an issued plan and a draft plan, and work items due around today.
type fixture struct {
	d        *db.DB
	officers []int64
	coord    int64
	items    map[string]int64
}

func setup(t *testing.T, d *db.DB, today civil.Date) fixture {
	t.Helper()
	ctx := context.Background()
	units := org.NewStore(d)
	users := auth.NewStore(d)
	start := civil.New(2020, time.January, 1)
	prov, err := units.Create(ctx, org.Input{Code: "T", Name: "Tỉnh Thử", Kind: "province", ActiveFrom: start})
	if err != nil {
		t.Fatal(err)
	}
	xa, err := units.Create(ctx, org.Input{Code: "XA", Name: "Xã An Phú", Kind: "commune", ParentID: &prov.ID, ActiveFrom: start})
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{d: d, items: map[string]int64{}}
	for i, u := range []struct {
		name, email string
		unit        int64
		role        auth.Role
	}{
		{"canbo1", "canbo1@xa.vn", xa.ID, auth.RoleOfficer},
		{"canbo2", "", xa.ID, auth.RoleOfficer},
		{"dieuphoi", "snv@tinh.vn", prov.ID, auth.RoleCoordinator},
		{"lanhdao", "ld@xa.vn", xa.ID, auth.RoleLeader},
	} {
		created, err := users.CreateUser(ctx, auth.UserInput{Username: u.name, FullName: u.name, Email: u.email, UnitID: u.unit,
			Roles: []auth.Role{u.role}, Active: true, Password: "MatKhau@2026"})
		if err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			f.officers = append(f.officers, created.ID)
		}
		if u.role == auth.RoleCoordinator {
			f.coord = created.ID
		}
	}
	now := db.Now()
	plan := func(status string) int64 {
		var id int64
		if err := d.GetContext(ctx, &id, d.Rebind(`INSERT INTO plans (kind, title, issuing_unit_id, period_start, period_end, status, created_at, updated_at)
			VALUES ('annual', 'Kế hoạch CCHC', ?, ?, ?, ?, ?, ?) RETURNING id`), prov.ID, today.AddDays(-200), today.AddDays(200), status, now, now); err != nil {
			t.Fatal(err)
		}
		return id
	}
	issued, draft := plan("issued"), plan("draft")
	item := func(name string, planID int64, due civil.Date, completed civil.Date, hold string) {
		var taskID, id int64
		if err := d.GetContext(ctx, &taskID, d.Rebind(`INSERT INTO tasks (plan_id, content, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`),
			planID, "Nhiệm vụ "+name, now, now); err != nil {
			t.Fatal(err)
		}
		if err := d.GetContext(ctx, &id, d.Rebind(`INSERT INTO work_items (task_id, unit_id, due_on, completed_on, hold, updated_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), taskID, xa.ID, due, completed, hold, now); err != nil {
			t.Fatal(err)
		}
		f.items[name] = id
	}
	item("d8", issued, today.AddDays(8), civil.Date{}, "")
	item("d7", issued, today.AddDays(7), civil.Date{}, "")
	item("d3", issued, today.AddDays(3), civil.Date{}, "")
	item("d1", issued, today.AddDays(1), civil.Date{}, "")
	item("d0", issued, today, civil.Date{}, "")
	item("late1", issued, today.AddDays(-1), civil.Date{}, "")
	item("late30", issued, today.AddDays(-30), civil.Date{}, "")
	item("done", issued, today.AddDays(1), today.AddDays(-2), "")
	item("paused", issued, today.AddDays(1), civil.Date{}, "paused")
	item("draft", draft, today.AddDays(1), civil.Date{}, "")
	return f
}

func (f fixture) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := f.d.GetContext(context.Background(), &n, f.d.Rebind(query), args...); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRunSendsEachReminderOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		today := civil.New(2026, time.November, 20)
		f := setup(t, d, today)
		// A configured (never contacted) server: e-mails are only queued.
		n := notify.NewStore(d, mail.New(mail.Config{Host: "127.0.0.1", Port: 1, From: "cchc@snv.vn", TLS: "none"}))

		res, err := remind.Run(ctx, d, n, today)
		if err != nil {
			t.Fatal(err)
		}
		// d7, d3, d1, d0, late1 for each of the two officers; one digest.
		if res.Reminders != 10 || res.Digests != 1 {
			t.Fatalf("first run = %+v, want 10 reminders and 1 digest", res)
		}
		for _, name := range []string{"d8", "late30", "done", "paused", "draft"} {
			if got := f.count(t, `SELECT COUNT(*) FROM notifications WHERE dedupe_key LIKE ?`, "remind:"+itoa(f.items[name])+":%"); got != 0 {
				t.Errorf("item %s got %d reminders, want none", name, got)
			}
		}
		if got := f.count(t, `SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'overdue'`, f.officers[0]); got != 1 {
			t.Errorf("overdue reminders for the officer = %d, want 1", got)
		}
		// E-mails only for recipients with an address: officer 1 (5) and the coordinator (1).
		if got := f.count(t, `SELECT COUNT(*) FROM email_outbox`); got != 6 {
			t.Errorf("queued e-mails = %d, want 6", got)
		}

		// The same day again (a restart): nothing new.
		if res, err := remind.Run(ctx, d, n, today); err != nil || res != (remind.Result{}) {
			t.Fatalf("second run = %+v, %v; want nothing new", res, err)
		}

		// The next day: d1 → due today is already reminded (d1 covers 0..1);
		// d0 becomes overdue; d3 (now 2 days) stays at d3; d7 (now 6) stays at d7;
		// d8 (now 7) gets its d7 reminder; a new digest.
		res, err = remind.Run(ctx, d, n, today.AddDays(1))
		if err != nil {
			t.Fatal(err)
		}
		if res.Reminders != 4 || res.Digests != 1 {
			t.Fatalf("next day = %+v, want 4 reminders (d8→d7, d0→overdue, for two officers) and 1 digest", res)
		}
	})
}

func TestUnreadAndMarkRead(t *testing.T) {
	d := dbtest.SQLite(t)
	ctx := context.Background()
	today := civil.New(2026, time.November, 20)
	f := setup(t, d, today)
	n := notify.NewStore(d, nil)
	if _, err := remind.Run(ctx, d, n, today); err != nil {
		t.Fatal(err)
	}
	if got := f.count(t, `SELECT COUNT(*) FROM email_outbox`); got != 0 {
		t.Errorf("e-mails queued without a mail server: %d", got)
	}
	list, unread, err := n.List(ctx, f.officers[0], 10, 0)
	if err != nil || len(list) != 5 || unread != 5 {
		t.Fatalf("list = %d items, %d unread, %v", len(list), unread, err)
	}
	if list[0].Link == "" || list[0].Title == "" {
		t.Errorf("notification lacks link or title: %+v", list[0])
	}
	if err := n.MarkRead(ctx, f.officers[0], list[0].ID); err != nil {
		t.Fatal(err)
	}
	// Another user cannot mark it read.
	if err := n.MarkRead(ctx, f.coord, list[1].ID); err != nil {
		t.Fatal(err)
	}
	if u, _ := n.Unread(ctx, f.officers[0]); u != 4 {
		t.Fatalf("unread after one read = %d, want 4", u)
	}
	if err := n.MarkRead(ctx, f.officers[0], 0); err != nil {
		t.Fatal(err)
	}
	if u, _ := n.Unread(ctx, f.officers[0]); u != 0 {
		t.Fatalf("unread after all read = %d", u)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
