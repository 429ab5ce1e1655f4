package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/report"
	"cchc/internal/valid"
)

// calendarData is what the calendar page shows: the report types with
// their rules, the periods of Year, the units' exceptions in those
// periods, and the exception form.
type calendarData struct {
	Year, PrevYear, NextYear int
	Types                    []typeView
	Periods                  []periodView
	Exceptions               []exceptionRow
	// Editing is the type whose form failed validation; TypeForm holds
	// what was posted for it.
	Editing  int64
	TypeForm typeForm
	Exc      exceptionForm
	Picker   picker
	// Adhoc is what was posted for a new ad hoc period; AdhocOpen keeps
	// its form open after a refusal.
	Adhoc     adhocForm
	AdhocOpen bool
}

// adhocForm is the form of a new ad hoc or thematic period, as typed.
type adhocForm struct {
	Code, Title, StartsOn, EndsOn, UnitDeadline, SNVDeadline string
}

// periodView is a stored period with its type's name and how many units
// have their own deadline in it.
type periodView struct {
	report.PeriodRow
	TypeName   string
	Exceptions int
	Locked     bool
}

// exceptionRow is one unit's own deadline in a period (gia hạn).
type exceptionRow struct {
	PeriodID    int64      `db:"period_id"`
	PeriodTitle string     `db:"period_title"`
	UnitID      int64      `db:"unit_id"`
	UnitName    string     `db:"unit_name"`
	Deadline    civil.Date `db:"deadline"`
	Normal      civil.Date `db:"normal"`
	LocksOn     civil.Date `db:"locks_on"`
	Reason      string     `db:"reason"`
}

// exceptionForm is the posted exception form.
type exceptionForm struct {
	PeriodID int64
	UnitID   int64
	Deadline string
	Reason   string
}

// calendarState is what a failed POST carries back to the page.
type calendarState struct {
	editing  int64
	typeForm typeForm
	exc      exceptionForm
	adhoc    *adhocForm
}

// calendarYear reads ?year= (or a posted year), today's year when absent
// or outside 2000-2100.
func calendarYear(r *http.Request) int {
	y, err := strconv.Atoi(r.FormValue("year"))
	if err != nil || y < 2000 || y > 2100 {
		return today().Year
	}
	return y
}

// reportCalendar shows the reporting calendar (ReviewReport): the report
// types with their rules in words, editable; the periods of ?year=
// (generated when missing); and the units' own deadlines. With HX-Request
// and ?unit_q=, it answers the exception form's unit search with the
// matching units only.
func (h *Handler) reportCalendar(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	var exc exceptionForm
	exc.UnitID, _ = strconv.ParseInt(r.URL.Query().Get("unit_id"), 10, 64)
	exc.PeriodID, _ = strconv.ParseInt(r.URL.Query().Get("period_id"), 10, 64)
	h.renderCalendar(w, r, http.StatusOK, calendarYear(r), calendarState{exc: exc}, nil)
}

// renderCalendar renders the calendar page of year with a failed form's
// state and errors.
func (h *Handler) renderCalendar(w http.ResponseWriter, r *http.Request, status int, year int, st calendarState, errs valid.Errors) {
	ctx := r.Context()
	data := calendarData{Year: year, PrevYear: year - 1, NextYear: year + 1, Editing: st.editing, TypeForm: st.typeForm, Exc: st.exc}
	if st.adhoc != nil {
		data.Adhoc, data.AdhocOpen = *st.adhoc, true
	}
	types, err := h.app.Reports.Types(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, t := range types {
		data.Types = append(data.Types, newTypeView(t, year))
		names[t.ID] = t.Name
	}
	periods, err := h.periodsOf(ctx, year)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if data.Exceptions, err = h.exceptionsOf(ctx, year); err != nil {
		h.serverError(w, r, err)
		return
	}
	counts := map[int64]int{}
	for _, e := range data.Exceptions {
		counts[e.PeriodID]++
	}
	now := today()
	for _, p := range periods {
		data.Periods = append(data.Periods, periodView{PeriodRow: p, TypeName: names[p.TypeID], Exceptions: counts[p.ID],
			Locked: now.After(p.LocksOn)})
	}
	if data.Exc.PeriodID == 0 {
		data.Exc.PeriodID = nextPeriod(periods, now)
	}
	data.Picker = picker{Field: "unit_id", Label: "Tìm đơn vị được gia hạn"}
	var chosen []int64
	if data.Exc.UnitID != 0 {
		chosen = []int64{data.Exc.UnitID}
	}
	if err := h.fillPicker(r, &data.Picker, chosen, r.URL.Query().Get("unit_q")); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderPage(w, r, status, "report_calendar", &Page{Title: "Lịch báo cáo", Data: data, Errors: errs})
}

// periodsOf returns the periods of year, generating them first when the
// year has none yet (EnsurePeriods is idempotent).
func (h *Handler) periodsOf(ctx context.Context, year int) ([]report.PeriodRow, error) {
	ps, err := h.app.Reports.Periods(ctx, year)
	if err != nil || len(ps) > 0 {
		return ps, err
	}
	if err := report.EnsurePeriods(ctx, h.app.DB, year); err != nil {
		return nil, err
	}
	return h.app.Reports.Periods(ctx, year)
}

// nextPeriod returns the period whose unit deadline comes first on or
// after today, or the last one.
func nextPeriod(ps []report.PeriodRow, now civil.Date) int64 {
	var best *report.PeriodRow
	for i := range ps {
		p := &ps[i]
		if !p.UnitDeadline.Before(now) && (best == nil || p.UnitDeadline.Before(best.UnitDeadline)) {
			best = p
		}
	}
	if best != nil {
		return best.ID
	}
	if len(ps) > 0 {
		return ps[len(ps)-1].ID
	}
	return 0
}

// exceptionsOf lists the units' own deadlines in the periods starting in
// year, by period and then unit order.
func (h *Handler) exceptionsOf(ctx context.Context, year int) ([]exceptionRow, error) {
	var rows []exceptionRow
	err := h.app.DB.SelectContext(ctx, &rows, h.app.DB.Rebind(`SELECT e.period_id, p.title AS period_title, e.unit_id,
		u.name AS unit_name, e.deadline, p.unit_deadline AS normal, e.locks_on, e.reason
		FROM report_period_exceptions e JOIN report_periods p ON p.id = e.period_id JOIN units u ON u.id = e.unit_id
		WHERE p.starts_on >= ? AND p.starts_on <= ? ORDER BY p.ends_on, p.id, u.sort_key, u.id`),
		civil.New(year, time.January, 1), civil.New(year, time.December, 31))
	if err != nil {
		return nil, fmt.Errorf("web: report exceptions of %d: %w", year, err)
	}
	return rows, nil
}
