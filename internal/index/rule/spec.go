// Package rule scores one index item (tiêu chí) from what a unit gives or
// what cchc computes: the scoring rules of a reform index framework. It is
// pure: no database, no clock. A rule is stored as the JSON of a Spec in
// index_items.rule.
package rule

// Rule types. Adding one is a new file with a scorer and one line in the
// table of types (see types.go).
const (
	TypeManual       = "manual"       // points typed by the unit, 0..max in steps
	TypeYesNo        = "yesno"        // yes: max, no: 0
	TypeTiers        = "tiers"        // points by the tier a ratio falls in
	TypeProportional = "proportional" // max × ratio
	TypeTimeliness   = "timeliness"   // on time: max, late: Late% of max, not done: 0
	TypeSurvey       = "survey"       // answer A/B/C/D: 100/60/20/0% of max
	TypeAuto         = "auto"         // a figure cchc computes from its own data, scored by Then
)

// Sources of automatic rules: figures cchc computes from its own data for
// a unit and a year (the index package computes them; see its facts).
const (
	SourcePlanOnTime      = "plan_on_time"     // the unit's annual plan issued on time (Timeliness)
	SourcePlanCompletion  = "plan_completion"  // share of the unit's tasks of the year done (Ratio)
	SourceReportsOnTime   = "reports_on_time"  // every periodic report of the year submitted on time (Yes)
	SourceReportsComplete = "reports_complete" // every periodic report of the year submitted (Yes)
)

// Timeliness values of Input.Timeliness.
const (
	OnTime  = "on_time"
	Late    = "late"
	NotDone = "not_done"
)

// Spec is a scoring rule as stored. Only the fields of its Type matter.
type Spec struct {
	Type string `json:"type"`
	// Step: for manual rules, the points move in steps of Step (0 = 25,
	// that is 0,25 điểm).
	Step Points `json:"step,omitempty"`
	// Tiers: for tier rules, the first tier the ratio falls in gives its
	// points.
	Tiers []Tier `json:"tiers,omitempty"`
	// LatePercent: for timeliness rules, the share of the maximum a late
	// result earns, in percent (0 = 50).
	LatePercent int `json:"late_percent,omitempty"`
	// Source and Then: for automatic rules, the figure computed and the
	// rule that scores it (nil = the source's default rule).
	Source string `json:"source,omitempty"`
	Then   *Spec  `json:"then,omitempty"`
}

// Tier is a range of a ratio (0..1) and the points it earns. A nil bound
// is open; Incl says whether the bound itself belongs to the tier, so
// "from 70% to 90%" and "over 90%" never both hold at 90%.
type Tier struct {
	From     *float64 `json:"from,omitempty"`
	FromIncl bool     `json:"from_incl,omitempty"`
	To       *float64 `json:"to,omitempty"`
	ToIncl   bool     `json:"to_incl,omitempty"`
	Points   Points   `json:"points"`
}

// Input is what scoring an item takes: only the field its rule needs (see
// Spec.Needs). It is stored as JSON in index_scores.input.
type Input struct {
	Points     *Points  `json:"points,omitempty"`     // manual
	Yes        *bool    `json:"yes,omitempty"`        // yes/no
	Ratio      *float64 `json:"ratio,omitempty"`      // tiers, proportional: 0..1
	Timeliness string   `json:"timeliness,omitempty"` // OnTime, Late, NotDone
	Answer     string   `json:"answer,omitempty"`     // survey: "A", "B", "C", "D"
}

// Result is a score and how it was reached, in Vietnamese
// ("Tỷ lệ 93,5% (trên 90%): 2 điểm").
type Result struct {
	Points  Points `json:"points"`
	Explain string `json:"explain"`
}
