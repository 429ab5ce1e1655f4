package demo

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"cchc/internal/app"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index"
	"cchc/internal/index/rule"
)

// indexToday is the day the index tests build the demo as of.
var indexToday = civil.New(2026, time.November, 21)

func TestIndexFrameworkContent(t *testing.T) {
	types := map[string]bool{}
	sources := map[string]bool{}
	for _, kind := range []string{"agency", "commune"} {
		for _, revisedIn := range []int{0, 2026} {
			items := indexFrameworkOf(kind, revisedIn)
			var total, survey rule.Points
			var criteria, leaves, scored, withEvidence, optionals, guided int
			numbers := map[string]bool{}
			for i, it := range items {
				if numbers[it.Number] {
					t.Errorf("%s: number %s twice", kind, it.Number)
				}
				numbers[it.Number] = true
				depth := strings.Count(it.Number, ".") + 1
				if depth > 1 && !numbers[parentNumber(it.Number)] {
					t.Errorf("%s: item %s before its parent", kind, it.Number)
				}
				if depth == 1 {
					total += it.MaxPoints
					if strings.HasPrefix(it.Title, "Tác động") {
						survey = it.MaxPoints
					}
				}
				if depth == 2 {
					criteria++
				}
				if it.Guidance != "" {
					guided++
				}
				if isParent(items, i) {
					if it.Kind != index.KindScore {
						t.Errorf("%s: parent %s of kind %s", kind, it.Number, it.Kind)
					}
					continue
				}
				leaves++
				types[it.Rule.Type] = true
				if it.Rule.Type == rule.TypeAuto {
					sources[it.Rule.Source] = true
				}
				if err := it.Rule.Validate(it.MaxPoints); err != nil || it.MaxPoints <= 0 {
					t.Errorf("%s: item %s of %s: %v", kind, it.Number, it.MaxPoints, err)
				}
				if it.Kind == index.KindSurvey && it.Rule.Type != rule.TypeSurvey {
					t.Errorf("%s: survey item %s scored by %s", kind, it.Number, it.Rule.Type)
				}
				if it.Rule.Type == rule.TypeTiers {
					for _, tier := range it.Rule.Tiers {
						if tier.From == nil && tier.To == nil {
							t.Errorf("%s: item %s has a tier without bounds", kind, it.Number)
						}
					}
				}
				if strings.HasPrefix(it.Number, "9") != (it.Kind == index.KindBonus || it.Kind == index.KindPenalty) {
					t.Errorf("%s: item %s of kind %s: bonus and penalty items are the last field's", kind, it.Number, it.Kind)
				}
				if it.Kind == index.KindScore {
					scored++
					if it.EvidenceRequired {
						withEvidence++
					}
					if it.GroupTag == "" {
						t.Errorf("%s: item %s has no criteria group", kind, it.Number)
					}
				}
				if it.Optional {
					optionals++
				}
			}
			if total != 10000 || survey < 2000 || survey > 3000 {
				t.Errorf("%s: fields add up to %s points, survey %s; want 100 and 20 to 30", kind, total, survey)
			}
			if criteria < 35 || criteria > 45 || leaves < 60 || leaves > 80 {
				t.Errorf("%s: %d criteria, %d leaves; want about 40 and 60-80", kind, criteria, leaves)
			}
			if withEvidence*10 < scored*7 || optionals == 0 || guided < 5 {
				t.Errorf("%s: %d of %d items need evidence, %d optional, %d with guidance", kind, withEvidence, scored, optionals, guided)
			}
		}
	}
	for _, typ := range rule.Types() {
		if !types[typ] {
			t.Errorf("rule type %s unused", typ)
		}
	}
	for _, src := range rule.Sources() {
		if !sources[src] {
			t.Errorf("automatic source %s unused", src)
		}
	}
}

