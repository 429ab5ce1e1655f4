package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// TokenPrefix starts every personal API token, so a leaked one is easy to
// recognise in logs and code.
const TokenPrefix = "cchc_"

// Token is a personal API token. Only its hash is stored; the secret is
// shown once, when it is created.
type Token struct {
	ID         int64      `db:"id" json:"id"`
	UserID     int64      `db:"user_id" json:"user_id"`
	Name       string     `db:"name" json:"name"`
	Prefix     string     `db:"prefix" json:"prefix"`
	CreatedAt  time.Time  `db:"created_at" json:"created_at"`
	LastUsedAt *time.Time `db:"last_used_at" json:"last_used_at"`
	RevokedAt  *time.Time `db:"revoked_at" json:"revoked_at"`
}

// CreateToken makes a token for user and returns it with its secret.
func (s *Store) CreateToken(ctx context.Context, userID int64, name string) (Token, string, error) {
	name = vn.CleanText(name)
	switch {
	case name == "":
		return Token{}, "", valid.Errors{"name": "Vui lòng đặt tên cho mã truy cập (ví dụ: Đồng bộ phần mềm một cửa)."}
	case utf8.RuneCountInString(name) > 100:
		return Token{}, "", valid.Errors{"name": "Tên mã truy cập dài tối đa 100 ký tự."}
	}
	secret := TokenPrefix + randomToken(30)
	var t Token
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var id int64
		if err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at)
			VALUES (?, ?, ?, ?, ?) RETURNING id`), userID, name, hashToken(secret), secret[:len(TokenPrefix)+6], db.Now()); err != nil {
			return fmt.Errorf("auth: create token for user %d: %w", userID, err)
		}
		if err := tx.GetContext(ctx, &t, tx.Rebind(`SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens WHERE id = ?`), id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "api_token", EntityID: id,
			Summary: "Tạo mã truy cập API “" + name + "”", After: t})
	})
	if err != nil {
		return Token{}, "", err
	}
	return t, secret, nil
}

// Tokens lists a user's tokens, newest first, revoked ones included.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]Token, error) {
	var ts []Token
	err := s.db.SelectContext(ctx, &ts, s.db.Rebind(`SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at
		FROM api_tokens WHERE user_id = ? ORDER BY id DESC`), userID)
	return ts, err
}

// RevokeToken revokes the token id of userID. Revoking another user's token
// gives db.ErrNotFound.
func (s *Store) RevokeToken(ctx context.Context, userID, id int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		var before Token
		if err := tx.GetContext(ctx, &before, tx.Rebind(`SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at
			FROM api_tokens WHERE id = ? AND user_id = ?`), id, userID); err != nil {
			return db.NotFound(err)
		}
		if before.RevokedAt != nil {
			return nil
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE api_tokens SET revoked_at = ? WHERE id = ?`), now, id); err != nil {
			return err
		}
		after := before
		after.RevokedAt = &now
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "api_token", EntityID: id,
			Summary: "Thu hồi mã truy cập API “" + before.Name + "”", Before: before, After: after})
	})
}

// ErrBadToken means the bearer token is unknown, revoked, or its user inactive.
var ErrBadToken = errors.New("auth: invalid API token")

// TokenUser returns the active user behind a bearer token secret. It reads
// the token with its user and roles in one query, since every API request
// asks.
func (s *Store) TokenUser(ctx context.Context, secret string) (User, error) {
	if !strings.HasPrefix(secret, TokenPrefix) {
		return User{}, ErrBadToken
	}
	var row struct {
		User
		TokenID    int64      `db:"token_id"`
		LastUsedAt *time.Time `db:"token_last_used_at"`
		RevokedAt  *time.Time `db:"token_revoked_at"`
		Roles      *string    `db:"token_roles"`
	}
	err := s.db.GetContext(ctx, &row, s.db.Rebind(`SELECT t.id AS token_id, t.last_used_at AS token_last_used_at,
		t.revoked_at AS token_revoked_at, `+prefixed("u.", userColumns)+`,
		(SELECT `+db.StringAgg(s.db, "r.role")+` FROM user_roles r WHERE r.user_id = u.id) AS token_roles
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`), hashToken(secret))
	if err != nil || row.RevokedAt != nil || !row.Active {
		return User{}, ErrBadToken
	}
	u := row.User
	if row.Roles != nil {
		for _, r := range strings.Split(*row.Roles, ",") {
			u.Roles = append(u.Roles, Role(r))
		}
	}
	sortRoles(u.Roles)
	now := db.Now()
	if row.LastUsedAt == nil || now.Sub(*row.LastUsedAt) > time.Minute {
		if _, err := s.db.ExecContext(ctx, s.db.Rebind(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`), now, row.TokenID); err != nil {
			return User{}, err
		}
	}
	return u, nil
}

// prefixed qualifies each column of a comma-separated list with prefix.
func prefixed(prefix, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}
