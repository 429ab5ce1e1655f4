package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/report"
)

// formListData is what the form list shows: every form, and the problems
// of a refused import (by sheet, row and column) when there was one.
type formListData struct {
	Forms     []formListRow
	Import    []report.FormImportError
	ImportErr string // a problem of the file as a whole
	FileName  string
}

// formListRow is one form in the list.
type formListRow struct {
	report.Form
	KindsText string
	TypesText string
}

const formListTitle = "Biểu mẫu báo cáo"

// reportFormList lists the report forms with their latest version (ReviewReport).
func (h *Handler) reportFormList(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	h.renderFormList(w, r, http.StatusOK, formListData{})
}

// renderFormList renders the list with data's import problems, if any.
func (h *Handler) renderFormList(w http.ResponseWriter, r *http.Request, status int, data formListData) {
	forms, err := h.app.Reports.Forms(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	_, names, err := h.unitKinds(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	types, err := h.app.Reports.Types(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, f := range forms {
		data.Forms = append(data.Forms, formListRow{Form: f, KindsText: kindsText(f.Kinds(), names),
			TypesText: typesText(f.Types(), types)})
	}
	h.render(w, r, status, "report_form_list", formListTitle, data)
}
