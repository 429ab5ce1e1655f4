package report

import (
	"cchc/internal/civil"
	"cchc/internal/db"
)

// Store reads and writes forms, the calendar, reports and their values. It
// is safe for concurrent use.
type Store struct {
	db *db.DB
	// Today returns the current day in Vietnam; tests replace it.
	Today func() civil.Date
}

// NewStore returns a Store over d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

// DB returns the database the store works on.
func (s *Store) DB() *db.DB { return s.db }
