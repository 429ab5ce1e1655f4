package national

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
)

// rowSource yields the rows to load one at a time; ok is false after the
// last. The row may be reused by the next call.
type rowSource func() (row []any, ok bool)

// loader writes inside one transaction: single statements, and many rows
// of a table at once.
type loader interface {
	exec(ctx context.Context, query string, args ...any) error
	load(ctx context.Context, table string, cols []string, next rowSource) (int, error)
}

// inTx runs fn in one transaction of d with the bulk loader of d's
// dialect: multi-row INSERT statements on SQLite, COPY on PostgreSQL. The
// transaction commits when fn returns nil and rolls back otherwise.
func inTx(ctx context.Context, d *db.DB, fn func(l loader) error) error {
	if d.Dialect != db.Postgres {
		return d.InTx(ctx, func(tx *sqlx.Tx) error { return fn(sqliteLoader{tx}) })
	}
	conn, err := d.Conn(ctx)
	if err != nil {
		return fmt.Errorf("national: connection: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		sc, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("national: PostgreSQL driver connection is %T, not pgx", driverConn)
		}
		return pgx.BeginFunc(ctx, sc.Conn(), func(tx pgx.Tx) error { return fn(pgxLoader{tx}) })
	})
}

// sqliteLoader loads through multi-row INSERT statements, one prepared
// statement for full batches.
type sqliteLoader struct{ tx *sqlx.Tx }

// maxParams stays under SQLite's limit of bound parameters per statement.
const maxParams = 30000

func (l sqliteLoader) exec(ctx context.Context, query string, args ...any) error {
	if _, err := l.tx.ExecContext(ctx, l.tx.Rebind(query), args...); err != nil {
		return fmt.Errorf("national: %s: %w", firstWords(query), err)
	}
	return nil
}

func (l sqliteLoader) load(ctx context.Context, table string, cols []string, next rowSource) (int, error) {
	per := min(maxParams/len(cols), 1000)
	insert := func(n int) string {
		one := "(?" + strings.Repeat(", ?", len(cols)-1) + ")"
		return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
	}
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, per*len(cols))
	rows, total := 0, 0
	flush := func() error {
		if rows == 0 {
			return nil
		}
		var err error
		if rows == per {
			if full == nil {
				if full, err = l.tx.PrepareContext(ctx, insert(per)); err != nil {
					return fmt.Errorf("national: prepare insert into %s: %w", table, err)
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = l.tx.ExecContext(ctx, insert(rows), args...)
		}
		if err != nil {
			return fmt.Errorf("national: insert %d rows into %s after %d: %w", rows, table, total, err)
		}
		total += rows
		rows, args = 0, args[:0]
		return nil
	}
	for {
		row, ok := next()
		if !ok {
			break
		}
		args = append(args, row...)
		if rows++; rows == per {
			if err := flush(); err != nil {
				return total, err
			}
		}
	}
	err := flush()
	return total, err
}

// pgxLoader loads through COPY on a pgx transaction.
type pgxLoader struct{ tx pgx.Tx }

func (l pgxLoader) exec(ctx context.Context, query string, args ...any) error {
	if _, err := l.tx.Exec(ctx, sqlx.Rebind(sqlx.DOLLAR, query), pgArgs(args)...); err != nil {
		return fmt.Errorf("national: %s: %w", firstWords(query), err)
	}
	return nil
}

func (l pgxLoader) load(ctx context.Context, table string, cols []string, next rowSource) (int, error) {
	var row []any
	src := pgx.CopyFromFunc(func() ([]any, error) {
		r, ok := next()
		if !ok {
			return nil, nil
		}
		row = pgArgs(append(row[:0], r...))
		return row, nil
	})
	n, err := l.tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src)
	if err != nil {
		return int(n), fmt.Errorf("national: copy into %s: %w", table, err)
	}
	return int(n), nil
}

// pgArgs converts, in place, the values pgx's binary COPY cannot encode
// by itself: a civil.Date becomes the midnight time.Time of its day.
func pgArgs(args []any) []any {
	for i, a := range args {
		if d, ok := a.(civil.Date); ok {
			args[i] = d.Time()
		}
	}
	return args
}

// firstWords returns the start of a statement, to name it in errors.
func firstWords(query string) string {
	f := strings.Fields(query)
	return strings.Join(f[:min(len(f), 4)], " ")
}

// since returns the time elapsed since start, rounded for progress lines.
func since(start time.Time) time.Duration { return time.Since(start).Round(time.Millisecond) }
