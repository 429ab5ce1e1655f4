package web

import (
	"errors"
	"fmt"
	"net/http"

	"cchc/internal/files"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// maxEvidenceBytes bounds an evidence upload: the largest file accepted
// and room for the note and the multipart framing.
const maxEvidenceBytes = files.MaxSize + 1<<20

// workItemEvidence attaches an uploaded document (PDF, Word, Excel or an
// image, at most 20 MB) with a note to a work item. A refused file is shown
// beside the upload field: 413 when too large, 422 otherwise.
func (h *Handler) workItemEvidence(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r, "id")
	if !ok {
		return
	}
	_, _, acc, err := h.workItemAccess(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !acc.Update {
		h.forbidden(w, r)
		return
	}
	tooLarge := valid.Errors{files.Field: fmt.Sprintf("Tệp quá lớn: tối đa %d MB.", files.MaxSize>>20)}
	r.Body = http.MaxBytesReader(w, r.Body, maxEvidenceBytes)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			h.renderWorkItem(w, r, id, workForm{}, tooLarge, http.StatusRequestEntityTooLarge)
			return
		}
		h.renderWorkItem(w, r, id, workForm{}, valid.Errors{files.Field: "Vui lòng chọn tệp minh chứng."})
		return
	}
	defer r.MultipartForm.RemoveAll()
	f := workForm{EvidenceNote: r.PostFormValue("note")}
	file, header, err := r.FormFile(files.Field)
	if err != nil {
		h.renderWorkItem(w, r, id, f, valid.Errors{files.Field: "Vui lòng chọn tệp minh chứng."})
		return
	}
	defer file.Close()
	if header.Size > files.MaxSize {
		h.renderWorkItem(w, r, id, f, tooLarge, http.StatusRequestEntityTooLarge)
		return
	}
	ev, err := h.app.Plans.AddEvidence(r.Context(), id, plan.EvidenceInput{Name: header.Filename, Content: file,
		Note: f.EvidenceNote, UserID: user(r).ID})
	if err != nil {
		errs := valid.Errors{}
		if fe, ok := valid.As(err); ok && fe["note"] != "" {
			errs.Add("evidence_note", fe["note"])
			delete(fe, "note")
		}
		if !mergeErrors(err, errs, files.Field) {
			h.serverError(w, r, err)
			return
		}
		h.renderWorkItem(w, r, id, f, errs)
		return
	}
	h.redirectFlash(w, r, workItemURL(id), "success", "Đã thêm minh chứng “"+ev.FileName+"”.")
}
