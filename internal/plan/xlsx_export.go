package plan

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/xuri/excelize/v2"

	"cchc/internal/schedule"
	"cchc/internal/vn"
)

// The official template of a unit's annual plan (guidance of 2012, see
// DOMAIN §3) lays a plan out as one table: a heading row per area (I, II,
// ...), the specific tasks under it with their product, lead, coordinating
// agencies, time, estimated budget and notes, a budget subtotal per area and
// a total row. Layout builds that shape once, for the plan page and for the
// workbook.

// Layout is a plan in the official template's shape.
type Layout struct {
	Plan     Plan
	Sections []Section
	Tasks    int   // every task, sub-tasks included
	Budget   int64 // sum of every task's estimated budget
}

// Section is one area of the plan with its tasks. Tasks without an area
// come last, in a section with a nil Area and no numeral.
type Section struct {
	Numeral string // "I", "II", ...
	Area    *Area
	Name    string
	Rows    []Row
	Budget  int64 // sum of the section's task budgets
}

// Row is one task of a section, in tree order. A sub-task falls in its top
// task's section, whatever its own area.
type Row struct {
	Task         *Task
	Depth        int      // 0 for a top task
	Lead         string   // the lead as written, else the lead unit's or group's name
	CoLeads      []string // the co-lead (đồng chủ trì) groups and units the lead as written does not name
	Coordinating string   // as written, else the names of the coordinating units and groups
	Schedule     string   // what was understood of the time, e.g. "Hạn 31/05/2026"
}

// Layout returns plan planID in the template's shape: the plan's areas in
// order (only those with tasks), then the tasks without an area. Every task's
// budget counts towards its section and the total.
func (s *Store) Layout(ctx context.Context, planID int64) (Layout, error) {
	p, err := s.Get(ctx, planID)
	if err != nil {
		return Layout{}, err
	}
	roots, err := s.Tree(ctx, planID)
	if err != nil {
		return Layout{}, err
	}
	areaList, err := s.PlanAreas(ctx, planID)
	if err != nil {
		return Layout{}, err
	}
	names, err := s.agencyNames(ctx, roots)
	if err != nil {
		return Layout{}, err
	}
	l := Layout{Plan: p}
	byArea := map[int64]*Section{}
	var none *Section
	for _, root := range roots {
		sec := none
		if root.AreaID != nil {
			sec = byArea[*root.AreaID]
			if sec == nil {
				sec = &Section{}
				byArea[*root.AreaID] = sec
			}
		} else if none == nil {
			none = &Section{Name: "Nhiệm vụ khác"}
			sec = none
		}
		Walk([]*Task{root}, func(t *Task, depth int) {
			sec.Rows = append(sec.Rows, Row{Task: t, Depth: depth, Lead: names.lead(t), CoLeads: names.coLeads(t),
				Coordinating: names.coordinating(t), Schedule: ScheduleSummary(*t)})
			if t.BudgetVND != nil {
				sec.Budget += *t.BudgetVND
				l.Budget += *t.BudgetVND
			}
			l.Tasks++
		})
	}
	for i := range areaList {
		sec := byArea[areaList[i].ID]
		if sec == nil {
			continue
		}
		sec.Area, sec.Name = &areaList[i], areaList[i].Name
		sec.Numeral = Roman(len(l.Sections) + 1)
		l.Sections = append(l.Sections, *sec)
		delete(byArea, areaList[i].ID)
	}
	for _, sec := range byArea { // an area no longer offered to the plan
		if none == nil {
			none = &Section{Name: "Nhiệm vụ khác"}
		}
		none.Rows = append(none.Rows, sec.Rows...)
		none.Budget += sec.Budget
	}
	if none != nil {
		l.Sections = append(l.Sections, *none)
	}
	return l, nil
}

// ScheduleSummary describes what was understood of a task's time, as the
// schedule package words it ("Hạn 31/05/2026", "Hằng năm" ...).
func ScheduleSummary(t Task) string {
	return schedule.Schedule{Text: t.ScheduleText, Start: t.Start, Due: t.Due, Recurrence: t.Recurrence,
		Milestones: t.Milestones, Relative: t.Relative, Understood: t.Understood}.Summary()
}

