package api

import (
	"errors"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/db"
)

// meJSON is the signed-in user.
type meJSON struct {
	ID                 int64       `json:"id"`
	Username           string      `json:"username"`
	FullName           string      `json:"full_name"`
	Email              string      `json:"email"`
	UnitID             int64       `json:"unit_id"`
	Unit               *unitRef    `json:"unit"`
	Roles              []auth.Role `json:"roles"`
	MustChangePassword bool        `json:"must_change_password"`
}

// unitRef names a unit without its details.
type unitRef struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// meGet answers GET /api/v1/me: who the cookie or token belongs to.
func (h *API) meGet(w http.ResponseWriter, r *http.Request) {
	u := user(r)
	out := meJSON{ID: u.ID, Username: u.Username, FullName: u.FullName, Email: u.Email, UnitID: u.UnitID,
		Roles: u.Roles, MustChangePassword: u.MustChangePassword}
	if out.Roles == nil {
		out.Roles = []auth.Role{}
	}
	unit, err := h.app.Units.Get(r.Context(), u.UnitID)
	switch {
	case err == nil:
		out.Unit = &unitRef{ID: unit.ID, Code: unit.Code, Name: unit.Name}
	case !errors.Is(err, db.ErrNotFound):
		h.serverError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, out)
}
