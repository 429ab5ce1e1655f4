package auth_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/audit"
	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/valid"
)

const password = "MatKhau@2026"

// env is a province (T > SNV, H1 > XA, XB) and the auth store over it.
type env struct {
	d                  *db.DB
	s                  *auth.Store
	units              *org.Store
	T, SNV, H1, XA, XB org.Unit
}

func newEnv(t *testing.T, d *db.DB) *env {
	t.Helper()
	e := &env{d: d, s: auth.NewStore(d), units: org.NewStore(d)}
	mk := func(code, name, kind string, parent *org.Unit) org.Unit {
		in := org.Input{Code: code, Name: name, Kind: kind, ActiveFrom: civil.New(2020, time.January, 1)}
		if parent != nil {
			in.ParentID = &parent.ID
		}
		u, err := e.units.Create(context.Background(), in)
		if err != nil {
			t.Fatalf("create unit %s: %v", code, err)
		}
		return u
	}
	e.T = mk("T", "Tỉnh Thử Nghiệm", "province", nil)
	e.SNV = mk("SNV", "Sở Nội vụ", "agency", &e.T)
	e.H1 = mk("H1", "Huyện Đông Sơn", "district", &e.T)
	e.XA = mk("XA", "Xã An Phú", "commune", &e.H1)
	e.XB = mk("XB", "Xã Bình Minh", "commune", &e.H1)
	return e
}

// user creates an active account with password.
func (e *env) user(t *testing.T, username string, unit org.Unit, roles ...auth.Role) auth.User {
	t.Helper()
	u, err := e.s.CreateUser(context.Background(), auth.UserInput{Username: username, FullName: "Người dùng " + username,
		UnitID: unit.ID, Roles: roles, Active: true, Password: password})
	if err != nil {
		t.Fatalf("create user %s: %v", username, err)
	}
	return u
}

