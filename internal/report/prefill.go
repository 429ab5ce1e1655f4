package report

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/plan"
)

// Prefill sources a form may name (Narrative.Prefill, Indicator.Prefill).
const (
	PrefillTasks           = "tasks"              // narrative: the unit's progress on its work items in the period
	PrefillTasksDue        = "tasks_due"          // count: the unit's work items due within the period
	PrefillTasksDoneOnTime = "tasks_done_on_time" // count: those of them completed on or before their due day
)

// maxPrefillLines bounds the work items listed in a prefilled narrative; the
// rest are counted in one closing line.
const maxPrefillLines = 40

// maxPrefillContent is the longest task text quoted in a narrative, in
// characters.
const maxPrefillContent = 160

// prefillItem is a work item of the unit as prefill reads it.
type prefillItem struct {
	Content     string     `db:"content"`
	Start       civil.Date `db:"start_on"`
	Due         civil.Date `db:"due_on"`
	Percent     int        `db:"percent"`
	CompletedOn civil.Date `db:"completed_on"`
	Hold        string     `db:"hold"`
}

func (it prefillItem) status(today civil.Date) plan.StatusCode {
	return plan.Status(today, plan.StatusInput{Start: it.Start, Due: it.Due, Percent: it.Percent,
		CompletedOn: it.CompletedOn, Hold: it.Hold})
}

// prefill returns what a new report of unit unitID (of kind unitKind) on
// def for period p starts with, judged on day today. The period's data
// cut-off span (CutoffFrom to CutoffTo) is "the period": consecutive
// periods' cut-offs tile the year, so no work item is counted twice.
//
//   - narratives with Prefill "tasks": one line per work item of the unit
//     active in the period (started by its end, not completed before its
//     start, and due within or after it or still open), with the task's
//     text, percent and state as plan derives it; cancelled items are left
//     out;
//   - indicators with Prefill "tasks_due": the unit's work items due within
//     the period (cancelled ones left out); "tasks_done_on_time": those of
//     them done on time.
//
// Only work items of issued (or closed) plans count: a draft plan's tasks
// are not yet anyone's work. Indicators the unit's kind does not report
// are not prefilled.
func prefill(ctx context.Context, q db.Querier, def Definition, unitID int64, unitKind string, p PeriodRow,
	today civil.Date) (map[string]int64, map[string]string, error) {
	values, texts := map[string]int64{}, map[string]string{}
	var narratives []string
	var indicators []Indicator
	for _, sec := range def.Sections {
		for _, n := range sec.Narratives {
			if n.Prefill == PrefillTasks {
				narratives = append(narratives, n.Code)
			}
		}
		for _, ind := range sec.Indicators {
			if (ind.Prefill == PrefillTasksDue || ind.Prefill == PrefillTasksDoneOnTime) && ind.Kind == KindCount && appliesTo(ind, unitKind) {
				indicators = append(indicators, ind)
			}
		}
	}
	if len(narratives) == 0 && len(indicators) == 0 {
		return values, texts, nil
	}
	var items []prefillItem
	err := q.SelectContext(ctx, &items, q.Rebind(`SELECT t.content, wi.start_on, wi.due_on, wi.percent, wi.completed_on, wi.hold
		FROM work_items wi JOIN tasks t ON t.id = wi.task_id JOIN plans pl ON pl.id = t.plan_id
		WHERE wi.unit_id = ? AND pl.status <> 'draft' AND wi.hold <> 'cancelled'
		AND (wi.start_on IS NULL OR wi.start_on <= ?)
		AND (wi.due_on IS NULL OR wi.due_on >= ? OR (wi.completed_on IS NULL AND wi.percent < 100))
		ORDER BY wi.due_on IS NULL, wi.due_on, t.plan_id, t.position, wi.id`), unitID, p.CutoffTo, p.CutoffFrom)
	if err != nil {
		return nil, nil, fmt.Errorf("report: prefill from the work items of unit %d in %s: %w", unitID, p.Code, err)
	}
	var due, doneOnTime int64
	var active []prefillItem
	for _, it := range items {
		if !it.Due.IsZero() && !it.Due.Before(p.CutoffFrom) && !it.Due.After(p.CutoffTo) {
			due++
			if it.status(today) == plan.DoneOnTime {
				doneOnTime++
			}
		}
		if it.CompletedOn.IsZero() || !it.CompletedOn.Before(p.CutoffFrom) {
			active = append(active, it)
		}
	}
	for _, ind := range indicators {
		if ind.Prefill == PrefillTasksDue {
			values[ind.Code] = due
		} else {
			values[ind.Code] = doneOnTime
		}
	}
	if len(narratives) > 0 {
		text := tasksSummary(active, p, today)
		for _, code := range narratives {
			texts[code] = text
		}
	}
	return values, texts, nil
}

// appliesTo reports whether units of kind report ind.
func appliesTo(ind Indicator, kind string) bool {
	return len(ind.UnitKinds) == 0 || slices.Contains(ind.UnitKinds, kind)
}

// tasksSummary writes the Vietnamese summary of a unit's work items in
// period p: a sentence counting them by state, then one line per item
// ("- Content (hạn 31/03/2026): 60%, đang thực hiện."), at most
// maxPrefillLines of them.
func tasksSummary(items []prefillItem, p PeriodRow, today civil.Date) string {
	if len(items) == 0 {
		return fmt.Sprintf("Trong kỳ (từ %s đến %s), đơn vị không có nhiệm vụ nào được giao trong kế hoạch cải cách hành chính.",
			p.CutoffFrom.VN(), p.CutoffTo.VN())
	}
	counts := map[plan.StatusCode]int{}
	lines := make([]string, 0, min(len(items), maxPrefillLines)+1)
	for i, it := range items {
		st := it.status(today)
		counts[st]++
		if i >= maxPrefillLines {
			continue
		}
		due := ""
		if !it.Due.IsZero() {
			due = " (hạn " + it.Due.VN() + ")"
		}
		lines = append(lines, fmt.Sprintf("- %s%s: %d%%, %s.", shorten(it.Content, maxPrefillContent), due, it.Percent,
			strings.ToLower(st.Label())))
	}
	if rest := len(items) - maxPrefillLines; rest > 0 {
		lines = append(lines, fmt.Sprintf("- … và %d nhiệm vụ khác.", rest))
	}
	var parts []string
	for _, st := range plan.Statuses {
		if n := counts[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(st.Label())))
		}
	}
	head := fmt.Sprintf("Trong kỳ (từ %s đến %s), đơn vị thực hiện %d nhiệm vụ: %s.",
		p.CutoffFrom.VN(), p.CutoffTo.VN(), len(items), strings.Join(parts, ", "))
	return head + "\n" + strings.Join(lines, "\n")
}

// shorten returns s on one line, cut to at most n characters with an
// ellipsis.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
