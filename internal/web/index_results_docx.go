package web

import (
	"bytes"
	"fmt"
	"net/http"

	"cchc/internal/index"
)

// indexResultsDOCX sends a framework's results as the official report of
// Sở Nội vụ in Word (bao-cao-ket-qua-chi-so-cchc-<year>-<kind>.docx),
// ready to number and sign, to those who see every unit's results.
func (h *Handler) indexResultsDOCX(w http.ResponseWriter, r *http.Request) {
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
	if err := index.ResultsDOCX(&buf, e); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendDOCX(w, fmt.Sprintf("bao-cao-ket-qua-chi-so-cchc-%d-%s.docx", f.Year, f.UnitKind), &buf)
}
