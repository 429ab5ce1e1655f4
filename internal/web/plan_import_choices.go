package web

import (
	"errors"
	"maps"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/db"
	"cchc/internal/importer"
	"cchc/internal/valid"
)

// Limits on a draft's agency choices.
const (
	maxChoices   = 2000
	maxChoiceKey = 500
)

// planImportChoices records which unit or group an agency name of the
// document means, or forgets that choice (action "clear"), and shows the
// preview again. The name is "key" (agency.Key of the name as written, as the preview
// posts it);
// the unit or group is "target" ("u:12" or "g:3", from the suggestions) or
// "lead_unit_id" (from the unit picker).
func (h *Handler) planImportChoices(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openDraftToChange(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	key := strings.TrimSpace(r.PostFormValue("key"))
	if key == "" || len(key) > maxChoiceKey {
		h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, importUnitForm{},
			valid.Errors{"form": "Vui lòng chọn tên cơ quan cần gán đơn vị."})
		return
	}
	s := d.Settings
	s.Choices = maps.Clone(s.Choices)
	if s.Choices == nil {
		s.Choices = map[string]importer.Choice{}
	}
	if r.PostFormValue("action") == "clear" {
		delete(s.Choices, key)
		h.saveDraftSettings(w, r, d, s, "#agencies", "Đã bỏ lựa chọn đơn vị cho tên cơ quan này.")
		return
	}
	c, ok := parseChoiceValue(r.PostFormValue("target"))
	if id, err := strconv.ParseInt(r.PostFormValue("lead_unit_id"), 10, 64); err == nil && id > 0 {
		c, ok = importer.Choice{UnitID: id}, true
	}
	if !ok {
		h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, importUnitForm{},
			valid.Errors{"form": "Vui lòng chọn đơn vị hoặc nhóm đơn vị cho tên cơ quan."})
		return
	}
	name, err := h.choiceName(r, c)
	if errors.Is(err, db.ErrNotFound) {
		h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, importUnitForm{},
			valid.Errors{"form": "Đơn vị hoặc nhóm đơn vị đã chọn không còn trong hệ thống."})
		return
	}
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if _, exists := s.Choices[key]; !exists && len(s.Choices) >= maxChoices {
		h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, importUnitForm{},
			valid.Errors{"form": "Đã gán quá nhiều tên cơ quan trong một lần nhập."})
		return
	}
	s.Choices[key] = c
	h.saveDraftSettings(w, r, d, s, "#agencies", "Đã gán “"+name+"” cho tên cơ quan trong tệp; các nhiệm vụ dùng tên này đã được cập nhật.")
}

// choiceName returns the name of the unit or group c names, or
// db.ErrNotFound.
func (h *Handler) choiceName(r *http.Request, c importer.Choice) (string, error) {
	if c.GroupID != 0 {
		g, err := h.app.Units.Group(r.Context(), c.GroupID)
		return g.Name, err
	}
	u, err := h.app.Units.Get(r.Context(), c.UnitID)
	return u.Name, err
}
