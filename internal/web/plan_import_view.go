package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"cchc/internal/agency"
	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/doctable"
	"cchc/internal/files"
	"cchc/internal/importer"
	"cchc/internal/plan"
)

// This file holds what the plan import pages share: loading a draft import
// for its owner, and reading its stored document again with its settings.
// The document is re-read on every page rather than kept as parsed rows:
// reading is fast, and a change of columns, year or agency choice then
// shows at once in every row.

// importURL is the address of a draft import's page, with an optional
// suffix.
func importURL(id int64, suffix string) string {
	return "/plan-imports/" + strconv.FormatInt(id, 10) + suffix
}

func yearStart(y int) civil.Date { return civil.New(y, time.January, 1) }
func yearEnd(y int) civil.Date   { return civil.New(y, time.December, 31) }

// openDraft loads the draft import {id} of the path for the user who
// uploaded it, or an administrator (the only role holding GrantAdmin); for
// anyone else it is "not found", so that another user's upload is not
// revealed. ok is false when a page has been written.
func (h *Handler) openDraft(w http.ResponseWriter, r *http.Request) (importer.Draft, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return importer.Draft{}, false
	}
	d, err := importer.GetDraft(r.Context(), h.app.DB, id)
	if err != nil {
		h.fail(w, r, err)
		return importer.Draft{}, false
	}
	if d.UserID != user(r).ID && !h.can(r, auth.GrantAdmin, 0) {
		h.notFound(w, r)
		return importer.Draft{}, false
	}
	return d, true
}

// openDraftToChange is openDraft for a page that changes the draft: a
// draft already confirmed sends the user to its plan instead.
func (h *Handler) openDraftToChange(w http.ResponseWriter, r *http.Request) (importer.Draft, bool) {
	d, ok := h.openDraft(w, r)
	if !ok {
		return d, false
	}
	if d.Done() {
		h.draftDone(w, r, d)
		return d, false
	}
	return d, true
}

// draftDone sends the user to the plan a confirmed draft went into.
func (h *Handler) draftDone(w http.ResponseWriter, r *http.Request, d importer.Draft) {
	if d.PlanID == nil {
		h.notFound(w, r)
		return
	}
	h.redirectFlash(w, r, planURL(*d.PlanID, ""), "info", "Tệp này đã được nhập vào kế hoạch.")
}

// importRead is a draft's document read with its settings.
type importRead struct {
	File   files.File
	Doc    doctable.Document
	Plan   *plan.Plan // the plan the tasks go into; nil while it is a new plan to create
	Result importer.Result
	Dir    *agency.Directory
}

// openImportFile returns the draft's stored document, read again.
func (h *Handler) openImportFile(ctx context.Context, d importer.Draft) (files.File, doctable.Document, error) {
	f, data, err := h.app.Files.Open(ctx, d.FileID)
	if err != nil {
		return files.File{}, doctable.Document{}, err
	}
	doc, err := doctable.Read(f.Name, data)
	if err != nil {
		return files.File{}, doctable.Document{}, fmt.Errorf("re-read import %d file %d %q: %w", d.ID, f.ID, f.Name, err)
	}
	return f, doc, nil
}

// readDraft re-reads the draft's document with its settings, the areas of
// its plan (or of the programme covering the new plan's first year) and the
// directory of units and groups, all through q.
func (h *Handler) readDraft(ctx context.Context, q db.Querier, d importer.Draft) (importRead, error) {
	f, doc, err := h.openImportFile(ctx, d)
	if err != nil {
		return importRead{}, err
	}
	var p *plan.Plan
	if d.PlanID != nil {
		got, err := plan.GetWith(ctx, q, *d.PlanID)
		if err != nil {
			return importRead{}, err
		}
		p = &got
	}
	res, dir, err := readImport(ctx, q, doc, d.Settings, p)
	if err != nil {
		return importRead{}, err
	}
	return importRead{File: f, Doc: doc, Plan: p, Result: res, Dir: dir}, nil
}

// readImport reads doc with the settings s into plan p (nil: the new plan
// s describes, not created yet).
func readImport(ctx context.Context, q db.Querier, doc doctable.Document, s importer.DraftSettings, p *plan.Plan) (importer.Result, *agency.Directory, error) {
	year := draftYear(s, p)
	var planID int64
	setupYear := year
	if p != nil {
		planID = p.ID
	} else if s.NewPlan != nil {
		setupYear = s.NewPlan.FromYear
	}
	areas, dir, err := importer.Setup(ctx, q, planID, setupYear)
	if err != nil {
		return importer.Result{}, nil, err
	}
	opts := s.Options()
	opts.Year, opts.Areas, opts.Directory = year, areas, dir
	return importer.Read(doc, opts), dir, nil
}

// draftYear is the plan year deadlines are read with: the year the user
// gave, else the year of the plan (or of the new plan) when it covers one
// calendar year, else 0, which lets the reader take it from the document's
// title.
func draftYear(s importer.DraftSettings, p *plan.Plan) int {
	switch {
	case s.Year != 0:
		return s.Year
	case p != nil:
		return planYear(*p)
	case s.NewPlan != nil && s.NewPlan.FromYear == s.NewPlan.ToYear:
		return s.NewPlan.FromYear
	}
	return 0
}

// yearSource says where the plan year used came from, for the preview.
func yearSource(s importer.DraftSettings, p *plan.Plan, used int) string {
	switch {
	case used == 0:
		return ""
	case s.Year != 0:
		return "năm do bạn nhập"
	case p != nil && planYear(*p) != 0:
		return "theo thời gian thực hiện của kế hoạch"
	case p == nil && s.NewPlan != nil && s.NewPlan.FromYear == s.NewPlan.ToYear:
		return "theo năm của kế hoạch mới"
	}
	return "theo tiêu đề của tài liệu"
}

// choiceValue is how a select offers a unit ("u:12") or a group ("g:3").
func choiceValue(c importer.Choice) string {
	if c.GroupID != 0 {
		return "g:" + strconv.FormatInt(c.GroupID, 10)
	}
	return "u:" + strconv.FormatInt(c.UnitID, 10)
}

// parseChoiceValue reads a select's "u:12" or "g:3"; ok is false for
// anything else.
func parseChoiceValue(s string) (importer.Choice, bool) {
	kind, num, found := strings.Cut(s, ":")
	id, err := strconv.ParseInt(num, 10, 64)
	if !found || err != nil || id <= 0 {
		return importer.Choice{}, false
	}
	switch kind {
	case "u":
		return importer.Choice{UnitID: id}, true
	case "g":
		return importer.Choice{GroupID: id}, true
	}
	return importer.Choice{}, false
}

// saveDraftSettings stores the draft's new settings and sends the user back
// to the preview at anchor with msg; a draft confirmed meanwhile sends them
// to its plan.
func (h *Handler) saveDraftSettings(w http.ResponseWriter, r *http.Request, d importer.Draft, s importer.DraftSettings, anchor, msg string) {
	err := importer.SaveDraftSettings(r.Context(), h.app.DB, d.ID, s)
	if errors.Is(err, importer.ErrDraftDone) {
		if d, err = importer.GetDraft(r.Context(), h.app.DB, d.ID); err == nil {
			h.draftDone(w, r, d)
			return
		}
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.redirectFlash(w, r, importURL(d.ID, anchor), "success", msg)
}
