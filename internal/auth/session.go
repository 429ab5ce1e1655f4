package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"cchc/internal/audit"
	"cchc/internal/db"
)

// Session lifetime: a session ends after IdleTimeout without a request, and
// in any case MaxSessionAge after login.
const (
	IdleTimeout   = 60 * time.Minute
	MaxSessionAge = 12 * time.Hour
)

// Session is a signed-in browser. Its ID in the database is the SHA-256 of
// the cookie value, so a leaked database does not leak live sessions.
type Session struct {
	ID         string    `db:"id"`
	UserID     int64     `db:"user_id"`
	CreatedAt  time.Time `db:"created_at"`
	LastSeenAt time.Time `db:"last_seen_at"`
	ExpiresAt  time.Time `db:"expires_at"`
	IP         string    `db:"ip"`
	UserAgent  string    `db:"user_agent"`
}

func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

// ErrNoSession means the cookie names no live session.
var ErrNoSession = errors.New("auth: no live session")

// CreateSession starts a session for user and returns the cookie value.
func (s *Store) CreateSession(ctx context.Context, userID int64, ip, userAgent string) (string, error) {
	token := randomToken(32)
	now := db.Now()
	if len(userAgent) > 255 {
		userAgent = userAgent[:255]
	}
	_, err := s.db.ExecContext(ctx, s.db.Rebind(`INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
		VALUES (?, ?, ?, ?, ?, ?, ?)`), hashToken(token), userID, now, now, now.Add(MaxSessionAge), ip, userAgent)
	if err != nil {
		return "", fmt.Errorf("auth: create session for user %d: %w", userID, err)
	}
	return token, nil
}

// SessionUser returns the active user behind a cookie value and marks the
// session as used. Idle, expired and deactivated sessions give ErrNoSession
// (and are removed).
func (s *Store) SessionUser(ctx context.Context, token string) (User, error) {
	if token == "" {
		return User{}, ErrNoSession
	}
	id := hashToken(token)
	var sess Session
	err := s.db.GetContext(ctx, &sess, s.db.Rebind(`SELECT id, user_id, created_at, last_seen_at, expires_at, ip, user_agent FROM sessions WHERE id = ?`), id)
	if err != nil {
		if errors.Is(db.NotFound(err), db.ErrNotFound) {
			return User{}, ErrNoSession
		}
		return User{}, err
	}
	now := db.Now()
	if now.After(sess.ExpiresAt) || now.Sub(sess.LastSeenAt) > IdleTimeout {
		_, _ = s.db.ExecContext(ctx, s.db.Rebind(`DELETE FROM sessions WHERE id = ?`), id)
		return User{}, ErrNoSession
	}
	u, err := s.Get(ctx, sess.UserID)
	if err != nil {
		return User{}, err
	}
	if !u.Active {
		return User{}, ErrNoSession
	}
	// Touch at most once a minute to spare the database a write per request.
	if now.Sub(sess.LastSeenAt) > time.Minute {
		if _, err := s.db.ExecContext(ctx, s.db.Rebind(`UPDATE sessions SET last_seen_at = ? WHERE id = ?`), now, id); err != nil {
			return User{}, err
		}
	}
	return u, nil
}

// DeleteSession ends the session behind a cookie value (logout).
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, s.db.Rebind(`DELETE FROM sessions WHERE id = ?`), hashToken(token))
	return err
}

// Logout ends the session and records it.
func (s *Store) Logout(ctx context.Context, token string) error {
	if err := s.DeleteSession(ctx, token); err != nil {
		return err
	}
	a := audit.ActorFrom(ctx)
	return audit.Record(ctx, s.db, audit.Entry{Action: audit.Logout, Entity: "session", EntityID: a.UserID, Summary: "Đăng xuất"})
}

// PurgeSessions removes expired and idle sessions; the server runs it hourly.
func (s *Store) PurgeSessions(ctx context.Context) (int64, error) {
	now := db.Now()
	res, err := s.db.ExecContext(ctx, s.db.Rebind(`DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?`), now, now.Add(-IdleTimeout))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
