package web

import (
	"cmp"
	"html/template"
	"net/http"
	"slices"
	"strconv"

	"cchc/internal/plan"
)

// overviewForm is the filter bar of the overview.
type overviewForm struct {
	Plan int64
	Area int64
}

type overviewData struct {
	Plans  []plan.Plan
	Areas  []plan.Area
	Units  []plan.UnitStats // by done-on-time rate, best first
	ByArea []plan.AreaStats
	Total  plan.Counts
	Scoped bool // the user sees only their own subtree
	// Query is the plan and area filter to carry into drill-down links;
	// ScopeQuery bounds the total's links to the user's subtree.
	Query, ScopeQuery template.URL
}

// overview shows completion rates per unit and per area, with totals, for
// the work items the user may see (their subtree, or the whole province).
// It runs one grouped query for the counts and one for the names.
func (h *Handler) overview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	var f overviewForm
	f.Plan, _ = strconv.ParseInt(q.Get("plan"), 10, 64)
	f.Area, _ = strconv.ParseInt(q.Get("area"), 10, 64)
	scope := h.app.Policy.ScopeRoot(user(r))
	d := overviewData{Scoped: scope != 0}
	var err error
	if f.Plan > 0 {
		p, err := h.app.Plans.Get(ctx, f.Plan)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if !h.canReadPlan(r, p) {
			h.forbidden(w, r)
			return
		}
		if d.Areas, err = h.app.Plans.PlanAreas(ctx, f.Plan); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	d.Query = template.URL("plan=" + strconv.FormatInt(max(f.Plan, 0), 10) + "&area=" + strconv.FormatInt(max(f.Area, 0), 10))
	if scope != 0 {
		d.ScopeQuery = template.URL("&unit=" + strconv.FormatInt(scope, 10) + "&sub=1")
	}
	d.Units, d.ByArea, d.Total, err = h.app.Plans.Overview(ctx, plan.OverviewFilter{PlanID: f.Plan, AreaID: f.Area, Within: scope})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	sortByOnTimeRate(d.Units)
	if d.Plans, err = h.visiblePlans(r.Context(), r, plan.PlanFilter{}); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderPage(w, r, http.StatusOK, "overview", &Page{Title: "Tiến độ thực hiện", Data: d, Form: f})
}

// sortByOnTimeRate orders units best done-on-time rate first; equal rates
// keep the Vietnamese name order the store returns.
func sortByOnTimeRate(units []plan.UnitStats) {
	slices.SortStableFunc(units, func(a, b plan.UnitStats) int {
		return cmp.Compare(b.DoneOnTimeRate(), a.DoneOnTimeRate())
	})
}
