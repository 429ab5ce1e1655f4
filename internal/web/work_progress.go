package web

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/plan"
	"cchc/internal/valid"
)

// maxFormBytes bounds the body of a work item's text forms.
const maxFormBytes = 64 << 10

// workItemForUpdate checks that the user may change the work item in the
// path (UpdateWork on its unit) and parses the posted form; ok is false when
// a page has been written.
func (h *Handler) workItemForUpdate(w http.ResponseWriter, r *http.Request) (id int64, ok bool) {
	id, ok = h.pathID(w, r, "id")
	if !ok {
		return 0, false
	}
	_, _, acc, err := h.workItemAccess(r, id)
	if err != nil {
		h.fail(w, r, err)
		return 0, false
	}
	if !acc.Update {
		h.forbidden(w, r)
		return 0, false
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được nội dung biểu mẫu.")
		return 0, false
	}
	return id, true
}

// workItemProgress records a progress report: percent, note and the day the
// work was completed.
func (h *Handler) workItemProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := h.workItemForUpdate(w, r)
	if !ok {
		return
	}
	f := workForm{Percent: strings.TrimSpace(r.PostFormValue("percent")), Note: r.PostFormValue("note"),
		CompletedOn: strings.TrimSpace(r.PostFormValue("completed_on"))}
	errs := valid.Errors{}
	in := plan.ProgressInput{Note: f.Note, UserID: user(r).ID}
	pct, err := strconv.Atoi(strings.TrimSuffix(f.Percent, "%"))
	if err != nil {
		errs.Add("percent", "Tiến độ phải là một số từ 0 đến 100.")
	}
	in.Percent = pct
	in.CompletedOn = parseDay(f.CompletedOn, "completed_on", "Ngày hoàn thành", errs)
	if len(errs) == 0 {
		if _, err := h.app.Plans.UpdateProgress(r.Context(), id, in); err != nil {
			if !mergeErrors(err, errs, "percent", "note", "completed_on") {
				h.serverError(w, r, err)
				return
			}
		}
	}
	if len(errs) > 0 {
		h.renderWorkItem(w, r, id, f, errs)
		return
	}
	h.redirectFlash(w, r, workItemURL(id), "success", "Đã cập nhật tiến độ "+strconv.Itoa(pct)+"%.")
}

func workItemURL(id int64) string { return "/work-items/" + strconv.FormatInt(id, 10) }
