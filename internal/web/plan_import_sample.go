package web

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/civil"
	"cchc/internal/files"
	"cchc/internal/importer"
	"cchc/internal/vn"
)

// planImportSample sends a small sample plan (.docx) of the province for
// users to try the import with.
func (h *Handler) planImportSample(w http.ResponseWriter, r *http.Request) {
	year := civil.Today(vn.Location()).Year
	data, err := importer.SampleDOCX(h.provinceName(r), year)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", files.DOCX.ContentType)
	w.Header().Set("Content-Disposition", `attachment; filename="ke-hoach-mau-`+strconv.Itoa(year)+`.docx"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(data)
}

// provinceName returns the short name of the province ("Phú Sơn"): the
// first top-level unit's name without "Tỉnh" or "Ủy ban nhân dân tỉnh".
func (h *Handler) provinceName(r *http.Request) string {
	top, err := h.app.Units.Top(r.Context())
	if err != nil {
		return "Mẫu"
	}
	name := top.Name
	for _, prefix := range []string{"Ủy ban nhân dân tỉnh ", "UBND tỉnh ", "Tỉnh ", "Thành phố "} {
		if strings.HasPrefix(name, prefix) {
			return strings.TrimPrefix(name, prefix)
		}
	}
	return name
}
