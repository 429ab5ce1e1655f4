package report

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/vn"
)

// Size of the generated province: a pre-2025 province with 20 agencies,
// 15 districts of 38 communes (606 units), each sending a report of 97
// counts and one amount; the form has 2 rates on top (100 indicators).
const (
	benchAgencies  = 20
	benchDistricts = 15
	benchCommunes  = 38
	benchCounts    = 97
)

// benchDefinition is a form of benchCounts counts, one money indicator and
// two rates.
func benchDefinition() Definition {
	sec := Section{Code: "so_lieu", Title: "Số liệu"}
	for i := 1; i <= benchCounts; i++ {
		sec.Indicators = append(sec.Indicators, Indicator{Code: fmt.Sprintf("c%03d", i), Label: fmt.Sprintf("Chỉ tiêu %d", i), Kind: KindCount})
	}
	sec.Indicators = append(sec.Indicators,
		Indicator{Code: "budget_spent", Label: "Kinh phí", Kind: KindMoney},
		Indicator{Code: "rate_a", Label: "Tỷ lệ A", Kind: KindRate, Formula: "c002 / c001"},
		Indicator{Code: "rate_b", Label: "Tỷ lệ B", Kind: KindRate, Formula: "(c003 + c004) / c005"})
	return Definition{Sections: []Section{sec}}
}

// batchInsert inserts rows of len(cols) values into table, a few hundred
// rows per statement.
func batchInsert(tb testing.TB, q db.Querier, table string, cols []string, rows [][]any) {
	tb.Helper()
	const per = 400
	one := "(?" + strings.Repeat(", ?", len(cols)-1) + ")"
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		var args []any
		for _, r := range chunk {
			args = append(args, r...)
		}
		query := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(one+", ", len(chunk)), ", ")
		if _, err := q.ExecContext(context.Background(), q.Rebind(query), args...); err != nil {
			tb.Fatalf("insert into %s: %v", table, err)
		}
	}
}

