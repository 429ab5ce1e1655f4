package rule

import (
	"errors"
	"strconv"
	"strings"

	"cchc/internal/vn"
)

// auto: a figure cchc computes from its own data (the index package turns
// it into an Input), scored by Then, or by the source's default rule when
// Then is nil.
type auto struct{}

func (auto) label() string { return "Tự động từ dữ liệu cchc" }
func (auto) needs() string { return NeedAuto }

// source is a figure cchc computes for a unit and a year.
type source struct {
	name, label string
	// needs is the field of Input the index package fills for it, and so
	// what Then must score.
	needs string
	// then returns the default rule for an item of max points.
	then func(max Points) Spec
	// thenText is the default rule in words when it depends on the
	// maximum; "" when then's Describe says it.
	thenText string
	// explain says the figure in words ("Ban hành đúng hạn"), or "" to keep
	// the explanation of the rule that scored it.
	explain func(then Spec, in Input) string
}

// sources is the table of automatic sources. It is never modified.
var sources = []source{
	{SourcePlanOnTime, "Kế hoạch CCHC năm ban hành đúng hạn", NeedTimeliness,
		fixedRule(Spec{Type: TypeTimeliness}), "", planOnTimeWords},
	{SourcePlanCompletion, "Tỷ lệ hoàn thành nhiệm vụ kế hoạch", NeedRatio, completionTiers,
		"Trên 90%: điểm tối đa; từ 70% đến 90%: một nửa điểm tối đa (làm tròn đến 0,25); dưới 70%: 0 điểm", nil},
	{SourceReportsOnTime, "Báo cáo định kỳ nộp đúng hạn", NeedYes,
		fixedRule(Spec{Type: TypeYesNo}), "", yesWords("Tất cả báo cáo định kỳ nộp đúng hạn", "Có báo cáo định kỳ nộp chậm hoặc chưa nộp")},
	{SourceReportsComplete, "Báo cáo định kỳ nộp đầy đủ", NeedYes,
		fixedRule(Spec{Type: TypeYesNo}), "", yesWords("Nộp đầy đủ báo cáo định kỳ", "Chưa nộp đủ báo cáo định kỳ")},
}

func fixedRule(s Spec) func(Points) Spec { return func(Points) Spec { return s } }

// completionTiers is the default rule of plan completion: over 90% earns
// the maximum, 70% to 90% half of it (rounded to 0,25), under 70% nothing.
func completionTiers(max Points) Spec {
	ninety, seventy := 0.9, 0.7
	half := (max + 25) / 50 * 25
	return Spec{Type: TypeTiers, Tiers: []Tier{
		{From: &ninety, Points: max},
		{From: &seventy, FromIncl: true, To: &ninety, ToIncl: true, Points: half},
		{To: &seventy, Points: 0},
	}}
}

func planOnTimeWords(then Spec, in Input) string {
	switch in.Timeliness {
	case OnTime:
		return "Ban hành đúng hạn"
	case Late:
		return "Ban hành chậm (" + strconv.Itoa(latePercent(then)) + "% điểm tối đa)"
	case NotDone:
		return "Chưa ban hành"
	}
	return ""
}

func yesWords(yes, no string) func(Spec, Input) string {
	return func(_ Spec, in Input) string {
		switch {
		case in.Yes == nil:
			return ""
		case *in.Yes:
			return yes
		}
		return no
	}
}

func findSource(name string) (source, bool) {
	for _, src := range sources {
		if src.name == name {
			return src, true
		}
	}
	return source{}, false
}

// defaultText is the source's default rule in words, max unknown.
func (src source) defaultText() string {
	if src.thenText != "" {
		return src.thenText
	}
	return src.then(anyMax).describe(anyMax)
}

// Sources returns the names of the automatic sources, in the order forms
// list them.
func Sources() []string {
	out := make([]string, len(sources))
	for i, src := range sources {
		out[i] = src.name
	}
	return out
}

// SourceLabel returns the Vietnamese name of source src ("Báo cáo định kỳ
// nộp đúng hạn"), or src itself when it is not a source.
func SourceLabel(src string) string {
	if s, ok := findSource(src); ok {
		return s.label
	}
	return src
}

