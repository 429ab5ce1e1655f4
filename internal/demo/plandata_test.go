package demo

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/vn"
)

// planDataYears are current years the demo must stay believable in.
var planDataYears = []int{2026, 2028, 2030}

var (
	planKinds    = map[string]bool{"five_year": true, "annual": true, "thematic": true, "programme": true}
	planStatuses = map[string]bool{"draft": true, "issued": true, "closed": true}
	planAreaSets = map[string]map[string]bool{
		"par-2011-2020": {"chi-dao": true, "the-che": true, "tthc": true, "bo-may": true, "cbccvc": true,
			"tai-chinh": true, "hien-dai-hoa": true, "mot-cua": true},
		"par-2021-2030": {"chi-dao": true, "the-che": true, "tthc": true, "bo-may": true, "cong-vu": true,
			"tai-chinh": true, "cpdt": true},
	}
	taskProgress = map[string]bool{"": true, doneOnTime: true, doneLate: true, inProgress: true,
		overdue: true, notDue: true, paused: true}
)

// allTasks returns a plan's tasks with their sub-tasks, depth first.
func allTasks(tasks []demoTask) []demoTask {
	var out []demoTask
	for _, t := range tasks {
		out = append(out, t)
		out = append(out, allTasks(t.Sub)...)
	}
	return out
}

// effectiveDay is the first day a plan's units must exist on: the later of
// its issue and its start.
func effectiveDay(p demoPlan, year int) civil.Date {
	issued, start := p.Issued(year), p.Start(year)
	if issued.After(start) {
		return issued
	}
	return start
}

func TestPlanDataPlans(t *testing.T) {
	units := demoUnits()
	for _, year := range planDataYears {
		t.Run(strconv.Itoa(year), func(t *testing.T) {
			plans := demoPlans(year)
			seen := map[string]demoPlan{}
			for _, p := range plans {
				if _, ok := seen[p.Key]; ok || p.Key == "" {
					t.Errorf("plan key %q empty or used twice", p.Key)
				}
				if !planKinds[p.Kind] || !planStatuses[p.Status] || planAreaSets[p.AreaSet] == nil {
					t.Errorf("%s: kind %q, status %q, area set %q", p.Key, p.Kind, p.Status, p.AreaSet)
				}
				if p.Title == "" || p.NumberSymbol == "" || p.Issued == nil || p.Start == nil || p.End == nil {
					t.Fatalf("%s: title, number, issue date and period are required", p.Key)
				}
				start, end := p.Start(year), p.End(year)
				if end.Before(start) {
					t.Errorf("%s: ends %s before it starts %s", p.Key, end.VN(), start.VN())
				}
				if p.Issued(year).After(end) {
					t.Errorf("%s: issued %s after its period ends", p.Key, p.Issued(year).VN())
				}
				issuer, ok := units[p.IssuerCode]
				if !ok || !issuer.activeOn(p.Issued(year)) {
					t.Errorf("%s: issuer %q unknown or inactive on %s", p.Key, p.IssuerCode, p.Issued(year).VN())
				}
				if p.ParentKey != "" {
					parent, ok := seen[p.ParentKey]
					if !ok {
						t.Errorf("%s: parent %q not listed before it", p.Key, p.ParentKey)
					} else if start.Before(parent.Start(year)) || end.After(parent.End(year)) {
						t.Errorf("%s: period %s-%s outside parent %s", p.Key, start.VN(), end.VN(), p.ParentKey)
					} else if p.Issued(year).Before(parent.Issued(year)) {
						t.Errorf("%s: issued before its parent %s", p.Key, p.ParentKey)
					}
				}
				seen[p.Key] = p
			}
			for _, key := range []string{"p2021", "p2026", "annual", "snv-annual"} {
				if _, ok := seen[key]; !ok {
					t.Errorf("no plan %q", key)
				}
			}
			if p := seen["p2021"]; p.Status != "closed" || p.End(year) != civil.New(2025, time.December, 31) {
				t.Errorf("p2021: status %q, end %s; want closed, 31/12/2025", p.Status, p.End(year).VN())
			}
			if got, want := seen["annual"].Issued(year), civil.New(year-1, time.December, 20); got != want {
				t.Errorf("annual plan issued %s, want %s", got.VN(), want.VN())
			}
		})
	}
}

