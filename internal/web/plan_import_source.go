package web

import (
	"net/http"
)

// planImportSource sends a draft import's stored document, to the user who
// uploaded it (or an administrator), confirmed or not.
func (h *Handler) planImportSource(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openDraft(w, r)
	if !ok {
		return
	}
	h.sendFile(w, r, d.FileID)
}
