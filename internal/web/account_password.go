package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/httpx"
	"cchc/internal/valid"
)

// accountPassword changes the signed-in user's own password. The current
// password is checked against the stored hash; the user's other sessions end
// and this one is kept. A user held on /account to replace a temporary
// password goes on to the home page afterwards.
func (h *Handler) accountPassword(w http.ResponseWriter, r *http.Request) {
	if !h.parsePostedForm(w, r) {
		return
	}
	ctx := r.Context()
	me, err := h.app.Users.Get(ctx, user(r).ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	current, pw := r.PostFormValue("current_password"), r.PostFormValue("new_password")
	errs := valid.Errors{}
	if current == "" {
		errs.Add("current_password", "Vui lòng nhập mật khẩu hiện tại.")
	} else if ok, err := auth.CheckPassword(me.PasswordHash, current); err != nil {
		h.serverError(w, r, err)
		return
	} else if !ok {
		errs.Add("current_password", "Mật khẩu hiện tại không đúng.")
	}
	passwordPair(pw, r.PostFormValue("confirm_password"), "new_password", "confirm_password", errs)
	if pw != "" && pw == current {
		errs.Add("new_password", "Mật khẩu mới phải khác mật khẩu hiện tại.")
	}
	if len(errs) == 0 {
		keep := ""
		if c, err := r.Cookie(httpx.SessionCookie); err == nil {
			keep = c.Value
		}
		err := h.app.Users.SetPassword(ctx, me.ID, pw, false, keep)
		if err == nil {
			to := "/account"
			if me.MustChangePassword {
				to = "/"
			}
			h.redirectFlash(w, r, to, "success", "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.")
			return
		}
		ve, ok := valid.As(err)
		if !ok {
			h.serverError(w, r, err)
			return
		}
		errs.Add("new_password", valid.Message(ve))
	}
	h.renderAccount(w, r, http.StatusUnprocessableEntity, accountData{}, accountForm{}, errs)
}
