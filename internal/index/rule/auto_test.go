package rule_test

import (
	"reflect"
	"testing"

	"cchc/internal/index/rule"
)

func TestAutoScoreDefaults(t *testing.T) {
	t.Parallel()
	checkScores(t, rule.DefaultFor(rule.SourcePlanOnTime), []scoreCase{
		{name: "on time", max: 100, in: rule.Input{Timeliness: rule.OnTime}, want: 100, explain: "Ban hành đúng hạn: 1 điểm"},
		{name: "late", max: 100, in: rule.Input{Timeliness: rule.Late}, want: 50, explain: "Ban hành chậm (50% điểm tối đa): 0,5 điểm"},
		{name: "not issued", max: 100, in: rule.Input{Timeliness: rule.NotDone}, want: 0, explain: "Chưa ban hành: 0 điểm"},
		{name: "no figure", max: 100, in: rule.Input{}, err: "Chưa chọn đúng hạn, chậm hay không thực hiện."},
	})
	checkScores(t, rule.DefaultFor(rule.SourcePlanCompletion), []scoreCase{
		{name: "93,5% of 2", max: 200, in: rule.Input{Ratio: ratio(0.935)}, want: 200, explain: "Tỷ lệ 93,5% (trên 90%): 2 điểm"},
		{name: "90% of 2", max: 200, in: rule.Input{Ratio: ratio(0.9)}, want: 100, explain: "Tỷ lệ 90% (từ 70% đến 90%): 1 điểm"},
		{name: "70% of 2", max: 200, in: rule.Input{Ratio: ratio(0.7)}, want: 100, explain: "Tỷ lệ 70% (từ 70% đến 90%): 1 điểm"},
		{name: "69,99999% of 2", max: 200, in: rule.Input{Ratio: ratio(0.6999999)}, want: 0, explain: "Tỷ lệ 69,99999% (dưới 70%): 0 điểm"},
		{name: "80% of 1,5", max: 150, in: rule.Input{Ratio: ratio(0.8)}, want: 75, explain: "Tỷ lệ 80% (từ 70% đến 90%): 0,75 điểm"},
		{name: "80% of 1,25: half rounded to 0,25", max: 125, in: rule.Input{Ratio: ratio(0.8)}, want: 75, explain: "Tỷ lệ 80% (từ 70% đến 90%): 0,75 điểm"},
		{name: "80% of 1", max: 100, in: rule.Input{Ratio: ratio(0.8)}, want: 50, explain: "Tỷ lệ 80% (từ 70% đến 90%): 0,5 điểm"},
		{name: "80% of 3", max: 300, in: rule.Input{Ratio: ratio(0.8)}, want: 150, explain: "Tỷ lệ 80% (từ 70% đến 90%): 1,5 điểm"},
		{name: "no figure", max: 100, in: rule.Input{}, err: "Chưa có tỷ lệ."},
	})
	checkScores(t, rule.DefaultFor(rule.SourceReportsOnTime), []scoreCase{
		{name: "all on time", max: 100, in: rule.Input{Yes: yes(true)}, want: 100, explain: "Tất cả báo cáo định kỳ nộp đúng hạn: 1 điểm"},
		{name: "some late", max: 100, in: rule.Input{Yes: yes(false)}, want: 0, explain: "Có báo cáo định kỳ nộp chậm hoặc chưa nộp: 0 điểm"},
	})
	checkScores(t, rule.DefaultFor(rule.SourceReportsComplete), []scoreCase{
		{name: "all sent", max: 100, in: rule.Input{Yes: yes(true)}, want: 100, explain: "Nộp đầy đủ báo cáo định kỳ: 1 điểm"},
		{name: "some missing", max: 100, in: rule.Input{Yes: yes(false)}, want: 0, explain: "Chưa nộp đủ báo cáo định kỳ: 0 điểm"},
		{name: "no figure", max: 100, in: rule.Input{}, err: "Chưa chọn có hoặc không."},
	})
}

