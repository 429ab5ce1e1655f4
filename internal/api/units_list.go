package api

import (
	"net/http"
	"strings"

	"cchc/internal/org"
)

// unitsList answers GET /api/v1/units: units in Vietnamese name order,
// filtered by ?q= (accent-insensitive), ?parent=, ?kind=, ?active_on= and
// paged by ?limit=, ?offset=. A user whose policy scope is a subtree sees
// only that subtree.
func (h *API) unitsList(w http.ResponseWriter, r *http.Request) {
	f := org.Filter{
		Q:      strings.TrimSpace(r.URL.Query().Get("q")),
		Kind:   strings.TrimSpace(r.URL.Query().Get("kind")),
		Within: h.app.Policy.ScopeRoot(user(r)),
	}
	var err error
	if f.Limit, f.Offset, err = page(r, ReferenceLimit); err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	if f.ParentID, err = queryID(r, "parent"); err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	if f.ActiveOn, err = queryDate(r, "active_on"); err != nil {
		h.badRequest(w, r, err.Error())
		return
	}
	units, total, err := h.app.Units.List(r.Context(), f)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, list[unitJSON]{Items: unitsOut(units), Total: total})
}
