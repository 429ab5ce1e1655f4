package index

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/vn"
)

// resultsPts returns a pointer to p hundredths.
func resultsPts(p rule.Points) *rule.Points { return &p }

// resultsItem is an item of a test tree; parent 0 is top level.
func resultsItem(id, parent int64, number, level, kind string, maxPoints rule.Points) Item {
	it := Item{ID: id, Number: number, Level: level, Kind: kind, MaxPoints: maxPoints, Title: "Mục " + number,
		Position: int(id), Rule: rule.Spec{Type: rule.TypeManual}}
	if parent != 0 {
		it.ParentID = &parent
	}
	return it
}

// resultsScore is a score row of a test assessment. Nil points are not given.
type resultsScore struct {
	item                    int64
	na                      bool
	self, appraised, survey *rule.Points
}

// resultsScores turns test rows into Scores of assessment id.
func resultsScores(id int64, rows ...resultsScore) []Score {
	out := make([]Score, 0, len(rows))
	for _, r := range rows {
		out = append(out, Score{AssessmentID: id, ItemID: r.item, Applicable: !r.na, SelfPoints: r.self,
			AppraisedPoints: r.appraised, SurveyPoints: r.survey})
	}
	return out
}

// resultsRanks returns the units' names with their ranks, "-" for none,
// in table order: "Xã A:1 Xã B:1 Xã C:3 Xã D:-".
func resultsRanks(units []UnitResult) string {
	var parts []string
	for _, u := range units {
		r := "-"
		if u.Rank != nil {
			r = fmt.Sprint(*u.Rank)
		}
		parts = append(parts, u.UnitName+":"+r)
	}
	return strings.Join(parts, " ")
}

