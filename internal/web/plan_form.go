package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// planForm is the plan form as typed; dates stay text so that a wrong one
// comes back as the user wrote it.
type planForm struct {
	Kind          string
	Title         string
	IssuingUnitID int64
	NumberSymbol  string
	IssuedOn      string
	PeriodStart   string
	PeriodEnd     string
	ParentID      int64
	AreaSetID     int64
}

// planFields are the form's field names, as valid.Errors keys them.
var planFields = []string{"kind", "title", "issuing_unit_id", "number_symbol", "issued_on", "period_start",
	"period_end", "parent_id", "area_set_id"}

func planFormOf(p plan.Plan) planForm {
	f := planForm{Kind: p.Kind, Title: p.Title, IssuingUnitID: p.IssuingUnitID, NumberSymbol: p.NumberSymbol,
		IssuedOn: p.IssuedOn.VN(), PeriodStart: p.PeriodStart.VN(), PeriodEnd: p.PeriodEnd.VN()}
	if p.ParentID != nil {
		f.ParentID = *p.ParentID
	}
	if p.AreaSetID != nil {
		f.AreaSetID = *p.AreaSetID
	}
	return f
}

// parsePlanForm reads the posted plan fields (the body is already parsed).
func parsePlanForm(r *http.Request) planForm {
	f := planForm{Kind: r.PostFormValue("kind"), Title: r.PostFormValue("title"),
		NumberSymbol: r.PostFormValue("number_symbol"), IssuedOn: strings.TrimSpace(r.PostFormValue("issued_on")),
		PeriodStart: strings.TrimSpace(r.PostFormValue("period_start")), PeriodEnd: strings.TrimSpace(r.PostFormValue("period_end"))}
	f.IssuingUnitID, _ = strconv.ParseInt(r.PostFormValue("issuing_unit_id"), 10, 64)
	f.ParentID, _ = strconv.ParseInt(r.PostFormValue("parent_id"), 10, 64)
	f.AreaSetID, _ = strconv.ParseInt(r.PostFormValue("area_set_id"), 10, 64)
	return f
}

// input turns the form into the store's input with the messages of every
// check that needs no database.
func (f planForm) input() (plan.PlanInput, valid.Errors) {
	errs := valid.Errors{}
	in := plan.PlanInput{Kind: f.Kind, Title: f.Title, IssuingUnitID: f.IssuingUnitID, NumberSymbol: f.NumberSymbol,
		IssuedOn:    parseDay(f.IssuedOn, "issued_on", "Ngày ban hành", errs),
		PeriodStart: parseDay(f.PeriodStart, "period_start", "Ngày bắt đầu", errs),
		PeriodEnd:   parseDay(f.PeriodEnd, "period_end", "Ngày kết thúc", errs),
		ParentID:    f.ParentID, AreaSetID: f.AreaSetID}
	in.Normalize()
	for k, v := range in.Validate() {
		if _, typed := errs[k]; !typed { // a badly typed date says more than "please enter"
			errs.Add(k, v)
		}
	}
	return in, errs
}

type planFormData struct {
	Plan      *plan.Plan // nil on create
	Kinds     []planChoice
	AreaSets  []plan.AreaSet
	Parents   []plan.Plan
	FixedUnit string        // an officer's own unit, the only one they may choose
	Picker    template.HTML // the issuing unit chooser, for coordinators
	Action    string
	Cancel    string
}

// renderPlanForm shows the create (p nil) or edit form with f and errs.
func (h *Handler) renderPlanForm(w http.ResponseWriter, r *http.Request, p *plan.Plan, f planForm, errs valid.Errors) {
	ctx := r.Context()
	d := planFormData{Plan: p, Kinds: planKindOptions(), Action: "/plans", Cancel: "/plans"}
	title := "Tạo kế hoạch"
	if p != nil {
		title = "Sửa kế hoạch"
		d.Action = planURL(p.ID, "")
		d.Cancel = d.Action
	}
	var err error
	if d.AreaSets, err = h.app.Plans.AreaSets(ctx); err != nil {
		h.serverError(w, r, err)
		return
	}
	parents, err := h.visiblePlans(ctx, r, plan.PlanFilter{})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, c := range parents {
		if p == nil || c.ID != p.ID {
			d.Parents = append(d.Parents, c)
		}
	}
	if d.Picker, d.FixedUnit, err = h.issuerField(r, f.IssuingUnitID); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderForm(w, r, "plan_form", title, d, f, errs)
}

// planInput validates f and, when the user may manage the plans of the
// chosen issuing unit, returns the input; otherwise it has written the form
// again (422) or a 403 page and ok is false.
func (h *Handler) planInput(w http.ResponseWriter, r *http.Request, p *plan.Plan, f planForm) (plan.PlanInput, bool) {
	if f.IssuingUnitID != 0 && !h.can(r, auth.ManagePlan, f.IssuingUnitID) {
		h.forbidden(w, r)
		return plan.PlanInput{}, false
	}
	in, errs := f.input()
	if len(errs) > 0 {
		h.renderPlanForm(w, r, p, f, errs)
		return plan.PlanInput{}, false
	}
	return in, true
}
