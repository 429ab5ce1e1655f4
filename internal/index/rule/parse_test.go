package rule_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// roundTripSpecs are rules as Parse returns them (defaults left zero):
// every type, and tiers with every kind of bound.
func roundTripSpecs() []rule.Spec {
	tiers := func(ts ...rule.Tier) rule.Spec { return rule.Spec{Type: rule.TypeTiers, Tiers: ts} }
	return []rule.Spec{
		{Type: rule.TypeManual},
		{Type: rule.TypeManual, Step: 50},
		{Type: rule.TypeManual, Step: 10},
		{Type: rule.TypeYesNo},
		planTiers(),
		tiers(
			rule.Tier{From: ratio(0.9), FromIncl: true, Points: 200},
			rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9), Points: 150},
			rule.Tier{From: ratio(0.5), To: ratio(0.7), Points: 100},
			rule.Tier{From: ratio(0.3), To: ratio(0.5), ToIncl: true, Points: 50},
			rule.Tier{To: ratio(0.3), ToIncl: true, Points: 0}),
		tiers(
			rule.Tier{From: ratio(1), FromIncl: true, To: ratio(1), ToIncl: true, Points: 100},
			rule.Tier{From: ratio(0.125), To: ratio(1), Points: 25}),
		tiers(rule.Tier{From: ratio(0.0001), Points: 1}),
		tiers(rule.Tier{Points: 75}),
		{Type: rule.TypeProportional},
		{Type: rule.TypeTimeliness},
		{Type: rule.TypeTimeliness, LatePercent: 25},
		{Type: rule.TypeTimeliness, LatePercent: 100},
		{Type: rule.TypeSurvey},
		rule.DefaultFor(rule.SourcePlanOnTime),
		rule.DefaultFor(rule.SourcePlanCompletion),
		rule.DefaultFor(rule.SourceReportsOnTime),
		rule.DefaultFor(rule.SourceReportsComplete),
		{Type: rule.TypeAuto, Source: rule.SourcePlanOnTime, Then: &rule.Spec{Type: rule.TypeTimeliness, LatePercent: 75}},
		{Type: rule.TypeAuto, Source: rule.SourcePlanCompletion, Then: &rule.Spec{Type: rule.TypeProportional}},
		{Type: rule.TypeAuto, Source: rule.SourcePlanCompletion, Then: &rule.Spec{Type: rule.TypeTiers, Tiers: planTiers().Tiers}},
	}
}

func TestParseDescribeRoundTrip(t *testing.T) {
	t.Parallel()
	for _, s := range roundTripSpecs() {
		text := s.Describe()
		got, err := rule.Parse(text)
		if err != nil {
			t.Errorf("Parse(%q): %v", text, err)
			continue
		}
		if !reflect.DeepEqual(got, s) {
			t.Errorf("Parse(%q) = %s, want %s", text, dump(got), dump(s))
		}
	}
}

// TestParseDescribeForRoundTrip reads what DescribeFor writes for an item
// of some maximum, and checks the rule read scores such an item as the
// original does.
func TestParseDescribeForRoundTrip(t *testing.T) {
	t.Parallel()
	var inputs []rule.Input
	for _, r := range []float64{0, 0.2, 0.3, 0.5, 0.6999999, 0.7, 0.8, 0.9, 0.9000001, 1} {
		inputs = append(inputs, rule.Input{Ratio: ratio(r)})
	}
	for _, p := range []rule.Points{0, 10, 25, 50, 100, 150} {
		inputs = append(inputs, rule.Input{Points: pts(p)})
	}
	for _, v := range []string{rule.OnTime, rule.Late, rule.NotDone} {
		inputs = append(inputs, rule.Input{Timeliness: v})
	}
	for _, a := range []string{"A", "B", "C", "D"} {
		inputs = append(inputs, rule.Input{Answer: a})
	}
	inputs = append(inputs, rule.Input{Yes: yes(true)}, rule.Input{Yes: yes(false)})
	for _, s := range roundTripSpecs() {
		for _, max := range []rule.Points{150, 200, 300} {
			if s.Validate(max) != nil {
				continue
			}
			text := s.DescribeFor(max)
			got, err := rule.Parse(text)
			if err != nil {
				t.Errorf("Parse(%q): %v", text, err)
				continue
			}
			for _, in := range inputs {
				want, werr := s.Score(max, in)
				have, herr := got.Score(max, in)
				if (werr == nil) != (herr == nil) || want.Points != have.Points {
					t.Errorf("Parse(%q).Score(%v, %+v) = %v, %v; the original scores %v, %v", text, max, in, have.Points, herr, want.Points, werr)
				}
			}
		}
	}
}

