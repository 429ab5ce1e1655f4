package index

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"cchc/internal/db"
	"cchc/internal/index/rule"
)

// Component is a unit's component index on one field or criterion: the
// points achieved on the applicable score and survey leaves below it (the
// item itself when it is a leaf) out of their maximum. Bonus and penalty
// leaves count only in the unit's total, never in a component.
type Component struct {
	ItemID  int64       `json:"item_id"`
	Points  rule.Points `json:"points"`
	Max     rule.Points `json:"max"`
	Percent float64     `json:"percent"` // Points ÷ Max × 100; 0 when Max is 0
}

// UnitResult is one unit's line of the results table. All points are
// hundredths (rule.Points):
//
//	Max       = Σ max of the applicable score and survey leaves
//	Self      = Σ self-score of the applicable score leaves
//	Appraised = Σ (appraised, else self) of the applicable score leaves
//	Survey    = Σ survey points of the applicable survey leaves
//	Bonus     = Σ (appraised, else self) of the applicable bonus leaves
//	Penalty   = Σ (appraised, else self) of the applicable penalty leaves
//	Points    = Appraised + Survey + Bonus − Penalty
//	Deviation = Σ |appraised − self| over the applicable score, bonus and
//	            penalty leaves the appraisal changed: how far the
//	            self-assessment was from the appraisal (0 = exact)
//
// IndexPercent is Points ÷ Max × 100 (0 when Max is 0). Ranked is the
// assessment's Ranked and a Max above 0: a unit with nothing applicable is
// listed but not ranked. Rank is nil for unranked units; equal indices
// share a rank. A leaf without a score row counts as applicable and
// unscored (0 points), as Finalise leaves units that never assessed
// themselves. PrevIndexPercent is the unit's index in the previous year's
// final results of the same unit kind, nil when there is none.
type UnitResult struct {
	UnitID           int64               `json:"unit_id"`
	UnitName         string              `json:"unit_name"`
	Status           string              `json:"status"`
	Ranked           bool                `json:"ranked"`
	Rank             *int                `json:"rank"`
	Points           rule.Points         `json:"points"`
	Max              rule.Points         `json:"max"`
	Self             rule.Points         `json:"self"`
	Appraised        rule.Points         `json:"appraised"`
	Survey           rule.Points         `json:"survey"`
	Bonus            rule.Points         `json:"bonus"`
	Penalty          rule.Points         `json:"penalty"`
	Deviation        rule.Points         `json:"deviation"`
	IndexPercent     float64             `json:"index_percent"`
	Band             string              `json:"band"`
	Components       map[int64]Component `json:"components"`
	PrevIndexPercent *float64            `json:"prev_index_percent"`
}

// ItemLoss is a leaf where units lost points: Lost is Σ (max − points
// achieved) over the final, ranked units for which it applies, and Units
// how many of them lost something on it.
type ItemLoss struct {
	Item  Item        `json:"item"`
	Lost  rule.Points `json:"lost"`
	Units int         `json:"units"`
}

// MaxLost is how many items Results.Lost lists at most.
const MaxLost = 20

// Results are a framework's results: every assessed unit — the ranked
// ones first, by index descending (equal indices share a rank and are
// listed in Vietnamese order of the unit's name), then the unranked ones in
// the same order — and the items where units lost the most points (at most
// MaxLost, the largest loss first, items with no loss left out).
type Results struct {
	Framework Framework    `json:"framework"`
	Tree      Tree         `json:"-"`
	Bands     []Band       `json:"bands"`
	Units     []UnitResult `json:"units"`
	Lost      []ItemLoss   `json:"lost"`
}

// resultLeaf is what computing needs of a leaf: the item and the fields and
// criteria whose components it counts in (indexes in resultLeaves' list
// of components).
type resultLeaf struct {
	item       Item
	components []int
}

