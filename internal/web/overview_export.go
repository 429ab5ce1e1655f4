package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/plan"
)

// overviewExport sends the overview of /overview, with the same plan and
// area filters and the same scope (the user's subtree, or the province),
// as a workbook with a sheet per unit and a sheet per area.
func (h *Handler) overviewExport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	planID, _ := strconv.ParseInt(q.Get("plan"), 10, 64)
	areaID, _ := strconv.ParseInt(q.Get("area"), 10, 64)
	scope := h.app.Policy.ScopeRoot(user(r))
	title := "Tiến độ thực hiện nhiệm vụ"
	if planID > 0 {
		p, err := h.app.Plans.Get(ctx, planID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if !h.canReadPlan(r, p) {
			h.forbidden(w, r)
			return
		}
		title += ": " + p.Title
		if areaID > 0 {
			areas, err := h.app.Plans.PlanAreas(ctx, planID)
			if err != nil {
				h.serverError(w, r, err)
				return
			}
			for _, a := range areas {
				if a.ID == areaID {
					title += ", lĩnh vực " + a.Name
				}
			}
		}
	} else {
		title += ": tất cả kế hoạch"
	}
	day := today()
	title += " (ngày " + day.VN() + ")"
	units, areas, total, err := h.app.Plans.Overview(ctx, plan.OverviewFilter{PlanID: planID, AreaID: areaID, Within: scope})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	sortByOnTimeRate(units) // as on the page
	var buf bytes.Buffer
	if err := plan.ExportOverviewXLSX(&buf, title, units, areas, total); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendXLSX(w, "tien-do-"+strings.ReplaceAll(day.VN(), "/", "-")+".xlsx", &buf)
}
