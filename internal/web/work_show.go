package web

import (
	"net/http"
	"strconv"

	"cchc/internal/plan"
	"cchc/internal/schedule"
	"cchc/internal/valid"
)

// workForm holds what was typed in the forms of a work item's page, so a
// refused submission is shown again with its message.
type workForm struct {
	Percent      string
	Note         string
	CompletedOn  string
	Hold         string
	HoldReason   string
	EvidenceNote string
	ContribUnit  int64
	ContribNote  string
}

type workShowData struct {
	Item          plan.WorkItem
	Task          plan.Task
	Plan          plan.Plan
	AreaName      string
	Lead          string   // the lead unit or group, else the lead as written
	CoLeads       []string // the co-lead (đồng chủ trì) units, then groups
	Coordinating  []string
	Schedule      string // what was understood from the schedule words
	Updates       []plan.Update
	Evidence      []plan.Evidence
	Contributions []plan.Contribution
	Access        workAccess
	ContribUnits  []unitOption // units the user may report a contribution for
	HoldLabel     string
}

type unitOption struct {
	ID   int64
	Name string
}

// workItemShow shows a work item with its task, progress history, evidence
// and the forms to report progress, hold it, attach evidence or contribute.
func (h *Handler) workItemShow(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	h.renderWorkItem(w, r, id, workForm{}, nil)
}

// renderWorkItem draws the item's page; errs non-empty gives status 422
// unless status says otherwise (413 for a file too large).
func (h *Handler) renderWorkItem(w http.ResponseWriter, r *http.Request, id int64, f workForm, errs valid.Errors, status ...int) {
	ctx := r.Context()
	item, task, acc, err := h.workItemAccess(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !acc.View {
		h.forbidden(w, r)
		return
	}
	d := workShowData{Item: item, Task: task, Access: acc,
		HoldLabel: map[string]string{plan.HoldPaused: "Tạm dừng", plan.HoldCancelled: "Hủy"}[item.Hold]}
	if d.Plan, err = h.app.Plans.Get(ctx, item.PlanID); err != nil {
		h.serverError(w, r, err)
		return
	}
	areaNames, _, err := h.planAreaNames(ctx, item.PlanID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if task.AreaID != nil {
		d.AreaName = areaNames[*task.AreaID]
	}
	ids := append([]int64{}, task.CoordinatingUnitIDs...)
	ids = append(ids, task.CoLeadUnitIDs...)
	ids = append(ids, acc.Contribute...)
	if task.LeadUnitID != nil {
		ids = append(ids, *task.LeadUnitID)
	}
	names, err := h.unitNames(ctx, ids...)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.Lead = task.LeadText
	switch {
	case task.LeadUnitID != nil:
		d.Lead = names[*task.LeadUnitID]
	case task.LeadGroupID != nil:
		g, err := h.app.Units.Group(ctx, *task.LeadGroupID)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		d.Lead = g.Name
	}
	for _, c := range task.CoLeadUnitIDs {
		d.CoLeads = append(d.CoLeads, names[c])
	}
	for _, g := range task.CoLeadGroupIDs {
		grp, err := h.app.Units.Group(ctx, g)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		d.CoLeads = append(d.CoLeads, grp.Name)
	}
	for _, c := range task.CoordinatingUnitIDs {
		d.Coordinating = append(d.Coordinating, names[c])
	}
	for _, g := range task.CoordinatingGroupIDs {
		grp, err := h.app.Units.Group(ctx, g)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		d.Coordinating = append(d.Coordinating, grp.Name)
	}
	for _, c := range acc.Contribute {
		d.ContribUnits = append(d.ContribUnits, unitOption{ID: c, Name: names[c]})
	}
	if task.ScheduleText != "" || task.Understood {
		d.Schedule = schedule.Schedule{Text: task.ScheduleText, Start: task.Start, Due: task.Due, Recurrence: task.Recurrence,
			Milestones: task.Milestones, Relative: task.Relative, Understood: task.Understood}.Summary()
	}
	if d.Updates, err = h.app.Plans.Updates(ctx, id); err == nil {
		if d.Evidence, err = h.app.Plans.EvidenceOf(ctx, id); err == nil {
			d.Contributions, err = h.app.Plans.Contributions(ctx, id)
		}
	}
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if f == (workForm{}) {
		f = workForm{Percent: strconv.Itoa(item.Percent), Hold: item.Hold, HoldReason: item.HoldReason}
		if !item.CompletedOn.IsZero() {
			f.CompletedOn = item.CompletedOn.VN()
		}
	}
	code := http.StatusOK
	if len(errs) > 0 {
		code = http.StatusUnprocessableEntity
	}
	if len(status) > 0 {
		code = status[0]
	}
	title := "Phần việc: " + clipText(task.Content, 80)
	h.renderPage(w, r, code, "work_show", &Page{Title: title, Data: d, Form: f, Errors: errs})
}

// clipText cuts s to at most n characters, with an ellipsis.
func clipText(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
