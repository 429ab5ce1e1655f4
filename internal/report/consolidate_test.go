package report

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
)

// testDefinition is a small form: dossiers processed split three ways, a
// budget, and the on-time rate over them.
var testDefinition = Definition{
	Sections: []Section{{Code: "tthc", Title: "Cải cách thủ tục hành chính", Indicators: []Indicator{
		{Code: "dossiers_processed", Label: "Hồ sơ đã giải quyết", Kind: KindCount},
		{Code: "processed_early", Label: "Giải quyết trước hạn", Kind: KindCount},
		{Code: "processed_on_time", Label: "Giải quyết đúng hạn", Kind: KindCount},
		{Code: "processed_late", Label: "Giải quyết quá hạn", Kind: KindCount},
		{Code: "on_time_rate", Label: "Tỷ lệ giải quyết đúng hạn", Kind: KindRate,
			Formula: "(processed_early + processed_on_time) / dossiers_processed"},
		{Code: "budget_spent", Label: "Kinh phí đã chi", Kind: KindMoney},
	}}},
	Rules: []Rule{{Expr: "processed_early + processed_on_time + processed_late = dossiers_processed",
		Message: "Tổng số hồ sơ trước hạn, đúng hạn và quá hạn phải bằng số hồ sơ đã giải quyết."}},
}

// fixture writes forms, periods and reports straight into the tables, so
// these tests do not depend on the workflow's store.
type fixture struct {
	t  testing.TB
	d  *db.DB
	tx db.Querier
}

func (fx fixture) id(query string, args ...any) int64 {
	fx.t.Helper()
	var id int64
	if err := fx.tx.GetContext(context.Background(), &id, fx.tx.Rebind(query+" RETURNING id"), args...); err != nil {
		fx.t.Fatalf("%s: %v", query, err)
	}
	return id
}

func (fx fixture) exec(query string, args ...any) {
	fx.t.Helper()
	if _, err := fx.tx.ExecContext(context.Background(), fx.tx.Rebind(query), args...); err != nil {
		fx.t.Fatalf("%s: %v", query, err)
	}
}

