package api

import (
	"net/http"

	"cchc/internal/auth"
)

// reportTimeliness answers GET /api/v1/reports/timeliness?unit=ID&period=P&form=CODE
// with report.Timeliness: the units of the subtree expected to send the
// form, in total, by kind and by parent, each with its report's status and
// deadline, and the list of those still missing. It needs ViewUnit on the
// unit.
func (h *API) reportTimeliness(w http.ResponseWriter, r *http.Request) {
	t, f, p, ok := h.reportScope(w, r, auth.ViewUnit)
	if !ok {
		return
	}
	tl, err := h.app.Reports.TimelinessOf(r.Context(), t.Unit.ID, p, f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, tl)
}
