package web

import (
	"net/http"
	"strconv"
)

// taskNew shows an empty task form for the plan; ?parent= preselects the
// parent task (adding a sub-task), taking its area.
func (h *Handler) taskNew(w http.ResponseWriter, r *http.Request) {
	p, ok := h.managedPlan(w, r)
	if !ok {
		return
	}
	if p.Closed() {
		h.redirectFlash(w, r, planURL(p.ID, ""), "error", "Kế hoạch đã kết thúc: không thể thêm nhiệm vụ. Hãy mở lại kế hoạch trước.")
		return
	}
	f := taskForm{LeadKind: leadUnit}
	if id, err := strconv.ParseInt(r.URL.Query().Get("parent"), 10, 64); err == nil && id > 0 {
		if parent, err := h.app.Plans.Task(r.Context(), id); err == nil && parent.PlanID == p.ID {
			f.ParentID, f.AreaID = parent.ID, idOf(parent.AreaID)
		}
	}
	h.renderTaskForm(w, r, p, nil, f, nil)
}

// taskCreate adds a task to the plan and generates its work items.
func (h *Handler) taskCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := h.managedPlan(w, r)
	if !ok {
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	h.saveTask(w, r, p, nil, parseTaskForm(r))
}
