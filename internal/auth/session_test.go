package auth_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/audit"
	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/valid"
)

func TestSessions(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		ctx := context.Background()
		u := e.user(t, "officer_a", e.XA, auth.RoleOfficer)
		// ages sets a session's last use and expiry relative to now.
		ages := func(userID int64, idle, expiresIn time.Duration) {
			now := db.Now()
			e.exec(t, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE user_id = ?`, now.Add(-idle), now.Add(expiresIn), userID)
		}
		tests := []struct {
			name   string
			age    func(userID int64) // nil: leave the fresh session alone
			ok     bool
			remove bool // the session row is gone afterwards
		}{
			{"fresh", nil, true, false},
			{"used recently", func(id int64) { ages(id, auth.IdleTimeout-time.Minute, time.Hour) }, true, false},
			{"idle too long", func(id int64) { ages(id, auth.IdleTimeout+time.Minute, time.Hour) }, false, true},
			{"expired", func(id int64) { ages(id, 0, -time.Second) }, false, true},
			{"user deactivated", func(id int64) { e.exec(t, `UPDATE users SET active = ? WHERE id = ?`, false, id) }, false, false},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				user := e.user(t, "user"+strconv.Itoa(i), e.XB, auth.RoleLeader)
				tok, err := e.s.CreateSession(ctx, user.ID, "198.51.100.1", strings.Repeat("Mozilla ", 50))
				if err != nil {
					t.Fatal(err)
				}
				if tt.age != nil {
					tt.age(user.ID)
				}
				got, err := e.s.SessionUser(ctx, tok)
				switch {
				case tt.ok && (err != nil || got.ID != user.ID):
					t.Errorf("SessionUser = %d, %v; want user %d", got.ID, err, user.ID)
				case !tt.ok && !errors.Is(err, auth.ErrNoSession):
					t.Errorf("SessionUser err = %v, want ErrNoSession", err)
				}
				left := e.count(t, `SELECT COUNT(*) FROM sessions WHERE user_id = ?`, user.ID)
				if tt.remove && left != 0 || !tt.remove && left != 1 {
					t.Errorf("%d session rows left", left)
				}
			})
		}

		t.Run("unknown and empty cookies", func(t *testing.T) {
			for _, tok := range []string{"", "not-a-session"} {
				if _, err := e.s.SessionUser(ctx, tok); !errors.Is(err, auth.ErrNoSession) {
					t.Errorf("SessionUser(%q) err = %v", tok, err)
				}
			}
		})
		t.Run("the cookie value is not stored", func(t *testing.T) {
			tok, err := e.s.CreateSession(ctx, u.ID, "", "")
			if err != nil {
				t.Fatal(err)
			}
			if n := e.count(t, `SELECT COUNT(*) FROM sessions WHERE id = ?`, tok); n != 0 {
				t.Error("session id equals the cookie value")
			}
			// The table's sessions were opened with a 400-byte user agent.
			if n := e.count(t, `SELECT MAX(length(user_agent)) FROM sessions`); n != 255 {
				t.Errorf("longest stored user agent = %d bytes, want 255", n)
			}
		})
		t.Run("use is recorded at most once a minute", func(t *testing.T) {
			tok, err := e.s.CreateSession(ctx, u.ID, "", "")
			if err != nil {
				t.Fatal(err)
			}
			old := db.Now().Add(-10 * time.Minute)
			e.exec(t, `UPDATE sessions SET last_seen_at = ? WHERE user_id = ?`, old, u.ID)
			if _, err := e.s.SessionUser(ctx, tok); err != nil {
				t.Fatal(err)
			}
			var seen time.Time
			if err := e.d.GetContext(ctx, &seen, e.d.Rebind(`SELECT last_seen_at FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC LIMIT 1`), u.ID); err != nil {
				t.Fatal(err)
			}
			if time.Since(seen) > time.Minute {
				t.Errorf("last_seen_at = %v, want about now", seen)
			}
		})
		t.Run("logout", func(t *testing.T) {
			e.exec(t, `DELETE FROM sessions`)
			tok, err := e.s.CreateSession(ctx, u.ID, "", "")
			if err != nil {
				t.Fatal(err)
			}
			actx := audit.WithActor(ctx, audit.Actor{UserID: u.ID, Username: u.Username})
			if err := e.s.Logout(actx, tok); err != nil {
				t.Fatal(err)
			}
			if _, err := e.s.SessionUser(ctx, tok); !errors.Is(err, auth.ErrNoSession) {
				t.Errorf("after logout err = %v", err)
			}
			if rows := e.audit(t, audit.Filter{Action: audit.Logout, Username: u.Username}); len(rows) != 1 {
				t.Errorf("logout audit rows = %d", len(rows))
			}
		})
	})
}

func TestSetPasswordEndsOtherSessions(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		ctx := context.Background()
		u := e.user(t, "officer_a", e.XA, auth.RoleOfficer)
		other := e.user(t, "officer_b", e.XB, auth.RoleOfficer)
		var toks []string
		for range 3 {
			tok, err := e.s.CreateSession(ctx, u.ID, "", "")
			if err != nil {
				t.Fatal(err)
			}
			toks = append(toks, tok)
		}
		otherTok, err := e.s.CreateSession(ctx, other.ID, "", "")
		if err != nil {
			t.Fatal(err)
		}
		// Lock the account first: a new password clears the lock.
		e.exec(t, `UPDATE users SET failed_logins = 3, locked_until = ? WHERE id = ?`, db.Now().Add(time.Hour), u.ID)

		if err := e.s.SetPassword(ctx, u.ID, "short", false, toks[0]); valid.Message(err) == "" {
			t.Errorf("weak password err = %v", err)
		}
		if _, err := e.s.SessionUser(ctx, toks[1]); err != nil {
			t.Errorf("a refused password change ended a session: %v", err)
		}

		const newPassword = "MatKhauMoi#2027"
		if err := e.s.SetPassword(ctx, u.ID, newPassword, false, toks[0]); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.SessionUser(ctx, toks[0]); err != nil {
			t.Errorf("kept session ended: %v", err)
		}
		for _, tok := range toks[1:] {
			if _, err := e.s.SessionUser(ctx, tok); !errors.Is(err, auth.ErrNoSession) {
				t.Errorf("other session err = %v, want ErrNoSession", err)
			}
		}
		if _, err := e.s.SessionUser(ctx, otherTok); err != nil {
			t.Errorf("another user's session ended: %v", err)
		}
		if _, err := e.s.Authenticate(ctx, "officer_a", password); !errors.Is(err, auth.ErrBadCredentials) {
			t.Errorf("old password err = %v", err)
		}
		got, err := e.s.Authenticate(ctx, "officer_a", newPassword)
		if err != nil || got.MustChangePassword {
			t.Errorf("new password = %+v, %v", got, err)
		}

		// An administrator's reset keeps no session and asks for a new password.
		if err := e.s.SetPassword(ctx, u.ID, "DatLai@2027", true, ""); err != nil {
			t.Fatal(err)
		}
		if n := e.count(t, `SELECT COUNT(*) FROM sessions WHERE user_id = ?`, u.ID); n != 0 {
			t.Errorf("%d sessions left after a reset", n)
		}
		if got, err := e.s.Get(ctx, u.ID); err != nil || !got.MustChangePassword {
			t.Errorf("after reset = %+v, %v", got, err)
		}
		rows := e.audit(t, audit.Filter{Entity: "user", EntityID: strconv.FormatInt(u.ID, 10), Action: audit.Update})
		if len(rows) != 2 || strings.Contains(rows[0].AfterJSON, "DatLai") || !strings.Contains(rows[0].Summary, "Đặt lại") {
			t.Errorf("password audit = %+v", rows)
		}
		if err := e.s.SetPassword(ctx, 999999, newPassword, false, ""); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("SetPassword(missing) err = %v", err)
		}
	})
}

func TestPurgeSessions(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		ctx := context.Background()
		u := e.user(t, "officer_a", e.XA, auth.RoleOfficer)
		var toks []string
		for range 3 {
			tok, err := e.s.CreateSession(ctx, u.ID, "", "")
			if err != nil {
				t.Fatal(err)
			}
			toks = append(toks, tok)
		}
		now := db.Now()
		e.exec(t, `UPDATE sessions SET last_seen_at = ? WHERE id = (SELECT MIN(id) FROM sessions)`, now.Add(-auth.IdleTimeout-time.Minute))
		e.exec(t, `UPDATE sessions SET expires_at = ? WHERE id = (SELECT MAX(id) FROM sessions)`, now.Add(-time.Minute))
		n, err := e.s.PurgeSessions(ctx)
		if err != nil || n != 2 {
			t.Fatalf("PurgeSessions = %d, %v; want 2", n, err)
		}
		if left := e.count(t, `SELECT COUNT(*) FROM sessions`); left != 1 {
			t.Errorf("%d sessions left, want 1", left)
		}
		live := 0
		for _, tok := range toks {
			if _, err := e.s.SessionUser(ctx, tok); err == nil {
				live++
			}
		}
		if live != 1 {
			t.Errorf("%d live sessions, want 1", live)
		}
		if n, err := e.s.PurgeSessions(ctx); err != nil || n != 0 {
			t.Errorf("second PurgeSessions = %d, %v", n, err)
		}
	})
}
