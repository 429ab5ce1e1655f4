package web

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// kindFields are the form fields of a unit kind.
var kindFields = []string{"code", "name", "tier", "sort_order"}

type kindForm struct {
	Code, Name, Tier, SortOrder string
}

type kindListData struct {
	Kinds []org.KindUsage
	// Editing is the code of the kind whose row failed validation, so the
	// page re-opens that row with its errors; "" for the create form.
	Editing string
}

func parseKindForm(r *http.Request) kindForm {
	return kindForm{Code: r.PostFormValue("code"), Name: r.PostFormValue("name"),
		Tier: r.PostFormValue("tier"), SortOrder: r.PostFormValue("sort_order")}
}

// input converts the typed form, adding an error for non-numeric numbers.
func (f kindForm) input(errs valid.Errors) org.KindInput {
	in := org.KindInput{Code: f.Code, Name: f.Name}
	var err error
	if in.Tier, err = strconv.Atoi(strings.TrimSpace(f.Tier)); err != nil {
		errs.Add("tier", "Cấp hành chính phải là một số (0 đến 9).")
	}
	if s := strings.TrimSpace(f.SortOrder); s != "" {
		if in.SortOrder, err = strconv.Atoi(s); err != nil {
			errs.Add("sort_order", "Thứ tự hiển thị phải là một số.")
		}
	}
	return in
}

// kindList shows the unit kinds with their unit counts, a form to add one
// and a form per kind to change it (ManageUnits).
func (h *Handler) kindList(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	h.renderKinds(w, r, kindForm{Tier: "3"}, "", nil)
}

func (h *Handler) renderKinds(w http.ResponseWriter, r *http.Request, f kindForm, editing string, errs valid.Errors) {
	kinds, err := h.app.Units.KindsWithUsage(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderForm(w, r, "kind_list", "Loại đơn vị", kindListData{Kinds: kinds, Editing: editing}, f, errs)
}

// kindCreate adds a kind.
func (h *Handler) kindCreate(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := parseKindForm(r)
	errs := valid.Errors{}
	in := f.input(errs)
	if len(errs) == 0 {
		k, err := h.app.Units.CreateKind(r.Context(), in)
		if err == nil {
			h.redirectFlash(w, r, "/kinds", "success", "Đã thêm loại đơn vị "+k.Name+".")
			return
		}
		if !mergeErrors(err, errs, kindFields...) {
			h.serverError(w, r, err)
			return
		}
	}
	h.renderKinds(w, r, f, "", errs)
}

// kindUpdate changes a kind's name, tier and order.
func (h *Handler) kindUpdate(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	code := r.PathValue("code")
	f := parseKindForm(r)
	f.Code = code
	errs := valid.Errors{}
	in := f.input(errs)
	if len(errs) == 0 {
		k, err := h.app.Units.UpdateKind(r.Context(), code, in)
		if err == nil {
			h.redirectFlash(w, r, "/kinds", "success", "Đã lưu loại đơn vị "+k.Name+".")
			return
		}
		if !mergeErrors(err, errs, kindFields...) {
			h.fail(w, r, err)
			return
		}
	}
	h.renderKinds(w, r, f, code, errs)
}

// kindDelete removes an unused kind.
func (h *Handler) kindDelete(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	err := h.app.Units.DeleteKind(r.Context(), r.PathValue("code"))
	if msg := valid.Message(err); msg != "" {
		h.redirectFlash(w, r, "/kinds", "error", msg)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.redirectFlash(w, r, "/kinds", "success", "Đã xóa loại đơn vị.")
}
