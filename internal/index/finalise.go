package index

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Finalise fixes the results of framework frameworkID: the framework moves
// from the appraisal stage to final, and every assessment becomes final.
// It is refused while an assessment is submitted but not yet appraised.
// Active units of the framework's kind that have no assessment get one,
// final with nothing scored (zero points), so every unit is listed. Each
// assessment's change and the framework's are audited; all in one
// transaction.
func (s *Store) Finalise(ctx context.Context, frameworkID, userID int64) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_frameworks SET id = id WHERE id = ?`),
			frameworkID); err != nil {
			return fmt.Errorf("index: lock framework %d: %w", frameworkID, err)
		}
		f, err := FrameworkWith(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		if f.Stage != StageAppraisal {
			if f.Stage == StageFinal {
				return valid.Problemf("Bộ chỉ số đã chốt kết quả.")
			}
			return valid.Problemf("Chỉ chốt kết quả khi bộ chỉ số đang ở giai đoạn thẩm định.")
		}
		type pending struct {
			ID     int64  `db:"id"`
			Status string `db:"status"`
			Name   string `db:"name"`
		}
		var open []pending
		if err := tx.SelectContext(ctx, &open, tx.Rebind(`SELECT a.id, a.status, u.name FROM index_assessments a
			JOIN units u ON u.id = a.unit_id WHERE a.framework_id = ? AND a.status <> ? ORDER BY u.sort_key, u.id`),
			frameworkID, StatusFinal); err != nil {
			return fmt.Errorf("index: assessments of framework %d: %w", frameworkID, err)
		}
		var waiting []string
		for _, p := range open {
			if p.Status == StatusSubmitted {
				waiting = append(waiting, p.Name)
			}
		}
		if len(waiting) > 0 {
			names := waiting
			if len(names) > 10 {
				names = append(names[:10:10], fmt.Sprintf("và %d đơn vị khác", len(waiting)-10))
			}
			return valid.Problemf(fmt.Sprintf("Chưa thể chốt kết quả: %d đơn vị đã nộp bản tự chấm nhưng chưa được thẩm định (%s).",
				len(waiting), strings.Join(names, ", ")))
		}

		now := db.Now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_assessments SET status = ?, finalised_at = ?, updated_at = ?
			WHERE framework_id = ? AND status <> ?`), StatusFinal, now, now, frameworkID, StatusFinal); err != nil {
			return fmt.Errorf("index: finalise assessments of framework %d: %w", frameworkID, err)
		}
		type statusChange struct {
			Status string `json:"status"`
		}
		for _, p := range open {
			if err := audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: p.ID,
				Summary: "Chốt kết quả đánh giá của " + p.Name, Before: statusChange{p.Status},
				After: statusChange{StatusFinal}}); err != nil {
				return err
			}
		}

		var missing []assessUnitRow
		if err := tx.SelectContext(ctx, &missing, tx.Rebind(`SELECT id, code, name, kind FROM units u
			WHERE u.kind = ? AND (u.active_to IS NULL OR u.active_to >= ?)
			AND NOT EXISTS (SELECT 1 FROM index_assessments a WHERE a.framework_id = ? AND a.unit_id = u.id)
			ORDER BY u.sort_key, u.id`), f.UnitKind, s.Today(), frameworkID); err != nil {
			return fmt.Errorf("index: units without an assessment in framework %d: %w", frameworkID, err)
		}
		if len(missing) > 0 {
			tree, err := assessTree(ctx, tx, frameworkID)
			if err != nil {
				return err
			}
			leaves := tree.Leaves()
			for _, u := range missing {
				if _, err := s.assessCreate(ctx, tx, f, leaves, u, StatusFinal, false); err != nil {
					return err
				}
			}
		}

		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_frameworks SET stage = ?, updated_at = ? WHERE id = ?`),
			StageFinal, now, frameworkID); err != nil {
			return fmt.Errorf("index: finalise framework %d: %w", frameworkID, err)
		}
		type stageChange struct {
			Stage string `json:"stage"`
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_framework", EntityID: frameworkID,
			Summary: fmt.Sprintf("Chốt kết quả bộ chỉ số “%s” (%d đơn vị)", f.Title, len(open)+len(missing)),
			Before:  stageChange{f.Stage}, After: stageChange{StageFinal}})
	})
}

// SetRanked lists the assessment's unit with a rank (ranked) or without
// one, for the reason note (required then).
func (s *Store) SetRanked(ctx context.Context, assessmentID int64, ranked bool, note string, userID int64) error {
	note = vn.CleanText(note)
	if ranked {
		note = ""
	} else if note == "" {
		return valid.Errors{"unranked_note": "Hãy ghi lý do không xếp hạng đơn vị."}
	} else if utf8.RuneCountInString(note) > 500 {
		return valid.Errors{"unranked_note": "Lý do dài tối đa 500 ký tự."}
	}
	return s.inAssessment(ctx, assessmentID, userID, func(ctx context.Context, tx *sqlx.Tx, st assessState) error {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_assessments SET ranked = ?, unranked_note = ?, updated_at = ?
			WHERE id = ?`), ranked, note, db.Now(), assessmentID); err != nil {
			return fmt.Errorf("index: set ranked of assessment %d: %w", assessmentID, err)
		}
		summary := "Xếp hạng " + st.unitName
		if !ranked {
			summary = "Không xếp hạng " + st.unitName + ": " + note
		}
		type rankedState struct {
			Ranked bool   `json:"ranked"`
			Note   string `json:"unranked_note"`
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: summary, Before: rankedState{st.a.Ranked, st.a.UnrankedNote}, After: rankedState{ranked, note}})
	})
}
