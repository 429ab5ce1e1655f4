package plan

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"cchc/internal/civil"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// Recurrence values: how often a task repeats. A recurring task gets one work
// item per unit and period; a continuous one a single item with no due day.
const (
	Once        = ""
	Continuous  = "continuous"  // thường xuyên
	Yearly      = "yearly"      // hàng năm
	HalfYearly  = "half-yearly" // 6 tháng
	Quarterly   = "quarterly"   // hàng quý
	Monthly     = "monthly"     // hàng tháng
	RelPlanYear = "plan_year"   // relative to each plan year ("quý IV năm trước")
	RelEvent    = "event"       // relative to an outside event; no date until it happens
)

// RecurrenceLabels gives the Vietnamese name of each recurrence.
var RecurrenceLabels = map[string]string{
	Once:       "Một lần",
	Continuous: "Thường xuyên",
	Yearly:     "Hàng năm",
	HalfYearly: "6 tháng một lần",
	Quarterly:  "Hàng quý",
	Monthly:    "Hàng tháng",
}

// Task is one row of a plan: a specific task (nhiệm vụ) with its product,
// lead and coordinating agencies, schedule and budget. ScheduleText keeps the
// words as written; Start, Due, Recurrence, Milestones and Relative are what
// was understood from them (Understood false: nothing was).
//
// The lead is one unit or one group; a plan that names several leads ("Sở
// Nội vụ, Văn phòng UBND tỉnh") has the first as the lead and the others as
// co-leads (đồng chủ trì). Every lead, co-lead and member of a lead or
// co-lead group leads its own share and gets its own work items. A task with
// co-leads always has a lead. ImportKey, when not empty, is where an import
// found the task in its document ("I/2/b"), unique within the plan.
type Task struct {
	ID                   int64      `db:"id" json:"id"`
	PlanID               int64      `db:"plan_id" json:"plan_id"`
	ParentID             *int64     `db:"parent_id" json:"parent_id"`
	Seq                  string     `db:"seq" json:"seq"`           // as written: "1", "a", "2.3", "-"
	Position             int        `db:"position" json:"position"` // order among its siblings
	AreaID               *int64     `db:"area_id" json:"area_id"`
	Content              string     `db:"content" json:"content"`
	Product              string     `db:"product" json:"product"`
	LeadUnitID           *int64     `db:"lead_unit_id" json:"lead_unit_id"`
	LeadGroupID          *int64     `db:"lead_group_id" json:"lead_group_id"`
	LeadText             string     `db:"lead_text" json:"lead_text"`
	CoLeadUnitIDs        []int64    `db:"-" json:"co_lead_unit_ids"`
	CoLeadGroupIDs       []int64    `db:"-" json:"co_lead_group_ids"`
	CoordinatingUnitIDs  []int64    `db:"-" json:"coordinating_unit_ids"`
	CoordinatingGroupIDs []int64    `db:"-" json:"coordinating_group_ids"`
	CoordinatingText     string     `db:"coordinating_text" json:"coordinating_text"`
	ScheduleText         string     `db:"schedule_text" json:"schedule_text"`
	Start                civil.Date `db:"start_on" json:"start"`
	Due                  civil.Date `db:"due_on" json:"due"`
	Recurrence           string     `db:"recurrence" json:"recurrence"`
	Milestones           DateList   `db:"milestones" json:"milestones"`
	Relative             string     `db:"relative" json:"relative"`
	Understood           bool       `db:"understood" json:"understood"`
	BudgetVND            *int64     `db:"budget_vnd" json:"budget_vnd"`
	FundingSource        string     `db:"funding_source" json:"funding_source"`
	Notes                string     `db:"notes" json:"notes"`
	SourceTaskID         *int64     `db:"source_task_id" json:"source_task_id"`
	ImportKey            string     `db:"import_key" json:"import_key"`
	CreatedAt            time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt            time.Time  `db:"updated_at" json:"updated_at"`
	// Children are the sub-tasks, in order; filled by Tree only.
	Children []*Task `db:"-" json:"children,omitempty"`
}

// Input returns the task's fields as a TaskInput, for editing.
func (t Task) Input() TaskInput {
	return TaskInput{ParentID: deref(t.ParentID), Seq: t.Seq, AreaID: deref(t.AreaID), Content: t.Content, Product: t.Product,
		LeadUnitID: deref(t.LeadUnitID), LeadGroupID: deref(t.LeadGroupID), LeadText: t.LeadText,
		CoLeadUnitIDs: t.CoLeadUnitIDs, CoLeadGroupIDs: t.CoLeadGroupIDs,
		CoordinatingUnitIDs: t.CoordinatingUnitIDs, CoordinatingGroupIDs: t.CoordinatingGroupIDs, CoordinatingText: t.CoordinatingText,
		ScheduleText: t.ScheduleText, Start: t.Start, Due: t.Due, Recurrence: t.Recurrence, Milestones: t.Milestones,
		Relative: t.Relative, Understood: t.Understood, BudgetVND: t.BudgetVND, FundingSource: t.FundingSource,
		Notes: t.Notes, SourceTaskID: deref(t.SourceTaskID), ImportKey: t.ImportKey}
}

