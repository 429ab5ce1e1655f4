package web

import (
	"net/http"

	"cchc/internal/plan"
	"cchc/internal/valid"
)

// workItemHold pauses (tạm dừng), cancels (hủy) or resumes (tiếp tục) a work
// item; pausing and cancelling need a reason.
func (h *Handler) workItemHold(w http.ResponseWriter, r *http.Request) {
	id, ok := h.workItemForUpdate(w, r)
	if !ok {
		return
	}
	f := workForm{Hold: r.PostFormValue("hold"), HoldReason: r.PostFormValue("hold_reason")}
	hold := f.Hold
	if hold == "resume" {
		hold = plan.HoldNone
	}
	errs := valid.Errors{}
	if hold == plan.HoldNone && f.Hold != "resume" {
		errs.Add("hold", "Vui lòng chọn tạm dừng, hủy hoặc tiếp tục thực hiện.")
	} else if _, err := h.app.Plans.SetHold(r.Context(), id, hold, f.HoldReason, user(r).ID); err != nil {
		if !mergeErrors(err, errs, "hold", "hold_reason") {
			h.serverError(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		h.renderWorkItem(w, r, id, f, errs)
		return
	}
	msg := map[string]string{plan.HoldPaused: "Đã tạm dừng phần việc.", plan.HoldCancelled: "Đã hủy phần việc.",
		plan.HoldNone: "Phần việc đã được tiếp tục thực hiện."}[hold]
	h.redirectFlash(w, r, workItemURL(id), "success", msg)
}
