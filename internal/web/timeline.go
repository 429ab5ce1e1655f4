package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/plan"
)

// timelineMonths is the widest grid drawn month by month; longer plans are
// drawn by quarter (up to 10 years) or by year.
const timelineMonths = 24

type timelineData struct {
	Plan    plan.Plan
	Plans   []plan.Plan
	Areas   []plan.Area
	Columns []timelineColumn
	Rows    []timelineRow
	Unit    org.Unit
	Scoped  bool
	Legend  []plan.StatusCode
}

// timelineColumn is one month (or quarter, or year) of the plan's period.
type timelineColumn struct {
	Label      string
	Start, End civil.Date
}

// timelineRow is one task drawn as a bar over the columns.
type timelineRow struct {
	TaskID  int64
	Depth   int
	Seq     string
	Content string
	Status  plan.StatusCode // the state of its work items taken together; "" when it has none
	Counts  plan.Counts
	Start   civil.Date
	End     civil.Date
	Cells   []string // a CSS class per column: "m-on" where the bar runs
}

// timeline shows a plan's tasks as bars over the months of its period,
// coloured by the state of their work items (those the user may see).
func (h *Handler) timeline(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	planID, _ := strconv.ParseInt(q.Get("plan"), 10, 64)
	areaID, _ := strconv.ParseInt(q.Get("area"), 10, 64)
	f := workListForm{Plan: planID, Area: areaID, Unit: strings.TrimSpace(q.Get("unit")), Sub: q.Get("sub") == "1"}
	scope := h.app.Policy.ScopeRoot(user(r))
	d := timelineData{Scoped: scope != 0, Legend: plan.Statuses}
	var err error
	if d.Plans, err = h.visiblePlans(r.Context(), r, plan.PlanFilter{}); err != nil {
		h.serverError(w, r, err)
		return
	}
	if planID <= 0 {
		planID = defaultTimelinePlan(d.Plans)
		f.Plan = planID
	}
	if planID == 0 {
		h.renderPage(w, r, http.StatusOK, "timeline", &Page{Title: "Biểu đồ thời gian", Data: d, Form: f})
		return
	}
	if d.Plan, err = h.app.Plans.Get(ctx, planID); err != nil {
		h.fail(w, r, err)
		return
	}
	if !h.canReadPlan(r, d.Plan) {
		h.forbidden(w, r)
		return
	}
	if d.Areas, err = h.app.Plans.PlanAreas(ctx, planID); err != nil {
		h.serverError(w, r, err)
		return
	}
	filter := plan.WorkItemFilter{PlanID: planID, Within: scope}
	if f.Unit != "" {
		if d.Unit, err = h.unitByIDOrCode(ctx, f.Unit); err != nil {
			h.fail(w, r, err)
			return
		}
		if !h.can(r, auth.ViewUnit, d.Unit.ID) {
			h.forbidden(w, r)
			return
		}
		filter.Within = 0
		if f.Sub {
			filter.Within = d.Unit.ID
		} else {
			filter.UnitIDs = []int64{d.Unit.ID}
		}
	}
	counts, err := h.taskCounts(ctx, filter)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	roots, err := h.app.Plans.Tree(ctx, planID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.Columns = timelineColumns(d.Plan.PeriodStart, d.Plan.PeriodEnd)
	var walk func(ts []*plan.Task, depth int, inArea bool)
	walk = func(ts []*plan.Task, depth int, inArea bool) {
		for _, t := range ts {
			in := inArea || areaID <= 0 || (t.AreaID != nil && *t.AreaID == areaID)
			c, has := counts[t.ID]
			if in && (f.Unit == "" || has) {
				d.Rows = append(d.Rows, timelineRowOf(t, depth, c, d.Plan, d.Columns))
			}
			walk(t.Children, depth+1, in)
		}
	}
	walk(roots, 0, false)
	h.renderPage(w, r, http.StatusOK, "timeline", &Page{Title: "Biểu đồ thời gian: " + d.Plan.Title, Data: d, Form: f})
}

// defaultTimelinePlan picks the latest issued annual plan, else the latest
// issued plan, else none (0). plans are the latest period first.
func defaultTimelinePlan(plans []plan.Plan) int64 {
	var any int64
	for _, p := range plans {
		if p.Status != plan.StatusIssued {
			continue
		}
		if p.Kind == plan.KindAnnual {
			return p.ID
		}
		if any == 0 {
			any = p.ID
		}
	}
	return any
}

// taskCounts counts the work items matching f by task and state. Without a
// unit bound it is the store's grouped count; otherwise the items are read
// and counted here.
func (h *Handler) taskCounts(ctx context.Context, f plan.WorkItemFilter) (map[int64]plan.Counts, error) {
	if f.Within == 0 && len(f.UnitIDs) == 0 {
		return h.app.Plans.TaskCounts(ctx, f.PlanID)
	}
	out := map[int64]plan.Counts{}
	f.Limit, f.Offset = 1000, 0
	for {
		items, total, err := h.app.Plans.WorkItems(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			c := out[it.TaskID]
			countState(&c, it.Status)
			out[it.TaskID] = c
		}
		f.Offset += len(items)
		if len(items) < f.Limit || f.Offset >= total {
			return out, nil
		}
	}
}

// countState adds one item in state st to c.
func countState(c *plan.Counts, st plan.StatusCode) {
	c.Total++
	switch st {
	case plan.NotDue:
		c.NotDue++
	case plan.InProgress:
		c.InProgress++
	case plan.Overdue:
		c.Overdue++
	case plan.DoneOnTime:
		c.DoneOnTime++
	case plan.DoneLate:
		c.DoneLate++
	case plan.Paused:
		c.Paused++
	case plan.Cancelled:
		c.Cancelled++
	}
}

// overallState is the state a task's items show together: the most urgent
// one present (overdue, in progress, not yet due, paused), else done late,
// done on time or cancelled; "" when there are no items.
func overallState(c plan.Counts) plan.StatusCode {
	for _, st := range []plan.StatusCode{plan.Overdue, plan.InProgress, plan.NotDue, plan.Paused, plan.DoneLate, plan.DoneOnTime, plan.Cancelled} {
		if c.Of(st) > 0 {
			return st
		}
	}
	return ""
}

func timelineRowOf(t *plan.Task, depth int, c plan.Counts, p plan.Plan, cols []timelineColumn) timelineRow {
	row := timelineRow{TaskID: t.ID, Depth: min(depth, 3), Seq: t.Seq, Content: clipText(t.Content, 160), Counts: c,
		Status: overallState(c), Start: t.Start, End: t.Due}
	if row.Start.IsZero() {
		row.Start = p.PeriodStart
	}
	if row.End.IsZero() || row.End.Before(row.Start) {
		row.End = p.PeriodEnd
	}
	row.Cells = make([]string, len(cols))
	for i, col := range cols {
		if !col.End.Before(row.Start) && !col.Start.After(row.End) {
			row.Cells[i] = "m-on"
		}
	}
	return row
}

// timelineColumns splits [start, end] into months, or quarters or years
// when there would be more than timelineMonths months.
func timelineColumns(start, end civil.Date) []timelineColumn {
	if start.IsZero() || end.Before(start) {
		return nil
	}
	months := (end.Year-start.Year)*12 + int(end.Month) - int(start.Month) + 1
	step := 1
	switch {
	case months > 120: // more than 10 years
		step = 12
	case months > timelineMonths:
		step = 3
	}
	y, m := start.Year, int(start.Month)
	if step == 3 {
		m = (m-1)/3*3 + 1
	} else if step == 12 {
		m = 1
	}
	oneYear := start.Year == end.Year
	var cols []timelineColumn
	for len(cols) < 200 {
		from := civil.New(y, time.Month(m), 1)
		if from.After(end) {
			break
		}
		to := civil.New(y, time.Month(m+step), 0)
		var label string
		switch step {
		case 1:
			label = "T" + strconv.Itoa(m)
			if !oneYear {
				label += fmt.Sprintf("/%02d", y%100)
			}
		case 3:
			label = fmt.Sprintf("Q%d/%02d", (m-1)/3+1, y%100)
		default:
			label = strconv.Itoa(y)
		}
		cols = append(cols, timelineColumn{Label: label, Start: from, End: to})
		m += step
		for m > 12 {
			m -= 12
			y++
		}
	}
	return cols
}
