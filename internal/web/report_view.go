package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/formula"
	"cchc/internal/org"
	"cchc/internal/report"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// This file holds what the report pages share: loading a report with its
// form version, period and unit, turning it into the sections the page
// draws, and reading the values and texts a form posts.

// reportPage is what report_show.html draws: a unit's report for a period,
// section by section, with its header, history and what the user may do.
type reportPage struct {
	Report     report.Report
	FormCode   string
	FormTitle  string
	Period     report.PeriodRow
	Unit       org.Unit
	KindName   string
	Deadline   civil.Date // the unit's deadline (its exception wins)
	LocksOn    civil.Date // the last day the unit may change it
	Locked     bool
	Status     reportStatus
	Timing     reportTiming
	Sections   []reportSection
	Events     []reportEvent
	Returned   *reportEvent // the latest return, while the report is returned
	Editable   bool         // the user may save and submit it now
	CanWrite   bool         // the user writes the unit's reports
	CanReview  bool         // the user may return or accept it now
	SavedAt    string       // "20/05/2026 14:05": when it was last changed
	SavedClock string       // "14:05"
	SaveError  string       // why a save was refused
	Live       bool         // the page answers an autosave (htmx)
	Issues     []reportIssue
	Comment    string // the review comment as typed
}

// reportStatus is a report status with its label and badge class; the
// empty status is a report not yet opened ("Chưa lập").
type reportStatus struct {
	Code, Label, Class string
}

func statusOfReport(status string) reportStatus {
	switch status {
	case "":
		return reportStatus{Label: "Chưa lập", Class: "rp-none"}
	case report.StatusDraft:
		return reportStatus{Code: status, Label: report.StatusLabel(status), Class: "rp-draft"}
	case report.StatusSubmitted:
		return reportStatus{Code: status, Label: report.StatusLabel(status), Class: "rp-submitted"}
	case report.StatusReturned:
		return reportStatus{Code: status, Label: report.StatusLabel(status), Class: "rp-returned"}
	case report.StatusAccepted:
		return reportStatus{Code: status, Label: report.StatusLabel(status), Class: "rp-accepted"}
	}
	return reportStatus{Code: status, Label: report.StatusLabel(status)}
}

// reportTiming says where a report stands against its deadline: on time
// or late once submitted, else the days left or the days late.
type reportTiming struct {
	Text, Class string
}

// timingOf judges a report of status (onTime decided at its first
// submission) against deadline on day today.
func timingOf(status string, onTime *bool, deadline, today civil.Date) reportTiming {
	if onTime != nil && status != "" {
		if *onTime {
			return reportTiming{Text: "Gửi đúng hạn", Class: "ok"}
		}
		return reportTiming{Text: "Gửi trễ hạn", Class: "late"}
	}
	if deadline.IsZero() {
		return reportTiming{}
	}
	days := int(deadline.Time().Sub(today.Time()).Hours() / 24)
	switch {
	case days > 0:
		class := ""
		if days <= 7 {
			class = "soon"
		}
		return reportTiming{Text: fmt.Sprintf("Còn %d ngày", days), Class: class}
	case days == 0:
		return reportTiming{Text: "Hôm nay là hạn cuối", Class: "soon"}
	}
	return reportTiming{Text: fmt.Sprintf("Quá hạn %d ngày", -days), Class: "late"}
}

// reportSection is a section of the form as the unit sees it: indicators
// its kind does not report are left out.
type reportSection struct {
	Code, Title string
	Narratives  []reportNarrative
	Indicators  []reportIndicator
}

// reportNarrative is a text field with its value (as stored or typed).
type reportNarrative struct {
	Code, Label, Value, Hint, Err string
}

// Name is the field's name in the posted form; ID its element id.
func (n reportNarrative) Name() string { return "text." + n.Code }
func (n reportNarrative) ID() string   { return "text-" + n.Code }

// reportIndicator is a number of the form: Value as stored (dot thousands)
// or typed, or, for a rate, Rate computed ("46,7%", "—" when undefined).
type reportIndicator struct {
	Code, Label, Kind, Value, Rate, Hint, Err string
	Related                                   bool // named by a broken rule whose message is on another field
}

func (i reportIndicator) Name() string { return "value." + i.Code }
func (i reportIndicator) ID() string   { return "value-" + i.Code }
func (i reportIndicator) IsRate() bool { return i.Kind == report.KindRate }

// reportEvent is an entry of the history with who did it.
type reportEvent struct {
	Label, User, Comment string
	At                   string
	Class                string
}

// reportIssue is a message of a refused submission, with the field it is
// about when the page shows that field.
type reportIssue struct {
	Field, Anchor, Message string
}

// reportInput is what a report form posted, as typed; nil maps mean
// "show what is stored".
type reportInput struct {
	Values map[string]string
	Texts  map[string]string
}

