// Package schedule understands the deadlines that Vietnamese provincial plans
// write in words ("Trước tháng 6 năm 2013", "Quý I, II năm 2012", "Thường
// xuyên, từ năm 2012", "trong quý IV của năm trước liền kề năm thực hiện kế
// hoạch") and turns them into a start day, a due day, milestones and a
// recurrence. It is pure: no database, no clock; the only context is the
// plan year the caller passes.
//
// The parser is a small grammar, not a list of phrases. Text is split into
// words (folded with vn.Fold, so diacritics and case do not matter: "truoc
// thang 6 nam 2013" reads like "Trước tháng 6 năm 2013"), numbers and
// punctuation. It reads periods — a year ("năm 2013", "2013", "năm sau"), a
// quarter ("quý I", "quí 4", "Q1/2020"), a half ("6 tháng đầu năm", "nửa cuối
// năm"), the first N months ("9 tháng đầu năm"), a month ("tháng 6/2013",
// "tháng 6 năm 2013", "06/2013", "tháng mười hai", "T6/2013"), a day
// ("ngày 30/4/2020", "30/4/2020", "ngày 30 tháng 4 năm 2020", "2020-04-30",
// "25/11"), a part of one ("đầu năm 2021", "cuối quý I", "cuối tháng 6") —
// joined into lists ("quý I, II", "2012, 2015", "tháng 3 và tháng 9") and
// ranges ("từ ... đến/tới ...", "2012 - 2015", "giai đoạn 2018-2020"), under a
// preposition ("trước", "trong", "từ", "đến", "chậm nhất", "sau"). It also
// reads recurrences ("thường xuyên", "hằng năm", "định kỳ hằng quý", "6 tháng
// một lần", "hằng tháng"), outside events ("sau khi ...", "07 tháng kể từ
// ngày VP Chính phủ hướng dẫn ...") and "no date on purpose" ("Theo quy
// định"). Unknown words are skipped, so a deadline inside a sentence is found.
//
// # What the phrases mean
//
//   - A period on its own or after "trong"/"vào"/"giai đoạn" runs from its
//     first to its last day: "Năm 2013" and "Trong năm 2013" are 01/01/2013 to
//     31/12/2013; "Quý I năm 2012" is 01/01 to 31/03/2012; "6 tháng đầu năm"
//     is January to June, "6 tháng cuối năm" July to December, "9 tháng đầu
//     năm" January to September.
//   - "Trước" a day is due that day ("trước ngày 30/4/2020", "trước 20/5/2020":
//     30/04 and 20/05/2020); "trước" a longer period is due the day before it
//     starts ("Trước tháng 6 năm 2013": 31/05/2013; "trước năm 2014":
//     31/12/2013).
//   - A single day alone is due that day, with no start ("ngày 30/4/2020").
//   - "Chậm nhất", "đến", "hết", "hạn" are due the period's last day
//     ("chậm nhất tháng 6/2013": 30/06/2013).
//   - "Từ" a period starts its first day and, with no end, is continuous:
//     "Từ năm 2012" starts 01/01/2012, due null, recurrence "continuous"; so
//     do "sau" (the day after the period), "... và các năm tiếp theo" and
//     "... trở đi". "Từ tháng 3/2013 tới tháng 9/2013" is 01/03/2013 to
//     30/09/2013.
//   - Parts of a period: "đầu" is the first quarter of a year, the first month
//     of a quarter, days 1-10 of a month ("đầu năm 2021": 01/01-31/03/2021);
//     "giữa" is June-July, the middle month, days 11-20; "cuối" is the end and
//     reads as a due day only: "cuối năm 2020" is due 31/12/2020 with no start,
//     "trước cuối năm" too; "từ cuối năm 2020" starts 01/10/2020.
//   - Lists: items that follow each other with no gap merge into one period
//     ("Quý I, II năm 2012": 01/01-30/06/2012); items with gaps give one
//     milestone each ("2012, 2015": milestones 31/12/2012 and 31/12/2015,
//     start 01/01/2012).
//   - Several deadlines in one text (numbered lines, "a) Thời hạn ...; b)
//     ...") are combined: every distinct due day is a milestone, Due is the
//     latest, Start the earliest start. The parts of a cell that belong to
//     other columns — from a label such as "Kết quả:", "Sản phẩm:", "Cơ quan
//     chủ trì:" to the next time label ("Thời hạn:", "Thời gian thực hiện:") or
//     list marker — are ignored, so "Báo cáo hằng năm" in a product does not
//     make a task yearly.
//   - Milestones is empty when there is one deadline or none (never a list of
//     one); when it is not empty it is sorted and Due is its last element.
//   - A missing year comes, in order, from the other end of a range (a range
//     that would end before it starts crosses the new year: "từ tháng 10 đến
//     tháng 3 năm 2014" starts 01/10/2013), from the nearest item of a list
//     that has one ("quý I, II năm 2012"), from the last year written earlier
//     in the text, and last from the plan year. A two-digit year is of this
//     century ("30/6/21").
//   - Numbers of legal documents ("63/2010/NĐ-CP", "ISO 9001:2008") are not
//     dates.
//
// # The plan year and Relative
//
// Relative is "plan_year" when some date is, or would be, counted from the
// plan year: a day or month without a year ("trước ngày 25/11"), "năm sau",
// "năm tiếp theo", "năm trước", "năm trước liền kề năm thực hiện kế hoạch"
// ("trong quý IV của năm trước liền kề ..." with plan year 2018 is
// 01/10-31/12/2017), "tháng 12 hằng năm" (due 31/12 of the plan year), and
// recurrences with no dated period. Relative and Recurrence never depend on
// whether the plan year is known; only the dates do. Relative is "event"
// when the deadline hangs on an event with no date yet ("07 tháng kể từ
// ngày VP Chính phủ hướng dẫn phiên bản mới", "sau khi có hướng dẫn") and no
// date was found. A duration counted from a written day is dated: "30 ngày
// kể từ ngày 01/7/2020" runs from 01/07 to 31/07/2020.
//
// # Recurrences
//
// "Thường xuyên" (also "liên tục", "hằng ngày/tuần") is "continuous" and
// has no dates, even with a plan year. "Hằng năm", "hàng năm", "mỗi năm",
// "thường niên" are "yearly"; with a plan year and no dated period they run
// from 01/01 to 31/12 of the plan year. "Hằng quý", "định kỳ 3 tháng" are
// "quarterly", "6 tháng một lần", "định kỳ 6 tháng" "half-yearly", "hằng
// tháng" "monthly": with a plan year their milestones are the end of each
// quarter, half or month of the plan year, starting 01/01. "Gửi trước ngày 05
// tháng cuối cùng của quý" is quarterly with milestones 05/03, 05/06, 05/09,
// 05/12 of the plan year and no start. When several recurrences are named
// the most frequent wins, and any periodic one wins over continuous
// ("Thực hiện thường xuyên hàng năm" is yearly; a bare list of report
// periods, "quý, 6 tháng, năm", is quarterly). A day without its month
// ("Hằng tháng, trước ngày 25") is read only in a text that recurs monthly.
//
// # Understood
//
// Understood is false when the text names no time this package knows
// ("Từ tháng/năm tới tháng/năm"), when it names an impossible date
// ("30/02/2020", "tháng 13", "quý V") or a period that ends before it starts
// (then every date is cleared), or when it needs the plan year for a one-off
// date and none was given ("trước ngày 25/11" without a year; Relative still
// says "plan_year"). It is true for everything dated, for recurrences even
// without a plan year ("Hằng năm": dates null), for events ("event", dates
// null) and for "Theo quy định", "theo hướng dẫn", "chưa xác định": no fixed
// date on purpose, which is understood (Recurrence "", Relative "", dates
// null). Every date returned exists, and Start is never after Due. Start is
// the earliest start of all the deadlines of a text, so with several
// deadlines it may fall after an early milestone ("Trước tháng 6 năm 2013;
// Quý I năm 2014" starts 01/01/2014 with milestones 31/05/2013, 31/03/2014).
package schedule

