package web

import (
	"mime"
	"net/http"
	"strconv"
)

// planImportSource sends a draft import's stored document, to the user who
// uploaded it (or an administrator), confirmed or not.
func (h *Handler) planImportSource(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openDraft(w, r)
	if !ok {
		return
	}
	f, data, err := h.app.Files.Open(r.Context(), d.FileID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Cache-Control", "private, no-store")
	_, _ = w.Write(data)
}
