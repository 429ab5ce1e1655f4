package web

import (
	"net/http"

	"cchc/internal/valid"
)

// taskDelete removes a task with its sub-tasks, unless the store refuses
// (a closed plan, work items with progress); the answer is a message on the
// plan page.
func (h *Handler) taskDelete(w http.ResponseWriter, r *http.Request) {
	t, p, ok := h.managedTask(w, r)
	if !ok {
		return
	}
	if err := h.app.Plans.DeleteTask(r.Context(), t.ID); err != nil {
		if msg := valid.Message(err); msg != "" {
			h.redirectFlash(w, r, planURL(p.ID, ""), "error", msg)
			return
		}
		h.serverError(w, r, err)
		return
	}
	h.redirectFlash(w, r, planURL(p.ID, ""), "success", "Đã xóa nhiệm vụ “"+shortText(t.Content, 80)+"”.")
}
