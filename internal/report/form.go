package report

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"cchc/internal/valid"
)

// FormInput is what SaveForm and ImportFormXLSX take: a form's code (as
// users write it, "CCHC"), title, the kinds of unit expected to send it
// (unit kind codes; none: every kind), the report types it is sent for
// (report type codes; none: every type) and its definition.
type FormInput struct {
	Code        string
	Title       string
	UnitKinds   []string
	ReportTypes []string
	Definition  Definition
}

// Limits on a form's code and title.
const (
	maxFormCodeLen  = 32
	maxFormTitleLen = 300
)

// Kinds returns the unit kind codes of f.UnitKinds; nil means every kind.
func (f Form) Kinds() []string { return splitKinds(f.UnitKinds) }

// Types returns the report type codes of f.ReportTypes; nil means every
// type.
func (f Form) Types() []string { return splitKinds(f.ReportTypes) }

// UsedFor reports whether f is sent for periods of the report type with
// code typeCode.
func (f Form) UsedFor(typeCode string) bool {
	types := f.Types()
	return len(types) == 0 || slices.Contains(types, typeCode)
}

// FormUsedForSQL returns the SQL condition that the report_forms row
// aliased f is sent for periods of the report_types row aliased t, read
// as UsedFor reads it. Whatever lists the reports due (reminders, the
// index's report criteria, the chase page) filters with it.
func FormUsedForSQL(f, t string) string {
	return "(" + f + ".report_types = '' OR ',' || " + f + ".report_types || ',' LIKE '%,' || " + t + ".code || ',%')"
}

// Input returns f as a FormInput, ready to be edited and saved again.
func (f Form) Input() FormInput {
	return FormInput{Code: f.Code, Title: f.Title, UnitKinds: f.Kinds(), ReportTypes: f.Types(), Definition: f.Definition}
}

func splitKinds(s string) []string {
	var out []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// validFormCode reports whether s can be a form code: letters without
// accents, digits, '_' and '-', at most 32 bytes.
func validFormCode(s string) bool {
	if s == "" || len(s) > maxFormCodeLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// clean returns in with surrounding spaces trimmed everywhere, unit kinds
// deduplicated, and nil lists made empty so the stored JSON always has
// lists.
func (in FormInput) clean() FormInput {
	in.Code = strings.TrimSpace(in.Code)
	in.Title = strings.TrimSpace(in.Title)
	in.UnitKinds = splitKinds(strings.Join(in.UnitKinds, ","))
	in.ReportTypes = splitKinds(strings.Join(in.ReportTypes, ","))
	in.Definition = in.Definition.clean()
	return in
}

// clean returns a copy of d with text trimmed and nil lists made empty. It
// does not change d.
func (d Definition) clean() Definition {
	out := Definition{Sections: make([]Section, len(d.Sections)), Rules: make([]Rule, len(d.Rules))}
	for i, s := range d.Sections {
		c := Section{Code: strings.TrimSpace(s.Code), Title: strings.TrimSpace(s.Title), Area: strings.TrimSpace(s.Area),
			Narratives: make([]Narrative, len(s.Narratives)), Indicators: make([]Indicator, len(s.Indicators))}
		for j, n := range s.Narratives {
			c.Narratives[j] = Narrative{Code: strings.TrimSpace(n.Code), Label: strings.TrimSpace(n.Label), Prefill: strings.TrimSpace(n.Prefill)}
		}
		for j, in := range s.Indicators {
			c.Indicators[j] = Indicator{Code: strings.TrimSpace(in.Code), Label: strings.TrimSpace(in.Label),
				Kind: strings.TrimSpace(in.Kind), Formula: strings.TrimSpace(in.Formula),
				UnitKinds: splitKinds(strings.Join(in.UnitKinds, ",")), Prefill: strings.TrimSpace(in.Prefill)}
		}
		out.Sections[i] = c
	}
	for i, r := range d.Rules {
		out.Rules[i] = Rule{Expr: strings.TrimSpace(r.Expr), Message: strings.TrimSpace(r.Message)}
	}
	return out
}

// check validates a cleaned input without the database: code, title and
// the definition (whose keys it keeps). knownKinds and knownTypes, when
// not nil, list the unit kind and report type codes that exist.
func (in FormInput) check(knownKinds, knownTypes []string) valid.Errors {
	errs := valid.Errors{}
	switch {
	case in.Code == "":
		errs.Add("code", "Chưa nhập mã biểu mẫu.")
	case !validFormCode(in.Code):
		errs.Add("code", "Mã biểu mẫu chỉ gồm chữ không dấu, chữ số, dấu gạch dưới và gạch ngang, tối đa 32 ký tự.")
	}
	switch {
	case in.Title == "":
		errs.Add("title", "Chưa nhập tên biểu mẫu.")
	case utf8.RuneCountInString(in.Title) > maxFormTitleLen:
		errs.Add("title", fmt.Sprintf("Tên biểu mẫu dài quá %d ký tự.", maxFormTitleLen))
	}
	if knownTypes != nil {
		for _, t := range in.ReportTypes {
			if !slices.Contains(knownTypes, t) {
				errs.Add("report_types", fmt.Sprintf("Không có loại báo cáo “%s”.", t))
			}
		}
	}
	if knownKinds != nil {
		for _, k := range in.UnitKinds {
			if !slices.Contains(knownKinds, k) {
				errs.Add("unit_kinds", fmt.Sprintf("Không có loại đơn vị “%s”.", k))
			}
		}
		for i, s := range in.Definition.Sections {
			for j, ind := range s.Indicators {
				for _, k := range ind.UnitKinds {
					if !slices.Contains(knownKinds, k) {
						errs.Add(fmt.Sprintf("sections[%d].indicators[%d].unit_kinds", i, j), fmt.Sprintf("Không có loại đơn vị “%s”.", k))
					}
				}
			}
		}
	}
	if e, ok := valid.As(in.Definition.Validate()); ok {
		for k, msg := range e {
			errs.Add(k, msg)
		}
	}
	return errs
}

// encodeDefinition returns d as stored in report_form_versions.definition.
func encodeDefinition(d Definition) (string, error) {
	b, err := json.Marshal(d.clean())
	if err != nil {
		return "", fmt.Errorf("report: encode form definition: %w", err)
	}
	return string(b), nil
}

// decodeDefinition reads a stored definition.
func decodeDefinition(s string) (Definition, error) {
	var d Definition
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return Definition{}, fmt.Errorf("report: decode form definition: %w", err)
	}
	return d.clean(), nil
}
