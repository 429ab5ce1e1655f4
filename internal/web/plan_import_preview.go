package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/agency"
	"cchc/internal/auth"
	"cchc/internal/doctable"
	"cchc/internal/files"
	"cchc/internal/importer"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/schedule"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// importView is what the preview of a draft import shows.
type importView struct {
	Draft         importer.Draft
	File          files.File
	Plan          *plan.Plan        // the plan the tasks go into, nil for a new plan
	NewPlan       *importer.NewPlan // the plan to create, nil for an existing plan
	NewPlanKind   string
	NewPlanIssuer string
	Year          int    // the plan year deadlines were read with, 0 if none
	YearSource    string // where it came from
	Tasks         int    // numbered (top-level) tasks
	SubTasks      int
	Sections      int
	Warnings      []string
	Tables        []importTable
	Sheets        []string // sheet names of a workbook with several
	Rows          []importRow
	Unmatched     []importName
	Chosen        []importChosen
	Groups        []org.Group
	Kinds         []org.Kind
	Roles         []importRole
	CanCreateUnit bool
	AssignPicker  template.HTML // any unit, for an unmatched name
	ParentPicker  template.HTML // the parent of a unit created for one
	ConfirmText   string
}

// FileSize is the document's size for people: "35 KB", "1,2 MB".
func (v importView) FileSize() string {
	n := v.File.Size
	if n < 1<<20 {
		return vn.FormatInt(max((n+1023)>>10, 1)) + " KB"
	}
	return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".", ",", 1) + " MB"
}

// DefaultKey is the name a "which name" select starts on: typed, else the
// only unmatched name when there is one.
func (v importView) DefaultKey(typed string) string {
	if typed == "" && len(v.Unmatched) == 1 {
		return v.Unmatched[0].Key
	}
	return typed
}

// importRole is a column role offered by the preview's selects.
type importRole struct{ Code, Label string }

// importTable is a table of the document with the role of each column.
type importTable struct {
	Index      int
	Name       string
	Source     string
	Used       bool
	Guessed    bool
	Overridden bool
	Rows       int
	Columns    []importColumn
}

// importColumn is one column of a table: its header and role.
type importColumn struct {
	Index  int
	Header string
	Role   string
	Label  string // the role's Vietnamese name
}

// importRow is one task or sub-task as it will be imported.
type importRow struct {
	// Section is the heading (group and section, as written) of the rows
	// from this one on, set on the first row under a new heading only.
	Section      string
	Depth        int
	Seq          string
	Area         string
	NewArea      bool // the section matches no area: a plan area of its own will be made
	Title        string
	Product      string
	Lead         []importAgency
	DefaultLead  bool
	Coordinating []importAgency
	Inherited    bool
	ScheduleText string
	Understood   bool
	When         string // the dates understood, dd/mm/yyyy
	Recurrence   string // plan.RecurrenceLabels, "" for a one-off task
	Warnings     []string
	Source       string
}

// importAgency is an agency named in a row: as written, and the unit or
// group it was matched to.
type importAgency struct {
	Text        string
	Matched     string // the unit's or group's name, "" when none
	Unmatched   bool   // a named agency that matched nothing
	Unspecified bool   // "các cơ quan liên quan": kept as text on purpose
}

// Differs reports whether the matched name is not just the text as written.
func (a importAgency) Differs() bool { return a.Matched != "" && vn.Fold(a.Matched) != vn.Fold(a.Text) }

// importName is an agency name that matched no unit or group, with the
// units and groups it might mean.
type importName struct {
	Key        string
	Text       string
	Tasks      int
	Candidates []importOption
}

// importOption is a unit or group offered for a name.
type importOption struct{ Value, Label string }

// importChosen is a name the user matched by hand.
type importChosen struct {
	Key, Text, Target string
}

// importUnitForm is the "create a unit for this name" form as typed.
type importUnitForm struct {
	Key, Name, Code, Kind string
	ParentID              int64
}

// planImportPreview shows what the draft's document will import.
func (h *Handler) planImportPreview(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openDraft(w, r)
	if !ok {
		return
	}
	if d.Done() {
		h.draftDone(w, r, d)
		return
	}
	h.renderImportPreview(w, r, d, http.StatusOK, importUnitForm{}, nil)
}

