package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// indexAssessmentShow shows a unit's self-assessment in a framework: the
// header (unit, framework, status, deadline, running totals), then field
// by field, criterion by criterion, a row per scored item with the control
// its rule needs, the points it earns, the explanation and the evidence.
// The unit's officers edit it while it is a draft in the self stage; after
// submission it is read only; once appraised it shows the appraised points
// and reasons beside the self-scores, and the one response form. It may be
// read by whoever sees the unit (ViewUnit), appraisers and the
// coordinator.
func (h *Handler) indexAssessmentShow(w http.ResponseWriter, r *http.Request) {
	d, ok := h.selfLoad(w, r, false)
	if !ok {
		return
	}
	p, err := h.selfBuild(r, d)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.selfRender(w, r, p, http.StatusOK)
}

// selfData is an assessment with what its page is drawn from.
type selfData struct {
	a        index.Assessment
	f        index.Framework
	unit     org.Unit
	tree     index.Tree
	scores   map[int64]index.Score
	evidence map[int64][]index.Evidence
	canWrite bool // SelfAssess on the unit
}

// editable reports whether the unit may still change its self-scores and
// evidence (the store checks again).
func (d selfData) editable() bool {
	return d.canWrite && d.f.Stage == index.StageSelf && d.a.Status == index.StatusDraft
}

// selfCanView reports whether the user may read the assessments of unit
// unitID: those who see the unit, appraisers and the coordinator. Leaders
// of other units do not: a unit's working self-assessment is not a result.
func (h *Handler) selfCanView(r *http.Request, unitID int64) bool {
	return h.can(r, auth.ViewUnit, unitID) || h.can(r, auth.Appraise, unitID) || h.can(r, auth.ManageIndex, unitID)
}

// selfLoad reads the assessment of the {id} path value and everything its
// page shows, after checking that the user may read it (write false) or
// self-assess its unit (write true). ok is false when a page (404, 403) has
// been written.
func (h *Handler) selfLoad(w http.ResponseWriter, r *http.Request, write bool) (selfData, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return selfData{}, false
	}
	ctx := r.Context()
	a, err := h.app.Index.AssessmentByID(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return selfData{}, false
	}
	canWrite := h.can(r, auth.SelfAssess, a.UnitID)
	if write && !canWrite || !write && !canWrite && !h.selfCanView(r, a.UnitID) {
		h.forbidden(w, r)
		return selfData{}, false
	}
	d, err := h.selfRead(ctx, a)
	if err != nil {
		h.serverError(w, r, err)
		return selfData{}, false
	}
	d.canWrite = canWrite
	return d, true
}

// selfRead reads assessment a's framework, unit, items, scores and evidence.
func (h *Handler) selfRead(ctx context.Context, a index.Assessment) (selfData, error) {
	d := selfData{a: a}
	var err error
	if d.f, err = h.app.Index.Framework(ctx, a.FrameworkID); err != nil {
		return d, err
	}
	if d.unit, err = h.app.Units.Get(ctx, a.UnitID); err != nil {
		return d, err
	}
	items, err := h.app.Index.Items(ctx, a.FrameworkID)
	if err != nil {
		return d, err
	}
	d.tree = index.BuildTree(items)
	scores, err := h.app.Index.Scores(ctx, a.ID)
	if err != nil {
		return d, err
	}
	d.scores = make(map[int64]index.Score, len(scores))
	for _, sc := range scores {
		d.scores[sc.ItemID] = sc
	}
	evs, err := h.app.Index.EvidenceOf(ctx, a.ID)
	if err != nil {
		return d, err
	}
	d.evidence = map[int64][]index.Evidence{}
	for _, ev := range evs {
		d.evidence[ev.ItemID] = append(d.evidence[ev.ItemID], ev)
	}
	return d, nil
}

