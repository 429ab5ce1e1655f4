package web

import "net/http"

// taskEdit shows the form of a task of a plan the user may change.
func (h *Handler) taskEdit(w http.ResponseWriter, r *http.Request) {
	t, p, ok := h.managedTask(w, r)
	if !ok {
		return
	}
	h.renderTaskForm(w, r, p, &t, taskFormOf(t, planYear(p)), nil)
}

// taskUpdate changes a task and regenerates its work items, keeping those
// that carry progress.
func (h *Handler) taskUpdate(w http.ResponseWriter, r *http.Request) {
	t, p, ok := h.managedTask(w, r)
	if !ok {
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	h.saveTask(w, r, p, &t, parseTaskForm(r))
}
