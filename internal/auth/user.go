package auth

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// User is an account. PasswordHash never leaves the auth package's callers
// in JSON.
type User struct {
	ID                 int64      `db:"id" json:"id"`
	Username           string     `db:"username" json:"username"`
	FullName           string     `db:"full_name" json:"full_name"`
	Email              string     `db:"email" json:"email"`
	UnitID             int64      `db:"unit_id" json:"unit_id"`
	PasswordHash       string     `db:"password_hash" json:"-"`
	Active             bool       `db:"active" json:"active"`
	MustChangePassword bool       `db:"must_change_password" json:"must_change_password"`
	FailedLogins       int        `db:"failed_logins" json:"-"`
	LockedUntil        *time.Time `db:"locked_until" json:"locked_until,omitempty"`
	LastLoginAt        *time.Time `db:"last_login_at" json:"last_login_at"`
	PasswordChangedAt  *time.Time `db:"password_changed_at" json:"-"`
	CreatedAt          time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt          time.Time  `db:"updated_at" json:"updated_at"`
	Roles              []Role     `db:"-" json:"roles"`
}

// Has reports whether u has role r.
func (u *User) Has(r Role) bool { return u != nil && slices.Contains(u.Roles, r) }

// Locked reports whether u is locked out at now.
func (u *User) Locked(now time.Time) bool { return u.LockedUntil != nil && now.Before(*u.LockedUntil) }

// Lockout policy: after MaxFailedLogins wrong passwords in a row the account
// is locked for LockoutDuration.
const (
	MaxFailedLogins = 5
	LockoutDuration = 15 * time.Minute
)

// UserInput is what an administrator supplies to create or change a user.
// Password is required on create and ignored on update (use SetPassword).
type UserInput struct {
	Username string `json:"username"`
	FullName string `json:"full_name"`
	Email    string `json:"email"`
	UnitID   int64  `json:"unit_id"`
	Roles    []Role `json:"roles"`
	Active   bool   `json:"active"`
	Password string `json:"password,omitempty"`
	// MustChangePassword (create only) marks Password as temporary: the
	// user must choose their own at first login.
	MustChangePassword bool `json:"must_change_password,omitempty"`
}

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

func (in *UserInput) normalize(create bool) valid.Errors {
	in.Username = strings.ToLower(strings.TrimSpace(in.Username))
	in.FullName = vn.CleanText(in.FullName)
	in.Email = strings.TrimSpace(in.Email)
	errs := valid.Errors{}
	if !usernamePattern.MatchString(in.Username) {
		errs.Add("username", "Tên đăng nhập gồm 2-64 ký tự: chữ thường không dấu, chữ số, dấu . _ -")
	}
	switch {
	case in.FullName == "":
		errs.Add("full_name", "Vui lòng nhập họ và tên.")
	case utf8.RuneCountInString(in.FullName) > 255:
		errs.Add("full_name", "Họ và tên dài tối đa 255 ký tự.")
	}
	if in.Email != "" && (len(in.Email) > 254 || !strings.Contains(in.Email, "@")) {
		errs.Add("email", "Địa chỉ thư điện tử không hợp lệ.")
	}
	if in.UnitID == 0 {
		errs.Add("unit_id", "Vui lòng chọn đơn vị.")
	}
	var roles []Role
	for _, r := range in.Roles {
		if !ValidRole(r) {
			errs.Add("roles", fmt.Sprintf("Vai trò %q không hợp lệ.", r))
		} else if !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	in.Roles = roles
	if len(roles) == 0 {
		errs.Add("roles", "Chọn ít nhất một vai trò.")
	}
	if create {
		if msg := CheckPasswordPolicy(in.Password, in.Username); msg != "" {
			errs.Add("password", msg)
		}
	}
	return errs
}

// Store reads and changes users, sessions and tokens.
type Store struct{ db *db.DB }

// NewStore returns a Store over d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

const userColumns = `id, username, full_name, email, unit_id, password_hash, active, must_change_password,
	failed_logins, locked_until, last_login_at, password_changed_at, created_at, updated_at`

func getUser(ctx context.Context, q db.Querier, where string, arg any) (User, error) {
	var u User
	if err := q.GetContext(ctx, &u, q.Rebind(`SELECT `+userColumns+` FROM users WHERE `+where), arg); err != nil {
		return User{}, fmt.Errorf("auth: user %v: %w", arg, db.NotFound(err))
	}
	if err := q.SelectContext(ctx, &u.Roles, q.Rebind(`SELECT role FROM user_roles WHERE user_id = ? ORDER BY role`), u.ID); err != nil {
		return User{}, fmt.Errorf("auth: roles of user %d: %w", u.ID, err)
	}
	sortRoles(u.Roles)
	return u, nil
}

func sortRoles(rs []Role) {
	slices.SortFunc(rs, func(a, b Role) int { return slices.Index(Roles, a) - slices.Index(Roles, b) })
}

// Get returns the user with id, or db.ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (User, error) {
	return getUser(ctx, s.db, "id = ?", id)
}

