package web

import (
	"net/http"

	"cchc/internal/auth"
)

// reportSaveDraft stores what the report form posts (saved as you type).
// htmx posts the whole form on every change: the answer is a fragment with
// "Đã lưu lúc HH:MM", the recomputed rates and the message of each field,
// all swapped out of band, always with status 200 so htmx swaps it. The
// "Lưu nháp" button without JavaScript posts the same form: it redirects
// back (post-redirect-get), or shows the page again (422) with the
// messages. Well-formed numbers are saved even when others are refused, so
// nothing typed correctly is lost. Saving needs SubmitReport on the unit.
func (h *Handler) reportSaveDraft(w http.ResponseWriter, r *http.Request) {
	d, ok := h.reportForAction(w, r, auth.SubmitReport)
	if !ok || !h.parseReportForm(w, r) {
		return
	}
	values, texts, in, errs := parseReportValues(r, d)
	saved, err := h.app.Reports.SaveDraft(r.Context(), d.Report.ID, values, texts, user(r).ID)
	if err != nil {
		if !mergeReportErrors(err, errs) {
			h.serverError(w, r, err)
			return
		}
	} else {
		d.Report = saved
	}
	if r.Header.Get("HX-Request") == "true" {
		h.renderReport(w, r, d, in, errs, "", http.StatusOK)
		return
	}
	if len(errs) > 0 {
		h.renderReport(w, r, d, in, errs, "", http.StatusUnprocessableEntity)
		return
	}
	h.redirectFlash(w, r, reportURL(d.Report.ID), "success", "Đã lưu nháp báo cáo "+d.Period.Title+".")
}