func TestAutoScoreThen(t *testing.T) {
	t.Parallel()
	checkScores(t, rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanCompletion, Then: &rule.Spec{Type: rule.TypeProportional}}, []scoreCase{
		{name: "proportional", max: 200, in: rule.Input{Ratio: ratio(0.8)}, want: 160, explain: "Tỷ lệ 80% × 2 điểm: 1,6 điểm"},
	})
	checkScores(t, rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanOnTime, Then: &rule.Spec{Type: rule.TypeTimeliness, LatePercent: 25}}, []scoreCase{
		{name: "late 25%", max: 200, in: rule.Input{Timeliness: rule.Late}, want: 50, explain: "Ban hành chậm (25% điểm tối đa): 0,5 điểm"},
	})
}

func TestAutoValidate(t *testing.T) {
	t.Parallel()
	auto := func(src string, then *rule.Spec) rule.Spec {
		return rule.Spec{Type: rule.TypeAuto, Source: src, Then: then}
	}
	checkValidate(t, []validateCase{
		{"default", auto(rule.SourcePlanCompletion, nil), 200, ""},
		{"tiers then", auto(rule.SourcePlanCompletion, &rule.Spec{Type: rule.TypeTiers, Tiers: planTiers().Tiers}), 200, ""},
		{"tiers then over max", auto(rule.SourcePlanCompletion, &rule.Spec{Type: rule.TypeTiers, Tiers: planTiers().Tiers}), 100,
			"Bậc 1: điểm phải từ 0 đến 1."},
		{"no source", auto("", nil), 100, "Chưa chọn nguồn dữ liệu tự động."},
		{"unknown source", auto("weather", nil), 100, "Nguồn dữ liệu tự động “weather” không hợp lệ."},
		{"then needs another figure", auto(rule.SourcePlanOnTime, &rule.Spec{Type: rule.TypeYesNo}), 100,
			"Nguồn “Kế hoạch CCHC năm ban hành đúng hạn” cho kết quả đúng hạn, chậm hoặc không thực hiện, không chấm được theo quy tắc “Có/không”."},
		{"manual then", auto(rule.SourceReportsOnTime, &rule.Spec{}), 100,
			"Nguồn “Báo cáo định kỳ nộp đúng hạn” cho kết quả có hoặc không, không chấm được theo quy tắc “Chấm thủ công”."},
		{"nested", auto(rule.SourceReportsOnTime, &rule.Spec{Type: rule.TypeAuto, Source: rule.SourceReportsOnTime}), 100,
			"Nguồn “Báo cáo định kỳ nộp đúng hạn” cho kết quả có hoặc không, không chấm được theo quy tắc “Tự động từ dữ liệu cchc”."},
		{"unknown then", auto(rule.SourceReportsOnTime, &rule.Spec{Type: "lottery"}), 100, "Loại quy tắc chấm điểm không hợp lệ: “lottery”."},
	})
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	if got := rule.DefaultFor(rule.SourcePlanOnTime); !reflect.DeepEqual(got, rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanOnTime}) {
		t.Errorf("DefaultFor = %+v", got)
	}
	for _, src := range rule.Sources() {
		if err := rule.DefaultFor(src).Validate(100); err != nil {
			t.Errorf("DefaultFor(%q).Validate: %v", src, err)
		}
	}
	tests := []struct {
		src  string
		max  rule.Points
		want rule.Spec
	}{
		{rule.SourcePlanOnTime, 100, rule.Spec{Type: rule.TypeTimeliness}},
		{rule.SourceReportsOnTime, 100, rule.Spec{Type: rule.TypeYesNo}},
		{rule.SourceReportsComplete, 100, rule.Spec{Type: rule.TypeYesNo}},
		{rule.SourcePlanCompletion, 200, planTiers()},
		{rule.SourcePlanCompletion, 25, rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
			{From: ratio(0.9), Points: 25},
			{From: ratio(0.7), FromIncl: true, To: ratio(0.9), ToIncl: true, Points: 25},
			{To: ratio(0.7), Points: 0},
		}}},
		{"weather", 100, rule.Spec{}},
	}
	for _, tt := range tests {
		if got := rule.DefaultThen(tt.src, tt.max); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("DefaultThen(%q, %v) = %+v, want %+v", tt.src, tt.max, got, tt.want)
		}
	}
}
