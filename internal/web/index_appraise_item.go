package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/db"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// appraiseForm is what one row of the appraisal page posts, as typed.
type appraiseForm struct {
	Points, Reason string
	NotApplicable  bool
}

// indexAppraiseItem saves the appraised points (empty: accept the
// self-score) and reason of one item. htmx gets the row back, with the
// message next to the field when the save was refused (a reason is
// required for a change), and the totals out of band, always with status
// 200 so htmx swaps it. A plain form post redirects back to the row
// (post-redirect-get), or shows the page again (422) with the messages.
// It needs Appraise or ManageIndex on the assessment's unit.
func (h *Handler) indexAppraiseItem(w http.ResponseWriter, r *http.Request) {
	a, ok := h.appraiseAccess(w, r)
	if !ok {
		return
	}
	itemID, ok := h.pathID(w, r, "item")
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được biểu mẫu đã gửi.")
		return
	}
	form := appraiseForm{Points: strings.TrimSpace(r.PostFormValue("points")), Reason: r.PostFormValue("reason"),
		NotApplicable: r.PostFormValue("not_applicable") == "1"}
	in, errs := appraiseInputOf(form, r.PostFormValue("applicability") == "1")
	if len(errs) == 0 {
		_, err := h.app.Index.Appraise(r.Context(), a.ID, itemID, in, user(r).ID)
		switch {
		case errors.Is(err, db.ErrNotFound):
			h.notFound(w, r)
			return
		case err != nil && !appraiseMergeErrors(err, errs):
			h.serverError(w, r, err)
			return
		}
	}
	if errs["item_id"] != "" {
		// The item is not a leaf of this assessment's framework.
		h.notFound(w, r)
		return
	}
	a, err := h.app.Index.AssessmentByID(r.Context(), a.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.appraiseBuild(r, a)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	row := appraiseFind(p, itemID)
	if row == nil {
		h.notFound(w, r)
		return
	}
	if len(errs) > 0 {
		row.PointsValue, row.ReasonValue, row.NotApplicable, row.Errs = form.Points, form.Reason, form.NotApplicable, errs
	} else {
		row.Saved = true
	}
	if r.Header.Get("HX-Request") == "true" {
		p.Only = row
		h.renderAppraise(w, r, http.StatusOK, p)
		return
	}
	if len(errs) > 0 {
		h.renderAppraise(w, r, http.StatusUnprocessableEntity, p)
		return
	}
	h.redirectFlash(w, r, appraiseURL(a.ID)+"#item-"+strconv.FormatInt(itemID, 10), "success",
		"Đã lưu điểm thẩm định tiêu chí "+row.Item.Number+".")
}

// appraiseInputOf reads a row's form: points empty keep the self-score;
// the applicability is sent only for optional items (withApplicability),
// whose form has the box. A number that cannot be read is a message under
// "points".
func appraiseInputOf(f appraiseForm, withApplicability bool) (index.AppraisalInput, valid.Errors) {
	errs := valid.Errors{}
	in := index.AppraisalInput{Reason: f.Reason}
	if f.Points != "" {
		p, err := rule.ParsePoints(f.Points)
		if err != nil {
			errs.Add("points", "Điểm thẩm định “"+f.Points+"” không hợp lệ: nhập số điểm, ví dụ 1,5.")
		} else {
			in.Points = &p
		}
	}
	if withApplicability {
		applicable := !f.NotApplicable
		in.Applicable = &applicable
	}
	return in, errs
}

// appraiseMergeErrors adds the messages of a store refusal to errs (by
// field: points, reason, applicable, item_id; a problem under "form") and
// reports whether err was one.
func appraiseMergeErrors(err error, errs valid.Errors) bool {
	if fe, ok := valid.As(err); ok {
		for k, v := range fe {
			switch k {
			case "points", "reason", "applicable", "item_id":
				errs.Add(k, v)
			default:
				addFormError(errs, v)
			}
		}
		return true
	}
	if msg := valid.Message(err); msg != "" {
		addFormError(errs, msg)
		return true
	}
	return false
}

// appraiseFind returns the row of item itemID in p, or nil.
func appraiseFind(p appraisePage, itemID int64) *appraiseRow {
	for _, b := range p.Blocks {
		if b.Row != nil && b.Row.Item.ID == itemID {
			return b.Row
		}
	}
	return nil
}
