package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/index"
)

// The results pages of the reform index: the ranking of a framework's
// units, each unit's scorecard, their exports and the public page. Who
// may view, manage or appraise the index sees every unit's results at any
// stage; once the results are published everyone signed in does (and the
// public page shows the ranking); before that, a unit's own users see
// only their unit's scorecard.

// resultsRow is a unit's line of the ranking table.
type resultsRow struct {
	index.UnitResult
	Rank         string // "1", or "Không xếp hạng"
	Index        string // "87,35%"
	BonusPenalty string // "+1 / −0,5"; "" when neither
	Change       string // "+2,15" percentage points; "" without an index last year
	ChangeClass  string
	Components   []string // the component index of each of resultsPage.Fields; "" when it does not apply
	URL          string   // the unit's scorecard
}

// resultsBandCount is how many ranked units a band holds.
type resultsBandCount struct {
	Label string
	Units int
}

// resultsPage is what index_results.html draws.
type resultsPage struct {
	Framework index.Framework
	KindName  string
	Stage     indexStage
	Final     bool
	Fields    []index.Item // the fields with a component index, as extra columns
	Rows      []resultsRow // ranked units first, then those not ranked
	Ranked    int
	Bands     []resultsBandCount
	Lost      []index.ItemLoss
}

// indexResults is the results page of a framework (kết quả xếp hạng):
// the ranking table with the self-assessed, appraised and survey points,
// bonus and penalty, total, maximum, index, band, deviation of the
// self-assessment from the appraisal and change from last year, the
// component index of every field; the units not ranked after; the criteria
// where units lost the most points; links to each unit's scorecard and the
// exports. An officer who may not see every unit is sent to its own
// unit's scorecard.
func (h *Handler) indexResults(w http.ResponseWriter, r *http.Request) {
	f, ok := h.resultsFramework(w, r, true)
	if !ok {
		return
	}
	ctx := r.Context()
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
	p := resultsPage{Framework: f, KindName: kindName(kinds, f.UnitKind), Stage: indexStageOf(f.Stage),
		Final: f.Stage == index.StageFinal, Fields: resultsFieldColumns(res), Lost: res.Lost}
	counts := map[string]int{}
	for _, u := range res.Units {
		p.Rows = append(p.Rows, resultsRowOf(f.ID, u, p.Fields))
		if u.Rank != nil {
			p.Ranked++
			counts[u.Band]++
		}
	}
	for _, b := range res.Bands {
		p.Bands = append(p.Bands, resultsBandCount{Label: b.Label, Units: counts[b.Label]})
	}
	h.renderPage(w, r, http.StatusOK, "index_results", &Page{
		Title: "Kết quả Chỉ số CCHC năm " + strconv.Itoa(f.Year) + " · " + p.KindName, Data: p})
}

// resultsRowOf returns unit u's line in framework frameworkID, with its
// component indices on fields.
func resultsRowOf(frameworkID int64, u index.UnitResult, fields []index.Item) resultsRow {
	row := resultsRow{UnitResult: u, Rank: u.RankText(), Index: index.FormatIndex(index.RoundIndex(u.Points, u.Max)),
		BonusPenalty: index.FormatBonusPenalty(u.Bonus, u.Penalty), Change: index.FormatChange(u.Change()),
		URL: resultsScorecardURL(frameworkID, u.UnitID)}
	if ch := u.Change(); ch != nil {
		switch {
		case *ch >= 0.005:
			row.ChangeClass = "ok-text"
		case *ch <= -0.005:
			row.ChangeClass = "err-text"
		}
	}
	for _, f := range fields {
		c, ok := u.Components[f.ID]
		if !ok || c.Max == 0 {
			row.Components = append(row.Components, "")
			continue
		}
		row.Components = append(row.Components, index.FormatIndex(index.RoundIndex(c.Points, c.Max)))
	}
	return row
}

// resultsFieldColumns returns the fields that have a component index (a
// maximum above 0), in order.
func resultsFieldColumns(res index.Results) []index.Item {
	var out []index.Item
	for _, f := range res.Tree.Fields() {
		if f.MaxPoints > 0 {
			out = append(out, f)
		}
	}
	return out
}

// resultsScorecardURL is the address of a unit's scorecard in framework
// frameworkID.
func resultsScorecardURL(frameworkID, unitID int64) string {
	return "/index/frameworks/" + strconv.FormatInt(frameworkID, 10) + "/units/" + strconv.FormatInt(unitID, 10)
}

// resultsSeesAll reports whether the user sees every unit's results of
// f: who may view, manage or appraise the index, and everyone signed in
// once the results are published.
func (h *Handler) resultsSeesAll(r *http.Request, f index.Framework) bool {
	return f.Published || h.can(r, auth.ViewIndex, 0) || h.can(r, auth.ManageIndex, 0) || h.can(r, auth.Appraise, 0)
}

// resultsFramework reads framework {id} for a page of every unit's
// results; ok is false when a page has been written: 404 for an unknown
// framework, 403 for a draft to those who do not manage the index and for
// users who may not see every unit's results — except that, with
// toScorecard, a user whose unit is of the framework's kind is sent to
// that unit's scorecard instead.
func (h *Handler) resultsFramework(w http.ResponseWriter, r *http.Request, toScorecard bool) (index.Framework, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return index.Framework{}, false
	}
	f, err := h.app.Index.Framework(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return index.Framework{}, false
	}
	if f.Stage == index.StageDraft && !h.can(r, auth.ManageIndex, 0) {
		h.forbidden(w, r)
		return index.Framework{}, false
	}
	if h.resultsSeesAll(r, f) {
		return f, true
	}
	if u := user(r); toScorecard && u.UnitID != 0 {
		unit, err := h.app.Units.GetRow(r.Context(), u.UnitID)
		if err != nil {
			h.fail(w, r, err)
			return index.Framework{}, false
		}
		if unit.Kind == f.UnitKind {
			http.Redirect(w, r, resultsScorecardURL(f.ID, unit.ID), http.StatusSeeOther)
			return index.Framework{}, false
		}
	}
	h.forbidden(w, r)
	return index.Framework{}, false
}
