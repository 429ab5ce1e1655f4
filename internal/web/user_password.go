package web

import (
	"net/http"

	"cchc/internal/valid"
)

// userResetPassword gives an account a temporary password chosen by an
// administrator. The user's sessions end and they must choose their own
// password at next login. Users change their own password on /account.
func (h *Handler) userResetPassword(w http.ResponseWriter, r *http.Request) {
	target, ok := h.editableUser(w, r)
	if !ok {
		return
	}
	if target.ID == user(r).ID {
		h.redirectFlash(w, r, "/account", "info", "Để đổi mật khẩu của chính bạn, hãy dùng trang Tài khoản của tôi.")
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	pw := r.PostFormValue("reset_password")
	errs := valid.Errors{}
	passwordPair(pw, r.PostFormValue("reset_password_confirm"), "reset_password", "reset_password_confirm", errs)
	if len(errs) == 0 {
		err := h.app.Users.SetPassword(r.Context(), target.ID, pw, true, "")
		if err == nil {
			h.redirectFlash(w, r, userEditURL(target.ID), "success",
				"Đã đặt lại mật khẩu; người dùng phải đổi mật khẩu khi đăng nhập.")
			return
		}
		ve, ok := valid.As(err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Add("reset_password", valid.Message(ve))
	}
	h.renderUserEdit(w, r, target, userFormOf(target), errs)
}
