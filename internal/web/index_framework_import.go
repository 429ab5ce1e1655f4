package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"cchc/internal/httpx"
	"cchc/internal/index"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// indexMaxFrameworkFile is the largest framework workbook accepted.
const indexMaxFrameworkFile = 5 << 20

// indexFrameworkImport replaces a draft framework's items (and bands, when
// the workbook has them) with those of an uploaded workbook in the layout
// of the export (ManageIndex). A refused file comes back as the framework
// page (422) with every problem by sheet, row and column; nothing is saved
// then.
func (h *Handler) indexFrameworkImport(w http.ResponseWriter, r *http.Request) {
	f, ok := h.indexManagedFramework(w, r)
	if !ok {
		return
	}
	refuse := func(status int, st indexFrameworkState) {
		h.renderIndexFramework(w, r, status, indexViewer{Manage: true}, f, st)
	}
	r.Body = http.MaxBytesReader(w, r.Body, indexMaxFrameworkFile+64<<10)
	file, header, err := r.FormFile("file")
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	if err == nil {
		defer file.Close()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || err == nil && header.Size > indexMaxFrameworkFile:
		refuse(http.StatusRequestEntityTooLarge, indexFrameworkState{ImportErr: "Tệp quá lớn: tối đa 5 MB."})
		return
	case err != nil:
		refuse(http.StatusUnprocessableEntity, indexFrameworkState{ImportErr: "Vui lòng chọn tệp Excel (.xlsx) của bộ chỉ số để nhập."})
		return
	}
	st := indexFrameworkState{ImportFile: header.Filename}
	if f.Stage != index.StageDraft {
		st.ImportErr = "Chỉ nhập được danh mục tiêu chí khi bộ chỉ số đang soạn thảo."
		refuse(http.StatusUnprocessableEntity, st)
		return
	}
	content, err := io.ReadAll(io.LimitReader(file, indexMaxFrameworkFile+1))
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !org.LooksLikeXLSX(content) {
		st.ImportErr = "Tệp không phải tệp Excel (.xlsx). Hãy dùng tệp tải về bằng nút “Tải Excel” của một bộ chỉ số."
		refuse(http.StatusUnprocessableEntity, st)
		return
	}
	items, bands, err := index.ReadFrameworkXLSX(content)
	if err == nil {
		err = h.app.Index.ImportFramework(r.Context(), f.ID, items, bands, user(r).ID)
	}
	if err == nil {
		msg := fmt.Sprintf("Đã nhập %d mục của danh mục tiêu chí từ tệp %s.", len(items), header.Filename)
		if bands != nil {
			msg = fmt.Sprintf("Đã nhập %d mục của danh mục tiêu chí và %d mức xếp loại từ tệp %s.", len(items), len(bands), header.Filename)
		}
		h.redirectFlash(w, r, indexFrameworkURL(f.ID), "success", msg)
		return
	}
	var cells index.FrameworkImportErrors
	switch {
	case errors.As(err, &cells):
		st.Import = cells
	case valid.Message(err) != "":
		st.ImportErr = valid.Message(err)
	default:
		h.serverError(w, r, err)
		return
	}
	h.log.Info("framework import refused", "request_id", httpx.RequestID(r.Context()), "framework", f.ID,
		"file", header.Filename, "problems", len(st.Import))
	refuse(http.StatusUnprocessableEntity, st)
}
