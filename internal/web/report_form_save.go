package web

import (
	"fmt"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

// reportFormSave saves the whole designed definition of a form through
// SaveForm: a new version when it changed, so reports already written keep
// theirs (ReviewReport). A button that adds or removes a row (without
// JavaScript) posts here too with "op": the page comes back with the
// change and nothing is saved. Validation errors come back next to their
// row.
func (h *Handler) reportFormSave(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	stored, err := h.app.Reports.FormByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !h.parseDesignPost(w, r) {
		return
	}
	d := formDesign{Code: stored.Code, Title: r.PostFormValue("title"), UnitKinds: r.PostForm["unit_kinds"],
		ReportTypes: r.PostForm["report_types"], Def: parseDesign(r.PostForm), Version: stored.Version}
	if op := r.PostFormValue("op"); op != "" {
		if !applyDesignOp(&d.Def, op) {
			h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Thao tác trên biểu mẫu không hợp lệ.")
			return
		}
		d.Changed = true
		h.renderDesign(w, r, d, nil)
		return
	}
	saved, err := h.app.Reports.SaveForm(r.Context(), d.input(), user(r).ID)
	if err != nil {
		errs := valid.Errors{}
		if fe, ok := valid.As(err); ok {
			for k, v := range fe {
				errs.Add(k, v)
			}
		} else if msg := valid.Message(err); msg != "" {
			errs.Add("form", msg)
		} else {
			h.serverError(w, r, err)
			return
		}
		d.Changed = true
		h.renderDesign(w, r, d, errs)
		return
	}
	msg := fmt.Sprintf("Đã lưu biểu mẫu “%s”: phiên bản %d. Các báo cáo đã lập giữ nguyên phiên bản của mình.", saved.Title, saved.Version)
	if saved.Version == stored.Version {
		msg = fmt.Sprintf("Đã lưu biểu mẫu “%s”. Các chỉ tiêu không thay đổi nên vẫn là phiên bản %d.", saved.Title, saved.Version)
	}
	h.redirectFlash(w, r, "/report-forms/"+saved.Code, "success", msg)
}
