package web

import (
	"bytes"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/org"
)

// unitImportTemplate sends the empty unit workbook with its instructions
// and the current list of unit kinds.
func (h *Handler) unitImportTemplate(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	kinds, err := h.app.Units.Kinds(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := org.ImportTemplate(&buf, kinds); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendXLSX(w, "mau-nhap-don-vi.xlsx", &buf)
}
