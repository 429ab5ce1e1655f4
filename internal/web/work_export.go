package web

import (
	"bytes"
	"net/http"
	"slices"
	"strings"

	"cchc/internal/valid"
)

// workItemExport sends the work items of the list's current filters, every
// one of them (not only the page shown), as an Excel workbook.
func (h *Handler) workItemExport(w http.ResponseWriter, r *http.Request) {
	f := parseWorkListForm(r)
	errs := valid.Errors{}
	pf, _, ok, err := h.workFilter(r, f, errs)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !ok {
		h.forbidden(w, r)
		return
	}
	if len(errs) > 0 {
		msgs := make([]string, 0, len(errs))
		for _, m := range errs {
			msgs = append(msgs, m)
		}
		slices.Sort(msgs)
		h.errorPage(w, r, http.StatusUnprocessableEntity, "Bộ lọc không hợp lệ", strings.Join(msgs, " "))
		return
	}
	var buf bytes.Buffer
	if err := h.app.Plans.ExportWorkItemsXLSX(r.Context(), &buf, pf); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendXLSX(w, "phan-viec-"+strings.ReplaceAll(today().VN(), "/", "-")+".xlsx", &buf)
}
