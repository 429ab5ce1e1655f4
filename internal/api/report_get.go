package api

import (
	"errors"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/db"
)

// reportGet answers GET /api/v1/reports?unit=ID&period=P&form=CODE with
// the unit's own report as {"items":[...]}: one item, or none when the
// unit has not opened it. It needs ViewUnit on the unit.
func (h *API) reportGet(w http.ResponseWriter, r *http.Request) {
	t, f, p, ok := h.reportScope(w, r, auth.ViewUnit)
	if !ok {
		return
	}
	items := []reportJSON{}
	rep, err := h.app.Reports.Find(r.Context(), f.ID, p.ID, t.Unit.ID)
	switch {
	case errors.Is(err, db.ErrNotFound):
	case err != nil:
		h.serverError(w, r, err)
		return
	default:
		out, err := h.reportOut(r, rep, p.Code, f.Code)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		items = append(items, out)
	}
	h.writeJSON(w, r, http.StatusOK, list[reportJSON]{Items: items, Total: len(items)})
}
