package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/plan"
)

// planCoverageExport sends the unit table of /plans/{id}/coverage as a
// workbook, with a second sheet listing each unit's missing tasks. The plan
// must be readable (404 otherwise) and a scoped user gets only the units
// they may see, as on the page.
func (h *Handler) planCoverageExport(w http.ResponseWriter, r *http.Request) {
	p, ok := h.readPlan(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	all, err := h.app.Plans.CoverageAll(ctx, p.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	children, err := h.visiblePlans(ctx, r, plan.PlanFilter{ParentID: p.ID})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	scoped := h.app.Policy.ScopeRoot(user(r)) != 0
	var rows []plan.CoverageRow
	for _, c := range all {
		if scoped && !h.can(r, auth.ViewUnit, c.UnitID) {
			continue
		}
		row := plan.CoverageRow{UnitCoverage: c, UnitPlan: "Chưa có kế hoạch"}
		if c.HasPlan {
			row.UnitPlan = "Có (dự thảo)" // a draft the user may not read
		}
		for _, child := range children {
			if child.IssuingUnitID == c.UnitID {
				row.UnitPlan = child.Title
				break
			}
		}
		rows = append(rows, row)
	}
	day := today().VN()
	title := "Phạm vi bao phủ: " + p.Title + " (ngày " + day + ")"
	var buf bytes.Buffer
	if err := plan.ExportCoverageXLSX(&buf, title, rows); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendXLSX(w, "bao-phu-ke-hoach-"+strconv.FormatInt(p.ID, 10)+"-"+strings.ReplaceAll(day, "/", "-")+".xlsx", &buf)
}
