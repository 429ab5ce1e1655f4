package national

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/report"
	"cchc/internal/vn"
)

// Config says what Build generates.
type Config struct {
	// Units is the number of units below the root (see ShapeOf), between
	// MinUnits and MaxUnits.
	Units int
	// Indicators is the number of counts of the form (it has one rate per
	// ten counts on top), between MinIndicators and MaxIndicators.
	Indicators int
	// Year is the year whose four quarters are reported.
	Year int
	// Progress, when set, receives one line per step with its duration.
	Progress io.Writer
}

// DefaultConfig is the national size: 12,600 units, 100 counts, 2024.
func DefaultConfig() Config { return Config{Units: 12600, Indicators: 100, Year: 2024} }

// Summary is what Build generated.
type Summary struct {
	Shape
	RootID     int64    // "Cả nước", above the provinces
	ProvinceID int64    // the first province ("Tỉnh 1")
	Form       string   // FormCode
	Periods    []string // the quarters reported, "2024-Q1" ...
	Reports    int
	Values     int
	Took       time.Duration
}

// check returns what is wrong with c.
func (c Config) check() error {
	switch {
	case c.Units < MinUnits || c.Units > MaxUnits:
		return fmt.Errorf("national: %d units: the dataset has between %d and %d units", c.Units, MinUnits, MaxUnits)
	case c.Indicators < MinIndicators || c.Indicators > MaxIndicators:
		return fmt.Errorf("national: %d indicators: the form has between %d and %d counts", c.Indicators, MinIndicators, MaxIndicators)
	case c.Year < 2000 || c.Year > 2100:
		return fmt.Errorf("national: year %d: choose a year between 2000 and 2100", c.Year)
	}
	return nil
}

// unit is a generated unit.
type unit struct {
	id, parent int64 // parent 0: none
	code, name string
	kind       string
}

// units returns the generated tree in id order from firstID: the root,
// then each province followed by its agencies, and its districts each
// followed by its communes.
func (s Shape) units(firstID int64) []unit {
	out := make([]unit, 0, s.Units()+1)
	id := firstID
	add := func(parent int64, code, name, kind string) int64 {
		out = append(out, unit{id: id, parent: parent, code: code, name: name, kind: kind})
		id++
		return id - 1
	}
	root := add(0, "VN", "Cả nước", "other")
	district := 0
	for p := range s.Provinces {
		prov := add(root, fmt.Sprintf("T%02d", p+1), fmt.Sprintf("Tỉnh %d", p+1), "province")
		for a := range share(s.Agencies, s.Provinces, p) {
			add(prov, fmt.Sprintf("T%02d-S%02d", p+1, a+1), fmt.Sprintf("Sở %d, tỉnh %d", a+1, p+1), "agency")
		}
		for h := range share(s.Districts, s.Provinces, p) {
			dist := add(prov, fmt.Sprintf("T%02d-H%02d", p+1, h+1), fmt.Sprintf("Huyện %d, tỉnh %d", h+1, p+1), "district")
			for x := range share(s.Communes, s.Districts, district) {
				add(dist, fmt.Sprintf("T%02d-H%02d-X%03d", p+1, h+1, x+1), fmt.Sprintf("Xã %d, huyện %d, tỉnh %d", x+1, h+1, p+1), "commune")
			}
			district++
		}
	}
	return out
}

