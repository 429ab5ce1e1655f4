package api

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/report"
)

// reportSaveRequest is the body of PUT /api/v1/reports.
type reportSaveRequest struct {
	Values map[string]int64  `json:"values"`
	Texts  map[string]string `json:"texts"`
}

// reportSave answers PUT /api/v1/reports?unit=ID&period=P&form=CODE with
// the report after saving: it opens the unit's draft when there is none
// (pre-filled from its work items) and sets each value and text the body
// names; the others keep what they had. It needs SubmitReport on the unit.
// report.Store.SaveDraft's rules apply: unknown codes, rates and negative
// numbers are refused field by field (422), a submitted, accepted or
// locked report as a whole (422).
func (h *API) reportSave(w http.ResponseWriter, r *http.Request) {
	t, ok := h.reportQuery(w, r, auth.SubmitReport)
	if !ok {
		return
	}
	f, ok := h.reportForm(w, r, t.Form)
	if !ok {
		return
	}
	var req reportSaveRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx, userID := r.Context(), user(r).ID
	rep, err := h.app.Reports.Save(ctx, f.Code, t.Period, t.Unit.ID, req.Values, req.Texts, userID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	period := t.Period
	if p, err := report.ParsePeriod(period); err == nil {
		period = p.String() // as stored: "2026-q1" is 2026-Q1
	}
	h.writeReport(w, r, rep, period, f.Code)
}
