package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/org"
	"cchc/internal/valid"
)

// unitForm is the unit form as typed; dates stay text so that a wrong one
// comes back to the user as they wrote it.
type unitForm struct {
	Code       string
	Name       string
	ShortName  string
	Kind       string
	ParentID   int64
	ActiveFrom string
	Address    string
	Phone      string
	Email      string
	Aliases    string // one per line
}

// unitFields are the form's field names, as valid.Errors keys them.
var unitFields = []string{"code", "name", "short_name", "kind", "parent_id", "active_from",
	"address", "phone", "email", "aliases"}

func unitFormOf(u org.Unit) unitForm {
	f := unitForm{Code: u.Code, Name: u.Name, ShortName: u.ShortName, Kind: u.Kind,
		ActiveFrom: u.ActiveFrom.VN(), Address: u.Address, Phone: u.Phone, Email: u.Email,
		Aliases: strings.Join(u.Aliases, "\n")}
	if u.ParentID != nil {
		f.ParentID = *u.ParentID
	}
	return f
}

// parseUnitForm reads the posted unit fields (the body is already parsed).
func parseUnitForm(r *http.Request) unitForm {
	f := unitForm{
		Code:       r.PostFormValue("code"),
		Name:       r.PostFormValue("name"),
		ShortName:  r.PostFormValue("short_name"),
		Kind:       r.PostFormValue("kind"),
		ActiveFrom: strings.TrimSpace(r.PostFormValue("active_from")),
		Address:    r.PostFormValue("address"),
		Phone:      r.PostFormValue("phone"),
		Email:      r.PostFormValue("email"),
		Aliases:    r.PostFormValue("aliases"),
	}
	f.ParentID, _ = strconv.ParseInt(r.PostFormValue("parent_id"), 10, 64)
	return f
}

// input turns the form into the store's input, normalised, with the
// messages of every check that needs no database.
func (f unitForm) input() (org.Input, valid.Errors) {
	errs := valid.Errors{}
	in := org.Input{Code: f.Code, Name: f.Name, ShortName: f.ShortName, Kind: f.Kind,
		ActiveFrom: parseDay(f.ActiveFrom, "active_from", "Ngày bắt đầu hoạt động", errs),
		Address:    f.Address, Phone: f.Phone, Email: f.Email, Aliases: lines(f.Aliases)}
	if f.ParentID > 0 {
		in.ParentID = &f.ParentID
	}
	in.Normalize()
	for k, v := range in.Validate() {
		errs.Add(k, v)
	}
	return in, errs
}

// contactOnto copies the fields an officer may change on their own unit
// (short name, address, phone, email, aliases) from f onto base, the
// stored unit's form, and returns base.
func (f unitForm) contactOnto(base unitForm) unitForm {
	base.ShortName, base.Address, base.Phone, base.Email, base.Aliases = f.ShortName, f.Address, f.Phone, f.Email, f.Aliases
	return base
}

type unitFormData struct {
	Unit    *org.Unit // nil on create
	Kinds   []org.Kind
	Kind    string // name of the stored kind, for the limited form
	Parent  string // name of the stored parent, for the limited form
	Limited bool   // an officer editing their own unit: contact fields only
	Picker  template.HTML
	Action  string
	Cancel  string
}

// renderUnitForm shows the create (unit nil) or edit form with f and errs.
func (h *Handler) renderUnitForm(w http.ResponseWriter, r *http.Request, unit *org.Unit, limited bool, f unitForm, errs valid.Errors) {
	ctx := r.Context()
	kinds, names, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := unitFormData{Unit: unit, Kinds: kinds, Limited: limited, Action: "/units", Cancel: "/units"}
	title := "Thêm đơn vị"
	if unit != nil {
		title = "Sửa thông tin đơn vị"
		d.Action = "/units/" + strconv.FormatInt(unit.ID, 10)
		d.Cancel = d.Action
		d.Kind = kindName(names, unit.Kind)
		if unit.ParentID != nil {
			ns, err := h.unitNames(ctx, *unit.ParentID)
			if err != nil {
				h.serverError(w, r, err)
				return
			}
			d.Parent = ns[*unit.ParentID]
		}
	}
	if !limited {
		p, _ := pickerFor("parent_id", true)
		if unit != nil {
			p.Exclude = unit.ID
		}
		if err := h.fillPicker(r, &p, []int64{f.ParentID}, ""); err != nil {
			h.serverError(w, r, err)
			return
		}
		if d.Picker, err = h.pickerHTML(p); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	h.renderForm(w, r, "unit_form", title, d, f, errs)
}
