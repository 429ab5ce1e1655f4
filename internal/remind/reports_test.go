package remind_test

import (
	"context"
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
	"cchc/internal/report"
)

// reportFixture: the default calendar and form (sent by departments,
// districts and communes) with the periods of 2026, and communes in every
// state a reminder cares about.
type reportFixture struct {
	d        *db.DB
	officers map[string]int64 // by commune code
}

func setupReports(t *testing.T, d *db.DB) reportFixture {
	t.Helper()
	ctx := context.Background()
	if err := report.EnsureDefaults(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := report.EnsurePeriods(ctx, d, 2026); err != nil {
		t.Fatal(err)
	}
	units := org.NewStore(d)
	users := auth.NewStore(d)
	reports := report.NewStore(d)
	start := civil.New(2020, time.January, 1)
	prov, err := units.Create(ctx, org.Input{Code: "T", Name: "Tỉnh Thử", Kind: "province", ActiveFrom: start})
	if err != nil {
		t.Fatal(err)
	}
	f := reportFixture{d: d, officers: map[string]int64{}}
	commune := func(code, name string) org.Unit {
		u, err := units.Create(ctx, org.Input{Code: code, Name: name, Kind: "commune", ParentID: &prov.ID, ActiveFrom: start})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	person := func(username, email string, unit int64, role auth.Role, active bool) int64 {
		u, err := users.CreateUser(ctx, auth.UserInput{Username: username, FullName: username, Email: email, UnitID: unit,
			Roles: []auth.Role{role}, Active: active, Password: "MatKhau@2026"})
		if err != nil {
			t.Fatal(err)
		}
		// Accounts are created active; lock this one afterwards.
		if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE users SET active = ? WHERE id = ?`), active, u.ID); err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	form, err := reports.FormByCode(ctx, report.DefaultFormCode)
	if err != nil {
		t.Fatal(err)
	}
	// A thematic form sent for ad hoc periods only: no quarter reminds of it.
	if _, err := reports.SaveForm(ctx, report.FormInput{Code: "CD", Title: "Báo cáo chuyên đề", ReportTypes: []string{"adhoc"},
		Definition: report.DefaultForm().Definition}, 0); err != nil {
		t.Fatal(err)
	}
	q1, err := report.PeriodByCode(ctx, d, "2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	withReport := func(u org.Unit, status string) {
		now := db.Now()
		if _, err := d.ExecContext(ctx, d.Rebind(`INSERT INTO reports (form_id, form_version_id, period_id, unit_id, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), form.ID, form.VersionID, q1.ID, u.ID, status, now, now); err != nil {
			t.Fatal(err)
		}
	}
	// XA: nothing written. XB: submitted. XC: a draft. XD: its own deadline
	// on 20/03. XE: only an inactive officer and a leader. XF: dissolved.
	xa, xb, xc, xd := commune("XA", "Xã An Phú"), commune("XB", "Xã Bình Minh"), commune("XC", "Xã Cát Tiên"), commune("XD", "Xã Đồng Tâm")
	xe, xf := commune("XE", "Xã Eo Gió"), commune("XF", "Xã Phú Lộc")
	f.officers["XA"] = person("canbo_xa", "xa@tinh.vn", xa.ID, auth.RoleOfficer, true)
	f.officers["XB"] = person("canbo_xb", "xb@tinh.vn", xb.ID, auth.RoleOfficer, true)
	f.officers["XC"] = person("canbo_xc", "", xc.ID, auth.RoleOfficer, true)
	f.officers["XD"] = person("canbo_xd", "xd@tinh.vn", xd.ID, auth.RoleOfficer, true)
	person("canbo_xe", "xe@tinh.vn", xe.ID, auth.RoleOfficer, false)
	person("lanhdao_xe", "ld@tinh.vn", xe.ID, auth.RoleLeader, true)
	f.officers["XF"] = person("canbo_xf", "xf@tinh.vn", xf.ID, auth.RoleOfficer, true)
	person("canbo_tinh", "t@tinh.vn", prov.ID, auth.RoleOfficer, true) // a province is not expected to send the form
	withReport(xb, report.StatusSubmitted)
	withReport(xc, report.StatusDraft)
	if err := reports.SetException(ctx, q1.ID, xd.ID, civil.New(2026, time.March, 20), "Thiên tai"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE units SET active_to = ? WHERE id = ?`), civil.New(2026, time.February, 1), xf.ID); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f reportFixture) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := f.d.GetContext(context.Background(), &n, f.d.Rebind(query), args...); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReportReminders runs the job day after day around the first
// quarter's deadline (05/03/2026) and counts the new report reminders.
func TestReportReminders(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		f := setupReports(t, d)
		n := notify.NewStore(d, mail.New(mail.Config{Host: "127.0.0.1", Port: 1, From: "cchc@snv.vn", TLS: "none"}))
		day := func(dd int) civil.Date { return civil.New(2026, time.March, dd) }
		tests := []struct {
			name string
			on   civil.Date
			want int
		}{
			{"8 days before: nothing yet", civil.New(2026, time.February, 25), 0},
			{"7 days before: XA and XC", civil.New(2026, time.February, 26), 2},
			{"the same day again: nothing new", civil.New(2026, time.February, 26), 0},
			{"6 days before: still the 7-day reminder", civil.New(2026, time.February, 27), 0},
			{"3 days before", day(2), 2},
			{"1 day before", day(4), 2},
			{"deadline day: the 1-day reminder covers it", day(5), 0},
			{"first day after: overdue", day(6), 2},
			{"7 days before XD's own deadline", day(13), 1},
		}
		for _, tt := range tests {
			res, err := remind.Run(ctx, d, n, tt.on)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if res.Reports != tt.want {
				t.Errorf("%s (%s): %d report reminders, want %d", tt.name, tt.on.VN(), res.Reports, tt.want)
			}
		}
		for code, want := range map[string]int{"XA": 4, "XB": 0, "XC": 4, "XD": 1, "XF": 0} {
			if got := f.count(t, `SELECT COUNT(*) FROM notifications WHERE user_id = ? AND dedupe_key LIKE 'report-remind:%'`, f.officers[code]); got != want {
				t.Errorf("%s: %d report reminders, want %d", code, got, want)
			}
		}
		if got := f.count(t, `SELECT COUNT(*) FROM notifications WHERE dedupe_key LIKE 'report-remind:%' AND kind = 'overdue'
			AND title LIKE 'Quá hạn gửi báo cáo 1 ngày%' AND link LIKE ?`, "/reports/open?form=CCHC&period=2026-Q1&unit=%"); got != 2 {
			t.Errorf("overdue reminders with title and link = %d, want 2", got)
		}
		// E-mail for officers with an address: XA (4) and XD (1).
		if got := f.count(t, `SELECT COUNT(*) FROM email_outbox o JOIN notifications n ON n.id = o.notification_id
			WHERE n.dedupe_key LIKE 'report-remind:%'`); got != 5 {
			t.Errorf("queued report e-mails = %d, want 5", got)
		}
	})
}

// TestReportRemindersStopWhenLocked: once the period has locked for a
// unit, nobody is reminded any more, even within the overdue window.
func TestReportRemindersStopWhenLocked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		setupReports(t, d)
		if _, err := d.ExecContext(ctx, `UPDATE report_types SET grace_days = 0`); err != nil {
			t.Fatal(err)
		}
		if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE report_periods SET locks_on = unit_deadline`)); err != nil {
			t.Fatal(err)
		}
		n := notify.NewStore(d, nil)
		res, err := remind.Run(ctx, d, n, civil.New(2026, time.March, 6))
		if err != nil {
			t.Fatal(err)
		}
		if res.Reports != 0 {
			t.Errorf("reminders in a locked period = %d, want 0", res.Reports)
		}
	})
}
