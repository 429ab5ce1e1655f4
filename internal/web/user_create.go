package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/valid"
)

func (h *Handler) userNew(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUsers, 0) {
		h.forbidden(w, r)
		return
	}
	d, err := h.userFormData(r, 0)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.New = true
	f := userForm{Active: true, Roles: []auth.Role{auth.RoleOfficer}}
	h.renderForm(w, r, "user_form", "Cấp tài khoản mới", d, f, nil)
}

// userCreate adds an account. The password an administrator chooses is a
// temporary one: the new user must replace it at first login, so that no one
// but the user knows the password in use.
func (h *Handler) userCreate(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUsers, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	ctx := r.Context()
	f := parseUserForm(r)
	f.Active = true
	if f.UnitID != 0 && !h.can(r, auth.ManageUsers, f.UnitID) {
		h.forbidden(w, r)
		return
	}
	pw := r.PostFormValue("password")
	errs := valid.Errors{}
	h.checkAdminRole(r, f, nil, errs)
	passwordPair(pw, r.PostFormValue("password_confirm"), "password", "password_confirm", errs)
	if len(errs) == 0 {
		in := f.input()
		// A password chosen by an administrator is temporary: the user
		// must choose their own at first login.
		in.Password, in.MustChangePassword = pw, true
		u, err := h.app.Users.CreateUser(ctx, in)
		if err == nil {
			h.redirectFlash(w, r, "/users?q="+urlQueryEscape(u.Username), "success",
				"Đã cấp tài khoản "+u.Username+". Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.")
			return
		}
		ve, ok := valid.As(err)
		if !ok {
			h.serverError(w, r, err)
			return
		}
		errs = ve
	}
	d, err := h.userFormData(r, f.UnitID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.New = true
	h.renderForm(w, r, "user_form", "Cấp tài khoản mới", d, f, errs)
}
