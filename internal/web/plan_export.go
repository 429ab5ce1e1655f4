package web

import (
	"bytes"
	"net/http"
	"strconv"
)

// planExport sends the plan as a workbook in the official template layout
// (plan-<id>.xlsx) to everyone who may read it.
func (h *Handler) planExport(w http.ResponseWriter, r *http.Request) {
	p, ok := h.readPlan(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := h.app.Plans.ExportXLSX(r.Context(), &buf, p.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	sendXLSX(w, "plan-"+strconv.FormatInt(p.ID, 10)+".xlsx", &buf)
}
