package web

import (
	"html/template"
	"mime"
	"net/http"
	"strconv"

	"cchc/internal/auth"
)

// sendFile answers with stored file id as a download; the caller has
// checked that the user may read it.
func (h *Handler) sendFile(w http.ResponseWriter, r *http.Request, id int64) {
	f, data, err := h.app.Files.Open(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(data)
}

// issuerField returns the issuing-unit field of a plan form for unit id:
// the unit picker for users who may choose any unit, or the fixed name of
// an officer's own unit.
func (h *Handler) issuerField(r *http.Request, id int64) (picker template.HTML, fixed string, err error) {
	if h.can(r, auth.ManagePlan, 0) {
		pk, _ := pickerFor("issuing_unit_id", false)
		if err := h.fillPicker(r, &pk, []int64{id}, ""); err != nil {
			return "", "", err
		}
		picker, err = h.pickerHTML(pk)
		return picker, "", err
	}
	names, err := h.unitNames(r.Context(), id)
	return "", names[id], err
}
