package national

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/report"
)

func TestShapeOf(t *testing.T) {
	tests := []struct {
		units int
		want  Shape
	}{
		{12600, Shape{Provinces: 63, Agencies: 1203, Districts: 702, Communes: 10632}},
		{12000, Shape{Provinces: 60, Agencies: 1146, Districts: 668, Communes: 10126}},
		{600, Shape{Provinces: 3, Agencies: 57, Districts: 33, Communes: 507}},
		{MinUnits, Shape{Provinces: 1, Agencies: 0, Districts: 1, Communes: 8}},
		{100_000, Shape{Provinces: 63, Agencies: 9593, Districts: 5596, Communes: 84748}},
	}
	for _, tt := range tests {
		got := ShapeOf(tt.units)
		if got != tt.want {
			t.Errorf("ShapeOf(%d) = %+v, want %+v", tt.units, got, tt.want)
		}
		if got.Units() != tt.units {
			t.Errorf("ShapeOf(%d) has %d units", tt.units, got.Units())
		}
	}
}

func TestShare(t *testing.T) {
	tests := []struct {
		total, n int
		want     []int
	}{
		{10, 3, []int{4, 3, 3}},
		{9, 3, []int{3, 3, 3}},
		{2, 4, []int{1, 1, 0, 0}},
	}
	for _, tt := range tests {
		sum := 0
		for i, w := range tt.want {
			if got := share(tt.total, tt.n, i); got != w {
				t.Errorf("share(%d, %d, %d) = %d, want %d", tt.total, tt.n, i, got, w)
			}
			sum += w
		}
		if sum != tt.total {
			t.Errorf("shares of %d over %d add up to %d", tt.total, tt.n, sum)
		}
	}
}

func TestDefinition(t *testing.T) {
	tests := []struct {
		counts, rates int
	}{
		{100, 10},
		{12, 1},
		{2, 1},
		{3, 1},
	}
	for _, tt := range tests {
		d := Definition(tt.counts)
		if err := d.Validate(); err != nil {
			t.Errorf("Definition(%d) is not a valid form: %v", tt.counts, err)
		}
		counts, rates := 0, 0
		for _, in := range d.Indicators() {
			switch in.Kind {
			case report.KindCount:
				counts++
			case report.KindRate:
				rates++
			}
		}
		if counts != tt.counts || rates != tt.rates || len(d.Rules) != tt.rates {
			t.Errorf("Definition(%d): %d counts, %d rates, %d rules; want %d, %d, %d",
				tt.counts, counts, rates, len(d.Rules), tt.counts, tt.rates, tt.rates)
		}
	}
}

func TestValuesPassTheRules(t *testing.T) {
	d := Definition(100)
	for _, kind := range []string{"agency", "district", "commune"} {
		for unit := int64(1); unit <= 300; unit++ {
			for q := 1; q <= 4; q++ {
				vals := Values(100, unit, q, kind)
				if len(vals) != 100 {
					t.Fatalf("%s %d Q%d: %d values", kind, unit, q, len(vals))
				}
				if errs := d.Check(vals); len(errs) > 0 {
					t.Fatalf("%s %d Q%d breaks the rules: %v", kind, unit, q, errs)
				}
				for code, v := range vals {
					if v < 0 {
						t.Fatalf("%s %d Q%d: %s = %d", kind, unit, q, code, v)
					}
				}
			}
		}
	}
	a, b := Values(10, 7, 1, "commune"), Values(10, 7, 1, "commune")
	for code := range a {
		if a[code] != b[code] {
			t.Fatalf("Values is not deterministic: %s %d then %d", code, a[code], b[code])
		}
	}
}

