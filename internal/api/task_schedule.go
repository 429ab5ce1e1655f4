package api

import (
	"fmt"

	"cchc/internal/plan"
	"cchc/internal/schedule"
	"cchc/internal/valid"
)

// scheduleFields are the understood schedule of a task as a body may give
// them. When any is present the body states the schedule itself; otherwise
// the handler reads schedule_text with schedule.Parse.
type scheduleFields struct {
	Start      optional[string]   `json:"start"`
	Due        optional[string]   `json:"due"`
	Recurrence optional[string]   `json:"recurrence"`
	Milestones optional[[]string] `json:"milestones"`
	Relative   optional[string]   `json:"relative"`
}

func (s *scheduleFields) explicit() bool {
	return s.Start.Set || s.Due.Set || s.Recurrence.Set || s.Milestones.Set || s.Relative.Set
}

// applyExplicit sets the fields present in s on in and marks the schedule
// understood (a person stated it). Malformed days are field errors.
func (s *scheduleFields) applyExplicit(in *plan.TaskInput) error {
	errs := valid.Errors{}
	if s.Start.Set {
		in.Start = dateField(errs, "start", s.Start.Value)
	}
	if s.Due.Set {
		in.Due = dateField(errs, "due", s.Due.Value)
	}
	if s.Recurrence.Set {
		in.Recurrence = s.Recurrence.Value
	}
	if s.Relative.Set {
		in.Relative = s.Relative.Value
	}
	if s.Milestones.Set {
		in.Milestones = nil
		for i, m := range s.Milestones.Value {
			d := dateField(errs, fmt.Sprintf("milestones.%d", i), m)
			if !d.IsZero() {
				in.Milestones = append(in.Milestones, d)
			}
		}
	}
	in.Understood = true
	return errs.Err()
}

// parseSchedule fills in's understood schedule from its text, read in the
// plan's first year.
func parseSchedule(in *plan.TaskInput, p plan.Plan) {
	s := schedule.Parse(in.ScheduleText, p.PeriodStart.Year)
	in.Start, in.Due, in.Recurrence, in.Relative, in.Understood = s.Start, s.Due, s.Recurrence, s.Relative, s.Understood
	in.Milestones = plan.DateList(s.Milestones)
}
