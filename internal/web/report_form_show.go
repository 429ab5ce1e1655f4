package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

// reportFormShow is the form designer: the latest version of a form in
// editable rows (ReviewReport).
func (h *Handler) reportFormShow(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	f, err := h.app.Reports.FormByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := formDesign{Code: f.Code, Title: f.Title, UnitKinds: f.Kinds(), ReportTypes: f.Types(), Def: f.Definition, Version: f.Version}
	h.renderDesign(w, r, d, nil)
}

// renderDesign renders the designer for d with errs (422 when there are
// any).
func (h *Handler) renderDesign(w http.ResponseWriter, r *http.Request, d formDesign, errs valid.Errors) {
	if err := h.loadKinds(r.Context(), &d); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderForm(w, r, "report_form_designer", "Thiết kế biểu mẫu: "+d.Title, d, d, errs)
}
