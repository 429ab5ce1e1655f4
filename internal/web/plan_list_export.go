package web

import (
	"bytes"
	"net/http"
	"strings"

	"cchc/internal/plan"
)

// planListExport sends every plan of the plans page's current filters (not
// only the page shown) that the user may read, as a workbook. Drafts appear
// only for those who manage the issuing unit's plans, as on the page.
func (h *Handler) planListExport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	_, f := parsePlanListForm(r)
	plans, err := h.visiblePlans(ctx, r, f)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	// A parent is named only when the user may read it.
	all, err := h.visiblePlans(ctx, r, plan.PlanFilter{})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	titles := make(map[int64]string, len(all))
	for _, p := range all {
		titles[p.ID] = p.Title
	}
	var buf bytes.Buffer
	if err := plan.ExportPlansXLSX(&buf, plans, titles); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendXLSX(w, "ke-hoach-"+strings.ReplaceAll(today().VN(), "/", "-")+".xlsx", &buf)
}