// resultsUnit inserts a unit of kind active from 2015 and returns its id.
func resultsUnit(t testing.TB, d *db.DB, code, name, kind string) int64 {
	t.Helper()
	var id int64
	err := d.GetContext(context.Background(), &id, d.Rebind(`INSERT INTO units (code, name, kind, active_from, sort_key,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		code, name, kind, civil.New(2015, time.January, 1), vn.SortKey(name), db.Now(), db.Now())
	if err != nil {
		t.Fatalf("insert unit %s: %v", code, err)
	}
	return id
}

// resultsDBItem is an item to store: its parent by number ("" for top
// level) and its rule.
type resultsDBItem struct {
	number, parent, level, kind string
	max                         rule.Points
	optional                    bool
	rule                        rule.Spec
}

// resultsFramework stores a framework of year and kind at stage, its items
// (parents before children) and bands, in one transaction, and returns
// the framework's id and the items' ids by number.
func resultsFramework(t testing.TB, d *db.DB, year int, kind, stage string, items []resultsDBItem, bands []Band) (int64, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	ids := map[string]int64{}
	var fid int64
	err := d.InTx(ctx, func(tx *sqlx.Tx) error {
		now := db.Now()
		if err := tx.GetContext(ctx, &fid, tx.Rebind(`INSERT INTO index_frameworks (year, unit_kind, title, stage,
			published, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			year, kind, fmt.Sprintf("Bộ chỉ số năm %d", year), stage, false, now, now); err != nil {
			return err
		}
		for i, it := range items {
			spec := it.rule
			if spec.Type == "" {
				spec = rule.Spec{Type: rule.TypeManual}
			}
			js, err := json.Marshal(spec)
			if err != nil {
				return err
			}
			var parent *int64
			if it.parent != "" {
				p := ids[it.parent]
				parent = &p
			}
			var id int64
			if err := tx.GetContext(ctx, &id, tx.Rebind(`INSERT INTO index_items (framework_id, parent_id, position,
				number, level, title, max_points, rule, kind, evidence_required, optional, group_tag, guidance)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '') RETURNING id`),
				fid, parent, i+1, it.number, it.level, "Tiêu chí "+it.number, it.max, string(js), it.kind, false,
				it.optional); err != nil {
				return fmt.Errorf("item %s: %w", it.number, err)
			}
			ids[it.number] = id
		}
		for _, b := range bands {
			if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO index_bands (framework_id, min_percent, label)
				VALUES (?, ?, ?)`), fid, b.MinPercent, b.Label); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("store framework of %d: %v", year, err)
	}
	return fid, ids
}

// resultsAssessment stores unit's assessment in framework fid with status
// (submitted unless a draft) and ranked, and its scores keyed by item
// number, and returns its id.
func resultsAssessment(t testing.TB, d *db.DB, fid, unit int64, status string, ranked bool, ids map[string]int64,
	scores map[string]resultsScore) int64 {
	t.Helper()
	ctx := context.Background()
	var aid int64
	err := d.InTx(ctx, func(tx *sqlx.Tx) error {
		now := db.Now()
		var submitted *time.Time
		if status != StatusDraft {
			submitted = &now
		}
		if err := tx.GetContext(ctx, &aid, tx.Rebind(`INSERT INTO index_assessments (framework_id, unit_id, status,
			ranked, submitted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			fid, unit, status, ranked, submitted, now, now); err != nil {
			return err
		}
		for number, sc := range scores {
			if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO index_scores (assessment_id, item_id, applicable,
				self_points, appraised_points, survey_points, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
				aid, ids[number], !sc.na, resultsPointsArg(sc.self), resultsPointsArg(sc.appraised),
				resultsPointsArg(sc.survey), now); err != nil {
				return fmt.Errorf("score of %s: %w", number, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("store assessment of unit %d: %v", unit, err)
	}
	return aid
}

// resultsPointsArg passes p as a nullable integer.
func resultsPointsArg(p *rule.Points) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

// factsPlan inserts an annual plan of unit for year with status, number
// and issue day (zero: none), and returns its id.
func factsPlan(t testing.TB, d *db.DB, unit int64, year int, status, number string, issued civil.Date) int64 {
	t.Helper()
	var id int64
	err := d.GetContext(context.Background(), &id, d.Rebind(`INSERT INTO plans (kind, title, issuing_unit_id,
		number_symbol, issued_on, period_start, period_end, status, created_at, updated_at)
		VALUES ('annual', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		fmt.Sprintf("Kế hoạch cải cách hành chính năm %d", year), unit, number, issued,
		civil.New(year, time.January, 1), civil.New(year, time.December, 31), status, db.Now(), db.Now())
	if err != nil {
		t.Fatalf("insert plan: %v", err)
	}
	return id
}

// factsWork is a work item to insert: its task's content, due day,
// percent, completion day (zero: none) and hold.
type factsWork struct {
	content   string
	due       civil.Date
	percent   int
	completed civil.Date
	hold      string
}

// factsWorkItems inserts a task of plan for each item, with a work item of
// unit, and returns the work items' ids in order.
func factsWorkItems(t testing.TB, d *db.DB, plan, unit int64, items ...factsWork) []int64 {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	for i, w := range items {
		var task, id int64
		err := d.GetContext(ctx, &task, d.Rebind(`INSERT INTO tasks (plan_id, seq, position, content, lead_unit_id,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			plan, fmt.Sprint(i+1), i+1, w.content, unit, db.Now(), db.Now())
		if err == nil {
			err = d.GetContext(ctx, &id, d.Rebind(`INSERT INTO work_items (task_id, unit_id, due_on, percent,
				completed_on, hold, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
				task, unit, w.due, w.percent, w.completed, w.hold, db.Now())
		}
		if err != nil {
			t.Fatalf("insert work item %q: %v", w.content, err)
		}
		ids = append(ids, id)
	}
	return ids
}

// factsReport inserts unit's report on the default form for the period
// with code, with status and on-time flag (nil: not decided), and returns
// its id.
func factsReport(t testing.TB, d *db.DB, unit int64, period, status string, onTime *bool) int64 {
	t.Helper()
	ctx := context.Background()
	var ref struct {
		FormID    int64 `db:"form_id"`
		VersionID int64 `db:"version_id"`
		PeriodID  int64 `db:"period_id"`
	}
	err := d.GetContext(ctx, &ref, d.Rebind(`SELECT f.id AS form_id, v.id AS version_id, p.id AS period_id
		FROM report_forms f JOIN report_form_versions v ON v.form_id = f.id JOIN report_periods p ON p.code = ?
		WHERE f.code = 'CCHC' ORDER BY v.version DESC LIMIT 1`), period)
	if err != nil {
		t.Fatalf("form and period %s: %v", period, err)
	}
	var submitted any
	if onTime != nil {
		submitted = db.Now()
	}
	var id int64
	err = d.GetContext(ctx, &id, d.Rebind(`INSERT INTO reports (form_id, form_version_id, period_id, unit_id, status,
		submitted_at, on_time, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		ref.FormID, ref.VersionID, ref.PeriodID, unit, status, submitted, onTime, db.Now(), db.Now())
	if err != nil {
		t.Fatalf("insert report %s of unit %d: %v", period, unit, err)
	}
	return id
}

// factsFigure returns the value of the fact's figure labelled label, or
// "(none)".
func factsFigure(f Fact, label string) string {
	for _, fg := range f.Figures {
		if fg.Label == label {
			return fg.Value
		}
	}
	return "(none)"
}

// resultsInsertRows inserts rows into table's columns with multi-row
// INSERTs through tx, as many rows per statement as keep the parameters
// under both databases' limits.
func resultsInsertRows(ctx context.Context, tx *sqlx.Tx, table string, cols []string, rows [][]any) error {
	per := max(1, 30000/len(cols))
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		var args []any
		for _, r := range chunk {
			args = append(args, r...)
		}
		query := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(row+", ", len(chunk)), ", ")
		if _, err := tx.ExecContext(ctx, tx.Rebind(query), args...); err != nil {
			return fmt.Errorf("insert %d rows into %s: %w", len(chunk), table, err)
		}
	}
	return nil
}

// resultsSubmittedAt is when the in-memory assessments of the results
// tests were submitted: a self-score counts only once submitted.
var resultsSubmittedAt = time.Date(2026, time.April, 10, 3, 0, 0, 0, time.UTC)
