package web

import (
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// indexSelfScore saves one item's self-score: what its rule needs (points,
// yes or no, a percentage, on time / late / not done, an answer A-D),
// whether it applies (optional items only, with the reason) and the
// explanation. htmx posts the row on every change and gets the row back
// (status 200) with the computed points or the messages beside the
// inputs, and the totals swapped out of band; without JavaScript the
// row's "Lưu" button posts the same form and is redirected back to the
// row, or shown the page again (422) with the messages on the row. It
// needs SelfAssess on the unit.
func (h *Handler) indexSelfScore(w http.ResponseWriter, r *http.Request) {
	d, ok := h.selfLoad(w, r, true)
	if !ok {
		return
	}
	it, ok := h.selfLeaf(w, r, d)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được điểm tự chấm gửi lên.")
		return
	}
	form := selfFormOf(r)
	needs := selfNeeds(it)
	errs := valid.Errors{}
	switch {
	case needs == selfNeedSurvey:
		errs.Add("form", "Tiêu chí "+it.Number+" lấy điểm từ kết quả điều tra xã hội học: đơn vị không tự chấm.")
	case needs == rule.NeedAuto && !form.NotApplicable && d.scores[it.ID].Applicable:
		// Computed from cchc's data: nothing typed to save.
	default:
		in, perrs := form.input(needs)
		for k, v := range perrs {
			errs.Add(k, v)
		}
		if len(errs) > 0 {
			break
		}
		sc, err := h.app.Index.SelfScore(r.Context(), d.a.ID, it.ID,
			index.SelfInput{Applicable: !form.NotApplicable, Input: in, Explanation: form.Explanation}, user(r).ID)
		if err != nil {
			if !mergeErrors(err, errs, "input", "applicable", "explanation") {
				h.serverError(w, r, err)
				return
			}
			break
		}
		d.scores[it.ID] = sc
	}
	live := r.Header.Get("HX-Request") == "true"
	if !live && len(errs) == 0 {
		h.redirectFlash(w, r, selfItemURL(d.a.ID, it.ID), "success", "Đã lưu điểm tự chấm tiêu chí "+it.Number+".")
		return
	}
	p, err := h.selfBuild(r, d)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	row := p.rows[it.ID]
	if len(errs) > 0 {
		row.Errors = errs
		row.typed(form, needs)
	}
	status := http.StatusUnprocessableEntity
	if live {
		row.Saved = len(errs) == 0
		p.Live, status = row, http.StatusOK
	}
	h.selfRender(w, r, p, status)
}

// selfNeedSurvey is what a survey item needs: nothing from the unit.
const selfNeedSurvey = "survey"

// selfNeeds returns what the row of item it asks for: rule.Spec.Needs, or
// selfNeedSurvey for a survey item.
func selfNeeds(it index.Item) string {
	if it.Kind == index.KindSurvey {
		return selfNeedSurvey
	}
	return it.Rule.Needs()
}

// selfForm is a row's posted form, as typed.
type selfForm struct {
	NotApplicable bool
	Points        string // "1,5" or "1.5"
	Yes           string // "yes", "no" or ""
	Ratio         string // a percentage: "93,5"
	Timeliness    string // rule.OnTime, rule.Late, rule.NotDone
	Answer        string // A, B, C, D
	Explanation   string
}

func selfFormOf(r *http.Request) selfForm {
	return selfForm{
		NotApplicable: r.PostFormValue("not_applicable") != "",
		Points:        strings.TrimSpace(r.PostFormValue("points")),
		Yes:           r.PostFormValue("yes"),
		Ratio:         strings.TrimSpace(r.PostFormValue("ratio")),
		Timeliness:    r.PostFormValue("timeliness"),
		Answer:        strings.ToUpper(strings.TrimSpace(r.PostFormValue("answer"))),
		Explanation:   r.PostFormValue("explanation"),
	}
}

