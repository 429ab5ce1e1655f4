package api

import (
	"net/http"

	"cchc/internal/plan"
	"cchc/internal/valid"
)

// progressRequest is the body of POST /api/v1/work-items/{id}/progress.
type progressRequest struct {
	Percent     *int   `json:"percent"`
	Note        string `json:"note"`
	CompletedOn string `json:"completed_on"`
}

// workItemProgress answers POST /api/v1/work-items/{id}/progress with the
// item after the report. It needs UpdateWork on the item's unit. The rules
// are plan.Store.UpdateProgress's: percent 0-100 (required), 100 without a
// day means completed today, a completion day needs 100% and may not be in
// the future, a paused or cancelled item or a closed plan takes no report.
func (h *API) workItemProgress(w http.ResponseWriter, r *http.Request) {
	it, ok := h.updatableWorkItem(w, r)
	if !ok {
		return
	}
	var req progressRequest
	if !h.decode(w, r, &req) {
		return
	}
	errs := valid.Errors{}
	if req.Percent == nil {
		errs.Add("percent", "Vui lòng nhập tiến độ (0 đến 100%).")
	}
	completed := dateField(errs, "completed_on", req.CompletedOn)
	if err := errs.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	updated, err := h.app.Plans.UpdateProgress(r.Context(), it.ID, plan.ProgressInput{Percent: *req.Percent, Note: req.Note,
		CompletedOn: completed, UserID: user(r).ID})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, workItemOut(updated))
}
