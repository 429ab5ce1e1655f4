package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/org"
	"cchc/internal/report"
)

// This file holds what the consolidation, timeliness and reminder pages
// share: reading the unit, period and form they are about, and checking
// that the user may see them.

// reportScope is the unit, form and period a consolidation or timeliness
// page shows, with the choices its filter offers.
type reportScope struct {
	Unit    org.Unit
	Trail   []org.Unit // the unit's ancestors the user may see, top first
	Forms   []report.Form
	Form    report.Form
	Years   []int
	Year    int
	Periods []report.PeriodRow
	Period  report.PeriodRow // zero when the year has no period
}

// Query returns the scope as a query string: unit, period and form.
func (s reportScope) Query() template.URL {
	return template.URL(url.Values{"unit": {strconv.FormatInt(s.Unit.ID, 10)}, "period": {s.Period.Code}, "form": {s.Form.Code}}.Encode())
}

// UnitQuery returns the scope's query for another unit.
func (s reportScope) UnitQuery(unitID int64) template.URL {
	return template.URL(url.Values{"unit": {strconv.FormatInt(unitID, 10)}, "period": {s.Period.Code}, "form": {s.Form.Code}}.Encode())
}

// readScope reads unit, form, period (or year) from the request's query or
// posted form, defaulting to the user's own unit (the top unit for those
// who see every unit), the default PAR form and the period whose deadline
// comes next. allowed decides whether the user may see the unit. ok is
// false when a page (404, 403) has been written.
func (h *Handler) readScope(w http.ResponseWriter, r *http.Request, allowed func(unitID int64) bool) (reportScope, bool) {
	ctx := r.Context()
	var s reportScope
	unitID, _ := strconv.ParseInt(r.FormValue("unit"), 10, 64)
	if unitID <= 0 {
		unitID = h.app.Policy.ScopeRoot(user(r))
	}
	var err error
	if unitID <= 0 {
		s.Unit, err = h.app.Units.Top(ctx)
	} else {
		s.Unit, err = h.app.Units.Get(ctx, unitID)
	}
	if err != nil {
		h.fail(w, r, err)
		return s, false
	}
	if !allowed(s.Unit.ID) {
		h.forbidden(w, r)
		return s, false
	}
	ancestors, err := h.app.Units.Ancestors(ctx, s.Unit.ID)
	if err != nil {
		h.serverError(w, r, err)
		return s, false
	}
	for _, a := range ancestors {
		if a.ID != s.Unit.ID && allowed(a.ID) {
			s.Trail = append(s.Trail, a)
		}
	}
	if s.Forms, err = h.app.Reports.Forms(ctx); err != nil {
		h.serverError(w, r, err)
		return s, false
	}
	if len(s.Forms) == 0 {
		return s, true
	}
	s.Form = pickForm(s.Forms, strings.TrimSpace(r.FormValue("form")))
	now := h.reportToday()
	code := strings.TrimSpace(r.FormValue("period"))
	s.Year = now.Year
	if p, err := report.ParsePeriod(code); err == nil {
		s.Year = p.Year
	} else if y, err := strconv.Atoi(r.FormValue("year")); err == nil && y >= now.Year-10 && y <= now.Year+1 {
		s.Year = y
	}
	for y := now.Year + 1; y >= now.Year-4; y-- {
		s.Years = append(s.Years, y)
	}
	if !slices.Contains(s.Years, s.Year) {
		s.Years = append(s.Years, s.Year)
	}
	if s.Periods, err = h.reportPeriods(ctx, s.Year); err != nil {
		h.serverError(w, r, err)
		return s, false
	}
	s.Periods = formPeriods(s.Periods, s.Form)
	s.Period = pickPeriod(s.Periods, code, now)
	return s, true
}

// canConsolidate reports whether the user may see the consolidated
// figures of unitID's subtree: reviewers for any unit, leaders and
// officers for their own subtree.
func (h *Handler) canConsolidate(r *http.Request, unitID int64) bool {
	return h.can(r, auth.ReviewReport, unitID) || h.can(r, auth.ViewUnit, unitID)
}

// canChase reports whether the user may see who is late and remind them:
// reviewers only.
func (h *Handler) canChase(r *http.Request, unitID int64) bool {
	return h.can(r, auth.ReviewReport, unitID)
}
