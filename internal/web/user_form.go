package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// userForm is the account form as submitted. Passwords are read from the
// request but never written back into the page.
type userForm struct {
	Username string
	FullName string
	Email    string
	UnitID   int64
	Roles    []auth.Role
	Active   bool
}

// HasRole lets the template tick the role checkboxes.
func (f userForm) HasRole(r auth.Role) bool { return slices.Contains(f.Roles, r) }

func userFormOf(u auth.User) userForm {
	return userForm{Username: u.Username, FullName: u.FullName, Email: u.Email, UnitID: u.UnitID,
		Roles: u.Roles, Active: u.Active}
}

func (f userForm) input() auth.UserInput {
	return auth.UserInput{Username: f.Username, FullName: f.FullName, Email: f.Email, UnitID: f.UnitID,
		Roles: f.Roles, Active: f.Active}
}

// parseUserForm reads the account fields of a posted form (already parsed).
func parseUserForm(r *http.Request) userForm {
	f := userForm{
		Username: strings.TrimSpace(r.PostFormValue("username")),
		FullName: strings.TrimSpace(r.PostFormValue("full_name")),
		Email:    strings.TrimSpace(r.PostFormValue("email")),
		Active:   r.PostFormValue("active") != "",
	}
	f.UnitID, _ = strconv.ParseInt(r.PostFormValue("unit_id"), 10, 64)
	for _, s := range r.PostForm["roles"] {
		f.Roles = append(f.Roles, auth.Role(s))
	}
	return f
}

// parsePostedForm limits the body and parses it; on failure it has written a
// 400 page and returns false.
func (h *Handler) parsePostedForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được biểu mẫu đã gửi.")
		return false
	}
	return true
}

// checkAdminRole adds a field error when the form gives or takes the admin
// role and the signed-in user may not (a coordinator), or when an
// administrator would take the role from themself and lock everyone out.
// target is the account being edited (nil on create).
func (h *Handler) checkAdminRole(r *http.Request, f userForm, target *auth.User, errs valid.Errors) {
	had := target != nil && target.Has(auth.RoleAdmin)
	if f.HasRole(auth.RoleAdmin) != had && !h.can(r, auth.GrantAdmin, 0) {
		errs.Add("roles", "Bạn không có quyền cấp hoặc thu hồi vai trò "+auth.RoleAdmin.Label()+".")
	}
	if target != nil && target.ID == user(r).ID {
		if had && !f.HasRole(auth.RoleAdmin) {
			errs.Add("roles", "Bạn không thể tự bỏ vai trò "+auth.RoleAdmin.Label()+" của chính mình.")
		}
		if !f.Active {
			errs.Add("active", "Bạn không thể tự khóa tài khoản của chính mình.")
		}
	}
}

// mayManage reports whether the signed-in user may change the account u: it
// needs ManageUsers on u's unit, and an administrator's account may only be
// changed by someone who may grant the admin role.
func (h *Handler) mayManage(r *http.Request, u auth.User) bool {
	if !h.can(r, auth.ManageUsers, u.UnitID) {
		return false
	}
	return !u.Has(auth.RoleAdmin) || h.can(r, auth.GrantAdmin, 0)
}

// userFormData is what user_form.html needs besides the form itself.
type userFormData struct {
	New        bool
	Target     auth.User // the account being edited (zero on create)
	Self       bool      // the signed-in user edits their own account
	UnitGroups []unitOptgroup
	Roles      []roleOption
	Locked     bool // the account is locked out after wrong passwords
}

type unitOptgroup struct {
	Label string
	Units []org.Unit
}

type roleOption struct {
	Role  auth.Role
	Label string
}

// userFormData builds the unit select (active units the user may see,
// grouped by kind, in Vietnamese order) and the role checkboxes (the admin
// role only for those who may grant it). selected is kept in the select
// even when it is no longer active, so editing an old account does not
// silently move it.
func (h *Handler) userFormData(r *http.Request, selected int64) (userFormData, error) {
	ctx := r.Context()
	d := userFormData{}
	units, err := h.activeUnits(ctx, h.app.Policy.ScopeRoot(user(r)))
	if err != nil {
		return d, err
	}
	kinds, err := h.app.Units.Kinds(ctx)
	if err != nil {
		return d, err
	}
	byKind := map[string][]org.Unit{}
	found := false
	for _, u := range units {
		byKind[u.Kind] = append(byKind[u.Kind], u)
		found = found || u.ID == selected
	}
	for _, k := range kinds {
		if us := byKind[k.Code]; len(us) > 0 {
			d.UnitGroups = append(d.UnitGroups, unitOptgroup{Label: k.Name, Units: us})
			delete(byKind, k.Code)
		}
	}
	var other []org.Unit
	for _, u := range units {
		if _, ok := byKind[u.Kind]; ok {
			other = append(other, u)
		}
	}
	if selected != 0 && !found {
		if u, err := h.app.Units.Get(ctx, selected); err == nil {
			u.Name += " (không còn hoạt động)"
			other = append(other, u)
		}
	}
	if len(other) > 0 {
		d.UnitGroups = append(d.UnitGroups, unitOptgroup{Label: "Khác", Units: other})
	}
	grant := h.can(r, auth.GrantAdmin, 0)
	for _, role := range auth.Roles {
		if role != auth.RoleAdmin || grant {
			d.Roles = append(d.Roles, roleOption{Role: role, Label: role.Label()})
		}
	}
	return d, nil
}

// activeUnits returns every unit active today under root (0: all), in
// Vietnamese order, reading the store a thousand at a time.
func (h *Handler) activeUnits(ctx context.Context, root int64) ([]org.Unit, error) {
	const page = 1000
	f := org.Filter{ActiveOn: civil.Today(vn.Location()), Within: root, Limit: page}
	var all []org.Unit
	for {
		us, total, err := h.app.Units.List(ctx, f)
		if err != nil {
			return nil, err
		}
		all = append(all, us...)
		if len(us) < page || len(all) >= total {
			return all, nil
		}
		f.Offset += page
	}
}

// passwordPair checks a new password and its confirmation, adding messages
// under the two field names.
func passwordPair(pw, confirm, pwField, confirmField string, errs valid.Errors) {
	if pw == "" {
		errs.Add(pwField, "Vui lòng nhập mật khẩu.")
	}
	if confirm != pw {
		errs.Add(confirmField, "Mật khẩu nhập lại không khớp.")
	}
}