// form stores a form with one version of def.
func (fx fixture) form(code, unitKinds string, def Definition) Form {
	fx.t.Helper()
	now := db.Now()
	f := Form{Code: code, Title: "Báo cáo " + code, UnitKinds: unitKinds, Version: 1, Definition: def}
	f.ID = fx.id(`INSERT INTO report_forms (code, title, unit_kinds, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		code, f.Title, unitKinds, now, now)
	body, err := json.Marshal(def)
	if err != nil {
		fx.t.Fatal(err)
	}
	f.VersionID = fx.id(`INSERT INTO report_form_versions (form_id, version, definition, created_at) VALUES (?, 1, ?, ?)`,
		f.ID, string(body), now)
	return f
}

// periods stores a quarterly report type and the given quarters.
func (fx fixture) periods(codes ...string) map[string]PeriodRow {
	fx.t.Helper()
	rt := ReportType{Code: "quarterly", Name: "Báo cáo quý", PeriodKind: PeriodQuarter, CutoffFromDay: 15, CutoffToDay: 14,
		UnitDeadlineDay: 5, SNVDeadlineDay: 10, GraceDays: 30, Position: 1}
	rt.ID = fx.id(`INSERT INTO report_types (code, name, period_kind, cutoff_from_day, cutoff_to_day, unit_deadline_day,
		snv_deadline_day, grace_days, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		rt.Code, rt.Name, rt.PeriodKind, rt.CutoffFromDay, rt.CutoffToDay, rt.UnitDeadlineDay, rt.SNVDeadlineDay, rt.GraceDays, rt.Position)
	out := map[string]PeriodRow{}
	for _, code := range codes {
		p, err := ParsePeriod(code)
		if err != nil {
			fx.t.Fatal(err)
		}
		row := rt.Dates(p)
		row.ID = fx.id(`INSERT INTO report_periods (type_id, code, title, starts_on, ends_on, cutoff_from, cutoff_to,
			unit_deadline, snv_deadline, locks_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			row.TypeID, row.Code, row.Title, row.StartsOn, row.EndsOn, row.CutoffFrom, row.CutoffTo,
			row.UnitDeadline, row.SNVDeadline, row.LocksOn)
		out[code] = row
	}
	return out
}

// report stores unit's report in status with values; onTime is nil for a
// report never submitted.
func (fx fixture) report(f Form, p PeriodRow, unitID int64, status string, onTime *bool, values map[string]int64) int64 {
	fx.t.Helper()
	now := db.Now()
	var submitted *time.Time
	if onTime != nil {
		submitted = &now
	}
	id := fx.id(`INSERT INTO reports (form_id, form_version_id, period_id, unit_id, status, submitted_at, on_time, created_at, updated_at, figures)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, f.ID, f.VersionID, p.ID, unitID, status, submitted, onTime, now, now, EncodeFigures(values))
	for code, v := range values {
		fx.exec(`INSERT INTO report_values (report_id, code, value) VALUES (?, ?, ?)`, id, code, v)
	}
	return id
}

// dossiers returns the values of a report that processed early, on time
// and late dossiers, and spent budget đồng.
func dossiers(early, onTime, late, budget int64) map[string]int64 {
	return map[string]int64{"dossiers_processed": early + onTime + late, "processed_early": early,
		"processed_on_time": onTime, "processed_late": late, "budget_spent": budget}
}

func ptr[T any](v T) *T { return &v }

// province is the test tree: a province with Sở Nội vụ, two districts and
// three communes. On 15/02/2026 commune B moves from district 1 to
// district 2; on 01/03/2026 commune C (district 2) merges into commune A
// (district 1).
type province struct {
	P, SNV, D1, D2, A, B, C org.Unit
}

func newProvince(t testing.TB, d *db.DB) province {
	t.Helper()
	ctx := context.Background()
	units := org.NewStore(d)
	mk := func(code, name, kind string, parent *org.Unit) org.Unit {
		in := org.Input{Code: code, Name: name, Kind: kind, ActiveFrom: civil.New(2020, time.January, 1)}
		if parent != nil {
			in.ParentID = &parent.ID
		}
		u, err := units.Create(ctx, in)
		if err != nil {
			t.Fatalf("create %s: %v", code, err)
		}
		return u
	}
	var pr province
	pr.P = mk("T", "Tỉnh Thử Nghiệm", "province", nil)
	pr.SNV = mk("SNV", "Sở Nội vụ", "agency", &pr.P)
	pr.D1 = mk("H1", "Huyện Đông Sơn", "district", &pr.P)
	pr.D2 = mk("H2", "Huyện Tây Sơn", "district", &pr.P)
	pr.A = mk("XA", "Xã An Phú", "commune", &pr.D1)
	pr.B = mk("XB", "Xã Bình Minh", "commune", &pr.D1)
	pr.C = mk("XC", "Xã Cát Tiên", "commune", &pr.D2)
	if _, err := units.Move(ctx, pr.B.ID, org.MoveInput{ParentID: pr.D2.ID,
		Change: org.Change{Effective: civil.New(2026, time.February, 15), Decision: "Nghị quyết số 1/NQ-HĐND"}}); err != nil {
		t.Fatalf("move B: %v", err)
	}
	if _, err := units.Merge(ctx, org.MergeInput{Sources: []int64{pr.C.ID}, Target: pr.A.ID,
		Change: org.Change{Effective: civil.New(2026, time.March, 1), Decision: "Nghị quyết số 2/NQ-HĐND"}}); err != nil {
		t.Fatalf("merge C: %v", err)
	}
	return pr
}

// scenarioData is the province with its reports: for 2026-Q1 A on time,
// B late and accepted, C on time (before its merger), Sở Nội vụ on time,
// district 1 a draft, district 2 nothing; for 2025-Q4 only B, then under
// district 1; 2026-Q2 has no report.
type scenarioData struct {
	province
	form    Form
	periods map[string]PeriodRow
}

func newScenario(t testing.TB, d *db.DB) scenarioData {
	t.Helper()
	s := scenarioData{province: newProvince(t, d)}
	fx := fixture{t: t, d: d, tx: d}
	s.form = fx.form("CCHC", "agency,district,commune", testDefinition)
	s.periods = fx.periods("2025-Q4", "2026-Q1", "2026-Q2")
	q1 := s.periods["2026-Q1"]
	fx.report(s.form, q1, s.A.ID, StatusSubmitted, ptr(true), dossiers(2, 6, 2, 1_000_000))
	fx.report(s.form, q1, s.B.ID, StatusAccepted, ptr(false), dossiers(1, 1, 3, 250_000))
	fx.report(s.form, q1, s.C.ID, StatusSubmitted, ptr(true), dossiers(0, 4, 0, 0))
	fx.report(s.form, q1, s.SNV.ID, StatusSubmitted, ptr(true), dossiers(10, 10, 0, 5_000_000))
	fx.report(s.form, q1, s.D1.ID, StatusDraft, nil, dossiers(50, 50, 0, 9_000_000))
	fx.report(s.form, s.periods["2025-Q4"], s.B.ID, StatusSubmitted, ptr(true), dossiers(3, 4, 0, 0))
	fx.exec(`INSERT INTO report_period_exceptions (period_id, unit_id, deadline, locks_on, reason) VALUES (?, ?, ?, ?, ?)`,
		q1.ID, s.D2.ID, civil.New(2026, time.March, 20), civil.New(2026, time.April, 19), "Gia hạn do sáp nhập xã")
	return s
}

// valueOf returns the value of code in vs, or NaN when absent.
func valueOf(vs []Value, code string) float64 {
	for _, v := range vs {
		if v.Code == code {
			return v.Value
		}
	}
	return math.NaN()
}

func TestConsolidate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newScenario(t, d)
		store := NewStore(d)
		ctx := context.Background()
		tests := []struct {
			name      string
			unit      int64
			period    string
			processed float64 // dossiers_processed
			early     float64
			onTime    float64
			budget    float64
			rate      float64 // NaN when undefined
			tally     Tally
			lines     []string // drill-down unit codes
		}{
			{name: "province sums every unit once", unit: s.P.ID, period: "2026-Q1",
				processed: 39, early: 13, onTime: 21, budget: 6_250_000, rate: 34.0 / 39,
				tally: Tally{Expected: 6, SubmittedOnTime: 3, SubmittedLate: 1, Missing: 2}, lines: []string{"H1", "H2", "SNV"}},
			{name: "district 1 lost B and never had C", unit: s.D1.ID, period: "2026-Q1",
				processed: 10, early: 2, onTime: 6, budget: 1_000_000, rate: 0.8,
				tally: Tally{Expected: 2, SubmittedOnTime: 1, Missing: 1}, lines: []string{"H1", "XA"}},
			{name: "district 2 has B since the move and C until the merger", unit: s.D2.ID, period: "2026-Q1",
				processed: 9, early: 1, onTime: 5, budget: 250_000, rate: 6.0 / 9,
				tally: Tally{Expected: 3, SubmittedOnTime: 1, SubmittedLate: 1, Missing: 1}, lines: []string{"H2", "XB", "XC"}},
			{name: "a commune alone", unit: s.C.ID, period: "2026-Q1",
				processed: 4, onTime: 4, rate: 1, tally: Tally{Expected: 1, SubmittedOnTime: 1}, lines: []string{"XC"}},
			{name: "before the move B counted in district 1", unit: s.D1.ID, period: "2025-Q4",
				processed: 7, early: 3, onTime: 4, rate: 1,
				tally: Tally{Expected: 3, SubmittedOnTime: 1, Missing: 2}, lines: []string{"H1", "XA", "XB"}},
			{name: "before the move district 2 lacks B", unit: s.D2.ID, period: "2025-Q4",
				rate: math.NaN(), tally: Tally{Expected: 2, Missing: 2}, lines: []string{"H2", "XC"}},
			{name: "after the merger C is no longer expected", unit: s.D2.ID, period: "2026-Q2",
				rate: math.NaN(), tally: Tally{Expected: 2, Missing: 2}, lines: []string{"H2", "XB"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				c, err := store.ConsolidateOf(ctx, tc.unit, s.periods[tc.period], s.form)
				if err != nil {
					t.Fatal(err)
				}
				if c.UnitID != tc.unit || c.Period != tc.period || c.Form != "CCHC" {
					t.Errorf("header = %d %s %s", c.UnitID, c.Period, c.Form)
				}
				for code, want := range map[string]float64{"dossiers_processed": tc.processed, "processed_early": tc.early,
					"processed_on_time": tc.onTime, "budget_spent": tc.budget} {
					if got := valueOf(c.Values, code); got != want {
						t.Errorf("%s = %v, want %v", code, got, want)
					}
				}
				if got := valueOf(c.Values, "on_time_rate"); !(got == tc.rate || math.IsNaN(got) && math.IsNaN(tc.rate)) &&
					math.Abs(got-tc.rate) > 1e-12 {
					t.Errorf("on_time_rate = %v, want %v", got, tc.rate)
				}
				if c.Tally != tc.tally {
					t.Errorf("tally = %+v, want %+v", c.Tally, tc.tally)
				}
				if c.Expected != c.SubmittedOnTime+c.SubmittedLate+c.Missing {
					t.Errorf("tally does not add up: %+v", c.Tally)
				}
				var codes []string
				var sum Tally
				lineSums := map[string]float64{}
				for _, l := range c.Units {
					codes = append(codes, l.Code)
					sum.add(l.Tally)
					for _, v := range l.Values {
						if v.Kind != KindRate {
							lineSums[v.Code] += v.Value
						}
					}
				}
				if fmt.Sprint(codes) != fmt.Sprint(tc.lines) {
					t.Errorf("drill-down lines = %v, want %v", codes, tc.lines)
				}
				if sum != c.Tally {
					t.Errorf("lines' tallies add to %+v, want %+v", sum, c.Tally)
				}
				for _, v := range c.Values {
					if v.Kind != KindRate && lineSums[v.Code] != v.Value {
						t.Errorf("lines' %s add to %v, want %v", v.Code, lineSums[v.Code], v.Value)
					}
				}
			})
		}
	})
}

