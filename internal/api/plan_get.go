package api

import "net/http"

// planGet answers GET /api/v1/plans/{id}. A draft the user may not manage
// answers 404 (see readablePlan).
func (h *API) planGet(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	p, ok := h.readablePlan(w, r, id)
	if !ok {
		return
	}
	h.writeJSON(w, r, http.StatusOK, planOut(p))
}
