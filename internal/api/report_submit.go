package api

import (
	"errors"
	"fmt"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/db"
)

// reportSubmit answers POST /api/v1/reports/submit?unit=ID&period=P&form=CODE
// with the report after submitting it to the level above. It needs
// SubmitReport on the unit. A unit with no report for the period gets 404;
// broken form rules come back as 422 naming the fields ("value.<code>"),
// a locked period or a report already submitted as 422.
func (h *API) reportSubmit(w http.ResponseWriter, r *http.Request) {
	t, f, p, ok := h.reportScope(w, r, auth.SubmitReport)
	if !ok {
		return
	}
	ctx := r.Context()
	rep, err := h.app.Reports.Lookup(ctx, f.ID, p.ID, t.Unit.ID)
	if errors.Is(err, db.ErrNotFound) {
		h.error(w, r, http.StatusNotFound, codeNotFound, fmt.Sprintf(
			"%s chưa có báo cáo %s theo biểu mẫu %s. Hãy gửi số liệu bằng PUT /api/v1/reports trước khi nộp.", t.Unit.Name, p.Title, f.Code))
		return
	} else if err != nil {
		h.serverError(w, r, err)
		return
	}
	if rep, err = h.app.Reports.Submit(ctx, rep.ID, user(r).ID); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeReport(w, r, rep, p.Code, f.Code)
}
