package api

import (
	"net/http"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/plan"
)

// workItemJSON is a work item as the API shows it, with its state derived on
// the day it was read.
type workItemJSON struct {
	ID          int64           `json:"id"`
	TaskID      int64           `json:"task_id"`
	TaskSeq     string          `json:"task_seq"`
	TaskContent string          `json:"task_content"`
	PlanID      int64           `json:"plan_id"`
	PlanTitle   string          `json:"plan_title"`
	AreaID      *int64          `json:"area_id"`
	UnitID      int64           `json:"unit_id"`
	UnitName    string          `json:"unit_name"`
	Period      string          `json:"period"`
	PeriodLabel string          `json:"period_label"`
	Start       civil.Date      `json:"start"`
	Due         civil.Date      `json:"due"`
	Percent     int             `json:"percent"`
	CompletedOn civil.Date      `json:"completed_on"`
	Hold        string          `json:"hold"`
	HoldReason  string          `json:"hold_reason"`
	Status      plan.StatusCode `json:"status"`
	StatusLabel string          `json:"status_label"`
	DaysOverdue int             `json:"days_overdue"`
	UpdatedAt   time.Time       `json:"updated_at"`
}

func workItemOut(w plan.WorkItem) workItemJSON {
	return workItemJSON{ID: w.ID, TaskID: w.TaskID, TaskSeq: w.TaskSeq, TaskContent: w.TaskContent, PlanID: w.PlanID,
		PlanTitle: w.PlanTitle, AreaID: w.AreaID, UnitID: w.UnitID, UnitName: w.UnitName, Period: w.Period,
		PeriodLabel: w.PeriodLabel(), Start: w.Start, Due: w.Due, Percent: w.Percent, CompletedOn: w.CompletedOn,
		Hold: w.Hold, HoldReason: w.HoldReason, Status: w.Status, StatusLabel: w.Status.Label(),
		DaysOverdue: w.DaysOverdue, UpdatedAt: w.UpdatedAt}
}

// viewableWorkItem loads the work item of the {id} path value and checks
// ViewUnit on its unit: 404 when it does not exist, 403 when the unit is
// outside the user's view (like units). When ok is false the response is
// written.
func (h *API) viewableWorkItem(w http.ResponseWriter, r *http.Request) (plan.WorkItem, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return plan.WorkItem{}, false
	}
	it, err := h.app.Plans.WorkItem(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return plan.WorkItem{}, false
	}
	if !h.allowed(w, r, auth.ViewUnit, it.UnitID) {
		return plan.WorkItem{}, false
	}
	return it, true
}

// updatableWorkItem is viewableWorkItem that also needs UpdateWork on the
// item's unit (403 otherwise).
func (h *API) updatableWorkItem(w http.ResponseWriter, r *http.Request) (plan.WorkItem, bool) {
	it, ok := h.viewableWorkItem(w, r)
	if !ok || !h.allowed(w, r, auth.UpdateWork, it.UnitID) {
		return plan.WorkItem{}, false
	}
	return it, true
}

// allowed asks the policy and writes 403 (or 500) when the answer is no.
func (h *API) allowed(w http.ResponseWriter, r *http.Request, action auth.Action, unitID int64) bool {
	can, err := h.can(r, action, unitID)
	if err != nil {
		h.serverError(w, r, err)
		return false
	}
	if !can {
		h.forbidden(w, r)
	}
	return can
}
