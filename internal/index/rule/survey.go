package rule

import (
	"strconv"
	"strings"

	"cchc/internal/vn"
)

// survey: an answer of the sociological survey (điều tra xã hội học),
// graded A/B/C/D, earns 100/60/20/0% of the maximum.
type survey struct{}

// surveyAnswers are the answers in order, with the share of the maximum
// each earns, in percent.
var surveyAnswers = []struct {
	answer  string
	percent int
}{{"A", 100}, {"B", 60}, {"C", 20}, {"D", 0}}

// SurveyPercent returns the share of the maximum a survey answer earns, in
// percent: A 100, B 60, C 20, D 0. The answer may be in lower case or
// surrounded by spaces; ok is false for any other answer.
func SurveyPercent(answer string) (percent int, ok bool) {
	answer = strings.ToUpper(strings.TrimSpace(answer))
	for _, a := range surveyAnswers {
		if a.answer == answer {
			return a.percent, true
		}
	}
	return 0, false
}

func (survey) label() string                     { return "Điều tra xã hội học" }
func (survey) needs() string                     { return NeedAnswer }
func (survey) validate(s Spec, max Points) error { return nil }

func (survey) score(s Spec, max Points, in Input) (Result, error) {
	answer := strings.ToUpper(strings.TrimSpace(in.Answer))
	if answer == "" {
		return Result{}, problem("Chưa chọn câu trả lời (A, B, C hoặc D).")
	}
	pct, ok := SurveyPercent(answer)
	if !ok {
		return Result{}, problem("Câu trả lời “%s” không hợp lệ: chọn A, B, C hoặc D.", in.Answer)
	}
	p := percentOf(max, pct)
	return Result{Points: p, Explain: "Trả lời " + answer + " (" + strconv.Itoa(pct) + "%): " + pointsText(p)}, nil
}

// surveyScale writes the answers' shares: "A = 100%, B = 60%, C = 20%, D = 0%".
func surveyScale() string {
	parts := make([]string, len(surveyAnswers))
	for i, a := range surveyAnswers {
		parts[i] = a.answer + " = " + strconv.Itoa(a.percent) + "%"
	}
	return strings.Join(parts, ", ")
}

func (s survey) describe(_ Spec, _ Points) string {
	return s.label() + ": " + surveyScale()
}

func (s survey) parse(text string) (Spec, error) {
	f := vn.Fold(text)
	rest, titled := strings.CutPrefix(f, vn.Fold(s.label()))
	rest = strings.TrimSpace(rest)
	switch {
	case titled && rest == "", rest == vn.Fold(surveyScale()):
		return Spec{Type: TypeSurvey}, nil
	case titled:
		return Spec{}, problem("Điều tra xã hội học tính %s điểm tối đa.", surveyScale())
	}
	return Spec{}, errNotMine
}
