// Package notify keeps in-app notifications and the e-mail outbox. Every
// notification carries a dedupe key that is unique in the database, so a
// reminder is created exactly once however often (and after however many
// restarts) the job that creates it runs. E-mails are queued in the same
// transaction as their notification and sent by SendOutbox.
package notify

import (
	"context"
	"fmt"
	"time"

	"cchc/internal/db"
	"cchc/internal/mail"
)

// Notification is one message to one user.
type Notification struct {
	ID        int64      `db:"id" json:"id"`
	UserID    int64      `db:"user_id" json:"user_id"`
	Kind      string     `db:"kind" json:"kind"` // "reminder", "overdue", "digest", ...
	Title     string     `db:"title" json:"title"`
	Body      string     `db:"body" json:"body"`
	Link      string     `db:"link" json:"link"` // a path inside cchc, e.g. /work-items/12
	DedupeKey string     `db:"dedupe_key" json:"-"`
	CreatedAt time.Time  `db:"created_at" json:"created_at"`
	ReadAt    *time.Time `db:"read_at" json:"read_at"`
}

// Store reads and writes notifications.
type Store struct {
	db     *db.DB
	mailer *mail.Mailer
}

// NewStore returns a Store; mailer may be nil or disabled (no e-mail).
func NewStore(d *db.DB, mailer *mail.Mailer) *Store { return &Store{db: d, mailer: mailer} }

// Send creates n for its user unless a notification with the same dedupe key
// exists, and queues an e-mail to email when it is not empty and a mail
// server is configured. It reports whether n was new.
func (s *Store) Send(ctx context.Context, q db.Querier, n Notification, email string) (bool, error) {
	if n.DedupeKey == "" {
		return false, fmt.Errorf("notify: notification %q has no dedupe key", n.Title)
	}
	var ids []int64
	err := q.SelectContext(ctx, &ids, q.Rebind(`INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`),
		n.UserID, n.Kind, n.Title, n.Body, n.Link, n.DedupeKey, db.Now())
	if err != nil {
		return false, fmt.Errorf("notify: insert %s: %w", n.DedupeKey, err)
	}
	if len(ids) == 0 {
		return false, nil
	}
	if email != "" && s.mailer.Enabled() {
		_, err := q.ExecContext(ctx, q.Rebind(`INSERT INTO email_outbox (notification_id, to_addr, subject, body, created_at, attempts, next_attempt_at)
			VALUES (?, ?, ?, ?, ?, 0, ?)`), ids[0], email, n.Title, n.Body, db.Now(), db.Now())
		if err != nil {
			return false, fmt.Errorf("notify: queue e-mail for %s: %w", n.DedupeKey, err)
		}
	}
	return true, nil
}

// List returns a user's notifications, newest first, and the unread count.
func (s *Store) List(ctx context.Context, userID int64, limit, offset int) ([]Notification, int, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	var ns []Notification
	err := s.db.SelectContext(ctx, &ns, s.db.Rebind(`SELECT id, user_id, kind, title, body, link, dedupe_key, created_at, read_at
		FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`), userID, limit, max(offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("notify: list for user %d: %w", userID, err)
	}
	unread, err := s.Unread(ctx, userID)
	return ns, unread, err
}

// Unread counts a user's unread notifications.
func (s *Store) Unread(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, s.db.Rebind(`SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL`), userID)
	return n, err
}

// MarkRead marks one of the user's notifications read (id 0: all of them).
func (s *Store) MarkRead(ctx context.Context, userID, id int64) error {
	query, args := `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL`, []any{db.Now(), userID}
	if id != 0 {
		query += ` AND id = ?`
		args = append(args, id)
	}
	_, err := s.db.ExecContext(ctx, s.db.Rebind(query), args...)
	return err
}

// outboxRow is one queued e-mail.
type outboxRow struct {
	ID       int64  `db:"id"`
	To       string `db:"to_addr"`
	Subject  string `db:"subject"`
	Body     string `db:"body"`
	Attempts int    `db:"attempts"`
}

// MaxAttempts is how often an e-mail is tried before it is given up.
const MaxAttempts = 6

// SendOutbox sends queued e-mails that are due, at most limit of them, and
// returns how many went out. A failure is retried later with a growing
// delay (1, 2, 4 ... minutes).
func (s *Store) SendOutbox(ctx context.Context, limit int) (int, error) {
	if !s.mailer.Enabled() {
		return 0, nil
	}
	var rows []outboxRow
	err := s.db.SelectContext(ctx, &rows, s.db.Rebind(`SELECT id, to_addr, subject, body, attempts FROM email_outbox
		WHERE sent_at IS NULL AND attempts < ? AND next_attempt_at <= ? ORDER BY id LIMIT ?`), MaxAttempts, db.Now(), limit)
	if err != nil {
		return 0, fmt.Errorf("notify: read outbox: %w", err)
	}
	sent := 0
	for _, r := range rows {
		if err := s.mailer.Send(ctx, r.To, r.Subject, r.Body); err != nil {
			next := db.Now().Add(time.Minute << r.Attempts)
			if _, uerr := s.db.ExecContext(ctx, s.db.Rebind(`UPDATE email_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`),
				truncate(err.Error(), 500), next, r.ID); uerr != nil {
				return sent, uerr
			}
			continue
		}
		if _, err := s.db.ExecContext(ctx, s.db.Rebind(`UPDATE email_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?`), db.Now(), r.ID); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
