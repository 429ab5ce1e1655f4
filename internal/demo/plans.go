package demo

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"cchc/internal/civil"
	"cchc/internal/plan"
	"cchc/internal/schedule"
)

// The demo's annual plan is a child of the 2026-2030 plan, so the year it
// is written for stays within 2026-2030 whatever the clock says.
const (
	firstPlanYear = 2026
	lastPlanYear  = 2030
)

// planYearOf returns the year the demo's plans are written for on day today.
func planYearOf(today civil.Date) int { return min(max(today.Year, firstPlanYear), lastPlanYear) }

// planBuilder creates the demo plans inside the build's transaction and
// remembers what it created for the progress that follows.
type planBuilder struct {
	ctx   context.Context
	tx    *sqlx.Tx
	today civil.Date
	year  int

	units    map[string]int64           // unit id by code
	ended    map[int64]civil.Date       // the last day of each unit that has ended
	groups   map[string]int64           // group id by code, as "group:<code>"
	areaSets map[string]int64           // area set id by code
	areas    map[int64]map[string]int64 // area id by set id and area code
	users    map[int64]int64            // the demo account working in each unit
	admin    int64                      // the admin account, for units without one

	plans   map[string]plan.Plan // by key
	tasks   map[string]int64     // task id by taskKey(plan key, path)
	stories []taskStory
}

// taskStory is a created task with the progress its work items are to show.
type taskStory struct {
	plan    plan.Plan
	taskID  int64
	task    demoTask
	key     string // the hash key: the task's own taskKey, or its source's
	byGroup bool   // led by a group: outcomes spread across its members
}

// taskKey names a task of a plan: "annual/12" for top-level task 12,
// "annual/12.2" for its second sub-task. Sources (demoTask.Source) cite the
// path part.
func taskKey(planKey, path string) string { return planKey + "/" + path }

// buildPlans creates the demo plans of demoPlans(planYearOf(today)) with
// their tasks (which generates the work items), then writes progress on the
// work items as of today, then closes the plans the data says are closed
// (a closed plan takes no progress). It runs in the build's transaction,
// after the units, groups and accounts exist.
//
// Deadlines are read by schedule.Parse with, as plan year, the plan's year
// when it is annual or its period lies within one calendar year, and 0
// (unknown) for the five-year plans, as the task form does: "Hằng năm" in
// the 2021-2025 plan then means each year 2021 to 2025. (With the current
// year as plan year, it would mean only this year, outside that plan's
// period, and such a task would get no work items.)
func buildPlans(ctx context.Context, tx *sqlx.Tx, today civil.Date) error {
	b := &planBuilder{ctx: ctx, tx: tx, today: today, year: planYearOf(today),
		plans: map[string]plan.Plan{}, tasks: map[string]int64{}}
	if err := b.load(); err != nil {
		return err
	}
	plans := demoPlans(b.year)
	byKey := map[string]demoPlan{}
	for i, p := range plans {
		if p.Key == "snv-annual" {
			p = withGroupCopies(p, byKey[p.ParentKey], groupAgencies)
			plans[i] = p
		}
		byKey[p.Key] = p
		if err := b.createPlan(p); err != nil {
			return err
		}
	}
	for _, s := range b.stories {
		if err := b.writeProgress(s); err != nil {
			return err
		}
	}
	for _, p := range plans {
		if p.Status != plan.StatusClosed {
			continue
		}
		if _, err := plan.SetStatusTx(ctx, tx, b.plans[p.Key].ID, plan.StatusClosed); err != nil {
			return fmt.Errorf("demo: close plan %s: %w", p.Key, err)
		}
	}
	return nil
}