// Build generates the dataset of c into d, which must have no units yet:
// the report calendar's defaults and the periods of c.Year, the form
// FormCode, the units with their first version (all active since
// 01/01/2020), and for each quarter of c.Year a submitted report of every
// agency, district and commune with its values (one in twelve late, the
// first three quarters accepted). Each quarter is one transaction, and so
// are the units. On PostgreSQL the tables are analyzed at the end, as
// autovacuum would.
func Build(ctx context.Context, d *db.DB, c Config) (Summary, error) {
	if err := c.check(); err != nil {
		return Summary{}, err
	}
	progress := c.Progress
	if progress == nil {
		progress = io.Discard
	}
	start := time.Now()
	var n int
	if err := d.GetContext(ctx, &n, `SELECT COUNT(*) FROM units`); err != nil {
		return Summary{}, fmt.Errorf("national: count units: %w", err)
	}
	if n > 0 {
		return Summary{}, fmt.Errorf("national: the database already has %d units; the national dataset needs an empty database", n)
	}
	sum := Summary{Shape: ShapeOf(c.Units), Form: FormCode}
	store := report.NewStore(d)
	err := d.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := report.EnsureDefaults(ctx, tx); err != nil {
			return err
		}
		return report.EnsurePeriods(ctx, tx, c.Year)
	})
	if err != nil {
		return Summary{}, fmt.Errorf("national: calendar of %d: %w", c.Year, err)
	}
	form, err := store.SaveForm(ctx, report.FormInput{Code: FormCode, Title: formTitle, UnitKinds: formKinds,
		Definition: Definition(c.Indicators)}, 0)
	if err != nil {
		return Summary{}, fmt.Errorf("national: form %s: %w", FormCode, err)
	}

	step := time.Now()
	units := sum.Shape.units(1)
	if err := loadUnits(ctx, d, units); err != nil {
		return Summary{}, err
	}
	sum.RootID, sum.ProvinceID = units[0].id, units[1].id
	fmt.Fprintf(progress, "units: %d (%s) in %s\n", len(units), sum.Shape, since(step))

	var reporting []unit
	for _, u := range units {
		if u.kind == "agency" || u.kind == "district" || u.kind == "commune" {
			reporting = append(reporting, u)
		}
	}
	for q := 1; q <= 4; q++ {
		step = time.Now()
		p, err := report.PeriodByCode(ctx, d, fmt.Sprintf("%d-Q%d", c.Year, q))
		if err != nil {
			return Summary{}, fmt.Errorf("national: quarter %d of %d: %w", q, c.Year, err)
		}
		firstID := int64(sum.Reports + 1)
		values, err := loadQuarter(ctx, d, form, p, q, reporting, c.Indicators, firstID)
		if err != nil {
			return Summary{}, err
		}
		sum.Periods = append(sum.Periods, p.Code)
		sum.Reports += len(reporting)
		sum.Values += values
		fmt.Fprintf(progress, "%s: %d reports, %d values in %s\n", p.Code, len(reporting), values, since(step))
	}
	if d.Dialect == db.Postgres {
		step = time.Now()
		if err := inTx(ctx, d, func(l loader) error {
			for _, seq := range []string{"units", "reports"} {
				if err := l.exec(ctx, `SELECT setval(pg_get_serial_sequence('`+seq+`', 'id'), MAX(id)) FROM `+seq); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return Summary{}, err
		}
		for _, table := range []string{"units", "unit_versions", "reports", "report_values"} {
			if _, err := d.ExecContext(ctx, "ANALYZE "+table); err != nil {
				return Summary{}, fmt.Errorf("national: analyze %s: %w", table, err)
			}
		}
		fmt.Fprintf(progress, "analyze: %s\n", since(step))
	}
	sum.Took = since(start)
	fmt.Fprintf(progress, "done: %d units, %d reports, %d values in %s\n", len(units), sum.Reports, sum.Values, sum.Took)
	return sum, nil
}

// activeFrom is the first day of every generated unit.
var activeFrom = civil.New(2020, time.January, 1)

// loadUnits writes units and their first versions in one transaction.
func loadUnits(ctx context.Context, d *db.DB, units []unit) error {
	now := db.Now()
	coll := vn.NewCollator()
	return inTx(ctx, d, func(l loader) error {
		i := 0
		row := make([]any, 10)
		_, err := l.load(ctx, "units", []string{"id", "code", "name", "kind", "parent_id", "active_from", "search_text",
			"sort_key", "created_at", "updated_at"}, func() ([]any, bool) {
			if i == len(units) {
				return nil, false
			}
			u := units[i]
			i++
			row[0], row[1], row[2], row[3], row[4] = u.id, u.code, u.name, u.kind, parentOf(u)
			row[5], row[6], row[7] = activeFrom, vn.Fold(u.name)+" |  | "+vn.Fold(u.code), coll.Key(u.name)
			row[8], row[9] = now, now
			return row, true
		})
		if err != nil {
			return err
		}
		i = 0
		_, err = l.load(ctx, "unit_versions", []string{"unit_id", "valid_from", "name", "parent_id"}, func() ([]any, bool) {
			if i == len(units) {
				return nil, false
			}
			u := units[i]
			i++
			return []any{u.id, activeFrom, u.name, parentOf(u)}, true
		})
		return err
	})
}

// parentOf returns u's parent id, or nil for the root.
func parentOf(u unit) any {
	if u.parent == 0 {
		return nil
	}
	return u.parent
}

// loadQuarter writes, in one transaction, the report of quarter q (period
// p) of every unit of reporting, ids from firstID, and its n values, and
// returns the number of values written. One report in twelve was sent
// three days after the deadline; the others the day before. Reports of
// the first three quarters are accepted, the fourth's submitted.
func loadQuarter(ctx context.Context, d *db.DB, f report.Form, p report.PeriodRow, q int, reporting []unit, n int, firstID int64) (int, error) {
	status := report.StatusAccepted
	if q == 4 {
		status = report.StatusSubmitted
	}
	onTimeAt := p.UnitDeadline.AddDays(-1).Time().Add(9 * time.Hour)
	lateAt := p.UnitDeadline.AddDays(3).Time().Add(15 * time.Hour)
	reviewedAt := p.SNVDeadline.Time().Add(10 * time.Hour)
	values := 0
	err := inTx(ctx, d, func(l loader) error {
		i := 0
		_, err := l.load(ctx, "reports", []string{"id", "form_id", "form_version_id", "period_id", "unit_id", "status",
			"submitted_at", "on_time", "accepted_at", "created_at", "updated_at", "figures"}, func() ([]any, bool) {
			if i == len(reporting) {
				return nil, false
			}
			u := reporting[i]
			id := firstID + int64(i)
			i++
			onTime := mix(uint64(u.id)<<4|uint64(q))%12 != 0
			at := onTimeAt
			if !onTime {
				at = lateAt
			}
			var accepted any
			if status == report.StatusAccepted {
				accepted = reviewedAt
			}
			figures := report.EncodeFigures(Values(n, u.id, q, u.kind))
			return []any{id, f.ID, f.VersionID, p.ID, u.id, status, at, onTime, accepted, at, at, figures}, true
		})
		if err != nil {
			return err
		}
		codes := make([]string, n)
		for k := range codes {
			codes[k] = CountCode(k)
		}
		figs := make([]int64, n)
		row := make([]any, 3)
		i, k := -1, n
		values, err = l.load(ctx, "report_values", []string{"report_id", "code", "value"}, func() ([]any, bool) {
			if k == n {
				if i+1 == len(reporting) {
					return nil, false
				}
				i, k = i+1, 0
				Figures(figs, reporting[i].id, q, reporting[i].kind)
			}
			row[0], row[1], row[2] = firstID+int64(i), codes[k], figs[k]
			k++
			return row, true
		})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("national: reports of %s: %w", p.Code, err)
	}
	return values, nil
}
