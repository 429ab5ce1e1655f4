package web

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/doctable"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// importFormTitle is the upload page's title.
const importFormTitle = "Nhập kế hoạch từ tệp"

// importForm is the upload form as typed (the file aside): the plan the
// tasks go into (0: a new draft plan), the plan year, and the new plan's
// fields, each of which may be left empty to take it from the document.
type importForm struct {
	PlanID        int64
	Year          string
	Title         string
	Kind          string
	IssuingUnitID int64
	FromYear      string
	ToYear        string
}

// importFormData is what the upload page shows besides the form.
type importFormData struct {
	Plan      *plan.Plan // the plan given by ?plan=, nil for a new plan
	Kinds     []planChoice
	Picker    template.HTML // the issuing unit chooser, for coordinators
	FixedUnit string        // an officer's own unit, the only one they may choose
	MaxMB     int
}

// planImportForm shows the upload form: into the plan ?plan=ID, which the
// user must be able to change, or into a new draft plan.
func (h *Handler) planImportForm(w http.ResponseWriter, r *http.Request) {
	f := importForm{}
	if s := r.URL.Query().Get("plan"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			h.notFound(w, r)
			return
		}
		f.PlanID = id
	}
	if _, ok := h.importTarget(w, r, f.PlanID); !ok {
		return
	}
	if f.PlanID == 0 && !h.can(r, auth.ManagePlan, 0) {
		f.IssuingUnitID = user(r).UnitID
	}
	h.renderImportForm(w, r, http.StatusOK, f, nil)
}

// importTarget checks that the user may import into plan id (read it,
// manage its issuing unit's plans, and it is not closed), or, for id 0,
// that they may draft a plan at all. It returns the plan (nil for 0); ok is
// false when an error page has been written.
func (h *Handler) importTarget(w http.ResponseWriter, r *http.Request, id int64) (*plan.Plan, bool) {
	if id == 0 {
		if !h.canCreatePlan(r) {
			h.forbidden(w, r)
			return nil, false
		}
		return nil, true
	}
	p, err := h.app.Plans.Get(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) || err == nil && !h.canReadPlan(r, p) {
		h.notFound(w, r)
		return nil, false
	}
	if err != nil {
		h.serverError(w, r, err)
		return nil, false
	}
	if !h.can(r, auth.ManagePlan, p.IssuingUnitID) {
		h.forbidden(w, r)
		return nil, false
	}
	if p.Closed() {
		h.errorPage(w, r, http.StatusUnprocessableEntity, "Không thể nhập nhiệm vụ",
			"Kế hoạch “"+p.Title+"” đã kết thúc: hãy mở lại kế hoạch trước khi nhập nhiệm vụ từ tệp.")
		return nil, false
	}
	return &p, true
}

// renderImportForm shows the upload form with f and errs (422 when there
// are errors, or status).
func (h *Handler) renderImportForm(w http.ResponseWriter, r *http.Request, status int, f importForm, errs valid.Errors) {
	ctx := r.Context()
	d := importFormData{Kinds: planKindOptions(), MaxMB: doctable.MaxSize >> 20}
	if f.PlanID != 0 {
		p, err := h.app.Plans.Get(ctx, f.PlanID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		d.Plan = &p
	} else {
		var err error
		if d.Picker, d.FixedUnit, err = h.issuerField(r, f.IssuingUnitID); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	if len(errs) > 0 && status == http.StatusOK {
		status = http.StatusUnprocessableEntity
	}
	h.renderPage(w, r, status, "plan_import", &Page{Title: importFormTitle, Data: d, Form: f, Errors: errs})
}
