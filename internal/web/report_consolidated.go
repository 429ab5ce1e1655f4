package web

import (
	"net/http"

	"cchc/internal/report"
)

// consolidatedData is what report_consolidated.html draws.
type consolidatedData struct {
	reportScope
	Export     report.Export
	Figures    []report.FigureSection
	Narratives []report.NarrativeSection
	Lines      []consolidatedLine
	Totals     map[string]string // the consolidated figures, written, by code
	Submitted  int               // units whose report counts
	Previous   string
	LastYear   string
}

// consolidatedLine is a drill-down line: a unit's own report (with a link
// to it) or a unit below with its subtree's totals (with a link to drill
// down).
type consolidatedLine struct {
	report.UnitLine
	ReportID int64
	Status   reportStatus
	Drill    bool // the line stands for a subtree with more than the unit
	Figures  map[string]string
}

// reportConsolidated is the consolidation page (tổng hợp báo cáo): for a
// unit, period and form, the figures summed live over the unit's subtree
// (rates recomputed from the sums) beside the previous period and the same
// period last year, how many units were expected and sent on time, late or
// not at all, one line per unit below to drill down, the narratives of
// every contributing unit compiled per area, and export buttons.
// Reviewers see any unit; leaders and officers their own subtree.
func (h *Handler) reportConsolidated(w http.ResponseWriter, r *http.Request) {
	s, ok := h.readScope(w, r, func(id int64) bool { return h.canConsolidate(r, id) })
	if !ok {
		return
	}
	d := consolidatedData{reportScope: s}
	if s.Form.ID == 0 || s.Period.ID == 0 {
		h.renderPage(w, r, http.StatusOK, "report_consolidated", &Page{Title: "Tổng hợp báo cáo", Data: d})
		return
	}
	ctx := r.Context()
	e, err := h.app.Reports.ConsolidatedExport(ctx, s.Unit.ID, s.Period, s.Form)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Export, d.Figures, d.Narratives = e, e.Figures(), e.Narratives()
	d.Totals = map[string]string{}
	for _, v := range e.Values {
		d.Totals[v.Code] = report.FormatFigure(v.Kind, &v.Value)
	}
	d.Submitted = e.Tally.SubmittedOnTime + e.Tally.SubmittedLate
	if p, err := report.ParsePeriod(s.Period.Code); err == nil {
		d.Previous, d.LastYear = p.Previous().Label(), p.LastYear().Label()
	}
	ids := make([]int64, 0, len(e.Units))
	for _, l := range e.Units {
		ids = append(ids, l.UnitID)
	}
	reports, err := h.app.Reports.ReportIDs(ctx, s.Form.ID, s.Period.ID, ids)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, l := range e.Units {
		line := consolidatedLine{UnitLine: l, ReportID: reports[l.UnitID], Status: statusOfReport(l.Status),
			Drill: !l.Own && l.Expected > 1, Figures: map[string]string{}}
		for _, v := range l.Values {
			line.Figures[v.Code] = report.FormatFigure(v.Kind, &v.Value)
		}
		d.Lines = append(d.Lines, line)
	}
	h.renderPage(w, r, http.StatusOK, "report_consolidated", &Page{Title: "Tổng hợp báo cáo: " + s.Unit.Name, Data: d})
}

// KeyIndicators returns the figures shown in the drill-down table: the
// first three counts or amounts, in the form's order, whose consolidated
// total is not zero, so the table stays readable and shows what units
// reported.
func (d consolidatedData) KeyIndicators() []report.Indicator {
	totals := map[string]float64{}
	for _, v := range d.Export.Values {
		totals[v.Code] = v.Value
	}
	var out []report.Indicator
	for _, ind := range d.Export.Definition.Indicators() {
		if ind.Kind != report.KindRate && totals[ind.Code] != 0 {
			out = append(out, ind)
			if len(out) == 3 {
				break
			}
		}
	}
	return out
}
