package web

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/report"
	"cchc/internal/valid"
)

// typeFields are the keys of a report type's errors that its form shows.
var typeFields = []string{"name", "cutoff_from_day", "cutoff_to_day", "unit_deadline_day", "unit_deadline_offset",
	"snv_deadline_day", "snv_deadline_offset", "grace_days"}

// reportTypeSave changes a report type's name, deadlines, data cut-off and
// grace days through SaveType (ReviewReport). Its code, period kind and
// position stay. Periods already generated keep their dates.
func (h *Handler) reportTypeSave(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	types, err := h.app.Reports.Types(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var t report.ReportType
	for _, c := range types {
		if c.ID == id {
			t = c
		}
	}
	if t.ID == 0 {
		h.notFound(w, r)
		return
	}
	f := typeForm{Name: r.PostFormValue("name"), UnitDay: r.PostFormValue("unit_deadline_day"),
		UnitOffset: r.PostFormValue("unit_deadline_offset"), SNVDay: r.PostFormValue("snv_deadline_day"),
		SNVOffset: r.PostFormValue("snv_deadline_offset"), CutoffFrom: r.PostFormValue("cutoff_from_day"),
		CutoffTo: r.PostFormValue("cutoff_to_day"), Grace: r.PostFormValue("grace_days")}
	errs := valid.Errors{}
	t.Name = f.Name
	number := func(field, s string, into *int) {
		s = strings.TrimSpace(s)
		if s == "" {
			*into = 0
			return
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			errs.Add(field, "Hãy nhập một số nguyên.")
			return
		}
		*into = n
	}
	if t.PeriodKind != "" {
		number("unit_deadline_day", f.UnitDay, &t.UnitDeadlineDay)
		number("unit_deadline_offset", f.UnitOffset, &t.UnitDeadlineOffset)
		number("snv_deadline_day", f.SNVDay, &t.SNVDeadlineDay)
		number("snv_deadline_offset", f.SNVOffset, &t.SNVDeadlineOffset)
		number("cutoff_from_day", f.CutoffFrom, &t.CutoffFromDay)
		number("cutoff_to_day", f.CutoffTo, &t.CutoffToDay)
	}
	number("grace_days", f.Grace, &t.GraceDays)
	if len(errs) == 0 {
		saved, err := h.app.Reports.SaveType(r.Context(), t)
		if err == nil {
			h.redirectFlash(w, r, "/report-calendar?year="+strconv.Itoa(calendarYear(r)), "success",
				"Đã lưu lịch của “"+saved.Name+"”. Các kỳ đã tạo giữ nguyên ngày; quy định mới áp dụng cho các kỳ được tạo sau. Muốn dời hạn của một kỳ đã có, hãy gia hạn cho từng đơn vị.")
			return
		}
		if !mergeErrors(err, errs, typeFields...) {
			h.serverError(w, r, err)
			return
		}
	}
	h.renderCalendar(w, r, http.StatusUnprocessableEntity, calendarYear(r), calendarState{editing: id, typeForm: f}, errs)
}
