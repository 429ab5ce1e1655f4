package api

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/org"
)

// unitGet answers GET /api/v1/units/{id}. A unit outside the user's view
// gets 403, like the web pages (ids are sequential, so 404 would hide
// little); an id that does not exist gets 404.
func (h *API) unitGet(w http.ResponseWriter, r *http.Request) {
	u, ok := h.viewableUnit(w, r)
	if !ok {
		return
	}
	h.writeJSON(w, r, http.StatusOK, unitOut(u))
}

// viewableUnit loads the unit of the {id} path value and checks ViewUnit on
// it. When ok is false the 404, 403 or 500 has been written.
func (h *API) viewableUnit(w http.ResponseWriter, r *http.Request) (org.Unit, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return org.Unit{}, false
	}
	u, err := h.app.Units.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return org.Unit{}, false
	}
	can, err := h.can(r, auth.ViewUnit, id)
	if err != nil {
		h.serverError(w, r, err)
		return org.Unit{}, false
	}
	if !can {
		h.forbidden(w, r)
		return org.Unit{}, false
	}
	return u, true
}
