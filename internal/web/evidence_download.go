package web

import (
	"fmt"
	"mime"
	"net/http"
	"strconv"

	"cchc/internal/db"
)

// evidenceDownload sends an evidence document to those who may see the work
// item it belongs to. The content type is the one detected at upload, and
// the browser is told to save the file rather than open it in the page.
func (h *Handler) evidenceDownload(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	ctx := r.Context()
	var ev struct {
		WorkItemID int64 `db:"work_item_id"`
		FileID     int64 `db:"file_id"`
	}
	if err := h.app.DB.GetContext(ctx, &ev, h.app.DB.Rebind(`SELECT work_item_id, file_id FROM work_item_evidence WHERE id = ?`), id); err != nil {
		h.fail(w, r, fmt.Errorf("evidence %d: %w", id, db.NotFound(err)))
		return
	}
	_, _, acc, err := h.workItemAccess(r, ev.WorkItemID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !acc.View {
		h.forbidden(w, r)
		return
	}
	f, data, err := h.app.Files.Open(ctx, ev.FileID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(data)
}
