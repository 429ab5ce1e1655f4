package api

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// unitCreateRequest is the body of POST /api/v1/units. ActiveFrom is read
// as text so a malformed day is reported against its field.
type unitCreateRequest struct {
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	ShortName  string   `json:"short_name"`
	Kind       string   `json:"kind"`
	ParentID   *int64   `json:"parent_id"`
	ActiveFrom string   `json:"active_from"`
	Address    string   `json:"address"`
	Phone      string   `json:"phone"`
	Email      string   `json:"email"`
	Aliases    []string `json:"aliases"`
}

// unitCreate answers POST /api/v1/units: 201 with the new unit and its
// address in Location. It needs ManageUnits on the parent (or on no unit
// for a top-level unit).
func (h *API) unitCreate(w http.ResponseWriter, r *http.Request) {
	var req unitCreateRequest
	if !h.decode(w, r, &req) {
		return
	}
	var parent int64
	if req.ParentID != nil {
		parent = *req.ParentID
	}
	if can, err := h.can(r, auth.ManageUnits, parent); err != nil {
		h.serverError(w, r, err)
		return
	} else if !can {
		h.forbidden(w, r)
		return
	}
	from, err := parseDateField("active_from", req.ActiveFrom)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	u, err := h.app.Units.Create(r.Context(), org.Input{Code: req.Code, Name: req.Name, ShortName: req.ShortName,
		Kind: req.Kind, ParentID: req.ParentID, ActiveFrom: from, Address: req.Address, Phone: req.Phone,
		Email: req.Email, Aliases: req.Aliases})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/units/"+strconv.FormatInt(u.ID, 10))
	h.writeJSON(w, r, http.StatusCreated, unitOut(u))
}

// parseDateField reads a YYYY-MM-DD body field; "" is the zero Date (the
// store decides whether the field is required). A bad day is a
// valid.Errors on field.
func parseDateField(field, s string) (civil.Date, error) {
	if strings.TrimSpace(s) == "" {
		return civil.Date{}, nil
	}
	d, err := civil.Parse(s)
	if err != nil {
		return civil.Date{}, valid.Errors{field: "Ngày " + strconv.Quote(s) + " không hợp lệ: dùng dạng YYYY-MM-DD (ví dụ 2025-07-01)."}
	}
	return d, nil
}
