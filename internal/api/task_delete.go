package api

import "net/http"

// taskDelete answers DELETE /api/v1/tasks/{id} with 204: the task goes with
// its sub-tasks and their work items. It needs ManagePlan on the plan's
// issuing unit; a task whose work items carry progress is kept (422).
func (h *API) taskDelete(w http.ResponseWriter, r *http.Request) {
	t, _, ok := h.managedTask(w, r)
	if !ok {
		return
	}
	if err := h.app.Plans.DeleteTask(r.Context(), t.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
