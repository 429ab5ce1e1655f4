package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/report"
)

// reportListData is what report_list.html draws.
type reportListData struct {
	Forms   []report.Form
	Form    report.Form
	Years   []int
	Year    int
	Periods []report.PeriodRow
	Period  report.PeriodRow // the chosen period; zero when the year has none
	Own     *ownReports      // the user's own unit, period by period
	Units   *unitReports     // the units below the user's scope, for the chosen period
	Review  bool             // the user reviews reports (Sở Nội vụ)
}

// ownReports is the user's unit's report for each period of the year that
// has begun.
type ownReports struct {
	Unit      org.Unit
	Applies   bool // the form is sent by units of this kind
	CanSubmit bool
	Rows      []ownReportRow
}

// ownReportRow is one period of the user's unit.
type ownReportRow struct {
	Period   report.PeriodRow
	Deadline civil.Date
	Locked   bool
	ReportID int64
	Status   reportStatus
	Timing   reportTiming
	Selected bool
}

// unitReports lists the units expected to send the form for the period,
// with their status, filtered and paged.
type unitReports struct {
	Root     string
	Filter   string // "" for every status, "none" for units without a report
	Statuses []statusCount
	Rows     []unitReportRow
	Pager    pager
	Tally    report.Tally
}

// statusCount is a status filter with its count.
type statusCount struct {
	Value, Label string
	Count        int
}

// unitReportRow is an expected unit and its report.
type unitReportRow struct {
	Unit        report.UnitStatus
	Kind        string
	Status      reportStatus
	Timing      reportTiming
	SubmittedAt *time.Time
}

// reportListFilters are the statuses a unit list can be filtered by.
var reportListFilters = []string{"none", report.StatusDraft, report.StatusSubmitted, report.StatusReturned, report.StatusAccepted}

// reportList is the periodic reports page ("Báo cáo định kỳ"). The user
// picks a form (the default PAR form at first), a year and a period (at
// first the one whose deadline comes next, else the latest). An officer or
// leader sees their unit's report for every period of the year that has
// begun, with its status, deadline and days left, and a button to open or
// write it; reviewers (Sở Nội vụ) and users whose unit has units below see
// those units' reports for the period, filtered by status and paged.
func (h *Handler) reportList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	now := h.reportToday()
	d := reportListData{Review: h.can(r, auth.ReviewReport, 0)}
	var err error
	if d.Forms, err = h.app.Reports.Forms(ctx); err != nil {
		h.serverError(w, r, err)
		return
	}
	if len(d.Forms) == 0 {
		h.renderPage(w, r, http.StatusOK, "report_list", &Page{Title: "Báo cáo định kỳ", Data: d})
		return
	}
	d.Form = pickForm(d.Forms, strings.TrimSpace(q.Get("form")))
	d.Year = now.Year
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y >= now.Year-10 && y <= now.Year+1 {
		d.Year = y
	}
	for y := now.Year + 1; y >= now.Year-4; y-- {
		d.Years = append(d.Years, y)
	}
	if !slices.Contains(d.Years, d.Year) {
		d.Years = append(d.Years, d.Year)
	}
	if d.Periods, err = h.reportPeriods(ctx, d.Year); err != nil {
		h.serverError(w, r, err)
		return
	}
	d.Periods = formPeriods(d.Periods, d.Form)
	d.Period = pickPeriod(d.Periods, strings.TrimSpace(q.Get("period")), now)
	if !d.Review {
		if d.Own, err = h.ownReports(r, d, now); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	if d.Period.ID != 0 {
		if d.Units, err = h.unitReports(r, d, now); err != nil {
			h.serverError(w, r, err)
			return
		}
		if d.Units != nil && !d.Review && len(d.Units.Rows) == 0 && d.Units.Filter == "" {
			d.Units = nil
		}
	}
	h.renderPage(w, r, http.StatusOK, "report_list", &Page{Title: "Báo cáo định kỳ", Data: d})
}

// pickForm returns the form with code, else the default PAR form, else the
// first.
func pickForm(forms []report.Form, code string) report.Form {
	for _, want := range []string{code, report.DefaultFormCode} {
		for _, f := range forms {
			if want != "" && strings.EqualFold(f.Code, want) {
				return f
			}
		}
	}
	return forms[0]
}

// pickPeriod returns the period with code, else the one whose deadline is
// the nearest on or after today, else the one whose deadline passed last.
func pickPeriod(periods []report.PeriodRow, code string, today civil.Date) report.PeriodRow {
	if len(periods) == 0 {
		return report.PeriodRow{}
	}
	for _, p := range periods {
		if strings.EqualFold(p.Code, code) {
			return p
		}
	}
	var next, last report.PeriodRow
	for _, p := range periods {
		if !p.UnitDeadline.Before(today) && (next.ID == 0 || p.UnitDeadline.Before(next.UnitDeadline)) {
			next = p
		}
		if p.UnitDeadline.Before(today) && (last.ID == 0 || p.UnitDeadline.After(last.UnitDeadline)) {
			last = p
		}
	}
	if next.ID != 0 {
		return next
	}
	return last
}

