package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"cchc/internal/auth"
	"cchc/internal/index"
	"cchc/internal/org"
	"cchc/internal/vn"
)

// indexUnitsNone is the status filter of units that have not opened their
// assessment ("chưa mở").
const indexUnitsNone = "none"

// indexUnitsStatuses are the status filters of the unit list, in the
// order of the cycle.
var indexUnitsStatuses = []string{indexUnitsNone, index.StatusDraft, index.StatusSubmitted, index.StatusAppraised,
	index.StatusResponded, index.StatusFinal}

// indexUnitsPage is what index_units.html draws: a framework's units with
// their assessments, the coordinator's tools (survey points, finalising)
// and what a refused action left to show.
type indexUnitsPage struct {
	Framework  index.Framework
	StageLabel string
	KindName   string
	Deadline   string
	Filter     string
	Chips      []indexUnitsChip
	Rows       []indexUnitsRow
	Total      int // units listed before filtering
	Waiting    int // submitted assessments not appraised yet

	Manage      bool // the coordinator's tools are shown
	HasSurvey   bool // the framework has survey items
	SurveyOpen  bool // survey points may be entered (self or appraisal stage)
	Finalisable bool // the framework is in the appraisal stage

	SurveyFile     string   // the name of the refused workbook
	SurveyError    string   // why the workbook was refused as a whole
	SurveyProblems []string // every bad cell, by row and column
	FinaliseError  string
	TopError       string // a refusal whose section is not shown
}

// indexUnitsChip is one status filter with its count.
type indexUnitsChip struct {
	Value, Label string
	Count        int
}

// indexUnitsRow is one unit of the list.
type indexUnitsRow struct {
	UnitID       int64
	UnitCode     string
	UnitName     string
	AssessmentID int64 // 0: not opened
	Status       string
	StatusLabel  string
	StatusClass  string
	Self         string // "" when there is nothing to show
	Appraised    string
	Survey       string // the survey points, when the framework has survey items
	Changed      int
	Ranked       bool
	Note         string // why the unit is not ranked
	CanAppraise  bool   // the "Thẩm định" link is shown
	CanReopen    bool   // the "Mở lại" button is shown

	NoteValue   string // the note typed in a refused "Không xếp hạng"
	RowError    string // why "Không xếp hạng" (or "Xếp hạng lại") was refused
	ActionError string // why "Mở lại" was refused
}

// indexUnitsNotes carries what a refused coordinator action shows on the
// list: the survey workbook's problems, the finalising refusal, or a
// row's refusal (by assessment id) with the note typed.
type indexUnitsNotes struct {
	SurveyFile     string
	SurveyError    string
	SurveyProblems []string
	FinaliseError  string
	RowID          int64
	RowError       string
	NoteValue      string
	ActionError    string
}

