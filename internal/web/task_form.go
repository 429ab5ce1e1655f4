package web

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/schedule"
	"cchc/internal/valid"
)

// taskForm is the task form as typed. The lead is one unit or one group,
// chosen by LeadKind; co-leads (đồng chủ trì) are any units and groups; the
// schedule words are parsed on save, and DueOverride, when filled, wins over
// what the parser understood.
type taskForm struct {
	ParentID             int64
	Seq                  string
	AreaID               int64
	Content              string
	Product              string
	LeadKind             string // "unit" or "group"
	LeadUnitID           int64
	LeadGroupID          int64
	LeadText             string
	CoLeadUnitIDs        []int64
	CoLeadGroupIDs       []int64
	CoordinatingUnitIDs  []int64
	CoordinatingGroupIDs []int64
	CoordinatingText     string
	ScheduleText         string
	DueOverride          string
	StartOverride        string
	// RecurrenceOverride is "" (as understood from the words), "once" or a
	// plan recurrence code.
	RecurrenceOverride string
	Budget             string
	FundingSource      string
	Notes              string
}

// recurrenceOnce is the form's value for "does not recur" (plan.Once is "",
// which the form uses for "as understood").
const recurrenceOnce = "once"

// recurrenceChoices are the options of the recurrence override.
var recurrenceChoices = []struct{ Value, Label string }{
	{"", "Theo cách hiểu từ thời gian thực hiện"}, {recurrenceOnce, "Một lần (không lặp lại)"},
	{plan.Continuous, plan.RecurrenceLabels[plan.Continuous]}, {plan.Yearly, plan.RecurrenceLabels[plan.Yearly]},
	{plan.HalfYearly, plan.RecurrenceLabels[plan.HalfYearly]}, {plan.Quarterly, plan.RecurrenceLabels[plan.Quarterly]},
	{plan.Monthly, plan.RecurrenceLabels[plan.Monthly]},
}

// Lead kinds of the form.
const (
	leadUnit  = "unit"
	leadGroup = "group"
)

// taskFields are the form's field names, as valid.Errors keys them.
var taskFields = []string{"parent_id", "seq", "area_id", "content", "product", "lead_unit_id", "lead_group_id",
	"lead_text", "co_lead_unit_ids", "co_lead_group_ids", "coordinating_unit_ids", "coordinating_group_ids",
	"coordinating_text", "schedule_text", "due", "budget_vnd", "funding_source", "notes"}

// HasCoordinatingGroup reports whether group id is checked.
func (f taskForm) HasCoordinatingGroup(id int64) bool {
	return slices.Contains(f.CoordinatingGroupIDs, id)
}

// HasCoLeadGroup reports whether group id is checked as a co-lead.
func (f taskForm) HasCoLeadGroup(id int64) bool { return slices.Contains(f.CoLeadGroupIDs, id) }

// taskFormOf fills the form from a stored task. The due day goes into the
// override field only when it differs from what the words give today.
func taskFormOf(t plan.Task, year int) taskForm {
	f := taskForm{ParentID: idOf(t.ParentID), Seq: t.Seq, AreaID: idOf(t.AreaID), Content: t.Content,
		Product: t.Product, LeadKind: leadUnit, LeadUnitID: idOf(t.LeadUnitID), LeadGroupID: idOf(t.LeadGroupID),
		LeadText: t.LeadText, CoLeadUnitIDs: t.CoLeadUnitIDs, CoLeadGroupIDs: t.CoLeadGroupIDs,
		CoordinatingUnitIDs: t.CoordinatingUnitIDs, CoordinatingGroupIDs: t.CoordinatingGroupIDs,
		CoordinatingText: t.CoordinatingText, ScheduleText: t.ScheduleText, FundingSource: t.FundingSource, Notes: t.Notes}
	if t.LeadGroupID != nil {
		f.LeadKind = leadGroup
	}
	if t.BudgetVND != nil {
		f.Budget = strconv.FormatInt(*t.BudgetVND, 10)
	}
	s := schedule.Parse(t.ScheduleText, year)
	if !t.Due.IsZero() && s.Due != t.Due {
		f.DueOverride = t.Due.VN()
	}
	if !t.Start.IsZero() && s.Start != t.Start {
		f.StartOverride = t.Start.VN()
	}
	if t.Recurrence != s.Recurrence {
		f.RecurrenceOverride = cmp.Or(t.Recurrence, recurrenceOnce)
	}
	return f
}