// Roman returns n (1-3999) in roman numerals, as plans number their areas.
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return fmt.Sprint(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// agencies holds the names of the units and groups tasks refer to.
type agencies struct{ units, groups map[int64]string }

func (a agencies) lead(t *Task) string {
	switch {
	case t.LeadText != "":
		return t.LeadText
	case t.LeadUnitID != nil:
		return a.units[*t.LeadUnitID]
	case t.LeadGroupID != nil:
		return a.groups[*t.LeadGroupID]
	}
	return ""
}

// coLeads returns the names of t's co-lead groups then units, leaving out
// those the lead as written already names (an import keeps the whole cell,
// "Sở Nội vụ, Văn phòng UBND tỉnh", as the lead text).
func (a agencies) coLeads(t *Task) []string {
	written := vn.Fold(t.LeadText)
	var out []string
	add := func(name string) {
		if name != "" && (written == "" || !strings.Contains(written, vn.Fold(name))) {
			out = append(out, name)
		}
	}
	for _, id := range t.CoLeadGroupIDs {
		add(a.groups[id])
	}
	for _, id := range t.CoLeadUnitIDs {
		add(a.units[id])
	}
	return out
}

// LeadWithCoLeads is the lead column of the template: the lead, then the
// co-leads it does not already name, joined by "; ".
func (r Row) LeadWithCoLeads() string {
	parts := r.CoLeads
	if r.Lead != "" {
		parts = append([]string{r.Lead}, r.CoLeads...)
	}
	return strings.Join(parts, "; ")
}

func (a agencies) coordinating(t *Task) string {
	if t.CoordinatingText != "" {
		return t.CoordinatingText
	}
	var parts []string
	for _, id := range t.CoordinatingGroupIDs {
		parts = append(parts, a.groups[id])
	}
	for _, id := range t.CoordinatingUnitIDs {
		parts = append(parts, a.units[id])
	}
	return strings.Join(parts, "; ")
}

// agencyNames loads the names of every unit and group the tasks name as
// lead, co-lead or coordinator.
func (s *Store) agencyNames(ctx context.Context, roots []*Task) (agencies, error) {
	a := agencies{units: map[int64]string{}, groups: map[int64]string{}}
	var unitIDs []int64
	Walk(roots, func(t *Task, _ int) {
		if t.LeadUnitID != nil {
			unitIDs = append(unitIDs, *t.LeadUnitID)
		}
		unitIDs = append(unitIDs, t.CoLeadUnitIDs...)
		unitIDs = append(unitIDs, t.CoordinatingUnitIDs...)
	})
	type named struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if ids := cleanIDs(unitIDs); len(ids) > 0 {
		q, args, err := sqlx.In(`SELECT id, name FROM units WHERE id IN (?)`, ids)
		if err != nil {
			return a, err
		}
		var rows []named
		if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(q), args...); err != nil {
			return a, fmt.Errorf("plan: names of lead, co-lead and coordinating units: %w", err)
		}
		for _, r := range rows {
			a.units[r.ID] = r.Name
		}
	}
	var groups []named
	if err := s.db.SelectContext(ctx, &groups, `SELECT id, name FROM unit_groups`); err != nil {
		return a, fmt.Errorf("plan: group names: %w", err)
	}
	for _, g := range groups {
		a.groups[g.ID] = g.Name
	}
	return a, nil
}

// planSheet is the name of the workbook's only sheet.
const planSheet = "Kế hoạch"

// Columns of the template, 1-based.
const (
	xcSeq = iota + 1
	xcContent
	xcProduct
	xcLead
	xcCoordinating
	xcTime
	xcBudget
	xcNotes
	xcLast = xcNotes
)