// indexUnitList lists every unit a framework assesses (the active units
// of its kind, and any unit with an assessment) with its assessment's
// status, self and appraised points, the items the appraisal changed and
// whether it is ranked, filtered by status (?status=). Appraisers get a
// "Thẩm định" link for assessments waiting for them; the coordinator gets
// survey points, "Không xếp hạng", "Mở lại" and finalising. It needs
// ViewIndex (appraisers, leaders, coordinators).
func (h *Handler) indexUnitList(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	if !h.can(r, auth.ViewIndex, 0) {
		h.forbidden(w, r)
		return
	}
	f, err := h.app.Index.Framework(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderIndexUnits(w, r, http.StatusOK, f, indexUnitsNotes{})
}

// renderIndexUnits draws the unit list of framework f with status and
// the notes of a refused action.
func (h *Handler) renderIndexUnits(w http.ResponseWriter, r *http.Request, status int, f index.Framework, n indexUnitsNotes) {
	p, err := h.indexUnitsBuild(r, f, r.URL.Query().Get("status"))
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	p.SurveyFile, p.SurveyError, p.SurveyProblems, p.FinaliseError = n.SurveyFile, n.SurveyError, n.SurveyProblems, n.FinaliseError
	switch {
	case n.FinaliseError != "" && !p.Finalisable:
		p.TopError = n.FinaliseError
	case (n.SurveyError != "" || len(n.SurveyProblems) > 0) && !(p.Manage && p.HasSurvey && p.SurveyOpen):
		p.TopError = n.SurveyError
		if p.TopError == "" {
			p.TopError = strings.Join(n.SurveyProblems, " ")
		}
	}
	if n.RowID != 0 {
		for i := range p.Rows {
			if p.Rows[i].AssessmentID == n.RowID {
				p.Rows[i].RowError, p.Rows[i].NoteValue, p.Rows[i].ActionError = n.RowError, n.NoteValue, n.ActionError
			}
		}
	}
	title := "Đơn vị được đánh giá · " + f.Title
	h.renderPage(w, r, status, "index_units", &Page{Title: title, Data: p})
}

// indexUnitsBuild gathers the list of framework f filtered by filter.
func (h *Handler) indexUnitsBuild(r *http.Request, f index.Framework, filter string) (indexUnitsPage, error) {
	ctx := r.Context()
	p := indexUnitsPage{Framework: f, StageLabel: index.StageLabel(f.Stage), Deadline: f.Deadline().VN(),
		Manage: h.can(r, auth.ManageIndex, 0), SurveyOpen: f.Stage == index.StageSelf || f.Stage == index.StageAppraisal,
		Finalisable: f.Stage == index.StageAppraisal}
	if !slices.Contains(indexUnitsStatuses, filter) {
		filter = ""
	}
	p.Filter = filter
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		return p, err
	}
	p.KindName = kindName(kinds, f.UnitKind)
	items, err := h.app.Index.Items(ctx, f.ID)
	if err != nil {
		return p, err
	}
	for _, it := range index.BuildTree(items).Leaves() {
		if it.Kind == index.KindSurvey {
			p.HasSurvey = true
		}
	}
	units, err := h.indexUnitsOfKind(ctx, f.UnitKind)
	if err != nil {
		return p, err
	}
	as, err := h.app.Index.Assessments(ctx, f.ID)
	if err != nil {
		return p, err
	}
	results, err := h.app.Index.Results(ctx, f.ID)
	if err != nil {
		return p, err
	}
	byUnit := make(map[int64]index.UnitResult, len(results.Units))
	for _, u := range results.Units {
		byUnit[u.UnitID] = u
	}
	changed, err := h.app.Index.ChangedCounts(ctx, f.ID)
	if err != nil {
		return p, err
	}
	assessed := make(map[int64]index.Assessment, len(as))
	for _, a := range as {
		assessed[a.UnitID] = a
	}
	// The active units in the units' order, then units no longer active
	// that have an assessment, in the assessments' order.
	listed := map[int64]bool{}
	var rows []indexUnitsRow
	for _, u := range units {
		listed[u.ID] = true
		rows = append(rows, indexUnitsRow{UnitID: u.ID, UnitCode: u.Code, UnitName: u.Name})
	}
	for _, a := range as {
		if !listed[a.UnitID] {
			rows = append(rows, indexUnitsRow{UnitID: a.UnitID, UnitName: byUnit[a.UnitID].UnitName})
		}
	}
	canAppraise := h.can(r, auth.Appraise, 0) || p.Manage
	counts := map[string]int{}
	for i := range rows {
		row := &rows[i]
		a, ok := assessed[row.UnitID]
		if !ok {
			row.Status, row.Ranked = indexUnitsNone, true
		} else {
			res := byUnit[row.UnitID]
			row.AssessmentID, row.Status, row.Ranked, row.Note = a.ID, a.Status, a.Ranked, a.UnrankedNote
			row.Self = res.Self.String()
			if p.HasSurvey {
				row.Survey = res.Survey.String()
			}
			switch a.Status {
			case index.StatusAppraised, index.StatusResponded, index.StatusFinal:
				row.Appraised = res.Appraised.String()
				row.Changed = changed[a.ID]
			}
			row.CanAppraise = canAppraise && f.Stage == index.StageAppraisal && (a.Status == index.StatusSubmitted ||
				a.Status == index.StatusAppraised || a.Status == index.StatusResponded)
			row.CanReopen = p.Manage && f.Stage == index.StageSelf && a.Status == index.StatusSubmitted
			if a.Status == index.StatusSubmitted {
				p.Waiting++
			}
		}
		row.StatusLabel, row.StatusClass = indexUnitsStatus(row.Status, a.SubmittedAt)
		counts[row.Status]++
	}
	p.Total = len(rows)
	for _, s := range indexUnitsStatuses {
		label, _ := indexUnitsStatus(s, nil)
		p.Chips = append(p.Chips, indexUnitsChip{Value: s, Label: label, Count: counts[s]})
	}
	for _, row := range rows {
		if filter == "" || row.Status == filter {
			p.Rows = append(p.Rows, row)
		}
	}
	return p, nil
}

// indexUnitsOfKind returns the units of kind that are still active today
// (no end, or an end not before today: the units Finalise gives an
// assessment), in the units' order.
func (h *Handler) indexUnitsOfKind(ctx context.Context, kind string) ([]org.Unit, error) {
	today := h.app.Index.Today()
	var out []org.Unit
	for offset := 0; ; offset += 1000 {
		page, total, err := h.app.Units.List(ctx, org.Filter{Kind: kind, Limit: 1000, Offset: offset})
		if err != nil {
			return nil, fmt.Errorf("units of kind %s: %w", kind, err)
		}
		for _, u := range page {
			if u.ActiveTo.IsZero() || !today.After(u.ActiveTo) {
				out = append(out, u)
			}
		}
		if len(page) == 0 || offset+len(page) >= total {
			return out, nil
		}
	}
}

// indexUnitsStatus names an assessment's status ("none": not opened) and
// its badge class; a submitted one says when it was submitted.
func indexUnitsStatus(status string, submittedAt *time.Time) (label, class string) {
	switch status {
	case indexUnitsNone:
		return "Chưa mở", "rp-none"
	case index.StatusDraft:
		return index.StatusLabel(status), "rp-draft"
	case index.StatusSubmitted:
		if submittedAt != nil {
			return "Đã nộp " + vn.FormatDate(submittedAt.In(vn.Location())), "rp-submitted"
		}
		return "Đã nộp", "rp-submitted"
	case index.StatusAppraised:
		return index.StatusLabel(status), "st-in_progress"
	case index.StatusResponded:
		return "Đã phản hồi", "st-paused"
	case index.StatusFinal:
		return index.StatusLabel(status), "rp-accepted"
	}
	return status, ""
}