// selfPage is what index_assessment.html draws.
type selfPage struct {
	Assessment    index.Assessment
	Framework     index.Framework
	Unit          org.Unit
	Status        reportStatus // label and badge class
	StageLabel    string
	Deadline      civil.Date
	Timing        reportTiming // days left, while a draft
	Totals        selfTotals
	Sections      []*selfSection
	Editable      bool
	HasAuto       bool // some applicable item is computed from cchc's data
	ShowAppraisal bool
	CanRespond    bool
	Response      selfResponseForm
	Issues        []selfIssue // why submitting failed, in tree order
	FormError     string      // a refusal not tied to an item
	// Live is the row an htmx request changed: the answer is that row
	// alone, with the totals swapped out of band.
	Live *selfRow

	rows map[int64]*selfRow
}

// selfSection is a field (lĩnh vực) with its totals and its rows, grouped
// by criterion.
type selfSection struct {
	Item   index.Item
	Totals selfTotals
	Groups []selfGroup
}

// selfGroup is a criterion with its sub-criteria's rows, or (Heading nil)
// rows directly under the field.
type selfGroup struct {
	Heading *index.Item
	Rows    []*selfRow
}

// selfIssue is a reason an assessment could not be submitted, tied to a row.
type selfIssue struct {
	ItemID  int64
	Number  string
	Message string
}

// selfResponseForm is the unit's one response to the appraisal: an overall
// text and a text per item the appraisal changed.
type selfResponseForm struct {
	Overall string
	Items   []selfResponseItem
	Errors  valid.Errors
}

// selfResponseItem is an item the appraisal changed, with what the unit
// writes about it.
type selfResponseItem struct {
	ItemID                int64
	Number, Title         string
	SelfText, AppraisedAs string
	Value, Err            string
}

// Err returns the message of the response form's field.
func (f selfResponseForm) Err(field string) string { return f.Errors[field] }

// selfTotals adds up points the way the results do (see index.UnitResult):
// Max and Self over applicable score (and survey, for Max) leaves; bonus
// and penalty apart.
type selfTotals struct {
	ID                                int64 // the field's id; 0 for the whole assessment
	Max, Self, SelfBonus, SelfPenalty rule.Points
	Appraised, Survey, Bonus, Penalty rule.Points
	SurveyMax                         rule.Points // the part of Max scored by the survey
	HasBonus, HasPenalty              bool        // bonus or penalty items apply
	Scored, ToScore                   int         // self-scorable applicable leaves scored, and all of them
	Appraisal                         bool        // show the appraised figures
}

// SelfTotal is the self-assessed points with bonus and penalty.
func (t selfTotals) SelfTotal() rule.Points { return t.Self + t.SelfBonus - t.SelfPenalty }

// HasExtra reports whether bonus or penalty items apply.
func (t selfTotals) HasExtra() bool { return t.HasBonus || t.HasPenalty }

// SurveyOnly reports whether every point of the maximum comes from the
// survey: nothing to self-assess.
func (t selfTotals) SurveyOnly() bool { return t.Max > 0 && t.Max == t.SurveyMax }

// Points is the final points: appraised + survey + bonus − penalty.
func (t selfTotals) Points() rule.Points { return t.Appraised + t.Survey + t.Bonus - t.Penalty }

// SelfPercent is the self-assessed points of the score items over the
// maximum, "87,35%".
func (t selfTotals) SelfPercent() string { return selfPercent(t.Self, t.Max) }

// SelfIndex is the self-assessed index, bonus and penalty included.
func (t selfTotals) SelfIndex() string { return selfPercent(t.SelfTotal(), t.Max) }

// IndexPercent is the index after appraisal and survey, "87,35%".
func (t selfTotals) IndexPercent() string { return selfPercent(t.Points(), t.Max) }