func TestParseVariants(t *testing.T) {
	t.Parallel()
	over90 := rule.Tier{From: ratio(0.9), Points: 200}
	tiers := func(ts ...rule.Tier) rule.Spec { return rule.Spec{Type: rule.TypeTiers, Tiers: ts} }
	tests := []struct {
		text string
		want rule.Spec
	}{
		{"", rule.Spec{Type: rule.TypeManual}},
		{"   ", rule.Spec{Type: rule.TypeManual}},
		{"Chấm thủ công", rule.Spec{Type: rule.TypeManual}},
		{"chấm từ 0 đến 2 điểm", rule.Spec{Type: rule.TypeManual}},
		{"Chấm từ 0 đến 3 điểm (bước 0,5).", rule.Spec{Type: rule.TypeManual, Step: 50}},
		{"Chấm từ 0 đến 3 điểm, bước: 1", rule.Spec{Type: rule.TypeManual, Step: 100}},
		{"Có/không", rule.Spec{Type: rule.TypeYesNo}},
		{"Có: 1 điểm; không: 0 điểm", rule.Spec{Type: rule.TypeYesNo}},
		{"Đạt: 1 điểm; không đạt: 0 điểm", rule.Spec{Type: rule.TypeYesNo}},
		{"Đạt: 1 điểm\nKhông đạt: 0 điểm", rule.Spec{Type: rule.TypeYesNo}},
		{"Có: 1 điểm, không: 0 điểm", rule.Spec{Type: rule.TypeYesNo}},
		{"Đầy đủ: 0,5đ; thiếu: 0đ", rule.Spec{Type: rule.TypeYesNo}},
		{"Đúng hạn: 1; không: 0", rule.Spec{Type: rule.TypeYesNo}},
		{"Có ban hành kế hoạch: 1 điểm; không ban hành: 0 điểm", rule.Spec{Type: rule.TypeYesNo}},
		{"Đạt yêu cầu: 1 điểm; chưa đạt: 0 điểm", rule.Spec{Type: rule.TypeYesNo}},
		{">90%: 2; 70-90%: 1; <70%: 0", planTiers()},
		{"> 90%: 2 điểm; 70% - 90%: 1 điểm; < 70%: 0 điểm", planTiers()},
		{"Trên 90%: 2đ; từ 70 – 90%: 1đ; dưới 70%: 0đ", planTiers()},
		{"Tỷ lệ trên 90%: 2 điểm; tỉ lệ từ 70% đến 90%: 1 điểm; tỷ lệ dưới 70%: 0 điểm", planTiers()},
		{">90%: 2, 70-90%: 1, <70%: 0", planTiers()},
		{"≥ 90%: 2 điểm", tiers(rule.Tier{From: ratio(0.9), FromIncl: true, Points: 200})},
		{">= 90%: 2", tiers(rule.Tier{From: ratio(0.9), FromIncl: true, Points: 200})},
		{"Từ 90% trở lên: 2 điểm", tiers(rule.Tier{From: ratio(0.9), FromIncl: true, Points: 200})},
		{"90% trở lên: 2 điểm", tiers(rule.Tier{From: ratio(0.9), FromIncl: true, Points: 200})},
		{"Đạt 100%: 1 điểm; dưới 100%: 0 điểm", tiers(
			rule.Tier{From: ratio(1), FromIncl: true, To: ratio(1), ToIncl: true, Points: 100},
			rule.Tier{To: ratio(1), Points: 0})},
		{"= 100%: 1; < 100%: 0", tiers(
			rule.Tier{From: ratio(1), FromIncl: true, To: ratio(1), ToIncl: true, Points: 100},
			rule.Tier{To: ratio(1), Points: 0})},
		{"Mọi tỷ lệ: 1 điểm", tiers(rule.Tier{Points: 100})},
		{"Đạt 100%: 1 điểm; chưa đạt 100%: 0 điểm", tiers(
			rule.Tier{From: ratio(1), FromIncl: true, To: ratio(1), ToIncl: true, Points: 100},
			rule.Tier{To: ratio(1), Points: 0})},
		{"≤ 50%: 0", tiers(rule.Tier{To: ratio(0.5), ToIncl: true, Points: 0})},
		{"Từ 70% đến dưới 90%: 1 điểm", tiers(rule.Tier{From: ratio(0.7), FromIncl: true, To: ratio(0.9), Points: 100})},
		{"Trên 70% đến 90%: 1 điểm", tiers(rule.Tier{From: ratio(0.7), To: ratio(0.9), ToIncl: true, Points: 100})},
		{"Từ 12,5% đến 50%: 0,25 điểm", tiers(rule.Tier{From: ratio(0.125), FromIncl: true, To: ratio(0.5), ToIncl: true, Points: 25})},
		{"trên 90% : 2 điểm", tiers(over90)},
		{"Tỷ lệ thuận", rule.Spec{Type: rule.TypeProportional}},
		{"Điểm tối đa × tỷ lệ", rule.Spec{Type: rule.TypeProportional}},
		{"Đúng hạn/chậm/không thực hiện", rule.Spec{Type: rule.TypeTimeliness}},
		{"Đúng hạn: 1; chậm: 0,5; không: 0", rule.Spec{Type: rule.TypeTimeliness}},
		{"Ban hành đúng hạn: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm", rule.Spec{Type: rule.TypeTimeliness}},
		{"Ban hành kế hoạch đúng hạn: 1 điểm; ban hành kế hoạch chậm: 0,5 điểm; chưa ban hành: 0 điểm", rule.Spec{Type: rule.TypeTimeliness}},
		{"Đúng hạn: 1; không đúng hạn: 0,5; không thực hiện: 0", rule.Spec{Type: rule.TypeTimeliness}},
		{"Đúng hạn: 2; chậm: 0,5", rule.Spec{Type: rule.TypeTimeliness, LatePercent: 25}},
		{"Đúng hạn: điểm tối đa; trễ hạn: 75% điểm tối đa; chưa thực hiện: 0", rule.Spec{Type: rule.TypeTimeliness, LatePercent: 75}},
		{"Đúng hạn: 1; chậm: một nửa số điểm; không thực hiện: 0", rule.Spec{Type: rule.TypeTimeliness}},
		{"Điều tra xã hội học", rule.Spec{Type: rule.TypeSurvey}},
		{"A: 100%; B: 60%; C: 20%; D: 0%", rule.Spec{Type: rule.TypeSurvey}},
		{"Tự động: Báo cáo định kỳ nộp đầy đủ", rule.DefaultFor(rule.SourceReportsComplete)},
		{"Tự động: báo cáo định kỳ nộp đúng hạn - Có: 1; không: 0", rule.DefaultFor(rule.SourceReportsOnTime)},
		{"tự động: plan_completion — > 90%: 2; 70-90%: 1; < 70%: 0",
			rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanCompletion, Then: &rule.Spec{Type: rule.TypeTiers, Tiers: planTiers().Tiers}}},
	}
	for _, tt := range tests {
		got, err := rule.Parse(tt.text)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.text, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) = %s, want %s", tt.text, dump(got), dump(tt.want))
		}
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want string
	}{
		{"Chấm theo cảm tính", "Không đọc được cách chấm điểm “Chấm theo cảm tính”."},
		{"Theo tỷ lệ (bậc)", "Không đọc được cách chấm điểm “Theo tỷ lệ (bậc)”. Cần ít nhất một bậc điểm."},
		{"Tự động từ dữ liệu cchc", "Không đọc được cách chấm điểm “Tự động từ dữ liệu cchc”. Chưa chọn nguồn dữ liệu tự động."},
		{"Tự động: thời tiết", "Không đọc được cách chấm điểm “Tự động: thời tiết”. Không có nguồn dữ liệu tự động “thời tiết”."},
		{"Tự động: Báo cáo định kỳ nộp đúng hạn — Đúng hạn: 1; chậm: 0,5",
			"Không đọc được cách chấm điểm “Tự động: Báo cáo định kỳ nộp đúng hạn — Đúng hạn: 1; chậm: 0,5”. " +
				"Nguồn “Báo cáo định kỳ nộp đúng hạn” cho kết quả có hoặc không, không chấm được theo quy tắc “Đúng hạn/chậm/không thực hiện”."},
		{"Tự động: Báo cáo định kỳ nộp đúng hạn — tùy hội đồng",
			"Không đọc được cách chấm điểm “Tự động: Báo cáo định kỳ nộp đúng hạn — tùy hội đồng”. Không hiểu cách chấm “tùy hội đồng” sau nguồn dữ liệu."},
		{"Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; từ 80%: 0 điểm",
			"Không đọc được cách chấm điểm “Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; từ 80%: 0 điểm”. " +
				"Bậc 1 (trên 90%) và bậc 3 (từ 80% trở lên) chồng nhau: tỷ lệ 100% thuộc cả hai."},
		{"Từ 90%: 2; 70-90%: 1",
			"Không đọc được cách chấm điểm “Từ 90%: 2; 70-90%: 1”. Bậc 1 (từ 90% trở lên) và bậc 2 (từ 70% đến 90%) chồng nhau: tỷ lệ 90% thuộc cả hai."},
		{"Trên 90%: 2; gần đạt: 1", "Không đọc được cách chấm điểm “Trên 90%: 2; gần đạt: 1”. Không hiểu bậc “gần đạt: 1”."},
		{"Trên 120%: 2", "Không đọc được cách chấm điểm “Trên 120%: 2”. Bậc 1: ngưỡng phải từ 0% đến 100%."},
		{"Trên 90%: điểm tối đa", "Không đọc được cách chấm điểm “Trên 90%: điểm tối đa”. Bậc “Trên 90%: điểm tối đa”: cần ghi số điểm cụ thể."},
		{"Trên 90,125%: 1", "Không đọc được cách chấm điểm “Trên 90,125%: 1”."},
		{"Trên 90%: nhiều", "Không đọc được cách chấm điểm “Trên 90%: nhiều”. Số điểm “nhiều” không hợp lệ."},
		{"Đúng hạn: 1; chậm: 0", "Không đọc được cách chấm điểm “Đúng hạn: 1; chậm: 0”. Trường hợp chậm phải được trên 0 điểm; nếu chậm không được điểm, dùng quy tắc Có/không."},
		{"Đúng hạn: 1; chậm: 2", "Không đọc được cách chấm điểm “Đúng hạn: 1; chậm: 2”. Điểm khi chậm không được cao hơn điểm khi đúng hạn."},
		{"Đúng hạn: 3; chậm: 1", "Không đọc được cách chấm điểm “Đúng hạn: 3; chậm: 1”. Điểm khi chậm (1) phải là một số phần trăm nguyên của điểm khi đúng hạn (3)."},
		{"Đúng hạn: 1; chậm: 0,5; không thực hiện: 0,25", "Không đọc được cách chấm điểm “Đúng hạn: 1; chậm: 0,5; không thực hiện: 0,25”. Trường hợp không thực hiện phải được 0 điểm."},
		{"Có: 1; không: 0,5", "Không đọc được cách chấm điểm “Có: 1; không: 0,5”. Trường hợp không đạt phải được 0 điểm."},
		{"Điều tra xã hội học: A = 100%, B = 50%", "Không đọc được cách chấm điểm “Điều tra xã hội học: A = 100%, B = 50%”. Điều tra xã hội học tính A = 100%, B = 60%, C = 20%, D = 0% điểm tối đa."},
		{"Chấm từ 0 đến 2 điểm (bước 0)", "Không đọc được cách chấm điểm “Chấm từ 0 đến 2 điểm (bước 0)”. Bước chấm điểm “0” không hợp lệ."},
		{strings.Repeat("không rõ ", 20), "Không đọc được cách chấm điểm “" + string([]rune(strings.Repeat("không rõ ", 9))[:79]) + "…”."},
	}
	for _, tt := range tests {
		got, err := rule.Parse(tt.text)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", tt.text, dump(got))
			continue
		}
		if msg := valid.Message(err); msg != tt.want {
			t.Errorf("Parse(%q) error\n %q\nwant %q", tt.text, msg, tt.want)
		}
	}
}

