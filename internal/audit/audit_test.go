package audit_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
)

func TestRecordTakesTheActorFromContext(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 7, Username: "coord", IP: "10.0.0.5", RequestID: "req-1"})
		type unit struct {
			Name string `json:"name"`
			Code string `json:"code"`
		}
		err := audit.Record(ctx, d, audit.Entry{Action: audit.Update, Entity: "unit", EntityID: 12, Summary: "Sửa thông tin đơn vị Sở Nội vụ",
			Before: unit{"Sở Nội vụ", "SNV"}, After: unit{"Sở Nội vụ tỉnh", "SNV"}})
		if err != nil {
			t.Fatal(err)
		}
		// Without an actor the change is the system's (command line, demo).
		if err := audit.Record(context.Background(), d, audit.Entry{Action: audit.Create, Entity: "unit", Summary: "Tạo"}); err != nil {
			t.Fatal(err)
		}
		rows, total, err := audit.List(context.Background(), d, audit.Filter{})
		if err != nil || total != 2 || len(rows) != 2 {
			t.Fatalf("List = %d rows, total %d, %v", len(rows), total, err)
		}
		sys, got := rows[0], rows[1]
		if got.UserID == nil || *got.UserID != 7 || got.Username != "coord" || got.IP != "10.0.0.5" || got.RequestID != "req-1" ||
			got.Action != audit.Update || got.Entity != "unit" || got.EntityID != "12" || got.Summary != "Sửa thông tin đơn vị Sở Nội vụ" {
			t.Errorf("row = %+v", got)
		}
		var before, after map[string]string
		if err := json.Unmarshal([]byte(got.BeforeJSON), &before); err != nil || before["name"] != "Sở Nội vụ" {
			t.Errorf("before = %q, %v", got.BeforeJSON, err)
		}
		if err := json.Unmarshal([]byte(got.AfterJSON), &after); err != nil || after["name"] != "Sở Nội vụ tỉnh" {
			t.Errorf("after = %q, %v", got.AfterJSON, err)
		}
		if time.Since(got.At) > time.Minute || got.At.After(time.Now().Add(time.Second)) {
			t.Errorf("at = %v, want about now", got.At)
		}
		if sys.UserID != nil || sys.Username != "system" || sys.EntityID != "" || sys.BeforeJSON != "" || sys.AfterJSON != "" {
			t.Errorf("system row = %+v", sys)
		}
		if a := audit.ActorFrom(context.Background()); a.Username != "system" || a.UserID != 0 {
			t.Errorf("ActorFrom(empty) = %+v", a)
		}
	})
}

func TestRecordJoinsTheTransaction(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		err := d.InTx(ctx, func(tx *sqlx.Tx) error {
			if err := audit.Record(ctx, tx, audit.Entry{Action: audit.Delete, Entity: "unit", EntityID: 1}); err != nil {
				return err
			}
			return context.Canceled // the change fails after recording
		})
		if err == nil {
			t.Fatal("InTx returned nil")
		}
		if _, total, err := audit.List(ctx, d, audit.Filter{}); err != nil || total != 0 {
			t.Errorf("rows after rollback = %d, %v; want 0", total, err)
		}
		// A value that cannot be marshalled is an error, not a silent gap.
		err = audit.Record(ctx, d, audit.Entry{Action: audit.Update, Entity: "unit", After: map[string]any{"f": func() {}}})
		if err == nil {
			t.Error("Record accepted an unmarshallable value")
		}
	})
}

