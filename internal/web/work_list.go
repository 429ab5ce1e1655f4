package web

import (
	"context"
	"net/http"

	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

type workListData struct {
	Items    []plan.WorkItem
	Pager    pager
	Plans    []plan.Plan
	Areas    []plan.Area
	Statuses []plan.StatusCode
	Windows  []struct{ Code, Label string }
	Unit     org.Unit // the unit shown, zero for the whole province
	Mine     bool     // the default view of an officer or leader: their own unit
	Export   string   // the export link with the current filters
}

// workItemList shows work items, soonest due first: by default an officer's
// or leader's own unit ("Việc của tôi"), the whole province for those who
// see every unit; with filters by plan, area, unit, state, due window and
// words of the task.
func (h *Handler) workItemList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f := parseWorkListForm(r)
	errs := valid.Errors{}
	pf, unit, ok, err := h.workFilter(r, f, errs)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !ok {
		h.forbidden(w, r)
		return
	}
	d := workListData{Pager: newPager(r, 50), Statuses: plan.Statuses, Windows: dueWindows, Unit: unit,
		Mine: f.Unit == "" && unit.ID != 0, Export: "/work-items/export.xlsx?" + r.URL.Query().Encode()}
	if len(errs) == 0 {
		pf.Limit, pf.Offset = d.Pager.Limit, d.Pager.Offset
		if d.Items, d.Pager.Total, err = h.app.Plans.WorkItems(ctx, pf); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	if d.Plans, err = h.visiblePlans(r.Context(), r, plan.PlanFilter{}); err != nil {
		h.serverError(w, r, err)
		return
	}
	if f.Plan != 0 {
		if d.Areas, err = h.app.Plans.PlanAreas(ctx, f.Plan); err != nil && !isNotFoundErr(err) {
			h.serverError(w, r, err)
			return
		}
	}
	title := "Phần việc"
	if d.Mine {
		title = "Việc của tôi"
	}
	h.renderPage(w, r, http.StatusOK, "work_list", &Page{Title: title, Data: d, Form: f, Errors: errs})
}

// planAreaNames returns the names of the plan's areas by id.
func (h *Handler) planAreaNames(ctx context.Context, planID int64) (map[int64]string, []plan.Area, error) {
	areas, err := h.app.Plans.PlanAreas(ctx, planID)
	if err != nil {
		return nil, nil, err
	}
	names := make(map[int64]string, len(areas))
	for _, a := range areas {
		names[a.ID] = a.Name
	}
	return names, areas, nil
}
