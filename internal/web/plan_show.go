package web

import (
	"errors"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/files"
	"cchc/internal/plan"
)

type planShowData struct {
	plan.Layout
	StatusClass string
	Parent      *plan.Plan
	Source      *files.File
	Children    []plan.Plan // plans under this one the user may read
	Counts      map[int64]plan.Counts
	Areas       []plan.Area
	Actions     []statusAction
	CanManage   bool
	Year        int // the plan year that resolves schedule words
}

// planShow shows the plan as the official template lays it out: tasks by
// area with product, lead, coordinating agencies, time (the words and what
// was understood), budget with subtotals and total, notes, and how many of
// each task's work items are done.
func (h *Handler) planShow(w http.ResponseWriter, r *http.Request) {
	p, ok := h.readPlan(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	layout, err := h.app.Plans.Layout(ctx, p.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := planShowData{Layout: layout, StatusClass: planStatusClass(p.Status),
		CanManage: h.can(r, auth.ManagePlan, p.IssuingUnitID), Year: planYear(p)}
	if d.CanManage {
		d.Actions = statusActions(p)
	}
	if p.ParentID != nil {
		parent, err := h.app.Plans.Get(ctx, *p.ParentID)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			h.serverError(w, r, err)
			return
		}
		if err == nil && h.canReadPlan(r, parent) {
			d.Parent = &parent
		}
	}
	if p.SourceFileID != nil {
		f, err := h.app.Files.Get(ctx, *p.SourceFileID)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			h.serverError(w, r, err)
			return
		}
		if err == nil {
			d.Source = &f
		}
	}
	if d.Children, err = h.visiblePlans(ctx, r, plan.PlanFilter{ParentID: p.ID}); err != nil {
		h.serverError(w, r, err)
		return
	}
	if d.Counts, err = h.app.Plans.TaskCounts(ctx, p.ID); err != nil {
		h.serverError(w, r, err)
		return
	}
	if d.CanManage {
		if d.Areas, err = h.app.Plans.PlanAreas(ctx, p.ID); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	h.render(w, r, http.StatusOK, "plan_show", p.Title, d)
}