// benchProvince generates the province, its form, period 2026-Q1 and a
// submitted report of every unit, and returns the province's id.
func benchProvince(tb testing.TB, d *db.DB) (int64, Form, PeriodRow) {
	tb.Helper()
	fx := fixture{t: tb, d: d, tx: d}
	form := fx.form("BENCH", "", benchDefinition())
	period := fx.periods("2026-Q1")["2026-Q1"]
	now := db.Now()
	from := civil.New(2020, time.January, 1)
	var nextID int64 = 1000
	var units, versions [][]any
	add := func(code, name, kind string, parent *int64) int64 {
		nextID++
		units = append(units, []any{nextID, code, name, kind, parent, from, vn.SortKey(name), now, now})
		versions = append(versions, []any{nextID, from, name, parent})
		return nextID
	}
	root := add("BT", "Tỉnh Thử Tải", "province", nil)
	for i := 1; i <= benchAgencies; i++ {
		add(fmt.Sprintf("S%02d", i), fmt.Sprintf("Sở số %d", i), "agency", &root)
	}
	for i := 1; i <= benchDistricts; i++ {
		district := add(fmt.Sprintf("H%02d", i), fmt.Sprintf("Huyện số %d", i), "district", &root)
		for j := 1; j <= benchCommunes; j++ {
			add(fmt.Sprintf("H%02dX%02d", i, j), fmt.Sprintf("Xã số %d huyện %d", j, i), "commune", &district)
		}
	}
	batchInsert(tb, d, "units", []string{"id", "code", "name", "kind", "parent_id", "active_from", "sort_key", "created_at", "updated_at"}, units)
	batchInsert(tb, d, "unit_versions", []string{"unit_id", "valid_from", "name", "parent_id"}, versions)
	var reports, values [][]any
	for i, u := range units {
		reportID := int64(10000 + i)
		figures := map[string]int64{"budget_spent": int64(1_000_000 * (i%40 + 1))}
		for c := 1; c <= benchCounts; c++ {
			figures[fmt.Sprintf("c%03d", c)] = int64((i*31+c*17)%500 + c)
		}
		for code, v := range figures {
			values = append(values, []any{reportID, code, v})
		}
		reports = append(reports, []any{reportID, form.ID, form.VersionID, period.ID, u[0], StatusSubmitted, now, i%5 != 0, now, now, EncodeFigures(figures)})
	}
	batchInsert(tb, d, "reports", []string{"id", "form_id", "form_version_id", "period_id", "unit_id", "status", "submitted_at", "on_time", "created_at", "updated_at", "figures"}, reports)
	batchInsert(tb, d, "report_values", []string{"report_id", "code", "value"}, values)
	if d.Dialect == db.Postgres {
		// The planner is told the tables' sizes, as autovacuum would.
		for _, stmt := range []string{"ANALYZE units", "ANALYZE unit_versions", "ANALYZE reports", "ANALYZE report_values"} {
			if _, err := d.ExecContext(context.Background(), stmt); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return root, form, period
}

// handTunedSQL is the province total written by hand as one query: the
// subtree on the period's last day, the submitted reports' values summed
// by code. It is what ConsolidateOf is measured against.
const handTunedSQL = `WITH RECURSIVE sub(id) AS (
	SELECT id FROM units WHERE id = ?
	UNION ALL
	SELECT v.unit_id FROM unit_versions v JOIN sub ON v.parent_id = sub.id
	WHERE v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?))
SELECT rv.code, CAST(SUM(rv.value) AS BIGINT) AS total
FROM sub JOIN reports r ON r.unit_id = sub.id JOIN report_values rv ON rv.report_id = r.id
WHERE r.form_id = ? AND r.period_id = ? AND r.status IN ('submitted', 'accepted')
GROUP BY rv.code`

func handTuned(ctx context.Context, d *db.DB, root int64, f Form, p PeriodRow) (map[string]int64, error) {
	var rows []struct {
		Code  string `db:"code"`
		Total int64  `db:"total"`
	}
	if err := d.SelectContext(ctx, &rows, d.Rebind(handTunedSQL), root, p.EndsOn, p.EndsOn, f.ID, p.ID); err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.Code] = r.Total
	}
	return out, nil
}

// BenchmarkConsolidate measures ConsolidateOf over a generated province
// (606 units × 98 entered values) beside the hand-tuned query, on SQLite
// and, when CCHC_TEST_POSTGRES is set, PostgreSQL:
//
//	CCHC_TEST_POSTGRES=postgres://... go test ./internal/report -run '^$' -bench Consolidate
func BenchmarkConsolidate(b *testing.B) {
	for _, dialect := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", dbtest.SQLite}, {"postgres", dbtest.Postgres}} {
		b.Run(dialect.name, func(b *testing.B) {
			d := dialect.open(b)
			root, f, p := benchProvince(b, d)
			ctx := context.Background()
			store := NewStore(d)
			c, err := store.ConsolidateOf(ctx, root, p, f)
			if err != nil {
				b.Fatal(err)
			}
			want, err := handTuned(ctx, d, root, f, p)
			if err != nil {
				b.Fatal(err)
			}
			for _, v := range c.Values {
				if v.Kind != KindRate && float64(want[v.Code]) != v.Value {
					b.Fatalf("%s: consolidation %v, hand-tuned query %d", v.Code, v.Value, want[v.Code])
				}
			}
			if units := 1 + benchAgencies + benchDistricts*(1+benchCommunes); c.Expected != units || c.Missing != 0 {
				b.Fatalf("tally %+v, want %d units all submitted", c.Tally, units)
			}
			b.Run("consolidate", func(b *testing.B) {
				for b.Loop() {
					if _, err := store.ConsolidateOf(ctx, root, p, f); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("hand-tuned", func(b *testing.B) {
				for b.Loop() {
					if _, err := handTuned(ctx, d, root, f, p); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
