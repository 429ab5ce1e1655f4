package index

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// SelfInput is a unit's self-score of one item: whether the item applies
// to it, what its rule needs (rule.Input: points, yes/no, a ratio...), and
// an explanation: why the item does not apply, or why evidence is missing.
type SelfInput struct {
	Applicable  bool       `json:"applicable"`
	Input       rule.Input `json:"input"`
	Explanation string     `json:"explanation"`
}

// SelfScore scores item itemID of a draft assessment, while the framework
// is in the self stage. Points come from the item's rule on in.Input (a
// rule's refusal is a valid.Errors keyed "input"). Only Optional items may
// be declared not applicable, with an Explanation. Survey items are not
// self-scored; automatic items are computed (RefreshAuto recomputes
// them), and SelfScore only changes their applicability: an Optional
// automatic item may be declared not applicable, and made applicable
// again, which recomputes it.
func (s *Store) SelfScore(ctx context.Context, assessmentID, itemID int64, in SelfInput, userID int64) (Score, error) {
	explanation, err := assessText("explanation", in.Explanation)
	if err != nil {
		return Score{}, err
	}
	var sc Score
	err = s.inAssessment(ctx, assessmentID, userID, func(ctx context.Context, tx *sqlx.Tx, st assessState) error {
		if st.f.Stage != StageSelf {
			return assessStageProblem(st.f.Stage, "tự chấm")
		}
		if st.a.Status != StatusDraft {
			return assessStatusProblem(st.a.Status, "sửa điểm tự chấm")
		}
		tree, err := assessTree(ctx, tx, st.f.ID)
		if err != nil {
			return err
		}
		it, err := assessLeaf(tree, itemID)
		if err != nil {
			return err
		}
		before, err := assessScore(ctx, tx, assessmentID, itemID)
		if err != nil {
			return err
		}
		sc = before
		sc.Explanation = explanation
		switch {
		case it.Kind == KindSurvey:
			return valid.Problemf(fmt.Sprintf("Tiêu chí %s lấy điểm từ kết quả điều tra xã hội học: đơn vị không tự chấm.", it.Number))
		case !in.Applicable:
			if !it.Optional {
				return valid.Errors{"applicable": fmt.Sprintf("Tiêu chí %s áp dụng cho mọi đơn vị: không thể đánh dấu không áp dụng.", it.Number)}
			}
			if explanation == "" {
				return valid.Errors{"explanation": "Hãy nêu lý do không áp dụng."}
			}
			sc.Applicable, sc.SelfPoints = false, nil
			if it.Rule.Type != rule.TypeAuto {
				sc.Input = ""
			}
		case it.Rule.Type == rule.TypeAuto:
			if before.Applicable {
				return valid.Problemf(fmt.Sprintf("Tiêu chí %s được chấm tự động từ số liệu của hệ thống: không nhập điểm. "+
					"Hãy dùng “Cập nhật số liệu” để tính lại.", it.Number))
			}
			sc.Applicable = true
			if err := s.assessAuto(ctx, tx, st.f, st.a.UnitID, it, &sc); err != nil {
				return err
			}
		default:
			res, err := it.Rule.Score(it.MaxPoints, in.Input)
			if err != nil {
				msg := valid.Message(err)
				if msg == "" {
					msg = err.Error()
				}
				return valid.Errors{"input": msg}
			}
			input, err := json.Marshal(in.Input)
			if err != nil {
				return fmt.Errorf("index: input of item %d: %w", itemID, err)
			}
			p := res.Points
			sc.Applicable, sc.Input, sc.SelfPoints = true, string(input), &p
		}
		if err := assessWriteScore(ctx, tx, &sc); err != nil {
			return err
		}
		if err := assessTouch(ctx, tx, assessmentID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: fmt.Sprintf("Tự chấm tiêu chí %s của %s: %s", it.Number, st.unitName, assessPointsText(sc.Applicable, sc.SelfPoints)),
			Before:  before, After: sc})
	})
	return sc, err
}

// assessPointsText says a score in a few Vietnamese words for the trail.
func assessPointsText(applicable bool, p *rule.Points) string {
	switch {
	case !applicable:
		return "không áp dụng"
	case p == nil:
		return "chưa có điểm"
	default:
		return p.String() + " điểm"
	}
}

