package api

import (
	"net/http"

	"cchc/internal/plan"
)

// taskPatch is the body of PATCH /api/v1/tasks/{id}: only the fields
// present change.
type taskPatch struct {
	ParentID             optional[*int64]  `json:"parent_id"`
	Seq                  optional[string]  `json:"seq"`
	AreaID               optional[*int64]  `json:"area_id"`
	Content              optional[string]  `json:"content"`
	Product              optional[string]  `json:"product"`
	LeadUnitID           optional[*int64]  `json:"lead_unit_id"`
	LeadGroupID          optional[*int64]  `json:"lead_group_id"`
	LeadText             optional[string]  `json:"lead_text"`
	CoLeadUnitIDs        optional[[]int64] `json:"co_lead_unit_ids"`
	CoLeadGroupIDs       optional[[]int64] `json:"co_lead_group_ids"`
	CoordinatingUnitIDs  optional[[]int64] `json:"coordinating_unit_ids"`
	CoordinatingGroupIDs optional[[]int64] `json:"coordinating_group_ids"`
	CoordinatingText     optional[string]  `json:"coordinating_text"`
	ScheduleText         optional[string]  `json:"schedule_text"`
	BudgetVND            optional[*int64]  `json:"budget_vnd"`
	FundingSource        optional[string]  `json:"funding_source"`
	Notes                optional[string]  `json:"notes"`
	ImportKey            optional[string]  `json:"import_key"`
	scheduleFields
}

func (p *taskPatch) apply(in *plan.TaskInput) {
	text := func(dst *string, o optional[string]) {
		if o.Set {
			*dst = o.Value
		}
	}
	id := func(dst *int64, o optional[*int64]) {
		if o.Set {
			*dst = derefID(o.Value)
		}
	}
	ids := func(dst *[]int64, o optional[[]int64]) {
		if o.Set {
			*dst = o.Value
		}
	}
	id(&in.ParentID, p.ParentID)
	text(&in.Seq, p.Seq)
	id(&in.AreaID, p.AreaID)
	text(&in.Content, p.Content)
	text(&in.Product, p.Product)
	id(&in.LeadUnitID, p.LeadUnitID)
	id(&in.LeadGroupID, p.LeadGroupID)
	text(&in.LeadText, p.LeadText)
	ids(&in.CoLeadUnitIDs, p.CoLeadUnitIDs)
	ids(&in.CoLeadGroupIDs, p.CoLeadGroupIDs)
	ids(&in.CoordinatingUnitIDs, p.CoordinatingUnitIDs)
	ids(&in.CoordinatingGroupIDs, p.CoordinatingGroupIDs)
	text(&in.CoordinatingText, p.CoordinatingText)
	text(&in.ScheduleText, p.ScheduleText)
	if p.BudgetVND.Set {
		in.BudgetVND = p.BudgetVND.Value
	}
	text(&in.FundingSource, p.FundingSource)
	text(&in.Notes, p.Notes)
	text(&in.ImportKey, p.ImportKey)
}

// taskUpdate answers PATCH /api/v1/tasks/{id} with the task after the
// change; its work items are regenerated, keeping those with progress. It
// needs ManagePlan on the plan's issuing unit. A new schedule_text is read
// again with schedule.Parse unless the body also gives start, due,
// recurrence, milestones or relative, which then replace what is stored.
func (h *API) taskUpdate(w http.ResponseWriter, r *http.Request) {
	current, p, ok := h.managedTask(w, r)
	if !ok {
		return
	}
	var patch taskPatch
	if !h.decode(w, r, &patch) {
		return
	}
	in := current.Input()
	patch.apply(&in)
	switch {
	case patch.explicit():
		if err := patch.applyExplicit(&in); err != nil {
			h.fail(w, r, err)
			return
		}
	case patch.ScheduleText.Set:
		parseSchedule(&in, p)
	}
	t, err := h.app.Plans.UpdateTask(r.Context(), current.ID, in)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out, err := h.taskResponse(r.Context(), t)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, out)
}