// parseTaskForm reads the posted task fields (the body is already parsed).
func parseTaskForm(r *http.Request) taskForm {
	f := taskForm{Seq: r.PostFormValue("seq"), Content: r.PostFormValue("content"), Product: r.PostFormValue("product"),
		LeadKind: r.PostFormValue("lead_kind"), LeadText: r.PostFormValue("lead_text"),
		CoordinatingText: r.PostFormValue("coordinating_text"), ScheduleText: r.PostFormValue("schedule_text"),
		DueOverride: strings.TrimSpace(r.PostFormValue("due_override")), Budget: r.PostFormValue("budget"),
		StartOverride:      strings.TrimSpace(r.PostFormValue("start_override")),
		RecurrenceOverride: strings.TrimSpace(r.PostFormValue("recurrence_override")),
		FundingSource:      r.PostFormValue("funding_source"), Notes: r.PostFormValue("notes")}
	if f.LeadKind != leadGroup {
		f.LeadKind = leadUnit
	}
	id := func(name string) int64 { v, _ := strconv.ParseInt(r.PostFormValue(name), 10, 64); return v }
	f.ParentID, f.AreaID, f.LeadUnitID, f.LeadGroupID = id("parent_id"), id("area_id"), id("lead_unit_id"), id("lead_group_id")
	f.CoLeadUnitIDs = formIDs(r.PostForm["co_lead_unit_ids"])
	f.CoLeadGroupIDs = formIDs(r.PostForm["co_lead_group_ids"])
	f.CoordinatingUnitIDs = formIDs(r.PostForm["coordinating_unit_ids"])
	f.CoordinatingGroupIDs = formIDs(r.PostForm["coordinating_group_ids"])
	return f
}

// formIDs reads the positive ids of a multi-valued field.
func formIDs(vals []string) []int64 {
	var out []int64
	for _, s := range vals {
		if v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil && v > 0 {
			out = append(out, v)
		}
	}
	return out
}

// input turns the form into the store's input for a task of plan p: the
// lead the radio chose, the schedule understood from the words with the plan
// year (or the typed due day), the budget read as VND. leadName is the
// chosen unit's or group's name, the lead text when none was typed.
func (f taskForm) input(p plan.Plan, leadName string) (plan.TaskInput, valid.Errors) {
	errs := valid.Errors{}
	in := plan.TaskInput{ParentID: f.ParentID, Seq: f.Seq, AreaID: f.AreaID, Content: f.Content, Product: f.Product,
		LeadText: cmp.Or(strings.TrimSpace(f.LeadText), leadName), CoLeadUnitIDs: f.CoLeadUnitIDs,
		CoLeadGroupIDs: f.CoLeadGroupIDs, CoordinatingUnitIDs: f.CoordinatingUnitIDs,
		CoordinatingGroupIDs: f.CoordinatingGroupIDs, CoordinatingText: f.CoordinatingText,
		ScheduleText: f.ScheduleText, FundingSource: f.FundingSource, Notes: f.Notes}
	if f.LeadKind == leadGroup {
		in.LeadGroupID = f.LeadGroupID
	} else {
		in.LeadUnitID = f.LeadUnitID
	}
	s := schedule.Parse(f.ScheduleText, planYear(p))
	in.Start, in.Due, in.Recurrence, in.Relative, in.Understood = s.Start, s.Due, s.Recurrence, s.Relative, s.Understood
	in.Milestones = plan.DateList(s.Milestones)
	// What the parser understood is editable: each override wins.
	if due := parseDay(f.DueOverride, "due", "Hạn hoàn thành", errs); !due.IsZero() {
		in.Due, in.Milestones, in.Understood = due, nil, true
		if !in.Start.IsZero() && in.Start.After(due) {
			in.Start = civil.Date{}
		}
	}
	if start := parseDay(f.StartOverride, "start", "Ngày bắt đầu", errs); !start.IsZero() {
		in.Start, in.Understood = start, true
	}
	switch f.RecurrenceOverride {
	case "":
	case recurrenceOnce:
		in.Recurrence = plan.Once
	default:
		if _, ok := plan.RecurrenceLabels[f.RecurrenceOverride]; ok && f.RecurrenceOverride != plan.Once {
			in.Recurrence, in.Understood = f.RecurrenceOverride, true
		} else {
			errs.Add("recurrence", "Kiểu lặp lại không hợp lệ.")
		}
	}
	in.BudgetVND = parseVND(f.Budget, "budget_vnd", "Kinh phí", errs)
	in.Normalize()
	for k, v := range in.Validate() {
		if _, typed := errs[k]; !typed {
			errs.Add(k, v)
		}
	}
	return in, errs
}

