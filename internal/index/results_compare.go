package index

import (
	"context"
	"errors"
	"fmt"

	"cchc/internal/db"
	"cchc/internal/index/rule"
)

// previousIndices returns, keyed by unit id, the index of every unit with
// one (a maximum above 0) in the final results of the framework of the year
// before f's, for the same kind of unit. It returns an empty map when there
// is no such framework or it is not final yet: figures still being
// appraised are no baseline to compare with.
//
// Only the index is needed, so it is summed by the database in one
// aggregate (previousIndexSQL) rather than by loading every score for
// Compute; TestBenchDataAgrees checks the two agree.
func (s *Store) previousIndices(ctx context.Context, f Framework) (map[int64]float64, error) {
	out := map[int64]float64{}
	prev, err := s.FrameworkFor(ctx, f.Year-1, f.UnitKind)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return out, nil
	case err != nil:
		return nil, fmt.Errorf("index: previous year's framework of %d, %s: %w", f.Year, f.UnitKind, err)
	case prev.Stage != StageFinal:
		return out, nil
	}
	var rows []struct {
		UnitID int64       `db:"unit_id"`
		Points rule.Points `db:"points"`
		Max    rule.Points `db:"max_points"`
	}
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(previousIndexSQL), prev.ID, prev.ID, prev.ID); err != nil {
		return nil, fmt.Errorf("index: indices of framework %d: %w", prev.ID, err)
	}
	for _, r := range rows {
		if r.Max > 0 {
			out[r.UnitID] = resultPercent(r.Points, r.Max)
		}
	}
	return out, nil
}

// previousIndexSQL sums each assessment's Points and Max as Compute does
// (see UnitResult), reading each score row once: Points over the rows of
// applicable leaves; Max as the total of the framework's score and survey
// leaves less those the unit declared not applicable, so a leaf without a
// row counts as applicable and unscored, and self-scores count only when
// the assessment was submitted. The leaves are the items that
// are no item's parent, found by an uncorrelated subquery (a correlated
// NOT EXISTS made SQLite rescan the items for every row). Parameters: the
// framework's id, three times.
const previousIndexSQL = `WITH leaves AS (SELECT i.id, i.kind, i.max_points FROM index_items i
		WHERE i.framework_id = ? AND i.id NOT IN
			(SELECT p.parent_id FROM index_items p WHERE p.framework_id = ? AND p.parent_id IS NOT NULL))
	SELECT a.unit_id,
	CAST(COALESCE(SUM(CASE WHEN s.applicable THEN CASE i.kind
		WHEN 'score' THEN COALESCE(s.appraised_points, CASE WHEN a.submitted_at IS NOT NULL THEN s.self_points END, 0)
		WHEN 'survey' THEN COALESCE(s.survey_points, 0)
		WHEN 'bonus' THEN COALESCE(s.appraised_points, CASE WHEN a.submitted_at IS NOT NULL THEN s.self_points END, 0)
		WHEN 'penalty' THEN -COALESCE(s.appraised_points, CASE WHEN a.submitted_at IS NOT NULL THEN s.self_points END, 0)
		ELSE 0 END ELSE 0 END), 0) AS BIGINT) AS points,
	CAST((SELECT COALESCE(SUM(max_points), 0) FROM leaves WHERE kind IN ('score', 'survey'))
		- COALESCE(SUM(CASE WHEN i.kind IN ('score', 'survey') AND NOT s.applicable
			THEN i.max_points ELSE 0 END), 0) AS BIGINT) AS max_points
	FROM index_assessments a
	LEFT JOIN index_scores s ON s.assessment_id = a.id
	LEFT JOIN leaves i ON i.id = s.item_id
	WHERE a.framework_id = ?
	GROUP BY a.unit_id`

// Change returns how many percentage points the unit's index moved since
// the previous year's results, nil when the unit has no index then.
func (u UnitResult) Change() *float64 {
	if u.PrevIndexPercent == nil {
		return nil
	}
	d := u.IndexPercent - *u.PrevIndexPercent
	return &d
}
