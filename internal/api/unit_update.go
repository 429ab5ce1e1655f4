package api

import (
	"fmt"
	"net/http"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/org"
)

// unitPatch is the body of PATCH /api/v1/units/{id}: only the fields
// present change. parent_id may be null (the unit becomes top-level).
type unitPatch struct {
	Code       optional[string]   `json:"code"`
	Name       optional[string]   `json:"name"`
	ShortName  optional[string]   `json:"short_name"`
	Kind       optional[string]   `json:"kind"`
	ParentID   optional[*int64]   `json:"parent_id"`
	ActiveFrom optional[string]   `json:"active_from"`
	Address    optional[string]   `json:"address"`
	Phone      optional[string]   `json:"phone"`
	Email      optional[string]   `json:"email"`
	Aliases    optional[[]string] `json:"aliases"`
}

// fieldLabels names each field in Vietnamese for refusal messages.
var fieldLabels = map[string]string{
	"code": "mã đơn vị", "name": "tên đơn vị", "short_name": "tên viết tắt", "kind": "loại đơn vị",
	"parent_id": "đơn vị cấp trên", "active_from": "ngày bắt đầu hoạt động", "address": "địa chỉ",
	"phone": "điện thoại", "email": "thư điện tử", "aliases": "tên gọi khác",
}

// ownDataFields are the fields EditUnit (a unit officer, on its own unit)
// may change; everything else needs ManageUnits.
var ownDataFields = map[string]bool{"short_name": true, "address": true, "phone": true, "email": true, "aliases": true}

// present lists the fields in p, in declaration order.
func (p *unitPatch) present() []string {
	var out []string
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"code", p.Code.Set}, {"name", p.Name.Set}, {"short_name", p.ShortName.Set}, {"kind", p.Kind.Set},
		{"parent_id", p.ParentID.Set}, {"active_from", p.ActiveFrom.Set}, {"address", p.Address.Set},
		{"phone", p.Phone.Set}, {"email", p.Email.Set}, {"aliases", p.Aliases.Set},
	} {
		if f.set {
			out = append(out, f.name)
		}
	}
	return out
}

// apply merges p into in; a bad active_from is a validation error.
func (p *unitPatch) apply(in *org.Input) error {
	set := func(dst *string, o optional[string]) {
		if o.Set {
			*dst = o.Value
		}
	}
	set(&in.Code, p.Code)
	set(&in.Name, p.Name)
	set(&in.ShortName, p.ShortName)
	set(&in.Kind, p.Kind)
	set(&in.Address, p.Address)
	set(&in.Phone, p.Phone)
	set(&in.Email, p.Email)
	if p.ParentID.Set {
		in.ParentID = p.ParentID.Value
	}
	if p.Aliases.Set {
		in.Aliases = p.Aliases.Value
	}
	if p.ActiveFrom.Set {
		d, err := parseDateField("active_from", p.ActiveFrom.Value)
		if err != nil {
			return err
		}
		in.ActiveFrom = d // zero when "" or null: the store reports it as missing
	}
	return nil
}

// unitUpdate answers PATCH /api/v1/units/{id}. ManageUnits may change every
// field (and needs ManageUnits on a new parent too); EditUnit, which a unit
// officer has on its own unit, only short_name, address, phone, email and
// aliases: a body with any other field is refused with 403 naming it.
// Anyone else gets 403 before the body is read.
func (h *API) unitUpdate(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	current, err := h.app.Units.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	manage, err := h.can(r, auth.ManageUnits, id)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	edit := manage
	if !manage {
		if edit, err = h.can(r, auth.EditUnit, id); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	if !edit {
		h.forbidden(w, r)
		return
	}
	var patch unitPatch
	if !h.decode(w, r, &patch) {
		return
	}
	fields := patch.present()
	if !manage {
		var refused []string
		for _, f := range fields {
			if !ownDataFields[f] {
				refused = append(refused, fmt.Sprintf("%q (%s)", f, fieldLabels[f]))
			}
		}
		if len(refused) > 0 {
			h.error(w, r, http.StatusForbidden, codeForbidden, "Bạn chỉ được sửa tên viết tắt, địa chỉ, điện thoại, "+
				"thư điện tử và tên gọi khác của đơn vị mình; không có quyền sửa trường "+strings.Join(refused, ", ")+".")
			return
		}
	}
	if len(fields) == 0 {
		h.writeJSON(w, r, http.StatusOK, unitOut(current))
		return
	}
	if manage && patch.ParentID.Set && patch.ParentID.Value != nil {
		if can, err := h.can(r, auth.ManageUnits, *patch.ParentID.Value); err != nil {
			h.serverError(w, r, err)
			return
		} else if !can {
			h.error(w, r, http.StatusForbidden, codeForbidden, "Bạn không có quyền chuyển đơn vị vào đơn vị cấp trên đã chọn.")
			return
		}
	}
	in := org.InputOf(current)
	if err := patch.apply(&in); err != nil {
		h.fail(w, r, err)
		return
	}
	u, err := h.app.Units.Update(r.Context(), id, in)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, unitOut(u))
}
