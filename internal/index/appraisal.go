package index

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// AppraisalInput is the council's decision on one item. Points nil clears
// the appraised score (the self-score stands); Applicable nil keeps the
// item's applicability. A score different from the self-score, or a
// change of applicability, needs a Reason.
type AppraisalInput struct {
	Points     *rule.Points `json:"points"`
	Applicable *bool        `json:"applicable"`
	Reason     string       `json:"reason"`
}

// Appraise sets the appraised score of item itemID, while the framework is
// in the appraisal stage and the assessment is submitted, appraised or
// responded (the council may accept a unit's response). Points range from
// 0 to the item's maximum (bonus and penalty items alike); survey items
// are not appraised (see SetSurveyPoints).
func (s *Store) Appraise(ctx context.Context, assessmentID, itemID int64, in AppraisalInput, userID int64) (Score, error) {
	reason, err := assessText("reason", in.Reason)
	if err != nil {
		return Score{}, err
	}
	var sc Score
	err = s.inAssessment(ctx, assessmentID, userID, func(ctx context.Context, tx *sqlx.Tx, st assessState) error {
		if st.f.Stage != StageAppraisal {
			return assessStageProblem(st.f.Stage, "thẩm định")
		}
		switch st.a.Status {
		case StatusSubmitted, StatusAppraised, StatusResponded:
		default:
			return assessStatusProblem(st.a.Status, "thẩm định")
		}
		tree, err := assessTree(ctx, tx, st.f.ID)
		if err != nil {
			return err
		}
		it, err := assessLeaf(tree, itemID)
		if err != nil {
			return err
		}
		if it.Kind == KindSurvey {
			return valid.Problemf(fmt.Sprintf("Tiêu chí %s lấy điểm từ kết quả điều tra xã hội học: hãy nhập điểm điều tra, không thẩm định.", it.Number))
		}
		before, err := assessScore(ctx, tx, assessmentID, itemID)
		if err != nil {
			return err
		}
		if err := appraisalCheck(it, before, in, reason); err != nil {
			return err
		}
		sc = before
		if in.Applicable != nil {
			sc.Applicable = *in.Applicable
		}
		sc.AppraisedPoints, sc.AppraisalReason = nil, reason
		if in.Points != nil {
			p := *in.Points
			sc.AppraisedPoints = &p
		}
		if err := assessWriteScore(ctx, tx, &sc); err != nil {
			return err
		}
		if err := assessTouch(ctx, tx, assessmentID); err != nil {
			return err
		}
		summary := fmt.Sprintf("Thẩm định tiêu chí %s của %s: %s", it.Number, st.unitName, assessPointsText(sc.Applicable, sc.AppraisedPoints))
		if sc.Applicable && sc.AppraisedPoints == nil {
			summary = fmt.Sprintf("Thẩm định tiêu chí %s của %s: giữ điểm tự chấm", it.Number, st.unitName)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: summary, Before: before, After: sc})
	})
	return sc, err
}

// appraisalCheck returns the valid.Errors of appraising item it, scored
// before, with in (reason cleaned).
func appraisalCheck(it Item, before Score, in AppraisalInput, reason string) error {
	applicable := before.Applicable
	if in.Applicable != nil {
		applicable = *in.Applicable
	}
	applicabilityChanged := applicable != before.Applicable
	errs := valid.Errors{}
	switch {
	case !applicable && applicabilityChanged && !it.Optional:
		errs.Add("applicable", fmt.Sprintf("Tiêu chí %s áp dụng cho mọi đơn vị: không thể đánh dấu không áp dụng.", it.Number))
	case !applicable && in.Points != nil:
		errs.Add("points", "Tiêu chí không áp dụng: không chấm điểm.")
	case applicable && applicabilityChanged && in.Points == nil:
		errs.Add("points", "Hãy nhập điểm thẩm định của tiêu chí.")
	case in.Points != nil && (*in.Points < 0 || *in.Points > it.MaxPoints):
		errs.Add("points", fmt.Sprintf("Điểm thẩm định phải từ 0 đến %s.", it.MaxPoints))
	}
	changed := applicabilityChanged ||
		(in.Points != nil && (before.SelfPoints == nil || *in.Points != *before.SelfPoints))
	if changed && reason == "" {
		errs.Add("reason", "Hãy ghi lý do điều chỉnh điểm.")
	}
	return errs.Err()
}

// CompleteAppraisal closes the appraisal of a submitted assessment: items
// the council did not touch take their self-score as appraised score, and
// the assessment becomes appraised, so the unit may respond.
func (s *Store) CompleteAppraisal(ctx context.Context, assessmentID, userID int64) (Assessment, error) {
	var a Assessment
	err := s.inAssessment(ctx, assessmentID, userID, func(ctx context.Context, tx *sqlx.Tx, st assessState) error {
		if st.f.Stage != StageAppraisal {
			return assessStageProblem(st.f.Stage, "hoàn thành thẩm định")
		}
		if st.a.Status != StatusSubmitted {
			return assessStatusProblem(st.a.Status, "hoàn thành thẩm định")
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_scores SET appraised_points = self_points, updated_at = ?
			WHERE assessment_id = ? AND applicable = ? AND appraised_points IS NULL AND self_points IS NOT NULL`),
			now, assessmentID, true); err != nil {
			return fmt.Errorf("index: accept self-scores of assessment %d: %w", assessmentID, err)
		}
		var by any
		if userID != 0 {
			by = userID
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_assessments SET status = ?, appraised_at = ?, appraised_by = ?,
			updated_at = ? WHERE id = ?`), StatusAppraised, now, by, now, assessmentID); err != nil {
			return fmt.Errorf("index: complete appraisal of assessment %d: %w", assessmentID, err)
		}
		var err error
		if a, err = assessGet(ctx, tx, assessmentID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: "Hoàn thành thẩm định bản tự chấm của " + st.unitName, Before: st.a, After: a})
	})
	return a, err
}

