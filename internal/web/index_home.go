package web

import (
	"fmt"
	"net/http"
	"strconv"

	"cchc/internal/org"
	"cchc/internal/valid"
)

// indexHomeYear is one year of frameworks on the home page.
type indexHomeYear struct {
	Year int
	Rows []indexFrameworkRow
}

// indexCreateForm is the form that creates a framework.
type indexCreateForm struct{ Year, UnitKind, Title string }

// indexCopyForm is the form that starts a year's framework from another
// (last year's, usually).
type indexCopyForm struct{ From, Year string }

// indexCopyChoice is a framework that may be copied.
type indexCopyChoice struct {
	ID    int64
	Label string
}

type indexHomeData struct {
	Years  []indexHomeYear
	Manage bool
	Kinds  []org.Kind
	Create indexCreateForm
	Copy   indexCopyForm
	Copies []indexCopyChoice
}

// indexHome lists the frameworks by year, newest first, with each one's
// stage, deadline and the links its reader may follow; for those who
// manage the index, forms to create a framework or copy one into a new
// year. Drafts are listed to them only.
func (h *Handler) indexHome(w http.ResponseWriter, r *http.Request) {
	h.renderIndexHome(w, r, http.StatusOK, nil, nil, nil)
}

// renderIndexHome renders the home page with the create or copy form as
// submitted (nil: the defaults) and errs.
func (h *Handler) renderIndexHome(w http.ResponseWriter, r *http.Request, status int, create *indexCreateForm,
	cp *indexCopyForm, errs valid.Errors) {
	ctx := r.Context()
	v, err := h.indexViewerOf(r)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	kinds, names, err := h.unitKinds(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	fs, err := h.app.Index.Frameworks(ctx, 0)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := indexHomeData{Manage: v.Manage, Kinds: kinds}
	for _, f := range fs {
		if !v.Sees(f) {
			continue
		}
		row, err := h.indexFrameworkRowOf(ctx, v, f, names)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		if n := len(d.Years); n == 0 || d.Years[n-1].Year != f.Year {
			d.Years = append(d.Years, indexHomeYear{Year: f.Year})
		}
		last := &d.Years[len(d.Years)-1]
		last.Rows = append(last.Rows, row)
		d.Copies = append(d.Copies, indexCopyChoice{ID: f.ID,
			Label: fmt.Sprintf("%d · %s · %s", f.Year, kindName(names, f.UnitKind), f.Title)})
	}
	if v.Manage {
		year := h.app.Index.Today().Year
		d.Create = indexCreateForm{Year: strconv.Itoa(year)}
		if create != nil {
			d.Create = *create
		}
		if len(fs) > 0 {
			// Frameworks come newest first: copy the newest into the
			// year after it.
			d.Copy = indexCopyForm{From: strconv.FormatInt(fs[0].ID, 10), Year: strconv.Itoa(fs[0].Year + 1)}
		}
		if cp != nil {
			d.Copy = *cp
		}
	}
	p := &Page{Title: "Chỉ số cải cách hành chính", Data: d, Errors: errs}
	h.renderPage(w, r, status, "index_home", p)
}
