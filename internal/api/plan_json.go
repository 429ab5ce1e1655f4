package api

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/plan"
)

// planJSON is a plan as the API shows it: the stored fields with the
// Vietnamese names of its kind and status.
type planJSON struct {
	plan.Plan
	KindLabel   string `json:"kind_label"`
	StatusLabel string `json:"status_label"`
}

func planOut(p plan.Plan) planJSON {
	return planJSON{Plan: p, KindLabel: p.KindLabel(), StatusLabel: p.StatusLabel()}
}

// mayReadPlan reports whether the user may read p: an issued or closed plan
// is a public document every signed-in user may read; a draft only those
// who may manage the issuing unit's plans.
func (h *API) mayReadPlan(r *http.Request, p plan.Plan) (bool, error) {
	if p.Status != plan.StatusDraft {
		return true, nil
	}
	return h.can(r, auth.ManagePlan, p.IssuingUnitID)
}

// readablePlan loads the plan with id and checks the user may read it. A
// draft the user may not read answers 404, as if it did not exist: drafts
// are left out of lists too, and their titles are not yet public. When ok is
// false the response has been written.
func (h *API) readablePlan(w http.ResponseWriter, r *http.Request, id int64) (plan.Plan, bool) {
	p, err := h.app.Plans.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return plan.Plan{}, false
	}
	ok, err := h.mayReadPlan(r, p)
	if err != nil {
		h.serverError(w, r, err)
		return plan.Plan{}, false
	}
	if !ok {
		h.notFound(w, r)
		return plan.Plan{}, false
	}
	return p, true
}

// managedPlan loads the plan with id and checks ManagePlan on its issuing
// unit: 404 for a plan the user may not even read, 403 for one it may read
// but not change. When ok is false the response has been written.
func (h *API) managedPlan(w http.ResponseWriter, r *http.Request, id int64) (plan.Plan, bool) {
	p, ok := h.readablePlan(w, r, id)
	if !ok {
		return plan.Plan{}, false
	}
	can, err := h.can(r, auth.ManagePlan, p.IssuingUnitID)
	if err != nil {
		h.serverError(w, r, err)
		return plan.Plan{}, false
	}
	if !can {
		h.forbidden(w, r)
		return plan.Plan{}, false
	}
	return p, true
}
