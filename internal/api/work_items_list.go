package api

import (
	"fmt"
	"net/http"
	"strings"

	"cchc/internal/plan"
)

// workItemsList answers GET /api/v1/work-items: work items, soonest due
// first, filtered as on the web page by ?unit= (id), ?within= (a unit and
// everything below it), ?plan=, ?task=, ?area= (ids), ?status= (a state
// code), ?overdue=true, ?due_from= and ?due_to= (YYYY-MM-DD), ?q= (words of
// the task), paged. A user whose scope is a subtree sees only the items of
// its units; within= cannot widen that. A plan= the user may not read (a
// draft of another unit) is 404.
func (h *API) workItemsList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := plan.WorkItemFilter{Q: strings.TrimSpace(q.Get("q")), Status: plan.StatusCode(strings.TrimSpace(q.Get("status")))}
	if f.Status != "" && !f.Status.Valid() {
		codes := make([]string, len(plan.Statuses))
		for i, s := range plan.Statuses {
			codes[i] = string(s)
		}
		h.badRequest(w, r, fmt.Sprintf("Tham số status=%q không hợp lệ: dùng %s.", f.Status, strings.Join(codes, ", ")))
		return
	}
	switch s := strings.TrimSpace(q.Get("overdue")); s {
	case "", "false", "0":
	case "true", "1":
		f.Overdue = true
	default:
		h.badRequest(w, r, fmt.Sprintf("Tham số overdue=%q không hợp lệ: dùng true hoặc false.", s))
		return
	}
	var unit, within int64
	var err error
	for _, p := range []struct {
		name string
		dst  *int64
	}{{"unit", &unit}, {"within", &within}, {"plan", &f.PlanID}, {"task", &f.TaskID}, {"area", &f.AreaID}} {
		if *p.dst, err = queryID(r, p.name); err != nil {
			h.badRequest(w, r, err.Error())
			return
		}
	}
	if f.DueFrom, err = queryDate(r, "due_from"); err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	if f.DueTo, err = queryDate(r, "due_to"); err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	if f.Limit, f.Offset, err = page(r, DefaultLimit); err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	if unit != 0 {
		f.UnitIDs = []int64{unit}
	}
	// Across plans, a draft's tasks are nobody's work yet.
	f.IssuedOnly = f.PlanID == 0 && f.TaskID == 0
	if f.PlanID != 0 {
		if _, ok := h.readablePlan(w, r, f.PlanID); !ok {
			return
		}
	}
	empty := false
	if f.Within, empty, err = h.scopedWithin(r, within); err != nil {
		h.serverError(w, r, err)
		return
	}
	items := []workItemJSON{}
	total := 0
	if !empty {
		found, n, err := h.app.Plans.WorkItems(r.Context(), f)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, it := range found {
			items = append(items, workItemOut(it))
		}
		total = n
	}
	h.writeJSON(w, r, http.StatusOK, list[workItemJSON]{Items: items, Total: total})
}

// scopedWithin intersects the subtree the client asked for (0: none) with
// the user's scope: two subtrees meet in the smaller one, or not at all
// (empty true).
func (h *API) scopedWithin(r *http.Request, within int64) (root int64, empty bool, err error) {
	scope := h.app.Policy.ScopeRoot(user(r))
	switch {
	case scope == 0:
		return within, false, nil
	case within == 0 || within == scope:
		return scope, false, nil
	}
	ctx := r.Context()
	if inside, err := h.app.Units.IsWithin(ctx, scope, within); err != nil || inside {
		return within, false, err
	}
	if covers, err := h.app.Units.IsWithin(ctx, within, scope); err != nil || covers {
		return scope, false, err
	}
	return 0, true, nil
}
