package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/valid"
)

// editableUser loads the account in the path and checks that the signed-in
// user may change it; ok is false when a page (404 or 403) has been written.
func (h *Handler) editableUser(w http.ResponseWriter, r *http.Request) (auth.User, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return auth.User{}, false
	}
	target, err := h.app.Users.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return auth.User{}, false
	}
	if !h.mayManage(r, target) {
		h.forbidden(w, r)
		return auth.User{}, false
	}
	return target, true
}

// renderUserEdit shows the edit page of target with form f and errs, which
// may belong to either of its two forms (details, password reset).
func (h *Handler) renderUserEdit(w http.ResponseWriter, r *http.Request, target auth.User, f userForm, errs valid.Errors) {
	d, err := h.userFormData(r, f.UnitID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d.Target, d.Self, d.Locked = target, target.ID == user(r).ID, target.Locked(db.Now())
	h.renderForm(w, r, "user_form", "Sửa tài khoản "+target.Username, d, f, errs)
}

func (h *Handler) userEdit(w http.ResponseWriter, r *http.Request) {
	target, ok := h.editableUser(w, r)
	if !ok {
		return
	}
	h.renderUserEdit(w, r, target, userFormOf(target), nil)
}

// userUpdate saves an account's details, roles and active flag. Turning an
// account off ends its sessions (the store does it). An administrator cannot
// lock themself out: they may neither deactivate their own account nor drop
// their own admin role.
func (h *Handler) userUpdate(w http.ResponseWriter, r *http.Request) {
	target, ok := h.editableUser(w, r)
	if !ok {
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := parseUserForm(r)
	if f.UnitID != 0 && f.UnitID != target.UnitID && !h.can(r, auth.ManageUsers, f.UnitID) {
		h.forbidden(w, r)
		return
	}
	errs := valid.Errors{}
	h.checkAdminRole(r, f, &target, errs)
	if len(errs) == 0 {
		u, err := h.app.Users.UpdateUser(r.Context(), target.ID, f.input())
		if err == nil {
			h.redirectFlash(w, r, "/users?q="+urlQueryEscape(u.Username), "success", "Đã lưu tài khoản "+u.Username+".")
			return
		}
		ve, ok := valid.As(err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs = ve
	}
	h.renderUserEdit(w, r, target, f, errs)
}

func userEditURL(id int64) string { return "/users/" + strconv.FormatInt(id, 10) + "/edit" }
