package rule

import (
	"regexp"
	"strings"

	"cchc/internal/vn"
)

// manual: the unit (then the appraiser) types the points, 0..max in steps
// of Step (0,25 by default).
type manual struct{}

// defaultStep is the step of a manual rule whose Step is 0.
const defaultStep Points = 25

func (manual) label() string { return "Chấm thủ công" }
func (manual) needs() string { return NeedPoints }

func manualStep(s Spec) Points {
	if s.Step == 0 {
		return defaultStep
	}
	return s.Step
}

func (manual) validate(s Spec, max Points) error {
	if s.Step < 0 {
		return problem("Bước chấm điểm phải lớn hơn 0.")
	}
	if step := manualStep(s); max != anyMax && max%step != 0 {
		return problem("Điểm tối đa %s không chia hết cho bước %s.", max, step)
	}
	return nil
}

func (manual) score(s Spec, max Points, in Input) (Result, error) {
	if in.Points == nil {
		return Result{}, problem("Chưa nhập điểm.")
	}
	p := *in.Points
	if p < 0 || p > max {
		return Result{}, problem("Điểm phải từ 0 đến %s.", max)
	}
	if step := manualStep(s); p%step != 0 {
		return Result{}, problem("Điểm chấm theo bước %s.", step)
	}
	return Result{Points: p, Explain: "Chấm " + pointsText(p) + " (tối đa " + pointsText(max) + ")"}, nil
}

func (manual) describe(s Spec, max Points) string {
	return "Chấm từ 0 đến " + maxText(max) + " (bước " + manualStep(s).String() + ")"
}

// stepPattern finds the step in "(bước 0,25)".
var stepPattern = regexp.MustCompile(`bước\s*:?\s*([0-9]+(?:[.,][0-9]+)?)`)

func (manual) parse(text string) (Spec, error) {
	f := vn.Fold(text)
	known := false
	for _, prefix := range []string{"cham tu 0 den", "cham diem tu 0 den", "cham thu cong", "cham diem thu cong"} {
		known = known || f == prefix || strings.HasPrefix(f, prefix+" ")
	}
	if !known {
		return Spec{}, errNotMine
	}
	s := Spec{Type: TypeManual}
	if !strings.Contains(f, "buoc") {
		return s, nil
	}
	m := stepPattern.FindStringSubmatch(strings.ToLower(text))
	if m == nil {
		return Spec{}, problem("Không đọc được bước chấm điểm.")
	}
	step, err := ParsePoints(m[1])
	if err != nil || step <= 0 {
		return Spec{}, problem("Bước chấm điểm “%s” không hợp lệ.", m[1])
	}
	if step != defaultStep {
		s.Step = step
	}
	return s, nil
}
