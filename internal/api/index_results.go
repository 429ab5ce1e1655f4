package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/index"
)

// indexResultJSON is one unit's line of a framework's results. Points are
// numbers of points (1.25, not the 125 hundredths cchc stores); the index
// is points ÷ max × 100, rounded to two decimals.
type indexResultJSON struct {
	UnitID          int64   `json:"unit_id"`
	Rank            *int    `json:"rank"`
	Points          float64 `json:"points"`
	Max             float64 `json:"max"`
	IndexPercent    float64 `json:"index_percent"`
	SelfPoints      float64 `json:"self_points"`
	AppraisedPoints float64 `json:"appraised_points"`
	SurveyPoints    float64 `json:"survey_points"`
}

// indexResultsJSON is the answer of GET /api/v1/index/results.
type indexResultsJSON struct {
	Items []indexResultJSON `json:"items"`
	Total int               `json:"total"`
}

// indexResults answers GET /api/v1/index/results?year=2025&kind=KIND with
// the results of the reform index framework of that year and unit kind,
// one item per assessed unit in ranking order (ranked units by index
// descending, equal indices sharing a rank; then the units listed but not
// ranked, rank null). Points = appraised + survey + bonus − penalty. Users
// who may view, manage or appraise the index read every unit; once the
// results are published everyone does; other users get their own unit's
// line only (an empty list when their unit is not assessed). A missing or
// unreadable year or kind is 400; no framework for them, 404.
func (h *API) indexResults(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	yearText, kind := strings.TrimSpace(q.Get("year")), strings.TrimSpace(q.Get("kind"))
	year, err := strconv.Atoi(yearText)
	if err != nil || year < index.MinYear || year > index.MaxYear {
		h.badRequest(w, r, fmt.Sprintf("Tham số year=%q không hợp lệ: cần năm của bộ chỉ số, từ %d đến %d (ví dụ year=2025).",
			yearText, index.MinYear, index.MaxYear))
		return
	}
	kinds, err := h.app.Units.Kinds(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	known := false
	codes := make([]string, 0, len(kinds))
	for _, k := range kinds {
		known = known || k.Code == kind
		codes = append(codes, k.Code)
	}
	if !known {
		h.badRequest(w, r, fmt.Sprintf("Tham số kind=%q không hợp lệ: cần mã loại đơn vị (%s).", kind, strings.Join(codes, ", ")))
		return
	}
	f, err := h.app.Index.FrameworkFor(r.Context(), year, kind)
	if errors.Is(err, db.ErrNotFound) {
		h.error(w, r, http.StatusNotFound, codeNotFound,
			fmt.Sprintf("Chưa có bộ chỉ số cải cách hành chính năm %d cho loại đơn vị “%s”.", year, kind))
		return
	} else if err != nil {
		h.serverError(w, r, err)
		return
	}
	all := f.Published
	for _, action := range []auth.Action{auth.ViewIndex, auth.ManageIndex, auth.Appraise} {
		if all {
			break
		}
		if all, err = h.can(r, action, 0); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	res, err := h.app.Index.Results(r.Context(), f.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := indexResultsJSON{Items: []indexResultJSON{}}
	own := user(r).UnitID
	for _, u := range res.Units {
		if !all && u.UnitID != own {
			continue
		}
		out.Items = append(out.Items, indexResultJSON{UnitID: u.UnitID, Rank: u.Rank, Points: u.Points.Float(),
			Max: u.Max.Float(), IndexPercent: index.RoundIndex(u.Points, u.Max), SelfPoints: u.Self.Float(),
			AppraisedPoints: u.Appraised.Float(), SurveyPoints: u.Survey.Float()})
	}
	out.Total = len(out.Items)
	h.writeJSON(w, r, http.StatusOK, out)
}
