package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/org"
	"cchc/internal/report"
)

// reportJSON is a unit's report as the API shows it: its figures in the
// order of its form version, rates computed, and its narrative texts.
type reportJSON struct {
	ID          int64             `json:"id"`
	UnitID      int64             `json:"unit_id"`
	Period      string            `json:"period"`
	Form        string            `json:"form"`
	FormVersion int64             `json:"form_version_id"`
	Status      string            `json:"status"`
	SubmittedAt *time.Time        `json:"submitted_at"`
	OnTime      *bool             `json:"on_time"`
	AcceptedAt  *time.Time        `json:"accepted_at"`
	UpdatedAt   time.Time         `json:"updated_at"`
	Values      []report.Value    `json:"values"`
	Texts       map[string]string `json:"texts"`
}

// reportOut renders rep, of the period and form with those codes, with
// the definition of the form version it was written on.
func (h *API) reportOut(r *http.Request, rep report.Report, period, form string) (reportJSON, error) {
	def, err := h.app.Reports.Definition(r.Context(), h.app.DB, rep.FormVersionID)
	if err != nil {
		return reportJSON{}, fmt.Errorf("api: definition of report %d: %w", rep.ID, err)
	}
	texts := rep.Texts
	if texts == nil {
		texts = map[string]string{}
	}
	return reportJSON{ID: rep.ID, UnitID: rep.UnitID, Period: period, Form: form, FormVersion: rep.FormVersionID,
		Status: rep.Status, SubmittedAt: rep.SubmittedAt, OnTime: rep.OnTime, AcceptedAt: rep.AcceptedAt,
		UpdatedAt: rep.UpdatedAt, Values: rep.Figures(def), Texts: texts}, nil
}

// reportTarget is what ?unit=, ?period= and ?form= of the report endpoints
// name: the unit, loaded, and the period and form codes as given.
type reportTarget struct {
	Unit   org.Unit
	Period string
	Form   string
}

// reportQuery reads ?unit=, ?period= and ?form=, loads the unit and checks
// action on it. When ok is false the response has been written: 400 for a
// missing or malformed parameter, 404 for a unit that does not exist, 403
// when the user may not do action there.
func (h *API) reportQuery(w http.ResponseWriter, r *http.Request, action auth.Action) (reportTarget, bool) {
	q := r.URL.Query()
	t := reportTarget{Period: strings.TrimSpace(q.Get("period")), Form: strings.TrimSpace(q.Get("form"))}
	unitID, err := queryID(r, "unit")
	switch {
	case err != nil:
		h.badRequest(w, r, err.Error())
		return t, false
	case unitID == 0:
		h.badRequest(w, r, "Thiếu tham số unit (mã số id của đơn vị báo cáo).")
		return t, false
	case t.Period == "":
		h.badRequest(w, r, "Thiếu tham số period (kỳ báo cáo, ví dụ 2026-Q1, 2026-H1, 2026-M9, 2026).")
		return t, false
	case t.Form == "":
		h.badRequest(w, r, "Thiếu tham số form (mã biểu mẫu báo cáo, ví dụ CCHC; xem GET /api/v1/report-forms).")
		return t, false
	}
	t.Unit, err = h.app.Units.GetRow(r.Context(), unitID)
	if errors.Is(err, db.ErrNotFound) {
		h.error(w, r, http.StatusNotFound, codeNotFound, fmt.Sprintf("Không tìm thấy đơn vị có mã số (id) %d.", unitID))
		return t, false
	} else if err != nil {
		h.serverError(w, r, err)
		return t, false
	}
	can, err := h.can(r, action, unitID)
	if err != nil {
		h.serverError(w, r, err)
		return t, false
	}
	if !can {
		h.forbidden(w, r)
		return t, false
	}
	return t, true
}

// reportForm loads the form with code; when ok is false the 404 or 500 has
// been written.
// reportScope reads and checks a report request's unit (with action),
// form and stored period; ok is false when an error has been written.
func (h *API) reportScope(w http.ResponseWriter, r *http.Request, action auth.Action) (reportTarget, report.Form, report.PeriodRow, bool) {
	t, ok := h.reportQuery(w, r, action)
	if !ok {
		return t, report.Form{}, report.PeriodRow{}, false
	}
	f, ok := h.reportForm(w, r, t.Form)
	if !ok {
		return t, f, report.PeriodRow{}, false
	}
	p, ok := h.reportPeriod(w, r, t.Period)
	return t, f, p, ok
}

func (h *API) reportForm(w http.ResponseWriter, r *http.Request, code string) (report.Form, bool) {
	f, err := h.app.Reports.CachedForm(r.Context(), code)
	if errors.Is(err, db.ErrNotFound) {
		h.error(w, r, http.StatusNotFound, codeNotFound,
			fmt.Sprintf("Không tìm thấy biểu mẫu báo cáo “%s”. Xem danh sách biểu mẫu tại GET /api/v1/report-forms.", code))
		return f, false
	} else if err != nil {
		h.serverError(w, r, err)
		return f, false
	}
	return f, true
}

// reportPeriod loads the stored period with code; when ok is false the
// 404 or 500 has been written, saying how periods are written when code
// is not a calendar period.
func (h *API) reportPeriod(w http.ResponseWriter, r *http.Request, code string) (report.PeriodRow, bool) {
	p, err := report.PeriodByCode(r.Context(), h.app.DB, code)
	switch {
	case err == nil:
		return p, true
	case !errors.Is(err, db.ErrNotFound):
		h.serverError(w, r, err)
	default:
		if cp, perr := report.ParsePeriod(code); perr == nil {
			h.error(w, r, http.StatusNotFound, codeNotFound,
				fmt.Sprintf("Lịch báo cáo chưa có kỳ %s (%s).", cp.String(), cp.Label()))
		} else {
			h.error(w, r, http.StatusNotFound, codeNotFound,
				fmt.Sprintf("Không có kỳ báo cáo “%s”. Kỳ báo cáo viết dạng YYYY-Q1 đến YYYY-Q4, YYYY-H1, YYYY-H2, YYYY-M9 hoặc YYYY (ví dụ 2026-Q1).", code))
		}
	}
	return p, false
}

// writeReport answers 200 with rep, of the period and form with those codes.
func (h *API) writeReport(w http.ResponseWriter, r *http.Request, rep report.Report, period, form string) {
	out, err := h.reportOut(r, rep, period, form)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, out)
}
