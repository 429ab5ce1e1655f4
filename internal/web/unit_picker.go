package web

import (
	"bytes"
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/org"
)

// picker is a unit chooser inside a form: a search box (htmx asks
// GET /units/picker as the user types) above radio buttons, or checkboxes
// when Multiple, named Field. The chosen units stay in the list while the
// user searches on, because the search request includes them.
type picker struct {
	Field    string // the form field it fills: parent_id, children_to, target, sources
	Label    string // what the search box is for, read by screen readers
	Multiple bool
	None     string // label of the "no unit" choice (value ""), if the field may stay empty
	Exclude  int64  // a unit that may not be chosen (the one being changed)
	Q        string
	Selected []pickOption
	Results  []pickOption
	More     int // matches not shown
}

// pickOption is one unit offered by a picker.
type pickOption struct {
	Unit   org.Unit
	Kind   string
	Parent string
}

// NoneChecked reports whether the "no unit" choice is the selected one.
func (p picker) NoneChecked() bool { return !p.Multiple && len(p.Selected) == 0 }

// InputType is the type of the choice inputs.
func (p picker) InputType() string {
	if p.Multiple {
		return "checkbox"
	}
	return "radio"
}

// URL is the search address htmx calls.
func (p picker) URL() string {
	v := url.Values{"field": {p.Field}}
	if p.Exclude != 0 {
		v.Set("exclude", strconv.FormatInt(p.Exclude, 10))
	}
	if p.None != "" {
		v.Set("none", "1")
	}
	return "/units/picker?" + v.Encode()
}

// pickerFor returns the picker for a form field; ok is false for a field
// no form has. withNone keeps the "no unit" choice where a field offers one.
func pickerFor(field string, withNone bool) (p picker, ok bool) {
	switch field {
	case "parent_id":
		p = picker{Label: "Tìm đơn vị cấp trên", None: "Không có (đơn vị cấp cao nhất)"}
	case "children_to":
		p = picker{Label: "Tìm đơn vị tiếp nhận đơn vị trực thuộc", None: "Đơn vị cấp trên của đơn vị bị giải thể"}
	case "target":
		p = picker{Label: "Tìm đơn vị tiếp nhận", None: "Thành lập đơn vị mới (nhập thông tin bên dưới)"}
	case "sources":
		p = picker{Label: "Tìm đơn vị được sáp nhập", Multiple: true}
	case "issuing_unit_id":
		p = picker{Label: "Tìm đơn vị ban hành kế hoạch"}
	case "lead_unit_id":
		p = picker{Label: "Tìm đơn vị chủ trì"}
	case "coordinating_unit_ids":
		p = picker{Label: "Tìm đơn vị phối hợp", Multiple: true}
	case "co_lead_unit_ids":
		p = coLeadPicker()
	default:
		return picker{}, false
	}
	p.Field = field
	if !withNone {
		p.None = ""
	}
	return p, true
}

// fillPicker loads the selected units and, when q is not empty, up to 20
// active units matching q within what the user may see.
func (h *Handler) fillPicker(r *http.Request, p *picker, selected []int64, q string) error {
	ctx := r.Context()
	_, kinds, err := h.unitKinds(ctx)
	if err != nil {
		return err
	}
	p.Q = strings.TrimSpace(q)
	chosen := map[int64]bool{}
	var units []org.Unit
	for _, id := range selected {
		if id <= 0 || chosen[id] || id == p.Exclude || !h.can(r, auth.ViewUnit, id) {
			continue
		}
		u, err := h.app.Units.Get(ctx, id)
		if err != nil {
			continue // a unit deleted meanwhile is simply no longer chosen
		}
		chosen[id] = true
		units = append(units, u)
		if !p.Multiple {
			break
		}
	}
	nSelected := len(units)
	if p.Q != "" {
		const limit = 20
		found, total, err := h.app.Units.List(ctx, org.Filter{Q: p.Q, ActiveOn: today(),
			Within: h.app.Policy.ScopeRoot(user(r)), Limit: limit + len(chosen) + 1})
		if err != nil {
			return err
		}
		shown := 0
		for _, u := range found {
			if chosen[u.ID] || u.ID == p.Exclude {
				total--
				continue
			}
			if shown < limit {
				units = append(units, u)
				shown++
			}
		}
		p.More = max(total-shown, 0)
	}
	options, err := h.pickOptions(ctx, units, kinds)
	if err != nil {
		return err
	}
	p.Selected, p.Results = options[:nSelected], options[nSelected:]
	return nil
}

// pickOptions adds kind and parent names, so that two communes of the same
// name in different districts can be told apart.
func (h *Handler) pickOptions(ctx context.Context, units []org.Unit, kinds map[string]string) ([]pickOption, error) {
	rows, err := h.unitRows(ctx, units, kinds)
	if err != nil {
		return nil, err
	}
	out := make([]pickOption, len(rows))
	for i, row := range rows {
		out[i] = pickOption{Unit: row.Unit, Kind: row.Kind, Parent: row.Parent}
	}
	return out, nil
}

// pickerHTML renders the whole picker (search box and choices) for a form
// page, from the "picker" template of unit_picker.html.
func (h *Handler) pickerHTML(p picker) (template.HTML, error) {
	var buf bytes.Buffer
	if err := h.tmpl.pages["unit_picker"].ExecuteTemplate(&buf, "picker", &Page{Data: p}); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// unitPicker answers a picker's search: the choices list (as an htmx
// fragment) for ?field=, the chosen ids under that field's name, and ?q=.
func (h *Handler) unitPicker(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	field := q.Get("field")
	p, ok := pickerFor(field, q.Get("none") == "1")
	if !ok {
		h.notFound(w, r)
		return
	}
	p.Exclude, _ = strconv.ParseInt(q.Get("exclude"), 10, 64)
	var selected []int64
	for _, s := range q[field] {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			selected = append(selected, id)
		}
	}
	if err := h.fillPicker(r, &p, selected, q.Get("q")); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "unit_picker", "Chọn đơn vị", p)
}