// withGroupCopies adds to a unit's plan p a copy of every task of its parent
// plan led by group (a group the unit belongs to, such as all provincial
// agencies), placed after the tasks copied by name and before the unit's
// own, and numbers the tasks again. A unit's plan must carry every task the
// province gave it, by name or through a group; only homeAffairsOmitted is
// left out, for the coverage check to find.
func withGroupCopies(p, parent demoPlan, group string) demoPlan {
	var copied, own, fromGroup []demoTask
	for _, t := range p.Tasks {
		if t.Source != "" {
			copied = append(copied, t)
		} else {
			own = append(own, t)
		}
	}
	var walk func(tasks []demoTask, prefix string)
	walk = func(tasks []demoTask, prefix string) {
		for i, t := range tasks {
			path := taskPath(prefix, i, t)
			if t.Lead == group {
				c := t
				c.Source, c.Sub = path, nil
				c.Lead, c.LeadText = HomeAffairs, "Sở Nội vụ"
				c.Notes = strings.TrimSpace("Nhiệm vụ giao chung cho các sở, ban, ngành tỉnh; Văn phòng Sở chủ trì tham mưu. " + t.Notes)
				fromGroup = append(fromGroup, c)
			}
			walk(t.Sub, path)
		}
	}
	walk(parent.Tasks, "")
	p.Tasks = slices.Concat(copied, fromGroup, own)
	for i := range p.Tasks {
		p.Tasks[i].Seq = strconv.Itoa(i + 1)
	}
	return p
}

// taskPath is the path of the i-th task of a list under prefix: a top-level
// task's Seq, or the parent's path and the sub-task's position ("12.2"), as
// sub-tasks repeat their Seq ("a", "-").
func taskPath(prefix string, i int, t demoTask) string {
	if prefix == "" {
		return t.Seq
	}
	return prefix + "." + strconv.Itoa(i+1)
}

// load reads the ids the plans refer to by code.
func (b *planBuilder) load() error {
	var units []struct {
		ID       int64      `db:"id"`
		Code     string     `db:"code"`
		ActiveTo civil.Date `db:"active_to"`
	}
	if err := b.tx.SelectContext(b.ctx, &units, `SELECT id, code, active_to FROM units`); err != nil {
		return fmt.Errorf("demo: unit codes: %w", err)
	}
	b.units, b.ended = map[string]int64{}, map[int64]civil.Date{}
	for _, u := range units {
		b.units[u.Code] = u.ID
		if !u.ActiveTo.IsZero() {
			b.ended[u.ID] = u.ActiveTo
		}
	}
	var rows []struct {
		ID   int64  `db:"id"`
		Code string `db:"code"`
	}
	if err := b.tx.SelectContext(b.ctx, &rows, `SELECT id, code FROM unit_groups`); err != nil {
		return fmt.Errorf("demo: group codes: %w", err)
	}
	b.groups = map[string]int64{}
	for _, r := range rows {
		b.groups["group:"+r.Code] = r.ID
	}
	rows = nil
	if err := b.tx.SelectContext(b.ctx, &rows, `SELECT id, code FROM area_sets`); err != nil {
		return fmt.Errorf("demo: area sets: %w", err)
	}
	b.areaSets = map[string]int64{}
	for _, r := range rows {
		b.areaSets[r.Code] = r.ID
	}
	var areas []struct {
		ID    int64  `db:"id"`
		SetID int64  `db:"set_id"`
		Code  string `db:"code"`
	}
	if err := b.tx.SelectContext(b.ctx, &areas, `SELECT id, set_id, code FROM areas WHERE set_id IS NOT NULL`); err != nil {
		return fmt.Errorf("demo: areas: %w", err)
	}
	b.areas = map[int64]map[string]int64{}
	for _, a := range areas {
		if b.areas[a.SetID] == nil {
			b.areas[a.SetID] = map[string]int64{}
		}
		b.areas[a.SetID][a.Code] = a.ID
	}
	var users []struct {
		ID       int64  `db:"id"`
		Username string `db:"username"`
		UnitID   *int64 `db:"unit_id"`
	}
	if err := b.tx.SelectContext(b.ctx, &users, `SELECT id, username, unit_id FROM users ORDER BY id`); err != nil {
		return fmt.Errorf("demo: users: %w", err)
	}
	b.users = map[int64]int64{}
	for _, u := range users {
		if u.Username == "admin" {
			b.admin = u.ID
			continue
		}
		if u.UnitID != nil && b.users[*u.UnitID] == 0 {
			b.users[*u.UnitID] = u.ID
		}
	}
	return nil
}

