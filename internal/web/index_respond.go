package web

import (
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/index"
	"cchc/internal/valid"
)

// indexRespond records the unit's one response to its appraisal: an
// overall opinion (required) and a response to any of the items the
// appraisal changed (fields items.<itemID>). A refusal (nothing written,
// already responded) shows the page again (422) with the form as typed;
// success redirects to the page, which then shows the response instead of
// the form. It needs SelfAssess on the unit.
func (h *Handler) indexRespond(w http.ResponseWriter, r *http.Request) {
	d, ok := h.selfLoad(w, r, true)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được phản hồi gửi lên.")
		return
	}
	in := index.ResponseInput{Overall: r.PostFormValue("overall"), Items: map[int64]string{}}
	for key, vals := range r.PostForm {
		rest, found := strings.CutPrefix(key, "items.")
		if !found || len(vals) == 0 {
			continue
		}
		id, err := strconv.ParseInt(rest, 10, 64)
		if err != nil || id <= 0 {
			continue
		}
		in.Items[id] = vals[0]
	}
	_, err := h.app.Index.Respond(r.Context(), d.a.ID, in, user(r).ID)
	if err == nil {
		h.redirectFlash(w, r, selfURL(d.a.ID), "success", "Đã gửi phản hồi kết quả thẩm định của "+d.unit.Name+".")
		return
	}
	errs := valid.Errors{}
	fields := []string{"overall"}
	for id := range in.Items {
		fields = append(fields, "items."+strconv.FormatInt(id, 10))
	}
	if !mergeErrors(err, errs, fields...) {
		h.serverError(w, r, err)
		return
	}
	p, berr := h.selfBuild(r, d)
	if berr != nil {
		h.serverError(w, r, berr)
		return
	}
	p.Response.Overall, p.Response.Errors, p.FormError = in.Overall, errs, errs["form"]
	for i := range p.Response.Items {
		item := &p.Response.Items[i]
		item.Value, item.Err = in.Items[item.ItemID], errs["items."+strconv.FormatInt(item.ItemID, 10)]
	}
	h.selfRender(w, r, p, http.StatusUnprocessableEntity)
}
