package web

import (
	"errors"
	"net/http"
	"strconv"

	"cchc/internal/files"
	"cchc/internal/valid"
)

// planSourceUpload stores the plan's source document (the signed decision)
// and links it to the plan; a refused file comes back as a message on the
// plan page.
func (h *Handler) planSourceUpload(w http.ResponseWriter, r *http.Request) {
	p, ok := h.managedPlan(w, r)
	if !ok {
		return
	}
	back := planURL(p.ID, "")
	// The multipart envelope adds a little to the file itself.
	r.Body = http.MaxBytesReader(w, r.Body, files.MaxSize+1<<20)
	file, header, err := r.FormFile(files.Field)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || err == nil && header.Size > files.MaxSize:
		h.redirectFlash(w, r, back, "error", "Tệp quá lớn: tối đa "+strconv.Itoa(files.MaxSize>>20)+" MB.")
		return
	case err != nil:
		h.redirectFlash(w, r, back, "error", "Vui lòng chọn tệp văn bản (PDF, Word) để tải lên.")
		return
	}
	defer file.Close()
	f, err := h.app.Plans.AttachSource(r.Context(), p.ID, header.Filename, file, user(r).ID)
	if err != nil {
		if msg := valid.Message(err); msg != "" {
			h.redirectFlash(w, r, back, "error", msg)
			return
		}
		h.serverError(w, r, err)
		return
	}
	h.redirectFlash(w, r, back, "success", "Đã đính kèm văn bản “"+f.Name+"”.")
}

// planSourceDownload sends the plan's source document under its stored
// name and detected type, to everyone who may read the plan.
func (h *Handler) planSourceDownload(w http.ResponseWriter, r *http.Request) {
	p, ok := h.readPlan(w, r)
	if !ok {
		return
	}
	if p.SourceFileID == nil {
		h.notFound(w, r)
		return
	}
	h.sendFile(w, r, *p.SourceFileID)
}
