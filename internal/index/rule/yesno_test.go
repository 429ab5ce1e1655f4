package rule_test

import (
	"testing"

	"cchc/internal/index/rule"
)

func TestYesNoScore(t *testing.T) {
	t.Parallel()
	checkScores(t, rule.Spec{Type: rule.TypeYesNo}, []scoreCase{
		{name: "yes", max: 100, in: rule.Input{Yes: yes(true)}, want: 100, explain: "Có: 1 điểm"},
		{name: "no", max: 100, in: rule.Input{Yes: yes(false)}, want: 0, explain: "Không: 0 điểm"},
		{name: "yes of 1,5", max: 150, in: rule.Input{Yes: yes(true)}, want: 150, explain: "Có: 1,5 điểm"},
		{name: "missing", max: 100, in: rule.Input{Timeliness: rule.OnTime}, err: "Chưa chọn có hoặc không."},
	})
}