// createPlan creates p and its tasks. A closed plan is created issued, so
// that it can take tasks and progress; buildPlans closes it last.
func (b *planBuilder) createPlan(p demoPlan) error {
	issuer, ok := b.units[p.IssuerCode]
	if !ok {
		return fmt.Errorf("demo: plan %s: no unit %s", p.Key, p.IssuerCode)
	}
	setID, ok := b.areaSets[p.AreaSet]
	if !ok {
		return fmt.Errorf("demo: plan %s: no area set %s", p.Key, p.AreaSet)
	}
	status := p.Status
	if status == plan.StatusClosed {
		status = plan.StatusIssued
	}
	in := plan.PlanInput{Kind: p.Kind, Title: p.Title, IssuingUnitID: issuer, NumberSymbol: p.NumberSymbol,
		IssuedOn: p.Issued(b.year), PeriodStart: p.Start(b.year), PeriodEnd: p.End(b.year),
		ParentID: b.plans[p.ParentKey].ID, AreaSetID: setID, Status: status}
	created, err := plan.CreateTx(b.ctx, b.tx, in)
	if err != nil {
		return fmt.Errorf("demo: plan %s: %w", p.Key, err)
	}
	b.plans[p.Key] = created
	return b.createTasks(p, created, p.Tasks, 0, "")
}

// createTasks creates tasks (and their sub-tasks) under the task parentID
// (0: the plan's top level).
func (b *planBuilder) createTasks(dp demoPlan, p plan.Plan, tasks []demoTask, parentID int64, prefix string) error {
	planYear := 0
	if p.Kind == plan.KindAnnual || p.PeriodStart.Year == p.PeriodEnd.Year {
		planYear = p.PeriodStart.Year
	}
	for i, t := range tasks {
		path := taskPath(prefix, i, t)
		in, err := b.taskInput(dp, p, t, planYear)
		if err != nil {
			return fmt.Errorf("demo: plan %s, task %s: %w", dp.Key, path, err)
		}
		in.ParentID = parentID
		created, err := plan.CreateTaskTx(b.ctx, b.tx, p.ID, in)
		if err != nil {
			return fmt.Errorf("demo: plan %s, task %s: %w", dp.Key, path, err)
		}
		key := taskKey(dp.Key, path)
		b.tasks[key] = created.ID
		story := taskStory{plan: p, taskID: created.ID, task: t, key: key, byGroup: in.LeadGroupID != 0}
		if t.Source != "" {
			story.key = taskKey(dp.ParentKey, t.Source)
		}
		b.stories = append(b.stories, story)
		if err := b.createTasks(dp, p, t.Sub, created.ID, path); err != nil {
			return err
		}
	}
	return nil
}

// taskInput turns a demo task into what the plan store takes.
func (b *planBuilder) taskInput(dp demoPlan, p plan.Plan, t demoTask, planYear int) (plan.TaskInput, error) {
	in := plan.TaskInput{Seq: t.Seq, Content: t.Content, Product: t.Product, LeadText: t.LeadText,
		CoordinatingText: t.CoordText, FundingSource: t.Funding, Notes: t.Notes}
	if t.Lead != "" {
		unitID, groupID, err := b.unitOrGroup(t.Lead)
		if err != nil {
			return in, fmt.Errorf("lead: %w", err)
		}
		in.LeadUnitID, in.LeadGroupID = unitID, groupID
	}
	for _, c := range t.Coord {
		unitID, groupID, err := b.unitOrGroup(c)
		if err != nil {
			return in, fmt.Errorf("coordinator: %w", err)
		}
		if unitID != 0 {
			in.CoordinatingUnitIDs = append(in.CoordinatingUnitIDs, unitID)
		} else {
			in.CoordinatingGroupIDs = append(in.CoordinatingGroupIDs, groupID)
		}
	}
	if t.Area != "" {
		id, ok := b.areas[deref(p.AreaSetID)][t.Area]
		if !ok {
			return in, fmt.Errorf("no area %q in set %s", t.Area, dp.AreaSet)
		}
		in.AreaID = id
	}
	if t.Schedule != nil {
		s := schedule.Parse(t.Schedule(b.year), planYear)
		in.ScheduleText, in.Start, in.Due, in.Recurrence = s.Text, s.Start, s.Due, s.Recurrence
		in.Milestones, in.Relative, in.Understood = plan.DateList(s.Milestones), s.Relative, s.Understood
	}
	if t.BudgetVND > 0 {
		v := t.BudgetVND
		in.BudgetVND = &v
	}
	if t.Source != "" {
		id, ok := b.tasks[taskKey(dp.ParentKey, t.Source)]
		if !ok {
			return in, fmt.Errorf("no task %s in plan %s to copy", t.Source, dp.ParentKey)
		}
		in.SourceTaskID = id
	}
	return in, nil
}

