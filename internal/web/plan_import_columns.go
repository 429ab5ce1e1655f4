package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"cchc/internal/importer"
	"cchc/internal/valid"
)

// planImportColumns changes how the draft's document is read and shows the
// preview again: the role of each column of one table ("role", one value
// per column in order, for table "table"), the return of a table to the
// roles recognised from its headers (action "reset"), or the plan year and
// the sheet to read (action "reading").
func (h *Handler) planImportColumns(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openDraftToChange(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	s := d.Settings
	switch r.PostFormValue("action") {
	case "reading":
		errs := valid.Errors{}
		s.Year = parseYearField(strings.TrimSpace(r.PostFormValue("year")), "year", "Năm kế hoạch", errs)
		s.Sheet = strings.TrimSpace(r.PostFormValue("sheet"))
		if utf8.RuneCountInString(s.Sheet) > 255 {
			errs.Add("sheet", "Tên trang tính dài tối đa 255 ký tự.")
		}
		if len(errs) > 0 {
			h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, importUnitForm{}, errs)
			return
		}
		h.saveDraftSettings(w, r, d, s, "#reading", "Đã lưu cách đọc tệp: các dòng bên dưới đã được đọc lại.")
		return
	case "reset":
		index, err := strconv.Atoi(r.PostFormValue("table"))
		if err != nil {
			h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không rõ bảng cần khôi phục.")
			return
		}
		delete(s.Columns, index)
		h.saveDraftSettings(w, r, d, s, "#tables", "Đã khôi phục vai trò các cột do hệ thống nhận diện.")
		return
	}
	index, err := strconv.Atoi(r.PostFormValue("table"))
	roles := r.PostForm["role"]
	if err != nil || index < 0 {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không rõ bảng cần đổi vai trò các cột.")
		return
	}
	st, err := h.readDraft(r.Context(), h.app.DB, d)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	i := slices.IndexFunc(st.Result.Tables, func(t importer.TableInfo) bool { return t.Index == index })
	if msg := checkRoles(st.Result.Tables, i, roles); msg != "" {
		h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, importUnitForm{}, valid.Errors{"form": msg})
		return
	}
	if s.Columns == nil {
		s.Columns = map[int][]string{}
	}
	s.Columns[index] = roles
	h.saveDraftSettings(w, r, d, s, "#tables", "Đã lưu vai trò các cột của bảng "+strconv.Itoa(index+1)+": các dòng bên dưới đã được đọc lại.")
}

// checkRoles returns why roles cannot be the columns of tables[i] (i -1:
// no such table), or "".
func checkRoles(tables []importer.TableInfo, i int, roles []string) string {
	if i < 0 {
		return "Không tìm thấy bảng này trong tệp."
	}
	if len(roles) != len(tables[i].Roles) {
		return "Cần chọn vai trò cho đúng " + strconv.Itoa(len(tables[i].Roles)) + " cột của bảng."
	}
	for _, role := range roles {
		if !slices.ContainsFunc(importer.Roles, func(r struct{ Code, Label string }) bool { return r.Code == role }) {
			return "Vai trò cột “" + role + "” không hợp lệ."
		}
	}
	// A table with no task column is read as no tasks; that is meant only
	// when every column is ignored.
	used := slices.ContainsFunc(roles, func(role string) bool { return role != importer.RoleIgnore })
	if used && !slices.Contains(roles, importer.RoleTitle) {
		return "Cần có một cột “" + importer.RoleLabel(importer.RoleTitle) + "” (nội dung nhiệm vụ), hoặc chọn “" +
			importer.RoleLabel(importer.RoleIgnore) + "” cho mọi cột để không lấy nhiệm vụ từ bảng này."
	}
	return ""
}