// reportData is a report with everything the pages derive from.
type reportData struct {
	Report report.Report
	Def    report.Definition
	Form   report.Form
	Period report.PeriodRow
	Unit   org.Unit
}

// reportToday is the day report deadlines are judged on: the report
// store's (tests set it), else today in Vietnam.
func (h *Handler) reportToday() civil.Date {
	if h.app.Reports.Today != nil {
		return h.app.Reports.Today()
	}
	return today()
}

// loadReport reads report id with its form version, period and unit.
func (h *Handler) loadReport(ctx context.Context, id int64) (reportData, error) {
	var d reportData
	var err error
	if d.Report, err = h.app.Reports.Get(ctx, id); err != nil {
		return d, err
	}
	if d.Def, err = h.app.Reports.Definition(ctx, h.app.DB, d.Report.FormVersionID); err != nil {
		return d, err
	}
	if d.Form, err = h.app.Reports.Form(ctx, d.Report.FormID); err != nil {
		return d, err
	}
	if d.Period, err = report.PeriodByID(ctx, h.app.DB, d.Report.PeriodID); err != nil {
		return d, err
	}
	if d.Unit, err = h.app.Units.Get(ctx, d.Report.UnitID); err != nil {
		return d, err
	}
	return d, nil
}

// reportForAction loads the report in the path and checks that the user
// may do action on its unit; ok is false when a page has been written (404,
// 403).
func (h *Handler) reportForAction(w http.ResponseWriter, r *http.Request, action auth.Action) (reportData, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return reportData{}, false
	}
	d, err := h.loadReport(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return reportData{}, false
	}
	if !h.can(r, action, d.Unit.ID) {
		h.forbidden(w, r)
		return reportData{}, false
	}
	return d, true
}

// maxReportFormBytes bounds a posted report: every narrative may hold
// report.MaxTextLen characters of up to 4 bytes.
const maxReportFormBytes = 4 << 20

// parseReportForm reads the posted form of a report page; ok is false when
// a page has been written.
func (h *Handler) parseReportForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxReportFormBytes)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được nội dung báo cáo gửi lên.")
		return false
	}
	return true
}

// indicatorApplies reports whether units of kind report ind.
func indicatorApplies(ind report.Indicator, kind string) bool {
	return len(ind.UnitKinds) == 0 || slices.Contains(ind.UnitKinds, kind)
}

// visibleIndicators returns the codes of the indicators of def that a unit
// of kind sees: those its kind reports, and the rates whose formula names
// only those.
func visibleIndicators(def report.Definition, kind string) map[string]bool {
	seen := map[string]bool{}
	for _, ind := range def.Indicators() {
		if ind.Kind != report.KindRate && indicatorApplies(ind, kind) {
			seen[ind.Code] = true
		}
	}
	for _, ind := range def.Indicators() {
		if ind.Kind != report.KindRate || !indicatorApplies(ind, kind) {
			continue
		}
		e, err := formula.Parse(ind.Formula)
		if err != nil {
			continue
		}
		ok := true
		for _, v := range e.Vars() {
			ok = ok && seen[v]
		}
		seen[ind.Code] = ok
	}
	return seen
}

// parseReportValues reads the numbers and texts posted for d's report.
// Only the fields the unit sees are read. A number may be written with dot
// or space thousands separators ("1.250"); an empty box is left out unless
// the report had a value there, which it then sets to 0. Numbers that are
// not whole or are negative get a message under "value.<code>" and are left
// out of values. in keeps everything as typed, to show it back.
func parseReportValues(r *http.Request, d reportData) (values map[string]int64, texts map[string]string, in reportInput, errs valid.Errors) {
	values, texts = map[string]int64{}, map[string]string{}
	in = reportInput{Values: map[string]string{}, Texts: map[string]string{}}
	errs = valid.Errors{}
	visible := visibleIndicators(d.Def, d.Unit.Kind)
	for _, ind := range d.Def.Indicators() {
		key := "value." + ind.Code
		raw, posted := r.PostForm[key]
		if !posted || ind.Kind == report.KindRate || !visible[ind.Code] {
			continue
		}
		s := strings.TrimSpace(raw[0])
		in.Values[ind.Code] = s
		if s == "" {
			if _, had := d.Report.Values[ind.Code]; had {
				values[ind.Code] = 0
			}
			continue
		}
		n, msg := parseCount(s)
		if msg != "" {
			errs.Add(key, "“"+ind.Label+"” "+msg)
			continue
		}
		values[ind.Code] = n
	}
	for _, n := range d.Def.Narratives() {
		key := "text." + n.Code
		if raw, posted := r.PostForm[key]; posted {
			texts[n.Code] = raw[0]
			in.Texts[n.Code] = raw[0]
		}
	}
	return values, texts, in, errs
}