// TestConsolidateParentEqualsChildren checks, on every period, that each
// unit's totals are its own report plus its children's consolidations, and
// that the rate is recomputed from the sums rather than averaged.
func TestConsolidateParentEqualsChildren(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newScenario(t, d)
		store := NewStore(d)
		ctx := context.Background()
		for code, p := range s.periods {
			top, err := store.ConsolidateOf(ctx, s.P.ID, p, s.form)
			if err != nil {
				t.Fatal(err)
			}
			sums := map[string]float64{}
			var tally Tally
			for _, l := range top.Units {
				if l.Own {
					t.Fatalf("%s: the province is not expected and has no report, yet has its own line", code)
				}
				child, err := store.ConsolidateOf(ctx, l.UnitID, p, s.form)
				if err != nil {
					t.Fatal(err)
				}
				tally.add(child.Tally)
				for _, v := range child.Values {
					sums[v.Code] += v.Value
				}
				if fmt.Sprint(child.Values) != fmt.Sprint(l.Values) || child.Tally != l.Tally {
					t.Errorf("%s: line of %s = %v %+v, its consolidation %v %+v", code, l.Code, l.Values, l.Tally, child.Values, child.Tally)
				}
			}
			if tally != top.Tally {
				t.Errorf("%s: children's tallies add to %+v, province has %+v", code, tally, top.Tally)
			}
			for _, v := range top.Values {
				if v.Kind != KindRate && sums[v.Code] != v.Value {
					t.Errorf("%s: children's %s add to %v, province has %v", code, v.Code, sums[v.Code], v.Value)
				}
			}
			if proc := valueOf(top.Values, "dossiers_processed"); proc > 0 {
				want := (valueOf(top.Values, "processed_early") + valueOf(top.Values, "processed_on_time")) / proc
				if got := valueOf(top.Values, "on_time_rate"); math.Abs(got-want) > 1e-12 {
					t.Errorf("%s: on_time_rate = %v, want %v", code, got, want)
				}
			}
		}
	})
}

