package web

import (
	"net/http"

	"cchc/internal/report"
)

// reportConsolidatedXLSX sends the consolidation of /reports/consolidated
// (same unit, period and form, same permission) as a workbook: the table
// of figures with comparisons, and the units' drill-down.
func (h *Handler) reportConsolidatedXLSX(w http.ResponseWriter, r *http.Request) {
	e, ok := h.consolidatedExport(w, r)
	if !ok {
		return
	}
	h.sendExport(w, r, e, "xlsx")
}

// reportConsolidatedDOCX sends the consolidation as the unit's official
// report in Word, the contributing units' narratives compiled per area.
func (h *Handler) reportConsolidatedDOCX(w http.ResponseWriter, r *http.Request) {
	e, ok := h.consolidatedExport(w, r)
	if !ok {
		return
	}
	h.sendExport(w, r, e, "docx")
}

// consolidatedExport reads the scope and builds its consolidation; ok is
// false when a page has been written.
func (h *Handler) consolidatedExport(w http.ResponseWriter, r *http.Request) (report.Export, bool) {
	s, ok := h.readScope(w, r, func(id int64) bool { return h.canConsolidate(r, id) })
	if !ok {
		return report.Export{}, false
	}
	if s.Form.ID == 0 || s.Period.ID == 0 {
		h.notFound(w, r)
		return report.Export{}, false
	}
	e, err := h.app.Reports.ConsolidatedExport(r.Context(), s.Unit.ID, s.Period, s.Form)
	if err != nil {
		h.fail(w, r, err)
		return report.Export{}, false
	}
	return e, true
}