// formPeriods keeps the periods of the report types form f is sent for.
func formPeriods(ps []report.PeriodRow, f report.Form) []report.PeriodRow {
	return slices.DeleteFunc(ps, func(p report.PeriodRow) bool { return !f.UsedFor(p.TypeCode) })
}

// reportPeriods returns the periods of year, generating them first when
// the calendar has none stored for it yet.
func (h *Handler) reportPeriods(ctx context.Context, year int) ([]report.PeriodRow, error) {
	ps, err := h.app.Reports.Periods(ctx, year)
	if err != nil || len(ps) > 0 {
		return ps, err
	}
	if err := report.EnsurePeriods(ctx, h.app.DB, year); err != nil {
		return nil, err
	}
	return h.app.Reports.Periods(ctx, year)
}

// ownReports lists the user's unit's report for each period of the year
// whose data cut-off has begun.
func (h *Handler) ownReports(r *http.Request, d reportListData, now civil.Date) (*ownReports, error) {
	ctx := r.Context()
	u := user(r)
	if u.UnitID == 0 {
		return nil, nil
	}
	unit, err := h.app.Units.Get(ctx, u.UnitID)
	if err != nil {
		return nil, err
	}
	kinds := d.Form.Kinds()
	own := &ownReports{Unit: unit, Applies: len(kinds) == 0 || slices.Contains(kinds, unit.Kind),
		CanSubmit: h.can(r, auth.SubmitReport, unit.ID)}
	if !own.Applies {
		return own, nil
	}
	for _, p := range d.Periods {
		if p.CutoffFrom.After(now) {
			continue
		}
		row := ownReportRow{Period: p, Selected: p.ID == d.Period.ID}
		var locks civil.Date
		if row.Deadline, locks, err = report.DeadlineFor(ctx, h.app.DB, p, unit.ID); err != nil {
			return nil, err
		}
		row.Locked = now.After(locks)
		rep, err := h.app.Reports.Find(ctx, d.Form.ID, p.ID, unit.ID)
		switch {
		case err == nil:
			row.ReportID = rep.ID
			row.Status = statusOfReport(rep.Status)
			row.Timing = timingOf(rep.Status, rep.OnTime, row.Deadline, now)
		case isNotFoundErr(err):
			row.Status = statusOfReport("")
			row.Timing = timingOf("", nil, row.Deadline, now)
		default:
			return nil, err
		}
		if row.Locked && rep.OnTime == nil {
			row.Timing = reportTiming{Text: "Đã khóa từ " + locks.AddDays(1).VN(), Class: "late"}
		}
		own.Rows = append(own.Rows, row)
	}
	return own, nil
}

// unitReports lists the expected units of the user's scope for the chosen
// period: the whole province for a reviewer, else the user's unit's
// subtree without the unit itself.
func (h *Handler) unitReports(r *http.Request, d reportListData, now civil.Date) (*unitReports, error) {
	ctx := r.Context()
	u := user(r)
	rootID := h.app.Policy.ScopeRoot(u)
	if rootID == 0 {
		top, err := h.app.Units.Top(ctx)
		if isNotFoundErr(err) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		rootID = top.ID
	}
	root, err := h.app.Units.Get(ctx, rootID)
	if err != nil {
		return nil, err
	}
	t, err := h.app.Reports.TimelinessOf(ctx, rootID, d.Period, d.Form)
	if err != nil {
		return nil, err
	}
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		return nil, err
	}
	ur := &unitReports{Root: root.Name, Tally: t.Tally, Pager: newPager(r, 50)}
	if f := r.URL.Query().Get("status"); slices.Contains(reportListFilters, f) {
		ur.Filter = f
	}
	counts := map[string]int{}
	var rows []unitReportRow
	for _, us := range t.Units {
		if !d.Review && us.UnitID == u.UnitID {
			continue
		}
		key := us.Status
		if key == "" {
			key = "none"
		}
		counts[key]++
		if ur.Filter != "" && key != ur.Filter {
			continue
		}
		rows = append(rows, unitReportRow{Unit: us, Kind: kindName(kinds, us.Kind), Status: statusOfReport(us.Status),
			Timing: timingOf(us.Status, us.OnTime, us.Deadline, now), SubmittedAt: us.SubmittedAt})
	}
	for _, f := range reportListFilters {
		label := statusOfReport(f).Label
		if f == "none" {
			label = statusOfReport("").Label
		}
		ur.Statuses = append(ur.Statuses, statusCount{Value: f, Label: label, Count: counts[f]})
	}
	ur.Pager.Total = len(rows)
	if ur.Pager.Offset < len(rows) {
		ur.Rows = rows[ur.Pager.Offset:min(ur.Pager.Offset+ur.Pager.Limit, len(rows))]
	}
	return ur, nil
}
