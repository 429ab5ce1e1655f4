package api

import "net/http"

// workItemGet answers GET /api/v1/work-items/{id}: the item with its state,
// for users who may view its unit.
func (h *API) workItemGet(w http.ResponseWriter, r *http.Request) {
	it, ok := h.viewableWorkItem(w, r)
	if !ok {
		return
	}
	h.writeJSON(w, r, http.StatusOK, workItemOut(it))
}
