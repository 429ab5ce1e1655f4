package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
	"cchc/internal/vn"
)

// Size of the benchmark: the 700 units × 100 sub-criteria.
const (
	benchUnits  = 700
	benchFields = 8
	benchCrit   = 5 // per field: 40 criteria
)

// benchUnit is one unit of the benchmark: what it typed or cchc computed
// for each leaf (by leaf index), whether each applies, and how the
// appraisal moved each self-score.
type benchUnit struct {
	id          int64
	name        string
	ranked      bool
	inputs      []rule.Input
	notApplies  []bool
	appraisalBy []rule.Points
}

// benchData is a framework of 8 fields, 40 criteria and 100 leaves (score
// leaves under every rule type, automatic ones included; 10 survey leaves;
// a bonus and a penalty) and 700 units' inputs.
type benchData struct {
	f      Framework
	items  []Item
	leaves []Item
	units  []benchUnit
}

// benchLeafRule returns the kind, maximum and rule of the n-th leaf, the
// s-th of criterion c of field f.
func benchLeafRule(f, c, s, n int) (string, rule.Points, rule.Spec) {
	from := func(v float64) *float64 { return &v }
	switch {
	case f == benchFields:
		return KindSurvey, 200, rule.Spec{Type: rule.TypeSurvey}
	case f == benchFields-1 && c == benchCrit && s == 1:
		return KindBonus, 100, rule.Spec{Type: rule.TypeManual}
	case f == benchFields-1 && c == benchCrit && s == 2:
		return KindPenalty, 100, rule.Spec{Type: rule.TypeManual}
	}
	switch n % 8 {
	case 0:
		return KindScore, 200, rule.Spec{Type: rule.TypeManual}
	case 1:
		return KindScore, 100, rule.Spec{Type: rule.TypeYesNo}
	case 2:
		return KindScore, 200, rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
			{From: from(0.9), Points: 200},
			{From: from(0.7), FromIncl: true, To: from(0.9), ToIncl: true, Points: 100},
			{To: from(0.7), Points: 0}}}
	case 3:
		return KindScore, 100, rule.Spec{Type: rule.TypeProportional}
	case 4:
		return KindScore, 100, rule.Spec{Type: rule.TypeTimeliness}
	case 5:
		return KindScore, 100, rule.DefaultFor(rule.SourcePlanOnTime)
	case 6:
		return KindScore, 200, rule.DefaultFor(rule.SourcePlanCompletion)
	}
	return KindScore, 100, rule.DefaultFor(rule.SourceReportsOnTime)
}

// benchInput returns a random input of what spec needs for an item of max.
func benchInput(rng *rand.Rand, spec rule.Spec, maxPoints rule.Points) rule.Input {
	need := spec.Needs()
	if need == rule.NeedAuto {
		need = rule.DefaultThen(spec.Source, maxPoints).Needs()
	}
	var in rule.Input
	switch need {
	case rule.NeedPoints:
		p := rule.Points(25 * rng.IntN(int(maxPoints)/25+1))
		in.Points = &p
	case rule.NeedYes:
		y := rng.IntN(5) > 0
		in.Yes = &y
	case rule.NeedRatio:
		r := 0.5 + rng.Float64()/2
		in.Ratio = &r
	case rule.NeedTimeliness:
		in.Timeliness = []string{rule.OnTime, rule.OnTime, rule.OnTime, rule.Late, rule.NotDone}[rng.IntN(5)]
	case rule.NeedAnswer:
		in.Answer = []string{"A", "A", "B", "B", "C", "D"}[rng.IntN(6)]
	}
	return in
}

