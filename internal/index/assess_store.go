package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"cchc/internal/audit"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// An assessment moves draft → submitted → appraised → responded (once,
// optional) → final. The store checks the framework's stage and the
// assessment's status on every change; who may make it (the unit's
// officer, an appraiser, the coordinator) is decided by the callers with
// auth.Policy. Each change locks the assessment's row first (an UPDATE
// that changes nothing), so two changes of one assessment never interleave
// on PostgreSQL either.

// MaxAssessText is the longest explanation, reason or response, in
// characters.
const MaxAssessText = 10000

const assessSQLColumns = `a.id, a.framework_id, a.unit_id, a.status, a.ranked, a.unranked_note, a.submitted_at,
	a.submitted_by, a.appraised_at, a.appraised_by, a.responded_at, a.response, a.finalised_at, a.created_at, a.updated_at`

const assessScoreSQLColumns = `sc.assessment_id, sc.item_id, sc.applicable, sc.input, sc.self_points, sc.explanation, sc.facts,
	sc.appraised_points, sc.appraisal_reason, sc.response, sc.survey_points, sc.updated_at`

// Assessment returns unit unitID's assessment in framework frameworkID, or
// an error wrapping db.ErrNotFound.
func (s *Store) Assessment(ctx context.Context, frameworkID, unitID int64) (Assessment, error) {
	return assessFind(ctx, s.db, frameworkID, unitID)
}

func assessFind(ctx context.Context, q db.Querier, frameworkID, unitID int64) (Assessment, error) {
	var a Assessment
	err := q.GetContext(ctx, &a, q.Rebind(`SELECT `+assessSQLColumns+` FROM index_assessments a
		WHERE a.framework_id = ? AND a.unit_id = ?`), frameworkID, unitID)
	if err != nil {
		return a, fmt.Errorf("index: assessment of unit %d in framework %d: %w", unitID, frameworkID, db.NotFound(err))
	}
	return a, nil
}

// AssessmentByID returns the assessment with id, or an error wrapping
// db.ErrNotFound.
func (s *Store) AssessmentByID(ctx context.Context, id int64) (Assessment, error) {
	return assessGet(ctx, s.db, id)
}

func assessGet(ctx context.Context, q db.Querier, id int64) (Assessment, error) {
	var a Assessment
	err := q.GetContext(ctx, &a, q.Rebind(`SELECT `+assessSQLColumns+` FROM index_assessments a WHERE a.id = ?`), id)
	if err != nil {
		return a, fmt.Errorf("index: assessment %d: %w", id, db.NotFound(err))
	}
	return a, nil
}

// Assessments returns the assessments of framework frameworkID in the
// units' order.
func (s *Store) Assessments(ctx context.Context, frameworkID int64) ([]Assessment, error) {
	var as []Assessment
	err := s.db.SelectContext(ctx, &as, s.db.Rebind(`SELECT `+assessSQLColumns+` FROM index_assessments a
		JOIN units u ON u.id = a.unit_id WHERE a.framework_id = ? ORDER BY u.sort_key, u.id`), frameworkID)
	if err != nil {
		return nil, fmt.Errorf("index: assessments of framework %d: %w", frameworkID, err)
	}
	return as, nil
}

// Scores returns the scored items of assessment assessmentID in the
// framework's tree order: one per leaf item.
func (s *Store) Scores(ctx context.Context, assessmentID int64) ([]Score, error) {
	return assessScores(ctx, s.db, assessmentID)
}

func assessScores(ctx context.Context, q db.Querier, assessmentID int64) ([]Score, error) {
	var scs []Score
	err := q.SelectContext(ctx, &scs, q.Rebind(`SELECT `+assessScoreSQLColumns+` FROM index_scores sc
		JOIN index_items i ON i.id = sc.item_id WHERE sc.assessment_id = ? ORDER BY i.position, i.id`), assessmentID)
	if err != nil {
		return nil, fmt.Errorf("index: scores of assessment %d: %w", assessmentID, err)
	}
	return scs, nil
}

func assessScore(ctx context.Context, q db.Querier, assessmentID, itemID int64) (Score, error) {
	var sc Score
	err := q.GetContext(ctx, &sc, q.Rebind(`SELECT `+assessScoreSQLColumns+` FROM index_scores sc
		WHERE sc.assessment_id = ? AND sc.item_id = ?`), assessmentID, itemID)
	if err != nil {
		return sc, fmt.Errorf("index: score of item %d in assessment %d: %w", itemID, assessmentID, db.NotFound(err))
	}
	return sc, nil
}