// TestIndexFrameworkSaved checks that the index store accepts the demo's
// frameworks as they are written, and stores them as the demo does.
func TestIndexFrameworkSaved(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a := app.New(d, nil)
		if _, err := build(ctx, a, buildOptions{today: indexToday}); err != nil {
			t.Fatal(err)
		}
		s := index.NewStore(d)
		for _, kind := range []string{"agency", "commune"} {
			for _, year := range []int{indexToday.Year - 1, indexToday.Year} {
				built, err := s.FrameworkFor(ctx, year, kind)
				if err != nil {
					t.Fatal(err)
				}
				want, err := s.Items(ctx, built.ID)
				if err != nil {
					t.Fatal(err)
				}
				f, err := s.CreateFramework(ctx, index.FrameworkInput{Year: year + 10, UnitKind: kind, Title: "Kiểm tra"}, 0)
				if err != nil {
					t.Fatal(err)
				}
				revisedIn := 0
				if year == indexToday.Year {
					revisedIn = year
				}
				if err := s.SaveItems(ctx, f.ID, indexFrameworkOf(kind, revisedIn), 0); err != nil {
					t.Fatalf("%s %d: SaveItems: %v", kind, year, err)
				}
				got, err := s.Items(ctx, f.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(want) {
					t.Fatalf("%s %d: store saved %d items, demo built %d", kind, year, len(got), len(want))
				}
				for i := range got {
					if g, w := withoutIDs(got[i]), withoutIDs(want[i]); !reflect.DeepEqual(g, w) {
						t.Errorf("%s %d: item %d saved as %+v, built as %+v", kind, year, i, g, w)
					}
				}
			}
		}
	})
}

// withoutIDs is an item without its ids (a parent's id becomes 0).
func withoutIDs(it index.Item) index.Item {
	it.ID, it.FrameworkID = 0, 0
	if it.ParentID != nil {
		it.ParentID = new(int64)
	}
	return it
}

func TestBuildIndex(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a := app.New(d, nil)
		if _, err := build(ctx, a, buildOptions{today: indexToday}); err != nil {
			t.Fatal(err)
		}
		s := index.NewStore(d)
		s.Today = func() civil.Date { return indexToday }
		closed, open := indexToday.Year-1, indexToday.Year
		for _, year := range []int{closed, open} {
			fs, err := s.Frameworks(ctx, year)
			if err != nil || len(fs) != 2 {
				t.Fatalf("frameworks of %d: %d (%v), want 2", year, len(fs), err)
			}
		}
		for _, kind := range []string{"agency", "commune"} {
			t.Run(kind, func(t *testing.T) {
				last, err := s.FrameworkFor(ctx, closed, kind)
				if err != nil {
					t.Fatal(err)
				}
				if last.Stage != index.StageFinal || !last.Published {
					t.Errorf("%d framework: stage %s, published %v; want final and published", closed, last.Stage, last.Published)
				}
				checkClosedIndex(t, d, s, last)
				this, err := s.FrameworkFor(ctx, open, kind)
				if err != nil {
					t.Fatal(err)
				}
				if this.Stage != index.StageSelf || this.CopiedFrom == nil || *this.CopiedFrom != last.ID ||
					this.Deadline() != civil.New(open+1, time.April, 15) {
					t.Errorf("%d framework: stage %s, copied from %v, deadline %s; want self, %d, 15/04/%d",
						open, this.Stage, this.CopiedFrom, this.Deadline().VN(), last.ID, open+1)
				}
				checkOpenIndex(t, d, s, this)
			})
		}
	})
}

