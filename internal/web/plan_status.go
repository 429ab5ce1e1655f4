package web

import (
	"net/http"

	"cchc/internal/valid"
)

// planStatus issues, closes, reopens or returns a plan to draft, as the
// store's rules allow; a refusal comes back as a message on the plan page.
func (h *Handler) planStatus(w http.ResponseWriter, r *http.Request) {
	p, ok := h.managedPlan(w, r)
	if !ok {
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	action := r.PostFormValue("action")
	allowed := false
	for _, a := range statusActions(p) {
		allowed = allowed || a.Action == action
	}
	if !allowed {
		h.redirectFlash(w, r, planURL(p.ID, ""), "error",
			"Không thể thực hiện thao tác này với kế hoạch đang ở trạng thái “"+p.StatusLabel()+"”.")
		return
	}
	to := statusTargets[action]
	updated, err := h.app.Plans.SetStatus(r.Context(), p.ID, to)
	if err != nil {
		msg := valid.Message(err)
		if msg == "" {
			h.serverError(w, r, err)
			return
		}
		h.redirectFlash(w, r, planURL(p.ID, ""), "error", msg)
		return
	}
	h.redirectFlash(w, r, planURL(p.ID, ""), "success", "Kế hoạch đã chuyển sang “"+updated.StatusLabel()+"”.")
}