// parseCount reads a whole non-negative number as a Vietnamese user types
// it ("1.250", "1 250", "1250"); msg says what is wrong, in Vietnamese,
// after the field's label.
func parseCount(s string) (n int64, msg string) {
	clean := strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(s)
	neg := strings.HasPrefix(clean, "-")
	clean = strings.TrimPrefix(clean, "-")
	if clean == "" {
		return 0, "phải là một số nguyên, ví dụ 125 hoặc 1.250."
	}
	for _, c := range clean {
		if c < '0' || c > '9' {
			return 0, "phải là một số nguyên, ví dụ 125 hoặc 1.250."
		}
	}
	if neg {
		return 0, "không được âm."
	}
	v, err := strconv.ParseInt(clean, 10, 64)
	if err != nil || v > 1e15 {
		return 0, "quá lớn."
	}
	return v, ""
}

// buildReportPage turns d into the page for the signed-in user: the
// values stored (or in, as typed), rates computed from the stored values,
// errs beside their fields, the history and what the user may do.
func (h *Handler) buildReportPage(r *http.Request, d reportData, in reportInput, errs valid.Errors) (reportPage, error) {
	ctx := r.Context()
	now := h.reportToday()
	p := reportPage{Report: d.Report, FormCode: d.Form.Code, FormTitle: d.Form.Title, Period: d.Period, Unit: d.Unit,
		Status: statusOfReport(d.Report.Status)}
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		return p, err
	}
	p.KindName = kindName(kinds, d.Unit.Kind)
	if p.Deadline, p.LocksOn, err = report.DeadlineFor(ctx, h.app.DB, d.Period, d.Unit.ID); err != nil {
		return p, err
	}
	p.Locked = now.After(p.LocksOn)
	p.Timing = timingOf(d.Report.Status, d.Report.OnTime, p.Deadline, now)
	open := d.Report.Status == report.StatusDraft || d.Report.Status == report.StatusReturned
	p.CanWrite = h.can(r, auth.SubmitReport, d.Unit.ID)
	p.Editable = open && !p.Locked && p.CanWrite
	p.CanReview = d.Report.Status == report.StatusSubmitted && h.can(r, auth.ReviewReport, d.Unit.ID)
	p.SavedAt = vn.FormatDateTime(d.Report.UpdatedAt, vn.Location())
	p.SavedClock = d.Report.UpdatedAt.In(vn.Location()).Format("15:04")
	p.Sections = reportSections(d, in, errs)
	p.Issues = reportIssues(d, errs)
	if p.Events, p.Returned, err = h.reportEvents(ctx, d.Report); err != nil {
		return p, err
	}
	return p, nil
}

// reportSections lays out d's form for its unit with values and errors.
func reportSections(d reportData, in reportInput, errs valid.Errors) []reportSection {
	visible := visibleIndicators(d.Def, d.Unit.Kind)
	rates := d.Def.Rates(d.Report.Values)
	related := ruleFields(d, errs)
	labels := map[string]string{}
	for _, ind := range d.Def.Indicators() {
		labels[ind.Code] = ind.Label
	}
	out := make([]reportSection, 0, len(d.Def.Sections))
	for _, s := range d.Def.Sections {
		sec := reportSection{Code: s.Code, Title: s.Title}
		for _, n := range s.Narratives {
			v, typed := in.Texts[n.Code]
			if !typed {
				v = d.Report.Texts[n.Code]
			}
			hint := ""
			if n.Prefill == report.PrefillTasks {
				hint = "Đã điền sẵn tiến độ các nhiệm vụ của đơn vị trong kỳ; hãy sửa, bổ sung cho đầy đủ."
			}
			sec.Narratives = append(sec.Narratives, reportNarrative{Code: n.Code, Label: n.Label, Value: v, Hint: hint,
				Err: errs["text."+n.Code]})
		}
		for _, ind := range s.Indicators {
			if !visible[ind.Code] {
				continue
			}
			iv := reportIndicator{Code: ind.Code, Label: ind.Label, Kind: ind.Kind, Err: errs["value."+ind.Code],
				Related: related[ind.Code]}
			switch {
			case ind.Kind == report.KindRate:
				iv.Rate = formatRate(rates[ind.Code])
				iv.Hint = "Tự động tính = " + formulaText(ind.Formula, labels)
			default:
				if v, typed := in.Values[ind.Code]; typed {
					iv.Value = v
				} else if v, ok := d.Report.Values[ind.Code]; ok {
					iv.Value = vn.FormatInt(v)
				}
				if ind.Prefill != "" {
					iv.Hint = "Điền sẵn từ nhiệm vụ của đơn vị."
				}
			}
			sec.Indicators = append(sec.Indicators, iv)
		}
		out = append(out, sec)
	}
	return out
}