// parseVND reads an amount of đồng as users type it: "1250000",
// "1.250.000", "1 250 000 đ". Empty gives nil.
func parseVND(s, field, label string, errs valid.Errors) *int64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	clean := strings.NewReplacer(".", "", " ", "", "\u00a0", "", "đồng", "", "đ", "", "VNĐ", "", "VND", "").Replace(s)
	v, err := strconv.ParseInt(clean, 10, 64)
	if err != nil || v < 0 || utf8.RuneCountInString(clean) > 15 {
		errs.Add(field, fmt.Sprintf("%s “%s” không hợp lệ: nhập số tiền bằng chữ số (đồng), ví dụ 1.250.000.", label, s))
		return nil
	}
	return &v
}

// idOf returns the id p points to, or 0.
func idOf(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// taskChoice is a task offered as a parent.
type taskChoice struct {
	ID    int64
	Label string
}

type taskFormData struct {
	Plan         plan.Plan
	Task         *plan.Task // nil on create
	Parents      []taskChoice
	Areas        []plan.Area
	Groups       []org.Group
	LeadPicker   template.HTML
	CoLeadPicker template.HTML
	CoordPicker  template.HTML
	Preview      template.HTML
	Year         int
	Action       string
	Cancel       string
	Recurrences  []struct{ Value, Label string }
}

// renderTaskForm shows the create (t nil) or edit form of a task of p.
func (h *Handler) renderTaskForm(w http.ResponseWriter, r *http.Request, p plan.Plan, t *plan.Task, f taskForm, errs valid.Errors) {
	ctx := r.Context()
	d := taskFormData{Plan: p, Task: t, Year: planYear(p), Action: planURL(p.ID, "/tasks"), Cancel: planURL(p.ID, ""),
		Recurrences: recurrenceChoices}
	title := "Thêm nhiệm vụ"
	if t != nil {
		title = "Sửa nhiệm vụ"
		d.Action = "/tasks/" + strconv.FormatInt(t.ID, 10)
	}
	roots, err := h.app.Plans.Tree(ctx, p.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	excluded := map[int64]bool{} // the task itself and its sub-tasks
	if t != nil {
		if self := findTask(roots, t.ID); self != nil {
			plan.Walk([]*plan.Task{self}, func(c *plan.Task, _ int) { excluded[c.ID] = true })
		}
	}
	plan.Walk(roots, func(c *plan.Task, depth int) {
		if !excluded[c.ID] {
			label := strings.Repeat("— ", depth) + shortText(c.Content, 80)
			if c.Seq != "" {
				label = strings.Repeat("— ", depth) + c.Seq + ". " + shortText(c.Content, 80)
			}
			d.Parents = append(d.Parents, taskChoice{ID: c.ID, Label: label})
		}
	})
	if d.Areas, err = h.app.Plans.PlanAreas(ctx, p.ID); err != nil {
		h.serverError(w, r, err)
		return
	}
	if d.Groups, err = h.app.Units.Groups(ctx); err != nil {
		h.serverError(w, r, err)
		return
	}
	lead, _ := pickerFor("lead_unit_id", false)
	coord, _ := pickerFor("coordinating_unit_ids", false)
	pickers := []struct {
		p        picker
		selected []int64
		out      *template.HTML
	}{
		{lead, []int64{f.LeadUnitID}, &d.LeadPicker},
		{coLeadPicker(), f.CoLeadUnitIDs, &d.CoLeadPicker},
		{coord, f.CoordinatingUnitIDs, &d.CoordPicker},
	}
	for _, pk := range pickers {
		if err := h.fillPicker(r, &pk.p, pk.selected, ""); err != nil {
			h.serverError(w, r, err)
			return
		}
		if *pk.out, err = h.pickerHTML(pk.p); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	if d.Preview, err = h.schedulePreviewHTML(f.ScheduleText, d.Year); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderForm(w, r, "task_form", title, d, f, errs)
}

// coLeadPicker is the chooser of the co-lead units (đồng chủ trì): any
// number of units, like the coordinating units.
func coLeadPicker() picker {
	return picker{Field: "co_lead_unit_ids", Label: "Tìm đơn vị đồng chủ trì", Multiple: true}
}

// findTask returns the task id of the tree, or nil.
func findTask(roots []*plan.Task, id int64) *plan.Task {
	var found *plan.Task
	plan.Walk(roots, func(t *plan.Task, _ int) {
		if t.ID == id {
			found = t
		}
	})
	return found
}

// shortText returns s cut to n characters with an ellipsis.
func shortText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// schedulePreviewHTML renders what the schedule words mean, for the form.
func (h *Handler) schedulePreviewHTML(text string, year int) (template.HTML, error) {
	var buf bytes.Buffer
	if err := h.tmpl.pages["task_schedule"].ExecuteTemplate(&buf, "schedule-preview", newSchedulePreview(text, year)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// managedTask loads the task {id} of the path and its plan, when the user
// may change the plan's tasks; otherwise it writes 404 or 403.
func (h *Handler) managedTask(w http.ResponseWriter, r *http.Request) (plan.Task, plan.Plan, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return plan.Task{}, plan.Plan{}, false
	}
	ctx := r.Context()
	t, err := h.app.Plans.Task(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return plan.Task{}, plan.Plan{}, false
	}
	p, err := h.app.Plans.Get(ctx, t.PlanID)
	if err != nil {
		h.fail(w, r, err)
		return plan.Task{}, plan.Plan{}, false
	}
	if !h.canReadPlan(r, p) {
		h.notFound(w, r)
		return plan.Task{}, plan.Plan{}, false
	}
	if !h.can(r, auth.ManagePlan, p.IssuingUnitID) {
		h.forbidden(w, r)
		return plan.Task{}, plan.Plan{}, false
	}
	return t, p, true
}

// leadName is the name of the unit or group the form chose as lead, "" for
// none or one that does not exist (the store then reports it).
func (h *Handler) leadName(ctx context.Context, f taskForm) (string, error) {
	switch {
	case f.LeadKind == leadGroup && f.LeadGroupID != 0:
		g, err := h.app.Units.Group(ctx, f.LeadGroupID)
		if errors.Is(err, db.ErrNotFound) {
			return "", nil
		}
		return g.Name, err
	case f.LeadKind == leadUnit && f.LeadUnitID != 0:
		names, err := h.unitNames(ctx, f.LeadUnitID)
		return names[f.LeadUnitID], err
	}
	return "", nil
}

// saveTask validates f and stores it as a new task of p (t nil) or as a
// change to t, then returns to the plan saying how many units the task is
// assigned to; a refused form comes back with its messages.
func (h *Handler) saveTask(w http.ResponseWriter, r *http.Request, p plan.Plan, t *plan.Task, f taskForm) {
	ctx := r.Context()
	name, err := h.leadName(ctx, f)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	in, errs := f.input(p, name)
	if t != nil {
		// The form does not show these: an edit keeps where the task was
		// copied from (plan coverage) and where an import found it.
		in.SourceTaskID, in.ImportKey = idOf(t.SourceTaskID), t.ImportKey
	}
	if len(errs) > 0 {
		h.renderTaskForm(w, r, p, t, f, errs)
		return
	}
	var saved plan.Task
	if t == nil {
		saved, err = h.app.Plans.CreateTask(ctx, p.ID, in)
	} else {
		saved, err = h.app.Plans.UpdateTask(ctx, t.ID, in)
	}
	if err != nil {
		if mergeErrors(err, errs, taskFields...) {
			h.renderTaskForm(w, r, p, t, f, errs)
			return
		}
		h.serverError(w, r, err)
		return
	}
	units, err := h.taskUnitCount(ctx, saved.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	msg := "Đã lưu nhiệm vụ. "
	if units > 0 {
		msg += fmt.Sprintf("Đã giao cho %d đơn vị.", units)
	} else {
		msg += "Nhiệm vụ chưa giao cho đơn vị nào: hãy chọn đơn vị hoặc nhóm đơn vị chủ trì."
	}
	if !saved.Understood && saved.ScheduleText != "" {
		msg += " Chưa xác định được thời hạn từ “" + saved.ScheduleText + "”; có thể nhập hạn hoàn thành trong biểu mẫu."
	}
	h.redirectFlash(w, r, planURL(p.ID, ""), "success", msg)
}

// taskUnitCount counts the units that have a work item of the task.
func (h *Handler) taskUnitCount(ctx context.Context, taskID int64) (int, error) {
	units := map[int64]bool{}
	for offset := 0; ; {
		items, total, err := h.app.Plans.WorkItems(ctx, plan.WorkItemFilter{TaskID: taskID, Limit: 1000, Offset: offset})
		if err != nil {
			return 0, err
		}
		for _, it := range items {
			units[it.UnitID] = true
		}
		offset += len(items)
		if len(items) == 0 || offset >= total {
			return len(units), nil
		}
	}
}
