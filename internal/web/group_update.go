package web

import (
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/org"
)

// managedGroup loads the group in the path for its edit pages, refusing
// (403) users without ManageGroups first. ok is false when a response has
// been written.
func (h *Handler) managedGroup(w http.ResponseWriter, r *http.Request) (org.Group, bool) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return org.Group{}, false
	}
	if !h.can(r, auth.ManageGroups, 0) {
		h.forbidden(w, r)
		return org.Group{}, false
	}
	g, err := h.app.Units.Group(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return org.Group{}, false
	}
	return g, true
}

func (h *Handler) groupEdit(w http.ResponseWriter, r *http.Request) {
	g, ok := h.managedGroup(w, r)
	if !ok {
		return
	}
	f, err := h.groupFormOf(r.Context(), g)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderGroupForm(w, r, &g, f, nil)
}

// groupUpdate replaces a group's definition. Explicit members that stay keep
// the dates they were listed for.
func (h *Handler) groupUpdate(w http.ResponseWriter, r *http.Request) {
	g, ok := h.managedGroup(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	ctx := r.Context()
	kept, err := h.app.Units.ExplicitMembers(ctx, g.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	f := parseGroupForm(r)
	in, errs, err := h.groupInput(ctx, f, kept)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	in.RootUnitID = g.RootUnitID
	if len(errs) > 0 {
		h.renderGroupForm(w, r, &g, f, errs)
		return
	}
	saved, err := h.app.Units.SaveGroup(ctx, g.ID, in)
	if err != nil {
		if mergeErrors(err, errs, groupFields...) {
			h.renderGroupForm(w, r, &g, f, errs)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.redirectFlash(w, r, "/groups/"+strconv.FormatInt(saved.ID, 10), "success", "Đã lưu nhóm "+saved.Name+".")
}