// input reads what a rule of needs takes from f. Text that is not a number
// is refused here, keyed "input"; what is missing or out of range is left
// to the rule, which says so in its words. A row declared not applicable
// needs no input.
func (f selfForm) input(needs string) (rule.Input, valid.Errors) {
	var in rule.Input
	if f.NotApplicable {
		return in, nil
	}
	switch needs {
	case rule.NeedPoints:
		if f.Points == "" {
			break
		}
		p, err := rule.ParsePoints(f.Points)
		if err != nil {
			return in, valid.Errors{"input": "Điểm “" + f.Points + "” không hợp lệ: hãy nhập một số, ví dụ 1,5."}
		}
		in.Points = &p
	case rule.NeedYes:
		switch f.Yes {
		case "yes", "no":
			yes := f.Yes == "yes"
			in.Yes = &yes
		case "":
		default:
			return in, valid.Errors{"input": "Hãy chọn Có hoặc Không."}
		}
	case rule.NeedRatio:
		if f.Ratio == "" {
			break
		}
		ratio, ok := selfParsePercent(f.Ratio)
		if !ok {
			return in, valid.Errors{"input": "Tỷ lệ “" + f.Ratio + "” không hợp lệ: hãy nhập số phần trăm, ví dụ 93,5."}
		}
		in.Ratio = &ratio
	case rule.NeedTimeliness:
		in.Timeliness = f.Timeliness
	case rule.NeedAnswer:
		in.Answer = f.Answer
	}
	return in, nil
}

// selfParsePercent reads "93,5", "93.5" or "93,5 %" as the ratio 0.935.
func selfParsePercent(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ",", ".")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v / 100, true
}

// selfPercentText writes a ratio as the percentage a unit types: 0.935 →
// "93,5".
func selfPercentText(ratio float64) string {
	s := strconv.FormatFloat(math.Round(ratio*10000)/100, 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1)
}

// selfPointsValue writes p for a number input, with a decimal point.
func selfPointsValue(p rule.Points) string { return strings.Replace(p.String(), ",", ".", 1) }

// selfRow is one scored item on the page: its rule, its control and
// value, the points it earns, the evidence and, once appraised, the
// appraisal.
type selfRow struct {
	AssessmentID int64
	Item         index.Item
	KindLabel    string // bonus and penalty items say so
	Needs        string // rule.Need*, or selfNeedSurvey
	RuleText     string
	Applicable   bool
	// The controls' values, as stored or as typed.
	Points, Yes, Ratio, Timeliness, Answer, Explanation string
	Step, Max                                           string // the number input's step and max ("0.25", "2")
	SelfPoints                                          string // the points earned, "" when not scored
	SelfText                                            string // "1,5 điểm", "Không áp dụng", "Chưa chấm"
	Explain                                             string // how the rule reached them
	Fact                                                *index.Fact
	FactLinks                                           []selfLink
	Evidence                                            []selfEvidence
	Editable                                            bool
	// The appraisal, shown once complete.
	ShowAppraisal   bool
	AppraisedText   string
	AppraisalReason string
	Differs         bool // the appraised points are not the self-score
	Changed         bool // Differs, or the council gave a reason
	SurveyPoints    string
	Response        string

	Errors  valid.Errors
	Saved   bool         // an htmx save just succeeded
	EvForm  selfEvForm   // the evidence form as typed
	Options *selfOptions // choices of the evidence form
}

// Err returns the message of the row's field ("input", "explanation",
// "ev.url", ...).
func (r *selfRow) Err(field string) string { return r.Errors[field] }

// EvOpen reports whether the evidence form should be shown open: it was
// refused.
func (r *selfRow) EvOpen() bool {
	for k := range r.Errors {
		if strings.HasPrefix(k, "ev.") {
			return true
		}
	}
	return false
}

// Action is where the row's score form posts.
func (r *selfRow) Action() string {
	return selfURL(r.AssessmentID) + "/items/" + strconv.FormatInt(r.Item.ID, 10)
}

// HasForm reports whether the row has anything to save: every self-scored
// item, and an automatic one only when it may be declared not applicable.
func (r *selfRow) HasForm() bool {
	return r.Needs != selfNeedSurvey && (r.Needs != rule.NeedAuto || r.Item.Optional)
}

