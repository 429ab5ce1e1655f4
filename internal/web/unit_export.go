package web

import (
	"bytes"
	"net/http"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/vn"
)

// unitExport sends every unit the user may see (their subtree, or all) as
// a unit workbook that can be edited and imported back.
func (h *Handler) unitExport(w http.ResponseWriter, r *http.Request) {
	root := h.app.Policy.ScopeRoot(user(r))
	if !h.can(r, auth.ViewUnit, root) {
		h.forbidden(w, r)
		return
	}
	var buf bytes.Buffer
	if err := h.app.Units.ExportXLSX(r.Context(), &buf, org.Filter{Within: root}); err != nil {
		h.serverError(w, r, err)
		return
	}
	day := strings.ReplaceAll(civil.Today(vn.Location()).VN(), "/", "-")
	sendXLSX(w, "don-vi-"+day+".xlsx", &buf)
}

// sendXLSX writes a finished workbook as a download named filename (ASCII).
func sendXLSX(w http.ResponseWriter, filename string, buf *bytes.Buffer) {
	sendFile(w, org.XLSXContentType, filename, buf)
}
