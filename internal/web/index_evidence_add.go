package web

import (
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"cchc/internal/db"
	"cchc/internal/files"
	"cchc/internal/index"
	"cchc/internal/plan"
	"cchc/internal/valid"
)

// indexEvidenceAdd cites one document (tài liệu kiểm chứng) for an item of
// a draft self-assessment: an uploaded file (PDF, Word, Excel or an image,
// at most 20 MB), one of the unit's plans or reports, a task (work item)
// the user may see, or a web page (URL and title); with where in it
// (locator). htmx gets the row back (status 200) with the new document or
// the messages; without JavaScript success redirects to the row and a
// refusal shows the page again (422, 413 for a file too large). It needs
// SelfAssess on the unit.
func (h *Handler) indexEvidenceAdd(w http.ResponseWriter, r *http.Request) {
	d, ok := h.selfLoad(w, r, true)
	if !ok {
		return
	}
	it, ok := h.selfLeaf(w, r, d)
	if !ok {
		return
	}
	if msg := selfLockedMessage(d); msg != "" {
		if r.Header.Get("HX-Request") != "true" {
			h.fail(w, r, valid.Problemf(msg))
			return
		}
		// A page left open after submission: the row, now read only,
		// says why.
		p, err := h.selfBuild(r, d)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		p.Live = p.rows[it.ID]
		p.Live.Errors = valid.Errors{"form": msg}
		h.selfRender(w, r, p, http.StatusOK)
		return
	}
	ctx := r.Context()
	errs := valid.Errors{}
	status := http.StatusUnprocessableEntity
	r.Body = http.MaxBytesReader(w, r.Body, maxEvidenceBytes)
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err = r.ParseMultipartForm(8 << 20); err == nil {
			defer r.MultipartForm.RemoveAll()
		}
	} else {
		err = r.ParseForm()
	}
	form := selfEvFormOf(r)
	var in index.EvidenceInput
	switch {
	case errors.As(err, new(*http.MaxBytesError)):
		errs.Add("ev.file", fmt.Sprintf("Tệp quá lớn: tối đa %d MB.", files.MaxSize>>20))
		status = http.StatusRequestEntityTooLarge
	case err != nil:
		errs.Add("ev.form", "Không đọc được tài liệu gửi lên; hãy thử lại.")
	default:
		in, err = h.selfEvidenceInput(r, form, errs)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	var added index.Evidence
	if len(errs) == 0 {
		added, err = h.app.Index.AddEvidence(ctx, d.a.ID, it.ID, in, user(r).ID)
		if err != nil && !selfEvidenceErrors(err, errs) {
			h.serverError(w, r, err)
			return
		}
	}
	live := r.Header.Get("HX-Request") == "true"
	if !live && len(errs) == 0 {
		h.redirectFlash(w, r, selfItemURL(d.a.ID, it.ID), "success",
			"Đã thêm tài liệu kiểm chứng “"+added.Title+"” cho tiêu chí "+it.Number+".")
		return
	}
	if len(errs) == 0 {
		if d, err = h.selfRead(ctx, d.a); err != nil {
			h.serverError(w, r, err)
			return
		}
		d.canWrite = true
	}
	p, err := h.selfBuild(r, d)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	row := p.rows[it.ID]
	if len(errs) > 0 {
		row.Errors, row.EvForm = errs, form
	}
	if live {
		p.Live, status = row, http.StatusOK
	}
	h.selfRender(w, r, p, status)
}

// selfEvidenceInput reads the evidence form: exactly one of a file, a
// plan, a report, a task or a URL. Refusals go into errs (keys "ev.*"); an
// uploaded file is checked and stored only when nothing else is wrong.
func (h *Handler) selfEvidenceInput(r *http.Request, form selfEvForm, errs valid.Errors) (index.EvidenceInput, error) {
	in := index.EvidenceInput{Title: form.Title, Locator: form.Locator}
	var file multipart.File
	var header *multipart.FileHeader
	if r.MultipartForm != nil {
		if f, hd, err := r.FormFile(files.Field); err == nil {
			defer f.Close()
			if hd.Filename != "" || hd.Size > 0 {
				file, header = f, hd
			}
		}
	}
	chosen := 0
	if file != nil {
		chosen++
		in.RefKind = index.EvidenceFile
	}
	ref := func(kind, text, name string) {
		if text == "" {
			return
		}
		chosen++
		id, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
		if err != nil || id <= 0 {
			errs.Add("ev.ref", "Số "+name+" “"+text+"” không hợp lệ.")
			return
		}
		in.RefKind, in.RefID = kind, &id
	}
	ref(index.EvidencePlan, form.planText, "kế hoạch")
	ref(index.EvidenceReport, form.reportText, "báo cáo")
	ref(index.EvidenceTask, form.TaskID, "nhiệm vụ")
	if form.URL != "" {
		chosen++
		in.RefKind, in.URL = index.EvidenceLink, form.URL
	}
	switch {
	case chosen == 0:
		errs.Add("ev.form", "Hãy chọn tệp tải lên, kế hoạch, báo cáo, nhiệm vụ hoặc nhập đường dẫn của tài liệu kiểm chứng.")
	case chosen > 1:
		errs.Add("ev.form", "Mỗi lần chỉ thêm một tài liệu: chọn tệp, hoặc một kế hoạch, báo cáo, nhiệm vụ, hoặc một đường dẫn.")
	}
	if len(errs) > 0 {
		return in, nil
	}
	switch in.RefKind {
	case index.EvidenceTask:
		// A task is cited only by someone who may see it.
		_, _, acc, err := h.workItemAccess(r, *in.RefID)
		if errors.Is(err, db.ErrNotFound) || err == nil && !acc.View {
			errs.Add("ev.ref", fmt.Sprintf("Không tìm thấy nhiệm vụ số %d.", *in.RefID))
			return in, nil
		}
		if err != nil {
			return in, err
		}
	case index.EvidenceFile:
		up, err := files.Check(header.Filename, file)
		if err != nil {
			if !files.IsRefused(err) {
				return in, err
			}
			fe, _ := valid.As(err)
			errs.Add("ev.file", fe[files.Field])
			return in, nil
		}
		if header.Size > files.MaxSize {
			errs.Add("ev.file", fmt.Sprintf("Tệp quá lớn: tối đa %d MB.", files.MaxSize>>20))
			return in, nil
		}
		in.Upload = &up // stored with the citation, in one transaction
	}
	return in, nil
}

