package rule_test

import (
	"testing"

	"cchc/internal/index/rule"
)

func TestDescribe(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		spec   rule.Spec
		max    rule.Points
		words  string // Describe
		number string // DescribeFor(max)
	}{
		{"manual", rule.Spec{Type: rule.TypeManual}, 200,
			"Chấm từ 0 đến điểm tối đa (bước 0,25)", "Chấm từ 0 đến 2 điểm (bước 0,25)"},
		{"manual by 0,5", rule.Spec{Type: rule.TypeManual, Step: 50}, 300,
			"Chấm từ 0 đến điểm tối đa (bước 0,5)", "Chấm từ 0 đến 3 điểm (bước 0,5)"},
		{"yes/no", rule.Spec{Type: rule.TypeYesNo}, 100,
			"Có: điểm tối đa; không: 0 điểm", "Có: 1 điểm; không: 0 điểm"},
		{"tiers", planTiers(), 200,
			"Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm", "Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm"},
		{"proportional", rule.Spec{Type: rule.TypeProportional}, 200,
			"Tỷ lệ thuận: điểm tối đa × tỷ lệ đạt được", "Tỷ lệ thuận: 2 điểm × tỷ lệ đạt được"},
		{"timeliness", rule.Spec{Type: rule.TypeTimeliness}, 100,
			"Đúng hạn: điểm tối đa; chậm: 50% điểm tối đa; không thực hiện: 0 điểm", "Đúng hạn: 1 điểm; chậm: 0,5 điểm; không thực hiện: 0 điểm"},
		{"timeliness, late share not a whole hundredth", rule.Spec{Type: rule.TypeTimeliness, LatePercent: 33}, 100,
			"Đúng hạn: điểm tối đa; chậm: 33% điểm tối đa; không thực hiện: 0 điểm", "Đúng hạn: 1 điểm; chậm: 0,33 điểm; không thực hiện: 0 điểm"},
		{"timeliness, late points would be rounded", rule.Spec{Type: rule.TypeTimeliness, LatePercent: 33}, 25,
			"Đúng hạn: điểm tối đa; chậm: 33% điểm tối đa; không thực hiện: 0 điểm", "Đúng hạn: 0,25 điểm; chậm: 33% điểm tối đa; không thực hiện: 0 điểm"},
		{"survey", rule.Spec{Type: rule.TypeSurvey}, 100,
			"Điều tra xã hội học: A = 100%, B = 60%, C = 20%, D = 0%", "Điều tra xã hội học: A = 100%, B = 60%, C = 20%, D = 0%"},
		{"auto plan on time", rule.DefaultFor(rule.SourcePlanOnTime), 100,
			"Tự động: Kế hoạch CCHC năm ban hành đúng hạn — Đúng hạn: điểm tối đa; chậm: 50% điểm tối đa; không thực hiện: 0 điểm",
			"Tự động: Kế hoạch CCHC năm ban hành đúng hạn — Đúng hạn: 1 điểm; chậm: 0,5 điểm; không thực hiện: 0 điểm"},
		{"auto plan completion", rule.DefaultFor(rule.SourcePlanCompletion), 200,
			"Tự động: Tỷ lệ hoàn thành nhiệm vụ kế hoạch — Trên 90%: điểm tối đa; từ 70% đến 90%: một nửa điểm tối đa (làm tròn đến 0,25); dưới 70%: 0 điểm",
			"Tự động: Tỷ lệ hoàn thành nhiệm vụ kế hoạch — Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm"},
		{"auto reports with proportional", rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanCompletion, Then: &rule.Spec{Type: rule.TypeProportional}}, 100,
			"Tự động: Tỷ lệ hoàn thành nhiệm vụ kế hoạch — Tỷ lệ thuận: điểm tối đa × tỷ lệ đạt được",
			"Tự động: Tỷ lệ hoàn thành nhiệm vụ kế hoạch — Tỷ lệ thuận: 1 điểm × tỷ lệ đạt được"},
		{"auto reports on time", rule.DefaultFor(rule.SourceReportsOnTime), 100,
			"Tự động: Báo cáo định kỳ nộp đúng hạn — Có: điểm tối đa; không: 0 điểm",
			"Tự động: Báo cáo định kỳ nộp đúng hạn — Có: 1 điểm; không: 0 điểm"},
		{"auto unknown source", rule.Spec{Type: rule.TypeAuto, Source: "weather"}, 100, "Tự động: weather", "Tự động: weather"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.spec.Describe(); got != tt.words {
				t.Errorf("Describe() = %q\nwant %q", got, tt.words)
			}
			if got := tt.spec.DescribeFor(tt.max); got != tt.number {
				t.Errorf("DescribeFor(%v) = %q\nwant %q", tt.max, got, tt.number)
			}
			if got := tt.spec.DescribeFor(-1); got != tt.words {
				t.Errorf("DescribeFor(-1) = %q, want Describe's %q", got, tt.words)
			}
		})
	}
}
