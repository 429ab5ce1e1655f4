package web

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// reportExceptionSave gives one unit its own deadline in a period (gia
// hạn) through SetException, replacing an earlier one (ReviewReport). The
// reason is required, so the trail says why.
func (h *Handler) reportExceptionSave(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := exceptionForm{Deadline: r.PostFormValue("deadline"), Reason: r.PostFormValue("reason")}
	f.PeriodID, _ = strconv.ParseInt(r.PostFormValue("period_id"), 10, 64)
	f.UnitID, _ = strconv.ParseInt(r.PostFormValue("unit_id"), 10, 64)
	errs := valid.Errors{}
	if f.PeriodID <= 0 {
		errs.Add("period_id", "Hãy chọn kỳ báo cáo.")
	}
	if f.UnitID <= 0 {
		errs.Add("unit_id", "Hãy tìm và chọn đơn vị được gia hạn.")
	}
	deadline, err := civil.ParseVN(f.Deadline)
	switch {
	case strings.TrimSpace(f.Deadline) == "":
		errs.Add("deadline", "Hãy nhập hạn nộp mới.")
	case err != nil:
		errs.Add("deadline", "Hạn nộp ghi theo dạng ngày/tháng/năm, ví dụ 15/04/2026.")
	}
	if vn.CleanText(f.Reason) == "" {
		errs.Add("reason", "Hãy ghi lý do gia hạn.")
	}
	if len(errs) == 0 {
		err := h.app.Reports.SetException(r.Context(), f.PeriodID, f.UnitID, deadline, f.Reason)
		if err == nil {
			names, nerr := h.unitNames(r.Context(), f.UnitID)
			if nerr != nil {
				h.serverError(w, r, nerr)
				return
			}
			h.redirectFlash(w, r, "/report-calendar?year="+strconv.Itoa(calendarYear(r))+"#exceptions", "success",
				"Đã gia hạn cho "+names[f.UnitID]+" đến ngày "+deadline.VN()+".")
			return
		}
		if !mergeErrors(err, errs, "period_id", "unit_id", "deadline", "reason") {
			h.fail(w, r, err)
			return
		}
	}
	h.renderCalendar(w, r, http.StatusUnprocessableEntity, calendarYear(r), calendarState{exc: f}, errs)
}