// Submit locks a draft assessment for appraisal. Every applicable leaf of
// kind score, bonus or penalty must be scored, and every applicable item
// requiring evidence must cite some or explain its absence (automatic
// items are computed, their data is their evidence; one with nothing to
// judge is left to the appraisal); the problems
// come back as valid.Errors keyed "item.<itemID>", each naming the item's
// number. After the framework's deadline (Framework.Deadline) submitting
// is refused.
func (s *Store) Submit(ctx context.Context, assessmentID, userID int64) (Assessment, error) {
	var a Assessment
	err := s.inAssessment(ctx, assessmentID, userID, func(ctx context.Context, tx *sqlx.Tx, st assessState) error {
		if st.f.Stage != StageSelf {
			return assessStageProblem(st.f.Stage, "nộp bản tự chấm")
		}
		if st.a.Status != StatusDraft {
			return assessStatusProblem(st.a.Status, "nộp lại")
		}
		if deadline := st.f.Deadline(); s.Today().After(deadline) {
			return valid.Problemf(fmt.Sprintf("Đã quá hạn nộp bản tự chấm (hạn cuối %s).", deadline.VN()))
		}
		if err := assessCheckComplete(ctx, tx, st); err != nil {
			return err
		}
		var by any
		if userID != 0 {
			by = userID
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_assessments SET status = ?, submitted_at = ?, submitted_by = ?,
			updated_at = ? WHERE id = ?`), StatusSubmitted, now, by, now, assessmentID); err != nil {
			return fmt.Errorf("index: submit assessment %d: %w", assessmentID, err)
		}
		var err error
		if a, err = assessGet(ctx, tx, assessmentID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: "Nộp bản tự chấm của " + st.unitName, Before: st.a, After: a})
	})
	return a, err
}

// assessCheckComplete returns the valid.Errors of an assessment not ready
// to submit, or nil.
func assessCheckComplete(ctx context.Context, tx *sqlx.Tx, st assessState) error {
	tree, err := assessTree(ctx, tx, st.f.ID)
	if err != nil {
		return err
	}
	scs, err := assessScores(ctx, tx, st.a.ID)
	if err != nil {
		return err
	}
	byItem := make(map[int64]Score, len(scs))
	for _, sc := range scs {
		byItem[sc.ItemID] = sc
	}
	var counts []struct {
		ItemID int64 `db:"item_id"`
		N      int   `db:"n"`
	}
	if err := tx.SelectContext(ctx, &counts, tx.Rebind(`SELECT item_id, COUNT(*) AS n FROM index_evidence
		WHERE assessment_id = ? GROUP BY item_id`), st.a.ID); err != nil {
		return fmt.Errorf("index: count evidence of assessment %d: %w", st.a.ID, err)
	}
	evidence := make(map[int64]int, len(counts))
	for _, c := range counts {
		evidence[c.ItemID] = c.N
	}
	errs := valid.Errors{}
	for _, it := range tree.Leaves() {
		if it.Kind == KindSurvey {
			continue
		}
		sc, ok := byItem[it.ID]
		if ok && !sc.Applicable {
			continue
		}
		key := fmt.Sprintf("item.%d", it.ID)
		switch {
		case it.Rule.Type == rule.TypeAuto:
			// Computed, with its data as evidence. A figure with nothing to
			// judge (no report due in the year) is left to the appraisal.
		case !ok || sc.SelfPoints == nil:
			errs.Add(key, fmt.Sprintf("Tiêu chí %s: chưa chấm điểm.", it.Number))
		case it.EvidenceRequired && evidence[it.ID] == 0 && sc.Explanation == "":
			errs.Add(key, fmt.Sprintf("Tiêu chí %s: thiếu tài liệu kiểm chứng; hãy đính kèm hoặc giải trình.", it.Number))
		}
	}
	return errs.Err()
}

// Reopen returns a submitted assessment to its unit as a draft (the
// coordinator's decision, while the framework is in the self stage).
func (s *Store) Reopen(ctx context.Context, assessmentID, userID int64) (Assessment, error) {
	var a Assessment
	err := s.inAssessment(ctx, assessmentID, userID, func(ctx context.Context, tx *sqlx.Tx, st assessState) error {
		if st.f.Stage != StageSelf {
			return assessStageProblem(st.f.Stage, "trả lại bản tự chấm")
		}
		if st.a.Status != StatusSubmitted {
			return assessStatusProblem(st.a.Status, "trả lại bản tự chấm")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_assessments SET status = ?, submitted_at = NULL,
			submitted_by = NULL, updated_at = ? WHERE id = ?`), StatusDraft, db.Now(), assessmentID); err != nil {
			return fmt.Errorf("index: reopen assessment %d: %w", assessmentID, err)
		}
		var err error
		if a, err = assessGet(ctx, tx, assessmentID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: "Trả lại bản tự chấm của " + st.unitName + " để sửa", Before: st.a, After: a})
	})
	return a, err
}
