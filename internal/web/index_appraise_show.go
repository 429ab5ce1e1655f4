package web

import (
	"encoding/json"
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// appraisePage is what index_appraise.html draws: a unit's assessment item
// by item, the unit's side (input, self-score, evidence, explanation,
// automatic figures) beside the appraisal's (appraised points and reason),
// and the totals. Only, for an htmx save, is the one row to send back.
type appraisePage struct {
	Assessment    index.Assessment
	Framework     index.Framework
	UnitName      string
	StatusLabel   string
	StatusClass   string
	Editable      bool   // appraised scores may be set
	CanComplete   bool   // "Hoàn tất thẩm định" is shown
	Notice        string // why the page is read only
	Blocks        []appraiseBlock
	Totals        appraiseTotals
	CompleteError string
	Only          *appraiseRow
}

// appraiseBlock is a heading (a field or criterion) or a leaf's row.
type appraiseBlock struct {
	Heading *index.Item
	Row     *appraiseRow
}

// appraiseTotals sum the applicable leaves the unit scores itself: one
// line for the score items (the self and appraised points of the results
// table), one for bonus and one for penalty items when the framework has
// them, and the total (score + bonus − penalty).
type appraiseTotals struct {
	Max     string // of the score items
	Lines   []appraiseTotalLine
	Changed int
}

// appraiseTotalLine is one line of the totals: self-assessed, appraised
// (else self) and their difference, signed.
type appraiseTotalLine struct {
	Label, Self, Appraised, Difference string
}

// appraiseLine writes a line of the totals.
func appraiseLine(label string, self, appraised rule.Points) appraiseTotalLine {
	diff := (appraised - self).String()
	if appraised > self {
		diff = "+" + diff
	}
	return appraiseTotalLine{Label: label, Self: self.String(), Appraised: appraised.String(), Difference: diff}
}

// appraiseRow is one leaf: what the unit gave and what the appraisal set.
type appraiseRow struct {
	AssessmentID int64
	Item         index.Item
	KindLabel    string
	RuleText     string
	Survey       bool   // a survey item: points come from the survey, not the appraisal
	SurveyPoints string // "" when none yet
	Applicable   bool
	InputText    string // what the unit entered, as its rule reads it
	Self         string // "" when not scored
	Explanation  string
	Evidence     []appraiseLink
	Fact         *index.Fact
	FactLinks    []appraiseLink
	Appraised    string // the stored appraised points, "" when untouched
	Reason       string
	Changed      bool
	Response     string // the unit's response to the appraisal of this item
	Editable     bool

	// The form: the values shown in the boxes, and what saving said.
	PointsValue   string
	ReasonValue   string
	NotApplicable bool
	Saved         bool
	Errs          valid.Errors
}

// appraiseLink is a document shown beside an item: evidence the unit
// cited or a row an automatic figure came from.
type appraiseLink struct {
	Kind, Title, URL, Locator string
	External                  bool
}

// indexAppraiseShow shows a unit's assessment for appraisal: side by side
// per leaf, the unit's input, self-score, evidence and explanation (with
// the figures of automatic items), and the appraised points and reason,
// saved row by row; the unit's response when it responded; totals; and
// "Hoàn tất thẩm định". Outside the appraisal stage, or before the unit
// submitted, the page is read only. It needs Appraise or ManageIndex on the
// assessment's unit.
func (h *Handler) indexAppraiseShow(w http.ResponseWriter, r *http.Request) {
	a, ok := h.appraiseAccess(w, r)
	if !ok {
		return
	}
	p, err := h.appraiseBuild(r, a)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderAppraise(w, r, http.StatusOK, p)
}

// renderAppraise draws the appraisal page p with status.
func (h *Handler) renderAppraise(w http.ResponseWriter, r *http.Request, status int, p appraisePage) {
	title := "Thẩm định · " + p.UnitName + " · " + p.Framework.Title
	h.renderPage(w, r, status, "index_appraise", &Page{Title: title, Data: p})
}

// appraiseAccess reads the {id} assessment and checks that the user may
// appraise it; ok is false (and a page has been written) otherwise.
func (h *Handler) appraiseAccess(w http.ResponseWriter, r *http.Request) (index.Assessment, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return index.Assessment{}, false
	}
	a, err := h.app.Index.AssessmentByID(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return a, false
	}
	if !h.can(r, auth.Appraise, a.UnitID) && !h.can(r, auth.ManageIndex, a.UnitID) {
		h.forbidden(w, r)
		return a, false
	}
	return a, true
}

