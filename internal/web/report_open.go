package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/report"
	"cchc/internal/valid"
)

// reportOpen finds the report of ?unit= (the user's own unit by default)
// for ?period= on ?form= (the default form by default) and redirects (303)
// to it. When there is none yet, a user who may write the unit's reports
// gets a new draft (report.Store.Open, prefilled from the unit's tasks),
// unless the period is already locked for the unit; others are told the
// unit has not written it. Reading needs ViewUnit on the unit.
func (h *Handler) reportOpen(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	formCode := strings.TrimSpace(q.Get("form"))
	if formCode == "" {
		formCode = report.DefaultFormCode
	}
	periodCode := strings.TrimSpace(q.Get("period"))
	unitID := user(r).UnitID
	if s := q.Get("unit"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			h.notFound(w, r)
			return
		}
		unitID = id
	}
	if periodCode == "" {
		h.errorPage(w, r, http.StatusBadRequest, "Thiếu kỳ báo cáo", "Hãy chọn kỳ báo cáo trên trang Báo cáo định kỳ.")
		return
	}
	if !h.can(r, auth.ViewUnit, unitID) {
		h.forbidden(w, r)
		return
	}
	form, err := h.app.Reports.FormByCode(ctx, formCode)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.reportPeriod(ctx, periodCode)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rep, err := h.app.Reports.Find(ctx, form.ID, p.ID, unitID)
	if err == nil {
		http.Redirect(w, r, reportURL(rep.ID), http.StatusSeeOther)
		return
	}
	if !errors.Is(err, db.ErrNotFound) {
		h.serverError(w, r, err)
		return
	}
	if !h.can(r, auth.SubmitReport, unitID) {
		h.errorPage(w, r, http.StatusNotFound, "Chưa có báo cáo", "Đơn vị chưa lập báo cáo "+p.Title+".")
		return
	}
	_, locks, err := report.DeadlineFor(ctx, h.app.DB, p, unitID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if h.reportToday().After(locks) {
		h.errorPage(w, r, http.StatusUnprocessableEntity, "Kỳ báo cáo đã khóa",
			"Kỳ báo cáo "+p.Title+" đã khóa từ ngày "+locks.AddDays(1).VN()+
				": không thể lập báo cáo mới. Hãy đề nghị Sở Nội vụ gia hạn.")
		return
	}
	rep, err = h.app.Reports.Open(ctx, form.Code, p.Code, unitID, user(r).ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, reportURL(rep.ID), http.StatusSeeOther)
}

// reportPeriod returns the stored period with code, generating the periods
// of its year when the calendar has not yet; a code that is not a period
// of the calendar gives valid.Errors on "period".
func (h *Handler) reportPeriod(ctx context.Context, code string) (report.PeriodRow, error) {
	p, err := report.PeriodByCode(ctx, h.app.DB, code)
	if !errors.Is(err, db.ErrNotFound) {
		return p, err
	}
	pp, perr := report.ParsePeriod(code)
	if perr != nil {
		return p, valid.Errors{"period": "Kỳ báo cáo “" + code + "” không tồn tại."}
	}
	if _, err := h.reportPeriods(ctx, pp.Year); err != nil {
		return p, err
	}
	p, err = report.PeriodByCode(ctx, h.app.DB, pp.String())
	if errors.Is(err, db.ErrNotFound) {
		return p, valid.Errors{"period": "Lịch báo cáo không có kỳ “" + pp.Label() + "”."}
	}
	return p, err
}