func TestPlanDataTasks(t *testing.T) {
	units, groups := demoUnits(), demoGroups()
	for _, year := range planDataYears {
		for _, p := range demoPlans(year) {
			t.Run(strconv.Itoa(year)+"/"+p.Key, func(t *testing.T) {
				on := effectiveDay(p, year)
				checkRef := func(what, ref string) {
					t.Helper()
					if code, ok := strings.CutPrefix(ref, "group:"); ok {
						until, known := groups[ref]
						if !known {
							t.Errorf("%s: unknown group %q", what, code)
						} else if !until.IsZero() && on.After(until) {
							t.Errorf("%s: group %q has no members on %s", what, code, on.VN())
						}
						return
					}
					u, ok := units[ref]
					if !ok {
						t.Errorf("%s: unknown unit %q", what, ref)
					} else if !u.activeOn(on) {
						t.Errorf("%s: unit %q is not active on %s", what, ref, on.VN())
					}
				}
				tops := map[string]bool{}
				for _, task := range p.Tasks {
					if task.Seq == "" || tops[task.Seq] {
						t.Errorf("task seq %q empty or used twice", task.Seq)
					}
					tops[task.Seq] = true
				}
				for _, task := range allTasks(p.Tasks) {
					what := "task " + task.Seq + " " + firstWords(task.Content)
					if task.Content == "" || task.LeadText == "" || task.Schedule == nil || task.Schedule(year) == "" {
						t.Fatalf("%s: content, lead text and schedule are required", what)
					}
					if !planAreaSets[p.AreaSet][task.Area] {
						t.Errorf("%s: area %q is not in %s", what, task.Area, p.AreaSet)
					}
					checkRef(what+" lead", task.Lead)
					for _, c := range task.Coord {
						checkRef(what+" coordinator", c)
					}
					if (len(task.Coord) > 0) != (task.CoordText != "") {
						t.Errorf("%s: coordinators %v written as %q", what, task.Coord, task.CoordText)
					}
					if u, ok := units[task.Lead]; ok && !namesUnit(u, task.LeadText) {
						t.Errorf("%s: lead text %q does not name %s (%v)", what, task.LeadText, task.Lead, u.Names)
					}
					if task.BudgetVND < 0 || task.BudgetVND%1_000_000 != 0 || (task.BudgetVND > 0) != (task.Funding != "") {
						t.Errorf("%s: budget %d with funding %q; want round millions with a source", what, task.BudgetVND, task.Funding)
					}
					if !taskProgress[task.Progress] {
						t.Errorf("%s: progress %q", what, task.Progress)
					}
					if task.Source != "" && p.ParentKey == "" {
						t.Errorf("%s: copies task %s of a plan with no parent", what, task.Source)
					}
					for _, s := range []string{task.Seq, task.Content, task.Product, task.LeadText, task.CoordText,
						task.Schedule(year), task.Funding, task.Notes} {
						if vn.CleanText(s) != s {
							t.Errorf("%s: %q is not clean NFC text", what, s)
						}
					}
				}
				for _, s := range []string{p.Title, p.NumberSymbol} {
					if vn.CleanText(s) != s {
						t.Errorf("%q is not clean NFC text", s)
					}
				}
			})
		}
	}
}

// namesUnit reports whether text is one of the ways documents write u.
func namesUnit(u demoUnit, text string) bool {
	for _, n := range u.Names {
		if vn.Fold(n) == vn.Fold(text) {
			return true
		}
	}
	return false
}

func firstWords(s string) string {
	if w := strings.Fields(s); len(w) > 6 {
		return strings.Join(w[:6], " ") + "..."
	}
	return s
}

