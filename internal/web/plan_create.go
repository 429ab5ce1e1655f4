package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

// planNew shows an empty plan form. An officer's plan is issued by their
// own unit; a coordinator chooses the unit.
func (h *Handler) planNew(w http.ResponseWriter, r *http.Request) {
	if !h.canCreatePlan(r) {
		h.forbidden(w, r)
		return
	}
	f := planForm{}
	if !h.can(r, auth.ManagePlan, 0) {
		f.IssuingUnitID = user(r).UnitID
	}
	h.renderPlanForm(w, r, nil, f, nil)
}

// planCreate adds a draft plan issued by a unit the user manages plans of.
func (h *Handler) planCreate(w http.ResponseWriter, r *http.Request) {
	if !h.canCreatePlan(r) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := parsePlanForm(r)
	if f.IssuingUnitID == 0 && !h.can(r, auth.ManagePlan, 0) {
		f.IssuingUnitID = user(r).UnitID
	}
	in, ok := h.planInput(w, r, nil, f)
	if !ok {
		return
	}
	p, err := h.app.Plans.Create(r.Context(), in)
	if err != nil {
		errs := valid.Errors{}
		if mergeErrors(err, errs, planFields...) {
			h.renderPlanForm(w, r, nil, f, errs)
			return
		}
		h.serverError(w, r, err)
		return
	}
	h.redirectFlash(w, r, planURL(p.ID, ""), "success", "Đã tạo kế hoạch “"+p.Title+"” (dự thảo). Hãy thêm nhiệm vụ, rồi ban hành kế hoạch.")
}
