package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
)

func (h *Handler) groupNew(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageGroups, 0) {
		h.forbidden(w, r)
		return
	}
	h.renderGroupForm(w, r, nil, groupForm{}, nil)
}

// groupCreate defines a new group of units (ManageGroups).
func (h *Handler) groupCreate(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageGroups, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := parseGroupForm(r)
	in, errs, err := h.groupInput(r.Context(), f, nil)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if len(errs) > 0 {
		h.renderGroupForm(w, r, nil, f, errs)
		return
	}
	g, err := h.app.Units.SaveGroup(r.Context(), 0, in)
	if err != nil {
		if mergeErrors(err, errs, groupFields...) {
			h.renderGroupForm(w, r, nil, f, errs)
			return
		}
		h.serverError(w, r, err)
		return
	}
	h.redirectFlash(w, r, "/groups/"+strconv.FormatInt(g.ID, 10), "success", "Đã thêm nhóm "+g.Name+".")
}
