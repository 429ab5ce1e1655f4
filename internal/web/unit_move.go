package web

import (
	"net/http"
	"strconv"

	"cchc/internal/org"
	"cchc/internal/valid"
)

// moveForm is the move form as typed.
type moveForm struct {
	changeForm
	ParentID int64
}

func (h *Handler) unitMoveForm(w http.ResponseWriter, r *http.Request) {
	u, ok := h.managedUnit(w, r)
	if !ok {
		return
	}
	h.renderMoveForm(w, r, u, moveForm{changeForm: changeForm{Effective: today().VN()}}, nil)
}

// unitMove places the unit under another parent from a day on. The store
// refuses a parent inside the unit's own subtree (a cycle).
func (h *Handler) unitMove(w http.ResponseWriter, r *http.Request) {
	u, ok := h.managedUnit(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	f := moveForm{changeForm: parseChangeForm(r)}
	f.ParentID, _ = strconv.ParseInt(r.PostFormValue("parent_id"), 10, 64)
	errs := valid.Errors{}
	in := org.MoveInput{Change: f.change(errs), ParentID: f.ParentID}
	if len(errs) == 0 {
		after, err := h.app.Units.Move(r.Context(), u.ID, in)
		if err == nil {
			names, _ := h.unitNames(r.Context(), f.ParentID)
			h.redirectFlash(w, r, "/units/"+strconv.FormatInt(after.ID, 10), "success",
				"Đã chuyển "+after.Name+" về trực thuộc "+names[f.ParentID]+" từ ngày "+in.Effective.VN()+".")
			return
		}
		if !mergeErrors(err, errs, "parent_id", "effective", "decision") {
			h.fail(w, r, err)
			return
		}
	}
	h.renderMoveForm(w, r, u, f, errs)
}

func (h *Handler) renderMoveForm(w http.ResponseWriter, r *http.Request, u org.Unit, f moveForm, errs valid.Errors) {
	d, err := h.unitChangeData(r, u, "parent_id", f.ParentID, false)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderForm(w, r, "unit_move", "Chuyển đơn vị cấp trên", d, f, errs)
}