// resultLeaves returns the leaves of items in tree order and the fields and
// criteria that have a component (at least one score or survey leaf below
// them, or being one), in tree order; each leaf lists the components it
// counts in by their index in that list, so a unit's components can be
// summed in a slice.
func resultLeaves(items []Item) ([]resultLeaf, []int64) {
	byID := make(map[int64]Item, len(items))
	hasChild := make(map[int64]bool, len(items))
	for _, it := range items {
		byID[it.ID] = it
		if it.ParentID != nil {
			hasChild[*it.ParentID] = true
		}
	}
	var leaves []resultLeaf
	var chains [][]int64 // per leaf: the fields and criteria above it, itself included
	counted := map[int64]bool{}
	for _, it := range items {
		if hasChild[it.ID] {
			continue
		}
		var chain []int64
		if it.Kind == KindScore || it.Kind == KindSurvey {
			// Walk up to the root; the guard stops a cycle in bad data.
			cur, ok := it, true
			for steps := 0; ok && steps <= len(items); steps++ {
				if cur.Level == LevelField || cur.Level == LevelCriterion {
					chain = append(chain, cur.ID)
					counted[cur.ID] = true
				}
				if cur.ParentID == nil {
					break
				}
				cur, ok = byID[*cur.ParentID]
			}
		}
		leaves = append(leaves, resultLeaf{item: it})
		chains = append(chains, chain)
	}
	var comps []int64
	index := map[int64]int{}
	for _, it := range items {
		if counted[it.ID] {
			index[it.ID] = len(comps)
			comps = append(comps, it.ID)
		}
	}
	for i, chain := range chains {
		for _, id := range chain {
			leaves[i].components = append(leaves[i].components, index[id])
		}
	}
	return leaves, comps
}

// Compute returns the results of framework f from its item tree, bands,
// the assessments as (one per unit), their scores keyed by assessment id
// and the units' names keyed by unit id. It is pure and deterministic: the
// same data gives the same table whatever the order of as and scores. Every
// assessment is listed, whatever its status (UnitResult.Status tells);
// the lost points (Results.Lost) count only final, ranked units. The
// self-scores of an assessment never submitted (a unit that let the
// deadline pass) earn nothing: its points are what the appraisal gave and
// its survey points. Band is
// the label of the band with the highest MinPercent at or below the index
// (compared exactly: Points × 10 000 ≥ MinPercent × Max), the lowest band
// when the index is below them all (a penalty can make it negative), ""
// when there are no bands or Max is 0. PrevIndexPercent is left nil: the
// store fills it in (Store.Results).
func Compute(f Framework, tree Tree, bands []Band, as []Assessment, scores map[int64][]Score, names map[int64]string) Results {
	leaves, comps := resultLeaves(tree.Items)
	lost := make([]rule.Points, len(leaves))
	losers := make([]int, len(leaves))
	units := make([]UnitResult, 0, len(as))
	byItem := make(map[int64]*Score, len(leaves))
	sums := make([]Component, len(comps)) // a unit's components, by index in comps
	for _, a := range as {
		clear(byItem)
		list := scores[a.ID]
		for i := range list {
			byItem[list[i].ItemID] = &list[i]
		}
		u := UnitResult{UnitID: a.UnitID, UnitName: names[a.UnitID], Status: a.Status}
		clear(sums)
		countsLoss := a.Status == StatusFinal && a.Ranked
		for i, lp := range leaves {
			sc := byItem[lp.item.ID]
			if sc != nil && !sc.Applicable {
				continue
			}
			var self, final rule.Points
			appraised := false
			if sc != nil {
				self = resultPointsOr(sc.SelfPoints, 0)
				// A self-assessment never submitted earns nothing by itself:
				// only what an appraiser gave counts (and survey points).
				unscored := rule.Points(0)
				if a.SubmittedAt != nil {
					unscored = self
				}
				final = resultPointsOr(sc.AppraisedPoints, unscored)
				appraised = sc.AppraisedPoints != nil
			}
			var achieved rule.Points
			switch lp.item.Kind {
			case KindScore:
				u.Max += lp.item.MaxPoints
				u.Self += self
				u.Appraised += final
				achieved = final
			case KindSurvey:
				if sc != nil {
					achieved = resultPointsOr(sc.SurveyPoints, 0)
				}
				u.Max += lp.item.MaxPoints
				u.Survey += achieved
			case KindBonus:
				u.Bonus += final
			case KindPenalty:
				u.Penalty += final
			}
			if appraised && lp.item.Kind != KindSurvey {
				u.Deviation += resultAbs(final - self)
			}
			if lp.item.Kind != KindScore && lp.item.Kind != KindSurvey {
				continue
			}
			for _, k := range lp.components {
				sums[k].Points += achieved
				sums[k].Max += lp.item.MaxPoints
			}
			if countsLoss && achieved < lp.item.MaxPoints {
				lost[i] += lp.item.MaxPoints - achieved
				losers[i]++
			}
		}
		u.Components = make(map[int64]Component, len(comps))
		for k, id := range comps {
			u.Components[id] = Component{ItemID: id, Points: sums[k].Points, Max: sums[k].Max,
				Percent: resultPercent(sums[k].Points, sums[k].Max)}
		}
		u.Points = u.Appraised + u.Survey + u.Bonus - u.Penalty
		u.IndexPercent = resultPercent(u.Points, u.Max)
		u.Ranked = a.Ranked && u.Max > 0
		u.Band = resultBand(bands, u.Points, u.Max)
		units = append(units, u)
	}
	resultRank(units)
	return Results{Framework: f, Tree: tree, Bands: bands, Units: units, Lost: resultTopLosses(leaves, lost, losers)}
}