// renderImportPreview reads the draft's document again and shows the
// preview, with errs (a message on top under "form", the create-unit form's
// fields beside them) and the create-unit form as typed.
func (h *Handler) renderImportPreview(w http.ResponseWriter, r *http.Request, d importer.Draft, status int, uf importUnitForm, errs valid.Errors) {
	st, err := h.readDraft(r.Context(), h.app.DB, d)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.importView(r, d, st, uf)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if len(errs) > 0 && status == http.StatusOK {
		status = http.StatusUnprocessableEntity
	}
	h.renderPage(w, r, status, "plan_import_preview", &Page{Title: "Xem trước: " + st.File.Name, Data: v, Form: uf, Errors: errs})
}

// importView builds the preview of a read draft.
func (h *Handler) importView(r *http.Request, d importer.Draft, st importRead, uf importUnitForm) (importView, error) {
	ctx := r.Context()
	res := st.Result
	v := importView{Draft: d, File: st.File, Plan: st.Plan, Year: res.Year, YearSource: yearSource(d.Settings, st.Plan, res.Year),
		Warnings: res.Warnings, CanCreateUnit: h.can(r, auth.ManageUnits, 0)}
	for _, role := range importer.Roles {
		v.Roles = append(v.Roles, importRole{Code: role.Code, Label: role.Label})
	}
	var err error
	if v.Groups, err = h.app.Units.Groups(ctx); err != nil {
		return v, err
	}
	if v.Kinds, err = h.app.Units.Kinds(ctx); err != nil {
		return v, err
	}
	names, err := h.agencyNames(ctx, v.Groups)
	if err != nil {
		return v, err
	}
	if np := d.Settings.NewPlan; np != nil && st.Plan == nil {
		v.NewPlan, v.NewPlanKind = np, plan.KindLabels[np.Kind]
		issuer, err := h.unitNames(ctx, np.IssuingUnitID)
		if err != nil {
			return v, err
		}
		v.NewPlanIssuer = issuer[np.IssuingUnitID]
	}
	v.Tables, v.Sheets = importTables(st.Doc, res, d.Settings)
	v.Rows, v.Tasks, v.SubTasks, v.Sections = importRows(res, names)
	v.Unmatched = unmatchedNames(res, st.Dir)
	v.Chosen = chosenNames(res, d.Settings.Choices, names)

	assign, _ := pickerFor("lead_unit_id", false)
	assign.Label = "Tìm đơn vị trong danh sách"
	if err := h.fillPicker(r, &assign, nil, ""); err != nil {
		return v, err
	}
	if v.AssignPicker, err = h.pickerHTML(assign); err != nil {
		return v, err
	}
	if v.CanCreateUnit {
		parent, _ := pickerFor("parent_id", true)
		if err := h.fillPicker(r, &parent, []int64{uf.ParentID}, ""); err != nil {
			return v, err
		}
		if v.ParentPicker, err = h.pickerHTML(parent); err != nil {
			return v, err
		}
	}
	into := "kế hoạch mới"
	if st.Plan != nil {
		into = "kế hoạch “" + st.Plan.Title + "”"
	} else if v.NewPlan != nil {
		into = "kế hoạch mới “" + v.NewPlan.Title + "” (dự thảo)"
	}
	v.ConfirmText = fmt.Sprintf("Nhập %d nhiệm vụ và %d nhiệm vụ con vào %s?", v.Tasks, v.SubTasks, into)
	if n := len(v.Unmatched); n > 0 {
		v.ConfirmText += fmt.Sprintf(" %d tên cơ quan chưa khớp sẽ chỉ được giữ dạng chữ, không giao việc cho đơn vị nào.", n)
	}
	return v, nil
}

// agencyNames returns the current names of every unit and group, keyed by
// choiceValue, to show what a name was matched to.
func (h *Handler) agencyNames(ctx context.Context, groups []org.Group) (map[string]string, error) {
	units, err := h.app.Units.All(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(units)+len(groups))
	for _, u := range units {
		names[choiceValue(importer.Choice{UnitID: u.ID})] = u.Name
	}
	for _, g := range groups {
		names[choiceValue(importer.Choice{GroupID: g.ID})] = g.Name
	}
	return names, nil
}

