package web

import (
	"fmt"
	"net/http"

	"cchc/internal/valid"
)

// indexFrameworkPublish switches the public results page of a final
// framework on ("published" = 1) or off (ManageIndex). A refusal comes
// back to the framework's page as a message.
func (h *Handler) indexFrameworkPublish(w http.ResponseWriter, r *http.Request) {
	f, ok := h.indexManagedFramework(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	publish := r.PostFormValue("published") == "1"
	err := h.app.Index.SetPublished(r.Context(), f.ID, publish, user(r).ID)
	msg := fmt.Sprintf("Đã công bố kết quả bộ chỉ số “%s” trên trang công khai.", f.Title)
	if !publish {
		msg = fmt.Sprintf("Đã thôi công bố kết quả bộ chỉ số “%s”.", f.Title)
	}
	switch {
	case err == nil:
		h.redirectFlash(w, r, indexFrameworkURL(f.ID), "success", msg)
	case valid.Message(err) != "":
		h.redirectFlash(w, r, indexFrameworkURL(f.ID)+"#stage", "error", valid.Message(err))
	default:
		h.fail(w, r, err)
	}
}