// exec runs a statement written with ? placeholders.
func (e *env) exec(t *testing.T, query string, args ...any) {
	t.Helper()
	if _, err := e.d.ExecContext(context.Background(), e.d.Rebind(query), args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func (e *env) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := e.d.GetContext(context.Background(), &n, e.d.Rebind(query), args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func (e *env) audit(t *testing.T, f audit.Filter) []audit.Row {
	t.Helper()
	f.Limit = 500
	rows, _, err := audit.List(context.Background(), e.d, f)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestCreateUserValidates(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		e.user(t, "officer_a", e.XA, auth.RoleOfficer)
		good := func() auth.UserInput {
			return auth.UserInput{Username: "nguyenvana", FullName: "Nguyễn Văn A", Email: "a@example.gov.vn", UnitID: e.XA.ID,
				Roles: []auth.Role{auth.RoleOfficer}, Active: true, Password: password}
		}
		tests := []struct {
			name  string
			edit  func(in *auth.UserInput)
			field string
		}{
			{"username with diacritics", func(in *auth.UserInput) { in.Username = "nguyễn" }, "username"},
			{"username with a space", func(in *auth.UserInput) { in.Username = "nguyen van a" }, "username"},
			{"username of one character", func(in *auth.UserInput) { in.Username = "a" }, "username"},
			{"username of 65 characters", func(in *auth.UserInput) { in.Username = strings.Repeat("a", 65) }, "username"},
			{"username starting with a dot", func(in *auth.UserInput) { in.Username = ".abc" }, "username"},
			{"duplicate username", func(in *auth.UserInput) { in.Username = "officer_a" }, "username"},
			{"duplicate username in other case", func(in *auth.UserInput) { in.Username = " Officer_A " }, "username"},
			{"no full name", func(in *auth.UserInput) { in.FullName = "  " }, "full_name"},
			{"bad email", func(in *auth.UserInput) { in.Email = "a.example.gov.vn" }, "email"},
			{"no unit", func(in *auth.UserInput) { in.UnitID = 0 }, "unit_id"},
			{"unknown unit", func(in *auth.UserInput) { in.UnitID = 999999 }, "unit_id"},
			{"no roles", func(in *auth.UserInput) { in.Roles = nil }, "roles"},
			{"unknown role", func(in *auth.UserInput) { in.Roles = []auth.Role{auth.RoleOfficer, "superuser"} }, "roles"},
			{"short password", func(in *auth.UserInput) { in.Password = "abc" }, "password"},
			{"password equal to username", func(in *auth.UserInput) { in.Password = "nguyenvana" }, "password"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				users, audits := e.count(t, `SELECT COUNT(*) FROM users`), e.count(t, `SELECT COUNT(*) FROM audit_log`)
				in := good()
				tt.edit(&in)
				_, err := e.s.CreateUser(context.Background(), in)
				errs, ok := valid.As(err)
				if !ok || errs[tt.field] == "" {
					t.Fatalf("CreateUser err = %v, want a message for %s", err, tt.field)
				}
				if e.count(t, `SELECT COUNT(*) FROM users`) != users || e.count(t, `SELECT COUNT(*) FROM audit_log`) != audits {
					t.Error("a refused account left rows behind")
				}
			})
		}
	})
}

func TestCreateUserStoresRolesInOrder(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 1, Username: "admin"})
		u, err := e.s.CreateUser(ctx, auth.UserInput{Username: " Tran.Thi-B ", FullName: " Trần  Thị B ", UnitID: e.SNV.ID,
			Roles: []auth.Role{auth.RoleAppraiser, auth.RoleLeader, auth.RoleAdmin, auth.RoleLeader}, Password: password})
		if err != nil {
			t.Fatal(err)
		}
		if u.Username != "tran.thi-b" || u.FullName != "Trần Thị B" || !u.Active || u.MustChangePassword || u.PasswordChangedAt == nil {
			t.Errorf("created %+v", u)
		}
		want := []auth.Role{auth.RoleAdmin, auth.RoleLeader, auth.RoleAppraiser}
		if !slices.Equal(u.Roles, want) {
			t.Errorf("roles = %v, want %v", u.Roles, want)
		}
		got, err := e.s.GetByUsername(ctx, "TRAN.THI-B")
		if err != nil || got.ID != u.ID || !slices.Equal(got.Roles, want) {
			t.Errorf("GetByUsername = %+v, %v", got, err)
		}
		if ok, err := auth.CheckPassword(got.PasswordHash, password); !ok || err != nil {
			t.Errorf("stored hash does not verify: %v", err)
		}
		if strings.Contains(got.PasswordHash, password) {
			t.Error("password stored in clear")
		}
		rows := e.audit(t, audit.Filter{Entity: "user", EntityID: strconv.FormatInt(u.ID, 10)})
		if len(rows) != 1 || rows[0].Action != audit.Create || rows[0].Username != "admin" ||
			strings.Contains(rows[0].AfterJSON, "argon2") || !strings.Contains(rows[0].AfterJSON, `"tran.thi-b"`) {
			t.Errorf("audit = %+v", rows)
		}
		if _, err := e.s.Get(ctx, 999999); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Get(missing) err = %v", err)
		}
	})
}

