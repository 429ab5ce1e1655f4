package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

// planEdit shows the form of a plan the user may change.
func (h *Handler) planEdit(w http.ResponseWriter, r *http.Request) {
	p, ok := h.managedPlan(w, r)
	if !ok {
		return
	}
	h.renderPlanForm(w, r, &p, planFormOf(p), nil)
}

// planUpdate changes a plan's fields (not its status: see planStatus). An
// officer cannot hand their plan to another unit.
func (h *Handler) planUpdate(w http.ResponseWriter, r *http.Request) {
	p, ok := h.managedPlan(w, r)
	if !ok {
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := parsePlanForm(r)
	if f.IssuingUnitID == 0 && !h.can(r, auth.ManagePlan, 0) {
		f.IssuingUnitID = p.IssuingUnitID
	}
	in, ok := h.planInput(w, r, &p, f)
	if !ok {
		return
	}
	updated, err := h.app.Plans.Update(r.Context(), p.ID, in)
	if err != nil {
		errs := valid.Errors{}
		if mergeErrors(err, errs, planFields...) {
			h.renderPlanForm(w, r, &p, f, errs)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.redirectFlash(w, r, planURL(p.ID, ""), "success", "Đã lưu kế hoạch “"+updated.Title+"”.")
}
