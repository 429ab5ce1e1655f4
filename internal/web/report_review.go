package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

// reportReturn sends a submitted report back to its unit with a comment,
// which is required: without one the page shows again (422) with the
// message under the comment box. It needs ReviewReport on the unit.
func (h *Handler) reportReturn(w http.ResponseWriter, r *http.Request) {
	d, ok := h.reportForAction(w, r, auth.ReviewReport)
	if !ok || !h.parseReportForm(w, r) {
		return
	}
	comment := r.PostFormValue("comment")
	if _, err := h.app.Reports.Return(r.Context(), d.Report.ID, comment, user(r).ID); err != nil {
		h.reviewFailed(w, r, d, comment, err)
		return
	}
	h.redirectFlash(w, r, reportURL(d.Report.ID), "success",
		"Đã trả lại báo cáo "+d.Period.Title+" của "+d.Unit.Name+" để đơn vị chỉnh sửa, gửi lại.")
}

// reportAccept accepts a submitted report, which locks it. It needs
// ReviewReport on the unit.
func (h *Handler) reportAccept(w http.ResponseWriter, r *http.Request) {
	d, ok := h.reportForAction(w, r, auth.ReviewReport)
	if !ok {
		return
	}
	if _, err := h.app.Reports.Accept(r.Context(), d.Report.ID, user(r).ID); err != nil {
		h.reviewFailed(w, r, d, "", err)
		return
	}
	h.redirectFlash(w, r, reportURL(d.Report.ID), "success",
		"Đã chấp nhận báo cáo "+d.Period.Title+" của "+d.Unit.Name+".")
}

// reviewFailed shows the report again with why a review was refused.
func (h *Handler) reviewFailed(w http.ResponseWriter, r *http.Request, d reportData, comment string, err error) {
	errs := valid.Errors{}
	if !mergeReportErrors(err, errs) {
		h.serverError(w, r, err)
		return
	}
	h.renderReport(w, r, d, reportInput{}, errs, comment, http.StatusUnprocessableEntity)
}
