package web

import (
	"bytes"
	"fmt"
	"io"
	"net/http"

	"cchc/internal/index"
)

// indexResultsXLSX sends a framework's results as a workbook
// (ket-qua-chi-so-cchc-<year>-<kind>.xlsx): the ranking table and the
// component indices per field, to those who see every unit's results.
func (h *Handler) indexResultsXLSX(w http.ResponseWriter, r *http.Request) {
	h.indexResultsFile(w, r, index.ResultsXLSX, sendXLSX, "ket-qua-chi-so-cchc-%d-%s.xlsx")
}

// indexResultsDOCX sends a framework's results as the official report of
// Sở Nội vụ in Word (bao-cao-ket-qua-chi-so-cchc-<year>-<kind>.docx),
// ready to number and sign, to those who see every unit's results.
func (h *Handler) indexResultsDOCX(w http.ResponseWriter, r *http.Request) {
	h.indexResultsFile(w, r, index.ResultsDOCX, sendDOCX, "bao-cao-ket-qua-chi-so-cchc-%d-%s.docx")
}

// indexResultsFile writes the results export of the framework in the path
// with write and sends it with send, named by nameFormat over the
// framework's year and unit kind.
func (h *Handler) indexResultsFile(w http.ResponseWriter, r *http.Request, write func(io.Writer, index.ResultsExport) error,
	send func(http.ResponseWriter, string, *bytes.Buffer), nameFormat string) {
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
	if err := write(&buf, e); err != nil {
		h.serverError(w, r, err)
		return
	}
	send(w, fmt.Sprintf(nameFormat, f.Year, f.UnitKind), &buf)
}