import (
	"bytes"
	"encoding/json"
	"fmt"

	"cchc/internal/civil"
)

// Recurrence values.
const (
	OneOff     = ""
	Continuous = "continuous"  // "thường xuyên": ongoing, no single due date
	Yearly     = "yearly"      // "hằng năm"
	HalfYearly = "half-yearly" // "6 tháng một lần"
	Quarterly  = "quarterly"   // "hằng quý"
	Monthly    = "monthly"     // "hằng tháng"
)

// Relative values.
const (
	Absolute         = ""
	RelativePlanYear = "plan_year" // dates counted from the plan year
	RelativeEvent    = "event"     // no date until an outside event happens
)

// Schedule is what a deadline text means. The zero Date means "none".
type Schedule struct {
	Text       string       // the text as given
	Start      civil.Date   // first day of the work, if the text gives one
	Due        civil.Date   // the final deadline
	Recurrence string       // one of the Recurrence values
	Milestones []civil.Date // every due day when there are several, sorted; Due is the last
	Relative   string       // one of the Relative values
	Understood bool         // false: the text could not be made sense of
}

// Parse reads the deadline text. planYear is the year of the plan the text
// belongs to (0 when unknown, or outside 1900-2199); it resolves "năm sau",
// "quý IV năm trước" and days written without a year. Parse never fails: a
// text it cannot read gives Understood false.
func Parse(text string, planYear int) Schedule {
	if planYear < minYear || planYear > maxYear {
		planYear = 0
	}
	p := newParser(keepTime(lex(text)))
	p.run()
	return p.schedule(text, planYear)
}

// scheduleJSON is the wire form of a Schedule, keys in the order of the CLI
// contract.
type scheduleJSON struct {
	Text       string       `json:"text"`
	Start      civil.Date   `json:"start"`
	Due        civil.Date   `json:"due"`
	Recurrence string       `json:"recurrence"`
	Milestones []civil.Date `json:"milestones"`
	Relative   string       `json:"relative"`
	Understood bool         `json:"understood"`
}

// MarshalJSON writes {"text","start","due","recurrence","milestones",
// "relative","understood"} in that order, null for a missing date and []
// (never null) for no milestones. HTML characters in the text are not
// escaped (an Encoder with SetEscapeHTML(true), as json.Marshal uses, escapes
// them again, which is still the same JSON string).
func (s Schedule) MarshalJSON() ([]byte, error) {
	w := scheduleJSON(s)
	if w.Milestones == nil {
		w.Milestones = []civil.Date{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, fmt.Errorf("schedule: encode %q: %w", s.Text, err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	var w scheduleJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if len(w.Milestones) == 0 {
		w.Milestones = nil
	}
	*s = Schedule(w)
	return nil
}
