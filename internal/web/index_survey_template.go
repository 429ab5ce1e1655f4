package web

import (
	"bytes"
	"fmt"
	"net/http"

	"cchc/internal/auth"
)

// indexSurveyTemplate sends the survey workbook of a framework: a row per
// active unit of its kind, a column per survey item, with the points
// already entered. It needs ManageIndex.
func (h *Handler) indexSurveyTemplate(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	if !h.can(r, auth.ManageIndex, 0) {
		h.forbidden(w, r)
		return
	}
	f, err := h.app.Index.Framework(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data, err := h.app.Index.SurveyTemplateXLSX(r.Context(), f.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	sendXLSX(w, fmt.Sprintf("diem-dieu-tra-%d-%s.xlsx", f.Year, f.UnitKind), bytes.NewBuffer(data))
}
