package api

import (
	"net/http"

	"cchc/internal/plan"
)

// evidenceList answers GET /api/v1/work-items/{id}/evidence: the documents
// attached to the item, oldest first, for users who may view its unit.
func (h *API) evidenceList(w http.ResponseWriter, r *http.Request) {
	it, ok := h.viewableWorkItem(w, r)
	if !ok {
		return
	}
	evidence, err := h.app.Plans.EvidenceOf(r.Context(), it.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if evidence == nil {
		evidence = []plan.Evidence{}
	}
	h.writeJSON(w, r, http.StatusOK, list[plan.Evidence]{Items: evidence, Total: len(evidence)})
}
