package api

import (
	"net/http"

	"cchc/internal/plan"
)

// taskGet answers GET /api/v1/tasks/{id}, for anyone who may read the
// task's plan (a task of a draft the user may not manage is 404).
func (h *API) taskGet(w http.ResponseWriter, r *http.Request) {
	t, _, ok := h.readableTask(w, r)
	if !ok {
		return
	}
	out, err := h.taskResponse(r.Context(), t)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

// readableTask loads the task of the {id} path value and its plan, checking
// the user may read the plan. When ok is false the response is written.
func (h *API) readableTask(w http.ResponseWriter, r *http.Request) (plan.Task, plan.Plan, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return plan.Task{}, plan.Plan{}, false
	}
	t, err := h.app.Plans.Task(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return plan.Task{}, plan.Plan{}, false
	}
	p, ok := h.readablePlan(w, r, t.PlanID)
	return t, p, ok
}

// managedTask is readableTask that also needs ManagePlan on the plan's
// issuing unit (403 otherwise).
func (h *API) managedTask(w http.ResponseWriter, r *http.Request) (plan.Task, plan.Plan, bool) {
	t, _, ok := h.readableTask(w, r)
	if !ok {
		return plan.Task{}, plan.Plan{}, false
	}
	p, ok := h.managedPlan(w, r, t.PlanID)
	return t, p, ok
}
