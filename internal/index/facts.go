package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/report"
	"cchc/internal/vn"
)

// Figure is one source figure of an automatic score, as shown beside it:
// {"Nhiệm vụ đến hạn trong năm", "24"}.
type Figure struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Kinds of Link, the same words as index_evidence.ref_kind.
const (
	LinkPlan   = "plan"   // ID is a plan's id
	LinkTask   = "task"   // ID is a work item's id: the unit's share of a task (/work-items/{id})
	LinkReport = "report" // ID is a report's id; 0 when the unit never opened the report
)

// Link names a row of cchc an automatic score was computed from, so it can
// be shown and cited as evidence. Title says what the row is and, for
// tasks and reports, where it stands.
type Link struct {
	Kind  string `json:"kind"`
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// Fact is an automatic figure of a unit for a framework's year: the Input
// its rule scores, the figures and rows it came from, and one Vietnamese
// sentence saying what was found. It is stored as JSON in
// index_scores.facts.
type Fact struct {
	Input   rule.Input `json:"input"`
	Figures []Figure   `json:"figures"`
	Links   []Link     `json:"links"`
	Summary string     `json:"summary"`
}

// Judged reports whether the fact gives its rule something to score. A
// fact with nothing to judge (no task due in the year, no periodic report
// due, a plan issued without a date) cannot be scored: its Summary says
// why, and the item should be declared not applicable (Optional items,
// with the Summary as the explanation) or scored by the appraisal.
func (f Fact) Judged() bool {
	in := f.Input
	return in.Timeliness != "" || in.Ratio != nil || in.Yes != nil || in.Points != nil || in.Answer != ""
}

// MaxTaskLinks is how many tasks not done a plan_completion fact links at
// most; MaxReportLinks the same for the reports of reports_on_time and
// reports_complete.
const (
	MaxTaskLinks   = 20
	MaxReportLinks = 20
)

// ComputeAuto computes the figure of source (rule.SourcePlanOnTime ...) for
// unit unitID in framework f's year, reading cchc's plans, work items and
// reports through q (a transaction or the database). It only reads.
//
//   - plan_on_time: the unit's annual plan for the year (kind annual, issued
//     by the unit, its period overlapping the year, not a draft — issued or
//     already closed; the earliest issued when there are several) issued on
//     or before 31/12 of the year before is on time, later is late, none is
//     not done. A plan marked issued without a date is not judged.
//   - plan_completion: done ÷ due over the unit's work items due in the
//     year, leaving out cancelled items and the items of draft plans; done
//     is what the plan package counts as done (completed or at 100%, on
//     time or late, and not paused). Links name up to MaxTaskLinks items
//     not done, soonest due first. No item due: not judged, and the item
//     should then be declared not applicable (see Fact.Judged).
//   - reports_on_time and reports_complete: the periodic reports (of the
//     report types with a period kind: quarterly, 6-month, 9-month, annual;
//     not ad hoc) of the periods starting in the year, on every form the
//     unit's kind sends, while the unit was active. A period and form that
//     no unit has any report for were not collected (a province that does
//     not ask for 9-month reports) and are left out; so is a period whose deadline
//     for the unit (its exception, else the period's) is still to come and
//     that the unit has not sent yet is left out. A report counts as sent
//     when submitted or accepted, on time as the report workflow decided at
//     its first submission. Yes when every report due was sent on time
//     (reports_on_time) or sent (reports_complete). Links list the
//     reports, missing and late ones first, up to MaxReportLinks. No report
//     due: not judged.
//
// A fact that is not judged (see Fact.Judged) has an empty Input and no
// error: it is a finding, not a failure. An unknown source is an error, an
// unknown unit an error wrapping db.ErrNotFound.
func (s *Store) ComputeAuto(ctx context.Context, q db.Querier, f Framework, unitID int64, source string) (Fact, error) {
	var kind string
	if err := q.GetContext(ctx, &kind, q.Rebind(`SELECT kind FROM units WHERE id = ?`), unitID); err != nil {
		return Fact{}, fmt.Errorf("index: automatic figure %s of unit %d: %w", source, unitID, db.NotFound(err))
	}
	var (
		fact Fact
		err  error
	)
	switch source {
	case rule.SourcePlanOnTime:
		fact, err = planOnTimeFact(ctx, q, f.Year, unitID)
	case rule.SourcePlanCompletion:
		fact, err = planCompletionFact(ctx, q, f.Year, unitID)
	case rule.SourceReportsOnTime, rule.SourceReportsComplete:
		fact, err = reportsFact(ctx, q, f.Year, unitID, s.Today(), source == rule.SourceReportsOnTime)
	default:
		return Fact{}, fmt.Errorf("index: automatic figure of unit %d: unknown source %q", unitID, source)
	}
	if err != nil {
		return Fact{}, fmt.Errorf("index: automatic figure %s of unit %d for %d: %w", source, unitID, f.Year, err)
	}
	if fact.Links == nil {
		fact.Links = []Link{}
	}
	return fact, nil
}

// factYearBounds returns the first and last day of year.
func factYearBounds(year int) (civil.Date, civil.Date) {
	return civil.New(year, time.January, 1), civil.New(year, time.December, 31)
}

// planOnTimeFact finds the unit's annual plan for year; see ComputeAuto.
func planOnTimeFact(ctx context.Context, q db.Querier, year int, unitID int64) (Fact, error) {
	first, last := factYearBounds(year)
	deadline := civil.New(year-1, time.December, 31)
	var plans []struct {
		ID           int64      `db:"id"`
		Title        string     `db:"title"`
		NumberSymbol string     `db:"number_symbol"`
		IssuedOn     civil.Date `db:"issued_on"`
	}
	err := q.SelectContext(ctx, &plans, q.Rebind(`SELECT id, title, number_symbol, issued_on FROM plans
		WHERE kind = 'annual' AND issuing_unit_id = ? AND status <> 'draft' AND period_start <= ? AND period_end >= ?
		ORDER BY issued_on IS NULL, issued_on, id LIMIT 1`), unitID, last, first)
	if err != nil {
		return Fact{}, fmt.Errorf("annual plan: %w", err)
	}
	fact := Fact{Figures: []Figure{{"Hạn ban hành", deadline.VN()}}}
	if len(plans) == 0 {
		fact.Input.Timeliness = rule.NotDone
		fact.Figures = append([]Figure{{"Kế hoạch", "Chưa ban hành"}}, fact.Figures...)
		fact.Summary = fmt.Sprintf("Chưa ban hành kế hoạch cải cách hành chính năm %d.", year)
		return fact, nil
	}
	p := plans[0]
	fact.Links = []Link{{Kind: LinkPlan, ID: p.ID, Title: p.Title}}
	doc := "Không ghi số"
	if p.NumberSymbol != "" {
		doc = "Số " + p.NumberSymbol
	}
	if p.IssuedOn.IsZero() {
		fact.Figures = append([]Figure{{"Kế hoạch", doc + ", chưa ghi ngày ban hành"}}, fact.Figures...)
		fact.Summary = fmt.Sprintf("Kế hoạch cải cách hành chính năm %d chưa ghi ngày ban hành nên chưa xác định được tính kịp thời.", year)
		return fact, nil
	}
	fact.Figures = append([]Figure{{"Kế hoạch", doc + " ngày " + p.IssuedOn.VN()}}, fact.Figures...)
	if !p.IssuedOn.After(deadline) {
		fact.Input.Timeliness = rule.OnTime
		fact.Figures = append(fact.Figures, Figure{"Kết quả", "Đúng hạn"})
		fact.Summary = fmt.Sprintf("Ban hành kế hoạch cải cách hành chính năm %d ngày %s, đúng hạn (hạn %s).",
			year, p.IssuedOn.VN(), deadline.VN())
		return fact, nil
	}
	days := int(p.IssuedOn.Time().Sub(deadline.Time()).Hours() / 24)
	fact.Input.Timeliness = rule.Late
	fact.Figures = append(fact.Figures, Figure{"Kết quả", fmt.Sprintf("Muộn %d ngày", days)})
	fact.Summary = fmt.Sprintf("Ban hành kế hoạch cải cách hành chính năm %d ngày %s, muộn %d ngày so với hạn %s.",
		year, p.IssuedOn.VN(), days, deadline.VN())
	return fact, nil
}

// factWorkDoneSQL holds for a work_items row wi that the plan package counts as
// done (DoneOnTime or DoneLate of plan.Status): not on hold, and completed
// or at 100%.
const factWorkDoneSQL = `(wi.hold = '' AND (wi.completed_on IS NOT NULL OR wi.percent >= 100))`

// factWorkDueSQL selects the unit's work items due in a year that count towards
// its completion rate: not cancelled, of plans that are not drafts (a
// draft's tasks are no one's work yet, as plan.WorkItemFilter.IssuedOnly
// says). Parameters: unit, first and last day of the year.
const factWorkDueSQL = ` FROM work_items wi JOIN tasks t ON t.id = wi.task_id JOIN plans p ON p.id = t.plan_id
	WHERE wi.unit_id = ? AND wi.due_on >= ? AND wi.due_on <= ? AND wi.hold <> 'cancelled' AND p.status <> 'draft'`

// planCompletionFact counts the unit's work items of year; see ComputeAuto.
func planCompletionFact(ctx context.Context, q db.Querier, year int, unitID int64) (Fact, error) {
	first, last := factYearBounds(year)
	var n struct {
		Due  int `db:"due"`
		Done int `db:"done"`
		Late int `db:"late"`
	}
	err := q.GetContext(ctx, &n, q.Rebind(`SELECT COUNT(*) AS due,
		COALESCE(SUM(CASE WHEN `+factWorkDoneSQL+` THEN 1 ELSE 0 END), 0) AS done,
		COALESCE(SUM(CASE WHEN wi.hold = '' AND wi.completed_on IS NOT NULL AND wi.completed_on > wi.due_on THEN 1 ELSE 0 END), 0) AS late`+
		factWorkDueSQL), unitID, first, last)
	if err != nil {
		return Fact{}, fmt.Errorf("work items: %w", err)
	}
	fact := Fact{Figures: []Figure{{"Nhiệm vụ đến hạn trong năm", strconv.Itoa(n.Due)}}}
	if n.Due == 0 {
		fact.Summary = fmt.Sprintf("Không có nhiệm vụ đến hạn trong năm %d.", year)
		return fact, nil
	}
	ratio := float64(n.Done) / float64(n.Due)
	fact.Input.Ratio = &ratio
	rate := vn.FormatPercent(ratio * 100)
	fact.Figures = append(fact.Figures,
		Figure{"Đã hoàn thành", strconv.Itoa(n.Done)},
		Figure{"Trong đó hoàn thành quá hạn", strconv.Itoa(n.Late)},
		Figure{"Chưa hoàn thành", strconv.Itoa(n.Due - n.Done)},
		Figure{"Tỷ lệ", rate})
	fact.Summary = fmt.Sprintf("Hoàn thành %d/%d nhiệm vụ đến hạn trong năm %d (%s).", n.Done, n.Due, year, rate)
	if n.Done == n.Due {
		return fact, nil
	}
	var open []struct {
		ID      int64      `db:"id"`
		Seq     string     `db:"seq"`
		Content string     `db:"content"`
		DueOn   civil.Date `db:"due_on"`
		Percent int        `db:"percent"`
		Hold    string     `db:"hold"`
	}
	err = q.SelectContext(ctx, &open, q.Rebind(`SELECT wi.id, t.seq, t.content, wi.due_on, wi.percent, wi.hold`+
		factWorkDueSQL+` AND NOT `+factWorkDoneSQL+` ORDER BY wi.due_on, wi.id LIMIT ?`), unitID, first, last, MaxTaskLinks)
	if err != nil {
		return Fact{}, fmt.Errorf("work items not done: %w", err)
	}
	for _, w := range open {
		title := factShorten(w.Content, 160)
		if w.Seq != "" {
			title = w.Seq + ". " + title
		}
		state := fmt.Sprintf("hạn %s, đạt %d%%", w.DueOn.VN(), w.Percent)
		if w.Hold == "paused" {
			state = fmt.Sprintf("hạn %s, tạm dừng", w.DueOn.VN())
		}
		fact.Links = append(fact.Links, Link{Kind: LinkTask, ID: w.ID, Title: title + " (" + state + ")"})
	}
	return fact, nil
}

// reportsFact checks the unit's periodic reports of year; see ComputeAuto.
func reportsFact(ctx context.Context, q db.Querier, year int, unitID int64, today civil.Date, onTime bool) (Fact, error) {
	first, last := factYearBounds(year)
	var rows []struct {
		PeriodTitle string     `db:"period_title"`
		FormTitle   string     `db:"form_title"`
		Deadline    civil.Date `db:"deadline"`
		ReportID    int64      `db:"report_id"`
		Status      string     `db:"status"`
		OnTime      *bool      `db:"on_time"`
	}
	err := q.SelectContext(ctx, &rows, q.Rebind(`SELECT p.title AS period_title, f.title AS form_title,
		COALESCE(e.deadline, p.unit_deadline) AS deadline, COALESCE(r.id, 0) AS report_id,
		COALESCE(r.status, '') AS status, r.on_time
		FROM report_periods p
		JOIN report_types rt ON rt.id = p.type_id AND rt.period_kind <> ''
		JOIN units u ON u.id = ?
		CROSS JOIN report_forms f
		LEFT JOIN report_period_exceptions e ON e.period_id = p.id AND e.unit_id = u.id
		LEFT JOIN reports r ON r.form_id = f.id AND r.period_id = p.id AND r.unit_id = u.id
		WHERE p.starts_on >= ? AND p.starts_on <= ?
			AND u.active_from <= p.ends_on AND (u.active_to IS NULL OR u.active_to >= p.starts_on)
			AND (f.unit_kinds = '' OR ',' || f.unit_kinds || ',' LIKE '%,' || u.kind || ',%')
			AND `+report.FormUsedForSQL("f", "rt")+`
			AND EXISTS (SELECT 1 FROM reports c WHERE c.period_id = p.id AND c.form_id = f.id)
		ORDER BY p.ends_on, rt.position, p.starts_on, f.id`), unitID, first, last)
	if err != nil {
		return Fact{}, fmt.Errorf("periodic reports: %w", err)
	}
	var due, sent, inTime int
	var missing, late, fine []Link
	for _, r := range rows {
		isSent := r.Status == "submitted" || r.Status == "accepted"
		if !isSent && r.Deadline.After(today) {
			continue // not due yet
		}
		due++
		title := r.FormTitle + " " + r.PeriodTitle
		switch {
		case !isSent:
			missing = append(missing, Link{Kind: LinkReport, ID: r.ReportID,
				Title: fmt.Sprintf("%s: chưa gửi (hạn %s)", title, r.Deadline.VN())})
		case r.OnTime != nil && *r.OnTime:
			sent++
			inTime++
			fine = append(fine, Link{Kind: LinkReport, ID: r.ReportID, Title: title + ": gửi đúng hạn"})
		default:
			sent++
			late = append(late, Link{Kind: LinkReport, ID: r.ReportID,
				Title: fmt.Sprintf("%s: gửi muộn (hạn %s)", title, r.Deadline.VN())})
		}
	}
	fact := Fact{Figures: []Figure{{"Báo cáo định kỳ phải gửi", strconv.Itoa(due)}}}
	if due == 0 {
		fact.Summary = fmt.Sprintf("Không có báo cáo định kỳ nào đến hạn trong năm %d.", year)
		return fact, nil
	}
	fact.Figures = append(fact.Figures,
		Figure{"Đã gửi", strconv.Itoa(sent)},
		Figure{"Gửi đúng hạn", strconv.Itoa(inTime)},
		Figure{"Gửi muộn", strconv.Itoa(sent - inTime)},
		Figure{"Chưa gửi", strconv.Itoa(due - sent)})
	for _, l := range [][]Link{missing, late, fine} {
		for _, one := range l {
			if len(fact.Links) < MaxReportLinks {
				fact.Links = append(fact.Links, one)
			}
		}
	}
	var yes bool
	if onTime {
		yes = inTime == due
		if yes {
			fact.Summary = fmt.Sprintf("Gửi đúng hạn đủ %d báo cáo định kỳ đến hạn trong năm %d.", due, year)
		} else {
			fact.Summary = fmt.Sprintf("Gửi đúng hạn %d/%d báo cáo định kỳ đến hạn trong năm %d (muộn %d, chưa gửi %d).",
				inTime, due, year, sent-inTime, due-sent)
		}
	} else {
		yes = sent == due
		if yes {
			fact.Summary = fmt.Sprintf("Gửi đủ %d báo cáo định kỳ đến hạn trong năm %d.", due, year)
		} else {
			fact.Summary = fmt.Sprintf("Gửi %d/%d báo cáo định kỳ đến hạn trong năm %d, còn %d báo cáo chưa gửi.",
				sent, due, year, due-sent)
		}
	}
	fact.Input.Yes = &yes
	return fact, nil
}

// factShorten cuts s to at most n runes, ending with "…" when cut.
func factShorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