// GetByUsername returns the user with username (case-insensitive).
func (s *Store) GetByUsername(ctx context.Context, username string) (User, error) {
	return getUser(ctx, s.db, "username = ?", strings.ToLower(strings.TrimSpace(username)))
}

// UserFilter narrows ListUsers.
type UserFilter struct {
	Q      string // accent-insensitive, matched against username and full name
	UnitID int64  // users of this unit
	Within int64  // users of units in this subtree
	Role   Role
	Limit  int
	Offset int
}

// ListUsers returns matching users in Vietnamese order of full name, and the total.
func (s *Store) ListUsers(ctx context.Context, f UserFilter) ([]User, int, error) {
	var all []User
	with, where, args := "", []string{"1 = 1"}, []any{}
	if f.Within != 0 {
		with = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `
		args = append(args, f.Within)
		where = append(where, "unit_id IN (SELECT id FROM sub)")
	}
	if f.UnitID != 0 {
		where = append(where, "unit_id = ?")
		args = append(args, f.UnitID)
	}
	if f.Role != "" {
		where = append(where, "id IN (SELECT user_id FROM user_roles WHERE role = ?)")
		args = append(args, f.Role)
	}
	if err := s.db.SelectContext(ctx, &all, s.db.Rebind(with+`SELECT `+userColumns+` FROM users WHERE `+strings.Join(where, " AND ")), args...); err != nil {
		return nil, 0, fmt.Errorf("auth: list users: %w", err)
	}
	// Full names need Vietnamese collation and folded matching; a province
	// has a few thousand accounts, so filter and sort here.
	words := strings.Fields(vn.Fold(f.Q))
	var out []User
	for _, u := range all {
		hay := vn.Fold(u.Username + " " + u.FullName + " " + u.Email)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			out = append(out, u)
		}
	}
	c := vn.NewCollator()
	slices.SortFunc(out, func(a, b User) int {
		if r := c.Compare(a.FullName, b.FullName); r != 0 {
			return r
		}
		return strings.Compare(a.Username, b.Username)
	})
	total := len(out)
	if f.Limit <= 0 {
		f.Limit = 50
	}
	start := min(max(f.Offset, 0), total)
	out = out[start:min(start+f.Limit, total)]
	if err := s.loadRoles(ctx, out); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

func (s *Store) loadRoles(ctx context.Context, users []User) error {
	if len(users) == 0 {
		return nil
	}
	ids := make([]int64, len(users))
	idx := map[int64]int{}
	for i, u := range users {
		ids[i] = u.ID
		idx[u.ID] = i
	}
	q, args, err := sqlx.In(`SELECT user_id, role FROM user_roles WHERE user_id IN (?)`, ids)
	if err != nil {
		return err
	}
	var rows []struct {
		UserID int64 `db:"user_id"`
		Role   Role  `db:"role"`
	}
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(q), args...); err != nil {
		return fmt.Errorf("auth: load roles: %w", err)
	}
	for _, r := range rows {
		users[idx[r.UserID]].Roles = append(users[idx[r.UserID]].Roles, r.Role)
	}
	for i := range users {
		sortRoles(users[i].Roles)
	}
	return nil
}

// CreateUser adds an account. The password is hashed with argon2id before
// the transaction opens, so the slow hash does not hold the write lock.
func (s *Store) CreateUser(ctx context.Context, in UserInput) (User, error) {
	errs := in.normalize(true)
	if err := checkUnit(ctx, s.db, in.UnitID, errs); err != nil {
		return User{}, err
	}
	if err := errs.Err(); err != nil {
		return User{}, err
	}
	hash, err := HashPassword(in.Password)
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		u, err = insertUser(ctx, tx, in, hash)
		return err
	})
	return u, err
}

// CreateUserTx is CreateUser inside the caller's transaction (the demo). It
// hashes the password inside that transaction.
func CreateUserTx(ctx context.Context, tx *sqlx.Tx, in UserInput) (User, error) {
	errs := in.normalize(true)
	if err := checkUnit(ctx, tx, in.UnitID, errs); err != nil {
		return User{}, err
	}
	if err := errs.Err(); err != nil {
		return User{}, err
	}
	hash, err := HashPassword(in.Password)
	if err != nil {
		return User{}, err
	}
	return insertUser(ctx, tx, in, hash)
}

// insertUser stores a validated in with the password hash, its roles and
// the audit record.
func insertUser(ctx context.Context, tx *sqlx.Tx, in UserInput, hash string) (User, error) {
	now := db.Now()
	var id int64
	err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO users (username, full_name, email, unit_id, password_hash, active,
		must_change_password, password_changed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		in.Username, in.FullName, in.Email, in.UnitID, hash, true, in.MustChangePassword, now, now, now)
	if err != nil {
		if db.IsUniqueViolation(err) {
			return User{}, valid.Errors{"username": fmt.Sprintf("Tên đăng nhập %q đã có người dùng.", in.Username)}
		}
		return User{}, fmt.Errorf("auth: insert user %q: %w", in.Username, err)
	}
	if err := setRoles(ctx, tx, id, in.Roles); err != nil {
		return User{}, err
	}
	u, err := getUser(ctx, tx, "id = ?", id)
	if err != nil {
		return User{}, err
	}
	return u, audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "user", EntityID: id,
		Summary: "Tạo tài khoản " + u.Username, After: u})
}

func checkUnit(ctx context.Context, q db.Querier, unitID int64, errs valid.Errors) error {
	if unitID == 0 {
		return nil
	}
	var n int
	if err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) FROM units WHERE id = ?`), unitID); err != nil {
		return err
	}
	if n == 0 {
		errs.Add("unit_id", "Đơn vị không tồn tại.")
	}
	return nil
}

