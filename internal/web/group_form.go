package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"cchc/internal/db"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// groupForm is the group form as typed. Members holds one unit code per
// line; anything after the code on a line (such as the unit's name, which
// the edit form writes there) is ignored.
type groupForm struct {
	Code    string
	Name    string
	Kinds   []string
	Aliases string
	Members string
}

// HasKind lets the template tick the kind checkboxes.
func (f groupForm) HasKind(code string) bool { return slices.Contains(f.Kinds, code) }

func parseGroupForm(r *http.Request) groupForm {
	return groupForm{Code: r.PostFormValue("code"), Name: r.PostFormValue("name"), Kinds: r.PostForm["kinds"],
		Aliases: r.PostFormValue("aliases"), Members: r.PostFormValue("members")}
}

// groupFormOf fills the form from a stored group and its explicit members.
func (h *Handler) groupFormOf(ctx context.Context, g org.Group) (groupForm, error) {
	f := groupForm{Code: g.Code, Name: g.Name, Kinds: g.Kinds(), Aliases: strings.Join(g.Aliases(), "\n")}
	members, err := h.app.Units.ExplicitMembers(ctx, g.ID)
	if err != nil {
		return f, err
	}
	var rows []string
	for _, m := range members {
		u, err := h.app.Units.Get(ctx, m.UnitID)
		if err != nil {
			return f, err
		}
		rows = append(rows, u.Code+" — "+u.Name)
	}
	f.Members = strings.Join(rows, "\n")
	return f, nil
}

// input resolves the member codes and returns the store's input. Members
// already listed keep their dates (kept holds the stored ones); unknown
// codes are reported with their line numbers.
func (h *Handler) groupInput(ctx context.Context, f groupForm, kept []org.GroupMember) (org.GroupInput, valid.Errors, error) {
	errs := valid.Errors{}
	in := org.GroupInput{Code: f.Code, Name: f.Name, Kinds: f.Kinds, Aliases: lines(f.Aliases)}
	old := map[int64]org.GroupMember{}
	for _, m := range kept {
		old[m.UnitID] = m
	}
	seen := map[int64]bool{}
	var unknown []string
	for i, line := range strings.Split(f.Members, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		u, err := h.app.Units.GetByCode(ctx, fields[0])
		if errors.Is(err, db.ErrNotFound) {
			unknown = append(unknown, fmt.Sprintf("dòng %d (“%s”)", i+1, fields[0]))
			continue
		}
		if err != nil {
			return in, nil, err
		}
		if seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		m, ok := old[u.ID]
		if !ok {
			m = org.GroupMember{UnitID: u.ID}
		}
		in.Members = append(in.Members, m)
	}
	if len(unknown) > 0 {
		errs.Add("members", "Không có đơn vị nào mang mã ở "+strings.Join(unknown, ", ")+". Mỗi dòng bắt đầu bằng mã đơn vị.")
	}
	return in, errs, nil
}

// groupFields are the form's field names, as valid.Errors keys them.
var groupFields = []string{"code", "name", "kinds", "aliases", "members"}

type groupFormData struct {
	Group *org.Group // nil on create
	Kinds []org.Kind
}

func (h *Handler) renderGroupForm(w http.ResponseWriter, r *http.Request, g *org.Group, f groupForm, errs valid.Errors) {
	kinds, _, err := h.unitKinds(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	title := "Thêm nhóm đơn vị"
	if g != nil {
		title = "Sửa nhóm đơn vị"
	}
	h.renderForm(w, r, "group_form", title, groupFormData{Group: g, Kinds: kinds}, f, errs)
}
