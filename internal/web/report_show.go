package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

// reportShow shows a unit's report: the form section by section, editable
// while it is a draft or returned and the period is open for the unit, read
// only otherwise; its header, history, and the review buttons for Sở Nội
// vụ. Reading needs ViewUnit on the report's unit.
func (h *Handler) reportShow(w http.ResponseWriter, r *http.Request) {
	d, ok := h.reportForAction(w, r, auth.ViewUnit)
	if !ok {
		return
	}
	h.renderReport(w, r, d, reportInput{}, nil, "", http.StatusOK)
}

// renderReport draws the report page with what was typed (in, comment) and
// errs, with status. An htmx request gets the autosave fragment instead:
// the save status, the rates and the field messages, swapped out of band.
func (h *Handler) renderReport(w http.ResponseWriter, r *http.Request, d reportData, in reportInput, errs valid.Errors,
	comment string, status int) {
	p, err := h.buildReportPage(r, d, in, errs)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	p.Comment = comment
	p.SaveError = errs["form"]
	p.Live = r.Header.Get("HX-Request") == "true"
	title := "Báo cáo " + d.Period.Title + " · " + d.Unit.Name
	h.renderPage(w, r, status, "report_show", &Page{Title: title, Data: p, Errors: errs})
}

// mergeReportErrors adds the messages of a store error to errs, by field
// ("value.<code>", "text.<code>", "comment"), a problem under "form", and
// reports whether err was a validation failure.
func mergeReportErrors(err error, errs valid.Errors) bool {
	if fe, ok := valid.As(err); ok {
		for k, v := range fe {
			errs.Add(k, v)
		}
		return true
	}
	if msg := valid.Message(err); msg != "" {
		addFormError(errs, msg)
		return true
	}
	return false
}