// importTables lists the document's tables with their columns' roles, and
// the sheet names of a workbook that has several.
func importTables(doc doctable.Document, res importer.Result, s importer.DraftSettings) ([]importTable, []string) {
	var tables []importTable
	for _, t := range res.Tables {
		it := importTable{Index: t.Index, Name: t.Name, Source: importer.SourceLabel(t.Source), Used: t.Used,
			Guessed: t.Guessed, Rows: t.Rows}
		_, it.Overridden = s.Columns[t.Index]
		for j, role := range t.Roles {
			c := importColumn{Index: j, Role: role, Label: importer.RoleLabel(role)}
			if j < len(t.Headers) {
				c.Header = t.Headers[j]
			}
			it.Columns = append(it.Columns, c)
		}
		tables = append(tables, it)
	}
	var sheets []string
	if doc.Format == doctable.XLSX {
		for _, b := range doc.Blocks {
			if b.Table != nil && b.Table.Name != "" && !slices.Contains(sheets, b.Table.Name) {
				sheets = append(sheets, b.Table.Name)
			}
		}
		if len(sheets) < 2 {
			sheets = nil
		}
	}
	return tables, sheets
}

// importRows turns the read tasks into preview rows and counts the tasks,
// sub-tasks and sections.
func importRows(res importer.Result, names map[string]string) (rows []importRow, tasks, subTasks, sections int) {
	seen := map[string]bool{}
	prev := ""
	rows = make([]importRow, 0, len(res.Tasks))
	for _, t := range res.Tasks {
		row := importRow{Seq: t.Seq, Title: t.Title, Product: t.Product, DefaultLead: t.DefaultLead,
			Inherited: t.Inherited, ScheduleText: t.ScheduleText, Understood: t.Schedule.Understood,
			Warnings: t.Warnings, Source: importer.SourceLabel(t.Source), Area: t.Area}
		for p := t.Parent; p != nil; p = res.Tasks[*p].Parent {
			row.Depth++
		}
		if t.AreaID == 0 && t.Section != "" {
			row.Area, row.NewArea = t.Section, true
		}
		if row.Understood {
			row.When = scheduleDates(t.Schedule)
			row.Recurrence = plan.RecurrenceLabels[t.Schedule.Recurrence]
			if t.Schedule.Recurrence == schedule.OneOff {
				row.Recurrence = ""
			}
		}
		row.Lead = importAgencies(t.Lead, names)
		row.Coordinating = importAgencies(t.Coordinating, names)
		if t.Parent == nil {
			tasks++
		} else {
			subTasks++
		}
		k := t.Group + "|" + t.Section
		if t.Section != "" && !seen[k] {
			seen[k] = true
			sections++
		}
		if k != prev && (t.Group != "" || t.Section != "") {
			row.Section = strings.TrimPrefix(t.Group+" — "+t.Section, " — ")
			row.Section = strings.TrimSuffix(row.Section, " — ")
		}
		prev = k
		rows = append(rows, row)
	}
	return rows, tasks, subTasks, sections
}

// scheduleDates says which days a schedule understood, dd/mm/yyyy: "hạn
// 31/05/2026", "01/01/2026 – 31/12/2026", "các mốc 30/06/2026, 31/12/2026",
// "từ 01/01/2026"; for a schedule with no day, what it waits for.
func scheduleDates(s schedule.Schedule) string {
	switch {
	case len(s.Milestones) > 0:
		ms := make([]string, len(s.Milestones))
		for i, m := range s.Milestones {
			ms[i] = m.VN()
		}
		return "các mốc " + strings.Join(ms, ", ")
	case !s.Start.IsZero() && !s.Due.IsZero():
		return s.Start.VN() + " – " + s.Due.VN()
	case !s.Due.IsZero():
		return "hạn " + s.Due.VN()
	case !s.Start.IsZero():
		return "từ " + s.Start.VN()
	case s.Relative == schedule.RelativeEvent:
		return "chờ sự kiện, chưa có ngày"
	case s.Relative == schedule.RelativePlanYear:
		return "theo năm kế hoạch"
	case s.Recurrence != schedule.OneOff:
		return ""
	}
	return "không có thời hạn cố định"
}

