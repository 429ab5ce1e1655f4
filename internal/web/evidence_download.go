package web

import (
	"fmt"
	"net/http"

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
	h.sendFile(w, r, ev.FileID)
}
