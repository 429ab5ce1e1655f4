package api

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"

	"cchc/internal/files"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// evidenceFormOverhead is what a multipart body may carry besides the file:
// boundaries, part headers and the note.
const evidenceFormOverhead = 64 << 10

// evidenceUpload answers POST /api/v1/work-items/{id}/evidence, a
// multipart/form-data body with the document in field "file" and an
// optional "note": 201 with the evidence record. It needs UpdateWork on the
// item's unit. A file over files.MaxSize (20 MB) is 413; a file that is
// empty, of a type not accepted (judged from its content by the files
// package: PDF, Word, Excel, images) or whose extension does not match its
// content is 422 on field "file".
func (h *API) evidenceUpload(w http.ResponseWriter, r *http.Request) {
	it, ok := h.updatableWorkItem(w, r)
	if !ok {
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "multipart/form-data" {
		h.badRequest(w, r, `Nội dung gửi lên phải là multipart/form-data, với tệp ở trường "file".`)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, files.MaxSize+evidenceFormOverhead)
	reader, err := r.MultipartReader()
	if err != nil {
		h.badRequest(w, r, "Nội dung multipart/form-data không hợp lệ.")
		return
	}
	var (
		note, name string
		data       []byte
		gotFile    bool
	)
	for {
		part, err := reader.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			h.multipartFailed(w, r, err)
			return
		}
		switch part.FormName() {
		case "note":
			b, err := readPart(part, 4*plan.MaxNoteLen)
			if err != nil {
				h.multipartFailed(w, r, err)
				return
			}
			note = string(b)
		case files.Field:
			name, gotFile = part.FileName(), true
			if data, err = readPart(part, files.MaxSize); err != nil {
				h.multipartFailed(w, r, err)
				return
			}
		}
	}
	if !gotFile {
		h.fail(w, r, valid.Errors{files.Field: `Vui lòng chọn tệp minh chứng (trường "file").`})
		return
	}
	ev, err := h.app.Plans.AddEvidence(r.Context(), it.ID, plan.EvidenceInput{Name: name, Content: bytes.NewReader(data),
		Note: note, UserID: user(r).ID})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/work-items/"+strconv.FormatInt(it.ID, 10)+"/evidence")
	h.writeJSON(w, r, http.StatusCreated, ev)
}

// errPartTooLarge is a form part longer than its limit.
var errPartTooLarge = errors.New("api: form part too large")

// readPart reads a whole part of at most limit bytes.
func readPart(p *multipart.Part, limit int64) ([]byte, error) {
	defer p.Close()
	b, err := io.ReadAll(io.LimitReader(p, limit+1))
	if err == nil && int64(len(b)) > limit {
		err = errPartTooLarge
	}
	return b, err
}

// multipartFailed answers a failure to read the form: 413 when the body or
// a part is too large, else 400.
func (h *API) multipartFailed(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) || errors.Is(err, errPartTooLarge) {
		h.error(w, r, http.StatusRequestEntityTooLarge, codeTooLarge,
			fmt.Sprintf("Tệp hoặc nội dung gửi lên quá lớn (tệp tối đa %d MB).", files.MaxSize>>20))
		return
	}
	h.badRequest(w, r, "Nội dung multipart/form-data không hợp lệ hoặc bị cắt cụt.")
}
