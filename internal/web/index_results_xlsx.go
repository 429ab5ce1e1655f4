package web

import (
	"bytes"
	"fmt"
	"net/http"

	"cchc/internal/index"
)

// indexResultsXLSX sends a framework's results as a workbook
// (ket-qua-chi-so-cchc-<year>-<kind>.xlsx): the ranking table and the
// component indices per field, to those who see every unit's results.
func (h *Handler) indexResultsXLSX(w http.ResponseWriter, r *http.Request) {
	f, ok := h.resultsFramework(w, r, false)
	if !ok {
		return
	}
	e, err := h.app.Index.ResultsExport(r.Context(), f.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := index.ResultsXLSX(&buf, e); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendXLSX(w, fmt.Sprintf("ket-qua-chi-so-cchc-%d-%s.xlsx", f.Year, f.UnitKind), &buf)
}
