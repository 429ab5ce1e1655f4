package rule_test

import (
	"testing"

	"cchc/internal/index/rule"
)

func TestManualScore(t *testing.T) {
	t.Parallel()
	checkScores(t, rule.Spec{Type: rule.TypeManual}, []scoreCase{
		{name: "full", max: 200, in: rule.Input{Points: pts(200)}, want: 200, explain: "Chấm 2 điểm (tối đa 2 điểm)"},
		{name: "zero", max: 200, in: rule.Input{Points: pts(0)}, want: 0, explain: "Chấm 0 điểm (tối đa 2 điểm)"},
		{name: "step", max: 200, in: rule.Input{Points: pts(125)}, want: 125, explain: "Chấm 1,25 điểm (tối đa 2 điểm)"},
		{name: "off step", max: 200, in: rule.Input{Points: pts(110)}, err: "Điểm chấm theo bước 0,25."},
		{name: "over max", max: 200, in: rule.Input{Points: pts(225)}, err: "Điểm phải từ 0 đến 2."},
		{name: "negative", max: 200, in: rule.Input{Points: pts(-25)}, err: "Điểm phải từ 0 đến 2."},
		{name: "missing", max: 200, in: rule.Input{Ratio: ratio(1)}, err: "Chưa nhập điểm."},
	})
	checkScores(t, rule.Spec{Type: rule.TypeManual, Step: 50}, []scoreCase{
		{name: "half step", max: 300, in: rule.Input{Points: pts(150)}, want: 150, explain: "Chấm 1,5 điểm (tối đa 3 điểm)"},
		{name: "quarter refused", max: 300, in: rule.Input{Points: pts(175)}, err: "Điểm chấm theo bước 0,5."},
	})
	// The zero Spec is a manual rule.
	checkScores(t, rule.Spec{}, []scoreCase{
		{name: "zero spec", max: 100, in: rule.Input{Points: pts(75)}, want: 75, explain: "Chấm 0,75 điểm (tối đa 1 điểm)"},
	})
}

func TestManualValidate(t *testing.T) {
	t.Parallel()
	checkValidate(t, []validateCase{
		{"default step", rule.Spec{Type: rule.TypeManual}, 200, ""},
		{"zero max", rule.Spec{Type: rule.TypeManual}, 0, ""},
		{"step divides", rule.Spec{Type: rule.TypeManual, Step: 50}, 300, ""},
		{"step does not divide", rule.Spec{Type: rule.TypeManual, Step: 50}, 125, "Điểm tối đa 1,25 không chia hết cho bước 0,5."},
		{"max off default step", rule.Spec{Type: rule.TypeManual}, 110, "Điểm tối đa 1,1 không chia hết cho bước 0,25."},
		{"negative step", rule.Spec{Type: rule.TypeManual, Step: -25}, 100, "Bước chấm điểm phải lớn hơn 0."},
		{"negative max", rule.Spec{Type: rule.TypeManual}, -100, "Điểm tối đa không được âm."},
		{"huge max", rule.Spec{Type: rule.TypeManual}, 1 << 40, "Điểm tối đa 10995116277,76 quá lớn."},
	})
}