// appraiseURL is the appraisal page of assessment id.
func appraiseURL(id int64) string {
	return "/index/assessments/" + strconv.FormatInt(id, 10) + "/appraise"
}

// appraiseBuild reads what the appraisal page of a shows.
func (h *Handler) appraiseBuild(r *http.Request, a index.Assessment) (appraisePage, error) {
	ctx := r.Context()
	p := appraisePage{Assessment: a}
	var err error
	if p.Framework, err = h.app.Index.Framework(ctx, a.FrameworkID); err != nil {
		return p, err
	}
	unit, err := h.app.Units.Get(ctx, a.UnitID)
	if err != nil {
		return p, err
	}
	p.UnitName = unit.Name
	p.StatusLabel, p.StatusClass = indexUnitsStatus(a.Status, a.SubmittedAt)
	appraising := a.Status == index.StatusSubmitted || a.Status == index.StatusAppraised || a.Status == index.StatusResponded
	p.Editable = p.Framework.Stage == index.StageAppraisal && appraising
	p.CanComplete = p.Framework.Stage == index.StageAppraisal && a.Status == index.StatusSubmitted
	switch {
	case a.Status == index.StatusFinal || p.Framework.Stage == index.StageFinal:
		p.Notice = "Kết quả đánh giá đã chốt: chỉ xem, không sửa được điểm thẩm định."
	case a.Status == index.StatusDraft:
		p.Notice = "Đơn vị chưa nộp bản tự chấm: chưa thể thẩm định."
	case p.Framework.Stage != index.StageAppraisal:
		p.Notice = "Bộ chỉ số đang ở giai đoạn “" + index.StageLabel(p.Framework.Stage) +
			"”: chỉ thẩm định khi bộ chỉ số chuyển sang giai đoạn thẩm định."
	}
	items, err := h.app.Index.Items(ctx, a.FrameworkID)
	if err != nil {
		return p, err
	}
	scores, err := h.app.Index.Scores(ctx, a.ID)
	if err != nil {
		return p, err
	}
	evidence, err := h.app.Index.EvidenceOf(ctx, a.ID)
	if err != nil {
		return p, err
	}
	byItem := make(map[int64]index.Score, len(scores))
	for _, sc := range scores {
		byItem[sc.ItemID] = sc
	}
	cited := map[int64][]appraiseLink{}
	for _, ev := range evidence {
		cited[ev.ItemID] = append(cited[ev.ItemID], appraiseEvidenceLink(ev))
	}
	tree := index.BuildTree(items)
	var max rule.Points
	self, appraised, has := map[string]rule.Points{}, map[string]rule.Points{}, map[string]bool{}
	for _, it := range tree.Items {
		if !tree.IsLeaf(it.ID) {
			heading := it
			p.Blocks = append(p.Blocks, appraiseBlock{Heading: &heading})
			continue
		}
		sc, scored := byItem[it.ID]
		if !scored {
			// A leaf without a score row counts as applicable and unscored.
			sc = index.Score{AssessmentID: a.ID, ItemID: it.ID, Applicable: true}
		}
		row := appraiseRowOf(a.ID, it, sc, cited[it.ID])
		row.Editable = p.Editable && !row.Survey
		p.Blocks = append(p.Blocks, appraiseBlock{Row: &row})
		if it.Kind == index.KindSurvey {
			continue
		}
		has[it.Kind] = true
		if row.Changed {
			p.Totals.Changed++
		}
		if !sc.Applicable {
			continue
		}
		if it.Kind == index.KindScore {
			max += it.MaxPoints
		}
		s := appraisePointsOr(sc.SelfPoints, 0)
		self[it.Kind] += s
		appraised[it.Kind] += appraisePointsOr(sc.AppraisedPoints, s)
	}
	p.Totals.Max = max.String()
	p.Totals.Lines = append(p.Totals.Lines, appraiseLine("Điểm tự chấm và thẩm định", self[index.KindScore], appraised[index.KindScore]))
	if has[index.KindBonus] || has[index.KindPenalty] {
		if has[index.KindBonus] {
			p.Totals.Lines = append(p.Totals.Lines, appraiseLine("Điểm thưởng", self[index.KindBonus], appraised[index.KindBonus]))
		}
		if has[index.KindPenalty] {
			p.Totals.Lines = append(p.Totals.Lines, appraiseLine("Điểm trừ", self[index.KindPenalty], appraised[index.KindPenalty]))
		}
		total := func(m map[string]rule.Points) rule.Points {
			return m[index.KindScore] + m[index.KindBonus] - m[index.KindPenalty]
		}
		p.Totals.Lines = append(p.Totals.Lines, appraiseLine("Cộng (thưởng cộng, trừ trừ)", total(self), total(appraised)))
	}
	return p, nil
}

