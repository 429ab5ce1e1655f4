package web

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/jmoiron/sqlx"

	"cchc/internal/agency"
	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/importer"
	"cchc/internal/org"
	"cchc/internal/plan"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// importUnitFields are the create-unit form's fields, as valid.Errors keys
// them.
var importUnitFields = []string{"key", "name", "code", "kind", "parent_id"}

// planImportCreateUnit adds a unit for an agency name of the document that
// matches none (ManageUnits), and records it as that name's choice, in one
// transaction; then it shows the preview again. The unit is named "name"
// (empty: the name the document writes, its abbreviations
// expanded), coded "code" (empty: made from the name's
// initials), of kind "kind", under "parent_id" (empty: at the top).
func (h *Handler) planImportCreateUnit(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ManageUnits, 0) {
		h.forbidden(w, r)
		return
	}
	d, ok := h.openDraftToChange(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	ctx := r.Context()
	f := importUnitForm{Key: strings.TrimSpace(r.PostFormValue("key")), Name: r.PostFormValue("name"),
		Code: r.PostFormValue("code"), Kind: r.PostFormValue("kind")}
	f.ParentID, _ = strconv.ParseInt(r.PostFormValue("parent_id"), 10, 64)
	errs := valid.Errors{}
	st, err := h.readDraft(ctx, h.app.DB, d)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	written, found := agencyByKey(st.Result, f.Key)
	if !found {
		errs.Add("key", "Vui lòng chọn tên cơ quan cần tạo đơn vị.")
	}
	in := org.Input{Name: f.Name, Code: f.Code, Kind: f.Kind, ActiveFrom: importUnitStart(d.Settings, st.Plan, today())}
	if vn.CleanText(in.Name) == "" {
		in.Name = written
	}
	if f.ParentID > 0 {
		in.ParentID = &f.ParentID
	}
	if strings.TrimSpace(in.Code) == "" {
		code, err := h.freeUnitCode(ctx, unitCodeOf(in.Name))
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		in.Code = code
	}
	in.Normalize()
	for k, v := range in.Validate() {
		errs.Add(k, v)
	}
	if len(errs) > 0 {
		h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, f, errs)
		return
	}
	s := d.Settings
	s.Choices = maps.Clone(s.Choices)
	if s.Choices == nil {
		s.Choices = map[string]importer.Choice{}
	}
	var u org.Unit
	err = h.app.DB.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if u, err = org.CreateTx(ctx, tx, in); err != nil {
			return err
		}
		s.Choices[f.Key] = importer.Choice{UnitID: u.ID}
		return importer.SaveDraftSettings(ctx, tx, d.ID, s)
	})
	switch {
	case errors.Is(err, importer.ErrDraftDone):
		h.draftDone(w, r, d)
	case err != nil && mergeErrors(err, errs, importUnitFields...):
		h.renderImportPreview(w, r, d, http.StatusUnprocessableEntity, f, errs)
	case err != nil:
		h.serverError(w, r, err)
	default:
		h.redirectFlash(w, r, importURL(d.ID, "#agencies"), "success",
			"Đã tạo đơn vị “"+u.Name+"” (mã "+u.Code+") và gán cho tên cơ quan trong tệp.")
	}
}

// agencyByKey returns the full name (as normalised, else as written) of the
// document's first agency whose written name has key; found is false when
// no agency has it.
func agencyByKey(res importer.Result, key string) (name string, found bool) {
	if key == "" {
		return "", false
	}
	for _, t := range res.Tasks {
		for _, a := range slices.Concat(t.Lead, t.Coordinating) {
			if agency.Key(a.Text) == key || a.Text == "" && agency.Key(a.Name) == key {
				return cmp.Or(a.Name, a.Text), true
			}
		}
	}
	return "", false
}

// importUnitStart is the day a unit created for a document's name starts:
// the first day of the plan (of the plan year given, else of the plan the
// tasks go into, else of the new plan) when it is before today — the plan
// names the unit, so it existed then — else today.
func importUnitStart(s importer.DraftSettings, p *plan.Plan, today civil.Date) civil.Date {
	var start civil.Date
	switch {
	case s.Year != 0:
		start = yearStart(s.Year)
	case p != nil:
		start = p.PeriodStart
	case s.NewPlan != nil && s.NewPlan.FromYear != 0:
		start = yearStart(s.NewPlan.FromYear)
	}
	if start.IsZero() || !start.Before(today) {
		return today
	}
	return start
}

// unitCodeOf makes a unit code from a name's initials: "Đài Phát thanh và
// Truyền hình tỉnh" gives "DPTVTHT". It is "DV" for a name with no letters.
func unitCodeOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(vn.Fold(name)) {
		r := []rune(w)[0]
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToUpper(r))
		}
		if b.Len() == 16 {
			break
		}
	}
	if b.Len() == 0 {
		return "DV"
	}
	return b.String()
}

// freeUnitCode returns base, or base-2, base-3 ... when it is taken.
func (h *Handler) freeUnitCode(ctx context.Context, base string) (string, error) {
	code := base
	for n := 2; n < 1000; n++ {
		_, err := h.app.Units.GetByCode(ctx, code)
		if errors.Is(err, db.ErrNotFound) {
			return code, nil
		}
		if err != nil {
			return "", err
		}
		code = base + "-" + strconv.Itoa(n)
	}
	return code, nil
}
