package plan_test

import (
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/plan"
)

func day(y int, m time.Month, d int) civil.Date { return civil.New(y, m, d) }

func TestStatus(t *testing.T) {
	t.Parallel()
	today := day(2026, time.June, 15)
	start, due := day(2026, time.January, 1), today
	tests := []struct {
		name string
		in   plan.StatusInput
		want plan.StatusCode
	}{
		{"before start", plan.StatusInput{Start: today.AddDays(1), Due: today.AddDays(30)}, plan.NotDue},
		{"on start day", plan.StatusInput{Start: today, Due: today.AddDays(30)}, plan.InProgress},
		{"due today is not overdue", plan.StatusInput{Start: start, Due: due}, plan.InProgress},
		{"due yesterday is overdue", plan.StatusInput{Start: start, Due: today.AddDays(-1)}, plan.Overdue},
		{"overdue at 99%", plan.StatusInput{Start: start, Due: today.AddDays(-1), Percent: 99}, plan.Overdue},
		{"no due day is never overdue", plan.StatusInput{Start: start}, plan.InProgress},
		{"no dates at all", plan.StatusInput{}, plan.InProgress},
		{"due but no start", plan.StatusInput{Due: today.AddDays(-5)}, plan.Overdue},
		{"completed on the due day is on time", plan.StatusInput{Start: start, Due: due, Percent: 100, CompletedOn: due}, plan.DoneOnTime},
		{"completed the day after is late", plan.StatusInput{Start: start, Due: due, Percent: 100, CompletedOn: due.AddDays(1)}, plan.DoneLate},
		{"completed early", plan.StatusInput{Start: start, Due: due, Percent: 100, CompletedOn: start}, plan.DoneOnTime},
		{"completed before it started", plan.StatusInput{Start: today.AddDays(10), Due: today.AddDays(20), CompletedOn: today}, plan.DoneOnTime},
		{"completed without due day", plan.StatusInput{CompletedOn: today}, plan.DoneOnTime},
		{"100% without completion day", plan.StatusInput{Start: start, Due: today.AddDays(-9), Percent: 100}, plan.DoneOnTime},
		{"paused wins over overdue", plan.StatusInput{Start: start, Due: today.AddDays(-1), Hold: plan.HoldPaused}, plan.Paused},
		{"paused wins over done", plan.StatusInput{Due: due, CompletedOn: due, Percent: 100, Hold: plan.HoldPaused}, plan.Paused},
		{"cancelled wins over not due", plan.StatusInput{Start: today.AddDays(1), Hold: plan.HoldCancelled}, plan.Cancelled},
		{"cancelled wins over done late", plan.StatusInput{Due: due, CompletedOn: due.AddDays(3), Hold: plan.HoldCancelled}, plan.Cancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plan.Status(today, tt.in); got != tt.want {
				t.Errorf("Status(%s, %+v) = %s, want %s", today, tt.in, got, tt.want)
			}
		})
	}
}

func TestStatusLabels(t *testing.T) {
	t.Parallel()
	for _, c := range plan.Statuses {
		if !c.Valid() || c.Label() == "" {
			t.Errorf("status %q has no label", c)
		}
	}
	if plan.Overdue.Label() != "Quá hạn" || plan.DoneLate.Label() != "Hoàn thành quá hạn" || plan.StatusCode("x").Valid() {
		t.Errorf("labels: %q %q", plan.Overdue.Label(), plan.DoneLate.Label())
	}
}

func TestDaysOverdue(t *testing.T) {
	t.Parallel()
	due := day(2026, time.February, 27)
	tests := []struct {
		today civil.Date
		due   civil.Date
		want  int
	}{
		{due, due, 0},
		{due.AddDays(-3), due, 0},
		{due.AddDays(1), due, 1},
		{day(2026, time.March, 31), due, 32},
		{day(2027, time.February, 27), due, 365},
		{due, civil.Date{}, 0},
	}
	for _, tt := range tests {
		if got := plan.DaysOverdue(tt.today, tt.due); got != tt.want {
			t.Errorf("DaysOverdue(%s, %s) = %d, want %d", tt.today, tt.due, got, tt.want)
		}
	}
}

