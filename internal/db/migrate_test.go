package db_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
)

func TestMigrateIsIdempotentAndRefusesNewerSchema(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		applied, err := d.Migrate(ctx)
		if err != nil || len(applied) != 0 {
			t.Fatalf("second Migrate applied %v, err %v", applied, err)
		}
		if err := d.CheckSchema(ctx); err != nil {
			t.Fatalf("CheckSchema: %v", err)
		}
		known, _ := db.Migrations(d.Dialect)
		if _, err := d.ExecContext(ctx, d.Rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')`), len(known)+1); err != nil {
			t.Fatal(err)
		}
		_, err = d.Migrate(ctx)
		var tooNew db.ErrSchemaTooNew
		if !errors.As(err, &tooNew) || tooNew.Have != len(known)+1 {
			t.Fatalf("Migrate on newer schema: err = %v, want ErrSchemaTooNew", err)
		}
		if err := d.CheckSchema(ctx); err == nil {
			t.Fatal("CheckSchema accepted a newer schema")
		}
	})
}

func TestTypesRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := db.Now()
		day := civil.New(2025, time.July, 1)
		var id int64
		err := d.GetContext(ctx, &id, d.Rebind(`INSERT INTO units (code, name, kind, active_from, sort_key, created_at, updated_at)
			VALUES (?, ?, 'province', ?, ?, ?, ?) RETURNING id`), "T", "Tỉnh Thử", day, []byte{1, 2}, now, now)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			ActiveFrom civil.Date  `db:"active_from"`
			ActiveTo   *civil.Date `db:"active_to"`
			CreatedAt  time.Time   `db:"created_at"`
		}
		if err := d.GetContext(ctx, &got, d.Rebind(`SELECT active_from, active_to, created_at FROM units WHERE id = ? AND active_from <= ?`), id, day); err != nil {
			t.Fatal(err)
		}
		if got.ActiveFrom != day || got.ActiveTo != nil || !got.CreatedAt.Equal(now) {
			t.Fatalf("round trip = %+v, want %v, nil, %v", got, day, now)
		}
		var n int
		if err := d.GetContext(ctx, &n, `SELECT COUNT(*) FROM unit_groups`); err != nil || n != 4 {
			t.Fatalf("seeded groups = %d, %v", n, err)
		}
	})
}
