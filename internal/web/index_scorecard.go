package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/org"
)

// scorecardRow is a line of a unit's scorecard: a field, criterion or
// sub-criterion with its figures written out ("" where a column does not
// apply, "—" where a figure is not given or not shown yet).
type scorecardRow struct {
	Number, Title                                 string
	Level                                         string // index.LevelField, LevelCriterion, LevelSub
	Leaf                                          bool
	NotApplicable                                 bool
	Max, Survey, Self, Appraised, Achieved, Index string
}

// scorecardPage is what index_scorecard.html draws.
type scorecardPage struct {
	Framework index.Framework
	KindName  string
	Unit      org.Unit
	Stage     indexStage
	Final     bool
	// Result is the unit's line of the results; nil when the unit has no
	// assessment in the framework.
	Result *index.UnitResult
	Ranked int // how many units are ranked
	Status string
	Rank   string
	Index  string
	Change string
	Bonus  string
	Rows   []scorecardRow
	Total  scorecardRow
	Hidden bool // the appraisal is under way: only self-scores are shown
	// ShowRank: the rank is shown; to the unit's own users only
	// once the results are final, as other units are still being appraised.
	ShowRank bool
	Details  string // the assessment's page, for who may open it; ""
	AllURL   string // the ranking, for who may see it; ""
}