func TestUpdateUserAndListUsers(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		ctx := context.Background()
		a := e.user(t, "officer_a", e.XA, auth.RoleOfficer)
		e.user(t, "officer_b", e.XB, auth.RoleOfficer)
		e.user(t, "leader_d", e.H1, auth.RoleLeader)
		e.user(t, "coord", e.SNV, auth.RoleCoordinator)
		tok, err := e.s.CreateSession(ctx, a.ID, "", "")
		if err != nil {
			t.Fatal(err)
		}
		u, err := e.s.UpdateUser(ctx, a.ID, auth.UserInput{Username: "officer_a", FullName: "Đỗ Văn Á", UnitID: e.XA.ID,
			Roles: []auth.Role{auth.RoleLeader, auth.RoleOfficer}, Active: false})
		if err != nil {
			t.Fatal(err)
		}
		if u.FullName != "Đỗ Văn Á" || u.Active || !slices.Equal(u.Roles, []auth.Role{auth.RoleOfficer, auth.RoleLeader}) {
			t.Errorf("updated %+v", u)
		}
		if _, err := e.s.SessionUser(ctx, tok); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("session after deactivation err = %v", err)
		}
		if n := e.count(t, `SELECT COUNT(*) FROM sessions WHERE user_id = ?`, a.ID); n != 0 {
			t.Errorf("%d sessions left after deactivation", n)
		}
		_, err = e.s.UpdateUser(ctx, a.ID, auth.UserInput{Username: "coord", FullName: "X", UnitID: e.XA.ID, Roles: []auth.Role{auth.RoleOfficer}})
		if errs, ok := valid.As(err); !ok || errs["username"] == "" {
			t.Errorf("rename onto a taken username err = %v", err)
		}

		tests := []struct {
			name string
			f    auth.UserFilter
			want string
		}{
			{"everyone in name order", auth.UserFilter{}, "officer_a,coord,leader_d,officer_b"},
			{"within the district", auth.UserFilter{Within: e.H1.ID}, "officer_a,leader_d,officer_b"},
			{"one unit", auth.UserFilter{UnitID: e.XB.ID}, "officer_b"},
			{"role", auth.UserFilter{Role: auth.RoleLeader}, "officer_a,leader_d"},
			{"accent-insensitive search", auth.UserFilter{Q: "do van a"}, "officer_a"},
			{"search by username", auth.UserFilter{Q: "officer"}, "officer_a,officer_b"},
			{"paging", auth.UserFilter{Limit: 2, Offset: 1}, "coord,leader_d"},
		}
		for _, tt := range tests {
			users, total, err := e.s.ListUsers(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range users {
				got = append(got, u.Username)
				if len(u.Roles) == 0 {
					t.Errorf("%s: %s listed without roles", tt.name, u.Username)
				}
			}
			if strings.Join(got, ",") != tt.want || tt.f.Limit == 0 && total != len(users) {
				t.Errorf("%s: ListUsers = %q (total %d), want %q", tt.name, strings.Join(got, ","), total, tt.want)
			}
		}
	})
}

