package rule

import (
	"slices"
	"strings"

	"cchc/internal/vn"
)

// yesNo: yes earns the maximum, no earns nothing.
type yesNo struct{}

func (yesNo) label() string                     { return "Có/không" }
func (yesNo) needs() string                     { return NeedYes }
func (yesNo) validate(s Spec, max Points) error { return nil }

func (yesNo) score(s Spec, max Points, in Input) (Result, error) {
	if in.Yes == nil {
		return Result{}, problem("Chưa chọn có hoặc không.")
	}
	if *in.Yes {
		return Result{Points: max, Explain: "Có: " + pointsText(max)}, nil
	}
	return Result{Points: 0, Explain: "Không: " + pointsText(0)}, nil
}

func (yesNo) describe(s Spec, max Points) string {
	return "Có: " + maxText(max) + "; không: " + pointsText(0)
}

// yesLabels are the usual words for "yes" in a framework's rule column,
// folded; labels starting "có ", "đã " or "đạt " mean yes too.
var yesLabels = []string{"co", "dat", "dung", "du", "day du", "thuc hien", "hoan thanh", "dung han"}

// isYesLabel reports whether a folded label means "yes".
func isYesLabel(f string) bool {
	if slices.Contains(yesLabels, f) {
		return true
	}
	for _, w := range []string{"co ", "da ", "dat "} {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return false
}

// isNoLabel reports whether a folded label means "no": "không", "không
// đạt", "chưa thực hiện", "thiếu".
func isNoLabel(f string) bool {
	for _, w := range []string{"khong", "chua", "thieu"} {
		if f == w || strings.HasPrefix(f, w+" ") {
			return true
		}
	}
	return false
}

func (yesNo) parse(text string) (Spec, error) {
	cs := clauses(text)
	if len(cs) != 2 {
		return Spec{}, errNotMine
	}
	var yes, no *amount
	for _, c := range cs {
		label, value, ok := labelValue(c)
		// A figure in the label ("đạt 100%") makes it a tier of a ratio.
		if !ok || strings.ContainsAny(label, ":—%0123456789") {
			return Spec{}, errNotMine
		}
		f := vn.Fold(label)
		a, err := readAmount(value)
		switch {
		case isNoLabel(f) && no == nil:
			if err != nil {
				return Spec{}, err
			}
			no = &a
		case isYesLabel(f) && yes == nil:
			if err != nil {
				return Spec{}, err
			}
			yes = &a
		default:
			return Spec{}, errNotMine
		}
	}
	if yes == nil || no == nil {
		return Spec{}, errNotMine
	}
	if !no.allZero {
		return Spec{}, problem("Trường hợp không đạt phải được 0 điểm.")
	}
	if yes.isPct {
		return Spec{}, problem("Trường hợp đạt được toàn bộ điểm tối đa.")
	}
	return Spec{Type: TypeYesNo}, nil
}
