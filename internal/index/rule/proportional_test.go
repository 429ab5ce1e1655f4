package rule_test

import (
	"testing"

	"cchc/internal/index/rule"
)

func TestProportionalScore(t *testing.T) {
	t.Parallel()
	checkScores(t, rule.Spec{Type: rule.TypeProportional}, []scoreCase{
		{name: "all", max: 200, in: rule.Input{Ratio: ratio(1)}, want: 200, explain: "Tỷ lệ 100% × 2 điểm: 2 điểm"},
		{name: "none", max: 200, in: rule.Input{Ratio: ratio(0)}, want: 0, explain: "Tỷ lệ 0% × 2 điểm: 0 điểm"},
		{name: "rounded down", max: 200, in: rule.Input{Ratio: ratio(0.935)}, want: 187, explain: "Tỷ lệ 93,5% × 2 điểm: 1,87 điểm"},
		{name: "half rounds up", max: 100, in: rule.Input{Ratio: ratio(0.125)}, want: 13, explain: "Tỷ lệ 12,5% × 1 điểm: 0,13 điểm"},
		{name: "half as written rounds up", max: 100, in: rule.Input{Ratio: ratio(0.145)}, want: 15, explain: "Tỷ lệ 14,5% × 1 điểm: 0,15 điểm"},
		{name: "a third", max: 100, in: rule.Input{Ratio: ratio(1.0 / 3)}, want: 33, explain: "Tỷ lệ 33,33% × 1 điểm: 0,33 điểm"},
		{name: "two thirds", max: 100, in: rule.Input{Ratio: ratio(2.0 / 3)}, want: 67, explain: "Tỷ lệ 66,67% × 1 điểm: 0,67 điểm"},
		{name: "over 1", max: 100, in: rule.Input{Ratio: ratio(1.01)}, err: "Tỷ lệ phải từ 0% đến 100%."},
		{name: "negative", max: 100, in: rule.Input{Ratio: ratio(-0.1)}, err: "Tỷ lệ phải từ 0% đến 100%."},
		{name: "missing", max: 100, in: rule.Input{}, err: "Chưa có tỷ lệ."},
	})
}
