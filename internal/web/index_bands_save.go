package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// indexBandsSave replaces a framework's bands with the rows of its form
// (ManageIndex): a minimum in percent ("90", "92,5") and a label per row;
// rows left empty are dropped. A refusal comes back as the framework page
// with the messages on their rows.
func (h *Handler) indexBandsSave(w http.ResponseWriter, r *http.Request) {
	f, ok := h.indexManagedFramework(w, r)
	if !ok || !h.parsePostedForm(w, r) {
		return
	}
	rows := indexBandRows(r.PostForm)
	bands, errs := indexBandsOf(rows)
	if len(errs) == 0 {
		err := h.app.Index.SetBands(r.Context(), f.ID, bands, user(r).ID)
		if err == nil {
			h.redirectFlash(w, r, indexFrameworkURL(f.ID)+"#bands", "success",
				fmt.Sprintf("Đã lưu %d mức xếp loại.", len(bands)))
			return
		}
		if !indexMergeErrors(err, errs, "bands") {
			h.fail(w, r, err)
			return
		}
	}
	if rows == nil {
		rows = []indexBandRow{} // not nil: the page shows what was sent, not the stored bands
	}
	h.renderIndexFramework(w, r, http.StatusUnprocessableEntity, indexViewer{Manage: true}, f,
		indexFrameworkState{Bands: rows, Errs: errs})
}

// indexBandField matches the names of the bands' form: bands[2].label.
var indexBandField = regexp.MustCompile(`^bands\[(\d{1,4})\]\.(min_percent|label)$`)

// indexBandRows reads the bands' rows in the order of their indexes,
// leaving out those with both boxes empty.
func indexBandRows(form url.Values) []indexBandRow {
	byIndex := map[int]*indexBandRow{}
	for name := range form {
		m := indexBandField.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		i, _ := strconv.Atoi(m[1])
		if byIndex[i] == nil {
			byIndex[i] = &indexBandRow{}
		}
		if m[2] == "label" {
			byIndex[i].Label = form.Get(name)
		} else {
			byIndex[i].MinPercent = strings.TrimSpace(form.Get(name))
		}
	}
	var rows []indexBandRow
	for _, i := range sortedKeys(byIndex) {
		if b := byIndex[i]; b.MinPercent != "" || strings.TrimSpace(b.Label) != "" {
			rows = append(rows, *b)
		}
	}
	return rows
}

// indexBandsOf converts rows to bands, with a message keyed
// "bands.<i>.min_percent" for a minimum that is not a percentage, or
// "bands" when there is no row at all.
func indexBandsOf(rows []indexBandRow) ([]index.Band, valid.Errors) {
	errs := valid.Errors{}
	if len(rows) == 0 {
		errs.Add("bands", "Cần ít nhất một mức xếp loại.")
	}
	bands := make([]index.Band, len(rows))
	for i, row := range rows {
		bands[i].Label = row.Label
		text := strings.TrimSpace(strings.TrimSuffix(row.MinPercent, "%"))
		if text == "" {
			errs.Add(fmt.Sprintf("bands.%d.min_percent", i), fmt.Sprintf("Dòng %d: chưa nhập mức tối thiểu (%%).", i+1))
			continue
		}
		p, err := rule.ParsePoints(text)
		if err != nil {
			errs.Add(fmt.Sprintf("bands.%d.min_percent", i),
				fmt.Sprintf("Dòng %d: “%s” không phải tỷ lệ phần trăm (ví dụ 90 hoặc 92,5).", i+1, row.MinPercent))
			continue
		}
		bands[i].MinPercent = int(p)
	}
	return bands, errs
}
