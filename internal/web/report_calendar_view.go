package web

import (
	"fmt"
	"strings"

	"cchc/internal/report"
)

// typeRules says a report type's calendar in words, for the calendar page:
// "Đơn vị gửi Sở Nội vụ trước ngày 05 tháng cuối quý; Sở Nội vụ gửi UBND
// tỉnh trước ngày 10 tháng cuối quý".
func typeRules(t report.ReportType) string {
	if t.PeriodKind == "" {
		return "Không có kỳ cố định: hạn gửi ghi trong văn bản yêu cầu báo cáo."
	}
	unit := "Đơn vị gửi Sở Nội vụ " + deadlinePhrase(t.PeriodKind, t.UnitDeadlineDay, t.UnitDeadlineOffset)
	snv := "Sở Nội vụ gửi UBND tỉnh " + deadlinePhrase(t.PeriodKind, t.SNVDeadlineDay, t.SNVDeadlineOffset)
	if t.SNVDeadlineDay == 0 {
		snv = "Sở Nội vụ gửi UBND tỉnh cùng hạn với đơn vị"
	}
	return unit + "; " + snv + "."
}

// deadlinePhrase is "trước ngày 05 tháng cuối quý" for quarters, a date
// where the month is fixed ("trước ngày 25/11", "trước ngày 05/06 (6
// tháng đầu năm) và 05/12 (6 tháng cuối năm)"), or "trước ngày cuối kỳ"
// when day is 0.
func deadlinePhrase(kind string, day, offset int) string {
	switch {
	case day == 0:
		return "trước ngày cuối " + periodNoun(kind)
	case kind == report.PeriodHalf:
		return fmt.Sprintf("trước ngày %s (6 tháng đầu năm) và %s (6 tháng cuối năm)", dayMonth(day, 6+offset), dayMonth(day, 12+offset))
	case kind == report.PeriodNineMonth:
		return "trước ngày " + dayMonth(day, 9+offset)
	case kind == report.PeriodYear:
		return "trước ngày " + dayMonth(day, 12+offset)
	}
	return fmt.Sprintf("trước ngày %02d %s", day, monthPhrase(kind, offset))
}

// daysIn is the longest month length, by month (February of a leap year).
var daysIn = [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// dayMonth writes day of month m of the period's year as "05/06", with
// "năm sau" or "năm trước" when m falls outside it; the day is clamped to
// the month's length, as the calendar does.
func dayMonth(day, m int) string {
	suffix := ""
	switch {
	case m > 12:
		m, suffix = m-12, " năm sau"
	case m < 1:
		m, suffix = m+12, " năm trước"
	}
	return fmt.Sprintf("%02d/%02d%s", min(day, daysIn[m-1]), m, suffix)
}

// periodNoun names a period of kind: "quý", "kỳ", "năm".
func periodNoun(kind string) string {
	switch kind {
	case report.PeriodQuarter:
		return "quý"
	case report.PeriodYear:
		return "năm"
	}
	return "kỳ"
}

// monthPhrase names the month offset months after the last month of a
// period of kind: "tháng cuối quý", "tháng 11", "tháng 6 và tháng 12".
func monthPhrase(kind string, offset int) string {
	switch kind {
	case report.PeriodQuarter:
		switch offset {
		case 0:
			return "tháng cuối quý"
		case -1:
			return "tháng thứ hai của quý"
		case -2:
			return "tháng đầu quý"
		case 1:
			return "tháng đầu quý sau"
		}
		if offset > 0 {
			return fmt.Sprintf("tháng thứ %d sau quý", offset)
		}
		return fmt.Sprintf("%d tháng trước tháng cuối quý", -offset)
	case report.PeriodHalf:
		return monthName(6+offset) + " và " + monthName(12+offset)
	case report.PeriodNineMonth:
		return monthName(9 + offset)
	case report.PeriodYear:
		return monthName(12 + offset)
	}
	return fmt.Sprintf("tháng cuối kỳ %+d", offset)
}

// monthName names month m of the period's year, m counted from January
// of that year (13 is January of the next year, 0 December of the one
// before).
func monthName(m int) string {
	switch {
	case m > 12:
		return fmt.Sprintf("tháng %d năm sau", m-12)
	case m < 1:
		return fmt.Sprintf("tháng %d năm trước", m+12)
	}
	return fmt.Sprintf("tháng %d", m)
}

// cutoffRule says a type's data cut-off in words.
func cutoffRule(t report.ReportType) string {
	if t.PeriodKind == "" {
		return "Theo văn bản yêu cầu."
	}
	from := "ngày đầu " + periodNoun(t.PeriodKind)
	if t.CutoffFromDay > 0 {
		from = fmt.Sprintf("ngày %02d tháng trước %s", t.CutoffFromDay, periodNoun(t.PeriodKind))
	}
	to := "ngày cuối " + periodNoun(t.PeriodKind)
	if t.CutoffToDay > 0 {
		to = fmt.Sprintf("ngày %02d tháng cuối %s", t.CutoffToDay, periodNoun(t.PeriodKind))
	}
	return "Từ " + from + " đến " + to + "."
}

// offsetChoice is one month offset a deadline may take, in words.
type offsetChoice struct {
	Value int
	Label string
}

// offsetChoices are the months a deadline of kind can fall in, from two
// months before the period's last month to two after, plus current when
// it lies outside.
func offsetChoices(kind string, current int) []offsetChoice {
	var out []offsetChoice
	lo, hi := min(-2, current), max(2, current)
	for o := lo; o <= hi; o++ {
		out = append(out, offsetChoice{Value: o, Label: monthPhrase(kind, o)})
	}
	return out
}

// typeView is one report type on the calendar page, with its rules in
// words and an example of the dates they give.
type typeView struct {
	report.ReportType
	Rules, Cutoff, Example string
	UnitOffsets            []offsetChoice
	SNVOffsets             []offsetChoice
}

func newTypeView(t report.ReportType, year int) typeView {
	v := typeView{ReportType: t, Rules: typeRules(t), Cutoff: cutoffRule(t),
		UnitOffsets: offsetChoices(t.PeriodKind, t.UnitDeadlineOffset), SNVOffsets: offsetChoices(t.PeriodKind, t.SNVDeadlineOffset)}
	if ps := report.PeriodsOf(t.PeriodKind, year); len(ps) > 0 {
		d := t.Dates(ps[0])
		v.Example = fmt.Sprintf("Ví dụ %s: số liệu từ %s đến %s; đơn vị gửi trước %s; Sở Nội vụ gửi trước %s; khóa kỳ ngày %s.",
			d.Title, d.CutoffFrom.VN(), d.CutoffTo.VN(), d.UnitDeadline.VN(), d.SNVDeadline.VN(), d.LocksOn.VN())
	}
	return v
}

// typeForm is a report type's calendar form as posted: numbers as typed.
type typeForm struct {
	Name, UnitDay, UnitOffset, SNVDay, SNVOffset, CutoffFrom, CutoffTo, Grace string
}

// periodKindName names a report type's period kind.
func periodKindName(kind string) string {
	switch kind {
	case report.PeriodQuarter:
		return "Quý"
	case report.PeriodHalf:
		return "6 tháng"
	case report.PeriodNineMonth:
		return "9 tháng"
	case report.PeriodYear:
		return "Năm"
	}
	return "Đột xuất, chuyên đề"
}

// KindName names the type's period kind.
func (v typeView) KindName() string { return periodKindName(v.PeriodKind) }

// Fixed reports whether the type has periods (its deadlines are days of
// months).
func (v typeView) Fixed() bool { return strings.TrimSpace(v.PeriodKind) != "" }