func setRoles(ctx context.Context, tx *sqlx.Tx, id int64, roles []Role) error {
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM user_roles WHERE user_id = ?`), id); err != nil {
		return err
	}
	for _, r := range roles {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO user_roles (user_id, role) VALUES (?, ?)`), id, r); err != nil {
			return fmt.Errorf("auth: role %s of user %d: %w", r, id, err)
		}
	}
	return nil
}

// UpdateUser changes an account's details, roles and active flag. Turning
// an account off ends its sessions.
func (s *Store) UpdateUser(ctx context.Context, id int64, in UserInput) (User, error) {
	errs := in.normalize(false)
	if err := checkUnit(ctx, s.db, in.UnitID, errs); err != nil {
		return User{}, err
	}
	if err := errs.Err(); err != nil {
		return User{}, err
	}
	var u User
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		before, err := getUser(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE users SET username = ?, full_name = ?, email = ?, unit_id = ?, active = ?, updated_at = ? WHERE id = ?`),
			in.Username, in.FullName, in.Email, in.UnitID, in.Active, db.Now(), id)
		if err != nil {
			if db.IsUniqueViolation(err) {
				return valid.Errors{"username": fmt.Sprintf("Tên đăng nhập %q đã có người dùng.", in.Username)}
			}
			return fmt.Errorf("auth: update user %d: %w", id, err)
		}
		if err := setRoles(ctx, tx, id, in.Roles); err != nil {
			return err
		}
		if !in.Active {
			if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM sessions WHERE user_id = ?`), id); err != nil {
				return err
			}
		}
		if u, err = getUser(ctx, tx, "id = ?", id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "user", EntityID: id,
			Summary: "Sửa tài khoản " + u.Username, Before: before, After: u})
	})
	return u, err
}

