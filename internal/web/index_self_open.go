package web

import (
	"errors"
	"net/http"
	"strconv"

	"cchc/internal/auth"
	"cchc/internal/db"
)

// indexSelfOpen opens the user's unit's self-assessment in a framework,
// creating it on first use (while the framework is in the self stage), and
// redirects to it. The coordinator may name another unit (?unit=ID). Who
// may read but not self-assess the unit (a leader, an appraiser) is
// redirected to an existing assessment, and refused when there is none.
func (h *Handler) indexSelfOpen(w http.ResponseWriter, r *http.Request) {
	fid, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	ctx := r.Context()
	f, err := h.app.Index.Framework(ctx, fid)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	unitID := user(r).UnitID
	if q := r.URL.Query().Get("unit"); q != "" {
		id, err := strconv.ParseInt(q, 10, 64)
		if err != nil || id <= 0 {
			h.notFound(w, r)
			return
		}
		unitID = id
	}
	if !h.can(r, auth.SelfAssess, unitID) {
		a, err := h.app.Index.Assessment(ctx, f.ID, unitID)
		switch {
		case err == nil && h.selfCanView(r, unitID):
			http.Redirect(w, r, selfURL(a.ID), http.StatusSeeOther)
		case err == nil || errors.Is(err, db.ErrNotFound):
			h.forbidden(w, r)
		default:
			h.serverError(w, r, err)
		}
		return
	}
	a, err := h.app.Index.Open(ctx, f.ID, unitID, user(r).ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, selfURL(a.ID), http.StatusSeeOther)
}