// dump writes a Spec with its pointers followed, for test messages.
func dump(s rule.Spec) string {
	var b strings.Builder
	b.WriteString("{" + s.Type)
	if s.Step != 0 {
		b.WriteString(" step " + s.Step.String())
	}
	for _, t := range s.Tiers {
		b.WriteString(" [" + t.Text() + ": " + t.Points.String())
		if t.From != nil {
			b.WriteString(" from " + formatFloat(*t.From))
		}
		if t.To != nil {
			b.WriteString(" to " + formatFloat(*t.To))
		}
		b.WriteString("]")
	}
	if s.LatePercent != 0 {
		b.WriteString(" late " + formatFloat(float64(s.LatePercent)))
	}
	if s.Source != "" {
		b.WriteString(" source " + s.Source)
	}
	if s.Then != nil {
		b.WriteString(" then " + dump(*s.Then))
	}
	return b.String() + "}"
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// FuzzParse checks that Parse never panics and that whatever it reads is
// read again, unchanged, from its own Describe.
func FuzzParse(f *testing.F) {
	for _, s := range roundTripSpecs() {
		f.Add(s.Describe())
		f.Add(s.DescribeFor(200))
	}
	for _, text := range []string{
		">90%: 2; 70-90%: 1; <70%: 0", "≥ 90%: 2 điểm", "Đạt: 1 điểm; không đạt: 0 điểm", "Đúng hạn: 1; chậm: 0,5; không: 0",
		"Từ 70% đến dưới 90%: 1 điểm", "= 100%: 1; < 100%: 0", "Tự động: plan_completion — > 90%: 2", "", "Có/không",
	} {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := rule.Parse(text)
		if err != nil {
			if valid.Message(err) == "" {
				t.Fatalf("Parse(%q): %v is not a Vietnamese message", text, err)
			}
			return
		}
		again, err := rule.Parse(s.Describe())
		if err != nil {
			t.Fatalf("Parse(%q) = %s; Parse of its Describe %q: %v", text, dump(s), s.Describe(), err)
		}
		if !reflect.DeepEqual(again, s) {
			t.Fatalf("Parse(%q) = %s; Parse of its Describe %q = %s", text, dump(s), s.Describe(), dump(again))
		}
	})
}