// TaskInput is what a user (or an import) supplies to create or change a
// task. Zero ids mean none. The schedule fields are normally pre-filled by
// the schedule package from ScheduleText and may be corrected by the user;
// the store keeps them as given and never parses the text itself. ImportKey
// is stored exactly as given ("" stores none).
type TaskInput struct {
	ParentID             int64      `json:"parent_id"`
	Seq                  string     `json:"seq"`
	AreaID               int64      `json:"area_id"`
	Content              string     `json:"content"`
	Product              string     `json:"product"`
	LeadUnitID           int64      `json:"lead_unit_id"`
	LeadGroupID          int64      `json:"lead_group_id"`
	LeadText             string     `json:"lead_text"`
	CoLeadUnitIDs        []int64    `json:"co_lead_unit_ids"`
	CoLeadGroupIDs       []int64    `json:"co_lead_group_ids"`
	CoordinatingUnitIDs  []int64    `json:"coordinating_unit_ids"`
	CoordinatingGroupIDs []int64    `json:"coordinating_group_ids"`
	CoordinatingText     string     `json:"coordinating_text"`
	ScheduleText         string     `json:"schedule_text"`
	Start                civil.Date `json:"start"`
	Due                  civil.Date `json:"due"`
	Recurrence           string     `json:"recurrence"`
	Milestones           DateList   `json:"milestones"`
	Relative             string     `json:"relative"`
	Understood           bool       `json:"understood"`
	BudgetVND            *int64     `json:"budget_vnd"`
	FundingSource        string     `json:"funding_source"`
	Notes                string     `json:"notes"`
	SourceTaskID         int64      `json:"source_task_id"`
	ImportKey            string     `json:"import_key"`
}

// Limits on task fields, in characters.
const (
	MaxSeqLen       = 20
	MaxContentLen   = 10000
	MaxProductLen   = 4000
	MaxAgencyLen    = 2000 // lead and coordinating text
	MaxScheduleLen  = 1000
	MaxFundingLen   = 500
	MaxNotesLen     = 4000
	MaxImportKeyLen = 200 // where an import found the task: "I/2/b"
)

// Normalize cleans the fields in place: single-line fields trimmed with inner
// space collapsed, multi-line ones trimmed line by line, id lists sorted
// without zeros or repeats (a co-lead that is also the lead is dropped),
// milestones sorted without repeats. ImportKey is left as given.
func (in *TaskInput) Normalize() {
	in.Seq = vn.CleanText(in.Seq)
	in.Content = cleanLines(in.Content)
	in.Product = cleanLines(in.Product)
	in.LeadText = vn.CleanText(in.LeadText)
	in.CoordinatingText = vn.CleanText(in.CoordinatingText)
	in.ScheduleText = vn.CleanText(in.ScheduleText)
	in.Recurrence = strings.TrimSpace(in.Recurrence)
	in.Relative = strings.TrimSpace(in.Relative)
	in.FundingSource = vn.CleanText(in.FundingSource)
	in.Notes = cleanLines(in.Notes)
	in.CoordinatingUnitIDs = cleanIDs(in.CoordinatingUnitIDs)
	in.CoordinatingGroupIDs = cleanIDs(in.CoordinatingGroupIDs)
	in.CoLeadUnitIDs = slices.DeleteFunc(cleanIDs(in.CoLeadUnitIDs), func(id int64) bool { return id == in.LeadUnitID })
	in.CoLeadGroupIDs = slices.DeleteFunc(cleanIDs(in.CoLeadGroupIDs), func(id int64) bool { return id == in.LeadGroupID })
	in.Milestones = in.Milestones.clean()
}

