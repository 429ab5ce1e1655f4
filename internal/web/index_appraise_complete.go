package web

import (
	"net/http"

	"cchc/internal/valid"
)

// indexAppraiseComplete closes the appraisal of a submitted assessment
// (items not appraised keep their self-score) and goes back to the
// framework's unit list with "Đã hoàn tất thẩm định …". A refusal shows
// the appraisal page again (422) with the message by the button. It needs
// Appraise or ManageIndex on the assessment's unit.
func (h *Handler) indexAppraiseComplete(w http.ResponseWriter, r *http.Request) {
	a, ok := h.appraiseAccess(w, r)
	if !ok {
		return
	}
	done, err := h.app.Index.CompleteAppraisal(r.Context(), a.ID, user(r).ID)
	if err == nil {
		names, err := h.unitNames(r.Context(), done.UnitID)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		h.redirectFlash(w, r, indexUnitsURL(done.FrameworkID), "success",
			"Đã hoàn tất thẩm định bản tự chấm của "+names[done.UnitID]+". Đơn vị có thể xem kết quả và phản hồi.")
		return
	}
	msg := valid.Message(err)
	if msg == "" {
		h.fail(w, r, err)
		return
	}
	p, err := h.appraiseBuild(r, a)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	p.CompleteError = msg
	if !p.CanComplete {
		// The button is gone (the status moved on): say why at the top.
		p.Notice = msg
	}
	h.renderAppraise(w, r, http.StatusUnprocessableEntity, p)
}
