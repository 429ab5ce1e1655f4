package index

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
	"cchc/internal/report"
)

var factsFramework = Framework{ID: 1, Year: 2025, UnitKind: "agency"}

func TestComputeAutoPlanOnTime(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(d)
		day := func(y int, m time.Month, dd int) civil.Date { return civil.New(y, m, dd) }
		type plan struct {
			year   int
			status string
			number string
			issued civil.Date
		}
		tests := []struct {
			name    string
			plans   []plan
			want    string // Input.Timeliness
			plan    string // figure "Kế hoạch"
			summary string // part of the summary
			linked  bool
		}{
			{name: "no plan", want: rule.NotDone, plan: "Chưa ban hành",
				summary: "Chưa ban hành kế hoạch cải cách hành chính năm 2025."},
			{name: "a draft is not issued", plans: []plan{{2025, "draft", "", day(2024, 12, 1)}}, want: rule.NotDone,
				plan: "Chưa ban hành", summary: "Chưa ban hành"},
			{name: "last year's plan does not count", plans: []plan{{2024, "issued", "5/KH-SNV", day(2023, 12, 1)}},
				want: rule.NotDone, plan: "Chưa ban hành", summary: "Chưa ban hành"},
			{name: "issued in December of the year before", plans: []plan{{2025, "issued", "12/KH-UBND", day(2024, 12, 20)}},
				want: rule.OnTime, plan: "Số 12/KH-UBND ngày 20/12/2024", linked: true,
				summary: "ngày 20/12/2024, đúng hạn (hạn 31/12/2024)."},
			{name: "issued on 31/12, the last day in time", plans: []plan{{2025, "closed", "", day(2024, 12, 31)}},
				want: rule.OnTime, plan: "Không ghi số ngày 31/12/2024", linked: true, summary: "đúng hạn"},
			{name: "issued in January is late", plans: []plan{{2025, "issued", "3/KH-SNV", day(2025, 1, 2)}},
				want: rule.Late, plan: "Số 3/KH-SNV ngày 02/01/2025", linked: true,
				summary: "ngày 02/01/2025, muộn 2 ngày so với hạn 31/12/2024."},
			{name: "the earliest issued plan counts", plans: []plan{{2025, "issued", "9/KH-SNV", day(2025, 3, 1)},
				{2025, "issued", "1/KH-SNV", day(2024, 11, 30)}},
				want: rule.OnTime, plan: "Số 1/KH-SNV ngày 30/11/2024", linked: true, summary: "đúng hạn"},
			{name: "issued without a date is not judged", plans: []plan{{2025, "issued", "7/KH-SNV", civil.Date{}}},
				want: "", plan: "Số 7/KH-SNV, chưa ghi ngày ban hành", linked: true, summary: "chưa ghi ngày ban hành"},
		}
		other := resultsUnit(t, d, "OTHER", "Sở Khác", "agency")
		factsPlan(t, d, other, 2025, "issued", "1/KH-SK", day(2024, 12, 1)) // another unit's plan never counts
		for i, tt := range tests {
			unit := resultsUnit(t, d, "U"+string(rune('A'+i)), "Sở "+tt.name, "agency")
			var planIDs []int64
			for _, p := range tt.plans {
				planIDs = append(planIDs, factsPlan(t, d, unit, p.year, p.status, p.number, p.issued))
			}
			f, err := s.ComputeAuto(ctx, d, factsFramework, unit, rule.SourcePlanOnTime)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if f.Input.Timeliness != tt.want || f.Judged() != (tt.want != "") {
				t.Errorf("%s: timeliness %q (judged %v), want %q", tt.name, f.Input.Timeliness, f.Judged(), tt.want)
			}
			if got := factsFigure(f, "Kế hoạch"); got != tt.plan {
				t.Errorf("%s: plan figure %q, want %q", tt.name, got, tt.plan)
			}
			if got := factsFigure(f, "Hạn ban hành"); got != "31/12/2024" {
				t.Errorf("%s: deadline figure %q", tt.name, got)
			}
			if !strings.Contains(f.Summary, tt.summary) {
				t.Errorf("%s: summary %q, want it to contain %q", tt.name, f.Summary, tt.summary)
			}
			if tt.linked != (len(f.Links) == 1) || (tt.linked && (f.Links[0].Kind != LinkPlan || !factsHasID(planIDs, f.Links[0].ID))) {
				t.Errorf("%s: links %+v", tt.name, f.Links)
			}
		}
	})
}

