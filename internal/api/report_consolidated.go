package api

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/report"
)

// reportConsolidated answers GET /api/v1/reports/consolidated?unit=ID&period=P&form=CODE
// with report.Consolidation: the form's figures summed live over the unit's
// subtree as it stood on the period's last day (rates recomputed from the
// sums), expected / submitted on time / submitted late / missing, and the
// drill-down lines (the unit's own report, then each unit directly below
// it with its subtree's totals). It needs ViewUnit on the unit: a leader
// reads its subtree, an officer of another unit gets 403.
func (h *API) reportConsolidated(w http.ResponseWriter, r *http.Request) {
	t, f, p, ok := h.reportScope(w, r, auth.ViewUnit)
	if !ok {
		return
	}
	c, err := h.app.Reports.ConsolidateOf(r.Context(), t.Unit.ID, p, f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if c.Units == nil {
		c.Units = []report.UnitLine{}
	}
	h.writeJSON(w, r, http.StatusOK, c)
}
