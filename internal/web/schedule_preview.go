package web

import (
	"cmp"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/plan"
	"cchc/internal/schedule"
)

// schedulePreview is what the task form shows under the schedule words.
type schedulePreview struct {
	Text       string
	Year       int
	Summary    string
	Schedule   schedule.Schedule
	Recurrence string // Vietnamese name, "" for a one-off task
}

func newSchedulePreview(text string, year int) schedulePreview {
	text = strings.TrimSpace(text)
	s := schedule.Parse(text, year)
	p := schedulePreview{Text: text, Year: year, Summary: s.Summary(), Schedule: s}
	if s.Recurrence != "" {
		p.Recurrence = plan.RecurrenceLabels[s.Recurrence]
	}
	return p
}

// schedulePreview answers the task form as the user types the schedule
// words: ?text= (or ?schedule_text=, the form field's own name) read with
// the plan year ?year=, as an htmx fragment.
func (h *Handler) schedulePreview(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	text := cmp.Or(q.Get("text"), q.Get("schedule_text"))
	if len(text) > 4*plan.MaxScheduleLen {
		text = text[:4*plan.MaxScheduleLen]
	}
	year, _ := strconv.Atoi(q.Get("year"))
	h.render(w, r, http.StatusOK, "task_schedule", "Thời gian thực hiện", newSchedulePreview(text, year))
}
