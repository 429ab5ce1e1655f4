package web

import (
	"net/http"

	"cchc/internal/valid"
)

// taskMove moves a task one place up (dir=up) or down (dir=down) among its
// siblings and returns to the plan.
func (h *Handler) taskMove(w http.ResponseWriter, r *http.Request) {
	t, p, ok := h.managedTask(w, r)
	if !ok {
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	dir := r.PostFormValue("dir")
	if dir != "up" && dir != "down" {
		h.redirectFlash(w, r, planURL(p.ID, ""), "error", "Thao tác không hợp lệ.")
		return
	}
	if err := h.app.Plans.MoveTask(r.Context(), t.ID, dir == "up"); err != nil {
		if msg := valid.Message(err); msg != "" {
			h.redirectFlash(w, r, planURL(p.ID, ""), "error", msg)
			return
		}
		h.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, planURL(p.ID, ""), http.StatusSeeOther)
}
