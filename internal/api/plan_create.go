package api

import (
	"errors"
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// planRequest is the body of POST /api/v1/plans. Days are read as text so
// a malformed one is reported against its field.
type planRequest struct {
	Kind          string `json:"kind"`
	Title         string `json:"title"`
	IssuingUnitID int64  `json:"issuing_unit_id"`
	NumberSymbol  string `json:"number_symbol"`
	IssuedOn      string `json:"issued_on"`
	PeriodStart   string `json:"period_start"`
	PeriodEnd     string `json:"period_end"`
	ParentID      int64  `json:"parent_id"`
	AreaSetID     int64  `json:"area_set_id"`
	Status        string `json:"status"`
}

// planCreate answers POST /api/v1/plans: 201 with the new plan (a draft
// unless status says otherwise) and its address in Location. It needs
// ManagePlan on issuing_unit_id.
func (h *API) planCreate(w http.ResponseWriter, r *http.Request) {
	var req planRequest
	if !h.decode(w, r, &req) {
		return
	}
	if req.IssuingUnitID != 0 {
		if can, err := h.can(r, auth.ManagePlan, req.IssuingUnitID); err != nil {
			h.serverError(w, r, err)
			return
		} else if !can {
			h.error(w, r, http.StatusForbidden, codeForbidden, "Bạn không có quyền lập kế hoạch cho đơn vị ban hành đã chọn.")
			return
		}
	}
	in := plan.PlanInput{Kind: req.Kind, Title: req.Title, IssuingUnitID: req.IssuingUnitID, NumberSymbol: req.NumberSymbol,
		ParentID: req.ParentID, AreaSetID: req.AreaSetID, Status: req.Status}
	errs := valid.Errors{}
	in.IssuedOn = dateField(errs, "issued_on", req.IssuedOn)
	in.PeriodStart = dateField(errs, "period_start", req.PeriodStart)
	in.PeriodEnd = dateField(errs, "period_end", req.PeriodEnd)
	if err := errs.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	if req.ParentID != 0 {
		// The parent must be a plan the user may read; a hidden draft is
		// reported like a missing one.
		if !h.parentPlan(w, r, req.ParentID) {
			return
		}
	}
	p, err := h.app.Plans.Create(r.Context(), in)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/plans/"+strconv.FormatInt(p.ID, 10))
	h.writeJSON(w, r, http.StatusCreated, planOut(p))
}

// parentPlan checks that the plan chosen as parent exists and is readable;
// otherwise it writes a 422 on parent_id.
func (h *API) parentPlan(w http.ResponseWriter, r *http.Request, id int64) bool {
	p, err := h.app.Plans.Get(r.Context(), id)
	readable := false
	if err == nil {
		readable, err = h.mayReadPlan(r, p)
	}
	switch {
	case err != nil && !errors.Is(err, db.ErrNotFound):
		h.serverError(w, r, err)
		return false
	case !readable:
		h.fail(w, r, valid.Errors{"parent_id": "Kế hoạch cấp trên không tồn tại."})
		return false
	}
	return true
}

// dateField reads a YYYY-MM-DD body field into a day, adding a message on
// field to errs when it is malformed ("" is the zero day).
func dateField(errs valid.Errors, field, s string) (d civil.Date) {
	d, err := parseDateField(field, s)
	if e, ok := valid.As(err); ok {
		for k, v := range e {
			errs.Add(k, v)
		}
	}
	return d
}
