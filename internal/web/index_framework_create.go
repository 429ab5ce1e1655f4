package web

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/db"
	"cchc/internal/index"
	"cchc/internal/valid"
)

// indexFrameworkCreate creates a draft framework (year, unit kind, title)
// or, when the form names one to copy ("copy_from"), starts a year's
// framework from it with its items and bands (ManageIndex). It redirects
// to the new framework; a refusal comes back as the home page with the
// messages beside the fields (422).
func (h *Handler) indexFrameworkCreate(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageIndex, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	if r.PostForm.Has("copy_from") {
		h.indexFrameworkCopy(w, r)
		return
	}
	form := indexCreateForm{Year: strings.TrimSpace(r.PostFormValue("year")), UnitKind: r.PostFormValue("unit_kind"),
		Title: r.PostFormValue("title")}
	errs := valid.Errors{}
	year := indexParseYear(form.Year, "year", errs)
	if len(errs) == 0 {
		f, err := h.app.Index.CreateFramework(r.Context(), index.FrameworkInput{Year: year, UnitKind: form.UnitKind,
			Title: form.Title}, user(r).ID)
		if err == nil {
			h.redirectFlash(w, r, indexFrameworkURL(f.ID), "success",
				fmt.Sprintf("Đã tạo bộ chỉ số “%s”. Hãy soạn danh mục tiêu chí hoặc nhập từ Excel.", f.Title))
			return
		}
		if !mergeErrors(err, errs, "year", "unit_kind", "title") {
			h.fail(w, r, err)
			return
		}
	}
	h.renderIndexHome(w, r, http.StatusUnprocessableEntity, &form, nil, errs)
}

// indexFrameworkCopy is indexFrameworkCreate's copy of a framework into a
// new year. Errors are keyed "copy_from" and "copy_year".
func (h *Handler) indexFrameworkCopy(w http.ResponseWriter, r *http.Request) {
	form := indexCopyForm{From: r.PostFormValue("copy_from"), Year: strings.TrimSpace(r.PostFormValue("copy_year"))}
	errs := valid.Errors{}
	from, err := strconv.ParseInt(form.From, 10, 64)
	if err != nil || from <= 0 {
		errs.Add("copy_from", "Hãy chọn bộ chỉ số để sao chép.")
	}
	year := indexParseYear(form.Year, "copy_year", errs)
	if len(errs) == 0 {
		f, err := h.app.Index.CopyFramework(r.Context(), from, year, user(r).ID)
		if err == nil {
			h.redirectFlash(w, r, indexFrameworkURL(f.ID), "success",
				fmt.Sprintf("Đã sao chép thành bộ chỉ số “%s” (năm %d). Hãy rà soát danh mục tiêu chí trước khi mở tự đánh giá.", f.Title, f.Year))
			return
		}
		fe, isFields := valid.As(err)
		switch {
		case isFields:
			// A copy keeps the source's kind and title: only the year can
			// be wrong; anything else is about the chosen framework.
			for _, k := range slices.Sorted(maps.Keys(fe)) {
				if k == "year" {
					errs.Add("copy_year", fe[k])
				} else {
					errs.Add("copy_from", fe[k])
				}
			}
		case valid.Message(err) != "":
			errs.Add("copy_from", valid.Message(err))
		case errors.Is(err, db.ErrNotFound):
			errs.Add("copy_from", "Bộ chỉ số được chọn không còn; hãy chọn bộ khác.")
		default:
			h.serverError(w, r, err)
			return
		}
	}
	h.renderIndexHome(w, r, http.StatusUnprocessableEntity, nil, &form, errs)
}

// indexParseYear reads a typed year; a bad one adds a message under
// field.
func indexParseYear(s, field string, errs valid.Errors) int {
	year, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || year < index.MinYear || year > index.MaxYear {
		errs.Add(field, fmt.Sprintf("Năm phải là một số từ %d đến %d.", index.MinYear, index.MaxYear))
		return 0
	}
	return year
}