// ResponseInput is a unit's one response to its appraisal: an overall
// opinion (required) and, by item id, a response to particular items.
type ResponseInput struct {
	Overall string           `json:"overall"`
	Items   map[int64]string `json:"items"`
}

// Respond records the unit's response to an appraised assessment, once:
// the assessment becomes responded and a second response is refused. The
// council may still change appraised scores afterwards (Appraise).
func (s *Store) Respond(ctx context.Context, assessmentID int64, in ResponseInput, userID int64) (Assessment, error) {
	overall, err := assessText("overall", in.Overall)
	if err != nil {
		return Assessment{}, err
	}
	if overall == "" {
		return Assessment{}, valid.Errors{"overall": "Hãy nhập ý kiến phản hồi."}
	}
	items := make(map[int64]string, len(in.Items))
	for id, text := range in.Items {
		t, err := assessText(fmt.Sprintf("items.%d", id), text)
		if err != nil {
			return Assessment{}, err
		}
		if t != "" {
			items[id] = t
		}
	}
	var a Assessment
	err = s.inAssessment(ctx, assessmentID, userID, func(ctx context.Context, tx *sqlx.Tx, st assessState) error {
		if st.f.Stage != StageAppraisal {
			return assessStageProblem(st.f.Stage, "phản hồi kết quả thẩm định")
		}
		switch st.a.Status {
		case StatusAppraised:
		case StatusResponded:
			return valid.Problemf("Đơn vị đã phản hồi kết quả thẩm định: chỉ được phản hồi một lần.")
		case StatusSubmitted:
			return valid.Problemf("Bản tự chấm chưa thẩm định xong: chưa thể phản hồi.")
		default:
			return assessStatusProblem(st.a.Status, "phản hồi kết quả thẩm định")
		}
		tree, err := assessTree(ctx, tx, st.f.ID)
		if err != nil {
			return err
		}
		errs := valid.Errors{}
		for _, id := range slices.Sorted(maps.Keys(items)) {
			if _, err := assessLeaf(tree, id); err != nil {
				errs.Add(fmt.Sprintf("items.%d", id), "Tiêu chí không thuộc bộ chỉ số này.")
			}
		}
		if err := errs.Err(); err != nil {
			return err
		}
		now := db.Now()
		for _, id := range slices.Sorted(maps.Keys(items)) {
			if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_scores SET response = ?, updated_at = ?
				WHERE assessment_id = ? AND item_id = ?`), items[id], now, assessmentID, id); err != nil {
				return fmt.Errorf("index: response to item %d of assessment %d: %w", id, assessmentID, err)
			}
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_assessments SET status = ?, responded_at = ?, response = ?,
			updated_at = ? WHERE id = ?`), StatusResponded, now, overall, now, assessmentID); err != nil {
			return fmt.Errorf("index: respond to assessment %d: %w", assessmentID, err)
		}
		if a, err = assessGet(ctx, tx, assessmentID); err != nil {
			return err
		}
		type response struct {
			Assessment Assessment       `json:"assessment"`
			Items      map[int64]string `json:"items,omitempty"`
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: "Phản hồi kết quả thẩm định của " + st.unitName, Before: st.a, After: response{a, items}})
	})
	return a, err
}

// ChangedCounts counts, per assessment of framework frameworkID (keyed by
// assessment id), the items the appraisal changed: an appraised score
// different from the self-score, or an item the appraisal declared not
// applicable with a reason. Survey items are not counted.
func (s *Store) ChangedCounts(ctx context.Context, frameworkID int64) (map[int64]int, error) {
	var rows []struct {
		AssessmentID int64 `db:"assessment_id"`
		N            int   `db:"n"`
	}
	err := s.db.SelectContext(ctx, &rows, s.db.Rebind(`SELECT sc.assessment_id, COUNT(*) AS n FROM index_scores sc
		JOIN index_assessments a ON a.id = sc.assessment_id JOIN index_items i ON i.id = sc.item_id
		WHERE a.framework_id = ? AND i.kind <> ? AND (
			(sc.appraised_points IS NOT NULL AND (sc.self_points IS NULL OR sc.appraised_points <> sc.self_points))
			OR (sc.applicable = ? AND sc.appraisal_reason <> ''))
		GROUP BY sc.assessment_id`), frameworkID, KindSurvey, false)
	if err != nil {
		return nil, fmt.Errorf("index: changed items of framework %d: %w", frameworkID, err)
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.AssessmentID] = r.N
	}
	return out, nil
}
