package api

import "net/http"

// holdRequest is the body of POST /api/v1/work-items/{id}/hold.
type holdRequest struct {
	Hold   string `json:"hold"`
	Reason string `json:"reason"`
}

// workItemHold answers POST /api/v1/work-items/{id}/hold {"hold": "paused" |
// "cancelled" | "", "reason": "..."} with the item after the change: paused
// or cancelled with a reason (required), or resumed with "". It needs
// UpdateWork on the item's unit.
func (h *API) workItemHold(w http.ResponseWriter, r *http.Request) {
	it, ok := h.updatableWorkItem(w, r)
	if !ok {
		return
	}
	var req holdRequest
	if !h.decode(w, r, &req) {
		return
	}
	updated, err := h.app.Plans.SetHold(r.Context(), it.ID, req.Hold, req.Reason, user(r).ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, workItemOut(updated))
}
