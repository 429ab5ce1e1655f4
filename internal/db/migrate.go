package db

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"
)

//go:embed migrations
var migrationFS embed.FS

// Migration is one step of the schema: NNNN_name.sql, applied in its own
// transaction. Each dialect has its own folder with the same numbers.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the embedded migrations for dialect in order.
func Migrations(dialect Dialect) ([]Migration, error) {
	dir := path.Join("migrations", string(dialect))
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("db: read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, rest, ok := strings.Cut(strings.TrimSuffix(name, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("db: migration file %s: name must be NNNN_name.sql", name)
		}
		body, err := fs.ReadFile(migrationFS, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: rest, SQL: string(body)})
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("db: migrations for %s: expected version %d, found %d", dialect, i+1, m.Version)
		}
	}
	return out, nil
}

// SchemaVersion returns the highest applied migration, 0 for an empty database.
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	if _, err := d.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return 0, fmt.Errorf("db: create schema_migrations: %w", err)
	}
	var v int
	if err := d.GetContext(ctx, &v, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`); err != nil {
		return 0, fmt.Errorf("db: read schema version: %w", err)
	}
	return v, nil
}

// ErrSchemaTooNew means the database was migrated by a newer cchc.
type ErrSchemaTooNew struct{ Have, Known int }

func (e ErrSchemaTooNew) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this cchc knows (%d): upgrade cchc before using this database", e.Have, e.Known)
}

// Migrate applies every migration not yet applied, each in its own
// transaction, and returns the versions it applied. It refuses a database
// whose schema is newer than the binary's.
func (d *DB) Migrate(ctx context.Context) ([]int, error) {
	ms, err := Migrations(d.Dialect)
	if err != nil {
		return nil, err
	}
	have, err := d.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	if have > len(ms) {
		return nil, ErrSchemaTooNew{Have: have, Known: len(ms)}
	}
	var applied []int
	for _, m := range ms[have:] {
		err := d.InTx(ctx, func(tx *sqlx.Tx) error {
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("db: migration %04d_%s: %w", m.Version, m.Name, err)
			}
			_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
				m.Version, m.Name, Now().Format("2006-01-02T15:04:05Z"))
			return err
		})
		if err != nil {
			return applied, err
		}
		applied = append(applied, m.Version)
	}
	return applied, nil
}

// CheckSchema returns an error unless the database is at exactly the version
// this binary knows (callers run Migrate first to catch up an older one).
func (d *DB) CheckSchema(ctx context.Context) error {
	ms, err := Migrations(d.Dialect)
	if err != nil {
		return err
	}
	have, err := d.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	switch {
	case have > len(ms):
		return ErrSchemaTooNew{Have: have, Known: len(ms)}
	case have < len(ms):
		return fmt.Errorf("database schema version %d is older than this cchc needs (%d): run `cchc migrate`", have, len(ms))
	}
	return nil
}