func TestListFiltersAndPaging(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		vn := time.FixedZone("ICT", 7*3600)
		// Rows in the order they happened; at is set afterwards to known times.
		entries := []struct {
			user   string
			action string
			entity string
			id     int64
			at     time.Time
		}{
			{"admin", audit.Create, "unit", 1, time.Date(2025, 1, 1, 8, 0, 0, 0, vn)},
			{"admin", audit.Update, "unit", 1, time.Date(2025, 1, 1, 23, 59, 59, 0, vn)},
			{"coord", audit.Update, "unit", 2, time.Date(2025, 1, 2, 0, 0, 0, 0, vn)}, // 01/01 17:00 UTC
			{"coord", audit.Create, "user", 1, time.Date(2025, 1, 2, 6, 59, 0, 0, vn)},
			{"officer_a", audit.Login, "session", 3, time.Date(2025, 1, 3, 7, 0, 0, 0, vn)},
			{"officer_a", audit.Failed, "session", 3, time.Date(2025, 1, 3, 9, 30, 0, 0, vn)},
			{"coord", audit.Delete, "unit", 2, time.Date(2025, 1, 4, 0, 0, 0, 0, vn)},
		}
		for _, e := range entries {
			actx := audit.WithActor(ctx, audit.Actor{Username: e.user})
			if err := audit.Record(actx, d, audit.Entry{Action: e.action, Entity: e.entity, EntityID: e.id, Summary: e.user + " " + e.action}); err != nil {
				t.Fatal(err)
			}
			if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log)`), e.at.UTC()); err != nil {
				t.Fatal(err)
			}
		}
		day := func(dd int) civil.Date { return civil.New(2025, time.January, dd) }
		tests := []struct {
			name string
			f    audit.Filter
			want string // summaries, newest first
		}{
			{"everything, newest first", audit.Filter{}, "coord delete|officer_a login_failed|officer_a login|coord create|coord update|admin update|admin create"},
			{"username", audit.Filter{Username: " Coord "}, "coord delete|coord create|coord update"},
			{"action", audit.Filter{Action: audit.Update}, "coord update|admin update"},
			{"entity", audit.Filter{Entity: "session"}, "officer_a login_failed|officer_a login"},
			{"entity and id", audit.Filter{Entity: "unit", EntityID: "2"}, "coord delete|coord update"},
			{"user and action", audit.Filter{Username: "coord", Action: audit.Create}, "coord create"},
			{"one Vietnam day", audit.Filter{From: day(1), To: day(1)}, "admin update|admin create"},
			{"the next Vietnam day starts at 17:00 UTC", audit.Filter{From: day(2), To: day(2)}, "coord create|coord update"},
			{"from a day on", audit.Filter{From: day(3)}, "coord delete|officer_a login_failed|officer_a login"},
			{"up to a day", audit.Filter{To: day(2)}, "coord create|coord update|admin update|admin create"},
			{"a day with nothing", audit.Filter{From: day(5), To: day(9)}, ""},
			{"nobody", audit.Filter{Username: "nobody"}, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rows, total, err := audit.List(ctx, d, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range rows {
					got = append(got, r.Summary)
				}
				if strings.Join(got, "|") != tt.want || total != len(rows) {
					t.Errorf("List(%+v) = %q (total %d), want %q", tt.f, strings.Join(got, "|"), total, tt.want)
				}
			})
		}
		pages := []struct {
			f    audit.Filter
			want string
		}{
			{audit.Filter{Limit: 3}, "coord delete|officer_a login_failed|officer_a login"},
			{audit.Filter{Limit: 3, Offset: 3}, "coord create|coord update|admin update"},
			{audit.Filter{Limit: 3, Offset: 6}, "admin create"},
			{audit.Filter{Limit: 3, Offset: 9}, ""},
			{audit.Filter{Username: "coord", Limit: 2, Offset: 2}, "coord update"},
			{audit.Filter{Limit: 2, Offset: -5}, "coord delete|officer_a login_failed"},
			{audit.Filter{Limit: 501}, "coord delete|officer_a login_failed|officer_a login|coord create|coord update|admin update|admin create"},
		}
		for _, p := range pages {
			rows, total, err := audit.List(ctx, d, p.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.Summary)
			}
			wantTotal := 7
			if p.f.Username != "" {
				wantTotal = 3
			}
			if strings.Join(got, "|") != p.want || total != wantTotal {
				t.Errorf("page %+v = %q total %d, want %q total %d", p.f, strings.Join(got, "|"), total, p.want, wantTotal)
			}
		}
	})
}
