package web

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/plan"
)

// planListForm is the filter bar of the plans page as typed.
type planListForm struct {
	Kind, Status, Year, Q string
}

// planRow is a plan as listed.
type planRow struct {
	Plan        plan.Plan
	StatusClass string
	Tasks       int
}

type planListData struct {
	Rows      []planRow
	Pager     pager
	Kinds     []planChoice
	Statuses  []planChoice
	CanCreate bool
}

// planChoice is a choice of a select.
type planChoice struct{ Value, Label string }

func planKindOptions() []planChoice {
	out := make([]planChoice, len(plan.Kinds))
	for i, k := range plan.Kinds {
		out[i] = planChoice{k, plan.KindLabels[k]}
	}
	return out
}

func planStatusOptions() []planChoice {
	out := make([]planChoice, len(plan.PlanStatuses))
	for i, s := range plan.PlanStatuses {
		out[i] = planChoice{s, plan.PlanStatusLabels[s]}
	}
	return out
}

// planList shows the plans the user may read, latest period first, with
// filters by kind, status, year and words of the title or number.
// parsePlanListForm reads the plan list's filters from the query, dropping
// values that are not valid (they filter nothing and are not shown back).
func parsePlanListForm(r *http.Request) (planListForm, plan.PlanFilter) {
	q := r.URL.Query()
	f := planListForm{Kind: strings.TrimSpace(q.Get("kind")), Status: strings.TrimSpace(q.Get("status")),
		Year: strings.TrimSpace(q.Get("year")), Q: strings.TrimSpace(q.Get("q"))}
	filter := plan.PlanFilter{Kind: f.Kind, Status: f.Status, Q: f.Q}
	if _, ok := plan.KindLabels[filter.Kind]; !ok {
		filter.Kind, f.Kind = "", ""
	}
	if _, ok := plan.PlanStatusLabels[filter.Status]; !ok {
		filter.Status, f.Status = "", ""
	}
	if y, err := strconv.Atoi(f.Year); err == nil && y >= 1900 && y <= 2200 {
		filter.Year = y
	} else {
		f.Year = ""
	}
	return f, filter
}

func (h *Handler) planList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, filter := parsePlanListForm(r)
	d := planListData{Pager: newPager(r, 30), Kinds: planKindOptions(), Statuses: planStatusOptions(),
		CanCreate: h.canCreatePlan(r)}
	plans, err := h.visiblePlans(ctx, r, filter)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.Pager.Total = len(plans)
	if d.Pager.Offset < len(plans) {
		plans = plans[d.Pager.Offset:min(d.Pager.Offset+d.Pager.Limit, len(plans))]
	} else {
		plans = nil
	}
	ids := make([]int64, len(plans))
	for i, p := range plans {
		ids[i] = p.ID
	}
	totals, err := h.app.Plans.TaskTotals(ctx, ids)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, p := range plans {
		d.Rows = append(d.Rows, planRow{Plan: p, StatusClass: planStatusClass(p.Status), Tasks: totals[p.ID]})
	}
	h.renderPage(w, r, http.StatusOK, "plan_list", &Page{Title: "Kế hoạch", Data: d, Form: f})
}
