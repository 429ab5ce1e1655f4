package report

import (
	"context"
	"sync"

	"cchc/internal/civil"
	"cchc/internal/db"
)

// Store reads and writes forms, the calendar, reports and their values. It
// is safe for concurrent use.
type Store struct {
	db *db.DB
	// Today returns the current day in Vietnam; tests replace it.
	Today func() civil.Date
	// definitions caches decoded form versions by id: a version never
	// changes once written, and a save or a submission reads it each time.
	// Callers must not modify a Definition they get from it.
	definitions sync.Map // int64 -> Definition
}

// NewStore returns a Store over d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

// DB returns the database the store works on.
func (s *Store) DB() *db.DB { return s.db }

// Definition returns form version versionID's definition with q (the
// caller's transaction or database), decoded once per Store.
func (s *Store) Definition(ctx context.Context, q db.Querier, versionID int64) (Definition, error) {
	if d, ok := s.definitions.Load(versionID); ok {
		return d.(Definition), nil
	}
	d, err := DefinitionOf(ctx, q, versionID)
	if err != nil {
		return Definition{}, err
	}
	s.definitions.Store(versionID, d)
	return d, nil
}
