package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	"cchc/internal/auth"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// maxImportFile is the largest workbook accepted for a unit import.
const maxImportFile = 10 << 20

// unitImportData is what the import page shows: the form, then either the
// counts of a finished import or every row error of a refused one.
type unitImportData struct {
	Result    *org.ImportResult
	DryRun    bool
	RowErrors org.ImportErrors
	FileName  string
}

const unitImportTitle = "Nhập đơn vị từ Excel"

// unitImportForm shows the upload form with a link to the template.
func (h *Handler) unitImportForm(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	h.render(w, r, http.StatusOK, "unit_import", unitImportTitle, unitImportData{})
}

// unitImport reads an uploaded workbook and imports it all or nothing. A
// refused file comes back as 422 with every row error; nothing is written.
func (h *Handler) unitImport(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	// The multipart envelope adds a little to the file itself.
	r.Body = http.MaxBytesReader(w, r.Body, maxImportFile+64<<10)
	file, header, err := r.FormFile("file")
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	if err == nil {
		defer file.Close()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || err == nil && header.Size > maxImportFile:
		h.importRefused(w, r, http.StatusRequestEntityTooLarge, unitImportData{}, "Tệp quá lớn: tối đa 10 MB.")
		return
	case err != nil:
		h.importRefused(w, r, http.StatusUnprocessableEntity, unitImportData{}, "Vui lòng chọn tệp Excel (.xlsx) để nhập.")
		return
	}
	data := unitImportData{FileName: header.Filename, DryRun: r.FormValue("dry_run") == "1"}
	content, err := io.ReadAll(io.LimitReader(file, maxImportFile+1))
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !org.LooksLikeXLSX(content) {
		h.importRefused(w, r, http.StatusUnprocessableEntity, data, valid.Message(org.ErrNotXLSX))
		return
	}
	res, err := h.app.Units.ImportXLSX(r.Context(), bytes.NewReader(content), org.ImportOptions{DryRun: data.DryRun})
	var rowErrs org.ImportErrors
	switch {
	case errors.As(err, &rowErrs):
		data.RowErrors = rowErrs
		h.render(w, r, http.StatusUnprocessableEntity, "unit_import", unitImportTitle, data)
	case valid.Message(err) != "":
		h.importRefused(w, r, http.StatusUnprocessableEntity, data, valid.Message(err))
	case err != nil:
		h.serverError(w, r, err)
	default:
		data.Result = &res
		h.render(w, r, http.StatusOK, "unit_import", unitImportTitle, data)
	}
}

// importRefused shows the form again with msg under the file field.
func (h *Handler) importRefused(w http.ResponseWriter, r *http.Request, status int, data unitImportData, msg string) {
	h.renderPage(w, r, status, "unit_import", &Page{Title: unitImportTitle, Data: data, Errors: valid.Errors{"file": msg}})
}
