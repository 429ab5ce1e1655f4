package web

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"

	"cchc/internal/auth"
	"cchc/internal/httpx"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// indexSurveyImport reads an uploaded survey workbook (the layout of the
// template) and stores its points all or nothing, then goes back to the
// unit list with how many units were updated. A refused file shows the
// list again (422) with every bad cell by row and column, or the reason
// the whole file was refused; nothing is stored then. It needs
// ManageIndex.
func (h *Handler) indexSurveyImport(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	if !h.can(r, auth.ManageIndex, 0) {
		h.forbidden(w, r)
		return
	}
	f, err := h.app.Index.Framework(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
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
		h.renderIndexUnits(w, r, http.StatusRequestEntityTooLarge, f, indexUnitsNotes{SurveyError: "Tệp quá lớn: tối đa 10 MB."})
		return
	case err != nil:
		h.renderIndexUnits(w, r, http.StatusUnprocessableEntity, f,
			indexUnitsNotes{SurveyError: "Vui lòng chọn tệp Excel (.xlsx) điểm điều tra để nhập."})
		return
	}
	content, err := io.ReadAll(io.LimitReader(file, maxImportFile+1))
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	notes := indexUnitsNotes{SurveyFile: header.Filename}
	if !org.LooksLikeXLSX(content) {
		notes.SurveyError = "Tệp không phải tệp Excel (.xlsx). Hãy dùng tệp mẫu tải về ở trang này."
		h.renderIndexUnits(w, r, http.StatusUnprocessableEntity, f, notes)
		return
	}
	n, err := h.app.Index.ImportSurveyXLSX(r.Context(), f.ID, content, user(r).ID)
	if err == nil {
		h.redirectFlash(w, r, indexUnitsURL(f.ID), "success",
			fmt.Sprintf("Đã nhập điểm điều tra xã hội học của %d đơn vị từ tệp %s.", n, header.Filename))
		return
	}
	if fe, ok := valid.As(err); ok {
		for _, k := range slices.Sorted(maps.Keys(fe)) {
			notes.SurveyProblems = append(notes.SurveyProblems, fe[k])
		}
	} else if msg := valid.Message(err); msg != "" {
		notes.SurveyError = msg
	} else {
		h.fail(w, r, err)
		return
	}
	h.log.Info("survey import refused", "request_id", httpx.RequestID(r.Context()), "file", header.Filename,
		"problems", len(notes.SurveyProblems))
	h.renderIndexUnits(w, r, http.StatusUnprocessableEntity, f, notes)
}
