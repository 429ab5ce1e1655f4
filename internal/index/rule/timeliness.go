package rule

import (
	"strconv"
	"strings"

	"cchc/internal/vn"
)

// timeliness: done on time earns the maximum, late LatePercent% of it (50%
// by default), not done nothing.
type timeliness struct{}

// defaultLatePercent is the share a late result earns when LatePercent is 0.
const defaultLatePercent = 50

func (timeliness) label() string { return "Đúng hạn/chậm/không thực hiện" }
func (timeliness) needs() string { return NeedTimeliness }

func latePercent(s Spec) int {
	if s.LatePercent == 0 {
		return defaultLatePercent
	}
	return s.LatePercent
}

func (timeliness) validate(s Spec, max Points) error {
	if s.LatePercent < 0 || s.LatePercent > 100 {
		return problem("Tỷ lệ điểm khi chậm phải từ 1%% đến 100%%.")
	}
	return nil
}

func (timeliness) score(s Spec, max Points, in Input) (Result, error) {
	switch in.Timeliness {
	case OnTime:
		return Result{Points: max, Explain: "Đúng hạn: " + pointsText(max)}, nil
	case Late:
		p := percentOf(max, latePercent(s))
		return Result{Points: p, Explain: "Chậm (" + strconv.Itoa(latePercent(s)) + "% điểm tối đa): " + pointsText(p)}, nil
	case NotDone:
		return Result{Points: 0, Explain: "Không thực hiện: " + pointsText(0)}, nil
	case "":
		return Result{}, problem("Chưa chọn đúng hạn, chậm hay không thực hiện.")
	}
	return Result{}, problem("Giá trị “%s” không hợp lệ: chọn đúng hạn, chậm hoặc không thực hiện.", in.Timeliness)
}

func (timeliness) describe(s Spec, max Points) string {
	pct := latePercent(s)
	late := strconv.Itoa(pct) + "% " + maxWords
	if max != anyMax && max*Points(pct)%100 == 0 {
		late = pointsText(percentOf(max, pct))
	}
	return "Đúng hạn: " + maxText(max) + "; chậm: " + late + "; không thực hiện: " + pointsText(0)
}

// timelinessOf returns the case a folded label names (OnTime, Late,
// NotDone), or "". Labels may name the act: "ban hành đúng hạn", "ban hành
// chậm", "không ban hành".
func timelinessOf(f string) string {
	switch {
	case strings.Contains(f, "khong dung han") || strings.Contains(f, "chua dung han"):
		return Late
	case isNoLabel(f):
		return NotDone
	}
	for _, w := range []string{"cham", "tre", "tre han", "qua han", "cham han", "cham tien do", "sau thoi han"} {
		if f == w || strings.HasSuffix(f, " "+w) {
			return Late
		}
	}
	for _, w := range []string{"dung han", "dung thoi han", "truoc han", "dung hoac truoc han", "kip thoi"} {
		if f == w || strings.HasSuffix(f, " "+w) {
			return OnTime
		}
	}
	return ""
}

func (timeliness) parse(text string) (Spec, error) {
	cs := clauses(text)
	if len(cs) < 2 || len(cs) > 3 {
		return Spec{}, errNotMine
	}
	var onTime, late, notDone *amount
	for _, c := range cs {
		label, value, ok := labelValue(c)
		if !ok || strings.ContainsAny(label, ":—") {
			return Spec{}, errNotMine
		}
		var slot **amount
		switch timelinessOf(vn.Fold(label)) {
		case OnTime:
			slot = &onTime
		case Late:
			slot = &late
		case NotDone:
			slot = &notDone
		default:
			return Spec{}, errNotMine
		}
		if *slot != nil {
			return Spec{}, errNotMine
		}
		a, err := readAmount(value)
		if err != nil {
			return Spec{}, err
		}
		*slot = &a
	}
	if onTime == nil || late == nil {
		return Spec{}, errNotMine
	}
	if notDone != nil && !notDone.allZero {
		return Spec{}, problem("Trường hợp không thực hiện phải được 0 điểm.")
	}
	if onTime.isPct || !onTime.isMax && onTime.points <= 0 {
		return Spec{}, problem("Trường hợp đúng hạn được toàn bộ điểm tối đa.")
	}
	var pct int64
	switch {
	case late.isMax:
		pct = 100
	case late.isPct:
		if late.pct%100 != 0 {
			return Spec{}, problem("Tỷ lệ điểm khi chậm phải là số phần trăm nguyên.")
		}
		pct = late.pct / 100
	case onTime.isMax:
		return Spec{}, problem("Ghi điểm khi chậm theo phần trăm điểm tối đa (ví dụ “chậm: 50%% điểm tối đa”) hoặc ghi số điểm khi đúng hạn.")
	default:
		l, p := int64(late.points), int64(onTime.points)
		if l*100%p != 0 {
			return Spec{}, problem("Điểm khi chậm (%s) phải là một số phần trăm nguyên của điểm khi đúng hạn (%s).", late.points, onTime.points)
		}
		pct = l * 100 / p
	}
	if pct == 0 {
		return Spec{}, problem("Trường hợp chậm phải được trên 0 điểm; nếu chậm không được điểm, dùng quy tắc Có/không.")
	}
	if pct > 100 {
		return Spec{}, problem("Điểm khi chậm không được cao hơn điểm khi đúng hạn.")
	}
	s := Spec{Type: TypeTimeliness}
	if pct != defaultLatePercent {
		s.LatePercent = int(pct)
	}
	return s, nil
}
