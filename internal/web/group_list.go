package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/org"
)

// groupRow is a group as listed, with its kinds' names and today's size.
type groupRow struct {
	Group   org.Group
	Kinds   []string
	Members int
}

// groupList lists the unit groups (ManageGroups) with their member count
// today.
func (h *Handler) groupList(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageGroups, 0) {
		h.forbidden(w, r)
		return
	}
	ctx := r.Context()
	groups, err := h.app.Units.Groups(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	now := today()
	rows := make([]groupRow, 0, len(groups))
	for _, g := range groups {
		members, err := h.app.Units.Members(ctx, g.ID, now)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		row := groupRow{Group: g, Members: len(members)}
		for _, k := range g.Kinds() {
			row.Kinds = append(row.Kinds, kindName(kinds, k))
		}
		rows = append(rows, row)
	}
	h.render(w, r, http.StatusOK, "group_list", "Nhóm đơn vị", rows)
}
