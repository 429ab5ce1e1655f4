package web

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/org"
	"cchc/internal/report"
)

// maxDesignerForm bounds a posted form definition; the default form with
// its labels in Vietnamese (percent-encoded) is about 40 KB.
const maxDesignerForm = 1 << 20

// kindChoice is one indicator kind offered by the designer.
type kindChoice struct{ Code, Label string }

// indicatorKinds are the designer's kind choices; narratives are a separate
// table of each section.
var indicatorKinds = []kindChoice{
	{report.KindCount, "số lượng"}, {report.KindMoney, "tiền (đồng)"}, {report.KindRate, "tỷ lệ (%)"},
}

// prefillChoice is one source cchc can fill a field from.
type prefillChoice struct{ Code, Label string }

var narrativePrefills = []prefillChoice{{"", "Không"}, {report.PrefillTasks, "Tiến độ nhiệm vụ của đơn vị trong kỳ"}}

var indicatorPrefills = []prefillChoice{
	{"", "Không"},
	{report.PrefillTasksDue, "Số nhiệm vụ đến hạn trong kỳ"},
	{report.PrefillTasksDoneOnTime, "Số nhiệm vụ hoàn thành đúng hạn"},
}

// formDesign is what the designer page shows: the form being edited (as
// posted back, or as stored), and what its choices need.
type formDesign struct {
	// Code is the stored form's code ("" on a form not created yet).
	Code        string
	Title       string
	UnitKinds   []string
	ReportTypes []string
	Def         report.Definition
	// Version is the stored latest version; 0 for a new form.
	Version   int
	Kinds     []org.Kind
	KindNames map[string]string
	Types     []report.ReportType // the calendar's report types, to choose from
	Changed   bool                // the posted definition differs from the stored one (a row was added or removed)
}

// HasKind reports whether the form's own unit kinds include code.
func (d formDesign) HasKind(code string) bool { return slices.Contains(d.UnitKinds, code) }

// HasType reports whether the form is sent for the report type code.
func (d formDesign) HasType(code string) bool { return slices.Contains(d.ReportTypes, code) }

// IndicatorKinds, NarrativePrefills and IndicatorPrefills are the choices
// of the designer's selects.
func (formDesign) IndicatorKinds() []kindChoice       { return indicatorKinds }
func (formDesign) NarrativePrefills() []prefillChoice { return narrativePrefills }
func (formDesign) IndicatorPrefills() []prefillChoice { return indicatorPrefills }

// KindsText names kinds for a summary ("Xã, phường, thị trấn; Huyện"), or
// "mọi loại đơn vị" when there are none.
func (d formDesign) KindsText(kinds []string) string { return kindsText(kinds, d.KindNames) }

func kindsText(kinds []string, names map[string]string) string {
	if len(kinds) == 0 {
		return "mọi loại đơn vị"
	}
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = cmp.Or(names[k], k)
	}
	return strings.Join(out, "; ")
}

// input returns the designed form as SaveForm's input.
func (d formDesign) input() report.FormInput {
	return report.FormInput{Code: d.Code, Title: d.Title, UnitKinds: d.UnitKinds, ReportTypes: d.ReportTypes, Definition: d.Def}
}

// loadKinds fills the unit kinds and report types the designer offers.
func (h *Handler) loadKinds(ctx context.Context, d *formDesign) error {
	kinds, names, err := h.unitKinds(ctx)
	if err != nil {
		return err
	}
	d.Kinds, d.KindNames = kinds, names
	d.Types, err = h.app.Reports.Types(ctx)
	return err
}

// typesText names the report types with codes, or all of them when there
// are none.
func typesText(codes []string, types []report.ReportType) string {
	if len(codes) == 0 {
		return "mọi loại báo cáo"
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c
		for _, t := range types {
			if t.Code == c {
				out[i] = t.Name
			}
		}
	}
	return strings.Join(out, "; ")
}

// designField matches the indexed names of the designer's fields:
// sections[1].title, sections[1].indicators[3].formula, rules[0].expr.
var designField = regexp.MustCompile(`^(?:sections\[(\d{1,6})\]\.(?:(narratives|indicators)\[(\d{1,6})\]\.)?|rules\[(\d{1,6})\]\.)([a-z_]+)$`)

