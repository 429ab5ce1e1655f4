package web

import "net/http"

// tokenRevoke revokes one of the signed-in user's tokens. Another user's
// token is not found (404), so ids cannot be probed.
func (h *Handler) tokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	if err := h.app.Users.RevokeToken(r.Context(), user(r).ID, id); err != nil {
		h.fail(w, r, err)
		return
	}
	h.redirectFlash(w, r, "/account", "success", "Đã thu hồi mã truy cập. Các chương trình dùng mã này không truy cập được nữa.")
}