// SetPassword replaces a user's password, clears any lockout and ends the
// user's other sessions (keepSession, when not empty, is the one to keep).
// mustChange asks the user to choose a new password at next login (after an
// administrator's reset).
func (s *Store) SetPassword(ctx context.Context, id int64, pw string, mustChange bool, keepSession string) error {
	u, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	if msg := CheckPasswordPolicy(pw, u.Username); msg != "" {
		return valid.Errors{"password": msg}
	}
	hash, err := HashPassword(pw)
	if err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		now := db.Now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0,
			locked_until = NULL, password_changed_at = ?, updated_at = ? WHERE id = ?`), hash, mustChange, now, now, id); err != nil {
			return fmt.Errorf("auth: set password of user %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM sessions WHERE user_id = ? AND id <> ?`), id, hashToken(keepSession)); err != nil {
			return err
		}
		summary := "Đổi mật khẩu tài khoản " + u.Username
		if mustChange {
			summary = "Đặt lại mật khẩu tài khoản " + u.Username
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "user", EntityID: id, Summary: summary,
			Before: map[string]any{"password": "***"}, After: map[string]any{"password": "***", "must_change_password": mustChange}})
	})
}

// LoginRefused is a login failure whose message is Vietnamese and safe to
// show on the login page.
type LoginRefused struct{ Message string }

func (e LoginRefused) Error() string { return e.Message }

// Login failures.
var (
	ErrBadCredentials error = LoginRefused{"Tên đăng nhập hoặc mật khẩu không đúng."}
	ErrInactive       error = LoginRefused{"Tài khoản đã bị khóa. Vui lòng liên hệ quản trị hệ thống."}
)

// LockedError says until when an account is locked.
type LockedError struct{ Until time.Time }

func (e LockedError) Error() string {
	return fmt.Sprintf("Tài khoản tạm khóa đến %s do nhập sai mật khẩu %d lần. Vui lòng thử lại sau.",
		e.Until.In(vn.Location()).Format("15:04 02/01/2006"), MaxFailedLogins)
}

// Authenticate checks a username and password. After MaxFailedLogins wrong
// passwords the account is locked for LockoutDuration, during which even the
// right password is refused. Every outcome is audited.
func (s *Store) Authenticate(ctx context.Context, username, pw string) (User, error) {
	u, err := s.GetByUsername(ctx, username)
	if errors.Is(err, db.ErrNotFound) {
		// Spend the same time as a real check so timing does not reveal
		// which usernames exist.
		_, _ = CheckPassword(dummyHash, pw)
		s.recordLogin(ctx, 0, username, audit.Failed, "Đăng nhập thất bại: tên đăng nhập không tồn tại")
		return User{}, ErrBadCredentials
	}
	if err != nil {
		return User{}, err
	}
	now := db.Now()
	if u.Locked(now) {
		s.recordLogin(ctx, u.ID, u.Username, audit.Failed, "Đăng nhập khi tài khoản đang tạm khóa")
		return User{}, LockedError{Until: *u.LockedUntil}
	}
	ok, err := CheckPassword(u.PasswordHash, pw)
	if err != nil {
		return User{}, err
	}
	if !ok {
		failed := u.FailedLogins + 1
		var until any
		var lockErr error = ErrBadCredentials
		if failed >= MaxFailedLogins {
			t := now.Add(LockoutDuration)
			until, failed, lockErr = t, 0, LockedError{Until: t}
		}
		if _, err := s.db.ExecContext(ctx, s.db.Rebind(`UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?`), failed, until, u.ID); err != nil {
			return User{}, err
		}
		s.recordLogin(ctx, u.ID, u.Username, audit.Failed, "Đăng nhập thất bại: sai mật khẩu")
		return User{}, lockErr
	}
	if !u.Active {
		s.recordLogin(ctx, u.ID, u.Username, audit.Failed, "Đăng nhập vào tài khoản đã khóa")
		return User{}, ErrInactive
	}
	if _, err := s.db.ExecContext(ctx, s.db.Rebind(`UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?`), now, u.ID); err != nil {
		return User{}, err
	}
	u.LastLoginAt = &now
	s.recordLogin(ctx, u.ID, u.Username, audit.Login, "Đăng nhập")
	return u, nil
}

func (s *Store) recordLogin(ctx context.Context, id int64, username, action, summary string) {
	a := audit.ActorFrom(ctx)
	a.UserID, a.Username = id, strings.ToLower(strings.TrimSpace(username))
	if len(a.Username) > 64 {
		a.Username = a.Username[:64]
	}
	_ = audit.Record(audit.WithActor(ctx, a), s.db, audit.Entry{Action: action, Entity: "session", EntityID: id, Summary: summary})
}

// dummyHash is checked against when a username does not exist.
var dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3dWnW0kWfSvZ8t8zN6hG0oK4y2lKq0gQdC5Jm7yqU1Y"