// indexScorecard is a unit's scorecard in a framework (DOMAIN §7): for
// every field, criterion and sub-criterion, STT | title | maximum | survey
// points | self-assessed | appraised | achieved | index, with the unit's
// rank, band and change from last year on top. The unit's own users
// (ViewUnit) and who may view, manage or appraise the index see it at any
// stage; everyone signed in once the results are published. While the
// appraisal of the unit is under way, its own users see only their
// self-scores.
func (h *Handler) indexScorecard(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	unitID, ok := h.pathID(w, r, "unit")
	if !ok {
		return
	}
	ctx := r.Context()
	f, err := h.app.Index.Framework(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	unit, err := h.app.Units.GetRow(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	all := h.resultsSeesAll(r, f)
	own := h.can(r, auth.ViewUnit, unitID)
	if !all && !own || f.Stage == index.StageDraft && !h.can(r, auth.ManageIndex, 0) {
		h.forbidden(w, r)
		return
	}
	res, err := h.app.Index.Results(ctx, f.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	p := scorecardPage{Framework: f, KindName: kindName(kinds, f.UnitKind), Unit: unit, Stage: indexStageOf(f.Stage),
		Final: f.Stage == index.StageFinal}
	if all {
		p.AllURL = "/index/frameworks/" + strconv.FormatInt(f.ID, 10) + "/results"
	}
	for i := range res.Units {
		if res.Units[i].Rank != nil {
			p.Ranked++
		}
		if res.Units[i].UnitID == unitID {
			p.Result = &res.Units[i]
		}
	}
	if p.Result == nil {
		if unit.Kind != f.UnitKind {
			h.notFound(w, r)
			return
		}
		h.renderPage(w, r, http.StatusOK, "index_scorecard", &Page{Title: "Kết quả Chỉ số CCHC · " + unit.Name, Data: p})
		return
	}
	a, err := h.app.Index.Assessment(ctx, f.ID, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	scores, err := h.app.Index.Scores(ctx, a.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	privileged := h.can(r, auth.ViewIndex, 0) || h.can(r, auth.ManageIndex, 0) || h.can(r, auth.Appraise, 0)
	p.Hidden = !privileged && !f.Published && (a.Status == index.StatusDraft || a.Status == index.StatusSubmitted)
	p.ShowRank = !p.Hidden && (privileged || f.Published || f.Stage == index.StageFinal)
	p.Status = index.StatusLabel(a.Status)
	if own || h.can(r, auth.Appraise, 0) {
		p.Details = "/index/assessments/" + strconv.FormatInt(a.ID, 10)
	}
	u := *p.Result
	p.Rank, p.Index = u.RankText(), index.FormatIndex(index.RoundIndex(u.Points, u.Max))
	p.Change, p.Bonus = index.FormatChange(u.Change()), index.FormatBonusPenalty(u.Bonus, u.Penalty)
	p.Rows, p.Total = scorecardRows(res.Tree, scores, u, p.Hidden)
	h.renderPage(w, r, http.StatusOK, "index_scorecard", &Page{Title: "Kết quả Chỉ số CCHC · " + unit.Name, Data: p})
}

// scorecardSum is what a field or criterion adds up from its applicable
// leaves.
type scorecardSum struct {
	max, survey, self, appraised, achieved rule.Points // score and survey leaves
	signed, signedSelf                     rule.Points // bonus (+) and penalty (−) leaves
	scored, surveyed, bonus                bool        // it has such leaves
}

// scorecardRows returns the scorecard's lines in tree order and its total
// line. A leaf without a score row counts as applicable and unscored, as
// index.Compute does; so do the sums, which therefore agree with the
// unit's component indices. With hidden, appraised and achieved points
// and indices are left out ("—").
func scorecardRows(tree index.Tree, scores []index.Score, u index.UnitResult, hidden bool) ([]scorecardRow, scorecardRow) {
	byItem := make(map[int64]*index.Score, len(scores))
	for i := range scores {
		byItem[scores[i].ItemID] = &scores[i]
	}
	sums := map[int64]*scorecardSum{}
	leafRows := map[int64]scorecardRow{}
	for _, it := range tree.Leaves() {
		sc := byItem[it.ID]
		row := scorecardRow{Number: it.Number, Title: it.Title, Level: it.Level, Leaf: true}
		if sc != nil && !sc.Applicable {
			row.NotApplicable = true
			leafRows[it.ID] = row
			continue
		}
		var self, appraised, survey *rule.Points
		if sc != nil {
			self, appraised, survey = sc.SelfPoints, sc.AppraisedPoints, sc.SurveyPoints
		}
		final := scorecardOr(appraised, scorecardOr(self, 0))
		add := func(fn func(s *scorecardSum)) {
			for _, anc := range tree.Ancestors(it.ID) {
				s := sums[anc.ID]
				if s == nil {
					s = &scorecardSum{}
					sums[anc.ID] = s
				}
				fn(s)
			}
		}
		switch it.Kind {
		case index.KindScore:
			row.Max, row.Self, row.Appraised = it.MaxPoints.String(), scorecardText(self), scorecardText(appraised)
			row.Achieved, row.Index = final.String(), scorecardIndex(final, it.MaxPoints)
			add(func(s *scorecardSum) {
				s.max += it.MaxPoints
				s.self += scorecardOr(self, 0)
				s.appraised += final
				s.achieved += final
				s.scored = true
			})
		case index.KindSurvey:
			got := scorecardOr(survey, 0)
			row.Max, row.Survey = it.MaxPoints.String(), scorecardText(survey)
			row.Achieved, row.Index = got.String(), scorecardIndex(got, it.MaxPoints)
			add(func(s *scorecardSum) {
				s.max += it.MaxPoints
				s.survey += got
				s.achieved += got
				s.surveyed = true
			})
		case index.KindBonus, index.KindPenalty:
			sign := rule.Points(1)
			if it.Kind == index.KindPenalty {
				sign = -1
			}
			row.Max = "tối đa " + it.MaxPoints.String()
			row.Self, row.Appraised = scorecardSigned(self, sign), scorecardSigned(appraised, sign)
			row.Achieved = scorecardSigned(&final, sign)
			add(func(s *scorecardSum) {
				s.signed += sign * final
				s.signedSelf += sign * scorecardOr(self, 0)
				s.bonus = true
			})
		}
		if hidden {
			row.Appraised, row.Achieved, row.Index = scorecardHidden(row.Appraised), scorecardHidden(row.Achieved),
				scorecardHidden(row.Index)
		}
		leafRows[it.ID] = row
	}
	var rows []scorecardRow
	for _, it := range tree.Items {
		if row, ok := leafRows[it.ID]; ok {
			rows = append(rows, row)
			continue
		}
		row := scorecardRow{Number: it.Number, Title: it.Title, Level: it.Level}
		s := sums[it.ID]
		switch {
		case s == nil:
			row.NotApplicable = true
		case s.scored || s.surveyed:
			row.Max, row.Achieved, row.Index = s.max.String(), s.achieved.String(), scorecardIndex(s.achieved, s.max)
			if s.scored {
				row.Self, row.Appraised = s.self.String(), s.appraised.String()
			}
			if s.surveyed {
				row.Survey = s.survey.String()
			}
		case s.bonus:
			row.Self, row.Appraised, row.Achieved = scorecardSigned(&s.signedSelf, 1), scorecardSigned(&s.signed, 1),
				scorecardSigned(&s.signed, 1)
		}
		if hidden {
			row.Appraised, row.Achieved, row.Index = scorecardHidden(row.Appraised), scorecardHidden(row.Achieved),
				scorecardHidden(row.Index)
		}
		rows = append(rows, row)
	}
	total := scorecardRow{Title: "Tổng cộng", Max: u.Max.String(), Survey: u.Survey.String(), Self: u.Self.String(),
		Appraised: u.Appraised.String(), Achieved: u.Points.String(), Index: scorecardIndex(u.Points, u.Max)}
	if hidden {
		total.Appraised, total.Achieved, total.Index = "—", "—", "—"
	}
	return rows, total
}

func scorecardOr(p *rule.Points, or rule.Points) rule.Points {
	if p == nil {
		return or
	}
	return *p
}

// scorecardText writes points, "—" when not given.
func scorecardText(p *rule.Points) string {
	if p == nil {
		return "—"
	}
	return p.String()
}

// scorecardSigned writes bonus (sign 1) or penalty (sign −1) points with
// their sign: "+1", "−0,5", "0"; "—" when not given.
func scorecardSigned(p *rule.Points, sign rule.Points) string {
	switch {
	case p == nil:
		return "—"
	case *p*sign > 0:
		return "+" + (*p * sign).String()
	case *p*sign < 0:
		return "−" + (-*p * sign).String()
	}
	return "0"
}

// scorecardIndex writes points ÷ maxPoints as a percentage, "" when
// maxPoints is 0.
func scorecardIndex(points, maxPoints rule.Points) string {
	if maxPoints <= 0 {
		return ""
	}
	return index.FormatIndex(index.RoundIndex(points, maxPoints))
}

// scorecardHidden hides a figure of the appraisal while it is under way.
func scorecardHidden(s string) string {
	if s == "" {
		return ""
	}
	return "—"
}
