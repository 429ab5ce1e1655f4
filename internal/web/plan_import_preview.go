package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/files"
	"cchc/internal/importer"
	"cchc/internal/org"
	"cchc/internal/plan"
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
