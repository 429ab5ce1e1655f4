package rule_test

import (
	"testing"

	"cchc/internal/index/rule"
)

// planTiers is the usual plan completion rule: over 90% 2 points, 70% to
// 90% (both in) 1 point, under 70% nothing.
func planTiers() rule.Spec {
	return rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
		{From: ratio(0.9), Points: 200},
		{From: ratio(0.7), FromIncl: true, To: ratio(0.9), ToIncl: true, Points: 100},
		{To: ratio(0.7), Points: 0},
	}}
}

func TestTiersScoreAtBounds(t *testing.T) {
	t.Parallel()
	checkScores(t, planTiers(), []scoreCase{
		{name: "93,5%", max: 200, in: rule.Input{Ratio: ratio(0.935)}, want: 200, explain: "Tỷ lệ 93,5% (trên 90%): 2 điểm"},
		{name: "100%", max: 200, in: rule.Input{Ratio: ratio(1)}, want: 200, explain: "Tỷ lệ 100% (trên 90%): 2 điểm"},
		{name: "just over 90%", max: 200, in: rule.Input{Ratio: ratio(0.9000001)}, want: 200, explain: "Tỷ lệ 90,00001% (trên 90%): 2 điểm"},
		{name: "90% exactly", max: 200, in: rule.Input{Ratio: ratio(0.9)}, want: 100, explain: "Tỷ lệ 90% (từ 70% đến 90%): 1 điểm"},
		{name: "27 of 30 is 90%", max: 200, in: rule.Input{Ratio: ratio(27.0 / 30)}, want: 100, explain: "Tỷ lệ 90% (từ 70% đến 90%): 1 điểm"},
		{name: "just under 90%", max: 200, in: rule.Input{Ratio: ratio(0.8999999)}, want: 100, explain: "Tỷ lệ 89,99999% (từ 70% đến 90%): 1 điểm"},
		{name: "80%", max: 200, in: rule.Input{Ratio: ratio(0.8)}, want: 100, explain: "Tỷ lệ 80% (từ 70% đến 90%): 1 điểm"},
		{name: "70% exactly", max: 200, in: rule.Input{Ratio: ratio(0.7)}, want: 100, explain: "Tỷ lệ 70% (từ 70% đến 90%): 1 điểm"},
		{name: "7 of 10 is 70%", max: 200, in: rule.Input{Ratio: ratio(7.0 / 10)}, want: 100, explain: "Tỷ lệ 70% (từ 70% đến 90%): 1 điểm"},
		{name: "just under 70%", max: 200, in: rule.Input{Ratio: ratio(0.6999999)}, want: 0, explain: "Tỷ lệ 69,99999% (dưới 70%): 0 điểm"},
		{name: "0%", max: 200, in: rule.Input{Ratio: ratio(0)}, want: 0, explain: "Tỷ lệ 0% (dưới 70%): 0 điểm"},
		{name: "missing", max: 200, in: rule.Input{}, err: "Chưa có tỷ lệ."},
		{name: "over 100%", max: 200, in: rule.Input{Ratio: ratio(1.5)}, err: "Tỷ lệ phải từ 0% đến 100%."},
		{name: "max below tier points", max: 100, in: rule.Input{Ratio: ratio(1)}, err: "Bậc 1: điểm phải từ 0 đến 1."},
	})
}