func factsHasID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func TestComputeAutoPlanCompletion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(d)
		day := func(m time.Month, dd int) civil.Date { return civil.New(2025, m, dd) }
		unit := resultsUnit(t, d, "SNV", "Sở Nội vụ", "agency")
		issued := factsPlan(t, d, unit, 2025, "issued", "12/KH-SNV", civil.New(2024, time.December, 20))
		draft := factsPlan(t, d, unit, 2026, "draft", "", civil.Date{})
		ids := factsWorkItems(t, d, issued, unit,
			factsWork{content: "Hoàn thành đúng hạn", due: day(3, 31), percent: 100, completed: day(3, 20)},
			factsWork{content: "Hoàn thành quá hạn", due: day(6, 30), percent: 100, completed: day(7, 10)},
			factsWork{content: "Báo cáo đạt 100% chưa ghi ngày", due: day(9, 30), percent: 100},
			factsWork{content: "Đang thực hiện", due: day(12, 31), percent: 40},
			factsWork{content: "Tạm dừng dù đã xong", due: day(5, 15), percent: 100, completed: day(5, 1), hold: "paused"},
			factsWork{content: "Đã hủy", due: day(8, 1), hold: "cancelled"},
			factsWork{content: "Đến hạn năm trước", due: civil.New(2024, time.December, 31)},
			factsWork{content: "Không có hạn"},
		)
		factsWorkItems(t, d, draft, unit, factsWork{content: "Của dự thảo", due: day(10, 1)})

		f, err := s.ComputeAuto(ctx, d, factsFramework, unit, rule.SourcePlanCompletion)
		if err != nil {
			t.Fatal(err)
		}
		if f.Input.Ratio == nil || *f.Input.Ratio != 0.6 {
			t.Errorf("ratio = %v, want 0.6 (3 done of 5 due)", f.Input.Ratio)
		}
		for label, want := range map[string]string{"Nhiệm vụ đến hạn trong năm": "5", "Đã hoàn thành": "3",
			"Trong đó hoàn thành quá hạn": "1", "Chưa hoàn thành": "2", "Tỷ lệ": "60%"} {
			if got := factsFigure(f, label); got != want {
				t.Errorf("figure %q = %q, want %q", label, got, want)
			}
		}
		if want := "Hoàn thành 3/5 nhiệm vụ đến hạn trong năm 2025 (60%)."; f.Summary != want {
			t.Errorf("summary = %q, want %q", f.Summary, want)
		}
		// Not done, soonest due first: the paused item (15/05), then the open one (31/12).
		if len(f.Links) != 2 || f.Links[0].ID != ids[4] || f.Links[1].ID != ids[3] || f.Links[0].Kind != LinkTask ||
			f.Links[0].Title != "5. Tạm dừng dù đã xong (hạn 15/05/2025, tạm dừng)" ||
			f.Links[1].Title != "4. Đang thực hiện (hạn 31/12/2025, đạt 40%)" {
			t.Errorf("links = %+v", f.Links)
		}

		// Many open items: at most MaxTaskLinks are linked.
		busy := resultsUnit(t, d, "STP", "Sở Tư pháp", "agency")
		var many []factsWork
		for i := range MaxTaskLinks + 5 {
			many = append(many, factsWork{content: "Nhiệm vụ", due: day(time.Month(1+i%12), 1+i)})
		}
		factsWorkItems(t, d, issued, busy, many...)
		f, err = s.ComputeAuto(ctx, d, factsFramework, busy, rule.SourcePlanCompletion)
		if err != nil {
			t.Fatal(err)
		}
		if f.Input.Ratio == nil || *f.Input.Ratio != 0 || len(f.Links) != MaxTaskLinks {
			t.Errorf("ratio %v with %d links, want 0 with %d", f.Input.Ratio, len(f.Links), MaxTaskLinks)
		}

		// No item due: not judged, and said so.
		idle := resultsUnit(t, d, "SXD", "Sở Xây dựng", "agency")
		f, err = s.ComputeAuto(ctx, d, factsFramework, idle, rule.SourcePlanCompletion)
		if err != nil {
			t.Fatal(err)
		}
		if f.Judged() || f.Input.Ratio != nil || f.Summary != "Không có nhiệm vụ đến hạn trong năm 2025." ||
			f.Links == nil || len(f.Links) != 0 {
			t.Errorf("no item due: %+v", f)
		}
	})
}

