package api

import (
	"net/http"

	"cchc/internal/plan"
	"cchc/internal/valid"
)

// planStatusRequest is the body of POST /api/v1/plans/{id}/status.
type planStatusRequest struct {
	Status string `json:"status"`
}

// planStatus answers POST /api/v1/plans/{id}/status {"status": "issued" |
// "closed" | "draft"} with the plan after the change. It needs ManagePlan on
// the issuing unit. A draft is issued only with a number and issue date; an
// issued plan may be returned to draft or closed; a closed plan reopened
// (issued). A move the rules forbid is 422.
func (h *API) planStatus(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if _, ok := h.managedPlan(w, r, id); !ok {
		return
	}
	var req planStatusRequest
	if !h.decode(w, r, &req) {
		return
	}
	if _, known := plan.PlanStatusLabels[req.Status]; !known {
		h.fail(w, r, valid.Errors{"status": "Trạng thái phải là draft (dự thảo), issued (đã ban hành) hoặc closed (đã kết thúc)."})
		return
	}
	p, err := h.app.Plans.SetStatus(r.Context(), id, req.Status)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, planOut(p))
}
