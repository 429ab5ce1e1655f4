package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

// indexFinalise fixes a framework's results (every assessment final, units
// that never assessed themselves at zero) and goes to the results page. It
// is refused while a submitted assessment waits for its appraisal: the
// unit list is shown again (422) with the refusal by the button. It needs
// ManageIndex.
func (h *Handler) indexFinalise(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	if !h.can(r, auth.ManageIndex, 0) {
		h.forbidden(w, r)
		return
	}
	f, err := h.app.Index.Framework(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.app.Index.Finalise(r.Context(), f.ID, user(r).ID); err != nil {
		msg := valid.Message(err)
		if msg == "" {
			h.fail(w, r, err)
			return
		}
		h.renderIndexUnits(w, r, http.StatusUnprocessableEntity, f, indexUnitsNotes{FinaliseError: msg})
		return
	}
	h.redirectFlash(w, r, "/index/frameworks/"+strconv.FormatInt(f.ID, 10)+"/results", "success",
		"Đã hoàn tất và chốt kết quả "+f.Title+". Bảng xếp hạng dưới đây là kết quả chính thức.")
}