// checkClosedIndex checks last year's completed cycle of framework f.
func checkClosedIndex(t *testing.T, d *db.DB, s *index.Store, f index.Framework) {
	t.Helper()
	ctx := context.Background()
	res, err := s.Results(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	var active int
	yearEnd := civil.New(f.Year, time.December, 31)
	if err := d.GetContext(ctx, &active, d.Rebind(`SELECT COUNT(*) FROM units WHERE kind = ? AND active_from <= ?
		AND (active_to IS NULL OR active_to >= ?)`), f.UnitKind, yearEnd, yearEnd); err != nil {
		t.Fatal(err)
	}
	if len(res.Units) != active || active == 0 {
		t.Fatalf("%d units in the results, want every one of the %d active at the end of %d", len(res.Units), active, f.Year)
	}
	var unranked, selfDiffers int
	var prev *index.UnitResult
	for i := range res.Units {
		u := &res.Units[i]
		if u.Status != index.StatusFinal {
			t.Errorf("%s: status %s, want final", u.UnitName, u.Status)
		}
		if u.Points != u.Appraised+u.Survey+u.Bonus-u.Penalty {
			t.Errorf("%s: points %s ≠ %s + %s + %s − %s", u.UnitName, u.Points, u.Appraised, u.Survey, u.Bonus, u.Penalty)
		}
		if want := float64(u.Points) / float64(u.Max) * 100; math.Abs(u.IndexPercent-want) > 1e-9 {
			t.Errorf("%s: index %v, want %v", u.UnitName, u.IndexPercent, want)
		}
		if u.Survey <= 0 || u.Deviation <= 0 || u.Band == "" {
			t.Errorf("%s: survey %s, deviation %s, band %q; want survey points, changes by the appraisal and a band",
				u.UnitName, u.Survey, u.Deviation, u.Band)
		}
		if u.Self != u.Appraised {
			selfDiffers++
		}
		if !u.Ranked {
			unranked++
			if u.Rank != nil {
				t.Errorf("%s: not ranked but rank %d", u.UnitName, *u.Rank)
			}
			continue
		}
		switch {
		case u.Rank == nil:
			t.Errorf("%s: ranked without a rank", u.UnitName)
		case prev == nil && *u.Rank != 1:
			t.Errorf("%s: first with rank %d", u.UnitName, *u.Rank)
		case prev != nil && u.IndexPercent > prev.IndexPercent:
			t.Errorf("%s (%v%%) ranked after %s (%v%%)", u.UnitName, u.IndexPercent, prev.UnitName, prev.IndexPercent)
		case prev != nil && u.IndexPercent == prev.IndexPercent && *u.Rank != *prev.Rank:
			t.Errorf("%s: rank %d, tied with %s at rank %d", u.UnitName, *u.Rank, prev.UnitName, *prev.Rank)
		case prev != nil && u.IndexPercent < prev.IndexPercent && *u.Rank != i+1:
			t.Errorf("%s: rank %d at position %d", u.UnitName, *u.Rank, i+1)
		case prev != nil && u.Points > prev.Points:
			// Ranked demo units have equal maxima: the ranking by index is
			// also the order of their points.
			t.Errorf("%s (%s points) ranked after %s (%s points)", u.UnitName, u.Points, prev.UnitName, prev.Points)
		}
		prev = u
	}
	if selfDiffers*10 < len(res.Units)*8 {
		t.Errorf("self-score differs from the appraisal for %d of %d units, want most", selfDiffers, len(res.Units))
	}
	if f.UnitKind == "agency" && unranked != 1 || f.UnitKind == "commune" && unranked != 0 {
		t.Errorf("%d units not ranked", unranked)
	}

	as, err := s.Assessments(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	deadline := f.Deadline()
	var responded, notApplicable int
	for _, a := range as {
		if !a.Ranked && !strings.HasPrefix(a.UnrankedNote, "Đơn vị mới thành lập") {
			t.Errorf("unit %d not ranked with note %q", a.UnitID, a.UnrankedNote)
		}
		if a.SubmittedAt == nil || a.AppraisedAt == nil || a.FinalisedAt == nil ||
			civil.Of(*a.SubmittedAt).After(deadline) || !a.SubmittedAt.Before(*a.AppraisedAt) || a.AppraisedAt.After(*a.FinalisedAt) ||
			a.FinalisedAt.Year() != f.Year+1 || a.FinalisedAt.Month() != time.May {
			t.Errorf("unit %d: submitted %v, appraised %v, finalised %v; want submitted by %s, then appraised, final in May %d",
				a.UnitID, a.SubmittedAt, a.AppraisedAt, a.FinalisedAt, deadline.VN(), f.Year+1)
		}
		if a.RespondedAt != nil {
			responded++
			if a.Response == "" || a.RespondedAt.Before(*a.AppraisedAt) {
				t.Errorf("unit %d responded at %v with %q", a.UnitID, a.RespondedAt, a.Response)
			}
		}
		scores, err := s.Scores(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := s.EvidenceOf(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		cited := map[int64]bool{}
		for _, ev := range evs {
			cited[ev.ItemID] = true
			if ev.Locator == "" || ev.Title == "" || (ev.RefKind == index.EvidenceLink) != (ev.URL != "") {
				t.Errorf("unit %d: evidence %+v", a.UnitID, ev)
			}
		}
		changed := 0
		for _, sc := range scores {
			it, _ := res.Tree.ByID(sc.ItemID)
			switch {
			case !sc.Applicable:
				notApplicable++
				if !it.Optional || sc.Explanation == "" || strings.Contains(sc.Explanation, "%!") {
					t.Errorf("unit %d: item %s not applicable (%q)", a.UnitID, it.Number, sc.Explanation)
				}
			case it.Kind == index.KindSurvey:
				if sc.SurveyPoints == nil {
					t.Errorf("unit %d: no survey points on %s", a.UnitID, it.Number)
				}
			case sc.SelfPoints == nil || sc.AppraisedPoints == nil:
				t.Errorf("unit %d: item %s self %v appraised %v", a.UnitID, it.Number, sc.SelfPoints, sc.AppraisedPoints)
			case *sc.SelfPoints != *sc.AppraisedPoints:
				changed++
				if sc.AppraisalReason == "" {
					t.Errorf("unit %d: item %s changed without a reason", a.UnitID, it.Number)
				}
			}
			if sc.Applicable && it.EvidenceRequired && !cited[it.ID] && sc.Explanation == "" {
				t.Errorf("unit %d: item %s has neither evidence nor explanation", a.UnitID, it.Number)
			}
		}
		if changed < 2 || changed > 6 {
			t.Errorf("unit %d: the appraisal changed %d items, want 2 to 6", a.UnitID, changed)
		}
	}
	if responded == 0 || responded == len(as) {
		t.Errorf("%d of %d units responded; want some", responded, len(as))
	}
	// Only the department formed during the year (not ranked) declares
	// items not applicable.
	if want := map[string]int{"agency": 2, "commune": 0}[f.UnitKind]; notApplicable != want {
		t.Errorf("%d items not applicable, want %d", notApplicable, want)
	}
	bands := map[string]int{}
	for _, u := range res.Units {
		bands[u.Band]++
	}
	t.Logf("%s: %d items, %d units, index %.1f%% to %.1f%%, bands %v, %d responded", f.Title, len(res.Tree.Items), len(res.Units),
		res.Units[len(res.Units)-1-unranked].IndexPercent, res.Units[0].IndexPercent, bands, responded)
}

// checkOpenIndex checks this year's open cycle of framework f.
func checkOpenIndex(t *testing.T, d *db.DB, s *index.Store, f index.Framework) {
	t.Helper()
	ctx := context.Background()
	as, err := s.Assessments(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	var officers []int64
	if err := d.SelectContext(ctx, &officers, d.Rebind(`SELECT u.unit_id FROM users u JOIN units n ON n.id = u.unit_id
		JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'officer' AND n.kind = ?`), f.UnitKind); err != nil {
		t.Fatal(err)
	}
	if len(officers) == 0 || len(as) <= len(officers) {
		t.Fatalf("%d drafts, %d officers' units; want the officers' units and a few more", len(as), len(officers))
	}
	items, err := s.Items(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	tree := index.BuildTree(items)
	for _, a := range as {
		if a.Status != index.StatusDraft {
			t.Errorf("unit %d: status %s, want draft", a.UnitID, a.Status)
		}
		officers = slices.DeleteFunc(officers, func(id int64) bool { return id == a.UnitID })
		scores, err := s.Scores(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var scored, open, auto int
		for _, sc := range scores {
			it, _ := tree.ByID(sc.ItemID)
			switch {
			case it.Rule.Type == rule.TypeAuto:
				if sc.Facts != "" {
					auto++
				}
			case it.Kind == index.KindSurvey:
			case sc.SelfPoints != nil:
				scored++
			default:
				open++
			}
		}
		if scored == 0 || open == 0 || auto != 4 {
			t.Errorf("unit %d: %d items scored, %d to score, %d automatic computed; want a draft under way with 4 computed",
				a.UnitID, scored, open, auto)
		}
	}
	if len(officers) > 0 {
		t.Errorf("the officers' units %v have no draft", officers)
	}
	if _, err := s.Results(ctx, f.ID); err != nil {
		t.Errorf("results of the open framework: %v", err)
	}
}

// BenchmarkBuildIndex measures the index part of Build alone: on a built
// demo, each iteration removes the index data and writes it again, in a
// transaction rolled back afterwards (the removal is not timed).
func BenchmarkBuildIndex(b *testing.B) {
	dbs := []struct {
		name string
		open func(testing.TB) *db.DB
	}{
		{"sqlite", dbtest.SQLite},
		{"postgres", dbtest.Postgres},
	}
	for _, tt := range dbs {
		b.Run(tt.name, func(b *testing.B) {
			ctx := context.Background()
			d := tt.open(b)
			if _, err := build(ctx, app.New(d, nil), buildOptions{today: indexToday}); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				tx, err := d.BeginTxx(ctx, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := tx.ExecContext(ctx, `DELETE FROM index_frameworks`); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				err = buildIndex(ctx, tx, indexToday)
				b.StopTimer()
				_ = tx.Rollback()
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