func TestPeriods(t *testing.T) {
	t.Parallel()
	ps, pe := day(2021, time.January, 1), day(2025, time.December, 31)
	var none civil.Date
	tests := []struct {
		name       string
		recurrence string
		start, due civil.Date
		milestones plan.DateList
		planStart  civil.Date
		planEnd    civil.Date
		want       string // key:start..due, joined by " "
	}{
		{"yearly over a five-year plan", plan.Yearly, none, none, nil, ps, pe,
			"2021:2021-01-01..2021-12-31 2022:2022-01-01..2022-12-31 2023:2023-01-01..2023-12-31 2024:2024-01-01..2024-12-31 2025:2025-01-01..2025-12-31"},
		{"yearly from 2024", plan.Yearly, day(2024, time.January, 1), none, nil, ps, pe,
			"2024:2024-01-01..2024-12-31 2025:2025-01-01..2025-12-31"},
		{"yearly until mid 2022", plan.Yearly, none, day(2022, time.June, 30), nil, ps, pe,
			"2021:2021-01-01..2021-12-31 2022:2022-01-01..2022-06-30"},
		{"quarterly in a plan starting in March", plan.Quarterly, none, none, nil, day(2026, time.March, 15), day(2026, time.December, 31),
			"2026-Q1:2026-03-15..2026-03-31 2026-Q2:2026-04-01..2026-06-30 2026-Q3:2026-07-01..2026-09-30 2026-Q4:2026-10-01..2026-12-31"},
		{"half-yearly", plan.HalfYearly, none, none, nil, day(2026, time.January, 1), day(2026, time.December, 31),
			"2026-H1:2026-01-01..2026-06-30 2026-H2:2026-07-01..2026-12-31"},
		{"monthly across a year end", plan.Monthly, day(2025, time.November, 10), day(2026, time.February, 28), nil, ps, day(2026, time.December, 31),
			"2025-11:2025-11-10..2025-11-30 2025-12:2025-12-01..2025-12-31 2026-01:2026-01-01..2026-01-31 2026-02:2026-02-01..2026-02-28"},
		{"quarterly due day 5 of each quarter's last month", plan.Quarterly, none, day(2026, time.December, 5),
			plan.DateList{day(2026, time.March, 5), day(2026, time.June, 5), day(2026, time.September, 5), day(2026, time.December, 5)},
			day(2026, time.January, 1), day(2026, time.December, 31),
			"2026-Q1:2026-01-01..2026-03-05 2026-Q2:2026-04-01..2026-06-05 2026-Q3:2026-07-01..2026-09-05 2026-Q4:2026-10-01..2026-12-05"},
		{"recurring starting after the plan", plan.Yearly, day(2027, time.January, 1), none, nil, ps, pe, ""},
		{"once", plan.Once, day(2023, time.March, 1), day(2023, time.September, 30), nil, ps, pe, ":2023-03-01..2023-09-30"},
		{"once due at the last milestone", plan.Once, none, none, plan.DateList{day(2022, time.December, 31), day(2025, time.December, 31)}, ps, pe, ":..2025-12-31"},
		{"continuous has no due day", plan.Continuous, day(2022, time.January, 1), none, nil, ps, pe, ":2022-01-01.."},
		{"once before the plan (quý IV năm trước)", plan.Once, day(2020, time.October, 1), day(2020, time.December, 31), nil, ps, pe, ":2020-10-01..2020-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range plan.Periods(tt.recurrence, tt.start, tt.due, tt.milestones, tt.planStart, tt.planEnd) {
				got = append(got, p.Key+":"+p.Start.String()+".."+p.Due.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("Periods =\n%s\nwant\n%s", strings.Join(got, " "), tt.want)
			}
		})
	}
}

func TestPeriodLabel(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"":        "",
		"2026":    "Năm 2026",
		"2026-H1": "6 tháng đầu năm 2026",
		"2026-H2": "6 tháng cuối năm 2026",
		"2026-Q3": "Quý III/2026",
		"2026-07": "Tháng 07/2026",
	}
	for key, want := range tests {
		if got := plan.PeriodLabel(key); got != want {
			t.Errorf("PeriodLabel(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestDateListRoundTrip(t *testing.T) {
	t.Parallel()
	l := plan.DateList{day(2012, time.December, 31), day(2015, time.December, 31)}
	v, _ := l.Value()
	var back plan.DateList
	if err := back.Scan(v); err != nil || back.String() != l.String() || v != "2012-12-31,2015-12-31" || l.VN() != "31/12/2012, 31/12/2015" {
		t.Errorf("round trip %q -> %v (%v), VN %q", v, back, err, l.VN())
	}
	if err := back.Scan(""); err != nil || len(back) != 0 {
		t.Errorf("Scan(\"\") = %v, %v", back, err)
	}
}
