package web

import (
	"net/http"

	"cchc/internal/valid"
)

// indexRankedSet lists a unit with a rank (ranked=1) or without one
// (ranked=0, with the reason in unranked_note) and goes back to the unit
// list with a message. A refusal (no reason) shows the list again (422)
// with the message and the typed reason on the unit's row. It needs
// ManageIndex on the assessment's unit.
func (h *Handler) indexRankedSet(w http.ResponseWriter, r *http.Request) {
	a, f, ok := h.indexUnitsAssessment(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được biểu mẫu đã gửi.")
		return
	}
	ranked := r.PostFormValue("ranked") == "1"
	note := r.PostFormValue("unranked_note")
	if err := h.app.Index.SetRanked(r.Context(), a.ID, ranked, note, user(r).ID); err != nil {
		msg := valid.Message(err)
		if msg == "" {
			h.fail(w, r, err)
			return
		}
		h.renderIndexUnits(w, r, http.StatusUnprocessableEntity, f, indexUnitsNotes{RowID: a.ID, RowError: msg, NoteValue: note})
		return
	}
	names, err := h.unitNames(r.Context(), a.UnitID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	msg := "Đã đưa " + names[a.UnitID] + " vào bảng xếp hạng."
	if !ranked {
		msg = names[a.UnitID] + " được liệt kê nhưng không xếp hạng."
	}
	h.redirectFlash(w, r, indexUnitsURL(f.ID), "success", msg)
}
