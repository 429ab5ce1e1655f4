// Package index holds the reform index (Chỉ số cải cách hành chính):
// frameworks as data (a year and a kind of unit; fields, criteria and
// sub-criteria with maximum points and scoring rules; bands), each unit's
// assessment (self-scores with evidence, appraisal with reasons, one
// response, survey points), figures computed from cchc's own plans, tasks
// and reports for automatic rules, and the results: points, index,
// rankings, component indices. It knows nothing of HTTP. Scoring a single
// item is the pure package rule.
package index

import (
	"time"

	"cchc/internal/civil"
	"cchc/internal/index/rule"
)

// Stages of a framework's yearly cycle.
const (
	StageDraft     = "draft"     // items are being written; units see nothing
	StageSelf      = "self"      // units self-assess; items are frozen
	StageAppraisal = "appraisal" // the council appraises submitted assessments
	StageFinal     = "final"     // results are fixed
)

// Levels of an item.
const (
	LevelField     = "field"     // lĩnh vực
	LevelCriterion = "criterion" // tiêu chí
	LevelSub       = "sub"       // tiêu chí thành phần
)

// Kinds of item.
const (
	KindScore   = "score"   // self-assessed, then appraised
	KindSurvey  = "survey"  // points from the sociological survey
	KindBonus   = "bonus"   // điểm thưởng: added, outside the maximum
	KindPenalty = "penalty" // điểm trừ: subtracted, outside the maximum
)

// Criteria groups of a plan to raise the index.
const (
	GroupRoutine    = "routine"    // done routinely
	GroupInvestment = "investment" // needs investment
	GroupHard       = "hard"       // hard to achieve
)

// Statuses of an assessment.
const (
	StatusDraft     = "draft"     // the unit is scoring
	StatusSubmitted = "submitted" // locked; waiting for appraisal
	StatusAppraised = "appraised" // appraised; the unit may respond once
	StatusResponded = "responded" // the unit has responded
	StatusFinal     = "final"     // finalised by the coordinator
)

// Framework is a reform index framework (bộ tiêu chí) for one year and one
// kind of unit. SelfDeadline nil means the default: 15/04 of the next year
// (see Framework.Deadline).
type Framework struct {
	ID           int64       `db:"id" json:"id"`
	Year         int         `db:"year" json:"year"`
	UnitKind     string      `db:"unit_kind" json:"unit_kind"`
	Title        string      `db:"title" json:"title"`
	SelfDeadline *civil.Date `db:"self_deadline" json:"self_deadline"`
	Stage        string      `db:"stage" json:"stage"`
	Published    bool        `db:"published" json:"published"`
	CopiedFrom   *int64      `db:"copied_from" json:"copied_from"`
	CreatedAt    time.Time   `db:"created_at" json:"created_at"`
	UpdatedAt    time.Time   `db:"updated_at" json:"updated_at"`
}

// Deadline returns the day self-assessments are due: SelfDeadline, or
// 15/04 of the year after the framework's year.
func (f Framework) Deadline() civil.Date {
	if f.SelfDeadline != nil {
		return *f.SelfDeadline
	}
	return civil.New(f.Year+1, time.April, 15)
}

// Item is a field, criterion or sub-criterion. A leaf (no children) is
// scored by its Rule; a parent's MaxPoints is the sum of its children's
// score and survey items. Number is as printed in the framework ("1",
// "1.2", "1.2.3"). Optional items may be declared not applicable by a
// unit, which takes them out of its maximum.
type Item struct {
	ID               int64       `db:"id" json:"id"`
	FrameworkID      int64       `db:"framework_id" json:"framework_id"`
	ParentID         *int64      `db:"parent_id" json:"parent_id"`
	Position         int         `db:"position" json:"position"`
	Number           string      `db:"number" json:"number"`
	Level            string      `db:"level" json:"level"`
	Title            string      `db:"title" json:"title"`
	MaxPoints        rule.Points `db:"max_points" json:"max_points"`
	Rule             rule.Spec   `db:"-" json:"rule"`
	Kind             string      `db:"kind" json:"kind"`
	EvidenceRequired bool        `db:"evidence_required" json:"evidence_required"`
	Optional         bool        `db:"optional" json:"optional"`
	GroupTag         string      `db:"group_tag" json:"group_tag"`
	Guidance         string      `db:"guidance" json:"guidance"`
}

// Band is a classification (xếp loại): an index of at least MinPercent
// (hundredths of a percent) earns Label.
type Band struct {
	MinPercent int    `db:"min_percent" json:"min_percent"`
	Label      string `db:"label" json:"label"`
}

// Assessment is a unit's assessment in a framework.
type Assessment struct {
	ID           int64      `db:"id" json:"id"`
	FrameworkID  int64      `db:"framework_id" json:"framework_id"`
	UnitID       int64      `db:"unit_id" json:"unit_id"`
	Status       string     `db:"status" json:"status"`
	Ranked       bool       `db:"ranked" json:"ranked"`
	UnrankedNote string     `db:"unranked_note" json:"unranked_note"`
	SubmittedAt  *time.Time `db:"submitted_at" json:"submitted_at"`
	SubmittedBy  *int64     `db:"submitted_by" json:"submitted_by"`
	AppraisedAt  *time.Time `db:"appraised_at" json:"appraised_at"`
	AppraisedBy  *int64     `db:"appraised_by" json:"appraised_by"`
	RespondedAt  *time.Time `db:"responded_at" json:"responded_at"`
	Response     string     `db:"response" json:"response"`
	FinalisedAt  *time.Time `db:"finalised_at" json:"finalised_at"`
	CreatedAt    time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt    time.Time  `db:"updated_at" json:"updated_at"`
}

// Score is one item of an assessment. Points nil means not given yet;
// AppraisedPoints nil means the appraisal has not touched the item (the
// self-score stands). Facts, for automatic rules, is the JSON of the
// figures the score was computed from.
type Score struct {
	AssessmentID    int64        `db:"assessment_id" json:"assessment_id"`
	ItemID          int64        `db:"item_id" json:"item_id"`
	Applicable      bool         `db:"applicable" json:"applicable"`
	Input           string       `db:"input" json:"input"`
	SelfPoints      *rule.Points `db:"self_points" json:"self_points"`
	Explanation     string       `db:"explanation" json:"explanation"`
	Facts           string       `db:"facts" json:"facts"`
	AppraisedPoints *rule.Points `db:"appraised_points" json:"appraised_points"`
	AppraisalReason string       `db:"appraisal_reason" json:"appraisal_reason"`
	Response        string       `db:"response" json:"response"`
	SurveyPoints    *rule.Points `db:"survey_points" json:"survey_points"`
	UpdatedAt       time.Time    `db:"updated_at" json:"updated_at"`
}

// Evidence is a document cited for an item: an uploaded file (FileID), a
// plan, task or report in cchc (RefKind, RefID) or a web link (URL), with
// where in it (Locator: "Mục II, trang 3").
type Evidence struct {
	ID           int64     `db:"id" json:"id"`
	AssessmentID int64     `db:"assessment_id" json:"assessment_id"`
	ItemID       int64     `db:"item_id" json:"item_id"`
	FileID       *int64    `db:"file_id" json:"file_id"`
	RefKind      string    `db:"ref_kind" json:"ref_kind"`
	RefID        *int64    `db:"ref_id" json:"ref_id"`
	URL          string    `db:"url" json:"url"`
	Title        string    `db:"title" json:"title"`
	Locator      string    `db:"locator" json:"locator"`
	AddedBy      *int64    `db:"added_by" json:"added_by"`
	AddedAt      time.Time `db:"added_at" json:"added_at"`
}
