package web

import (
	"net/http"

	"cchc/internal/index"
)

// indexItemsEdit is the editor of a draft framework's item list
// (ManageIndex): a row per item with its number, title, maximum, kind,
// rule, evidence, applicability, group and guidance, and empty rows to
// add more. Once units may self-assess, the list is frozen: the page
// sends back to the framework.
func (h *Handler) indexItemsEdit(w http.ResponseWriter, r *http.Request) {
	f, ok := h.indexManagedFramework(w, r)
	if !ok {
		return
	}
	if f.Stage != index.StageDraft {
		h.redirectFlash(w, r, indexFrameworkURL(f.ID), "error",
			"Chỉ sửa được danh mục tiêu chí khi bộ chỉ số đang soạn thảo.")
		return
	}
	items, err := h.app.Index.Items(r.Context(), f.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	tree := index.BuildTree(items)
	rows := make([]indexItemForm, len(items))
	for i, it := range items {
		rows[i] = indexItemFormOf(it, tree.IsLeaf(it.ID))
	}
	h.renderIndexItems(w, r, f, rows, false, nil)
}