func TestConfigCheck(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"default", DefaultConfig(), true},
		{"too few units", Config{Units: 5, Indicators: 100, Year: 2024}, false},
		{"one indicator", Config{Units: 100, Indicators: 1, Year: 2024}, false},
		{"year", Config{Units: 100, Indicators: 10, Year: 1999}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.cfg.check(); (err == nil) != tt.ok {
				t.Errorf("check() = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func TestBuild(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var progress bytes.Buffer
		cfg := Config{Units: 420, Indicators: 12, Year: 2024, Progress: &progress}
		sum, err := Build(ctx, d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := report.CheckFigures(ctx, d); err != nil {
			t.Error(err)
		}
		shape := ShapeOf(cfg.Units)
		if sum.Shape != shape || sum.Reports != 4*shape.Reporting() || sum.Values != 12*sum.Reports {
			t.Fatalf("summary %+v for shape %+v", sum, shape)
		}
		for _, want := range []string{"units: 421", "2024-Q1: ", "2024-Q4: ", "done: "} {
			if !strings.Contains(progress.String(), want) {
				t.Errorf("progress lacks %q:\n%s", want, progress.String())
			}
		}

		kinds := map[string]int{}
		var rows []struct {
			Kind       string `db:"kind"`
			ParentKind string `db:"parent_kind"`
			N          int    `db:"n"`
		}
		if err := d.SelectContext(ctx, &rows, `SELECT u.kind, COALESCE(p.kind, '') AS parent_kind, COUNT(*) AS n
			FROM units u LEFT JOIN units p ON p.id = u.parent_id GROUP BY u.kind, p.kind`); err != nil {
			t.Fatal(err)
		}
		wantParent := map[string]string{"other": "", "province": "other", "agency": "province", "district": "province", "commune": "district"}
		for _, r := range rows {
			if wantParent[r.Kind] != r.ParentKind {
				t.Errorf("%d units of kind %s under a %q", r.N, r.Kind, r.ParentKind)
			}
			kinds[r.Kind] += r.N
		}
		if kinds["province"] != shape.Provinces || kinds["agency"] != shape.Agencies ||
			kinds["district"] != shape.Districts || kinds["commune"] != shape.Communes || kinds["other"] != 1 {
			t.Errorf("units by kind %v, want %+v and one root", kinds, shape)
		}
		var versions int
		if err := d.GetContext(ctx, &versions, `SELECT COUNT(*) FROM unit_versions v JOIN units u ON u.id = v.unit_id
			WHERE v.parent_id IS NOT DISTINCT FROM u.parent_id`); err != nil {
			t.Fatal(err)
		}
		if versions != shape.Units()+1 {
			t.Errorf("%d unit versions matching their unit, want %d", versions, shape.Units()+1)
		}

		store := report.NewStore(d)
		for _, q := range sum.Periods {
			c, err := store.Consolidate(ctx, sum.RootID, q, FormCode)
			if err != nil {
				t.Fatal(err)
			}
			var want struct {
				Total int64 `db:"total"`
				Late  int   `db:"late"`
			}
			if err := d.GetContext(ctx, &want, d.Rebind(`SELECT
				(SELECT CAST(SUM(rv.value) AS BIGINT) FROM report_values rv JOIN reports r ON r.id = rv.report_id
					JOIN report_periods p ON p.id = r.period_id WHERE p.code = ? AND rv.code = 'c001') AS total,
				(SELECT COUNT(*) FROM reports r JOIN report_periods p ON p.id = r.period_id
					WHERE p.code = ? AND NOT r.on_time) AS late`), q, q); err != nil {
				t.Fatal(err)
			}
			if c.Values[0].Code != "c001" || int64(c.Values[0].Value) != want.Total {
				t.Errorf("%s: consolidated %+v, want c001 = %d", q, c.Values[0], want.Total)
			}
			if c.Expected != shape.Reporting() || c.Missing != 0 || c.SubmittedLate != want.Late || want.Late == 0 {
				t.Errorf("%s: tally %+v, want %d expected, %d late, none missing", q, c.Tally, shape.Reporting(), want.Late)
			}
		}
		// A report written through the store after the load gets a fresh id.
		var commune int64
		if err := d.GetContext(ctx, &commune, `SELECT MIN(id) FROM units WHERE kind = 'commune'`); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Open(ctx, FormCode, "2025-Q1", commune, 0); err != nil {
			t.Fatalf("open a new report after the load: %v", err)
		}
		if _, err := Build(ctx, d, cfg); err == nil || !strings.Contains(err.Error(), "empty database") {
			t.Errorf("second Build: %v, want a refusal of a database with units", err)
		}
	})
}
