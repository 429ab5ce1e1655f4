package api

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/plan"
)

// plansList answers GET /api/v1/plans: plans, the latest period first,
// filtered by ?kind=, ?status=, ?year=, ?q= (accent-insensitive, title and
// number), ?issuing_unit= (id), ?parent= (plan id), paged. Issued and
// closed plans are listed for everyone; a draft only for users who may
// manage the issuing unit's plans.
func (h *API) plansList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := plan.PlanFilter{Q: strings.TrimSpace(q.Get("q")), Kind: strings.TrimSpace(q.Get("kind")),
		Status: strings.TrimSpace(q.Get("status"))}
	if _, ok := plan.KindLabels[f.Kind]; f.Kind != "" && !ok {
		h.badRequest(w, r, fmt.Sprintf("Tham số kind=%q không hợp lệ: dùng %s.", f.Kind, strings.Join(plan.Kinds, ", ")))
		return
	}
	if _, ok := plan.PlanStatusLabels[f.Status]; f.Status != "" && !ok {
		h.badRequest(w, r, fmt.Sprintf("Tham số status=%q không hợp lệ: dùng %s.", f.Status, strings.Join(plan.PlanStatuses, ", ")))
		return
	}
	if s := strings.TrimSpace(q.Get("year")); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1900 || y > 2199 {
			h.badRequest(w, r, fmt.Sprintf("Tham số year=%q không hợp lệ: cần một năm, ví dụ 2025.", s))
			return
		}
		f.Year = y
	}
	limit, offset, err := page(r, DefaultLimit)
	if err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	if f.IssuingUnitID, err = queryID(r, "issuing_unit"); err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	if f.ParentID, err = queryID(r, "parent"); err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	plans, err := h.visiblePlans(r, f)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	items := make([]planJSON, 0, len(plans))
	for _, p := range window(plans, limit, offset) {
		items = append(items, planOut(p))
	}
	h.writeJSON(w, r, http.StatusOK, list[planJSON]{Items: items, Total: len(plans)})
}

// visiblePlans returns every plan matching f that the user may read. Which
// drafts a user may read is the policy's answer per issuing unit, which SQL
// cannot ask, so the matches are read whole (a province has at most a few
// hundred plans) and filtered here; the caller pages the result.
func (h *API) visiblePlans(r *http.Request, f plan.PlanFilter) ([]plan.Plan, error) {
	const chunk = 500 // plan.Store.List's largest page
	manages := map[int64]bool{}
	var out []plan.Plan
	for f.Offset = 0; ; f.Offset += chunk {
		f.Limit = chunk
		plans, total, err := h.app.Plans.List(r.Context(), f)
		if err != nil {
			return nil, err
		}
		for _, p := range plans {
			if p.Status == plan.StatusDraft {
				can, seen := manages[p.IssuingUnitID]
				if !seen {
					if can, err = h.can(r, auth.ManagePlan, p.IssuingUnitID); err != nil {
						return nil, err
					}
					manages[p.IssuingUnitID] = can
				}
				if !can {
					continue
				}
			}
			out = append(out, p)
		}
		if len(plans) < chunk || f.Offset+chunk >= total {
			return out, nil
		}
	}
}
