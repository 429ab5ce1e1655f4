package rule

import (
	"strings"

	"cchc/internal/vn"
)

// proportional: max × ratio, rounded half up to the hundredth.
type proportional struct{}

func (proportional) label() string                     { return "Tỷ lệ thuận" }
func (proportional) needs() string                     { return NeedRatio }
func (proportional) validate(s Spec, max Points) error { return nil }

func (proportional) score(s Spec, max Points, in Input) (Result, error) {
	r, err := inputRatio(in)
	if err != nil {
		return Result{}, err
	}
	p := timesRatio(max, r)
	return Result{Points: p,
		Explain: "Tỷ lệ " + ratioText(r, nil) + " × " + pointsText(max) + ": " + pointsText(p)}, nil
}

func (proportional) describe(s Spec, max Points) string {
	return "Tỷ lệ thuận: " + maxText(max) + " × tỷ lệ đạt được"
}

// proportionalForms are how a proportional rule starts, folded ("×"
// read as "x").
var proportionalForms = []string{"ty le thuan", "tinh theo ty le thuan", "diem toi da x ty le", "diem toi da nhan",
	"ty le x diem toi da", "diem x ty le", "diem diem toi da x ty le", "diem bang diem toi da x ty le"}

func (proportional) parse(text string) (Spec, error) {
	f := vn.Fold(strings.NewReplacer("×", " x ", "*", " x ").Replace(text))
	for _, form := range proportionalForms {
		if f == form || strings.HasPrefix(f, form+" ") {
			return Spec{Type: TypeProportional}, nil
		}
	}
	return Spec{}, errNotMine
}