// selfPercent writes p ÷ max as a percentage with at most two decimals and
// a decimal comma; "—" when max is 0.
func selfPercent(p, maxPoints rule.Points) string {
	if maxPoints <= 0 {
		return "—"
	}
	s := strconv.FormatFloat(float64(p)/float64(maxPoints)*100, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return strings.Replace(s, ".", ",", 1) + "%"
}

// add counts leaf it scored sc into t.
func (t *selfTotals) add(it index.Item, sc index.Score) {
	if !sc.Applicable {
		return
	}
	self := selfPointsOr(sc.SelfPoints, 0)
	final := selfPointsOr(sc.AppraisedPoints, self)
	switch it.Kind {
	case index.KindScore:
		t.Max += it.MaxPoints
		t.Self += self
		t.Appraised += final
	case index.KindSurvey:
		t.Max += it.MaxPoints
		t.SurveyMax += it.MaxPoints
		t.Survey += selfPointsOr(sc.SurveyPoints, 0)
	case index.KindBonus:
		t.SelfBonus += self
		t.Bonus += final
		t.HasBonus = true
	case index.KindPenalty:
		t.SelfPenalty += self
		t.Penalty += final
		t.HasPenalty = true
	}
	if it.Kind != index.KindSurvey && it.Rule.Type != rule.TypeAuto {
		t.ToScore++
		if sc.SelfPoints != nil {
			t.Scored++
		}
	}
}

func selfPointsOr(p *rule.Points, or rule.Points) rule.Points {
	if p == nil {
		return or
	}
	return *p
}

// selfStatus labels an assessment's status.
func selfStatus(status string) reportStatus {
	switch status {
	case index.StatusDraft:
		return reportStatus{Code: status, Label: index.StatusLabel(status), Class: "rp-draft"}
	case index.StatusSubmitted:
		return reportStatus{Code: status, Label: index.StatusLabel(status), Class: "rp-submitted"}
	case index.StatusAppraised:
		return reportStatus{Code: status, Label: index.StatusLabel(status), Class: "rp-accepted"}
	case index.StatusResponded:
		return reportStatus{Code: status, Label: index.StatusLabel(status), Class: "rp-accepted"}
	case index.StatusFinal:
		return reportStatus{Code: status, Label: index.StatusLabel(status), Class: "rp-accepted"}
	}
	return reportStatus{Code: status, Label: status}
}

// selfAppraised reports whether an assessment's appraisal is complete, so
// the unit sees it.
func selfAppraised(status string) bool {
	return status == index.StatusAppraised || status == index.StatusResponded || status == index.StatusFinal
}

// selfBuild turns d into the page: sections, rows, totals and the response
// form.
func (h *Handler) selfBuild(r *http.Request, d selfData) (*selfPage, error) {
	p := &selfPage{Assessment: d.a, Framework: d.f, Unit: d.unit, Status: selfStatus(d.a.Status),
		StageLabel: index.StageLabel(d.f.Stage), Deadline: d.f.Deadline(), Editable: d.editable(),
		ShowAppraisal: selfAppraised(d.a.Status), rows: map[int64]*selfRow{}}
	p.CanRespond = d.canWrite && d.f.Stage == index.StageAppraisal && d.a.Status == index.StatusAppraised
	if d.a.Status == index.StatusDraft {
		p.Timing = timingOf("", nil, p.Deadline, h.app.Index.Today())
	}
	var opts *selfOptions
	if p.Editable {
		o, err := h.selfEvidenceOptions(r, d)
		if err != nil {
			return nil, err
		}
		opts = &o
	}
	p.Totals.Appraisal = p.ShowAppraisal
	for _, top := range d.tree.Children(0) {
		sec := &selfSection{Item: top, Totals: selfTotals{ID: top.ID, Appraisal: p.ShowAppraisal}}
		if d.tree.IsLeaf(top.ID) {
			sec.Groups = append(sec.Groups, selfGroup{Rows: []*selfRow{p.selfAddRow(d, top, opts, sec)}})
		}
		for _, c := range d.tree.Children(top.ID) {
			if d.tree.IsLeaf(c.ID) {
				// Consecutive leaves directly under the field share a group
				// without a heading.
				if n := len(sec.Groups); n == 0 || sec.Groups[n-1].Heading != nil {
					sec.Groups = append(sec.Groups, selfGroup{})
				}
				last := &sec.Groups[len(sec.Groups)-1]
				last.Rows = append(last.Rows, p.selfAddRow(d, c, opts, sec))
				continue
			}
			grp := selfGroup{Heading: &c}
			for _, leaf := range selfLeavesUnder(d.tree, c.ID) {
				grp.Rows = append(grp.Rows, p.selfAddRow(d, leaf, opts, sec))
			}
			sec.Groups = append(sec.Groups, grp)
		}
		p.Sections = append(p.Sections, sec)
	}
	if p.ShowAppraisal {
		p.Response = selfResponseOf(p)
	}
	return p, nil
}

// selfAddRow builds the row of leaf it, counts it into the section's and
// the page's totals and returns it.
func (p *selfPage) selfAddRow(d selfData, it index.Item, opts *selfOptions, sec *selfSection) *selfRow {
	sc, ok := d.scores[it.ID]
	if !ok {
		sc = index.Score{AssessmentID: d.a.ID, ItemID: it.ID, Applicable: true}
	}
	row := selfRowOf(d.a.ID, it, sc, d.evidence[it.ID], p.Editable, p.ShowAppraisal)
	row.Options = opts
	sec.Totals.add(it, sc)
	p.Totals.add(it, sc)
	if sc.Applicable && it.Rule.Type == rule.TypeAuto && it.Kind != index.KindSurvey {
		p.HasAuto = true
	}
	p.rows[it.ID] = row
	return row
}

// selfLeavesUnder returns the leaves below item id, in tree order.
func selfLeavesUnder(t index.Tree, id int64) []index.Item {
	var out []index.Item
	for _, c := range t.Children(id) {
		if t.IsLeaf(c.ID) {
			out = append(out, c)
			continue
		}
		out = append(out, selfLeavesUnder(t, c.ID)...)
	}
	return out
}

// selfResponseOf returns the empty response form: a text per item the
// appraisal changed (another score or applicability, or a reason given).
func selfResponseOf(p *selfPage) selfResponseForm {
	var f selfResponseForm
	for _, sec := range p.Sections {
		for _, g := range sec.Groups {
			for _, row := range g.Rows {
				if !row.Changed {
					continue
				}
				f.Items = append(f.Items, selfResponseItem{ItemID: row.Item.ID, Number: row.Item.Number,
					Title: row.Item.Title, SelfText: row.SelfText, AppraisedAs: row.AppraisedText})
			}
		}
	}
	return f
}

// selfRender writes the page, or for an htmx request with a Live row that
// row and the totals.
func (h *Handler) selfRender(w http.ResponseWriter, r *http.Request, p *selfPage, status int) {
	title := "Tự đánh giá Chỉ số CCHC · " + p.Unit.Name
	h.renderPage(w, r, status, "index_assessment", &Page{Title: title, Data: p})
}

// selfURL is the address of assessment id's page.
func selfURL(id int64) string { return "/index/assessments/" + strconv.FormatInt(id, 10) }

// selfItemURL is the address of item itemID's row on assessment id's page.
func selfItemURL(id, itemID int64) string {
	return selfURL(id) + "#item-" + strconv.FormatInt(itemID, 10)
}

// selfFact reads the stored facts of an automatic item; nil when there are
// none or they cannot be read.
func selfFact(facts string) *index.Fact {
	if facts == "" {
		return nil
	}
	var f index.Fact
	if err := json.Unmarshal([]byte(facts), &f); err != nil {
		return nil
	}
	return &f
}

// selfLeaf returns item itemID of d when it is a scored leaf, else writes
// a 404.
func (h *Handler) selfLeaf(w http.ResponseWriter, r *http.Request, d selfData) (index.Item, bool) {
	itemID, ok := h.pathID(w, r, "item")
	if !ok {
		return index.Item{}, false
	}
	it, found := d.tree.ByID(itemID)
	if !found || !d.tree.IsLeaf(itemID) {
		h.notFound(w, r)
		return index.Item{}, false
	}
	return it, true
}

// selfLockedMessage says why d can no longer be changed by the user, or ""
// when it can.
func selfLockedMessage(d selfData) string {
	switch {
	case d.f.Stage != index.StageSelf:
		return fmt.Sprintf("Bộ chỉ số đang ở giai đoạn “%s”: không thể sửa bản tự chấm.", index.StageLabel(d.f.Stage))
	case d.a.Status != index.StatusDraft:
		return "Bản tự chấm đã nộp: không thể sửa điểm và tài liệu kiểm chứng."
	}
	return ""
}
