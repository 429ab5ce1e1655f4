package web

import (
	"bytes"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/report"
)

// reportFormExport sends a form's latest version as a workbook
// (<code>.xlsx) that the import reads back (ReviewReport).
func (h *Handler) reportFormExport(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	f, err := h.app.Reports.FormByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.ExportFormXLSX(&buf, f); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendXLSX(w, "bieu-mau-"+f.Code+".xlsx", &buf)
}
