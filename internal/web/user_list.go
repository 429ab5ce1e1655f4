package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/valid"
)

// userFilterForm is the list's search bar as typed.
type userFilterForm struct {
	Q        string
	Role     string
	Unit     string // unit code
	Subtree  bool   // include the units under Unit
	UnitName string // resolved name of Unit, shown beside the field
}

type userListData struct {
	Rows  []userRow
	Roles []roleOption
	Pager pager
}

// userRow is one account as listed.
type userRow struct {
	auth.User
	UnitName    string
	Status      string
	StatusClass string
	CanEdit     bool
}

func (h *Handler) userList(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUsers, 0) {
		h.forbidden(w, r)
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	form := userFilterForm{Q: strings.TrimSpace(q.Get("q")), Role: q.Get("role"),
		Unit: strings.TrimSpace(q.Get("unit")), Subtree: q.Get("sub") != ""}
	filter := auth.UserFilter{Q: form.Q, Within: h.app.Policy.ScopeRoot(user(r))}
	errs := valid.Errors{}
	if form.Role != "" {
		if auth.ValidRole(auth.Role(form.Role)) {
			filter.Role = auth.Role(form.Role)
		} else {
			errs.Add("role", "Vai trò không hợp lệ.")
		}
	}
	d := userListData{Pager: newPager(r, 50)}
	for _, role := range auth.Roles {
		d.Roles = append(d.Roles, roleOption{Role: role, Label: role.Label()})
	}
	if form.Unit != "" {
		unit, err := h.app.Units.GetByCode(ctx, form.Unit)
		switch {
		case errors.Is(err, db.ErrNotFound):
			errs.Add("unit", fmt.Sprintf("Không có đơn vị mã %q.", form.Unit))
		case err != nil:
			h.serverError(w, r, err)
			return
		case !h.can(r, auth.ManageUsers, unit.ID):
			errs.Add("unit", "Bạn không quản lý tài khoản của đơn vị này.")
		default:
			form.UnitName = unit.Name
			if form.Subtree {
				filter.Within = unit.ID
			} else {
				filter.UnitID = unit.ID
			}
		}
	}
	if errs["unit"] == "" {
		filter.Limit, filter.Offset = d.Pager.Limit, d.Pager.Offset
		users, total, err := h.app.Users.ListUsers(ctx, filter)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		d.Pager.Total = total
		if d.Rows, err = h.userRows(r, users); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	h.renderPage(w, r, http.StatusOK, "user_list", &Page{Title: "Người dùng", Data: d, Form: form, Errors: errs})
}

// userRows adds each account's unit name and status for the list.
func (h *Handler) userRows(r *http.Request, users []auth.User) ([]userRow, error) {
	names := map[int64]string{}
	now := db.Now()
	rows := make([]userRow, 0, len(users))
	for _, u := range users {
		if _, ok := names[u.UnitID]; !ok {
			unit, err := h.app.Units.Get(r.Context(), u.UnitID)
			if err != nil {
				return nil, err
			}
			names[u.UnitID] = unit.Name
		}
		row := userRow{User: u, UnitName: names[u.UnitID], CanEdit: h.mayManage(r, u)}
		switch {
		case !u.Active:
			row.Status, row.StatusClass = "đã khóa", "off"
		case u.Locked(now):
			row.Status, row.StatusClass = "tạm khóa", "warn"
		default:
			row.Status, row.StatusClass = "hoạt động", "ok"
		}
		rows = append(rows, row)
	}
	return rows, nil
}
