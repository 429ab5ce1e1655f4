package web

import (
	"net/http"
	"strconv"
)

// notificationRead marks one of the user's notifications read (id), or all
// of them (all=1). Notifications of other users are never touched: the store
// only updates rows of the user given. With next set to a path inside cchc
// (the notification's link) the user is taken there.
func (h *Handler) notificationRead(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được nội dung biểu mẫu.")
		return
	}
	var id int64
	if r.PostFormValue("all") != "1" {
		var err error
		if id, err = strconv.ParseInt(r.PostFormValue("id"), 10, 64); err != nil || id <= 0 {
			h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không rõ thông báo cần đánh dấu đã đọc.")
			return
		}
	}
	if err := h.app.Notify.MarkRead(r.Context(), user(r).ID, id); err != nil {
		h.serverError(w, r, err)
		return
	}
	if next := r.PostFormValue("next"); next != "" {
		http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
		return
	}
	msg := "Đã đánh dấu thông báo là đã đọc."
	if id == 0 {
		msg = "Đã đánh dấu tất cả thông báo là đã đọc."
	}
	h.redirectFlash(w, r, "/notifications", "success", msg)
}
