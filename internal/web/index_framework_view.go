package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/index"
	"cchc/internal/valid"
)

// The reform index pages of frameworks (Chỉ số CCHC): the home page, a
// framework with its items, bands and stage, the item editor. Anyone
// signed in may read a framework once units can see it (from the
// self-assessment stage on); a draft, and every change, is for those who
// may ManageIndex.

// indexStage is a framework's stage as the pages show it.
type indexStage struct{ Code, Label, Class string }

// indexStageOf returns how stage is shown: its Vietnamese label and the
// badge class.
func indexStageOf(stage string) indexStage {
	switch stage {
	case index.StageDraft:
		return indexStage{stage, index.StageLabel(stage), "off"}
	case index.StageSelf:
		return indexStage{stage, index.StageLabel(stage), "rp-draft"}
	case index.StageAppraisal:
		return indexStage{stage, index.StageLabel(stage), "rp-submitted"}
	case index.StageFinal:
		return indexStage{stage, index.StageLabel(stage), "ok"}
	}
	return indexStage{stage, stage, ""}
}

// indexViewer is what the framework pages need to know of the signed-in
// user.
type indexViewer struct {
	// UnitID and UnitKind are the user's unit when the user may
	// self-assess it; UnitKind is "" otherwise.
	UnitID   int64
	UnitKind string
	// Manage: the user may ManageIndex (frameworks, stages, publishing).
	Manage bool
	// Units: the user sees every unit's assessment (Appraise).
	Units bool
}

func (h *Handler) indexViewerOf(r *http.Request) (indexViewer, error) {
	u := user(r)
	v := indexViewer{Manage: h.can(r, auth.ManageIndex, 0), Units: h.can(r, auth.Appraise, 0)}
	if u.UnitID == 0 || !h.can(r, auth.SelfAssess, u.UnitID) {
		return v, nil
	}
	unit, err := h.app.Units.Get(r.Context(), u.UnitID)
	if errors.Is(err, db.ErrNotFound) {
		return v, nil
	}
	if err != nil {
		return v, fmt.Errorf("index viewer: unit %d: %w", u.UnitID, err)
	}
	v.UnitID, v.UnitKind = unit.ID, unit.Kind
	return v, nil
}

// Sees reports whether v may read framework f: a draft is for those who
// manage the index only.
func (v indexViewer) Sees(f index.Framework) bool { return v.Manage || f.Stage != index.StageDraft }

// indexLink is a link of a framework's row.
type indexLink struct {
	Label, URL string
	Primary    bool
}

// indexOwnStatus is the viewer's own unit's assessment in a framework.
type indexOwnStatus struct {
	Label, URL string // URL "" when there is no assessment to open
}

// indexFrameworkRow is a framework as the home page lists it and the
// framework page heads it.
type indexFrameworkRow struct {
	F        index.Framework
	KindName string
	Stage    indexStage
	Deadline civil.Date
	Own      *indexOwnStatus
	Links    []indexLink
}

// indexFrameworkRowOf returns f's row for v: the unit's own assessment
// ("Tự đánh giá" while the stage is self and the unit has not submitted;
// its status otherwise) when f is for the kind of v's unit, the units'
// list for appraisers and coordinators, the results once final.
func (h *Handler) indexFrameworkRowOf(ctx context.Context, v indexViewer, f index.Framework, kindNames map[string]string) (indexFrameworkRow, error) {
	row := indexFrameworkRow{F: f, KindName: kindName(kindNames, f.UnitKind), Stage: indexStageOf(f.Stage), Deadline: f.Deadline()}
	id := strconv.FormatInt(f.ID, 10)
	if v.UnitKind != "" && v.UnitKind == f.UnitKind && f.Stage != index.StageDraft {
		a, err := h.app.Index.Assessment(ctx, f.ID, v.UnitID)
		switch {
		case errors.Is(err, db.ErrNotFound):
			if f.Stage == index.StageSelf {
				row.Links = append(row.Links, indexLink{Label: "Tự đánh giá", URL: "/index/frameworks/" + id + "/self", Primary: true})
			} else {
				row.Own = &indexOwnStatus{Label: "Chưa tự đánh giá"}
			}
		case err != nil:
			return row, err
		default:
			row.Own = &indexOwnStatus{Label: index.StatusLabel(a.Status), URL: "/index/assessments/" + strconv.FormatInt(a.ID, 10)}
			if f.Stage == index.StageSelf && a.Status == index.StatusDraft {
				row.Links = append(row.Links, indexLink{Label: "Tự đánh giá", URL: "/index/frameworks/" + id + "/self", Primary: true})
			}
		}
	}
	if v.Units && f.Stage != index.StageDraft {
		row.Links = append(row.Links, indexLink{Label: "Đơn vị", URL: "/index/frameworks/" + id + "/units"})
	}
	if f.Stage == index.StageFinal {
		row.Links = append(row.Links, indexLink{Label: "Kết quả", URL: "/index/frameworks/" + id + "/results"})
	}
	return row, nil
}

// indexFramework reads framework {id} for a page or an action: a 404 page
// when there is none, a 403 page when v may not see it (ok false then).
func (h *Handler) indexFramework(w http.ResponseWriter, r *http.Request, v indexViewer) (index.Framework, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return index.Framework{}, false
	}
	f, err := h.app.Index.Framework(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return index.Framework{}, false
	}
	if !v.Sees(f) {
		h.forbidden(w, r)
		return index.Framework{}, false
	}
	return f, true
}

// indexManagedFramework is indexFramework for a change: the user must
// ManageIndex.
func (h *Handler) indexManagedFramework(w http.ResponseWriter, r *http.Request) (index.Framework, bool) {
	if !h.can(r, auth.ManageIndex, 0) {
		h.forbidden(w, r)
		return index.Framework{}, false
	}
	return h.indexFramework(w, r, indexViewer{Manage: true})
}

// indexFrameworkURL is the address of framework id's page.
func indexFrameworkURL(id int64) string { return "/index/frameworks/" + strconv.FormatInt(id, 10) }

// indexMergeErrors adds a store refusal to errs: field messages under their
// keys, a rule problem under key (shown above the list it concerns). It
// reports whether err was a refusal; other errors are left to the caller.
func indexMergeErrors(err error, errs valid.Errors, key string) bool {
	if fe, ok := valid.As(err); ok {
		for k, msg := range fe {
			errs.Add(k, msg)
		}
		return true
	}
	if msg := valid.Message(err); msg != "" {
		errs.Add(key, msg)
		return true
	}
	return false
}