func TestPlanDataAnnual(t *testing.T) {
	for _, year := range planDataYears {
		var annual demoPlan
		for _, p := range demoPlans(year) {
			if p.Key == "annual" {
				annual = p
			}
		}
		tasks := allTasks(annual.Tasks)
		if len(tasks) < 60 {
			t.Errorf("%d: annual plan has %d tasks counting sub-tasks, want at least 60", year, len(tasks))
		}
		areas, progress := map[string]bool{}, map[string]int{}
		groupLed, budgeted, recurring := 0, 0, 0
		for _, task := range tasks {
			areas[task.Area] = true
			progress[task.Progress]++
			if strings.HasPrefix(task.Lead, "group:") {
				groupLed++
			}
			if task.BudgetVND > 0 {
				budgeted++
			}
			switch task.Schedule(year) {
			case "Thường xuyên", "Hằng quý", "Hằng tháng", "Trước ngày 05 tháng cuối quý":
				recurring++
			}
		}
		if len(areas) != len(planAreaSets[annual.AreaSet]) {
			t.Errorf("%d: annual plan covers areas %v, want all of %s", year, areas, annual.AreaSet)
		}
		if groupLed < 5 {
			t.Errorf("%d: %d group-led tasks, want at least 5", year, groupLed)
		}
		if recurring < 5 {
			t.Errorf("%d: %d recurring tasks, want at least 5", year, recurring)
		}
		if share := float64(budgeted) / float64(len(tasks)); share < 0.3 || share > 0.55 {
			t.Errorf("%d: %.0f%% of tasks have a budget, want about 40%%", year, share*100)
		}
		for _, want := range []string{doneOnTime, doneLate, inProgress, overdue, paused, ""} {
			if progress[want] == 0 {
				t.Errorf("%d: no task with progress %q", year, want)
			}
		}
	}
}

func TestPlanDataHomeAffairs(t *testing.T) {
	plans := map[string]demoPlan{}
	for _, p := range demoPlans(2026) {
		plans[p.Key] = p
	}
	annual, own := plans["annual"], plans["snv-annual"]
	if own.ParentKey != "annual" || own.IssuerCode != HomeAffairs {
		t.Fatalf("snv-annual: parent %q, issuer %q", own.ParentKey, own.IssuerCode)
	}
	bySeq := map[string]demoTask{}
	for _, task := range annual.Tasks {
		bySeq[task.Seq] = task
	}
	covered, ownTasks := map[string]bool{}, 0
	for _, task := range own.Tasks {
		if task.Lead != HomeAffairs {
			t.Errorf("snv-annual task %s led by %q", task.Seq, task.Lead)
		}
		if task.Source == "" {
			ownTasks++
			continue
		}
		src, ok := bySeq[task.Source]
		switch {
		case !ok:
			t.Errorf("snv-annual task %s copies task %s, which the annual plan lacks", task.Seq, task.Source)
		case src.Content != task.Content:
			t.Errorf("snv-annual task %s: content differs from annual task %s", task.Seq, task.Source)
		case src.Lead != HomeAffairs:
			t.Errorf("snv-annual task %s copies task %s, led by %q", task.Seq, task.Source, src.Lead)
		}
		covered[task.Source] = true
	}
	var missing []string
	for _, task := range annual.Tasks {
		if task.Lead == HomeAffairs && !covered[task.Seq] {
			missing = append(missing, task.Seq)
		}
	}
	if len(missing) != 1 || missing[0] != homeAffairsOmitted {
		t.Errorf("annual tasks of Sở Nội vụ missing from its plan: %v, want only %s", missing, homeAffairsOmitted)
	}
	if ownTasks != 3 {
		t.Errorf("snv-annual has %d tasks of its own, want 3", ownTasks)
	}
}

func TestPlanDataUnits(t *testing.T) {
	units := demoUnits()
	tests := []struct {
		code   string
		on     civil.Date
		active bool
	}{
		{"SNV", civil.New(2026, time.June, 1), true},
		{"SKHDT", AgencyReform.AddDays(-1), true},
		{"SKHDT", AgencyReform, false},
		{"STTTT", civil.New(2026, time.January, 1), false},
		{"BPTTH", TwoTierReform.AddDays(-1), false},
		{"BPTTH", TwoTierReform, true},
		{"H03", TwoTierReform, false},
		{codeXaTanHoa, TwoTierReform, true},
		{codeWardAnPhu, civil.New(2024, time.January, 1), false},
	}
	for _, tt := range tests {
		u, ok := units[tt.code]
		if !ok {
			t.Errorf("no unit %s", tt.code)
			continue
		}
		if got := u.activeOn(tt.on); got != tt.active {
			t.Errorf("%s active on %s = %v, want %v", tt.code, tt.on.VN(), got, tt.active)
		}
	}
	for code, name := range map[string]string{codeWardAnPhu: wardAnPhu, codeXaTanHoa: xaTanHoa, "BDT": "Sở Dân tộc và Tôn giáo"} {
		if !namesUnit(units[code], name) {
			t.Errorf("unit %s is not named %q: %v", code, name, units[code].Names)
		}
	}
}
