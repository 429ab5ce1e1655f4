package web

import (
	"net/http"
	"strconv"

	"cchc/internal/valid"
)

// indexRefreshAuto recomputes the automatic items of a draft
// self-assessment from cchc's current data (a plan issued since, tasks
// completed, reports sent) and returns to the page, to the row of the
// posted item when there is one. A refusal (submitted, stage over) comes
// back as an error message on the page. It needs SelfAssess on the unit.
func (h *Handler) indexRefreshAuto(w http.ResponseWriter, r *http.Request) {
	d, ok := h.selfLoad(w, r, true)
	if !ok {
		return
	}
	to := selfURL(d.a.ID)
	if item, err := strconv.ParseInt(r.PostFormValue("item"), 10, 64); err == nil && item > 0 {
		if _, found := d.tree.ByID(item); found {
			to = selfItemURL(d.a.ID, item)
		}
	}
	if err := h.app.Index.RefreshAuto(r.Context(), d.a.ID, user(r).ID); err != nil {
		if msg := valid.Message(err); msg != "" {
			h.redirectFlash(w, r, to, "error", msg)
			return
		}
		h.serverError(w, r, err)
		return
	}
	h.redirectFlash(w, r, to, "success", "Đã cập nhật điểm các tiêu chí chấm tự động theo số liệu mới nhất của hệ thống.")
}