// assessWriteScore stores every changeable column of sc.
func assessWriteScore(ctx context.Context, q db.Querier, sc *Score) error {
	sc.UpdatedAt = db.Now()
	_, err := q.ExecContext(ctx, q.Rebind(`UPDATE index_scores SET applicable = ?, input = ?, self_points = ?,
		explanation = ?, facts = ?, appraised_points = ?, appraisal_reason = ?, response = ?, survey_points = ?,
		updated_at = ? WHERE assessment_id = ? AND item_id = ?`),
		sc.Applicable, sc.Input, pointsArg(sc.SelfPoints), sc.Explanation, sc.Facts, pointsArg(sc.AppraisedPoints),
		sc.AppraisalReason, sc.Response, pointsArg(sc.SurveyPoints), sc.UpdatedAt, sc.AssessmentID, sc.ItemID)
	if err != nil {
		return fmt.Errorf("index: save score of item %d in assessment %d: %w", sc.ItemID, sc.AssessmentID, err)
	}
	return nil
}

// pointsArg is p as a query argument: NULL or an int64.
func pointsArg(p *rule.Points) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

// assessState is an assessment locked for a change, with its framework
// and its unit's name.
type assessState struct {
	a        Assessment
	f        Framework
	unitName string
}

// inAssessment runs fn in one transaction, with assessment id locked and
// read (assessLock) and userID as the audit actor when ctx has none.
func (s *Store) inAssessment(ctx context.Context, id, userID int64,
	fn func(ctx context.Context, tx *sqlx.Tx, st assessState) error) error {
	return s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		st, err := assessLock(ctx, tx, id)
		if err != nil {
			return err
		}
		return fn(ctx, tx, st)
	})
}

