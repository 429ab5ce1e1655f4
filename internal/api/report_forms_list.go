package api

import "net/http"

// reportFormJSON is a report form in the list.
type reportFormJSON struct {
	Code      string   `json:"code"`
	Title     string   `json:"title"`
	Version   int      `json:"version"`
	UnitKinds []string `json:"unit_kinds"` // empty: every kind of unit
}

// reportFormsList answers GET /api/v1/report-forms: every report form, by
// title, with its latest version. Any signed-in user may read it.
func (h *API) reportFormsList(w http.ResponseWriter, r *http.Request) {
	forms, err := h.app.Reports.Forms(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	items := make([]reportFormJSON, 0, len(forms))
	for _, f := range forms {
		kinds := f.Kinds()
		if kinds == nil {
			kinds = []string{}
		}
		items = append(items, reportFormJSON{Code: f.Code, Title: f.Title, Version: f.Version, UnitKinds: kinds})
	}
	h.writeJSON(w, r, http.StatusOK, list[reportFormJSON]{Items: items, Total: len(items)})
}
