package web

import (
	"net/http"

	"cchc/internal/auth"
)

// reportSubmit saves the posted values and texts, then submits the report
// to Sở Nội vụ. A number that cannot be read, or a broken rule of the form,
// shows the page again (422) with the message beside the field(s) and a
// summary at the top; nothing is submitted then (what could be saved is
// kept as the draft). Success redirects with "Đã gửi báo cáo …". It needs
// SubmitReport on the unit.
func (h *Handler) reportSubmit(w http.ResponseWriter, r *http.Request) {
	d, ok := h.reportForAction(w, r, auth.SubmitReport)
	if !ok || !h.parseReportForm(w, r) {
		return
	}
	ctx := r.Context()
	uid := user(r).ID
	values, texts, in, errs := parseReportValues(r, d)
	if len(values) > 0 || len(texts) > 0 {
		if _, err := h.app.Reports.SaveDraft(ctx, d.Report.ID, values, texts, uid); err != nil && !mergeReportErrors(err, errs) {
			h.serverError(w, r, err)
			return
		}
	}
	if len(errs) == 0 {
		sub, err := h.app.Reports.Submit(ctx, d.Report.ID, uid)
		if err == nil {
			timing := ""
			if sub.OnTime != nil && *sub.OnTime {
				timing = " (đúng hạn)"
			} else if sub.OnTime != nil {
				timing = " (trễ hạn)"
			}
			h.redirectFlash(w, r, reportURL(d.Report.ID), "success",
				"Đã gửi báo cáo "+d.Period.Title+" của "+d.Unit.Name+timing+". Sở Nội vụ sẽ xem xét và phản hồi.")
			return
		}
		if !mergeReportErrors(err, errs) {
			h.serverError(w, r, err)
			return
		}
	}
	// Show what is now stored, with the boxes that could not be saved as typed.
	reloaded, err := h.loadReport(ctx, d.Report.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderReport(w, r, reloaded, in, errs, "", http.StatusUnprocessableEntity)
}
