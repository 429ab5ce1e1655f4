package web

import (
	"net/http"
	"slices"
	"strconv"

	"cchc/internal/plan"
	"cchc/internal/valid"
)

// workItemContribution records what a coordinating unit did for a work
// item. Officers of a coordinating unit of the task report for their unit;
// those who may update the item may report for any coordinating unit.
func (h *Handler) workItemContribution(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	_, _, acc, err := h.workItemAccess(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if len(acc.Contribute) == 0 {
		h.forbidden(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được nội dung biểu mẫu.")
		return
	}
	f := workForm{ContribNote: r.PostFormValue("note")}
	f.ContribUnit, _ = strconv.ParseInt(r.PostFormValue("unit_id"), 10, 64)
	if len(acc.Contribute) == 1 && f.ContribUnit == 0 {
		f.ContribUnit = acc.Contribute[0]
	}
	errs := valid.Errors{}
	if !slices.Contains(acc.Contribute, f.ContribUnit) {
		errs.Add("contrib_unit", "Vui lòng chọn đơn vị phối hợp của nhiệm vụ mà bạn được báo cáo thay.")
	} else if _, err := h.app.Plans.AddContribution(r.Context(), id, plan.ContributionInput{UnitID: f.ContribUnit,
		Note: f.ContribNote, UserID: user(r).ID}); err != nil {
		if fe, ok := valid.As(err); ok {
			for k, v := range fe {
				if field := map[string]string{"note": "contrib_note", "unit_id": "contrib_unit"}[k]; field != "" {
					errs.Add(field, v)
				} else {
					addFormError(errs, v)
				}
			}
		} else if msg := valid.Message(err); msg != "" {
			addFormError(errs, msg)
		} else {
			h.serverError(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		h.renderWorkItem(w, r, id, f, errs)
		return
	}
	h.redirectFlash(w, r, workItemURL(id), "success", "Đã ghi nhận nội dung phối hợp.")
}
