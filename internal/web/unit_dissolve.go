package web

import (
	"net/http"
	"strconv"

	"cchc/internal/org"
	"cchc/internal/valid"
)

// dissolveForm is the dissolve form as typed.
type dissolveForm struct {
	changeForm
	ChildrenTo int64 // 0: the dissolved unit's parent
}

func (h *Handler) unitDissolveForm(w http.ResponseWriter, r *http.Request) {
	u, ok := h.managedUnit(w, r)
	if !ok {
		return
	}
	h.renderDissolveForm(w, r, u, dissolveForm{changeForm: changeForm{Effective: today().VN()}}, nil)
}

// unitDissolve ends the unit from a day on. It keeps its history; its active
// sub-units move to the chosen unit, by default its own parent.
func (h *Handler) unitDissolve(w http.ResponseWriter, r *http.Request) {
	u, ok := h.managedUnit(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	f := dissolveForm{changeForm: parseChangeForm(r)}
	f.ChildrenTo, _ = strconv.ParseInt(r.PostFormValue("children_to"), 10, 64)
	errs := valid.Errors{}
	in := org.DissolveInput{Change: f.change(errs), ChildrenTo: f.ChildrenTo}
	if len(errs) == 0 {
		after, err := h.app.Units.Dissolve(r.Context(), u.ID, in)
		if err == nil {
			h.redirectFlash(w, r, "/units/"+strconv.FormatInt(after.ID, 10), "success",
				"Đã giải thể "+after.Name+"; đơn vị hoạt động đến hết ngày "+after.ActiveTo.VN()+".")
			return
		}
		if !mergeErrors(err, errs, "children_to", "effective", "decision") {
			h.fail(w, r, err)
			return
		}
	}
	h.renderDissolveForm(w, r, u, f, errs)
}

func (h *Handler) renderDissolveForm(w http.ResponseWriter, r *http.Request, u org.Unit, f dissolveForm, errs valid.Errors) {
	d, err := h.unitChangeData(r, u, "children_to", f.ChildrenTo, true)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderForm(w, r, "unit_dissolve", "Giải thể đơn vị", d, f, errs)
}