// unitOrGroup resolves "CODE" to a unit id or "group:code" to a group id.
func (b *planBuilder) unitOrGroup(ref string) (unitID, groupID int64, err error) {
	if strings.HasPrefix(ref, "group:") {
		if id, ok := b.groups[ref]; ok {
			return 0, id, nil
		}
		return 0, 0, fmt.Errorf("no group %s", strings.TrimPrefix(ref, "group:"))
	}
	if id, ok := b.units[ref]; ok {
		return id, 0, nil
	}
	return 0, 0, fmt.Errorf("no unit %s", ref)
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// demoItem is a generated work item, as the progress story needs it.
type demoItem struct {
	ID     int64      `db:"id"`
	UnitID int64      `db:"unit_id"`
	Period string     `db:"period"`
	Start  civil.Date `db:"start_on"`
	Due    civil.Date `db:"due_on"`
}

// writeProgress writes the story of s on its task's work items.
//
// A task led by one unit tells its story on its focus item (the last one
// due before today, or the first); its other items are done on time when
// their day has passed and follow the dates otherwise. A group-led task
// tells its story (if it has one) for about 60% of the members and lets the
// dates decide for the rest, so that "UBND cấp xã" shows a realistic mix.
func (b *planBuilder) writeProgress(s taskStory) error {
	var items []demoItem
	if err := b.tx.SelectContext(b.ctx, &items, b.tx.Rebind(`SELECT id, unit_id, period, start_on, due_on
		FROM work_items WHERE task_id = ?`), s.taskID); err != nil {
		return fmt.Errorf("demo: work items of task %d: %w", s.taskID, err)
	}
	slices.SortFunc(items, func(x, y demoItem) int {
		return cmp.Or(compareDue(x.Due, y.Due), cmp.Compare(x.Period, y.Period), cmp.Compare(x.ID, y.ID))
	})
	focus := 0
	for i, it := range items {
		if !it.Due.IsZero() && it.Due.Before(b.today) {
			focus = i
		}
	}
	for i, it := range items {
		h := storyHash(it.UnitID, s.key, it.Period)
		var o outcome
		switch {
		case s.byGroup && s.task.Progress != "" && h%10 < 6:
			o = b.fromStory(s, it, h/10)
		case s.byGroup || s.task.Progress == "":
			o = b.fromDates(s, it, h/10)
		case i == focus:
			o = b.fromStory(s, it, h/10)
		case !it.Due.IsZero() && it.Due.Before(b.today):
			o = b.fromStory(taskStory{plan: s.plan, task: demoTask{Progress: doneOnTime}}, it, h/10)
		default:
			o = b.fromDates(s, it, h/10)
		}
		if end, ok := b.ended[it.UnitID]; ok && o.completed.After(end) {
			// A unit found through a group finished its share by its last day.
			o.completed = latest(end, it.Start)
		}
		if err := b.apply(s, it, o); err != nil {
			return fmt.Errorf("demo: progress of task %s, unit %d: %w", s.key, it.UnitID, err)
		}
	}
	return nil
}

// compareDue orders days with no day (continuous work) last.
func compareDue(x, y civil.Date) int {
	switch {
	case x == y:
		return 0
	case x.IsZero():
		return 1
	case y.IsZero():
		return -1
	case x.Before(y):
		return -1
	}
	return 1
}

// storyHash is a fixed pseudo-random number for one unit's item of a task.
func storyHash(unitID int64, key, period string) uint64 {
	f := fnv.New64a()
	fmt.Fprintf(f, "%d|%s|%s", unitID, key, period)
	return f.Sum64()
}

// outcome is what to write on a work item: nothing (zero), a percent, a
// completion day (percent 100) and, for a paused item, the reason.
type outcome struct {
	percent   int
	completed civil.Date
	pause     string
	note      string
}

// started returns the item's first day (the plan's, when it has none) and
// whether work could have begun by yesterday.
func (b *planBuilder) started(s taskStory, it demoItem) (civil.Date, bool) {
	start := it.Start
	if start.IsZero() {
		start = s.plan.PeriodStart
	}
	return start, start.Before(b.today)
}

// fromStory makes the item tell the task's story, as far as today allows:
// work not yet begun stays untouched, and a deadline still ahead cannot have
// been missed, so "done late" and "overdue" then show as work in progress.
func (b *planBuilder) fromStory(s taskStory, it demoItem, h uint64) outcome {
	start, begun := b.started(s, it)
	if !begun {
		return outcome{}
	}
	yesterday := b.today.AddDays(-1)
	past := !it.Due.IsZero() && it.Due.Before(b.today)
	working := outcome{percent: 30 + int(h%11)*5, note: "Đang triển khai thực hiện."}
	switch s.task.Progress {
	case doneOnTime:
		done := yesterday
		switch {
		case past:
			done = it.Due.AddDays(-int(h % 10))
		case it.Due.IsZero() && s.plan.PeriodEnd.Before(yesterday):
			done = s.plan.PeriodEnd
		}
		return outcome{percent: 100, completed: latest(done, start), note: "Đã hoàn thành."}
	case doneLate:
		if !past {
			return working
		}
		return outcome{percent: 100, completed: earliest(it.Due.AddDays(2+int(h%20)), b.today),
			note: "Đã hoàn thành, chậm so với thời hạn."}
	case overdue:
		o := outcome{percent: 20 + int(h%14)*5, note: "Đang triển khai, chưa hoàn thành."}
		if s.task.Notes != "" {
			o.note = s.task.Notes
		}
		return o
	case inProgress:
		return working
	case paused:
		reason := s.task.Notes
		if reason == "" {
			reason = "Tạm dừng theo chỉ đạo của cơ quan chủ trì."
		}
		return outcome{percent: 20 + int(h%8)*5, pause: reason, note: "Đã triển khai một phần."}
	case notDue:
		return outcome{}
	}
	return b.fromDates(s, it, h)
}

// fromDates decides an item's progress from its days alone: of the items
// whose deadline has passed, about 75% were done on time, 15% late and 10%
// are overdue; an item still running is 0-70% done; work with no deadline
// (continuous) is about half done, or done when its plan's period is over.
func (b *planBuilder) fromDates(s taskStory, it demoItem, h uint64) outcome {
	start, begun := b.started(s, it)
	if !begun {
		return outcome{}
	}
	r, h := h%100, h/100
	switch {
	case it.Due.IsZero() && s.plan.PeriodEnd.Before(b.today):
		return outcome{percent: 100, completed: latest(s.plan.PeriodEnd, start), note: "Đã thực hiện trong suốt thời gian của kế hoạch."}
	case it.Due.IsZero():
		return outcome{percent: 40 + int(h%3)*10, note: "Thực hiện thường xuyên."}
	case !it.Due.Before(b.today):
		if p := int(h%8) * 10; p > 0 {
			return outcome{percent: p, note: "Đang triển khai thực hiện."}
		}
		return outcome{}
	case r < 75:
		return outcome{percent: 100, completed: latest(it.Due.AddDays(-int(h%15)), start), note: "Đã hoàn thành."}
	case r < 90:
		return outcome{percent: 100, completed: earliest(it.Due.AddDays(1+int(h%25)), b.today),
			note: "Đã hoàn thành, chậm so với thời hạn."}
	}
	if p := int(h%9) * 10; p > 0 {
		return outcome{percent: p, note: "Đang triển khai, chưa hoàn thành."}
	}
	return outcome{}
}

// apply writes o on the item as the unit's demo account (or the admin).
func (b *planBuilder) apply(s taskStory, it demoItem, o outcome) error {
	if o.percent == 0 && o.pause == "" {
		return nil
	}
	user := b.users[it.UnitID]
	if user == 0 {
		user = b.admin
	}
	if o.percent > 0 {
		in := plan.ProgressInput{Percent: o.percent, Note: o.note, CompletedOn: o.completed, UserID: user}
		if _, err := plan.UpdateProgressTx(b.ctx, b.tx, it.ID, in, b.today); err != nil {
			return err
		}
	}
	if o.pause != "" {
		if _, err := plan.SetHoldTx(b.ctx, b.tx, it.ID, plan.HoldPaused, o.pause, user, b.today); err != nil {
			return err
		}
	}
	return nil
}

func latest(x, y civil.Date) civil.Date {
	if x.After(y) {
		return x
	}
	return y
}

func earliest(x, y civil.Date) civil.Date {
	if x.Before(y) {
		return x
	}
	return y
}
