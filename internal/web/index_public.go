package web

import (
	"net/http"
	"strconv"

	"cchc/internal/index"
)

// publicIndexItem is a published framework in the public list.
type publicIndexItem struct {
	Framework index.Framework
	KindName  string
}

// publicIndexRow is a unit's line of a public ranking.
type publicIndexRow struct {
	Rank, Unit, Points, Max, Index, Band string
	Ranked                               bool
}

// publicIndexPage is what index_public.html draws: the list of published
// frameworks, or one framework's ranking (Framework set).
type publicIndexPage struct {
	List      []publicIndexItem
	Framework *index.Framework
	KindName  string
	Rows      []publicIndexRow
}

// indexPublicList is the public page of reform index results (no sign-in
// needed): the frameworks whose results have been published, newest year
// first.
func (h *Handler) indexPublicList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	fs, err := h.app.Index.Frameworks(ctx, 0)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var p publicIndexPage
	for _, f := range fs {
		if f.Published {
			p.List = append(p.List, publicIndexItem{Framework: f, KindName: kindName(kinds, f.UnitKind)})
		}
	}
	h.renderPage(w, r, http.StatusOK, "index_public", &Page{Title: "Kết quả Chỉ số cải cách hành chính", Data: p})
}

// indexPublic is the public ranking of a published framework (no sign-in
// needed): rank, unit, points, maximum, index and band only. A framework
// that does not exist or is not published is 404, so the page tells
// nothing about results still being worked on.
func (h *Handler) indexPublic(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	ctx := r.Context()
	f, err := h.app.Index.Framework(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !f.Published {
		h.notFound(w, r)
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
	p := publicIndexPage{Framework: &f, KindName: kindName(kinds, f.UnitKind)}
	for _, u := range res.Units {
		p.Rows = append(p.Rows, publicIndexRow{Rank: u.RankText(), Unit: u.UnitName, Points: u.Points.String(),
			Max: u.Max.String(), Index: index.FormatIndex(index.RoundIndex(u.Points, u.Max)), Band: u.Band, Ranked: u.Rank != nil})
	}
	h.renderPage(w, r, http.StatusOK, "index_public", &Page{
		Title: "Kết quả Chỉ số cải cách hành chính năm " + strconv.Itoa(f.Year) + " · " + p.KindName, Data: p})
}
