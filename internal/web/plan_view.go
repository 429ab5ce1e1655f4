package web

import (
	"context"
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/plan"
)

// This file holds what the plan and task pages share: loading a plan with
// the right to read or change it, the list of plans a user may see, and the
// plan year that resolves a task's schedule words.

// planURL is the address of a plan's page, with an optional suffix.
func planURL(id int64, suffix string) string { return "/plans/" + strconv.FormatInt(id, 10) + suffix }

// canReadPlan reports whether the user may read p: issued and closed plans
// are public documents every signed-in user works from; a draft is seen only
// by those who may manage the issuing unit's plans.
func (h *Handler) canReadPlan(r *http.Request, p plan.Plan) bool {
	return p.Status != plan.StatusDraft || h.can(r, auth.ManagePlan, p.IssuingUnitID)
}

// canCreatePlan reports whether the user may draft a plan for some unit: a
// coordinator for any unit, an officer for their own.
func (h *Handler) canCreatePlan(r *http.Request) bool {
	return h.can(r, auth.ManagePlan, 0) || h.can(r, auth.ManagePlan, user(r).UnitID)
}

// readPlan loads the plan {id} of the path that the user may read; ok is
// false when a page (404) has been written. A draft the user may not see is
// "not found", so its existence is not revealed.
func (h *Handler) readPlan(w http.ResponseWriter, r *http.Request) (plan.Plan, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return plan.Plan{}, false
	}
	p, err := h.app.Plans.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return plan.Plan{}, false
	}
	if !h.canReadPlan(r, p) {
		h.notFound(w, r)
		return plan.Plan{}, false
	}
	return p, true
}

// managedPlan loads the plan {id} of the path that the user may change
// (ManagePlan on its issuing unit); otherwise it writes 404 or 403.
func (h *Handler) managedPlan(w http.ResponseWriter, r *http.Request) (plan.Plan, bool) {
	p, ok := h.readPlan(w, r)
	if !ok {
		return plan.Plan{}, false
	}
	if !h.can(r, auth.ManagePlan, p.IssuingUnitID) {
		h.forbidden(w, r)
		return plan.Plan{}, false
	}
	return p, true
}

// visiblePlans returns every plan matching f that the user may read, in the
// store's order. Drafts of units the user does not manage are left out, so
// the list is filtered here rather than paged by the store; a province has
// hundreds of plans at most.
func (h *Handler) visiblePlans(ctx context.Context, r *http.Request, f plan.PlanFilter) ([]plan.Plan, error) {
	var out []plan.Plan
	f.Limit, f.Offset = 500, 0
	for {
		page, total, err := h.app.Plans.List(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, p := range page {
			if h.canReadPlan(r, p) {
				out = append(out, p)
			}
		}
		f.Offset += len(page)
		if len(page) == 0 || f.Offset >= total {
			return out, nil
		}
	}
}

// planYear is the year that resolves a task's schedule words: the year of
// an annual plan (or of any plan within one calendar year), else 0, so that
// a day written without a year stays unresolved in a multi-year plan.
func planYear(p plan.Plan) int {
	if p.Kind == plan.KindAnnual || p.PeriodStart.Year == p.PeriodEnd.Year {
		return p.PeriodStart.Year
	}
	return 0
}

// statusAction is a button that moves a plan to another status.
type statusAction struct {
	Action, Label, Confirm string
	Danger                 bool
}

// statusActions lists the moves allowed from the plan's status.
func statusActions(p plan.Plan) []statusAction {
	switch p.Status {
	case plan.StatusDraft:
		return []statusAction{{Action: "issue", Label: "Ban hành",
			Confirm: "Ban hành kế hoạch? Kế hoạch đã ban hành hiển thị cho mọi đơn vị."}}
	case plan.StatusIssued:
		return []statusAction{
			{Action: "close", Label: "Kết thúc", Confirm: "Kết thúc kế hoạch? Nhiệm vụ và tiến độ sẽ không thể thay đổi cho đến khi mở lại.", Danger: true},
			{Action: "draft", Label: "Trả về dự thảo", Confirm: "Trả kế hoạch về dự thảo? Các đơn vị sẽ không còn thấy kế hoạch."}}
	case plan.StatusClosed:
		return []statusAction{{Action: "reopen", Label: "Mở lại"}}
	}
	return nil
}

// statusTargets maps a status action to the status it moves to.
var statusTargets = map[string]string{
	"issue": plan.StatusIssued, "close": plan.StatusClosed, "reopen": plan.StatusIssued, "draft": plan.StatusDraft,
}

// planStatusClass is the badge class of a plan status.
func planStatusClass(status string) string {
	switch status {
	case plan.StatusIssued:
		return "ok"
	case plan.StatusClosed:
		return "off"
	}
	return "warn"
}