// ruleFields returns the codes named by the form's rules that the stored
// values break and whose message errs holds (under the rule's first code):
// the page marks them all, the message stays on the first.
func ruleFields(d reportData, errs valid.Errors) map[string]bool {
	out := map[string]bool{}
	if len(errs) == 0 {
		return out
	}
	vals := make(map[string]float64, len(d.Report.Values))
	for k, v := range d.Report.Values {
		vals[k] = float64(v)
	}
	for _, rule := range d.Def.Rules {
		e, err := formula.Parse(rule.Expr)
		if err != nil || len(e.Vars()) == 0 || e.Holds(vals) {
			continue
		}
		if _, ok := errs["value."+e.Vars()[0]]; !ok {
			continue
		}
		for _, v := range e.Vars() {
			out[v] = true
		}
	}
	return out
}

// formulaText writes a rate's formula with the indicators' labels for
// their codes, and ÷, × for / and *: what an officer can read.
func formulaText(f string, labels map[string]string) string {
	var b strings.Builder
	for i := 0; i < len(f); {
		c := f[i]
		switch {
		case c >= 'a' && c <= 'z' || c == '_':
			j := i
			for j < len(f) && (f[j] >= 'a' && f[j] <= 'z' || f[j] >= '0' && f[j] <= '9' || f[j] == '_') {
				j++
			}
			if l, ok := labels[f[i:j]]; ok {
				r, n := utf8.DecodeRuneInString(l)
				b.WriteRune(unicode.ToLower(r))
				b.WriteString(l[n:])
			} else {
				b.WriteString(f[i:j])
			}
			i = j
			continue
		case c == '/':
			b.WriteString("÷")
		case c == '*':
			b.WriteString("×")
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String()
}

// formatRate writes a rate fraction as a percentage ("46,7%"), "—" when it
// is undefined.
func formatRate(v *float64) string {
	if v == nil {
		return "—"
	}
	return vn.FormatPercent(*v * 100)
}

// reportIssues lists errs in the form's order, each tied to its field when
// the page shows it; messages about other fields come last.
func reportIssues(d reportData, errs valid.Errors) []reportIssue {
	if len(errs) == 0 {
		return nil
	}
	visible := visibleIndicators(d.Def, d.Unit.Kind)
	var out []reportIssue
	done := map[string]bool{"form": true, "comment": true}
	for _, s := range d.Def.Sections {
		for _, n := range s.Narratives {
			key := "text." + n.Code
			if msg, ok := errs[key]; ok {
				out = append(out, reportIssue{Field: n.Label, Anchor: "text-" + n.Code, Message: msg})
				done[key] = true
			}
		}
		for _, ind := range s.Indicators {
			key := "value." + ind.Code
			if msg, ok := errs[key]; ok {
				is := reportIssue{Field: ind.Label, Message: msg}
				if visible[ind.Code] {
					is.Anchor = "value-" + ind.Code
				}
				out = append(out, is)
				done[key] = true
			}
		}
	}
	keys := make([]string, 0, len(errs))
	for k := range errs {
		if !done[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		out = append(out, reportIssue{Message: errs[k]})
	}
	return out
}

// eventLabels names the history's actions.
var eventLabels = map[string]string{
	report.EventCreate: "Lập báo cáo",
	report.EventSubmit: "Gửi báo cáo",
	report.EventReturn: "Trả lại báo cáo",
	report.EventAccept: "Chấp nhận báo cáo",
}

// reportEvents returns r's history, newest first, with the users' names,
// and the latest return while r is returned.
func (h *Handler) reportEvents(ctx context.Context, r report.Report) ([]reportEvent, *reportEvent, error) {
	es, err := h.app.Reports.Events(ctx, r.ID)
	if err != nil {
		return nil, nil, err
	}
	names := map[int64]string{}
	out := make([]reportEvent, 0, len(es))
	var returned *reportEvent
	submits := 0
	for _, e := range es {
		ev := reportEvent{Label: eventLabels[e.Action], Comment: e.Comment, At: vn.FormatDateTime(e.At, vn.Location()),
			Class: "ev-" + e.Action}
		if e.Action == report.EventSubmit {
			if submits++; submits > 1 {
				ev.Label = "Gửi lại báo cáo"
			}
		}
		if e.UserID != nil {
			name, ok := names[*e.UserID]
			if !ok {
				u, err := h.app.Users.Get(ctx, *e.UserID)
				switch {
				case err == nil:
					name = u.FullName
				case !isNotFoundErr(err):
					return nil, nil, err
				}
				names[*e.UserID] = name
			}
			ev.User = name
		}
		if e.Action == report.EventReturn {
			ret := ev
			returned = &ret
		}
		out = append(out, ev)
	}
	slices.Reverse(out)
	if r.Status != report.StatusReturned {
		returned = nil
	}
	return out, returned, nil
}

func reportURL(id int64) string { return "/reports/" + strconv.FormatInt(id, 10) }
