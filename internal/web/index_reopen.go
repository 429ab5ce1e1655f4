package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/index"
	"cchc/internal/valid"
)

// indexReopen returns a submitted assessment to its unit as a draft (the
// coordinator's decision, while the framework is in the self stage) and
// goes back to the unit list with a message. A refusal shows the list
// again (422) with the reason on the unit's row. It needs ManageIndex on
// the assessment's unit.
func (h *Handler) indexReopen(w http.ResponseWriter, r *http.Request) {
	a, f, ok := h.indexUnitsAssessment(w, r)
	if !ok {
		return
	}
	if _, err := h.app.Index.Reopen(r.Context(), a.ID, user(r).ID); err != nil {
		msg := valid.Message(err)
		if msg == "" {
			h.fail(w, r, err)
			return
		}
		h.renderIndexUnits(w, r, http.StatusUnprocessableEntity, f, indexUnitsNotes{RowID: a.ID, ActionError: msg})
		return
	}
	names, err := h.unitNames(r.Context(), a.UnitID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.redirectFlash(w, r, indexUnitsURL(f.ID), "success",
		"Đã mở lại bản tự chấm của "+names[a.UnitID]+": đơn vị có thể sửa và nộp lại.")
}

// indexUnitsAssessment reads the {id} assessment and its framework and
// checks that the user may manage the index for its unit; ok is false
// (and a page has been written) otherwise.
func (h *Handler) indexUnitsAssessment(w http.ResponseWriter, r *http.Request) (index.Assessment, index.Framework, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return index.Assessment{}, index.Framework{}, false
	}
	a, err := h.app.Index.AssessmentByID(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return a, index.Framework{}, false
	}
	if !h.can(r, auth.ManageIndex, a.UnitID) {
		h.forbidden(w, r)
		return a, index.Framework{}, false
	}
	f, err := h.app.Index.Framework(r.Context(), a.FrameworkID)
	if err != nil {
		h.fail(w, r, err)
		return a, f, false
	}
	return a, f, true
}

// indexUnitsURL is the unit list of framework id.
func indexUnitsURL(id int64) string {
	return "/index/frameworks/" + strconv.FormatInt(id, 10) + "/units"
}
