package rule_test

import (
	"reflect"
	"testing"

	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

func TestTypesAndLabels(t *testing.T) {
	t.Parallel()
	labels := map[string]string{
		rule.TypeManual:       "Chấm thủ công",
		rule.TypeYesNo:        "Có/không",
		rule.TypeTiers:        "Theo tỷ lệ (bậc)",
		rule.TypeProportional: "Tỷ lệ thuận",
		rule.TypeTimeliness:   "Đúng hạn/chậm/không thực hiện",
		rule.TypeSurvey:       "Điều tra xã hội học",
		rule.TypeAuto:         "Tự động từ dữ liệu cchc",
		"lottery":             "lottery",
	}
	want := []string{rule.TypeManual, rule.TypeYesNo, rule.TypeTiers, rule.TypeProportional, rule.TypeTimeliness, rule.TypeSurvey, rule.TypeAuto}
	if got := rule.Types(); !reflect.DeepEqual(got, want) {
		t.Errorf("Types() = %v, want %v", got, want)
	}
	for typ, label := range labels {
		if got := rule.TypeLabel(typ); got != label {
			t.Errorf("TypeLabel(%q) = %q, want %q", typ, got, label)
		}
	}
	sources := map[string]string{
		rule.SourcePlanOnTime:      "Kế hoạch CCHC năm ban hành đúng hạn",
		rule.SourcePlanCompletion:  "Tỷ lệ hoàn thành nhiệm vụ kế hoạch",
		rule.SourceReportsOnTime:   "Báo cáo định kỳ nộp đúng hạn",
		rule.SourceReportsComplete: "Báo cáo định kỳ nộp đầy đủ",
		"weather":                  "weather",
	}
	wantSources := []string{rule.SourcePlanOnTime, rule.SourcePlanCompletion, rule.SourceReportsOnTime, rule.SourceReportsComplete}
	if got := rule.Sources(); !reflect.DeepEqual(got, wantSources) {
		t.Errorf("Sources() = %v, want %v", got, wantSources)
	}
	for src, label := range sources {
		if got := rule.SourceLabel(src); got != label {
			t.Errorf("SourceLabel(%q) = %q, want %q", src, got, label)
		}
	}
	// The lists are copies: changing one changes nothing else.
	rule.Types()[0] = "x"
	rule.Sources()[0] = "x"
	if rule.Types()[0] != rule.TypeManual || rule.Sources()[0] != rule.SourcePlanOnTime {
		t.Error("Types or Sources returned the table itself")
	}
}

func TestNeeds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec rule.Spec
		want string
	}{
		{rule.Spec{}, rule.NeedPoints},
		{rule.Spec{Type: rule.TypeManual}, rule.NeedPoints},
		{rule.Spec{Type: rule.TypeYesNo}, rule.NeedYes},
		{rule.Spec{Type: rule.TypeTiers}, rule.NeedRatio},
		{rule.Spec{Type: rule.TypeProportional}, rule.NeedRatio},
		{rule.Spec{Type: rule.TypeTimeliness}, rule.NeedTimeliness},
		{rule.Spec{Type: rule.TypeSurvey}, rule.NeedAnswer},
		{rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanOnTime}, rule.NeedAuto},
		{rule.Spec{Type: "lottery"}, ""},
	}
	for _, tt := range tests {
		if got := tt.spec.Needs(); got != tt.want {
			t.Errorf("%+v.Needs() = %q, want %q", tt.spec, got, tt.want)
		}
	}
}

func TestUnknownType(t *testing.T) {
	t.Parallel()
	s := rule.Spec{Type: "lottery"}
	const msg = "Loại quy tắc chấm điểm không hợp lệ: “lottery”."
	if err := s.Validate(100); valid.Message(err) != msg {
		t.Errorf("Validate = %v, want %q", err, msg)
	}
	if r, err := s.Score(100, rule.Input{Points: pts(100)}); valid.Message(err) != msg {
		t.Errorf("Score = %+v, %v; want %q", r, err, msg)
	}
	if got := s.Describe(); got != "lottery" {
		t.Errorf("Describe = %q", got)
	}
}

// TestScoreWithinMax scores every type on every input it may get and checks
// the points never leave 0..max.
func TestScoreWithinMax(t *testing.T) {
	t.Parallel()
	specs := []rule.Spec{
		{Type: rule.TypeManual}, {Type: rule.TypeYesNo}, planTiers(), {Type: rule.TypeProportional},
		{Type: rule.TypeTimeliness}, {Type: rule.TypeTimeliness, LatePercent: 33}, {Type: rule.TypeSurvey},
		rule.DefaultFor(rule.SourcePlanOnTime), rule.DefaultFor(rule.SourcePlanCompletion), rule.DefaultFor(rule.SourceReportsOnTime),
	}
	var inputs []rule.Input
	for _, r := range []float64{0, 0.1, 0.7, 0.8999999, 0.9, 0.999, 1} {
		inputs = append(inputs, rule.Input{Ratio: ratio(r)})
	}
	for _, p := range []rule.Points{0, 25, 100, 200} {
		inputs = append(inputs, rule.Input{Points: pts(p)})
	}
	for _, v := range []string{rule.OnTime, rule.Late, rule.NotDone} {
		inputs = append(inputs, rule.Input{Timeliness: v})
	}
	for _, a := range []string{"A", "B", "C", "D"} {
		inputs = append(inputs, rule.Input{Answer: a})
	}
	inputs = append(inputs, rule.Input{Yes: yes(true)}, rule.Input{Yes: yes(false)})
	scored := 0
	for _, s := range specs {
		for _, max := range []rule.Points{200, 300, 1000} {
			for _, in := range inputs {
				r, err := s.Score(max, in)
				if err != nil {
					continue
				}
				scored++
				if r.Points < 0 || r.Points > max || r.Explain == "" {
					t.Errorf("%+v.Score(%v, %+v) = %+v", s, max, in, r)
				}
			}
		}
	}
	if scored < 100 {
		t.Errorf("only %d scorings succeeded", scored)
	}
}
