package web

import (
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/vn"
)

type homeData struct {
	Unit       org.Unit
	Kinds      []kindCount
	Total      int
	CanManage  bool
	CanUsers   bool
	RoleLabels []string
}

type kindCount struct {
	Kind  org.Kind
	Count int
}

func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := user(r)
	unit, err := h.app.Units.Get(ctx, u.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	kinds, err := h.app.Units.Kinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := homeData{Unit: unit, CanManage: h.can(r, auth.ManageUnits, 0), CanUsers: h.can(r, auth.ManageUsers, 0)}
	today := civil.Today(vn.Location())
	for _, k := range kinds {
		_, n, err := h.app.Units.List(ctx, org.Filter{Kind: k.Code, ActiveOn: today, Within: h.app.Policy.ScopeRoot(u), Limit: 1})
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		d.Total += n
		if n > 0 {
			d.Kinds = append(d.Kinds, kindCount{Kind: k, Count: n})
		}
	}
	for _, role := range u.Roles {
		d.RoleLabels = append(d.RoleLabels, role.Label())
	}
	h.render(w, r, http.StatusOK, "home", "Tổng quan", d)
}