// resultTopLosses returns the leaves with a loss, the largest first (then the
// most units, then tree order), at most MaxLost.
func resultTopLosses(leaves []resultLeaf, lost []rule.Points, losers []int) []ItemLoss {
	type ranked struct {
		ItemLoss
		pos int
	}
	var out []ranked
	for i, lp := range leaves {
		if lost[i] > 0 {
			out = append(out, ranked{ItemLoss{Item: lp.item, Lost: lost[i], Units: losers[i]}, i})
		}
	}
	slices.SortFunc(out, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.Lost, a.Lost), cmp.Compare(b.Units, a.Units), cmp.Compare(a.pos, b.pos))
	})
	res := make([]ItemLoss, 0, min(len(out), MaxLost))
	for _, r := range out[:min(len(out), MaxLost)] {
		res = append(res, r.ItemLoss)
	}
	return res
}

// resultBand returns the label of the band points/max falls in; see Compute.
func resultBand(bands []Band, points, maxPoints rule.Points) string {
	if maxPoints <= 0 || len(bands) == 0 {
		return ""
	}
	best, lowest := -1, 0
	for i, b := range bands {
		if b.MinPercent < bands[lowest].MinPercent {
			lowest = i
		}
		// points/max × 10 000 ≥ MinPercent, exactly.
		if resultCompareFractions(points*10000, maxPoints, rule.Points(b.MinPercent), 1) >= 0 &&
			(best < 0 || b.MinPercent > bands[best].MinPercent) {
			best = i
		}
	}
	if best < 0 {
		best = lowest
	}
	return bands[best].Label
}

// resultPercent returns p ÷ maxPoints × 100, 0 when maxPoints is 0.
func resultPercent(p, maxPoints rule.Points) float64 {
	if maxPoints <= 0 {
		return 0
	}
	return float64(p) / float64(maxPoints) * 100
}

func resultPointsOr(p *rule.Points, or rule.Points) rule.Points {
	if p == nil {
		return or
	}
	return *p
}

func resultAbs(p rule.Points) rule.Points {
	if p < 0 {
		return -p
	}
	return p
}

// Results returns the results of framework frameworkID (see Compute), with
// each unit's index of the previous year (PrevIndexPercent) from the final
// framework of the same unit kind and year before, when there is one. The
// previous year's indices are read while the year's own scores load, on a
// second connection. An unknown framework gives an error wrapping
// db.ErrNotFound.
func (s *Store) Results(ctx context.Context, frameworkID int64) (Results, error) {
	f, err := s.Framework(ctx, frameworkID)
	if err != nil {
		return Results{}, fmt.Errorf("index: results of framework %d: %w", frameworkID, err)
	}
	type previous struct {
		indices map[int64]float64
		err     error
	}
	prevc := make(chan previous, 1)
	go func() {
		m, err := s.previousIndices(ctx, f)
		prevc <- previous{m, err}
	}()
	r, err := s.compute(ctx, f)
	prev := <-prevc
	if err != nil {
		return Results{}, err
	}
	if prev.err != nil {
		return Results{}, prev.err
	}
	for i := range r.Units {
		if p, ok := prev.indices[r.Units[i].UnitID]; ok {
			r.Units[i].PrevIndexPercent = &p
		}
	}
	return r, nil
}

