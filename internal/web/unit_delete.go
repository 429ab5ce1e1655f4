package web

import (
	"net/http"
	"strconv"

	"cchc/internal/valid"
)

// unitDelete removes a unit entered by mistake. The store refuses a unit
// with sub-units, accounts or history; its reason is shown on the unit page.
func (h *Handler) unitDelete(w http.ResponseWriter, r *http.Request) {
	u, ok := h.managedUnit(w, r)
	if !ok {
		return
	}
	if err := h.app.Units.Delete(r.Context(), u.ID); err != nil {
		if msg := valid.Message(err); msg != "" {
			h.redirectFlash(w, r, "/units/"+strconv.FormatInt(u.ID, 10), "error", msg)
			return
		}
		h.fail(w, r, err)
		return
	}
	to := "/units"
	if u.ParentID != nil {
		to = "/units/" + strconv.FormatInt(*u.ParentID, 10)
	}
	h.redirectFlash(w, r, to, "success", "Đã xóa đơn vị "+u.Name+".")
}