// ExportXLSX writes plan planID as a workbook in the template layout: the
// issuing unit, title, number and period at the top, then the table with a
// heading row per area, the tasks (sub-tasks indented), a subtotal row per
// area and a total row. Budgets are numbers formatted with thousands dots.
func (s *Store) ExportXLSX(ctx context.Context, w io.Writer, planID int64) error {
	l, err := s.Layout(ctx, planID)
	if err != nil {
		return err
	}
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", planSheet); err != nil {
		return err
	}
	st, err := newPlanStyles(x)
	if err != nil {
		return err
	}
	xw := &sheetWriter{x: x}
	p := l.Plan
	xw.merged(1, st.title, strings.ToUpper(p.IssuingUnitName))
	xw.merged(2, st.title, strings.ToUpper(p.Title))
	var sub []string
	if p.NumberSymbol != "" {
		sub = append(sub, "Số: "+p.NumberSymbol)
	}
	if !p.IssuedOn.IsZero() {
		sub = append(sub, "ngày "+p.IssuedOn.VN())
	}
	sub = append(sub, "Thời gian thực hiện: "+periodVN(p.PeriodStart, p.PeriodEnd))
	xw.merged(3, st.centre, strings.Join(sub, ", "))
	xw.row = 4 // the table's header goes on row 5
	xw.values(st.head, "STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
		"Thời gian thực hiện", "Kinh phí dự kiến (đồng)", "Ghi chú")
	for _, sec := range l.Sections {
		xw.values(st.section, sec.Numeral, sec.Name, "", "", "", "", nil, "")
		if err := x.MergeCell(planSheet, cell(xcContent, xw.row), cell(xcTime, xw.row)); err != nil {
			return err
		}
		for _, r := range sec.Rows {
			t := r.Task
			timeText := t.ScheduleText
			if r.Schedule != "" && r.Schedule != timeText {
				timeText = strings.TrimSpace(timeText + "\n(" + r.Schedule + ")")
			}
			var budget any
			if t.BudgetVND != nil {
				budget = *t.BudgetVND
			}
			xw.values(st.body, t.Seq, strings.Repeat("    ", r.Depth)+t.Content, t.Product, r.LeadWithCoLeads(), r.Coordinating,
				timeText, budget, t.Notes)
		}
		xw.values(st.subtotal, "", "Cộng "+cmp.Or(sec.Numeral, "mục"), "", "", "", "", sec.Budget, "")
	}
	xw.values(st.total, "", "TỔNG CỘNG", "", "", "", "", l.Budget, "")
	for c, width := range map[int]float64{xcSeq: 6, xcContent: 50, xcProduct: 28, xcLead: 24, xcCoordinating: 24,
		xcTime: 22, xcBudget: 18, xcNotes: 18} {
		name, _ := excelize.ColumnNumberToName(c)
		if err := x.SetColWidth(planSheet, name, name, width); err != nil {
			return err
		}
	}
	if xw.err != nil {
		return fmt.Errorf("plan: export plan %d: %w", planID, xw.err)
	}
	if err := x.Write(w); err != nil {
		return fmt.Errorf("plan: write workbook of plan %d: %w", planID, err)
	}
	return nil
}

// sheetWriter writes rows one after another, keeping the first error.
type sheetWriter struct {
	x   *excelize.File
	row int
	err error
}

// values writes one row of the table with style and moves to the next.
func (s *sheetWriter) values(style int, vals ...any) {
	s.row++
	if s.err != nil {
		return
	}
	if s.err = s.x.SetSheetRow(planSheet, cell(1, s.row), &vals); s.err != nil {
		return
	}
	s.err = s.x.SetCellStyle(planSheet, cell(1, s.row), cell(xcLast, s.row), style)
}

// merged writes text across the table's width on row.
func (s *sheetWriter) merged(row, style int, text string) {
	if s.err != nil {
		return
	}
	if s.err = s.x.SetCellValue(planSheet, cell(1, row), text); s.err != nil {
		return
	}
	if s.err = s.x.MergeCell(planSheet, cell(1, row), cell(xcLast, row)); s.err != nil {
		return
	}
	s.err = s.x.SetCellStyle(planSheet, cell(1, row), cell(xcLast, row), style)
}

type planStyles struct{ title, centre, head, section, body, subtotal, total int }

func newPlanStyles(x *excelize.File) (planStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	money := "#,##0"
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	defs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: centre},
		{Font: &excelize.Font{Italic: true}, Alignment: centre},
		{Font: &excelize.Font{Bold: true}, Alignment: centre, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}}},
		{Font: &excelize.Font{Bold: true}, Alignment: wrap, Border: border, CustomNumFmt: &money},
		{Alignment: wrap, Border: border, CustomNumFmt: &money},
		{Font: &excelize.Font{Italic: true, Bold: true}, Alignment: wrap, Border: border, CustomNumFmt: &money},
		{Font: &excelize.Font{Bold: true}, Alignment: wrap, Border: border, CustomNumFmt: &money},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := x.NewStyle(d)
		if err != nil {
			return planStyles{}, err
		}
		ids[i] = id
	}
	return planStyles{title: ids[0], centre: ids[1], head: ids[2], section: ids[3], body: ids[4], subtotal: ids[5], total: ids[6]}, nil
}

// cell names the cell at col, row (both 1-based).
func cell(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err) // col and row come from this file and are always positive
	}
	return ref
}
