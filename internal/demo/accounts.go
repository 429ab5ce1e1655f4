package demo

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/auth"
	"cchc/internal/db"
)

// Password is every demo account's password.
const Password = "demo"

// Account is a demo login printed at start-up and listed in the README.
type Account struct{ Username, Password, Role, Unit string }

// demoUser is an account to create: the unit is named as it is today.
type demoUser struct {
	Username, FullName, Email string
	Role                      auth.Role
	Unit                      string
}

// Names of the units the accounts belong to (two of them are communes
// formed on 01/07/2025, see districts).
const (
	wardAnPhu = typeWard + " An Phú"
	xaTanHoa  = typeXa + " Tân Hòa"
)

var demoUsers = []demoUser{
	{"admin", "Nguyễn Văn An", "admin@phuson.gov.vn", auth.RoleAdmin, province.Name},
	{"snv", "Trần Thị Bình", "binhtt@phuson.gov.vn", auth.RoleCoordinator, "Sở Nội vụ"},
	{"thamdinh", "Lê Minh Châu", "chaulm@phuson.gov.vn", auth.RoleAppraiser, "Sở Nội vụ"},
	{"lanhdao", "Phạm Quốc Dũng", "dungpq@phuson.gov.vn", auth.RoleLeader, province.Name},
	{"sotuphap", "Hoàng Thị Hạnh", "hanhht@phuson.gov.vn", auth.RoleOfficer, "Sở Tư pháp"},
	{"phuonganphu", "Võ Thanh Tùng", "", auth.RoleOfficer, wardAnPhu},
	{"xatanhoa", "Đặng Thị Mai", "", auth.RoleOfficer, xaTanHoa},
	{"lanhdaoxa", "Bùi Văn Khánh", "", auth.RoleLeader, xaTanHoa},
}

// Accounts lists the demo logins in a fixed order; every password is
// Password. It needs no database, so the server can print it at any time.
func Accounts() []Account {
	out := make([]Account, len(demoUsers))
	for i, u := range demoUsers {
		out[i] = Account{Username: u.Username, Password: Password, Role: u.Role.Label(), Unit: u.Unit}
	}
	return out
}

// createAccounts adds the demo users inside tx, then gives them the
// password "demo". auth refuses passwords shorter than auth.MinPasswordLen,
// as it should for real accounts; the demo wants a password anyone can type
// from the README, so it creates each account with a random password and
// then writes the hash of "demo" directly. Only the demo does this.
//
// All accounts share one hash of "demo" (one salt): argon2 is slow by
// design, and for eight public demo logins whose password is printed at
// start-up a per-account salt protects nothing.
func createAccounts(ctx context.Context, tx *sqlx.Tx, unitIDs map[string]int64) error {
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return err
	}
	for _, du := range demoUsers {
		unitID, ok := unitIDs[du.Unit]
		if !ok {
			return fmt.Errorf("demo: account %s: no unit named %q", du.Username, du.Unit)
		}
		u, err := auth.CreateUserTx(ctx, tx, auth.UserInput{Username: du.Username, FullName: du.FullName, Email: du.Email,
			UnitID: unitID, Roles: []auth.Role{du.Role}, Active: true, Password: rand.Text()})
		if err != nil {
			return fmt.Errorf("demo: account %s: %w", du.Username, err)
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?`),
			hash, db.Now(), u.ID); err != nil {
			return fmt.Errorf("demo: password of %s: %w", du.Username, err)
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "user", EntityID: u.ID,
			Summary: "Đặt mật khẩu dùng thử cho tài khoản " + u.Username,
			Before:  map[string]any{"password": "***"}, After: map[string]any{"password": "***"}}); err != nil {
			return err
		}
	}
	return nil
}
