package index

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// Survey points (điểm điều tra xã hội học) are entered by the coordinator
// per unit and survey item, by hand or from a workbook, while the
// framework is in the self or appraisal stage. They need no self-score:
// a unit with no assessment yet gets a draft one.

// SetSurveyPoints sets (p nil: clears) unit unitID's points on survey item
// itemID of framework frameworkID, from 0 to the item's maximum.
func (s *Store) SetSurveyPoints(ctx context.Context, frameworkID, unitID, itemID int64, p *rule.Points, userID int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		f, err := surveyFramework(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		u, err := assessUnitOfKind(ctx, tx, f, unitID)
		if err != nil {
			return err
		}
		tree, err := assessTree(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		it, err := assessLeaf(tree, itemID)
		if err != nil {
			return err
		}
		if it.Kind != KindSurvey {
			return valid.Errors{"item_id": fmt.Sprintf("Tiêu chí %s không lấy điểm từ điều tra xã hội học.", it.Number)}
		}
		if p != nil && (*p < 0 || *p > it.MaxPoints) {
			return valid.Errors{"points": fmt.Sprintf("Điểm điều tra phải từ 0 đến %s.", it.MaxPoints)}
		}
		a, err := s.surveyAssessment(ctx, tx, f, tree, u)
		if err != nil {
			return err
		}
		before, err := assessScore(ctx, tx, a.ID, itemID)
		if err != nil {
			return err
		}
		sc := before
		sc.SurveyPoints = p
		if err := assessWriteScore(ctx, tx, &sc); err != nil {
			return err
		}
		if err := assessTouch(ctx, tx, a.ID); err != nil {
			return err
		}
		text := "xoá điểm"
		if p != nil {
			text = p.String() + " điểm"
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: a.ID,
			Summary: fmt.Sprintf("Điểm điều tra xã hội học tiêu chí %s của %s: %s", it.Number, u.Name, text),
			Before:  before, After: sc})
	})
}

// surveyFramework locks framework id for the rest of tx (so Finalise
// cannot run between the check and the write), reads it, and checks that
// survey points may be entered: the self or appraisal stage.
func surveyFramework(ctx context.Context, tx *sqlx.Tx, id int64) (Framework, error) {
	if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_frameworks SET id = id WHERE id = ?`), id); err != nil {
		return Framework{}, fmt.Errorf("index: lock framework %d: %w", id, err)
	}
	f, err := FrameworkWith(ctx, tx, id)
	if err != nil {
		return f, err
	}
	if f.Stage != StageSelf && f.Stage != StageAppraisal {
		return f, assessStageProblem(f.Stage, "nhập điểm điều tra xã hội học")
	}
	return f, nil
}

// surveyAssessment returns unit u's assessment in f, creating a draft
// (automatic items computed, as Open does) when there is none. A final
// assessment is refused.
func (s *Store) surveyAssessment(ctx context.Context, tx *sqlx.Tx, f Framework, tree Tree, u assessUnitRow) (Assessment, error) {
	a, err := assessFind(ctx, tx, f.ID, u.ID)
	if errors.Is(err, db.ErrNotFound) {
		return s.assessCreate(ctx, tx, f, tree.Leaves(), u, StatusDraft, true)
	}
	if err != nil {
		return a, err
	}
	if _, err := assessLock(ctx, tx, a.ID); err != nil {
		return a, err
	}
	if a.Status == StatusFinal {
		return a, assessStatusProblem(a.Status, "nhập điểm điều tra xã hội học")
	}
	return a, nil
}

// surveyLeaves returns the survey leaves of tree in order.
func surveyLeaves(tree Tree) []Item {
	var out []Item
	for _, it := range tree.Leaves() {
		if it.Kind == KindSurvey {
			out = append(out, it)
		}
	}
	return out
}

// assessActiveUnits returns the units of kind active on day (active_to
// unset or not before day), in the units' order.
func assessActiveUnits(ctx context.Context, q db.Querier, kind string, day civil.Date) ([]assessUnitRow, error) {
	var us []assessUnitRow
	err := q.SelectContext(ctx, &us, q.Rebind(`SELECT id, code, name, kind FROM units
		WHERE kind = ? AND (active_to IS NULL OR active_to >= ?) ORDER BY sort_key, id`), kind, day)
	if err != nil {
		return nil, fmt.Errorf("index: active units of kind %s: %w", kind, err)
	}
	return us, nil
}
