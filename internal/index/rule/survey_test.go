package rule_test

import (
	"testing"

	"cchc/internal/index/rule"
)

func TestSurveyScore(t *testing.T) {
	t.Parallel()
	checkScores(t, rule.Spec{Type: rule.TypeSurvey}, []scoreCase{
		{name: "A", max: 100, in: rule.Input{Answer: "A"}, want: 100, explain: "Trả lời A (100%): 1 điểm"},
		{name: "B", max: 100, in: rule.Input{Answer: "B"}, want: 60, explain: "Trả lời B (60%): 0,6 điểm"},
		{name: "c lower case", max: 100, in: rule.Input{Answer: " c "}, want: 20, explain: "Trả lời C (20%): 0,2 điểm"},
		{name: "D", max: 100, in: rule.Input{Answer: "d"}, want: 0, explain: "Trả lời D (0%): 0 điểm"},
		{name: "B of 1,25 rounds half up", max: 125, in: rule.Input{Answer: "B"}, want: 75, explain: "Trả lời B (60%): 0,75 điểm"},
		{name: "C of 0,25 rounds half up", max: 25, in: rule.Input{Answer: "C"}, want: 5, explain: "Trả lời C (20%): 0,05 điểm"},
		{name: "E", max: 100, in: rule.Input{Answer: "E"}, err: "Câu trả lời “E” không hợp lệ: chọn A, B, C hoặc D."},
		{name: "missing", max: 100, in: rule.Input{}, err: "Chưa chọn câu trả lời (A, B, C hoặc D)."},
	})
}

func TestSurveyPercent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		answer string
		want   int
		ok     bool
	}{{"A", 100, true}, {"b", 60, true}, {" C", 20, true}, {"D", 0, true}, {"", 0, false}, {"AB", 0, false}}
	for _, tt := range tests {
		if got, ok := rule.SurveyPercent(tt.answer); got != tt.want || ok != tt.ok {
			t.Errorf("SurveyPercent(%q) = %d, %v; want %d, %v", tt.answer, got, ok, tt.want, tt.ok)
		}
	}
}
