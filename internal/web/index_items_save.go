package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// indexItemsSave saves the editor's rows as the framework's whole item
// list (ManageIndex, draft only): rows left empty are dropped, the others
// are ordered by number and saved in one go. Problems come back on their
// rows ("Dòng 5: ...") with everything typed kept; nothing is saved then.
// The editor's add and remove buttons (without JavaScript) post here too
// with "op" ("add", "remove/<index>"): the page comes back with the change
// and nothing is saved.
func (h *Handler) indexItemsSave(w http.ResponseWriter, r *http.Request) {
	f, ok := h.indexManagedFramework(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, indexMaxItemsForm)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được danh mục đã gửi (có thể quá lớn).")
		return
	}
	switch op := r.PostFormValue("op"); {
	case op == "add":
		// The rows typed in the empty ones join the list; new empty rows
		// follow.
		h.renderIndexItems(w, r, f, indexItemRows(r.PostForm, -1), true, nil)
		return
	case strings.HasPrefix(op, "remove/"):
		i, err := strconv.Atoi(strings.TrimPrefix(op, "remove/"))
		if err != nil || i < 0 {
			h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Thao tác trên danh mục không hợp lệ.")
			return
		}
		h.renderIndexItems(w, r, f, indexItemRows(r.PostForm, i), true, nil)
		return
	case op != "":
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Thao tác trên danh mục không hợp lệ.")
		return
	}
	rows := indexItemRows(r.PostForm, -1)
	indexSortItemRows(rows)
	inputs, errs := indexItemInputs(rows)
	if len(errs) == 0 {
		err := h.app.Index.SaveItems(r.Context(), f.ID, inputs, user(r).ID)
		if err == nil {
			h.redirectFlash(w, r, indexFrameworkURL(f.ID)+"#items", "success",
				fmt.Sprintf("Đã lưu danh mục tiêu chí: %d mục.", len(rows)))
			return
		}
		if !indexMergeErrors(err, errs, "items") {
			h.fail(w, r, err)
			return
		}
	}
	h.renderIndexItems(w, r, f, rows, true, errs)
}
