package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
)

// unitNew shows an empty unit form; ?parent= preselects the parent and
// suggests the kind usually found under it.
func (h *Handler) unitNew(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	f := unitForm{ActiveFrom: today().VN()}
	if id, err := strconv.ParseInt(r.URL.Query().Get("parent"), 10, 64); err == nil && id > 0 {
		if parent, err := h.app.Units.Get(r.Context(), id); err == nil {
			f.ParentID = parent.ID
			f.Kind = childKind(parent.Kind)
		}
	}
	h.renderUnitForm(w, r, nil, false, f, nil)
}

// childKind is the kind most units under a unit of kind parent have.
func childKind(parent string) string {
	switch parent {
	case "district":
		return "commune"
	case "province":
		return "agency"
	}
	return ""
}

// unitCreate adds a unit (ManageUnits). On any error nothing is saved and
// the form comes back with the values typed and a message per field.
func (h *Handler) unitCreate(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := parseUnitForm(r)
	in, errs := f.input()
	if len(errs) > 0 {
		h.renderUnitForm(w, r, nil, false, f, errs)
		return
	}
	u, err := h.app.Units.Create(r.Context(), in)
	if err != nil {
		if mergeErrors(err, errs, unitFields...) {
			h.renderUnitForm(w, r, nil, false, f, errs)
			return
		}
		h.serverError(w, r, err)
		return
	}
	h.redirectFlash(w, r, "/units/"+strconv.FormatInt(u.ID, 10), "success", "Đã thêm đơn vị "+u.Name+".")
}
