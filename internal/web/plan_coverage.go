package web

import (
	"fmt"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// unitCoverageRow is one unit's coverage of a plan's assigned tasks, with
// the unit's plan under it when there is one.
type unitCoverageRow struct {
	plan.UnitCoverage
	Plan *plan.Plan
}

type planCoverageData struct {
	Plan      plan.Plan
	Parent    *plan.Plan
	Missing   []plan.TaskRef    // the parent's tasks assigned to this plan's unit and not in it
	Units     []unitCoverageRow // for a plan with plans under it: every unit with work in it
	CanManage bool
}

// planCoverage shows, for a unit's plan under a parent plan, the parent's
// tasks assigned to the unit that the plan leaves out (with a button to copy
// them in); and for a plan that assigns work (the province's), how far each
// unit's plans cover what it was given, for the units the user may see.
func (h *Handler) planCoverage(w http.ResponseWriter, r *http.Request) {
	p, ok := h.readPlan(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	d := planCoverageData{Plan: p, CanManage: h.can(r, auth.ManagePlan, p.IssuingUnitID) && !p.Closed()}
	if p.ParentID != nil {
		parent, err := h.app.Plans.Get(ctx, *p.ParentID)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		if h.canReadPlan(r, parent) {
			d.Parent = &parent
			if d.Missing, err = h.app.Plans.Coverage(ctx, parent.ID, p.IssuingUnitID); err != nil {
				h.serverError(w, r, err)
				return
			}
		}
	}
	all, err := h.app.Plans.CoverageAll(ctx, p.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	children, err := h.visiblePlans(ctx, r, plan.PlanFilter{ParentID: p.ID})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	scoped := h.app.Policy.ScopeRoot(user(r)) != 0
	for _, c := range all {
		if scoped && !h.can(r, auth.ViewUnit, c.UnitID) {
			continue
		}
		row := unitCoverageRow{UnitCoverage: c}
		for i := range children {
			if children[i].IssuingUnitID == c.UnitID {
				row.Plan = &children[i]
				break
			}
		}
		d.Units = append(d.Units, row)
	}
	h.render(w, r, http.StatusOK, "plan_coverage", "Phạm vi bao phủ: "+p.Title, d)
}

// planCopyAssigned copies into a unit's plan every task of the parent plan
// assigned to the unit and not yet in the plan.
func (h *Handler) planCopyAssigned(w http.ResponseWriter, r *http.Request) {
	p, ok := h.managedPlan(w, r)
	if !ok {
		return
	}
	if p.ParentID == nil {
		h.redirectFlash(w, r, planURL(p.ID, "/coverage"), "error", "Kế hoạch chưa có kế hoạch cấp trên để sao chép nhiệm vụ.")
		return
	}
	n, err := h.app.Plans.CopyAssigned(r.Context(), p.ID, *p.ParentID, p.IssuingUnitID)
	if err != nil {
		if msg := valid.Message(err); msg != "" {
			h.redirectFlash(w, r, planURL(p.ID, "/coverage"), "error", msg)
			return
		}
		h.serverError(w, r, err)
		return
	}
	msg := "Không có nhiệm vụ được giao nào cần sao chép: kế hoạch đã có đủ."
	if n > 0 {
		msg = fmt.Sprintf("Đã sao chép %d nhiệm vụ được giao từ kế hoạch cấp trên.", n)
	}
	h.redirectFlash(w, r, planURL(p.ID, ""), "success", msg)
}
