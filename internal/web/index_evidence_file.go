package web

import (
	"net/http"

	"cchc/internal/auth"
)

// indexEvidenceFile sends an uploaded evidence document to whoever may
// read the self-assessment citing it (see indexAssessmentShow); other
// kinds of evidence have no file (404).
func (h *Handler) indexEvidenceFile(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	ctx := r.Context()
	ref, err := h.app.Index.EvidenceByID(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	a, err := h.app.Index.AssessmentByID(ctx, ref.AssessmentID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !h.selfCanView(r, a.UnitID) && !h.can(r, auth.SelfAssess, a.UnitID) {
		h.forbidden(w, r)
		return
	}
	if ref.FileID == nil {
		h.notFound(w, r)
		return
	}
	h.sendFile(w, r, *ref.FileID)
}
