package schedule

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// recurrenceWords are the Vietnamese names of the recurrences shown to users.
var recurrenceWords = map[string]string{
	Continuous: "thường xuyên",
	Yearly:     "hằng năm",
	HalfYearly: "6 tháng một lần",
	Quarterly:  "hằng quý",
	Monthly:    "hằng tháng",
}

// Summary returns a short Vietnamese description for the screen: "Hạn
// 31/05/2013", "Từ 01/01/2013 đến 31/12/2013", "Từ 01/01/2012, thường
// xuyên", "Hằng năm", "Các mốc 31/12/2012, 31/12/2015", "Chờ sự kiện, chưa
// có ngày", "Không có thời hạn cố định", "Không xác định được thời hạn".
func (s Schedule) Summary() string {
	if !s.Understood {
		return "Không xác định được thời hạn"
	}
	var parts []string
	switch {
	case len(s.Milestones) > 0:
		ms := make([]string, len(s.Milestones))
		for i, m := range s.Milestones {
			ms[i] = m.VN()
		}
		if !s.Start.IsZero() {
			parts = append(parts, "từ "+s.Start.VN())
		}
		parts = append(parts, "các mốc "+strings.Join(ms, ", "))
	case !s.Start.IsZero() && !s.Due.IsZero():
		parts = append(parts, "từ "+s.Start.VN()+" đến "+s.Due.VN())
	case !s.Start.IsZero():
		parts = append(parts, "từ "+s.Start.VN())
	case !s.Due.IsZero():
		parts = append(parts, "hạn "+s.Due.VN())
	}
	if w := recurrenceWords[s.Recurrence]; w != "" {
		parts = append(parts, w)
	}
	if len(parts) == 0 {
		switch s.Relative {
		case RelativeEvent:
			return "Chờ sự kiện, chưa có ngày"
		case RelativePlanYear:
			return "Theo năm kế hoạch"
		}
		return "Không có thời hạn cố định"
	}
	return capitalize(strings.Join(parts, ", "))
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
