package web

import (
	"net/http"
	"slices"
	"strings"

	"cchc/internal/auth"
	"cchc/internal/report"
	"cchc/internal/valid"
)

// formNewData is what the new-form page shows: the kinds to choose from
// and the forms that can be copied.
type formNewData struct {
	Kinds []kindChoice
	Types []report.ReportType
	Forms []report.Form
}

// formNewForm is the posted new form: its code, title, unit kinds, report
// types and the code of the form to copy ("" for an empty form).
type formNewForm struct {
	Code, Title, From      string
	UnitKinds, ReportTypes []string
}

// HasKind reports whether kind code is ticked.
func (f formNewForm) HasKind(code string) bool {
	return slices.Contains(f.UnitKinds, code)
}

// HasType reports whether report type code is ticked.
func (f formNewForm) HasType(code string) bool {
	return slices.Contains(f.ReportTypes, code)
}

// reportFormNew shows the form that creates a report form (ReviewReport).
// ?from=CODE preselects a form to copy.
func (h *Handler) reportFormNew(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	f := formNewForm{From: r.URL.Query().Get("from")}
	if f.From != "" {
		// A copy starts with the same senders and report types as its
		// original.
		if src, err := h.app.Reports.FormByCode(r.Context(), f.From); err == nil {
			f.UnitKinds, f.ReportTypes = src.Kinds(), src.Types()
		}
	}
	h.renderFormNew(w, r, f, nil)
}

func (h *Handler) renderFormNew(w http.ResponseWriter, r *http.Request, f formNewForm, errs valid.Errors) {
	forms, err := h.app.Reports.Forms(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	kinds, _, err := h.unitKinds(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	types, err := h.app.Reports.Types(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	data := formNewData{Forms: forms, Types: types}
	for _, k := range kinds {
		data.Kinds = append(data.Kinds, kindChoice{Code: k.Code, Label: k.Name})
	}
	h.renderForm(w, r, "report_form_new", "Tạo biểu mẫu báo cáo", data, f, errs)
}

// starterDefinition is an empty form's first definition: one section to
// rename, since a form needs at least one.
func starterDefinition() report.Definition {
	return report.Definition{Sections: []report.Section{{Code: "ket_qua", Title: "Kết quả thực hiện",
		Narratives: []report.Narrative{{Code: "ket_qua_dat_duoc", Label: "Kết quả đạt được"}}, Indicators: []report.Indicator{}}},
		Rules: []report.Rule{}}
}

// reportFormCreate creates a form, empty or as a copy of another, and
// opens it in the designer (ReviewReport). A code already used is refused:
// creating never changes another form.
func (h *Handler) reportFormCreate(w http.ResponseWriter, r *http.Request) {
	if !h.can(r, auth.ReviewReport, 0) {
		h.forbidden(w, r)
		return
	}
	if !h.parsePostedForm(w, r) {
		return
	}
	f := formNewForm{Code: r.PostFormValue("code"), Title: r.PostFormValue("title"), From: r.PostFormValue("from"),
		UnitKinds: r.PostForm["unit_kinds"], ReportTypes: r.PostForm["report_types"]}
	errs := valid.Errors{}
	in := report.FormInput{Code: f.Code, Title: f.Title, UnitKinds: f.UnitKinds, ReportTypes: f.ReportTypes, Definition: starterDefinition()}
	if f.From != "" {
		src, err := h.app.Reports.FormByCode(r.Context(), f.From)
		if err != nil {
			errs.Add("from", "Biểu mẫu được sao chép không còn tồn tại.")
		} else {
			in.Definition = src.Definition
		}
	}
	if _, err := h.app.Reports.FormByCode(r.Context(), strings.TrimSpace(f.Code)); err == nil {
		errs.Add("code", "Mã biểu mẫu “"+strings.TrimSpace(f.Code)+"” đã được dùng; hãy chọn mã khác hoặc sửa biểu mẫu đó.")
	}
	if len(errs) == 0 {
		saved, err := h.app.Reports.SaveForm(r.Context(), in, user(r).ID)
		if err == nil {
			h.redirectFlash(w, r, "/report-forms/"+saved.Code, "success",
				"Đã tạo biểu mẫu “"+saved.Title+"”. Thêm hoặc sửa các mục, chỉ tiêu và quy tắc bên dưới rồi bấm Lưu.")
			return
		}
		if !mergeErrors(err, errs, "code", "title", "unit_kinds", "report_types") {
			h.serverError(w, r, err)
			return
		}
	}
	h.renderFormNew(w, r, f, errs)
}