func TestConsolidateByCode(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newScenario(t, d)
		store := NewStore(d)
		ctx := context.Background()
		tests := []struct {
			name         string
			unit         int64
			period, form string
			notFound     bool
		}{
			{name: "codes as typed", unit: s.P.ID, period: "2026-q1", form: "CCHC"},
			{name: "unknown unit", unit: 999999, period: "2026-Q1", form: "CCHC", notFound: true},
			{name: "unknown period", unit: s.P.ID, period: "2027-Q1", form: "CCHC", notFound: true},
			{name: "unknown form", unit: s.P.ID, period: "2026-Q1", form: "KHAC", notFound: true},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				c, err := store.Consolidate(ctx, tc.unit, tc.period, tc.form)
				tl, terr := store.Timeliness(ctx, tc.unit, tc.period, tc.form)
				if tc.notFound {
					if !errors.Is(err, db.ErrNotFound) {
						t.Errorf("consolidate err = %v, want db.ErrNotFound", err)
					}
					if tc.unit == s.P.ID && !errors.Is(terr, db.ErrNotFound) {
						t.Errorf("timeliness err = %v, want db.ErrNotFound", terr)
					}
					return
				}
				if err != nil || terr != nil {
					t.Fatal(err, terr)
				}
				if c.Period != "2026-Q1" || valueOf(c.Values, "dossiers_processed") != 39 || c.Tally != tl.Tally {
					t.Errorf("consolidation %s %v %+v, timeliness %+v", c.Period, c.Values, c.Tally, tl.Tally)
				}
			})
		}
	})
}