// Validate checks the rules that need no database.
func (in *TaskInput) Validate() valid.Errors {
	errs := valid.Errors{}
	if in.Content == "" {
		errs.Add("content", "Vui lòng nhập nội dung nhiệm vụ.")
	}
	for _, f := range []struct {
		field, value, label string
		limit               int
	}{
		{"seq", in.Seq, "Số thứ tự", MaxSeqLen},
		{"content", in.Content, "Nội dung nhiệm vụ", MaxContentLen},
		{"product", in.Product, "Sản phẩm", MaxProductLen},
		{"lead_text", in.LeadText, "Cơ quan chủ trì", MaxAgencyLen},
		{"coordinating_text", in.CoordinatingText, "Cơ quan phối hợp", MaxAgencyLen},
		{"schedule_text", in.ScheduleText, "Thời gian thực hiện", MaxScheduleLen},
		{"funding_source", in.FundingSource, "Nguồn kinh phí", MaxFundingLen},
		{"notes", in.Notes, "Ghi chú", MaxNotesLen},
		{"import_key", in.ImportKey, "Khóa nhập dữ liệu", MaxImportKeyLen},
	} {
		if utf8.RuneCountInString(f.value) > f.limit {
			errs.Add(f.field, fmt.Sprintf("%s dài tối đa %d ký tự.", f.label, f.limit))
		}
	}
	if in.LeadUnitID != 0 && in.LeadGroupID != 0 {
		errs.Add("lead_unit_id", "Chỉ chọn một: đơn vị chủ trì hoặc nhóm đơn vị chủ trì.")
	}
	if in.LeadUnitID == 0 && in.LeadGroupID == 0 {
		const msg = "Nhiệm vụ có cơ quan đồng chủ trì phải có cơ quan chủ trì: hãy chọn đơn vị hoặc nhóm đơn vị chủ trì."
		if len(in.CoLeadUnitIDs) > 0 {
			errs.Add("co_lead_unit_ids", msg)
		}
		if len(in.CoLeadGroupIDs) > 0 {
			errs.Add("co_lead_group_ids", msg)
		}
	}
	if in.BudgetVND != nil && *in.BudgetVND < 0 {
		errs.Add("budget_vnd", "Kinh phí không được âm.")
	}
	if !in.Start.IsZero() && !in.Due.IsZero() && in.Due.Before(in.Start) {
		errs.Add("due", "Hạn hoàn thành phải sau hoặc trùng ngày bắt đầu.")
	}
	if _, ok := RecurrenceLabels[in.Recurrence]; !ok {
		errs.Add("recurrence", "Chu kỳ thực hiện không hợp lệ.")
	}
	if in.Relative != "" && in.Relative != RelPlanYear && in.Relative != RelEvent {
		errs.Add("relative", "Mốc thời gian tương đối không hợp lệ.")
	}
	return errs
}

// cleanLines trims each line and inner space runs, drops blank lines at both
// ends and keeps at most one blank line in a row.
func cleanLines(s string) string {
	var out []string
	blank := true
	for _, line := range strings.Split(vn.NFC(strings.ReplaceAll(s, "\r\n", "\n")), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, line)
		blank = false
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

func cleanIDs(ids []int64) []int64 {
	out := slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return id <= 0 })
	slices.Sort(out)
	return slices.Compact(out)
}

// DateList is a list of days stored as comma-separated 'YYYY-MM-DD' text
// (the milestones of a task: "2012, 2015" means the ends of 2012 and 2015).
type DateList []civil.Date

func (l DateList) clean() DateList {
	out := slices.DeleteFunc(slices.Clone(l), civil.Date.IsZero)
	slices.SortFunc(out, func(a, b civil.Date) int { return a.Time().Compare(b.Time()) })
	return slices.Compact(out)
}

// String returns the days as "YYYY-MM-DD,YYYY-MM-DD".
func (l DateList) String() string {
	parts := make([]string, len(l))
	for i, d := range l {
		parts[i] = d.String()
	}
	return strings.Join(parts, ",")
}

// VN returns the days as "dd/mm/yyyy, dd/mm/yyyy".
func (l DateList) VN() string {
	parts := make([]string, len(l))
	for i, d := range l {
		parts[i] = d.VN()
	}
	return strings.Join(parts, ", ")
}

// Value stores the list as text, empty when there are no days.
func (l DateList) Value() (driver.Value, error) { return l.String(), nil }

// Scan reads comma-separated 'YYYY-MM-DD' text.
func (l *DateList) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("plan: cannot scan %T into DateList", src)
	}
	*l = nil
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		d, err := civil.Parse(p)
		if err != nil {
			return err
		}
		*l = append(*l, d)
	}
	return nil
}

// buildTree nests tasks (already in position order) under their parents and
// returns the roots. A task whose parent is missing becomes a root.
func buildTree(tasks []Task) []*Task {
	nodes := make(map[int64]*Task, len(tasks))
	for i := range tasks {
		nodes[tasks[i].ID] = &tasks[i]
	}
	var roots []*Task
	for i := range tasks {
		t := &tasks[i]
		if t.ParentID != nil && nodes[*t.ParentID] != nil {
			p := nodes[*t.ParentID]
			p.Children = append(p.Children, t)
		} else {
			roots = append(roots, t)
		}
	}
	return roots
}

// Walk calls fn for every task of the tree in display order (depth first),
// with its depth (0 for roots).
func Walk(roots []*Task, fn func(t *Task, depth int)) {
	var walk func(ts []*Task, depth int)
	walk = func(ts []*Task, depth int) {
		for _, t := range ts {
			fn(t, depth)
			if depth < 50 {
				walk(t.Children, depth+1)
			}
		}
	}
	walk(roots, 0)
}
