package web

import (
	"bytes"
	"fmt"
	"net/http"

	"cchc/internal/index"
)

// indexFrameworkExport sends a framework as a workbook (items and bands)
// in the layout the import reads back. Whoever may read the framework may
// download it.
func (h *Handler) indexFrameworkExport(w http.ResponseWriter, r *http.Request) {
	v, err := h.indexViewerOf(r)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	f, ok := h.indexFramework(w, r, v)
	if !ok {
		return
	}
	items, err := h.app.Index.Items(r.Context(), f.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	bands, err := h.app.Index.Bands(r.Context(), f.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	data, err := index.FrameworkXLSX(f, items, bands)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	sendXLSX(w, fmt.Sprintf("bo-chi-so-%d-%s.xlsx", f.Year, f.UnitKind), bytes.NewBuffer(data))
}
