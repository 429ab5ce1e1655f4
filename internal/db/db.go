// Package db opens cchc's database, SQLite or PostgreSQL, and keeps the few
// differences between the two in one place. Queries elsewhere are written
// once with '?' placeholders and passed through Rebind (sqlx does it for the
// Get/Select/Exec helpers of Tx and DB).
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Dialect names a supported database.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is an open database. It is safe for concurrent use.
type DB struct {
	*sqlx.DB
	Dialect Dialect
}

// Querier is what store functions need: a *DB or a *sqlx.Tx.
type Querier interface {
	sqlx.ExtContext
	GetContext(ctx context.Context, dest any, query string, args ...any) error
	SelectContext(ctx context.Context, dest any, query string, args ...any) error
}

// Open connects to dsn. A dsn starting with postgres:// or postgresql:// opens
// PostgreSQL; anything else is a SQLite file path (created if missing, with
// WAL, a busy timeout, foreign keys and immediate transactions).
func Open(ctx context.Context, dsn string) (*DB, error) {
	var (
		sdb     *sqlx.DB
		dialect Dialect
		err     error
	)
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		dialect = Postgres
		sdb, err = sqlx.Open("pgx", dsn)
		if err == nil {
			sdb.SetMaxOpenConns(20)
			sdb.SetMaxIdleConns(20)
			sdb.SetConnMaxIdleTime(5 * time.Minute)
		}
	} else {
		dialect = SQLite
		path := strings.TrimPrefix(dsn, "sqlite://")
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("db: create data directory %s: %w", dir, err)
			}
		}
		q := url.Values{}
		for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(ON)", "synchronous(NORMAL)"} {
			q.Add("_pragma", p)
		}
		q.Set("_txlock", "immediate")
		q.Set("_time_format", "sqlite")
		sdb, err = sqlx.Open("sqlite", "file:"+path+"?"+q.Encode())
		if err == nil {
			// One writer at a time is SQLite's rule; a small pool lets readers
			// run beside it under WAL.
			sdb.SetMaxOpenConns(4)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", dialect, err)
	}
	d := &DB{DB: sdb, Dialect: dialect}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := d.PingContext(pingCtx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("db: connect to %s: %w", dialect, err)
	}
	return d, nil
}

// DialectOf returns the dialect q speaks: q is a *DB or one of its
// transactions. Queries that need a dialect's own syntax ask it here.
func DialectOf(q Querier) Dialect {
	if q.DriverName() == "pgx" {
		return Postgres
	}
	return SQLite
}

// StringAgg returns, in q's dialect, the aggregate that joins the values
// of expr with commas (NULL over no rows).
func StringAgg(q Querier, expr string) string {
	if DialectOf(q) == Postgres {
		return "string_agg(" + expr + ", ',')"
	}
	return "group_concat(" + expr + ", ',')"
}

// InTx runs fn in one transaction, committing when fn returns nil and
// rolling back otherwise. Every multi-row change goes through InTx.
func (d *DB) InTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := d.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// IsUniqueViolation reports whether err is a unique-constraint failure on
// either database.
func IsUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "SQLSTATE 23505")
}

// IsForeignKeyViolation reports whether err is a foreign-key failure on either
// database.
func IsForeignKeyViolation(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "FOREIGN KEY constraint failed") || strings.Contains(s, "SQLSTATE 23503")
}

// ErrNotFound is returned by store lookups that find nothing.
var ErrNotFound = errors.New("not found")

// NotFound maps sql.ErrNoRows to ErrNotFound and leaves other errors alone.
func NotFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// Now returns the current time in UTC with microsecond precision, the
// precision both databases keep, so a value read back equals the one written.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
