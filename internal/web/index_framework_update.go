package web

import (
	"fmt"
	"net/http"
	"strings"

	"cchc/internal/index"
	"cchc/internal/valid"
)

// indexFrameworkUpdate saves a framework's title and self-assessment
// deadline (dd/mm/yyyy; empty: the default, 15/04 of the next year) and,
// while it is a draft, its year and unit kind (ManageIndex). A refusal
// comes back as the framework page with the messages beside the fields.
func (h *Handler) indexFrameworkUpdate(w http.ResponseWriter, r *http.Request) {
	f, ok := h.indexManagedFramework(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	form := indexSettingsForm{Year: strings.TrimSpace(r.PostFormValue("year")), UnitKind: r.PostFormValue("unit_kind"),
		Title: r.PostFormValue("title"), SelfDeadline: strings.TrimSpace(r.PostFormValue("self_deadline"))}
	errs := valid.Errors{}
	in := index.FrameworkInput{Year: indexParseYear(form.Year, "year", errs), UnitKind: form.UnitKind, Title: form.Title}
	if d := parseDay(form.SelfDeadline, "self_deadline", "Hạn tự đánh giá", errs); !d.IsZero() {
		in.SelfDeadline = &d
	}
	if len(errs) == 0 {
		saved, err := h.app.Index.UpdateFramework(r.Context(), f.ID, in, user(r).ID)
		if err == nil {
			h.redirectFlash(w, r, indexFrameworkURL(f.ID), "success",
				fmt.Sprintf("Đã lưu thông tin bộ chỉ số “%s”; hạn tự đánh giá %s.", saved.Title, saved.Deadline().VN()))
			return
		}
		if !mergeErrors(err, errs, "year", "unit_kind", "title", "self_deadline") {
			h.fail(w, r, err)
			return
		}
		if m, ok := errs["form"]; ok {
			delete(errs, "form")
			errs.Add("settings", m)
		}
	}
	h.renderIndexFramework(w, r, http.StatusUnprocessableEntity, indexViewer{Manage: true}, f,
		indexFrameworkState{Settings: &form, Errs: errs})
}
