package web

import (
	"net/http"
	"strconv"

	"cchc/internal/org"
	"cchc/internal/valid"
)

// renameForm is the rename form as typed.
type renameForm struct {
	changeForm
	Name      string
	ShortName string
}

func (h *Handler) unitRenameForm(w http.ResponseWriter, r *http.Request) {
	u, ok := h.managedUnit(w, r)
	if !ok {
		return
	}
	f := renameForm{changeForm: changeForm{Effective: today().VN()}, Name: u.Name, ShortName: u.ShortName}
	h.renderForm(w, r, "unit_rename", "Đổi tên đơn vị", unitChangeData{Unit: u}, f, nil)
}

// unitRename gives the unit a new name from a day on; the old name stays in
// its history and as a name documents may still use.
func (h *Handler) unitRename(w http.ResponseWriter, r *http.Request) {
	u, ok := h.managedUnit(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	f := renameForm{changeForm: parseChangeForm(r), Name: r.PostFormValue("name"), ShortName: r.PostFormValue("short_name")}
	errs := valid.Errors{}
	in := org.RenameInput{Change: f.change(errs), Name: f.Name, ShortName: f.ShortName}
	if len(errs) == 0 {
		after, err := h.app.Units.Rename(r.Context(), u.ID, in)
		if err == nil {
			h.redirectFlash(w, r, "/units/"+strconv.FormatInt(u.ID, 10), "success",
				"Đã đổi tên “"+u.Name+"” thành “"+after.Name+"” từ ngày "+in.Effective.VN()+".")
			return
		}
		if !mergeErrors(err, errs, "name", "short_name", "effective", "decision") {
			h.fail(w, r, err)
			return
		}
	}
	h.renderForm(w, r, "unit_rename", "Đổi tên đơn vị", unitChangeData{Unit: u}, f, errs)
}