// compute loads what Compute needs for framework f and runs it: five
// queries whatever the number of units (the scores in one).
func (s *Store) compute(ctx context.Context, f Framework) (Results, error) {
	items, err := ItemsWith(ctx, s.db, f.ID)
	if err != nil {
		return Results{}, fmt.Errorf("index: results of framework %d: %w", f.ID, err)
	}
	bands, err := s.Bands(ctx, f.ID)
	if err != nil {
		return Results{}, fmt.Errorf("index: results of framework %d: %w", f.ID, err)
	}
	as, err := s.Assessments(ctx, f.ID)
	if err != nil {
		return Results{}, fmt.Errorf("index: results of framework %d: %w", f.ID, err)
	}
	tree := BuildTree(items)
	scores, err := resultScores(ctx, s.db, f.ID, len(tree.Leaves()))
	if err != nil {
		return Results{}, err
	}
	names, err := assessedUnitNames(ctx, s.db, f.ID)
	if err != nil {
		return Results{}, err
	}
	return Compute(f, tree, bands, as, scores, names), nil
}

// resultScores returns the figures of every score of the framework's
// assessments, keyed by assessment id: only what Compute reads (the item,
// applicability and the three kinds of points), not inputs, explanations
// or facts. It is the one large read of Results (70 000 rows for 700 units
// of 100 items), so it scans into plain values, takes the points' storage
// from one slice rather than a small allocation each, and gives each
// assessment room for perAssessment scores (the number of leaves) at once.
func resultScores(ctx context.Context, q db.Querier, frameworkID int64, perAssessment int) (map[int64][]Score, error) {
	rows, err := q.QueryxContext(ctx, q.Rebind(`SELECT s.assessment_id, s.item_id, s.applicable, s.self_points,
		s.appraised_points, s.survey_points
		FROM index_scores s JOIN index_assessments a ON a.id = s.assessment_id
		WHERE a.framework_id = ?`), frameworkID)
	if err != nil {
		return nil, fmt.Errorf("index: scores of framework %d: %w", frameworkID, err)
	}
	defer rows.Close()
	out := map[int64][]Score{}
	var slab []rule.Points
	point := func(n sql.NullInt64) *rule.Points {
		if !n.Valid {
			return nil
		}
		if len(slab) == 0 {
			slab = make([]rule.Points, 1024)
		}
		p := &slab[0]
		*p, slab = rule.Points(n.Int64), slab[1:]
		return p
	}
	for rows.Next() {
		var (
			sc                      Score
			self, appraised, survey sql.NullInt64
		)
		if err := rows.Scan(&sc.AssessmentID, &sc.ItemID, &sc.Applicable, &self, &appraised, &survey); err != nil {
			return nil, fmt.Errorf("index: scores of framework %d: %w", frameworkID, err)
		}
		sc.SelfPoints, sc.AppraisedPoints, sc.SurveyPoints = point(self), point(appraised), point(survey)
		list, ok := out[sc.AssessmentID]
		if !ok {
			list = make([]Score, 0, perAssessment)
		}
		out[sc.AssessmentID] = append(list, sc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("index: scores of framework %d: %w", frameworkID, err)
	}
	return out, nil
}

// assessedUnitNames returns the names of the units assessed in the
// framework, keyed by unit id.
func assessedUnitNames(ctx context.Context, q db.Querier, frameworkID int64) (map[int64]string, error) {
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := q.SelectContext(ctx, &rows, q.Rebind(`SELECT u.id, u.name FROM units u
		WHERE u.id IN (SELECT unit_id FROM index_assessments WHERE framework_id = ?)`), frameworkID); err != nil {
		return nil, fmt.Errorf("index: names of the units of framework %d: %w", frameworkID, err)
	}
	out := make(map[int64]string, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}
