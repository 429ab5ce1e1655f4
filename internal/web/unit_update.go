package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
)

// unitEditAccess says how far the signed-in user may edit unit id: every
// field (ManageUnits), only the contact fields of their own unit (EditUnit),
// or nothing (ok false).
func (h *Handler) unitEditAccess(r *http.Request, id int64) (limited, ok bool) {
	if h.can(r, auth.ManageUnits, id) {
		return false, true
	}
	if h.can(r, auth.EditUnit, id) {
		return true, true
	}
	return false, false
}

func (h *Handler) unitEdit(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	limited, ok := h.unitEditAccess(r, id)
	if !ok {
		h.forbidden(w, r)
		return
	}
	u, err := h.app.Units.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderUnitForm(w, r, &u, limited, unitFormOf(u), nil)
}

// unitUpdate corrects a unit. An officer editing their own unit changes only
// the contact fields; whatever else the request carries is ignored and the
// stored values kept.
func (h *Handler) unitUpdate(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	limited, ok := h.unitEditAccess(r, id)
	if !ok {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	ctx := r.Context()
	stored, err := h.app.Units.Get(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := parseUnitForm(r)
	if limited {
		f = f.contactOnto(unitFormOf(stored))
	}
	in, errs := f.input()
	if len(errs) > 0 {
		h.renderUnitForm(w, r, &stored, limited, f, errs)
		return
	}
	u, err := h.app.Units.Update(ctx, id, in)
	if err != nil {
		if mergeErrors(err, errs, unitFields...) {
			h.renderUnitForm(w, r, &stored, limited, f, errs)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.redirectFlash(w, r, "/units/"+strconv.FormatInt(u.ID, 10), "success", "Đã lưu thông tin đơn vị "+u.Name+".")
}