// appraiseRowOf builds the row of leaf it scored sc, with the evidence
// cited for it.
func appraiseRowOf(assessmentID int64, it index.Item, sc index.Score, evidence []appraiseLink) appraiseRow {
	row := appraiseRow{AssessmentID: assessmentID, Item: it, KindLabel: index.ItemKindLabel(it.Kind),
		Survey: it.Kind == index.KindSurvey, Applicable: sc.Applicable, Explanation: sc.Explanation,
		Evidence: evidence, Reason: sc.AppraisalReason, Response: sc.Response, NotApplicable: !sc.Applicable}
	if !row.Survey {
		row.RuleText = it.Rule.DescribeFor(it.MaxPoints)
	}
	if sc.SurveyPoints != nil {
		row.SurveyPoints = sc.SurveyPoints.String()
	}
	if sc.SelfPoints != nil {
		row.Self = sc.SelfPoints.String()
	}
	if sc.AppraisedPoints != nil {
		row.Appraised = sc.AppraisedPoints.String()
		row.Changed = sc.SelfPoints == nil || *sc.AppraisedPoints != *sc.SelfPoints
	} else if !sc.Applicable && sc.AppraisalReason != "" {
		row.Changed = true
	}
	row.PointsValue, row.ReasonValue = row.Appraised, sc.AppraisalReason
	if sc.Input != "" && sc.Applicable {
		var in rule.Input
		if json.Unmarshal([]byte(sc.Input), &in) == nil {
			if res, err := it.Rule.Score(it.MaxPoints, in); err == nil {
				row.InputText = res.Explain
			}
		}
	}
	if sc.Facts != "" {
		var fact index.Fact
		if json.Unmarshal([]byte(sc.Facts), &fact) == nil {
			row.Fact = &fact
			for _, l := range fact.Links {
				row.FactLinks = append(row.FactLinks, appraiseFactLink(l))
			}
		}
	}
	return row
}

// appraiseEvidenceLink describes a cited document with where it opens.
func appraiseEvidenceLink(ev index.Evidence) appraiseLink {
	l := appraiseLink{Title: ev.Title, Locator: ev.Locator}
	ref := func(p *int64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatInt(*p, 10)
	}
	switch {
	case ev.FileID != nil && (ev.RefKind == "" || ev.RefKind == index.EvidenceFile):
		l.Kind, l.URL = "Tệp", "/index/evidence/"+strconv.FormatInt(ev.ID, 10)+"/file"
	case ev.RefKind == index.EvidencePlan:
		l.Kind, l.URL = "Kế hoạch", "/plans/"+ref(ev.RefID)
	case ev.RefKind == index.EvidenceTask:
		l.Kind, l.URL = "Nhiệm vụ", "/work-items/"+ref(ev.RefID)
	case ev.RefKind == index.EvidenceReport:
		l.Kind, l.URL = "Báo cáo", "/reports/"+ref(ev.RefID)
	case ev.RefKind == index.EvidenceLink:
		l.Kind, l.URL, l.External = "Liên kết", ev.URL, true
	default:
		l.Kind = "Tài liệu"
	}
	if l.Title == "" {
		l.Title = l.URL
	}
	return l
}

// appraiseFactLink describes a row of cchc an automatic figure came from.
func appraiseFactLink(k index.Link) appraiseLink {
	l := appraiseLink{Title: k.Title}
	id := strconv.FormatInt(k.ID, 10)
	switch k.Kind {
	case index.LinkPlan:
		l.Kind, l.URL = "Kế hoạch", "/plans/"+id
	case index.LinkTask:
		l.Kind, l.URL = "Nhiệm vụ", "/work-items/"+id
	case index.LinkReport:
		l.Kind = "Báo cáo"
		if k.ID != 0 {
			l.URL = "/reports/" + id
		}
	}
	return l
}

// appraisePointsOr returns *p, or or when p is nil.
func appraisePointsOr(p *rule.Points, or rule.Points) rule.Points {
	if p == nil {
		return or
	}
	return *p
}
