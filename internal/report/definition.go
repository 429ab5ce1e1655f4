package report

import (
	"errors"
	"fmt"
	"strings"

	"cchc/internal/formula"
	"cchc/internal/valid"
)

// maxCodeLen bounds the length of section, field and form codes.
const maxCodeLen = 64

// Indicators returns every indicator of d, section by section, in order.
func (d Definition) Indicators() []Indicator {
	var out []Indicator
	for _, s := range d.Sections {
		out = append(out, s.Indicators...)
	}
	return out
}

// Narratives returns every narrative field of d, section by section, in
// order.
func (d Definition) Narratives() []Narrative {
	var out []Narrative
	for _, s := range d.Sections {
		out = append(out, s.Narratives...)
	}
	return out
}

// Indicator returns the indicator with code, if d has one.
func (d Definition) Indicator(code string) (Indicator, bool) {
	for _, s := range d.Sections {
		for _, in := range s.Indicators {
			if in.Code == code {
				return in, true
			}
		}
	}
	return Indicator{}, false
}

// Rates computes every rate indicator of d from values by its formula. The
// map has one entry per rate code; the entry is nil when the rate is
// undefined (a zero denominator, as in 0/0) or its formula does not parse.
// Rates are fractions (0.85 for 85%), never rounded.
func (d Definition) Rates(values map[string]int64) map[string]*float64 {
	vals := floats(values)
	out := map[string]*float64{}
	for _, in := range d.Indicators() {
		if in.Kind != KindRate {
			continue
		}
		out[in.Code] = nil
		e, err := formula.Parse(in.Formula)
		if err != nil {
			continue
		}
		if v, ok := e.Value(vals); ok {
			out[in.Code] = &v
		}
	}
	return out
}

// Check returns the rules of d that values break, keyed "value.<code>" by
// the first code each rule names, with the rule's message (a generated one
// when the rule has none). A rule naming a rate that is undefined for
// values, or a rule that does not parse, is skipped. When two broken rules
// start with the same code, the first one's message is kept.
func (d Definition) Check(values map[string]int64) valid.Errors {
	vals := floats(values)
	undefined := map[string]bool{}
	for code, r := range d.Rates(values) {
		if r == nil {
			undefined[code] = true
			continue
		}
		vals[code] = *r
	}
	errs := valid.Errors{}
rules:
	for _, r := range d.Rules {
		e, err := formula.Parse(r.Expr)
		if err != nil || len(e.Vars()) == 0 {
			continue
		}
		for _, v := range e.Vars() {
			if undefined[v] {
				continue rules
			}
		}
		if !e.Holds(vals) {
			errs.Add("value."+e.Vars()[0], ruleMessage(r))
		}
	}
	return errs
}

// ruleMessage returns r's message, or a generated one when it has none.
func ruleMessage(r Rule) string {
	if m := strings.TrimSpace(r.Message); m != "" {
		return m
	}
	return fmt.Sprintf("Số liệu không thỏa điều kiện “%s”.", strings.TrimSpace(r.Expr))
}

func floats(values map[string]int64) map[string]float64 {
	out := make(map[string]float64, len(values))
	for k, v := range values {
		out[k] = float64(v)
	}
	return out
}

