package web

import (
	"bytes"
	"net/http"
	"strconv"
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
	w.Header().Set("Content-Type", org.XLSXContentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = buf.WriteTo(w)
}
