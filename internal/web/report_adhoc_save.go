package web

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/report"
	"cchc/internal/valid"
)

// reportAdhocSave adds an ad hoc or thematic reporting period (báo cáo
// đột xuất, chuyên đề) with its own dates and deadlines (ReviewReport).
func (h *Handler) reportAdhocSave(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := adhocForm{Code: r.PostFormValue("code"), Title: r.PostFormValue("title"), StartsOn: r.PostFormValue("starts_on"),
		EndsOn: r.PostFormValue("ends_on"), UnitDeadline: r.PostFormValue("unit_deadline"), SNVDeadline: r.PostFormValue("snv_deadline")}
	errs := valid.Errors{}
	date := func(field, text string, required bool) civil.Date {
		text = strings.TrimSpace(text)
		if text == "" {
			if required {
				errs.Add(field, "Hãy nhập ngày theo dạng ngày/tháng/năm.")
			}
			return civil.Date{}
		}
		d, err := civil.ParseVN(text)
		if err != nil {
			errs.Add(field, "Ngày ghi theo dạng ngày/tháng/năm, ví dụ 15/04/2026.")
		}
		return d
	}
	in := report.AdhocInput{Code: f.Code, Title: f.Title, StartsOn: date("starts_on", f.StartsOn, true),
		EndsOn: date("ends_on", f.EndsOn, true), UnitDeadline: date("unit_deadline", f.UnitDeadline, true),
		SNVDeadline: date("snv_deadline", f.SNVDeadline, false)}
	if len(errs) == 0 {
		p, err := h.app.Reports.AddAdhocPeriod(r.Context(), in)
		if err == nil {
			h.redirectFlash(w, r, "/report-calendar?year="+strconv.Itoa(p.StartsOn.Year)+"#periods", "success",
				"Đã thêm kỳ báo cáo “"+p.Title+"”, hạn đơn vị gửi "+p.UnitDeadline.VN()+".")
			return
		}
		if !mergeErrors(err, errs, "code", "title", "starts_on", "ends_on", "unit_deadline", "snv_deadline") {
			h.fail(w, r, err)
			return
		}
	}
	h.renderCalendar(w, r, http.StatusUnprocessableEntity, calendarYear(r), calendarState{adhoc: &f}, errs)
}
