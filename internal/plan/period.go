package plan

import (
	"fmt"
	"time"

	"cchc/internal/civil"
)

// Period is a span in which one work item of a task is done and checked. Key
// is "" for a one-off or continuous task, else "2026" (a year), "2026-H1"
// (a half-year), "2026-Q3" (a quarter) or "2026-07" (a month).
type Period struct {
	Key   string     `json:"key"`
	Start civil.Date `json:"start"`
	Due   civil.Date `json:"due"`
}

// maxPeriods bounds the periods of one task (a monthly task over a 10-year
// programme has 120).
const maxPeriods = 600

// Periods returns the periods of a task with the given schedule in a plan
// running from planStart to planEnd:
//   - once (recurrence ""): one period from start to due; without a due day
//     the last milestone, if any, is the due day;
//   - continuous: one period from start with no due day;
//   - yearly, half-yearly, quarterly, monthly: one period per calendar span
//     that overlaps the window from the later of planStart and start to the
//     earlier of planEnd and due, each clipped to the window, due at its end
//     or, when a milestone falls within the span ("trước ngày 05 tháng cuối
//     quý" gives 05/03, 05/06 ...), on the span's last milestone.
//
// A yearly task in a 2021-2025 plan has five periods, "2021" to "2025".
func Periods(recurrence string, start, due civil.Date, milestones DateList, planStart, planEnd civil.Date) []Period {
	var months int
	switch recurrence {
	case Continuous:
		return []Period{{Start: start}}
	case Yearly:
		months = 12
	case HalfYearly:
		months = 6
	case Quarterly:
		months = 3
	case Monthly:
		months = 1
	default:
		if due.IsZero() && len(milestones) > 0 {
			due = milestones[len(milestones)-1]
		}
		return []Period{{Start: start, Due: due}}
	}
	from, to := planStart, planEnd
	if !start.IsZero() && start.After(from) {
		from = start
	}
	if !due.IsZero() && due.Before(to) {
		to = due
	}
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return nil
	}
	// The first span is the one containing from.
	m := (int(from.Month)-1)/months*months + 1
	spanStart := civil.New(from.Year, time.Month(m), 1)
	var out []Period
	for !spanStart.After(to) && len(out) < maxPeriods {
		next := civil.Of(spanStart.Time().AddDate(0, months, 0))
		p := Period{Key: periodKey(spanStart, months), Start: spanStart, Due: next.AddDays(-1)}
		if p.Start.Before(from) {
			p.Start = from
		}
		if p.Due.After(to) {
			p.Due = to
		}
		for _, m := range milestones {
			if !m.Before(p.Start) && !m.After(next.AddDays(-1)) {
				p.Due = m
			}
		}
		out = append(out, p)
		spanStart = next
	}
	return out
}

func periodKey(start civil.Date, months int) string {
	switch months {
	case 12:
		return fmt.Sprintf("%04d", start.Year)
	case 6:
		return fmt.Sprintf("%04d-H%d", start.Year, (int(start.Month)-1)/6+1)
	case 3:
		return fmt.Sprintf("%04d-Q%d", start.Year, (int(start.Month)-1)/3+1)
	}
	return fmt.Sprintf("%04d-%02d", start.Year, int(start.Month))
}

// PeriodLabel returns the Vietnamese name of a period key: "Năm 2026",
// "6 tháng đầu năm 2026", "Quý III/2026", "Tháng 07/2026"; "" for "".
func PeriodLabel(key string) string {
	var y, n int
	switch {
	case key == "":
		return ""
	case len(key) == 4:
		return "Năm " + key
	case scan(key, "%d-H%d", &y, &n):
		if n == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", y)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", y)
	case scan(key, "%d-Q%d", &y, &n) && n >= 1 && n <= 4:
		return fmt.Sprintf("Quý %s/%d", []string{"I", "II", "III", "IV"}[n-1], y)
	case scan(key, "%d-%d", &y, &n):
		return fmt.Sprintf("Tháng %02d/%d", n, y)
	}
	return key
}

func scan(s, format string, args ...any) bool {
	n, err := fmt.Sscanf(s, format, args...)
	return err == nil && n == len(args)
}