// selfLink is a row of cchc an automatic score was computed from.
type selfLink struct {
	Title, Href string
}

// selfRowOf builds the row of item it of assessment aid scored sc, citing
// evs.
func selfRowOf(aid int64, it index.Item, sc index.Score, evs []index.Evidence, editable, showAppraisal bool) *selfRow {
	row := &selfRow{AssessmentID: aid, Item: it, Needs: selfNeeds(it), Applicable: sc.Applicable,
		Explanation: sc.Explanation, Editable: editable, ShowAppraisal: showAppraisal, Response: sc.Response}
	if it.Kind == index.KindBonus || it.Kind == index.KindPenalty {
		row.KindLabel = index.ItemKindLabel(it.Kind)
	}
	if row.Needs != selfNeedSurvey {
		row.RuleText = it.Rule.DescribeFor(it.MaxPoints)
	}
	step := it.Rule.Step
	if step <= 0 {
		step = 25 // the manual rule's default step, 0,25 điểm
	}
	row.Step, row.Max = selfPointsValue(step), selfPointsValue(it.MaxPoints)
	var in rule.Input
	if sc.Input != "" && json.Unmarshal([]byte(sc.Input), &in) == nil {
		if in.Points != nil {
			row.Points = selfPointsValue(*in.Points)
		}
		if in.Yes != nil {
			row.Yes = map[bool]string{true: "yes", false: "no"}[*in.Yes]
		}
		if in.Ratio != nil {
			row.Ratio = selfPercentText(*in.Ratio)
		}
		row.Timeliness, row.Answer = in.Timeliness, in.Answer
	}
	switch {
	case row.Needs == selfNeedSurvey:
		row.SelfText = ""
	case !sc.Applicable:
		row.SelfText = "Không áp dụng"
	case sc.SelfPoints == nil:
		row.SelfText = "Chưa chấm"
	default:
		row.SelfPoints = sc.SelfPoints.String()
		row.SelfText = row.SelfPoints + " điểm"
		if res, err := it.Rule.Score(it.MaxPoints, in); err == nil && row.Needs != rule.NeedPoints {
			row.Explain = res.Explain
		}
	}
	if row.Needs == rule.NeedAuto {
		row.Fact = selfFact(sc.Facts)
		if row.Fact != nil {
			for _, l := range row.Fact.Links {
				row.FactLinks = append(row.FactLinks, selfLink{Title: l.Title, Href: selfRefHref(l.Kind, l.ID)})
			}
		}
	}
	if sc.SurveyPoints != nil {
		row.SurveyPoints = sc.SurveyPoints.String()
	}
	for _, ev := range evs {
		row.Evidence = append(row.Evidence, selfEvidenceOf(ev))
	}
	if showAppraisal && row.Needs != selfNeedSurvey {
		switch {
		case !sc.Applicable:
			row.AppraisedText = "Không áp dụng"
		case sc.AppraisedPoints != nil:
			row.AppraisedText = sc.AppraisedPoints.String() + " điểm"
		case sc.SelfPoints != nil:
			row.AppraisedText = row.SelfText
		default:
			row.AppraisedText = "Chưa chấm"
		}
		row.AppraisalReason = sc.AppraisalReason
		row.Differs = sc.AppraisedPoints != nil && (sc.SelfPoints == nil || *sc.AppraisedPoints != *sc.SelfPoints)
		row.Changed = row.Differs || sc.AppraisalReason != ""
	}
	return row
}

// typed puts what was posted back into the row's controls, so a refused
// value is shown as typed.
func (r *selfRow) typed(f selfForm, needs string) {
	r.Applicable, r.Explanation = !f.NotApplicable, f.Explanation
	switch needs {
	case rule.NeedPoints:
		r.Points = f.Points
	case rule.NeedYes:
		r.Yes = f.Yes
	case rule.NeedRatio:
		r.Ratio = f.Ratio
	case rule.NeedTimeliness:
		r.Timeliness = f.Timeliness
	case rule.NeedAnswer:
		r.Answer = f.Answer
	}
}