// newBenchData builds the framework and n units' inputs, the same every
// run.
func newBenchData(tb testing.TB, n int) *benchData {
	tb.Helper()
	bd := &benchData{f: Framework{ID: 1, Year: 2025, UnitKind: "commune", Stage: StageFinal}}
	add := func(parent int64, number, level, kind string, maxPoints rule.Points, spec rule.Spec, optional bool) int64 {
		it := Item{ID: int64(len(bd.items) + 1), FrameworkID: 1, Position: len(bd.items) + 1, Number: number, Level: level,
			Title: "Tiêu chí " + number, MaxPoints: maxPoints, Rule: spec, Kind: kind, Optional: optional}
		if parent != 0 {
			it.ParentID = &parent
		}
		bd.items = append(bd.items, it)
		return it.ID
	}
	leaf := 0
	for f := 1; f <= benchFields; f++ {
		fid := add(0, fmt.Sprint(f), LevelField, KindScore, 0, rule.Spec{}, false)
		for c := 1; c <= benchCrit; c++ {
			cid := add(fid, fmt.Sprintf("%d.%d", f, c), LevelCriterion, KindScore, 0, rule.Spec{}, false)
			subs := 2
			if (f-1)*benchCrit+c <= 20 {
				subs = 3
			}
			for s := 1; s <= subs; s++ {
				kind, maxPoints, spec := benchLeafRule(f, c, s, leaf)
				if err := spec.Validate(maxPoints); err != nil {
					tb.Fatalf("leaf %d.%d.%d: %v", f, c, s, err)
				}
				add(cid, fmt.Sprintf("%d.%d.%d", f, c, s), LevelSub, kind, maxPoints, spec, kind == KindScore && leaf%17 == 5)
				leaf++
			}
		}
	}
	// Parents' maxima: the sum of their score and survey children, from
	// the bottom up (children always follow their parent).
	for i := len(bd.items) - 1; i >= 0; i-- {
		it := bd.items[i]
		if it.ParentID != nil && (it.Kind == KindScore || it.Kind == KindSurvey) {
			bd.items[*it.ParentID-1].MaxPoints += it.MaxPoints
		}
	}
	bd.leaves = BuildTree(bd.items).Leaves()
	if len(bd.leaves) != 100 || len(bd.items) != 148 {
		tb.Fatalf("%d leaves of %d items, want 100 of 148", len(bd.leaves), len(bd.items))
	}
	rng := rand.New(rand.NewPCG(2025, 7))
	syllables := []string{"An", "Bình", "Châu", "Đông", "Hòa", "Long", "Mỹ", "Phú", "Tân", "Thạnh", "Vĩnh", "Xuân"}
	for u := range n {
		bu := benchUnit{id: int64(u + 1), ranked: u%50 != 49,
			name:        fmt.Sprintf("Xã %s %s %03d", syllables[u%12], syllables[(u/12)%12], u),
			inputs:      make([]rule.Input, len(bd.leaves)),
			notApplies:  make([]bool, len(bd.leaves)),
			appraisalBy: make([]rule.Points, len(bd.leaves))}
		for i, leaf := range bd.leaves {
			bu.inputs[i] = benchInput(rng, leaf.Rule, leaf.MaxPoints)
			bu.notApplies[i] = leaf.Optional && rng.IntN(3) == 0
			if leaf.Kind == KindScore && rng.IntN(10) == 0 {
				bu.appraisalBy[i] = rule.Points(25 * (rng.IntN(4) - 2)) // −0,5 .. +0,25
			}
		}
		bd.units = append(bd.units, bu)
	}
	return bd
}

// score re-scores every unit's every input with its leaf's rule: the
// scores Compute takes, by assessment id (the unit's id).
func (bd *benchData) score(tb testing.TB) map[int64][]Score {
	out := make(map[int64][]Score, len(bd.units))
	for _, u := range bd.units {
		scores := make([]Score, len(bd.leaves))
		for i, leaf := range bd.leaves {
			sc := Score{AssessmentID: u.id, ItemID: leaf.ID, Applicable: !u.notApplies[i]}
			if sc.Applicable {
				res, err := leaf.Rule.Score(leaf.MaxPoints, u.inputs[i])
				if err != nil {
					tb.Fatalf("score %s of unit %d: %v", leaf.Number, u.id, err)
				}
				p := res.Points
				if leaf.Kind == KindSurvey {
					sc.SurveyPoints = &p
				} else {
					a := min(max(p+u.appraisalBy[i], 0), leaf.MaxPoints)
					sc.SelfPoints, sc.AppraisedPoints = &p, &a
				}
			}
			scores[i] = sc
		}
		out[u.id] = scores
	}
	return out
}

// recompute scores every input and computes the ranked results.
func (bd *benchData) recompute(tb testing.TB) Results {
	scores := bd.score(tb)
	as := make([]Assessment, len(bd.units))
	names := make(map[int64]string, len(bd.units))
	for i, u := range bd.units {
		as[i] = Assessment{ID: u.id, UnitID: u.id, Status: StatusFinal, SubmittedAt: &resultsSubmittedAt, Ranked: u.ranked}
		names[u.id] = u.name
	}
	return Compute(bd.f, BuildTree(bd.items), DefaultBands(), as, scores, names)
}