func TestTiersScoreOtherBounds(t *testing.T) {
	t.Parallel()
	// From 90% (in), 70% to under 90%, nothing under 50%: a gap from 50% to
	// under 70%.
	s := rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
		{From: ratio(0.9), FromIncl: true, Points: 200},
		{From: ratio(0.7), FromIncl: true, To: ratio(0.9), Points: 100},
		{To: ratio(0.5), ToIncl: true, Points: 0},
	}}
	checkScores(t, s, []scoreCase{
		{name: "90% exactly", max: 200, in: rule.Input{Ratio: ratio(0.9)}, want: 200, explain: "Tỷ lệ 90% (từ 90% trở lên): 2 điểm"},
		{name: "just under 90%", max: 200, in: rule.Input{Ratio: ratio(0.8999999)}, want: 100, explain: "Tỷ lệ 89,99999% (từ 70% đến dưới 90%): 1 điểm"},
		{name: "in the gap", max: 200, in: rule.Input{Ratio: ratio(0.6)}, want: 0, explain: "Tỷ lệ 60% không thuộc bậc nào: 0 điểm"},
		{name: "50% exactly", max: 200, in: rule.Input{Ratio: ratio(0.5)}, want: 0, explain: "Tỷ lệ 50% (từ 50% trở xuống): 0 điểm"},
		{name: "just over 50%", max: 200, in: rule.Input{Ratio: ratio(0.5000001)}, want: 0, explain: "Tỷ lệ 50,00001% không thuộc bậc nào: 0 điểm"},
	})
	exact := rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
		{From: ratio(1), FromIncl: true, To: ratio(1), ToIncl: true, Points: 100},
		{From: ratio(0.5), To: ratio(1), Points: 50},
	}}
	checkScores(t, exact, []scoreCase{
		{name: "100%", max: 100, in: rule.Input{Ratio: ratio(1)}, want: 100, explain: "Tỷ lệ 100% (đạt 100%): 1 điểm"},
		{name: "99,995%", max: 100, in: rule.Input{Ratio: ratio(0.99995)}, want: 50, explain: "Tỷ lệ 99,995% (trên 50% đến dưới 100%): 0,5 điểm"},
		{name: "50%", max: 100, in: rule.Input{Ratio: ratio(0.5)}, want: 0, explain: "Tỷ lệ 50% không thuộc bậc nào: 0 điểm"},
	})
}

func TestTiersValidate(t *testing.T) {
	t.Parallel()
	tiers := func(ts ...rule.Tier) rule.Spec { return rule.Spec{Type: rule.TypeTiers, Tiers: ts} }
	checkValidate(t, []validateCase{
		{"plan", planTiers(), 200, ""},
		{"plan, points over max", planTiers(), 150, "Bậc 1: điểm phải từ 0 đến 1,5."},
		{"no tier", tiers(), 200, "Cần ít nhất một bậc điểm."},
		{"one open tier", tiers(rule.Tier{Points: 100}), 100, ""},
		{"over 90% and 70% to 90% touch at 90% without overlap", tiers(
			rule.Tier{From: ratio(0.9), Points: 200},
			rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9), ToIncl: true, Points: 100}), 200, ""},
		{"from 90% and 70% to 90% both hold 90%", tiers(
			rule.Tier{From: ratio(0.9), FromIncl: true, Points: 200},
			rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9), ToIncl: true, Points: 100}), 200,
			"Bậc 1 (từ 90% trở lên) và bậc 2 (từ 70% đến 90%) chồng nhau: tỷ lệ 90% thuộc cả hai."},
		{"from 90% and 70% to under 90% touch", tiers(
			rule.Tier{From: ratio(0.9), FromIncl: true, Points: 200},
			rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9), Points: 100}), 200, ""},
		{"ranges overlapping inside", tiers(
			rule.Tier{From: ratio(0.5), To: ratio(0.8), Points: 100},
			rule.Tier{From: ratio(0.6), To: ratio(0.9), Points: 50}), 200,
			"Bậc 1 (trên 50% đến dưới 80%) và bậc 2 (trên 60% đến dưới 90%) chồng nhau: tỷ lệ 70% thuộc cả hai."},
		{"two open lower tiers", tiers(
			rule.Tier{To: ratio(0.5), Points: 0},
			rule.Tier{To: ratio(0.7), Points: 50}), 200,
			"Bậc 1 (dưới 50%) và bậc 2 (dưới 70%) chồng nhau: tỷ lệ 0% thuộc cả hai."},
		{"a point inside a range", tiers(
			rule.Tier{From: ratio(1), FromIncl: true, To: ratio(1), ToIncl: true, Points: 100},
			rule.Tier{From: ratio(0.5), Points: 50}), 100,
			"Bậc 1 (đạt 100%) và bậc 2 (trên 50%) chồng nhau: tỷ lệ 100% thuộc cả hai."},
		{"bound over 100%", tiers(rule.Tier{From: ratio(1.2), Points: 100}), 100, "Bậc 1: ngưỡng phải từ 0% đến 100%."},
		{"negative bound", tiers(rule.Tier{To: ratio(-0.1), Points: 100}), 100, "Bậc 1: ngưỡng phải từ 0% đến 100%."},
		{"bound finer than a hundredth of a percent", tiers(rule.Tier{From: ratio(0.8999999), Points: 100}), 100,
			"Bậc 1: ngưỡng 89,99999% chỉ được có tối đa hai chữ số thập phân."},
		{"empty range", tiers(rule.Tier{From: ratio(0.9), To: ratio(0.7), Points: 100}), 100,
			"Bậc 1 (trên 90% đến dưới 70%) không chứa tỷ lệ nào."},
		{"empty point", tiers(rule.Tier{From: ratio(0.9), To: ratio(0.9), ToIncl: true, Points: 100}), 100,
			"Bậc 1 (trên 90% đến 90%) không chứa tỷ lệ nào."},
		{"over 100% holds nothing", tiers(rule.Tier{From: ratio(1), Points: 100}), 100,
			"Bậc 1 (trên 100%) không chứa tỷ lệ nào."},
		{"negative points", tiers(rule.Tier{Points: -100}), 100, "Bậc 1: điểm không được âm."},
	})
}

