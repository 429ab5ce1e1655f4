// Package report holds periodic reports (báo cáo định kỳ): report forms as
// data (sections with narrative fields and numeric indicators, rates
// defined by formula, validation rules, versions), the reporting calendar
// (report types with a deadline per level and data cut-off rules) and the
// periods it generates, each unit's report for a period with its
// submission workflow (draft → submitted → returned → accepted) and
// timeliness, and live consolidation over a unit's subtree. It knows
// nothing of HTTP.
package report

import (
	"time"

	"cchc/internal/civil"
)

// Indicator kinds. Counts and money are entered (money in đồng); rates are
// computed from counts by their formula, never typed.
const (
	KindCount = "count"
	KindMoney = "money"
	KindRate  = "rate"
)

// Definition is what a form version asks for. It is stored as JSON in
// report_form_versions.definition.
type Definition struct {
	Sections []Section `json:"sections"`
	Rules    []Rule    `json:"rules"`
}

// Section groups a form's fields, usually one per reform area.
type Section struct {
	Code       string      `json:"code"`
	Title      string      `json:"title"`
	Area       string      `json:"area,omitempty"` // code of the reform area it reports on, if any
	Narratives []Narrative `json:"narratives"`
	Indicators []Indicator `json:"indicators"`
}

// Narrative is a text field: results, limitations, causes, proposals.
// Prefill names what cchc writes into it for a new report ("tasks": the
// unit's progress on its tasks during the period), "" for nothing.
type Narrative struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	Prefill string `json:"prefill,omitempty"`
}

// Indicator is a number of the form. Formula is a rate's definition over
// other indicators' codes ("(early + on_time) / processed"); UnitKinds
// limits the kinds of unit that report it (empty: every kind); Prefill
// names a figure cchc derives from its own data ("tasks_due",
// "tasks_done_on_time", ...), "" for none.
type Indicator struct {
	Code      string   `json:"code"`
	Label     string   `json:"label"`
	Kind      string   `json:"kind"`
	Formula   string   `json:"formula,omitempty"`
	UnitKinds []string `json:"unit_kinds,omitempty"`
	Prefill   string   `json:"prefill,omitempty"`
}

// Rule is a check between indicators that blocks submission when false:
// Expr compares two sums ("processed_on_time <= processed", "early +
// on_time + late = processed"); Message says what is wrong, in
// Vietnamese.
type Rule struct {
	Expr    string `json:"expr"`
	Message string `json:"message"`
}

// Form is a report form with its latest version's definition.
type Form struct {
	ID        int64  `db:"id" json:"id"`
	Code      string `db:"code" json:"code"`
	Title     string `db:"title" json:"title"`
	UnitKinds string `db:"unit_kinds" json:"-"` // comma-separated kind codes, "" = every kind
	// ReportTypes lists, comma-separated, the codes of the report types
	// the form is sent for ("" = every type): see UsedFor.
	ReportTypes string     `db:"report_types" json:"-"`
	VersionID   int64      `db:"version_id" json:"version_id"`
	Version     int        `db:"version" json:"version"`
	Definition  Definition `db:"-" json:"definition"`
	CreatedAt   time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt   time.Time  `db:"updated_at" json:"updated_at"`
}

// Report statuses.
const (
	StatusDraft     = "draft"
	StatusSubmitted = "submitted"
	StatusReturned  = "returned"
	StatusAccepted  = "accepted"
)

// Report is a unit's report for a period on a form. OnTime is decided at
// the first submission (nil before).
type Report struct {
	ID            int64             `db:"id" json:"id"`
	FormID        int64             `db:"form_id" json:"form_id"`
	FormVersionID int64             `db:"form_version_id" json:"form_version_id"`
	PeriodID      int64             `db:"period_id" json:"period_id"`
	UnitID        int64             `db:"unit_id" json:"unit_id"`
	Status        string            `db:"status" json:"status"`
	SubmittedAt   *time.Time        `db:"submitted_at" json:"submitted_at"`
	OnTime        *bool             `db:"on_time" json:"on_time"`
	AcceptedAt    *time.Time        `db:"accepted_at" json:"accepted_at"`
	CreatedAt     time.Time         `db:"created_at" json:"created_at"`
	UpdatedAt     time.Time         `db:"updated_at" json:"updated_at"`
	Values        map[string]int64  `db:"-" json:"-"`
	Texts         map[string]string `db:"-" json:"-"`
}

// ReportType is a kind of report in the calendar; see report_types.
type ReportType struct {
	ID                 int64  `db:"id" json:"id"`
	Code               string `db:"code" json:"code"`
	Name               string `db:"name" json:"name"`
	PeriodKind         string `db:"period_kind" json:"period_kind"` // PeriodQuarter ... or "" for ad hoc
	CutoffFromDay      int    `db:"cutoff_from_day" json:"cutoff_from_day"`
	CutoffToDay        int    `db:"cutoff_to_day" json:"cutoff_to_day"`
	UnitDeadlineDay    int    `db:"unit_deadline_day" json:"unit_deadline_day"`
	UnitDeadlineOffset int    `db:"unit_deadline_offset" json:"unit_deadline_offset"`
	SNVDeadlineDay     int    `db:"snv_deadline_day" json:"snv_deadline_day"`
	SNVDeadlineOffset  int    `db:"snv_deadline_offset" json:"snv_deadline_offset"`
	GraceDays          int    `db:"grace_days" json:"grace_days"`
	Position           int    `db:"position" json:"position"`
}

// PeriodRow is a stored reporting period with its dates.
type PeriodRow struct {
	ID     int64 `db:"id" json:"id"`
	TypeID int64 `db:"type_id" json:"type_id"`
	// TypeCode is the code of the period's report type, as PeriodByCode,
	// PeriodByID and Periods read it ("" where a query did not).
	TypeCode     string     `db:"type_code" json:"type_code"`
	Code         string     `db:"code" json:"code"`
	Title        string     `db:"title" json:"title"`
	StartsOn     civil.Date `db:"starts_on" json:"starts_on"`
	EndsOn       civil.Date `db:"ends_on" json:"ends_on"`
	CutoffFrom   civil.Date `db:"cutoff_from" json:"cutoff_from"`
	CutoffTo     civil.Date `db:"cutoff_to" json:"cutoff_to"`
	UnitDeadline civil.Date `db:"unit_deadline" json:"unit_deadline"`
	SNVDeadline  civil.Date `db:"snv_deadline" json:"snv_deadline"`
	LocksOn      civil.Date `db:"locks_on" json:"locks_on"`
}
