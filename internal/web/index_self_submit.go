package web

import (
	"fmt"
	"net/http"

	"cchc/internal/valid"
)

// indexSelfSubmit submits a unit's self-assessment for appraisal, which
// locks it. What keeps it from being submitted (items not scored,
// evidence neither cited nor explained) is listed at the top of the page
// (422), each message linking to its row (#item-<id>) and repeated on the
// row; a refusal not tied to an item (the deadline passed) is shown at the
// top. Success redirects to the page, read only from then on. It needs
// SelfAssess on the unit.
func (h *Handler) indexSelfSubmit(w http.ResponseWriter, r *http.Request) {
	d, ok := h.selfLoad(w, r, true)
	if !ok {
		return
	}
	a, err := h.app.Index.Submit(r.Context(), d.a.ID, user(r).ID)
	if err == nil {
		h.redirectFlash(w, r, selfURL(a.ID), "success", "Đã nộp bản tự chấm Chỉ số CCHC của "+d.unit.Name+
			". Hội đồng thẩm định sẽ xem xét; đơn vị không sửa được bản tự chấm nữa.")
		return
	}
	msg := valid.Message(err)
	if msg == "" {
		h.serverError(w, r, err)
		return
	}
	p, berr := h.selfBuild(r, d)
	if berr != nil {
		h.serverError(w, r, berr)
		return
	}
	fe, ok := valid.As(err)
	if !ok {
		p.FormError = msg
		h.selfRender(w, r, p, http.StatusUnprocessableEntity)
		return
	}
	used := map[string]bool{}
	for _, leaf := range d.tree.Leaves() {
		key := fmt.Sprintf("item.%d", leaf.ID)
		m, found := fe[key]
		if !found {
			continue
		}
		used[key] = true
		p.Issues = append(p.Issues, selfIssue{ItemID: leaf.ID, Number: leaf.Number, Message: m})
		if row := p.rows[leaf.ID]; row != nil {
			row.Errors = valid.Errors{"item": m}
		}
	}
	for k, m := range fe {
		if !used[k] {
			if p.FormError != "" {
				p.FormError += " "
			}
			p.FormError += m
		}
	}
	h.selfRender(w, r, p, http.StatusUnprocessableEntity)
}
