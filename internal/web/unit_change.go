package web

import (
	"html/template"
	"net/http"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// This file holds what the dated changes (rename, move, dissolve, merge)
// share: the day the change takes effect and its legal basis.

// unitChangeData is what the rename, move and dissolve pages show besides
// their form.
type unitChangeData struct {
	Unit     org.Unit
	Parent   string        // name of the current parent, "" for none
	Children int           // active sub-units, which a dissolution moves
	Picker   template.HTML // the unit chooser, on pages that have one
}

// changeForm is the date and decision of a dated change as typed.
type changeForm struct {
	Effective string
	Decision  string
}

func parseChangeForm(r *http.Request) changeForm {
	return changeForm{Effective: strings.TrimSpace(r.PostFormValue("effective")), Decision: r.PostFormValue("decision")}
}

// change returns the store's Change, adding a message when the date is
// not a day.
func (f changeForm) change(errs valid.Errors) org.Change {
	return org.Change{Effective: parseDay(f.Effective, "effective", "Ngày có hiệu lực", errs), Decision: f.Decision}
}

// managedUnit loads the unit in the path for a restructuring page; it
// refuses (403) users without ManageUnits before reading anything. ok is
// false when a response has been written.
func (h *Handler) managedUnit(w http.ResponseWriter, r *http.Request) (org.Unit, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return org.Unit{}, false
	}
	if !h.can(r, auth.ManageUnits, id) {
		h.forbidden(w, r)
		return org.Unit{}, false
	}
	u, err := h.app.Units.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return org.Unit{}, false
	}
	return u, true
}

// unitChangeData gathers the page data for a change of u; field names the
// picker the page has ("" for none), chosen its current choice.
func (h *Handler) unitChangeData(r *http.Request, u org.Unit, field string, chosen int64, withNone bool) (unitChangeData, error) {
	ctx := r.Context()
	d := unitChangeData{Unit: u}
	if u.ParentID != nil {
		names, err := h.unitNames(ctx, *u.ParentID)
		if err != nil {
			return d, err
		}
		d.Parent = names[*u.ParentID]
	}
	_, n, err := h.app.Units.List(ctx, org.Filter{ParentID: u.ID, ActiveOn: today(), Limit: 1})
	if err != nil {
		return d, err
	}
	d.Children = n
	if field != "" {
		p, _ := pickerFor(field, withNone)
		p.Exclude = u.ID
		if err := h.fillPicker(r, &p, []int64{chosen}, ""); err != nil {
			return d, err
		}
		if d.Picker, err = h.pickerHTML(p); err != nil {
			return d, err
		}
	}
	return d, nil
}