// TestConsolidateAllKinds checks a form without unit kinds: every unit,
// the province included, is expected, and the province's own report is
// its own line.
func TestConsolidateAllKinds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newScenario(t, d)
		fx := fixture{t: t, d: d, tx: d}
		f := fx.form("CHUYEN_DE", "", testDefinition)
		q1 := s.periods["2026-Q1"]
		fx.report(f, q1, s.P.ID, StatusSubmitted, ptr(false), dossiers(0, 1, 0, 0))
		c, err := NewStore(d).ConsolidateOf(context.Background(), s.P.ID, q1, f)
		if err != nil {
			t.Fatal(err)
		}
		want := Tally{Expected: 7, SubmittedLate: 1, Missing: 6}
		if c.Tally != want {
			t.Errorf("tally = %+v, want %+v", c.Tally, want)
		}
		if len(c.Units) == 0 || !c.Units[0].Own || c.Units[0].Code != "T" || c.Units[0].Status != StatusSubmitted {
			t.Fatalf("first line = %+v, want the province's own report", c.Units)
		}
		if got := valueOf(c.Units[0].Values, "dossiers_processed"); got != 1 {
			t.Errorf("province's own dossiers_processed = %v, want 1", got)
		}
	})
}

func TestDefinitionValues(t *testing.T) {
	tests := []struct {
		name string
		sums map[string]int64
		want string
	}{
		{name: "nothing reported: zero counts, no rate", sums: nil,
			want: "[{dossiers_processed count 0} {processed_early count 0} {processed_on_time count 0} {processed_late count 0} {budget_spent money 0}]"},
		{name: "rate after the counts", sums: dossiers(1, 2, 1, 5),
			want: "[{dossiers_processed count 4} {processed_early count 1} {processed_on_time count 2} {processed_late count 1} {budget_spent money 5} {on_time_rate rate 0.75}]"},
		{name: "codes of older versions last, by code", sums: map[string]int64{"z_old": 2, "a_old": 1, "dossiers_processed": 0},
			want: "[{dossiers_processed count 0} {processed_early count 0} {processed_on_time count 0} {processed_late count 0} {budget_spent money 0} {a_old count 1} {z_old count 2}]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := fmt.Sprint(testDefinition.values(tc.sums)); got != tc.want {
				t.Errorf("values = %s\nwant %s", got, tc.want)
			}
		})
	}
}