// assessLock locks assessment id's row for the rest of tx and reads it
// with its framework.
func assessLock(ctx context.Context, tx *sqlx.Tx, id int64) (assessState, error) {
	var st assessState
	res, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE index_assessments SET updated_at = updated_at WHERE id = ?`), id)
	if err != nil {
		return st, fmt.Errorf("index: lock assessment %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return st, fmt.Errorf("index: assessment %d: %w", id, db.ErrNotFound)
	}
	if st.a, err = assessGet(ctx, tx, id); err != nil {
		return st, err
	}
	if st.f, err = FrameworkWith(ctx, tx, st.a.FrameworkID); err != nil {
		return st, err
	}
	if err := tx.GetContext(ctx, &st.unitName, tx.Rebind(`SELECT name FROM units WHERE id = ?`), st.a.UnitID); err != nil {
		return st, fmt.Errorf("index: unit %d of assessment %d: %w", st.a.UnitID, id, err)
	}
	return st, nil
}

// assessUnitRow is what the workflow needs of a unit.
type assessUnitRow struct {
	ID   int64  `db:"id"`
	Code string `db:"code"`
	Name string `db:"name"`
	Kind string `db:"kind"`
}

// assessUnitOfKind reads unit id and checks that it is of f's unit kind.
func assessUnitOfKind(ctx context.Context, q db.Querier, f Framework, id int64) (assessUnitRow, error) {
	var u assessUnitRow
	err := q.GetContext(ctx, &u, q.Rebind(`SELECT id, code, name, kind FROM units WHERE id = ?`), id)
	if errors.Is(db.NotFound(err), db.ErrNotFound) {
		return u, valid.Errors{"unit_id": "Đơn vị không tồn tại."}
	}
	if err != nil {
		return u, fmt.Errorf("index: unit %d: %w", id, err)
	}
	if u.Kind != f.UnitKind {
		return u, valid.Problemf(fmt.Sprintf("Đơn vị “%s” không thuộc loại đơn vị được đánh giá theo bộ chỉ số “%s”.", u.Name, f.Title))
	}
	return u, nil
}

// assessTree reads the items of framework frameworkID as a tree.
func assessTree(ctx context.Context, q db.Querier, frameworkID int64) (Tree, error) {
	items, err := ItemsWith(ctx, q, frameworkID)
	if err != nil {
		return Tree{}, err
	}
	return BuildTree(items), nil
}

// assessLeaf returns item itemID of tree when it is a leaf (a scored
// item), or a valid.Errors keyed "item_id".
func assessLeaf(tree Tree, itemID int64) (Item, error) {
	it, ok := tree.ByID(itemID)
	if !ok {
		return it, valid.Errors{"item_id": "Tiêu chí không thuộc bộ chỉ số này."}
	}
	if !tree.IsLeaf(itemID) {
		return it, valid.Errors{"item_id": fmt.Sprintf("Tiêu chí %s có các tiêu chí thành phần: hãy chấm từng tiêu chí thành phần.", it.Number)}
	}
	return it, nil
}

var assessStageNames = map[string]string{
	StageDraft:     "Bộ chỉ số đang soạn thảo",
	StageSelf:      "Bộ chỉ số đang ở giai đoạn tự chấm",
	StageAppraisal: "Bộ chỉ số đang ở giai đoạn thẩm định",
	StageFinal:     "Bộ chỉ số đã chốt kết quả",
}

// assessStageProblem refuses doing (a Vietnamese verb phrase) in stage.
func assessStageProblem(stage, doing string) error {
	return valid.Problemf(assessStageNames[stage] + ": không thể " + doing + ".")
}

var assessStatusNames = map[string]string{
	StatusDraft:     "Bản tự chấm chưa nộp",
	StatusSubmitted: "Bản tự chấm đã nộp",
	StatusAppraised: "Bản tự chấm đã được thẩm định",
	StatusResponded: "Đơn vị đã phản hồi kết quả thẩm định",
	StatusFinal:     "Kết quả đánh giá đã chốt",
}

// assessStatusProblem refuses doing (a Vietnamese verb phrase) to an
// assessment in status.
func assessStatusProblem(status, doing string) error {
	return valid.Problemf(assessStatusNames[status] + ": không thể " + doing + ".")
}

// assessText cleans a free text (NFC, trimmed; lines kept) and checks its
// length, reporting a valid.Errors keyed field.
func assessText(field, s string) (string, error) {
	s = strings.TrimSpace(vn.NFC(s))
	if utf8.RuneCountInString(s) > MaxAssessText {
		return s, valid.Errors{field: "Nội dung dài tối đa 10.000 ký tự."}
	}
	return s, nil
}

// Open returns unit unitID's assessment in framework frameworkID, creating
// it when there is none: only while the framework is in the self stage and
// only for a unit of the framework's kind. A new assessment is a draft
// with one score row per leaf item, applicable and unscored, except the
// automatic items: their figures are computed at once from cchc's data
// (ComputeAuto), stored as Facts, and scored by the item's rule.
func (s *Store) Open(ctx context.Context, frameworkID, unitID, userID int64) (Assessment, error) {
	var a Assessment
	err := s.db.InTx(ctx, func(tx *sqlx.Tx) error {
		ctx, err := actorContext(ctx, tx, userID)
		if err != nil {
			return err
		}
		f, err := FrameworkWith(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		u, err := assessUnitOfKind(ctx, tx, f, unitID)
		if err != nil {
			return err
		}
		a, err = assessFind(ctx, tx, frameworkID, unitID)
		if !errors.Is(err, db.ErrNotFound) {
			return err
		}
		if f.Stage != StageSelf {
			return assessStageProblem(f.Stage, "mở bản tự chấm mới")
		}
		tree, err := assessTree(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		a, err = s.assessCreate(ctx, tx, f, tree.Leaves(), u, StatusDraft, true)
		return err
	})
	if db.IsUniqueViolation(err) {
		// Opened at the same moment by someone else: theirs stands.
		return s.Assessment(ctx, frameworkID, unitID)
	}
	return a, err
}

// assessCreate inserts unit u's assessment in f with status and a score
// row per leaf; compute scores the automatic leaves from cchc's data.
func (s *Store) assessCreate(ctx context.Context, tx *sqlx.Tx, f Framework, leaves []Item, u assessUnitRow,
	status string, compute bool) (Assessment, error) {
	now := db.Now()
	var finalised any
	if status == StatusFinal {
		finalised = now
	}
	var id int64
	err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO index_assessments (framework_id, unit_id, status, ranked,
		finalised_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		f.ID, u.ID, status, true, finalised, now, now)
	if err != nil {
		return Assessment{}, fmt.Errorf("index: create assessment of unit %d in framework %d: %w", u.ID, f.ID, err)
	}
	rows := make([]Score, len(leaves))
	for i, it := range leaves {
		rows[i] = Score{AssessmentID: id, ItemID: it.ID, Applicable: true, UpdatedAt: now}
		if compute && it.Rule.Type == rule.TypeAuto {
			if err := s.assessAuto(ctx, tx, f, u.ID, it, &rows[i]); err != nil {
				return Assessment{}, err
			}
		}
	}
	if err := assessInsertScores(ctx, tx, rows); err != nil {
		return Assessment{}, err
	}
	a, err := assessGet(ctx, tx, id)
	if err != nil {
		return a, err
	}
	summary := fmt.Sprintf("Mở bản đánh giá Chỉ số CCHC của %s (%s)", u.Name, f.Title)
	if status == StatusFinal {
		summary = fmt.Sprintf("Chốt kết quả của %s (%s): đơn vị không có bản tự chấm", u.Name, f.Title)
	}
	return a, audit.Record(ctx, tx, audit.Entry{Action: audit.Create, Entity: "index_assessment", EntityID: id,
		Summary: summary, After: a})
}

// assessInsertScores inserts rows, many per statement.
func assessInsertScores(ctx context.Context, tx *sqlx.Tx, rows []Score) error {
	const batch = 400 // 7 arguments each: well under either database's limit
	for start := 0; start < len(rows); start += batch {
		part := rows[start:min(start+batch, len(rows))]
		var b strings.Builder
		b.WriteString(`INSERT INTO index_scores (assessment_id, item_id, applicable, input, self_points, facts, updated_at) VALUES `)
		args := make([]any, 0, 7*len(part))
		for i, r := range part {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?, ?, ?, ?)")
			args = append(args, r.AssessmentID, r.ItemID, r.Applicable, r.Input, pointsArg(r.SelfPoints), r.Facts, r.UpdatedAt)
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(b.String()), args...); err != nil {
			return fmt.Errorf("index: insert %d scores of assessment %d: %w", len(part), part[0].AssessmentID, err)
		}
	}
	return nil
}

// assessAuto computes automatic item it's figures for unit unitID and
// scores them into sc (Input, Facts, SelfPoints). A figure the rule cannot
// score (no data to compute a ratio from) leaves SelfPoints nil: Submit
// then names the item.
func (s *Store) assessAuto(ctx context.Context, q db.Querier, f Framework, unitID int64, it Item, sc *Score) error {
	fact, err := s.ComputeAuto(ctx, q, f, unitID, it.Rule.Source)
	if err != nil {
		return fmt.Errorf("index: compute item %s (%s) for unit %d: %w", it.Number, it.Rule.Source, unitID, err)
	}
	facts, err := json.Marshal(fact)
	if err != nil {
		return fmt.Errorf("index: facts of item %s for unit %d: %w", it.Number, unitID, err)
	}
	input, err := json.Marshal(fact.Input)
	if err != nil {
		return fmt.Errorf("index: input of item %s for unit %d: %w", it.Number, unitID, err)
	}
	sc.Facts, sc.Input, sc.SelfPoints = string(facts), string(input), nil
	if res, err := it.Rule.Score(it.MaxPoints, fact.Input); err == nil {
		p := res.Points
		sc.SelfPoints = &p
	}
	return nil
}

// RefreshAuto recomputes the automatic items of a draft assessment from
// cchc's current data (the plan issued since, tasks completed, reports
// sent): Facts, Input and the self-score of each applicable one.
func (s *Store) RefreshAuto(ctx context.Context, assessmentID, userID int64) error {
	return s.inAssessment(ctx, assessmentID, userID, func(ctx context.Context, tx *sqlx.Tx, st assessState) error {
		if st.f.Stage != StageSelf {
			return assessStageProblem(st.f.Stage, "cập nhật điểm tự động")
		}
		if st.a.Status != StatusDraft {
			return assessStatusProblem(st.a.Status, "cập nhật điểm tự động")
		}
		tree, err := assessTree(ctx, tx, st.f.ID)
		if err != nil {
			return err
		}
		type change struct {
			Item   string       `json:"item"`
			Before *rule.Points `json:"before"`
			After  *rule.Points `json:"after"`
		}
		var changes []change
		for _, it := range tree.Leaves() {
			if it.Rule.Type != rule.TypeAuto {
				continue
			}
			sc, err := assessScore(ctx, tx, assessmentID, it.ID)
			if err != nil {
				return err
			}
			if !sc.Applicable {
				continue
			}
			before := sc.SelfPoints
			if err := s.assessAuto(ctx, tx, st.f, st.a.UnitID, it, &sc); err != nil {
				return err
			}
			if err := assessWriteScore(ctx, tx, &sc); err != nil {
				return err
			}
			changes = append(changes, change{Item: it.Number, Before: before, After: sc.SelfPoints})
		}
		if err := assessTouch(ctx, tx, assessmentID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: audit.Update, Entity: "index_assessment", EntityID: assessmentID,
			Summary: "Cập nhật điểm tự động của " + st.unitName, After: changes})
	})
}

// assessTouch sets the assessment's updated_at.
func assessTouch(ctx context.Context, q db.Querier, id int64) error {
	if _, err := q.ExecContext(ctx, q.Rebind(`UPDATE index_assessments SET updated_at = ? WHERE id = ?`), db.Now(), id); err != nil {
		return fmt.Errorf("index: touch assessment %d: %w", id, err)
	}
	return nil
}
