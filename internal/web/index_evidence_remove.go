package web

import (
	"context"
	"fmt"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/db"
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
	ref, err := h.selfEvidenceRef(ctx, id)
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

// selfEvidenceRow is what the evidence handlers need of a cited document
// to check who may touch it.
type selfEvidenceRow struct {
	AssessmentID int64  `db:"assessment_id"`
	ItemID       int64  `db:"item_id"`
	FileID       *int64 `db:"file_id"`
	Title        string `db:"title"`
}

// selfEvidenceRef reads cited document id, or an error wrapping
// db.ErrNotFound.
func (h *Handler) selfEvidenceRef(ctx context.Context, id int64) (selfEvidenceRow, error) {
	var ev selfEvidenceRow
	err := h.app.DB.GetContext(ctx, &ev, h.app.DB.Rebind(`SELECT assessment_id, item_id, file_id, title
		FROM index_evidence WHERE id = ?`), id)
	if err != nil {
		return ev, fmt.Errorf("index evidence %d: %w", id, db.NotFound(err))
	}
	return ev, nil
}