// selfEvidenceErrors adds the refusals of AddEvidence to errs under the
// form's keys and reports whether err was one.
func selfEvidenceErrors(err error, errs valid.Errors) bool {
	keys := map[string]string{"file_id": "ev.file", "ref_id": "ev.ref", "url": "ev.url", "title": "ev.title",
		"locator": "ev.locator"}
	if fe, ok := valid.As(err); ok {
		for k, v := range fe {
			key, ok := keys[k]
			if !ok {
				key = "ev.form"
			}
			errs.Add(key, v)
		}
		return true
	}
	if msg := valid.Message(err); msg != "" {
		errs.Add("ev.form", msg)
		return true
	}
	return false
}

// selfEvForm is the evidence form as typed.
type selfEvForm struct {
	PlanID, ReportID            int64 // the options chosen, for the selects
	TaskID, URL, Title, Locator string

	planText, reportText string
}

func selfEvFormOf(r *http.Request) selfEvForm {
	f := selfEvForm{
		TaskID:     strings.TrimSpace(r.PostFormValue("task_id")),
		URL:        strings.TrimSpace(r.PostFormValue("url")),
		Title:      r.PostFormValue("title"),
		Locator:    r.PostFormValue("locator"),
		planText:   strings.TrimSpace(r.PostFormValue("plan_id")),
		reportText: strings.TrimSpace(r.PostFormValue("report_id")),
	}
	f.PlanID, _ = strconv.ParseInt(f.planText, 10, 64)
	f.ReportID, _ = strconv.ParseInt(f.reportText, 10, 64)
	return f
}

// selfOptions are the unit's plans and reports the evidence form offers.
type selfOptions struct {
	Plans, Reports []selfOption
}

type selfOption struct {
	ID    int64  `db:"id"`
	Title string `db:"title"`
}

// selfMaxReportOptions is how many of its latest reports a unit is offered.
const selfMaxReportOptions = 40

// selfEvidenceOptions returns the plans the unit issued for the
// framework's year and its latest reports.
func (h *Handler) selfEvidenceOptions(r *http.Request, d selfData) (selfOptions, error) {
	ctx := r.Context()
	var o selfOptions
	plans, _, err := h.app.Plans.List(ctx, plan.PlanFilter{IssuingUnitID: d.unit.ID, Year: d.f.Year, Limit: 100})
	if err != nil {
		return o, err
	}
	for _, p := range plans {
		title := p.Title
		if p.NumberSymbol != "" {
			title = p.NumberSymbol + " · " + title
		}
		o.Plans = append(o.Plans, selfOption{ID: p.ID, Title: title})
	}
	if err := h.app.DB.SelectContext(ctx, &o.Reports, h.app.DB.Rebind(`SELECT r.id, f.title || ' — ' || p.title AS title
		FROM reports r JOIN report_forms f ON f.id = r.form_id JOIN report_periods p ON p.id = r.period_id
		WHERE r.unit_id = ? ORDER BY p.ends_on DESC, r.id DESC LIMIT ?`), d.unit.ID, selfMaxReportOptions); err != nil {
		return o, fmt.Errorf("reports of unit %d for evidence: %w", d.unit.ID, err)
	}
	return o, nil
}

// selfEvidence is a cited document as a row lists it.
type selfEvidence struct {
	ID                              int64
	KindLabel, Title, Href, Locator string
	External                        bool // a web page, opened in a new tab
}

var selfEvidenceKinds = map[string]string{
	"":                   "Tệp",
	index.EvidenceFile:   "Tệp",
	index.EvidencePlan:   "Kế hoạch",
	index.EvidenceTask:   "Nhiệm vụ",
	index.EvidenceReport: "Báo cáo",
	index.EvidenceLink:   "Đường dẫn",
}

func selfEvidenceOf(ev index.Evidence) selfEvidence {
	e := selfEvidence{ID: ev.ID, KindLabel: selfEvidenceKinds[ev.RefKind], Title: ev.Title, Locator: ev.Locator}
	switch {
	case ev.FileID != nil:
		e.Href = "/index/evidence/" + strconv.FormatInt(ev.ID, 10) + "/file"
	case ev.RefKind == index.EvidenceLink:
		e.Href, e.External = ev.URL, true
		if e.Title == "" {
			e.Title = ev.URL
		}
	case ev.RefID != nil:
		e.Href = selfRefHref(ev.RefKind, *ev.RefID)
	}
	return e
}

// selfRefHref is the page of a plan, task (work item) or report of cchc;
// "" for an id 0 (a report the unit never opened).
func selfRefHref(kind string, id int64) string {
	if id <= 0 {
		return ""
	}
	switch kind {
	case index.EvidencePlan:
		return "/plans/" + strconv.FormatInt(id, 10)
	case index.EvidenceTask:
		return "/work-items/" + strconv.FormatInt(id, 10)
	case index.EvidenceReport:
		return "/reports/" + strconv.FormatInt(id, 10)
	}
	return ""
}