// ValidCode reports whether s can be a section or field code:
// [a-z_][a-z0-9_]*, at most 64 bytes. Formulas and rules name fields by
// these codes.
func ValidCode(s string) bool {
	if s == "" || len(s) > maxCodeLen || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

const msgCode = "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, không bắt đầu bằng chữ số, tối đa 64 ký tự."

// Validate checks that d is a usable form definition and returns
// valid.Errors keyed by the JSON path of each offending value
// ("sections[0].indicators[2].formula", "rules[1].expr"): at least one
// section; sections with a code and a title, codes unique among sections;
// fields with a code and a label, codes unique across all the form's
// narratives and indicators; indicator kinds count, money or rate; a rate
// with a formula (no comparison) over the form's count and money
// indicators; no formula on other kinds; rules that parse, compare, and
// name only the form's indicators.
func (d Definition) Validate() error {
	errs := valid.Errors{}
	if len(d.Sections) == 0 {
		errs.Add("sections", "Biểu mẫu phải có ít nhất một mục.")
	}
	sections := map[string]bool{}
	fields := map[string]bool{}
	kinds := map[string]string{}
	for _, n := range d.Narratives() {
		kinds[n.Code] = kindNarrative
	}
	for _, in := range d.Indicators() {
		kinds[in.Code] = in.Kind
	}
	for i, s := range d.Sections {
		key := fmt.Sprintf("sections[%d]", i)
		checkCode(errs, key+".code", s.Code, sections, "mục")
		if strings.TrimSpace(s.Title) == "" {
			errs.Add(key+".title", "Chưa nhập tên mục.")
		}
		for j, n := range s.Narratives {
			nk := fmt.Sprintf("%s.narratives[%d]", key, j)
			checkCode(errs, nk+".code", n.Code, fields, "chỉ tiêu")
			if strings.TrimSpace(n.Label) == "" {
				errs.Add(nk+".label", "Chưa nhập tên nội dung.")
			}
		}
		for j, in := range s.Indicators {
			ik := fmt.Sprintf("%s.indicators[%d]", key, j)
			checkCode(errs, ik+".code", in.Code, fields, "chỉ tiêu")
			if strings.TrimSpace(in.Label) == "" {
				errs.Add(ik+".label", "Chưa nhập tên chỉ tiêu.")
			}
			checkIndicator(errs, ik, in, kinds)
		}
	}
	for i, r := range d.Rules {
		checkRule(errs, fmt.Sprintf("rules[%d].expr", i), r, kinds)
	}
	return errs.Err()
}

// checkCode checks a code's form and that it is not already in seen.
func checkCode(errs valid.Errors, key, code string, seen map[string]bool, what string) {
	switch {
	case code == "":
		errs.Add(key, "Chưa nhập mã.")
	case !ValidCode(code):
		errs.Add(key, msgCode)
	case seen[code]:
		errs.Add(key, fmt.Sprintf("Mã “%s” trùng với một %s khác.", code, what))
	}
	seen[code] = true
}

// kindNarrative marks narrative codes in the kinds map of Validate.
const kindNarrative = "narrative"

// checkIndicator checks an indicator's kind and formula; kinds maps every
// field code of the form to its kind (kindNarrative for narratives).
func checkIndicator(errs valid.Errors, key string, in Indicator, kinds map[string]string) {
	switch in.Kind {
	case KindCount, KindMoney:
		if strings.TrimSpace(in.Formula) != "" {
			errs.Add(key+".formula", "Chỉ tiêu số lượng hoặc tiền được nhập trực tiếp, không có công thức; hãy chọn loại “tỷ lệ”.")
		}
	case KindRate:
		if strings.TrimSpace(in.Formula) == "" {
			errs.Add(key+".formula", "Chỉ tiêu tỷ lệ phải có công thức, ví dụ “(a + b) / c”.")
			return
		}
		if in.Prefill != "" {
			errs.Add(key+".prefill", "Chỉ tiêu tỷ lệ luôn được tính, không tự điền.")
		}
		e, err := formula.Parse(in.Formula)
		if err != nil {
			errs.Add(key+".formula", formulaMessage(err))
			return
		}
		if e.Compare() {
			errs.Add(key+".formula", "Công thức tỷ lệ không được chứa phép so sánh.")
			return
		}
		for _, v := range e.Vars() {
			switch kinds[v] {
			case KindCount, KindMoney:
			case "":
				errs.Add(key+".formula", fmt.Sprintf("Công thức dùng mã “%s” không có trong biểu mẫu.", v))
				return
			default:
				errs.Add(key+".formula", fmt.Sprintf("Công thức chỉ được dùng chỉ tiêu số lượng hoặc tiền; “%s” không phải.", v))
				return
			}
		}
	default:
		errs.Add(key+".kind", "Loại chỉ tiêu phải là số lượng, tiền hoặc tỷ lệ.")
	}
}

// checkRule checks that r parses as a comparison over the form's
// indicators.
func checkRule(errs valid.Errors, key string, r Rule, kinds map[string]string) {
	if strings.TrimSpace(r.Expr) == "" {
		errs.Add(key, "Chưa nhập điều kiện.")
		return
	}
	e, err := formula.Parse(r.Expr)
	if err != nil {
		errs.Add(key, formulaMessage(err))
		return
	}
	if !e.Compare() {
		errs.Add(key, "Điều kiện phải so sánh hai vế, ví dụ “a <= b” hoặc “a + b = c”.")
		return
	}
	if len(e.Vars()) == 0 {
		errs.Add(key, "Điều kiện phải nêu ít nhất một mã chỉ tiêu.")
		return
	}
	for _, v := range e.Vars() {
		switch kinds[v] {
		case KindCount, KindMoney, KindRate:
		case "":
			errs.Add(key, fmt.Sprintf("Điều kiện dùng mã “%s” không có trong biểu mẫu.", v))
			return
		default:
			errs.Add(key, fmt.Sprintf("Điều kiện chỉ được dùng chỉ tiêu số; “%s” không phải.", v))
			return
		}
	}
}

// formulaMessage returns the Vietnamese text of a formula parse error.
func formulaMessage(err error) string {
	var fe *formula.Error
	if errors.As(err, &fe) {
		return strings.ToUpper(fe.Error()[:1]) + fe.Error()[1:] + "."
	}
	return "Công thức không hợp lệ."
}