// importAgencies turns a row's agencies into what the preview shows.
func importAgencies(as []agency.Agency, names map[string]string) []importAgency {
	out := make([]importAgency, 0, len(as))
	for _, a := range as {
		ia := importAgency{Text: a.Text, Unspecified: a.Unspecified}
		if ia.Text == "" {
			ia.Text = a.Name
		}
		switch {
		case a.UnitID != nil:
			ia.Matched = names[choiceValue(importer.Choice{UnitID: *a.UnitID})]
		case a.GroupID != nil:
			ia.Matched = names[choiceValue(importer.Choice{GroupID: *a.GroupID})]
		case !a.Unspecified:
			ia.Unmatched = true
		}
		out = append(out, ia)
	}
	return out
}

// The preview suggests at most maxCandidates units and groups for a name,
// those scoring at least minCandidateScore: below it, the names share only
// a common word such as "tỉnh".
const (
	maxCandidates     = 8
	minCandidateScore = 0.45
)

// unmatchedNames lists, in document order, each agency name (by
// agency.Key of the text as written) that matched no unit or group, with
// the number of tasks naming it and the units and groups it might mean.
func unmatchedNames(res importer.Result, dir *agency.Directory) []importName {
	var out []importName
	index := map[string]int{}
	counted := map[string]int{} // name key -> last task counted
	for i, t := range res.Tasks {
		for _, a := range slices.Concat(t.Lead, t.Coordinating) {
			if a.Unspecified || a.UnitID != nil || a.GroupID != nil {
				continue
			}
			text := a.Text
			if text == "" {
				text = a.Name
			}
			key := agency.Key(text)
			if key == "" {
				continue
			}
			j, ok := index[key]
			if !ok {
				j = len(out)
				index[key] = j
				out = append(out, importName{Key: key, Text: text, Candidates: candidates(a, dir)})
				counted[key] = -1
			}
			if counted[key] != i {
				counted[key] = i
				out[j].Tasks++
			}
		}
	}
	return out
}

// candidates returns the units and groups a name might mean, best first:
// the directory's near matches for the name as written and as normalised,
// with a score of at least minCandidateScore.
func candidates(a agency.Agency, dir *agency.Directory) []importOption {
	if dir == nil {
		return nil
	}
	cp := a
	found := dir.Resolve(&cp)
	found = append(found, dir.Search(a.Text, maxCandidates)...)
	if a.Name != a.Text {
		found = append(found, dir.Search(a.Name, maxCandidates)...)
	}
	slices.SortStableFunc(found, func(x, y agency.Candidate) int {
		switch {
		case x.Score > y.Score:
			return -1
		case x.Score < y.Score:
			return 1
		}
		return 0
	})
	var out []importOption
	seen := map[string]bool{}
	for _, c := range found {
		v := choiceValue(importer.Choice{UnitID: c.UnitID, GroupID: c.GroupID})
		if seen[v] || c.UnitID == 0 && c.GroupID == 0 || c.Score < minCandidateScore {
			continue
		}
		seen[v] = true
		out = append(out, importOption{Value: v, Label: c.Name})
		if len(out) == maxCandidates {
			break
		}
	}
	return out
}

// chosenNames lists the user's choices with the names as the document
// writes them and what they were matched to, in Vietnamese order.
func chosenNames(res importer.Result, choices map[string]importer.Choice, names map[string]string) []importChosen {
	if len(choices) == 0 {
		return nil
	}
	texts := map[string]string{}
	for _, t := range res.Tasks {
		for _, a := range slices.Concat(t.Lead, t.Coordinating) {
			if k := agency.Key(a.Text); a.Text != "" && texts[k] == "" {
				texts[k] = a.Text
			}
		}
	}
	out := make([]importChosen, 0, len(choices))
	for k, c := range choices {
		text := texts[k]
		if text == "" {
			text = k
		}
		target := names[choiceValue(c)]
		if target == "" {
			target = "(đơn vị không còn trong hệ thống)"
		}
		out = append(out, importChosen{Key: k, Text: text, Target: target})
	}
	coll := vn.NewCollator()
	slices.SortFunc(out, func(a, b importChosen) int { return coll.Compare(a.Text, b.Text) })
	return out
}
