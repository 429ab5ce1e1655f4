package web

import (
	"errors"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/org"
)

type unitShowData struct {
	Unit      org.Unit
	Kind      string
	Status    unitStatus
	Ancestors []org.Unit
	Parent    *org.Unit
	Successor *org.Unit
	Children  []unitRow
	Events    []eventRow
	Versions  []versionRow
	CanEdit   bool // EditUnit or ManageUnits
	CanManage bool
	CanDelete bool // ManageUnits, and nothing yet hangs on the unit
}

// eventRow is a dated change with the name of the other unit it concerns.
type eventRow struct {
	org.Event
	Related string
}

// versionRow is a span of the unit's name and parent.
type versionRow struct {
	org.Version
	Parent string
}

// unitShow is a unit's page: where it sits, its details, the units under it
// and its history. It needs ViewUnit on the unit.
func (h *Handler) unitShow(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	if !h.can(r, auth.ViewUnit, id) {
		h.forbidden(w, r)
		return
	}
	ctx := r.Context()
	u, err := h.app.Units.Get(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := unitShowData{Unit: u, Kind: kindName(kinds, u.Kind), Status: statusOf(u, today()),
		CanManage: h.can(r, auth.ManageUnits, id)}
	d.CanEdit = d.CanManage || h.can(r, auth.EditUnit, id)
	if d.Ancestors, err = h.app.Units.Ancestors(ctx, id); err != nil {
		h.serverError(w, r, err)
		return
	}
	if n := len(d.Ancestors); n > 0 {
		d.Parent = &d.Ancestors[n-1]
	}
	if u.SuccessorID != nil {
		s, err := h.app.Units.Get(ctx, *u.SuccessorID)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			h.serverError(w, r, err)
			return
		}
		if err == nil {
			d.Successor = &s
		}
	}
	children, _, err := h.app.Units.List(ctx, org.Filter{ParentID: id, Limit: 1000})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if d.Children, err = h.unitRows(ctx, children, kinds); err != nil {
		h.serverError(w, r, err)
		return
	}
	events, versions, err := h.app.Units.History(ctx, id)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var related []int64
	for _, e := range events {
		if e.RelatedUnitID != nil {
			related = append(related, *e.RelatedUnitID)
		}
	}
	for _, v := range versions {
		if v.ParentID != nil {
			related = append(related, *v.ParentID)
		}
	}
	names, err := h.unitNames(ctx, related...)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, e := range events {
		row := eventRow{Event: e}
		if e.RelatedUnitID != nil {
			row.Related = names[*e.RelatedUnitID]
		}
		d.Events = append(d.Events, row)
	}
	for _, v := range versions {
		row := versionRow{Version: v}
		if v.ParentID != nil {
			row.Parent = names[*v.ParentID]
		}
		d.Versions = append(d.Versions, row)
	}
	// Offer deletion only where the store would allow it (no sub-units, no
	// history beyond creation); the store checks again, with accounts too.
	d.CanDelete = d.CanManage && len(d.Children) == 0 && u.SuccessorID == nil
	for _, e := range events {
		d.CanDelete = d.CanDelete && e.Event == org.EventCreated
	}
	h.render(w, r, http.StatusOK, "unit_show", u.Name, d)
}
