package web

import (
	"fmt"
	"net/http"

	"cchc/internal/valid"
)

// indexFrameworkDelete removes a draft framework that no unit has started
// to assess, with its items and bands (ManageIndex). A refusal comes back
// to the framework's page as a message.
func (h *Handler) indexFrameworkDelete(w http.ResponseWriter, r *http.Request) {
	f, ok := h.indexManagedFramework(w, r)
	if !ok {
		return
	}
	err := h.app.Index.DeleteFramework(r.Context(), f.ID, user(r).ID)
	switch {
	case err == nil:
		h.redirectFlash(w, r, "/index", "success", fmt.Sprintf("Đã xoá bộ chỉ số “%s”.", f.Title))
	case valid.Message(err) != "":
		h.redirectFlash(w, r, indexFrameworkURL(f.ID), "error", valid.Message(err))
	default:
		h.fail(w, r, err)
	}
}
