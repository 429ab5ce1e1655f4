package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"

	"cchc/internal/auth"
	"cchc/internal/httpx"
	"cchc/internal/org"
	"cchc/internal/report"
	"cchc/internal/valid"
)

// maxFormFile is the largest form workbook accepted.
const maxFormFile = 5 << 20

// reportFormImport reads an uploaded form workbook and saves it: a new form,
// or a new version of the form with the same code (ReviewReport). A
// refused file comes back as 422 with every problem by sheet, row and
// column; nothing is saved then.
func (h *Handler) reportFormImport(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormFile+64<<10)
	file, header, err := r.FormFile("file")
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	if err == nil {
		defer file.Close()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || err == nil && header.Size > maxFormFile:
		h.renderFormList(w, r, http.StatusRequestEntityTooLarge, formListData{ImportErr: "Tệp quá lớn: tối đa 5 MB."})
		return
	case err != nil:
		h.renderFormList(w, r, http.StatusUnprocessableEntity, formListData{ImportErr: "Vui lòng chọn tệp Excel (.xlsx) của biểu mẫu để nhập."})
		return
	}
	data := formListData{FileName: header.Filename}
	content, err := io.ReadAll(io.LimitReader(file, maxFormFile+1))
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !org.LooksLikeXLSX(content) {
		data.ImportErr = "Tệp không phải tệp Excel (.xlsx). Hãy dùng tệp tải về bằng nút “Tải Excel” của một biểu mẫu."
		h.renderFormList(w, r, http.StatusUnprocessableEntity, data)
		return
	}
	in, err := report.ImportFormXLSX(bytes.NewReader(content))
	if err == nil {
		var f report.Form
		if f, err = h.app.Reports.SaveForm(r.Context(), in, user(r).ID); err == nil {
			h.redirectFlash(w, r, "/report-forms/"+f.Code, "success",
				fmt.Sprintf("Đã nhập biểu mẫu “%s” từ tệp %s (phiên bản %d).", f.Title, header.Filename, f.Version))
			return
		}
	}
	var rows report.FormImportErrors
	switch {
	case errors.As(err, &rows):
		data.Import = rows
	case isFieldErrors(err):
		// SaveForm's own checks (unit kinds that do not exist, a code taken
		// meanwhile) name fields, not rows.
		fe, _ := valid.As(err)
		for _, k := range slices.Sorted(maps.Keys(fe)) {
			data.Import = append(data.Import, report.FormImportError{Sheet: sheetOf(k), Message: fe[k]})
		}
	case valid.Message(err) != "":
		data.ImportErr = valid.Message(err)
	default:
		h.serverError(w, r, err)
		return
	}
	h.log.Info("form import refused", "request_id", httpx.RequestID(r.Context()), "file", header.Filename, "problems", len(data.Import))
	h.renderFormList(w, r, http.StatusUnprocessableEntity, data)
}

func isFieldErrors(err error) bool {
	_, ok := valid.As(err)
	return ok
}

// sheetOf names the sheet of the workbook a SaveForm error key belongs to.
func sheetOf(key string) string {
	switch key {
	case "code", "title", "unit_kinds", "report_types":
		return "Biểu mẫu"
	}
	if len(key) > 5 && key[:5] == "rules" {
		return "Quy tắc"
	}
	return "Chỉ tiêu"
}
