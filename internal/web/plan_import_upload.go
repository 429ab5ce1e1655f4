package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/jmoiron/sqlx"

	"cchc/internal/auth"
	"cchc/internal/doctable"
	"cchc/internal/files"
	"cchc/internal/importer"
	"cchc/internal/plan"
	"cchc/internal/valid"
	"cchc/internal/vn"
)

// planImportUpload reads the uploaded document and, when it is one
// doctable reads, keeps it with the reading settings as a draft import and
// sends the user to its preview. A refused file, or a form error, comes
// back as the form with the message beside the field (422); nothing is
// stored then. The form is posted by htmx (which follows HX-Redirect) or
// as a plain form (303).
func (h *Handler) planImportUpload(w http.ResponseWriter, r *http.Request) {
	// The multipart envelope and the other fields add a little to the file.
	r.Body = http.MaxBytesReader(w, r.Body, doctable.MaxSize+1<<20)
	file, header, err := r.FormFile("file")
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	if err == nil {
		defer file.Close()
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) || err == nil && header.Size > doctable.MaxSize {
		// The rest of the form was not read: show it empty, with the reason.
		f := importForm{}
		f.PlanID, _ = strconv.ParseInt(r.URL.Query().Get("plan"), 10, 64)
		if f.PlanID != 0 {
			if _, ok := h.importTarget(w, r, f.PlanID); !ok {
				return
			}
		}
		h.renderImportForm(w, r, http.StatusRequestEntityTooLarge, f,
			valid.Errors{"file": "Tệp quá lớn: tối đa " + strconv.Itoa(doctable.MaxSize>>20) + " MB."})
		return
	}
	f := parseImportForm(r)
	target, ok := h.importTarget(w, r, f.PlanID)
	if !ok {
		return
	}
	if target == nil {
		if !h.can(r, auth.ManagePlan, 0) {
			f.IssuingUnitID = user(r).UnitID
		}
		if f.IssuingUnitID != 0 && !h.can(r, auth.ManagePlan, f.IssuingUnitID) {
			h.forbidden(w, r)
			return
		}
	}
	errs := valid.Errors{}
	var doc doctable.Document
	var data []byte
	if err != nil {
		errs.Add("file", "Vui lòng chọn tệp kế hoạch (.docx, .xlsx hoặc .txt) để nhập.")
	} else {
		if data, err = io.ReadAll(io.LimitReader(file, doctable.MaxSize+1)); err != nil {
			h.serverError(w, r, err)
			return
		}
		var refused *doctable.Error
		doc, err = doctable.Read(header.Filename, data)
		switch {
		case errors.As(err, &refused):
			h.log.Info("plan import refused", "file", header.Filename, "err", err)
			errs.Add("file", refused.Msg)
		case err != nil:
			h.serverError(w, r, err)
			return
		}
	}
	settings := importer.DraftSettings{Year: parseYearField(f.Year, "year", "Năm kế hoạch", errs)}
	if target == nil && errs["file"] == "" {
		settings.NewPlan = newPlanOf(f, doc, settings.Year, errs)
	}
	if len(errs) > 0 {
		h.renderImportForm(w, r, http.StatusUnprocessableEntity, f, errs)
		return
	}
	d := importer.Draft{UserID: user(r).ID, Settings: settings}
	if target != nil {
		d.PlanID = &target.ID
	}
	err = h.app.DB.InTx(r.Context(), func(tx *sqlx.Tx) error {
		stored, err := files.Insert(r.Context(), tx, files.SourceUpload(header.Filename, importer.ContentType(doc.Format), data), user(r).ID)
		if err != nil {
			return err
		}
		d.FileID = stored.ID
		d, err = importer.CreateDraft(r.Context(), tx, d)
		return err
	})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	to := importURL(d.ID, "")
	if r.Header.Get("HX-Request") == "true" {
		w.Header().Set("HX-Redirect", to)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// parseImportForm reads the form's fields (the body is already parsed).
func parseImportForm(r *http.Request) importForm {
	f := importForm{Year: strings.TrimSpace(r.FormValue("year")), Title: r.FormValue("title"),
		Kind: r.FormValue("kind"), FromYear: strings.TrimSpace(r.FormValue("from_year")),
		ToYear: strings.TrimSpace(r.FormValue("to_year"))}
	f.PlanID, _ = strconv.ParseInt(r.FormValue("plan"), 10, 64)
	f.IssuingUnitID, _ = strconv.ParseInt(r.FormValue("issuing_unit_id"), 10, 64)
	return f
}

// parseYearField reads a typed year (empty: 0), adding a message under
// field when it is not one between 1900 and 2199.
func parseYearField(s, field, label string, errs valid.Errors) int {
	if s == "" {
		return 0
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2199 {
		errs.Add(field, label+" “"+s+"” không hợp lệ: nhập 4 chữ số, ví dụ 2026.")
		return 0
	}
	return y
}

// newPlanOf completes the new plan's fields from the document where the
// form left them empty: the title from the document's title, the years
// from the years it names (or the plan year), the kind from the years (one
// year: annual, several: five-year). Missing or invalid values add messages
// to errs.
func newPlanOf(f importForm, doc doctable.Document, year int, errs valid.Errors) *importer.NewPlan {
	np := &importer.NewPlan{Title: vn.CleanText(f.Title), Kind: f.Kind, IssuingUnitID: f.IssuingUnitID,
		FromYear: parseYearField(f.FromYear, "from_year", "Năm bắt đầu", errs),
		ToYear:   parseYearField(f.ToYear, "to_year", "Năm kết thúc", errs)}
	if np.Title == "" {
		np.Title = documentTitle(doc)
	}
	docFrom, docTo := importer.Years(doc)
	switch {
	case np.FromYear == 0 && np.ToYear == 0 && docFrom != 0:
		np.FromYear, np.ToYear = docFrom, docTo
	case np.FromYear == 0 && np.ToYear == 0 && year != 0:
		np.FromYear, np.ToYear = year, year
	case np.FromYear == 0:
		np.FromYear = np.ToYear
	case np.ToYear == 0:
		np.ToYear = np.FromYear
	}
	if np.Kind == "" {
		np.Kind = plan.KindAnnual
		if np.ToYear > np.FromYear {
			np.Kind = plan.KindFiveYear
		}
	}
	in := plan.PlanInput{Kind: np.Kind, Title: np.Title, IssuingUnitID: np.IssuingUnitID}
	if np.FromYear != 0 {
		in.PeriodStart, in.PeriodEnd = yearStart(np.FromYear), yearEnd(np.ToYear)
	}
	in.Normalize()
	for k, msg := range in.Validate() {
		switch k {
		case "title":
			if np.Title == "" {
				msg = "Không tìm thấy tên kế hoạch trong tài liệu: vui lòng nhập tên kế hoạch."
			}
			errs.Add("title", msg)
		case "kind", "issuing_unit_id":
			errs.Add(k, msg)
		case "period_start", "period_end":
			if np.FromYear == 0 {
				errs.Add("from_year", "Không tìm thấy năm của kế hoạch trong tiêu đề tài liệu: vui lòng nhập năm bắt đầu và năm kết thúc.")
			} else {
				errs.Add("to_year", "Năm kết thúc phải sau hoặc trùng năm bắt đầu.")
			}
		}
	}
	np.Title = in.Title
	return np
}

// documentTitle returns the plan's title as the document writes it near
// its top — "KẾ HOẠCH" followed by its subject on the next line, or one
// paragraph starting with "Kế hoạch" or "Chương trình" — in sentence case
// when it is written in capitals; "" when there is none.
func documentTitle(doc doctable.Document) string {
	var paras []string
	for i, b := range doc.Blocks {
		if i > 120 {
			break
		}
		if t := vn.CleanText(b.Text); b.Table == nil && t != "" {
			paras = append(paras, t)
		}
	}
	for i, p := range paras {
		f := vn.Fold(p)
		if !strings.HasPrefix(f, "ke hoach") && !strings.HasPrefix(f, "chuong trinh") {
			continue
		}
		title := sentenceCase(p)
		if (f == "ke hoach" || f == "chuong trinh") && i+1 < len(paras) && !strings.HasPrefix(paras[i+1], "(") {
			// "KẾ HOẠCH" over its subject: "Kế hoạch cải cách hành chính ...".
			title += " " + lowerFirst(sentenceCase(paras[i+1]))
		}
		if r := []rune(title); len(r) > plan.MaxTitleLen {
			title = string(r[:plan.MaxTitleLen])
		}
		return title
	}
	return ""
}

// sentenceCase lowers a text written in capitals, keeping its first letter
// upper case; other texts are returned as they are.
func sentenceCase(s string) string {
	for _, r := range s {
		if unicode.IsLower(r) {
			return s
		}
	}
	rs := []rune(strings.ToLower(s))
	if len(rs) > 0 {
		rs[0] = unicode.ToUpper(rs[0])
	}
	return string(rs)
}

// lowerFirst lowers the first letter of s.
func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) > 0 {
		rs[0] = unicode.ToLower(rs[0])
	}
	return string(rs)
}
