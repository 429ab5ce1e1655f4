package api

import (
	"context"
	"time"

	"cchc/internal/civil"
	"cchc/internal/plan"
	"cchc/internal/schedule"
)

// taskJSON is a task as the API shows it: the lead, co-leads and
// coordinating agencies with their names, the schedule as written and as
// understood, and its work items counted by state.
type taskJSON struct {
	ID            int64             `json:"id"`
	PlanID        int64             `json:"plan_id"`
	ParentID      *int64            `json:"parent_id"`
	Depth         int               `json:"depth"`
	Seq           string            `json:"seq"`
	Position      int               `json:"position"`
	Content       string            `json:"content"`
	Product       string            `json:"product"`
	Area          *named            `json:"area"`
	Lead          leadJSON          `json:"lead"`
	CoLeads       []coLeadJSON      `json:"co_leads"`
	Coordinating  coordinatingJSON  `json:"coordinating"`
	Schedule      schedule.Schedule `json:"schedule"`
	BudgetVND     *int64            `json:"budget_vnd"`
	FundingSource string            `json:"funding_source"`
	Notes         string            `json:"notes"`
	SourceTaskID  *int64            `json:"source_task_id"`
	ImportKey     string            `json:"import_key"`
	WorkItems     plan.Counts       `json:"work_items"`
	CreatedAt     time.Time         `json:"created_at"`
	UpdatedAt     time.Time         `json:"updated_at"`
}

// named is a reference to a unit, group or area with its name.
type named struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// leadJSON is the lead agency: one unit or one group (every unit of the
// group leads its own share), and the words the plan uses.
type leadJSON struct {
	Unit  *named `json:"unit"`
	Group *named `json:"group"`
	Text  string `json:"text"`
}

// coLeadJSON is a co-lead (đồng chủ trì): one unit or one group, which
// leads its own share as the lead does.
type coLeadJSON struct {
	Unit  *named `json:"unit"`
	Group *named `json:"group"`
}

type coordinatingJSON struct {
	Units  []named `json:"units"`
	Groups []named `json:"groups"`
	Text   string  `json:"text"`
}

// taskNames resolves the ids a task refers to into names.
type taskNames struct {
	units, groups, areas map[int64]string
}

// loadTaskNames reads the names of every unit and group, and of the areas
// of plan planID.
func (h *API) loadTaskNames(ctx context.Context, planID int64) (taskNames, error) {
	n := taskNames{units: map[int64]string{}, groups: map[int64]string{}, areas: map[int64]string{}}
	units, err := h.app.Units.All(ctx)
	if err != nil {
		return n, err
	}
	for _, u := range units {
		n.units[u.ID] = u.Name
	}
	groups, err := h.app.Units.Groups(ctx)
	if err != nil {
		return n, err
	}
	for _, g := range groups {
		n.groups[g.ID] = g.Name
	}
	areas, err := h.app.Plans.PlanAreas(ctx, planID)
	if err != nil {
		return n, err
	}
	for _, a := range areas {
		n.areas[a.ID] = a.Name
	}
	return n, nil
}

func (n taskNames) ref(names map[int64]string, id *int64) *named {
	if id == nil {
		return nil
	}
	return &named{ID: *id, Name: names[*id]}
}

func (n taskNames) refs(names map[int64]string, ids []int64) []named {
	out := make([]named, 0, len(ids))
	for _, id := range ids {
		out = append(out, named{ID: id, Name: names[id]})
	}
	return out
}

// coLeads lists t's co-lead units then groups; never nil.
func (n taskNames) coLeads(t plan.Task) []coLeadJSON {
	out := make([]coLeadJSON, 0, len(t.CoLeadUnitIDs)+len(t.CoLeadGroupIDs))
	for _, id := range t.CoLeadUnitIDs {
		out = append(out, coLeadJSON{Unit: &named{ID: id, Name: n.units[id]}})
	}
	for _, id := range t.CoLeadGroupIDs {
		out = append(out, coLeadJSON{Group: &named{ID: id, Name: n.groups[id]}})
	}
	return out
}

// taskOut shapes t at depth with its counts.
func (n taskNames) taskOut(t plan.Task, depth int, counts plan.Counts) taskJSON {
	var milestones []civil.Date
	if len(t.Milestones) > 0 {
		milestones = t.Milestones
	}
	return taskJSON{ID: t.ID, PlanID: t.PlanID, ParentID: t.ParentID, Depth: depth, Seq: t.Seq, Position: t.Position,
		Content: t.Content, Product: t.Product, Area: n.ref(n.areas, t.AreaID),
		Lead:    leadJSON{Unit: n.ref(n.units, t.LeadUnitID), Group: n.ref(n.groups, t.LeadGroupID), Text: t.LeadText},
		CoLeads: n.coLeads(t),
		Coordinating: coordinatingJSON{Units: n.refs(n.units, t.CoordinatingUnitIDs), Groups: n.refs(n.groups, t.CoordinatingGroupIDs),
			Text: t.CoordinatingText},
		Schedule: schedule.Schedule{Text: t.ScheduleText, Start: t.Start, Due: t.Due, Recurrence: t.Recurrence,
			Milestones: milestones, Relative: t.Relative, Understood: t.Understood},
		BudgetVND: t.BudgetVND, FundingSource: t.FundingSource, Notes: t.Notes, SourceTaskID: t.SourceTaskID,
		ImportKey: t.ImportKey, WorkItems: counts, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
}

// taskDepth counts t's ancestors.
func (h *API) taskDepth(ctx context.Context, t plan.Task) (int, error) {
	depth := 0
	for parent := t.ParentID; parent != nil && depth < 50; depth++ {
		p, err := h.app.Plans.Task(ctx, *parent)
		if err != nil {
			return 0, err
		}
		parent = p.ParentID
	}
	return depth, nil
}

// taskResponse shapes task t for a single-task response, with its depth,
// names and counts.
func (h *API) taskResponse(ctx context.Context, t plan.Task) (taskJSON, error) {
	names, err := h.loadTaskNames(ctx, t.PlanID)
	if err != nil {
		return taskJSON{}, err
	}
	depth, err := h.taskDepth(ctx, t)
	if err != nil {
		return taskJSON{}, err
	}
	counts, err := h.app.Plans.TaskCounts(ctx, t.PlanID)
	if err != nil {
		return taskJSON{}, err
	}
	return names.taskOut(t, depth, counts[t.ID]), nil
}