// store writes the units, and the framework of year with its items,
// bands, assessments and scores, in one transaction, and returns the
// framework's id. Unit ids are looked up by code, so it can run twice
// (two years) on one database.
func (bd *benchData) store(tb testing.TB, d *db.DB, year int) int64 {
	tb.Helper()
	ctx := context.Background()
	scores := bd.score(tb)
	var fid int64
	err := d.InTx(ctx, func(tx *sqlx.Tx) error {
		now := db.Now()
		var have int
		if err := tx.GetContext(ctx, &have, `SELECT COUNT(*) FROM units WHERE code LIKE 'BENCH-%'`); err != nil {
			return err
		}
		if have == 0 {
			var rows [][]any
			for _, u := range bd.units {
				rows = append(rows, []any{fmt.Sprintf("BENCH-%03d", u.id), u.name, "commune",
					civil.New(2015, time.January, 1), vn.SortKey(u.name), now, now})
			}
			if err := resultsInsertRows(ctx, tx, "units", []string{"code", "name", "kind", "active_from", "sort_key",
				"created_at", "updated_at"}, rows); err != nil {
				return err
			}
		}
		var units []struct {
			ID   int64  `db:"id"`
			Code string `db:"code"`
		}
		if err := tx.SelectContext(ctx, &units, `SELECT id, code FROM units WHERE code LIKE 'BENCH-%'`); err != nil {
			return err
		}
		unitID := map[string]int64{}
		for _, u := range units {
			unitID[u.Code] = u.ID
		}
		if err := tx.GetContext(ctx, &fid, tx.Rebind(`INSERT INTO index_frameworks (year, unit_kind, title, stage, published,
			created_at, updated_at) VALUES (?, 'commune', ?, ?, ?, ?, ?) RETURNING id`),
			year, fmt.Sprintf("Bộ chỉ số cấp xã năm %d", year), StageFinal, true, now, now); err != nil {
			return err
		}
		itemID := map[int64]int64{}
		for _, it := range bd.items {
			js, err := json.Marshal(it.Rule)
			if err != nil {
				return err
			}
			var parent *int64
			if it.ParentID != nil {
				p := itemID[*it.ParentID]
				parent = &p
			}
			var id int64
			if err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO index_items (framework_id, parent_id, position, number,
				level, title, max_points, rule, kind, evidence_required, optional, group_tag, guidance)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '') RETURNING id`), fid, parent, it.Position, it.Number,
				it.Level, it.Title, it.MaxPoints, string(js), it.Kind, false, it.Optional); err != nil {
				return err
			}
			itemID[it.ID] = id
		}
		var bands [][]any
		for _, b := range DefaultBands() {
			bands = append(bands, []any{fid, b.MinPercent, b.Label})
		}
		if err := resultsInsertRows(ctx, tx, "index_bands", []string{"framework_id", "min_percent", "label"}, bands); err != nil {
			return err
		}
		var as [][]any
		for _, u := range bd.units {
			as = append(as, []any{fid, unitID[fmt.Sprintf("BENCH-%03d", u.id)], StatusFinal, u.ranked, now, now, now})
		}
		if err := resultsInsertRows(ctx, tx, "index_assessments", []string{"framework_id", "unit_id", "status", "ranked",
			"submitted_at", "created_at", "updated_at"}, as); err != nil {
			return err
		}
		var stored []struct {
			ID     int64 `db:"id"`
			UnitID int64 `db:"unit_id"`
		}
		if err := tx.SelectContext(ctx, &stored, tx.Rebind(`SELECT id, unit_id FROM index_assessments WHERE framework_id = ?`), fid); err != nil {
			return err
		}
		assessmentOf := map[int64]int64{}
		for _, a := range stored {
			assessmentOf[a.UnitID] = a.ID
		}
		var rows [][]any
		for _, u := range bd.units {
			aid := assessmentOf[unitID[fmt.Sprintf("BENCH-%03d", u.id)]]
			for _, sc := range scores[u.id] {
				rows = append(rows, []any{aid, itemID[sc.ItemID], sc.Applicable, resultsPointsArg(sc.SelfPoints),
					resultsPointsArg(sc.AppraisedPoints), resultsPointsArg(sc.SurveyPoints), now})
			}
		}
		return resultsInsertRows(ctx, tx, "index_scores", []string{"assessment_id", "item_id", "applicable", "self_points",
			"appraised_points", "survey_points", "updated_at"}, rows)
	})
	if err != nil {
		tb.Fatalf("store benchmark data of %d: %v", year, err)
	}
	return fid
}

// BenchmarkResults measures the target, recomputing every score
// and the ranking of 700 units × 100 sub-criteria (under 1 s):
//
//   - compute: re-scores every input with its rule (rule.Spec.Score), then
//     Compute: totals, components, bands, lost points and ranking;
//   - compute-only: Compute alone on scores already made;
//   - store/sqlite, store/postgres: Store.Results reading a stored final
//     framework and the year before's (for the change from last year), so
//     two frameworks of 70 000 scores each.
//
// Run: CCHC_TEST_POSTGRES=postgres://... go test ./internal/index -run '^$' -bench BenchmarkResults -benchtime 20x
func BenchmarkResults(b *testing.B) {
	bd := newBenchData(b, benchUnits)
	b.Run("compute", func(b *testing.B) {
		for b.Loop() {
			r := bd.recompute(b)
			if len(r.Units) != benchUnits || r.Units[0].Rank == nil {
				b.Fatalf("%d units, first %+v", len(r.Units), r.Units[0])
			}
		}
	})
	b.Run("compute-only", func(b *testing.B) {
		scores := bd.score(b)
		as := make([]Assessment, len(bd.units))
		names := make(map[int64]string, len(bd.units))
		for i, u := range bd.units {
			as[i] = Assessment{ID: u.id, UnitID: u.id, Status: StatusFinal, SubmittedAt: &resultsSubmittedAt, Ranked: u.ranked}
			names[u.id] = u.name
		}
		tree := BuildTree(bd.items)
		for b.Loop() {
			if r := Compute(bd.f, tree, DefaultBands(), as, scores, names); len(r.Units) != benchUnits {
				b.Fatalf("%d units", len(r.Units))
			}
		}
	})
	for _, dbc := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", dbtest.SQLite}, {"postgres", dbtest.Postgres}} {
		b.Run("store/"+dbc.name, func(b *testing.B) {
			d := dbc.open(b)
			bd.store(b, d, 2024)
			fid := bd.store(b, d, 2025)
			s := NewStore(d)
			ctx := context.Background()
			for b.Loop() {
				r, err := s.Results(ctx, fid)
				if err != nil {
					b.Fatal(err)
				}
				if len(r.Units) != benchUnits || r.Units[0].PrevIndexPercent == nil {
					b.Fatalf("%d units, first %+v", len(r.Units), r.Units[0])
				}
			}
		})
	}
}

// TestBenchDataAgrees checks the benchmark measures real work, on a
// smaller set of units: the stored results equal the recomputed ones, unit
// by unit, on both databases.
func TestBenchDataAgrees(t *testing.T) {
	bd := newBenchData(t, 150)
	want := bd.recompute(t)
	if n := len(want.Lost); n == 0 || n > MaxLost {
		t.Errorf("lost items = %d", n)
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		// The same data both years: each unit's previous index, summed by
		// the database, must equal the index Compute gives.
		bd.store(t, d, 2024)
		fid := bd.store(t, d, 2025)
		got, err := NewStore(d).Results(context.Background(), fid)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Units) != len(want.Units) {
			t.Fatalf("%d units, want %d", len(got.Units), len(want.Units))
		}
		for i := range want.Units {
			g, w := got.Units[i], want.Units[i]
			if g.UnitName != w.UnitName || g.Points != w.Points || g.Max != w.Max || g.Deviation != w.Deviation ||
				(g.Rank == nil) != (w.Rank == nil) || (g.Rank != nil && *g.Rank != *w.Rank) || g.Band != w.Band {
				t.Fatalf("unit %d: %s %d/%d rank %v, want %s %d/%d rank %v", i, g.UnitName, g.Points, g.Max, g.Rank,
					w.UnitName, w.Points, w.Max, w.Rank)
			}
			if g.PrevIndexPercent == nil || *g.PrevIndexPercent != w.IndexPercent {
				t.Fatalf("unit %d: previous index %v, want %v", i, g.PrevIndexPercent, w.IndexPercent)
			}
			if len(g.Components) != len(w.Components) {
				t.Fatalf("unit %d: %d components, want %d", i, len(g.Components), len(w.Components))
			}
		}
		if len(got.Lost) != len(want.Lost) {
			t.Fatalf("%d lost items, want %d", len(got.Lost), len(want.Lost))
		}
		for i := range want.Lost {
			g, w := got.Lost[i], want.Lost[i]
			if g.Item.Number != w.Item.Number || g.Lost != w.Lost || g.Units != w.Units {
				t.Errorf("lost[%d] = %s %d by %d, want %s %d by %d", i, g.Item.Number, g.Lost, g.Units,
					w.Item.Number, w.Lost, w.Units)
			}
		}
	})
}