func TestTierText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tier rule.Tier
		want string
	}{
		{rule.Tier{From: ratio(0.9)}, "trên 90%"},
		{rule.Tier{From: ratio(0.9), FromIncl: true}, "từ 90% trở lên"},
		{rule.Tier{To: ratio(0.7)}, "dưới 70%"},
		{rule.Tier{To: ratio(0.7), ToIncl: true}, "từ 70% trở xuống"},
		{rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9), ToIncl: true}, "từ 70% đến 90%"},
		{rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9)}, "từ 70% đến dưới 90%"},
		{rule.Tier{From: ratio(0.7), To: ratio(0.9), ToIncl: true}, "trên 70% đến 90%"},
		{rule.Tier{From: ratio(0.7), To: ratio(0.9)}, "trên 70% đến dưới 90%"},
		{rule.Tier{From: ratio(1), FromIncl: true, To: ratio(1), ToIncl: true}, "đạt 100%"},
		{rule.Tier{From: ratio(0.125)}, "trên 12,5%"},
		{rule.Tier{From: ratio(0.0005)}, "trên 0,05%"},
		{rule.Tier{}, "mọi tỷ lệ"},
	}
	for _, tt := range tests {
		if got := tt.tier.Text(); got != tt.want {
			t.Errorf("%+v.Text() = %q, want %q", tt.tier, got, tt.want)
		}
	}
}

func TestTierContains(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tier rule.Tier
		r    float64
		want bool
	}{
		{rule.Tier{From: ratio(0.9)}, 0.9, false},
		{rule.Tier{From: ratio(0.9)}, 0.9000001, true},
		{rule.Tier{From: ratio(0.9), FromIncl: true}, 0.9, true},
		{rule.Tier{From: ratio(0.9), FromIncl: true}, 0.8999999, false},
		{rule.Tier{To: ratio(0.7)}, 0.7, false},
		{rule.Tier{To: ratio(0.7)}, 0.6999999, true},
		{rule.Tier{To: ratio(0.7), ToIncl: true}, 0.7, true},
		{rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9), ToIncl: true}, 0.9, true},
		{rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9)}, 0.9, false},
		{rule.Tier{}, 0, true},
		{rule.Tier{}, 1, true},
	}
	for _, tt := range tests {
		if got := tt.tier.Contains(tt.r); got != tt.want {
			t.Errorf("%+v.Contains(%v) = %v, want %v", tt.tier, tt.r, got, tt.want)
		}
	}
}
