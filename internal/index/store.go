package index

import (
	"context"
	"fmt"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/vn"
)

// Store reads and writes frameworks, their items and bands, and units'
// assessments. It is safe for concurrent use; every change is one
// transaction, audited.
type Store struct {
	db *db.DB
	// Today returns the current day in Vietnam; tests replace it.
	Today func() civil.Date
}

// NewStore returns a Store over d whose Today is the current day in
// Vietnam.
func NewStore(d *db.DB) *Store {
	return &Store{db: d, Today: func() civil.Date { return civil.Today(vn.Location()) }}
}

// DB returns the database the store works on.
func (s *Store) DB() *db.DB { return s.db }

// actorContext returns ctx carrying userID as the audit actor when ctx has
// no signed-in actor yet (command-line tools, tests, the demo builder pass
// a user id without one). userID 0 leaves ctx alone.
func actorContext(ctx context.Context, q db.Querier, userID int64) (context.Context, error) {
	if userID == 0 || audit.ActorFrom(ctx).UserID != 0 {
		return ctx, nil
	}
	var name string
	if err := q.GetContext(ctx, &name, q.Rebind(`SELECT username FROM users WHERE id = ?`), userID); err != nil {
		return ctx, fmt.Errorf("index: user %d: %w", userID, db.NotFound(err))
	}
	return audit.WithActor(ctx, audit.Actor{UserID: userID, Username: name}), nil
}
