package rule_test

import (
	"testing"

	"cchc/internal/index/rule"
)

func TestTimelinessScore(t *testing.T) {
	t.Parallel()
	checkScores(t, rule.Spec{Type: rule.TypeTimeliness}, []scoreCase{
		{name: "on time", max: 100, in: rule.Input{Timeliness: rule.OnTime}, want: 100, explain: "Đúng hạn: 1 điểm"},
		{name: "late", max: 100, in: rule.Input{Timeliness: rule.Late}, want: 50, explain: "Chậm (50% điểm tối đa): 0,5 điểm"},
		{name: "late rounds half up", max: 25, in: rule.Input{Timeliness: rule.Late}, want: 13, explain: "Chậm (50% điểm tối đa): 0,13 điểm"},
		{name: "not done", max: 100, in: rule.Input{Timeliness: rule.NotDone}, want: 0, explain: "Không thực hiện: 0 điểm"},
		{name: "missing", max: 100, in: rule.Input{}, err: "Chưa chọn đúng hạn, chậm hay không thực hiện."},
		{name: "unknown", max: 100, in: rule.Input{Timeliness: "soon"}, err: "Giá trị “soon” không hợp lệ: chọn đúng hạn, chậm hoặc không thực hiện."},
	})
	checkScores(t, rule.Spec{Type: rule.TypeTimeliness, LatePercent: 25}, []scoreCase{
		{name: "late 25%", max: 200, in: rule.Input{Timeliness: rule.Late}, want: 50, explain: "Chậm (25% điểm tối đa): 0,5 điểm"},
	})
}

func TestTimelinessValidate(t *testing.T) {
	t.Parallel()
	checkValidate(t, []validateCase{
		{"default", rule.Spec{Type: rule.TypeTimeliness}, 100, ""},
		{"full", rule.Spec{Type: rule.TypeTimeliness, LatePercent: 100}, 100, ""},
		{"over 100", rule.Spec{Type: rule.TypeTimeliness, LatePercent: 101}, 100, "Tỷ lệ điểm khi chậm phải từ 1% đến 100%."},
		{"negative", rule.Spec{Type: rule.TypeTimeliness, LatePercent: -1}, 100, "Tỷ lệ điểm khi chậm phải từ 1% đến 100%."},
	})
}