func TestAuthenticate(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		e := newEnv(t, d)
		ctx := audit.WithActor(context.Background(), audit.Actor{IP: "203.0.113.9"})
		u := e.user(t, "officer_a", e.XA, auth.RoleOfficer)

		t.Run("success", func(t *testing.T) {
			got, err := e.s.Authenticate(ctx, " Officer_A ", password)
			if err != nil || got.ID != u.ID || got.LastLoginAt == nil {
				t.Fatalf("Authenticate = %+v, %v", got, err)
			}
			rows := e.audit(t, audit.Filter{Action: audit.Login})
			if len(rows) != 1 || rows[0].Username != "officer_a" || rows[0].UserID == nil || *rows[0].UserID != u.ID || rows[0].IP != "203.0.113.9" {
				t.Errorf("login audit = %+v", rows)
			}
		})
		t.Run("success resets the failure count", func(t *testing.T) {
			for range 3 {
				if _, err := e.s.Authenticate(ctx, "officer_a", "wrong-password"); !errors.Is(err, auth.ErrBadCredentials) {
					t.Fatalf("wrong password err = %v", err)
				}
			}
			if n := e.count(t, `SELECT failed_logins FROM users WHERE id = ?`, u.ID); n != 3 {
				t.Fatalf("failed_logins = %d, want 3", n)
			}
			if _, err := e.s.Authenticate(ctx, "officer_a", password); err != nil {
				t.Fatal(err)
			}
			if n := e.count(t, `SELECT failed_logins FROM users WHERE id = ?`, u.ID); n != 0 {
				t.Errorf("failed_logins after success = %d", n)
			}
		})
		t.Run("lockout", func(t *testing.T) {
			for i := 1; i < auth.MaxFailedLogins; i++ {
				if _, err := e.s.Authenticate(ctx, "officer_a", "wrong-password"); !errors.Is(err, auth.ErrBadCredentials) {
					t.Fatalf("failure %d err = %v", i, err)
				}
			}
			before := time.Now()
			_, err := e.s.Authenticate(ctx, "officer_a", "wrong-password")
			var locked auth.LockedError
			if !errors.As(err, &locked) {
				t.Fatalf("failure %d err = %v, want LockedError", auth.MaxFailedLogins, err)
			}
			if d := locked.Until.Sub(before); d < auth.LockoutDuration-time.Minute || d > auth.LockoutDuration+time.Minute {
				t.Errorf("locked for %v, want %v", d, auth.LockoutDuration)
			}
			if !strings.Contains(err.Error(), "tạm khóa") {
				t.Errorf("message = %q", err.Error())
			}
			// Even the right password is refused while locked.
			if _, err := e.s.Authenticate(ctx, "officer_a", password); !errors.As(err, &locked) {
				t.Fatalf("right password while locked err = %v, want LockedError", err)
			}
			got, err := e.s.Get(ctx, u.ID)
			if err != nil || !got.Locked(time.Now()) {
				t.Errorf("user not locked: %+v, %v", got, err)
			}
			// The lock expires after LockoutDuration.
			e.exec(t, `UPDATE users SET locked_until = ? WHERE id = ?`, db.Now().Add(-time.Second), u.ID)
			if _, err := e.s.Authenticate(ctx, "officer_a", password); err != nil {
				t.Fatalf("after the lock expired err = %v", err)
			}
			if n := e.count(t, `SELECT COUNT(*) FROM users WHERE id = ? AND locked_until IS NULL AND failed_logins = 0`, u.ID); n != 1 {
				t.Error("lock not cleared after a successful login")
			}
		})
		t.Run("inactive account", func(t *testing.T) {
			e.user(t, "former", e.XB, auth.RoleOfficer)
			e.exec(t, `UPDATE users SET active = ? WHERE username = 'former'`, false)
			if _, err := e.s.Authenticate(ctx, "former", password); !errors.Is(err, auth.ErrInactive) {
				t.Errorf("inactive user err = %v, want ErrInactive", err)
			}
			if _, err := e.s.Authenticate(ctx, "former", "wrong-password"); !errors.Is(err, auth.ErrBadCredentials) {
				t.Errorf("inactive user, wrong password err = %v, want ErrBadCredentials", err)
			}
		})
		t.Run("unknown user", func(t *testing.T) {
			if _, err := e.s.Authenticate(ctx, "Nobody", password); !errors.Is(err, auth.ErrBadCredentials) {
				t.Errorf("unknown user err = %v, want ErrBadCredentials", err)
			}
			rows := e.audit(t, audit.Filter{Action: audit.Failed, Username: "nobody"})
			if len(rows) != 1 || rows[0].UserID != nil || rows[0].Entity != "session" {
				t.Errorf("audit of unknown user = %+v", rows)
			}
		})
		t.Run("every failure is audited", func(t *testing.T) {
			// 3 + 5 wrong passwords, 1 try while locked, 1 inactive, 1 inactive wrong.
			if rows := e.audit(t, audit.Filter{Action: audit.Failed, Username: "officer_a"}); len(rows) != 9 {
				t.Errorf("officer_a login_failed rows = %d, want 9", len(rows))
			}
			if rows := e.audit(t, audit.Filter{Action: audit.Failed, Username: "former"}); len(rows) != 2 {
				t.Errorf("former login_failed rows = %d, want 2", len(rows))
			}
			if rows := e.audit(t, audit.Filter{Action: audit.Login, Username: "officer_a"}); len(rows) != 3 {
				t.Errorf("officer_a login rows = %d, want 3", len(rows))
			}
		})
	})
}
