package web

import (
	"net/http"

	"cchc/internal/valid"
)

// planAreaCreate adds an area of the plan's own (after its set's areas).
func (h *Handler) planAreaCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := h.managedPlan(w, r)
	if !ok {
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	a, err := h.app.Plans.AddCustomArea(r.Context(), p.ID, r.PostFormValue("name"))
	if err != nil {
		if msg := valid.Message(err); msg != "" {
			h.redirectFlash(w, r, planURL(p.ID, ""), "error", msg)
			return
		}
		h.serverError(w, r, err)
		return
	}
	h.redirectFlash(w, r, planURL(p.ID, ""), "success", "Đã thêm lĩnh vực “"+a.Name+"”.")
}
