package api

import (
	"net/http"
	"strconv"

	"cchc/internal/plan"
)

// taskRequest is the body of POST /api/v1/plans/{id}/tasks.
type taskRequest struct {
	ParentID             int64   `json:"parent_id"`
	Seq                  string  `json:"seq"`
	AreaID               int64   `json:"area_id"`
	Content              string  `json:"content"`
	Product              string  `json:"product"`
	LeadUnitID           int64   `json:"lead_unit_id"`
	LeadGroupID          int64   `json:"lead_group_id"`
	LeadText             string  `json:"lead_text"`
	CoLeadUnitIDs        []int64 `json:"co_lead_unit_ids"`
	CoLeadGroupIDs       []int64 `json:"co_lead_group_ids"`
	CoordinatingUnitIDs  []int64 `json:"coordinating_unit_ids"`
	CoordinatingGroupIDs []int64 `json:"coordinating_group_ids"`
	CoordinatingText     string  `json:"coordinating_text"`
	ScheduleText         string  `json:"schedule_text"`
	BudgetVND            *int64  `json:"budget_vnd"`
	FundingSource        string  `json:"funding_source"`
	Notes                string  `json:"notes"`
	ImportKey            string  `json:"import_key"`
	scheduleFields
}

// taskCreate answers POST /api/v1/plans/{id}/tasks: 201 with the new task,
// whose work items are generated in the same transaction. It needs
// ManagePlan on the plan's issuing unit. The schedule is understood from
// schedule_text (schedule.Parse with the plan's first year) unless the body
// gives start, due, recurrence, milestones or relative itself.
func (h *API) taskCreate(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	p, ok := h.managedPlan(w, r, id)
	if !ok {
		return
	}
	var req taskRequest
	if !h.decode(w, r, &req) {
		return
	}
	in := plan.TaskInput{ParentID: req.ParentID, Seq: req.Seq, AreaID: req.AreaID, Content: req.Content, Product: req.Product,
		LeadUnitID: req.LeadUnitID, LeadGroupID: req.LeadGroupID, LeadText: req.LeadText,
		CoLeadUnitIDs: req.CoLeadUnitIDs, CoLeadGroupIDs: req.CoLeadGroupIDs, CoordinatingUnitIDs: req.CoordinatingUnitIDs, CoordinatingGroupIDs: req.CoordinatingGroupIDs,
		CoordinatingText: req.CoordinatingText, ScheduleText: req.ScheduleText, BudgetVND: req.BudgetVND,
		FundingSource: req.FundingSource, Notes: req.Notes, ImportKey: req.ImportKey}
	if req.explicit() {
		if err := req.applyExplicit(&in); err != nil {
			h.fail(w, r, err)
			return
		}
	} else {
		parseSchedule(&in, p)
	}
	t, err := h.app.Plans.CreateTask(r.Context(), p.ID, in)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out, err := h.taskResponse(r.Context(), t)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/tasks/"+strconv.FormatInt(t.ID, 10))
	h.writeJSON(w, r, http.StatusCreated, out)
}
