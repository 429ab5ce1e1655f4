package web

import (
	"net/http"

	"cchc/internal/auth"
)

// indexEvidenceRemove withdraws a cited document from a draft
// self-assessment. htmx gets the item's row back; without JavaScript the
// answer redirects to the row with a message. It needs SelfAssess on the
// assessment's unit.
func (h *Handler) indexEvidenceRemove(w http.ResponseWriter, r *http.Request) {
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
	if !h.can(r, auth.SelfAssess, a.UnitID) {
		h.forbidden(w, r)
		return
	}
	if err := h.app.Index.RemoveEvidence(ctx, id, user(r).ID); err != nil {
		h.fail(w, r, err)
		return
	}
	if r.Header.Get("HX-Request") != "true" {
		h.redirectFlash(w, r, selfItemURL(a.ID, ref.ItemID), "success", "Đã bỏ tài liệu kiểm chứng “"+ref.Title+"”.")
		return
	}
	d, err := h.selfRead(ctx, a)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.canWrite = true
	p, err := h.selfBuild(r, d)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	p.Live = p.rows[ref.ItemID]
	h.selfRender(w, r, p, http.StatusOK)
}
