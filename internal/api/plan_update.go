package api

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// planPatch is the body of PATCH /api/v1/plans/{id}: only the fields
// present change. The status changes through POST .../status.
type planPatch struct {
	Kind          optional[string] `json:"kind"`
	Title         optional[string] `json:"title"`
	IssuingUnitID optional[int64]  `json:"issuing_unit_id"`
	NumberSymbol  optional[string] `json:"number_symbol"`
	IssuedOn      optional[string] `json:"issued_on"`
	PeriodStart   optional[string] `json:"period_start"`
	PeriodEnd     optional[string] `json:"period_end"`
	ParentID      optional[*int64] `json:"parent_id"`
	AreaSetID     optional[*int64] `json:"area_set_id"`
}

// apply merges p into in; malformed days are field errors.
func (p *planPatch) apply(in *plan.PlanInput) error {
	set := func(dst *string, o optional[string]) {
		if o.Set {
			*dst = o.Value
		}
	}
	set(&in.Kind, p.Kind)
	set(&in.Title, p.Title)
	set(&in.NumberSymbol, p.NumberSymbol)
	if p.IssuingUnitID.Set {
		in.IssuingUnitID = p.IssuingUnitID.Value
	}
	if p.ParentID.Set {
		in.ParentID = derefID(p.ParentID.Value)
	}
	if p.AreaSetID.Set {
		in.AreaSetID = derefID(p.AreaSetID.Value)
	}
	errs := valid.Errors{}
	for _, d := range []struct {
		field string
		o     optional[string]
		dst   *civil.Date
	}{{"issued_on", p.IssuedOn, &in.IssuedOn}, {"period_start", p.PeriodStart, &in.PeriodStart}, {"period_end", p.PeriodEnd, &in.PeriodEnd}} {
		if d.o.Set {
			*d.dst = dateField(errs, d.field, d.o.Value)
		}
	}
	return errs.Err()
}

func derefID(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// planInputOf returns p's fields as an input, for a partial update.
func planInputOf(p plan.Plan) plan.PlanInput {
	return plan.PlanInput{Kind: p.Kind, Title: p.Title, IssuingUnitID: p.IssuingUnitID, NumberSymbol: p.NumberSymbol,
		IssuedOn: p.IssuedOn, PeriodStart: p.PeriodStart, PeriodEnd: p.PeriodEnd, ParentID: derefID(p.ParentID),
		AreaSetID: derefID(p.AreaSetID), Status: p.Status}
}

// planUpdate answers PATCH /api/v1/plans/{id} with the plan as it is after
// the change. It needs ManagePlan on the issuing unit, and on the new one
// when issuing_unit_id changes. Changing the period regenerates the work
// items (plan.Store.Update); a closed plan refuses changes (422).
func (h *API) planUpdate(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	current, ok := h.managedPlan(w, r, id)
	if !ok {
		return
	}
	var patch planPatch
	if !h.decode(w, r, &patch) {
		return
	}
	if patch.IssuingUnitID.Set && patch.IssuingUnitID.Value != current.IssuingUnitID && patch.IssuingUnitID.Value != 0 {
		if can, err := h.can(r, auth.ManagePlan, patch.IssuingUnitID.Value); err != nil {
			h.serverError(w, r, err)
			return
		} else if !can {
			h.error(w, r, http.StatusForbidden, codeForbidden, "Bạn không có quyền chuyển kế hoạch sang đơn vị ban hành đã chọn.")
			return
		}
	}
	in := planInputOf(current)
	if err := patch.apply(&in); err != nil {
		h.fail(w, r, err)
		return
	}
	if patch.ParentID.Set && in.ParentID != 0 && in.ParentID != derefID(current.ParentID) && !h.parentPlan(w, r, in.ParentID) {
		return
	}
	p, err := h.app.Plans.Update(r.Context(), id, in)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, planOut(p))
}
