package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// mergeForm is the merge form as typed. Target 0 means a new unit, described
// by the New* fields.
type mergeForm struct {
	changeForm
	Sources      []int64
	Target       int64
	NewCode      string
	NewName      string
	NewShortName string
	NewKind      string
}

// parseMergeForm reads the form from v: the query of GET /units/merge (so a
// link can preselect ?sources=) or the posted body.
func parseMergeForm(v url.Values) mergeForm {
	f := mergeForm{changeForm: changeForm{Effective: strings.TrimSpace(v.Get("effective")), Decision: v.Get("decision")},
		NewCode: v.Get("new_code"), NewName: v.Get("new_name"), NewShortName: v.Get("new_short_name"), NewKind: v.Get("new_kind")}
	for _, s := range v["sources"] {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
			f.Sources = append(f.Sources, id)
		}
	}
	f.Target, _ = strconv.ParseInt(v.Get("target"), 10, 64)
	return f
}

type unitMergeData struct {
	Kinds   []org.Kind
	Sources template.HTML // picker of the merged units
	Target  template.HTML // picker of the receiving unit
}

// newUnitFields maps the store's messages about the new unit onto the merge
// form's fields.
var newUnitFields = map[string]string{"code": "new_code", "name": "new_name", "short_name": "new_short_name",
	"kind": "new_kind", "active_from": "effective", "parent_id": "sources"}

func (h *Handler) unitMergeForm(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	f := parseMergeForm(r.URL.Query())
	if f.Effective == "" {
		f.Effective = today().VN()
	}
	if f.NewKind == "" {
		f.NewKind = "commune"
	}
	h.renderMergeForm(w, r, f, nil)
}

// unitMerge merges two or more units into an existing unit or a new one,
// from a day on: the sources end the day before, their active sub-units
// move to the target, and their history leads to it.
func (h *Handler) unitMerge(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := parseMergeForm(r.PostForm)
	for _, id := range append([]int64{f.Target}, f.Sources...) {
		if id != 0 && !h.can(r, auth.ManageUnits, id) {
			h.forbidden(w, r)
			return
		}
	}
	errs := valid.Errors{}
	in := org.MergeInput{Change: f.change(errs), Sources: f.Sources, Target: f.Target}
	if f.Target == 0 {
		in.New = &org.Input{Code: f.NewCode, Name: f.NewName, ShortName: f.NewShortName, Kind: f.NewKind}
	}
	if len(f.Sources) < 2 && f.Target == 0 {
		errs.Add("sources", "Chọn ít nhất hai đơn vị để sáp nhập thành đơn vị mới.")
	}
	if len(f.Sources) == 0 {
		errs.Add("sources", "Chọn các đơn vị được sáp nhập.")
	}
	if len(errs) == 0 {
		target, err := h.app.Units.Merge(r.Context(), in)
		if err == nil {
			h.redirectFlash(w, r, "/units/"+strconv.FormatInt(target.ID, 10), "success",
				"Đã sáp nhập "+strconv.Itoa(len(f.Sources))+" đơn vị vào "+target.Name+" từ ngày "+in.Effective.VN()+".")
			return
		}
		if fe, ok := valid.As(err); ok && f.Target == 0 {
			err = renameKeys(fe, newUnitFields)
		}
		if !mergeErrors(err, errs, "sources", "target", "effective", "decision", "new_code", "new_name", "new_short_name", "new_kind") {
			h.fail(w, r, err)
			return
		}
	}
	h.renderMergeForm(w, r, f, errs)
}

// renameKeys returns errs with keys renamed by names; other keys are kept.
func renameKeys(errs valid.Errors, names map[string]string) valid.Errors {
	out := valid.Errors{}
	for k, v := range errs {
		if n, ok := names[k]; ok {
			k = n
		}
		out.Add(k, v)
	}
	return out
}

func (h *Handler) renderMergeForm(w http.ResponseWriter, r *http.Request, f mergeForm, errs valid.Errors) {
	ctx := r.Context()
	kinds, kindNames, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	sources, _ := pickerFor("sources", false)
	if err := h.fillPicker(r, &sources, f.Sources, ""); err != nil {
		h.serverError(w, r, err)
		return
	}
	if err := h.suggestSiblings(r, &sources, kindNames); err != nil {
		h.serverError(w, r, err)
		return
	}
	target, _ := pickerFor("target", true)
	if err := h.fillPicker(r, &target, []int64{f.Target}, ""); err != nil {
		h.serverError(w, r, err)
		return
	}
	d := unitMergeData{Kinds: kinds}
	if d.Sources, err = h.pickerHTML(sources); err != nil {
		h.serverError(w, r, err)
		return
	}
	if d.Target, err = h.pickerHTML(target); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderForm(w, r, "unit_merge", "Sáp nhập đơn vị", d, f, errs)
}

// suggestSiblings offers, below the chosen units, the other active units of
// the first one's kind under the same parent: communes are merged with
// their neighbours, so the usual choice is one click away.
func (h *Handler) suggestSiblings(r *http.Request, p *picker, kinds map[string]string) error {
	if len(p.Selected) == 0 || p.Selected[0].Unit.ParentID == nil {
		return nil
	}
	first := p.Selected[0].Unit
	units, _, err := h.app.Units.List(r.Context(), org.Filter{ParentID: *first.ParentID, Kind: first.Kind,
		ActiveOn: today(), Within: h.app.Policy.ScopeRoot(user(r)), Limit: 100})
	if err != nil {
		return err
	}
	chosen := map[int64]bool{}
	for _, o := range p.Selected {
		chosen[o.Unit.ID] = true
	}
	var others []org.Unit
	for _, u := range units {
		if !chosen[u.ID] {
			others = append(others, u)
		}
	}
	p.Results, err = h.pickOptions(r.Context(), others, kinds)
	return err
}