// DefaultFor returns the default automatic rule of source: Then is nil,
// so it is scored by the source's default rule for the item's maximum
// (see DefaultThen).
func DefaultFor(source string) Spec { return Spec{Type: TypeAuto, Source: source} }

// DefaultThen returns the rule that scores source's figure for an item of
// max points when an automatic rule has no Then: plan on time by
// timeliness (on time: max, late: half, not done: 0); plan completion by
// tiers (over 90%: max; 70% to 90%: half of max rounded to 0,25; under
// 70%: 0); reports on time and reports complete by yes/no. It returns the
// zero Spec for an unknown source.
func DefaultThen(source string, max Points) Spec {
	if src, ok := findSource(source); ok {
		return src.then(max)
	}
	return Spec{}
}

// needText says what a source gives, for an error message.
func needText(need string) string {
	switch need {
	case NeedTimeliness:
		return "kết quả đúng hạn, chậm hoặc không thực hiện"
	case NeedRatio:
		return "một tỷ lệ"
	case NeedYes:
		return "kết quả có hoặc không"
	}
	return need
}

func (auto) validate(s Spec, max Points) error {
	src, ok := findSource(s.Source)
	switch {
	case !ok && s.Source == "":
		return problem("Chưa chọn nguồn dữ liệu tự động.")
	case !ok:
		return problem("Nguồn dữ liệu tự động “%s” không hợp lệ.", s.Source)
	case s.Then == nil:
		return nil
	}
	then := *s.Then
	sc, ok := lookup(then.Type)
	switch {
	case !ok:
		return badType(then.Type)
	case sc.needs() != src.needs:
		return problem("Nguồn “%s” cho %s, không chấm được theo quy tắc “%s”.", src.label, needText(src.needs), sc.label())
	}
	return sc.validate(then, max)
}

func (auto) score(s Spec, max Points, in Input) (Result, error) {
	src, _ := findSource(s.Source)
	then := src.then(max)
	if s.Then != nil {
		then = *s.Then
	}
	sc, _ := lookup(then.Type)
	r, err := sc.score(then, max, in)
	if err != nil {
		return Result{}, err
	}
	if src.explain != nil {
		if words := src.explain(then, in); words != "" {
			r.Explain = words + ": " + pointsText(r.Points)
		}
	}
	return r, nil
}

// autoPrefix starts the description of an automatic rule.
const autoPrefix = "Tự động: "

func (auto) describe(s Spec, max Points) string {
	src, ok := findSource(s.Source)
	if !ok {
		return autoPrefix + s.Source
	}
	var then string
	switch {
	case s.Then != nil:
		then = s.Then.describe(max)
	case max == anyMax:
		then = src.defaultText()
	default:
		then = src.then(max).describe(max)
	}
	return autoPrefix + src.label + " — " + then
}

func (auto) parse(text string) (Spec, error) {
	runes := []rune(text)
	if len(runes) < 7 || vn.Fold(string(runes[:7])) != "tu dong" {
		return Spec{}, errNotMine
	}
	rest := strings.TrimLeft(string(runes[7:]), " :")
	label, then := rest, ""
	for _, sep := range []string{"—", "–", " - "} {
		if l, t, ok := strings.Cut(rest, sep); ok {
			label, then = strings.TrimSpace(l), strings.TrimSpace(t)
			break
		}
	}
	var src source
	found := false
	for _, s := range sources {
		if f := vn.Fold(label); f == vn.Fold(s.label) || f == vn.Fold(s.name) {
			src, found = s, true
			break
		}
	}
	switch {
	case !found && label == "":
		return Spec{}, problem("Chưa ghi nguồn dữ liệu tự động.")
	case !found:
		return Spec{}, problem("Không có nguồn dữ liệu tự động “%s”.", label)
	}
	s := Spec{Type: TypeAuto, Source: src.name}
	if then == "" || vn.Fold(then) == vn.Fold(src.defaultText()) {
		return s, nil
	}
	t, err := parseWith(then, false)
	if errors.Is(err, errNotMine) {
		return Spec{}, problem("Không hiểu cách chấm “%s” sau nguồn dữ liệu.", then)
	}
	if err != nil {
		return Spec{}, err
	}
	// A Then that says what the default says is the default.
	if vn.Fold(t.describe(anyMax)) != vn.Fold(src.defaultText()) {
		s.Then = &t
	}
	return s, nil
}