func TestComputeAutoReports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		if err := report.EnsureDefaults(ctx, d); err != nil {
			t.Fatal(err)
		}
		for _, y := range []int{2024, 2025} {
			if err := report.EnsurePeriods(ctx, d, y); err != nil {
				t.Fatal(err)
			}
		}
		s := NewStore(d)
		yes, no := true, false
		// 2025 has 8 periodic periods: Q1-Q4, H1, H2, 9 months, the year.
		unit := resultsUnit(t, d, "SNV", "Sở Nội vụ", "agency")
		q1 := factsReport(t, d, unit, "2025-Q1", "accepted", &yes)
		factsReport(t, d, unit, "2025-Q2", "submitted", &yes)
		h1 := factsReport(t, d, unit, "2025-H1", "submitted", &no)
		factsReport(t, d, unit, "2025-Q3", "submitted", &yes)
		factsReport(t, d, unit, "2025-M9", "submitted", &yes)
		q4 := factsReport(t, d, unit, "2025-Q4", "returned", &no) // sent back: not counted as sent
		factsReport(t, d, unit, "2025", "accepted", &yes)
		factsReport(t, d, unit, "2024-Q1", "draft", nil) // another year
		// 2025-H2: no report at all.

		perfect := resultsUnit(t, d, "STP", "Sở Tư pháp", "agency")
		for _, p := range []string{"2025-Q1", "2025-Q2", "2025-H1", "2025-Q3", "2025-M9", "2025-Q4", "2025-H2", "2025"} {
			factsReport(t, d, perfect, p, "accepted", &yes)
		}
		lateOnly := resultsUnit(t, d, "SYT", "Sở Y tế", "agency")
		for _, p := range []string{"2025-Q1", "2025-Q2", "2025-H1", "2025-Q3", "2025-M9", "2025-Q4", "2025-H2", "2025"} {
			factsReport(t, d, lateOnly, p, "submitted", &no)
		}
		early := resultsUnit(t, d, "SGD", "Sở Giáo dục và Đào tạo", "agency")
		factsReport(t, d, early, "2025-Q1", "accepted", &yes)
		outside := resultsUnit(t, d, "DSN", "Trường Cao đẳng", "public_service") // the form is not for its kind

		tests := []struct {
			name    string
			today   civil.Date
			unit    int64
			source  string
			yes     *bool
			figures [5]string // due, sent, on time, late, missing
			summary string
			first   Link // the first link
			links   int
		}{
			{name: "after the year: one late, two missing", today: civil.New(2026, time.March, 1), unit: unit,
				source: rule.SourceReportsOnTime, yes: &no, figures: [5]string{"8", "6", "5", "1", "2"},
				summary: "Gửi đúng hạn 5/8 báo cáo định kỳ đến hạn trong năm 2025 (muộn 1, chưa gửi 2).",
				first:   Link{Kind: LinkReport, ID: q4, Title: "Báo cáo công tác cải cách hành chính Quý IV/2025: chưa gửi (hạn 05/12/2025)"},
				links:   8},
			{name: "complete: the late one counts as sent", today: civil.New(2026, time.March, 1), unit: unit,
				source: rule.SourceReportsComplete, yes: &no, figures: [5]string{"8", "6", "5", "1", "2"},
				summary: "Gửi 6/8 báo cáo định kỳ đến hạn trong năm 2025, còn 2 báo cáo chưa gửi.",
				first:   Link{Kind: LinkReport, ID: q4, Title: "Báo cáo công tác cải cách hành chính Quý IV/2025: chưa gửi (hạn 05/12/2025)"},
				links:   8},
			{name: "in June only the periods due are counted", today: civil.New(2025, time.June, 10), unit: unit,
				source: rule.SourceReportsOnTime, yes: &no, figures: [5]string{"6", "6", "5", "1", "0"},
				summary: "Gửi đúng hạn 5/6",
				first:   Link{Kind: LinkReport, ID: h1, Title: "Báo cáo công tác cải cách hành chính 6 tháng đầu năm 2025: gửi muộn (hạn 05/06/2025)"},
				links:   6},
			{name: "in April only Q1 is due", today: civil.New(2025, time.April, 1), unit: early,
				source: rule.SourceReportsComplete, yes: &yes, figures: [5]string{"1", "1", "1", "0", "0"},
				summary: "Gửi đủ 1 báo cáo định kỳ đến hạn trong năm 2025.", links: 1},
			{name: "after the year the rest is missing", today: civil.New(2026, time.January, 1), unit: early,
				source: rule.SourceReportsComplete, yes: &no, figures: [5]string{"8", "1", "1", "0", "7"},
				summary: "Gửi 1/8 báo cáo định kỳ đến hạn trong năm 2025, còn 7 báo cáo chưa gửi.", links: 8},
			{name: "all on time", today: civil.New(2026, time.March, 1), unit: perfect,
				source: rule.SourceReportsOnTime, yes: &yes, figures: [5]string{"8", "8", "8", "0", "0"},
				summary: "Gửi đúng hạn đủ 8 báo cáo định kỳ đến hạn trong năm 2025.", links: 8},
			{name: "all late: complete but not on time", today: civil.New(2026, time.March, 1), unit: lateOnly,
				source: rule.SourceReportsComplete, yes: &yes, figures: [5]string{"8", "8", "0", "8", "0"},
				summary: "Gửi đủ 8 báo cáo", links: 8},
			{name: "a kind the form is not for: not judged", today: civil.New(2026, time.March, 1), unit: outside,
				source: rule.SourceReportsOnTime, figures: [5]string{"0", "(none)", "(none)", "(none)", "(none)"},
				summary: "Không có báo cáo định kỳ nào đến hạn trong năm 2025."},
		}
		for _, tt := range tests {
			s.Today = func() civil.Date { return tt.today }
			f, err := s.ComputeAuto(ctx, d, factsFramework, tt.unit, tt.source)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if (f.Input.Yes == nil) != (tt.yes == nil) || (tt.yes != nil && *f.Input.Yes != *tt.yes) {
				t.Errorf("%s: yes = %v, want %v", tt.name, f.Input.Yes, tt.yes)
			}
			got := [5]string{factsFigure(f, "Báo cáo định kỳ phải gửi"), factsFigure(f, "Đã gửi"),
				factsFigure(f, "Gửi đúng hạn"), factsFigure(f, "Gửi muộn"), factsFigure(f, "Chưa gửi")}
			if got != tt.figures {
				t.Errorf("%s: figures %v, want %v", tt.name, got, tt.figures)
			}
			if !strings.HasPrefix(f.Summary, tt.summary) {
				t.Errorf("%s: summary %q, want it to start %q", tt.name, f.Summary, tt.summary)
			}
			if tt.links != 0 && len(f.Links) != tt.links {
				t.Errorf("%s: %d links, want %d: %+v", tt.name, len(f.Links), tt.links, f.Links)
			}
			if tt.first.Kind != "" && (len(f.Links) == 0 || f.Links[0] != tt.first) {
				t.Errorf("%s: links %+v, want first %+v", tt.name, f.Links, tt.first)
			}
		}
		// The missing H2 report has no row: its link has no id. The accepted Q1 report is linked last.
		s.Today = func() civil.Date { return civil.New(2026, time.March, 1) }
		f, err := s.ComputeAuto(ctx, d, factsFramework, unit, rule.SourceReportsOnTime)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Links) < 2 || f.Links[1].ID != 0 || !strings.Contains(f.Links[1].Title, "6 tháng cuối năm 2025: chưa gửi") ||
			f.Links[2].ID != h1 || f.Links[3].ID != q1 {
			t.Errorf("links = %+v", f.Links)
		}
	})
}

func TestComputeAutoErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(d)
		unit := resultsUnit(t, d, "SNV", "Sở Nội vụ", "agency")
		if _, err := s.ComputeAuto(ctx, d, factsFramework, unit, "weather"); err == nil || !strings.Contains(err.Error(), "weather") {
			t.Errorf("unknown source: %v", err)
		}
		if _, err := s.ComputeAuto(ctx, d, factsFramework, unit+100, rule.SourcePlanOnTime); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("unknown unit: %v, want db.ErrNotFound", err)
		}
		// A fact survives its JSON round trip (it is stored in index_scores.facts).
		f, err := s.ComputeAuto(ctx, d, factsFramework, unit, rule.SourcePlanOnTime)
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		var back Fact
		if err := json.Unmarshal(js, &back); err != nil || back.Summary != f.Summary || back.Input.Timeliness != rule.NotDone ||
			len(back.Figures) != len(f.Figures) {
			t.Errorf("round trip of %s = %+v, %v", js, back, err)
		}
	})
}
