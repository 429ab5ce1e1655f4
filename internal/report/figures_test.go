package report

import (
	"context"
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
)

func TestEncodeFigures(t *testing.T) {
	for _, tc := range []struct {
		values map[string]int64
		want   string
	}{
		{nil, `{}`},
		{map[string]int64{"b": 2, "a": -1, "dossiers_processed": 1_250_000_000}, `{"a":-1,"b":2,"dossiers_processed":1250000000}`},
	} {
		got := EncodeFigures(tc.values)
		if got != tc.want {
			t.Errorf("EncodeFigures(%v) = %s, want %s", tc.values, got, tc.want)
		}
		var back map[string]int64
		if err := json.Unmarshal([]byte(got), &back); err != nil || len(back) != len(tc.values) {
			t.Errorf("EncodeFigures(%v) = %s: not the same JSON object (%v, %v)", tc.values, got, back, err)
		}
	}
}

func TestFigureSumsAdd(t *testing.T) {
	s := figureSums{}
	for _, raw := range []string{
		`{"a":1,"b":2}`,
		`{ "a" : 10, "c" : -3 }`, // PostgreSQL's json_object_agg, as migration 0007 wrote
		"{\n\"b\":\t5}",
		`{}`,
		`{"a\u0062":7}`, // an escape: left to encoding/json
		`{"a":1.0e1}`,   // not an integer figure: encoding/json fails below
	} {
		err := s.add([]byte(raw))
		if strings.Contains(raw, "1.0e1") {
			if err == nil {
				t.Errorf("add(%s): no error", raw)
			}
			continue
		}
		if err != nil {
			t.Errorf("add(%s): %v", raw, err)
		}
	}
	want := map[string]int64{"a": 11, "b": 7, "c": -3, "ab": 7}
	if got := s.totals(); !maps.Equal(got, want) {
		t.Errorf("totals = %v, want %v", got, want)
	}
	for _, bad := range []string{``, `{`, `{"a":}`, `{"a":1,}`, `{"a":01}`, `{"a":1}x`, `[1]`, `{"a" 1}`, `{"a":-}`} {
		if err := (figureSums{}).add([]byte(bad)); err == nil {
			t.Errorf("add(%q): no error", bad)
		}
	}
}

// FuzzFigureSums checks that whatever the fast parser accepts is a JSON
// object of integers and that it adds the same sums as encoding/json's
// tokens would (a repeated code counting each time).
func FuzzFigureSums(f *testing.F) {
	for _, seed := range []string{`{"a":1,"b":-2}`, `{ "a" : 1 }`, `{}`, `{"a":1,"a":2}`, `{"a":00}`, `{"é":1}`, `{"a":9223372036854775807}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		s := figureSums{}
		if !s.addFast(raw) {
			if len(s) != 0 {
				t.Fatalf("addFast(%q) refused after adding %v", raw, s.totals())
			}
			return
		}
		if !json.Valid(raw) {
			t.Fatalf("addFast accepted invalid JSON %q", raw)
		}
		want := map[string]int64{}
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.UseNumber()
		if _, err := dec.Token(); err != nil {
			t.Fatal(err)
		}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			v, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			n, err := v.(json.Number).Int64()
			if err != nil {
				t.Fatalf("addFast accepted %q: value %v: %v", raw, v, err)
			}
			want[k.(string)] += n
		}
		if got := s.totals(); !maps.Equal(got, want) {
			t.Fatalf("addFast(%q) = %v, want %v", raw, got, want)
		}
	})
}

// TestMigrationFillsFigures runs migration 0007's filling of figures over
// reports whose values were written before it, on both databases (their
// JSON aggregates write the object differently), and checks the figures
// equal the values and consolidate.
func TestMigrationFillsFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := newScenario(t, d)
		fx := fixture{t: t, d: d, tx: d}
		fx.exec(`UPDATE reports SET figures = '{}'`)
		ms, err := db.Migrations(d.Dialect)
		if err != nil {
			t.Fatal(err)
		}
		m := ms[6]
		if m.Name != "report_figures" {
			t.Fatalf("migration 7 is %q", m.Name)
		}
		fill := m.SQL[strings.Index(m.SQL, "UPDATE"):]
		if _, err := d.ExecContext(ctx, fill); err != nil {
			t.Fatal(err)
		}
		if err := CheckFigures(ctx, d); err != nil {
			t.Error(err)
		}
		c, err := NewStore(d).ConsolidateOf(ctx, s.P.ID, s.periods["2026-Q1"], s.form)
		if err != nil {
			t.Fatal(err)
		}
		if got := valueOf(c.Values, "dossiers_processed"); got != 39 {
			t.Errorf("dossiers_processed = %v after the migration, want 39", got)
		}
	})
}