// parseDesign reads the designer's posted fields into a definition. Rows
// are ordered by their index, which may have gaps (rows removed in the
// browser) and need not start at 0 (rows added there get fresh indexes);
// the result is numbered from 0 in that order, as Validate's keys are.
func parseDesign(form url.Values) report.Definition {
	type row struct {
		index  int
		fields url.Values
	}
	type section struct {
		row
		narratives, indicators map[int]url.Values
	}
	sections := map[int]*section{}
	rules := map[int]url.Values{}
	get := func(m map[int]url.Values, i int) url.Values {
		if m[i] == nil {
			m[i] = url.Values{}
		}
		return m[i]
	}
	for name, vals := range form {
		m := designField.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		field := m[5]
		if m[4] != "" {
			i, _ := strconv.Atoi(m[4])
			get(rules, i)[field] = vals
			continue
		}
		i, _ := strconv.Atoi(m[1])
		s := sections[i]
		if s == nil {
			s = &section{row: row{index: i, fields: url.Values{}}, narratives: map[int]url.Values{}, indicators: map[int]url.Values{}}
			sections[i] = s
		}
		j, _ := strconv.Atoi(m[3])
		switch m[2] {
		case "narratives":
			get(s.narratives, j)[field] = vals
		case "indicators":
			get(s.indicators, j)[field] = vals
		default:
			s.fields[field] = vals
		}
	}
	var d report.Definition
	for _, i := range sortedKeys(sections) {
		s := sections[i]
		sec := report.Section{Code: s.fields.Get("code"), Title: s.fields.Get("title"), Area: s.fields.Get("area"),
			Narratives: []report.Narrative{}, Indicators: []report.Indicator{}}
		for _, j := range sortedKeys(s.narratives) {
			f := s.narratives[j]
			sec.Narratives = append(sec.Narratives, report.Narrative{Code: f.Get("code"), Label: f.Get("label"), Prefill: f.Get("prefill")})
		}
		for _, j := range sortedKeys(s.indicators) {
			f := s.indicators[j]
			// A formula typed on a count stays, so that Validate says a
			// count takes none (app.js disables the box unless the kind is
			// a rate, and a disabled box is not posted).
			sec.Indicators = append(sec.Indicators, report.Indicator{Code: f.Get("code"), Label: f.Get("label"),
				Kind: f.Get("kind"), Formula: f.Get("formula"), UnitKinds: f["unit_kinds"], Prefill: f.Get("prefill")})
		}
		d.Sections = append(d.Sections, sec)
	}
	for _, i := range sortedKeys(rules) {
		d.Rules = append(d.Rules, report.Rule{Expr: rules[i].Get("expr"), Message: rules[i].Get("message")})
	}
	return d
}

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// designOp is a change the designer's buttons ask for without JavaScript:
// "add-section", "remove-section/1", "add-narrative/1",
// "remove-narrative/1/2", "add-indicator/1", "remove-indicator/1/3",
// "add-rule", "remove-rule/0". apply reports whether op was one.
func applyDesignOp(d *report.Definition, op string) bool {
	parts := strings.Split(op, "/")
	idx := make([]int, 0, 2)
	for _, p := range parts[1:] {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return false
		}
		idx = append(idx, n)
	}
	inSection := func() (*report.Section, bool) {
		if len(idx) < 1 || idx[0] >= len(d.Sections) {
			return nil, false
		}
		return &d.Sections[idx[0]], true
	}
	switch {
	case parts[0] == "add-section" && len(idx) == 0:
		d.Sections = append(d.Sections, report.Section{Narratives: []report.Narrative{}, Indicators: []report.Indicator{}})
	case parts[0] == "remove-section" && len(idx) == 1:
		if _, ok := inSection(); !ok {
			return false
		}
		d.Sections = slices.Delete(d.Sections, idx[0], idx[0]+1)
	case parts[0] == "add-narrative" && len(idx) == 1:
		s, ok := inSection()
		if !ok {
			return false
		}
		s.Narratives = append(s.Narratives, report.Narrative{})
	case parts[0] == "remove-narrative" && len(idx) == 2:
		s, ok := inSection()
		if !ok || idx[1] >= len(s.Narratives) {
			return false
		}
		s.Narratives = slices.Delete(s.Narratives, idx[1], idx[1]+1)
	case parts[0] == "add-indicator" && len(idx) == 1:
		s, ok := inSection()
		if !ok {
			return false
		}
		s.Indicators = append(s.Indicators, report.Indicator{Kind: report.KindCount})
	case parts[0] == "remove-indicator" && len(idx) == 2:
		s, ok := inSection()
		if !ok || idx[1] >= len(s.Indicators) {
			return false
		}
		s.Indicators = slices.Delete(s.Indicators, idx[1], idx[1]+1)
	case parts[0] == "add-rule" && len(idx) == 0:
		d.Rules = append(d.Rules, report.Rule{})
	case parts[0] == "remove-rule" && len(idx) == 1:
		if idx[0] >= len(d.Rules) {
			return false
		}
		d.Rules = slices.Delete(d.Rules, idx[0], idx[0]+1)
	default:
		return false
	}
	return true
}

// parseDesignPost reads a posted designer form, with a size limit larger
// than other forms'. ok is false when a 400 page has been written.
func (h *Handler) parseDesignPost(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxDesignerForm)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "Yêu cầu không hợp lệ", "Không đọc được biểu mẫu đã gửi (có thể quá lớn).")
		return false
	}
	return true
}

// Contains reports whether list holds s; the designer ticks unit kinds
// with it.
func (formDesign) Contains(list []string, s string) bool { return slices.Contains(list, s) }

// IndicatorKindsText summarises the unit kinds an indicator applies to;
// none means every kind that sends the form.
func (d formDesign) IndicatorKindsText(kinds []string) string {
	if len(kinds) == 0 {
		return "Mọi đơn vị báo cáo"
	}
	return kindsText(kinds, d.KindNames)
}

// NextVersion is the version a changed definition will be saved as.
func (d formDesign) NextVersion() int { return d.Version + 1 }

// ErrorCount is how many messages errs holds, for the designer's summary.
func (formDesign) ErrorCount(errs map[string]string) int { return len(errs) }

// BlankNarrative, BlankIndicator and BlankRule are the rows the page's
// templates hold for app.js to add.
func (formDesign) BlankNarrative() report.Narrative { return report.Narrative{} }
func (formDesign) BlankIndicator() report.Indicator { return report.Indicator{Kind: report.KindCount} }
func (formDesign) BlankRule() report.Rule           { return report.Rule{} }
