package index

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

func TestPlanItemsValid(t *testing.T) {
	plan, problems := planItems(newTestFrameworkItems(), nil)
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	type row struct {
		number, level string
		parent        int
		leaf          bool
		max           rule.Points
	}
	want := []row{
		{"1", LevelField, -1, false, 400},
		{"1.1", LevelCriterion, 0, false, 300},
		{"1.1.1", LevelSub, 1, true, 100},
		{"1.1.2", LevelSub, 1, true, 200},
		{"1.2", LevelCriterion, 0, true, 100},
		{"2", LevelField, -1, false, 250},
		{"2.1", LevelCriterion, 5, true, 100},
		{"2.2", LevelCriterion, 5, true, 150},
		{"3", LevelField, -1, false, 300},
		{"3.1", LevelCriterion, 8, true, 200},
		{"3.2", LevelCriterion, 8, true, 100},
		{"4", LevelField, -1, false, 0},
		{"4.1", LevelCriterion, 11, true, 100},
		{"4.2", LevelCriterion, 11, true, 50},
	}
	for i, w := range want {
		p := plan[i]
		got := row{p.Number, p.Level, p.Parent, p.leaf, p.MaxPoints}
		if got != w {
			t.Errorf("item %d = %+v; want %+v", i, got, w)
		}
		if p.leaf && p.Rule.Type == "" || !p.leaf && p.Rule.Type != "" {
			t.Errorf("item %s: rule %+v", p.Number, p.Rule)
		}
	}
	if plan[10].Rule.Type != rule.TypeManual || plan[0].Kind != KindScore {
		t.Errorf("defaults: survey leaf rule %q, field kind %q", plan[10].Rule.Type, plan[0].Kind)
	}

	// Numbers are cleaned: a trailing dot, spaces, roman fields in any case.
	plan, problems = planItems([]ItemInput{
		{Number: "i.", Title: "Lĩnh vực I"},
		{Number: " I.1. ", Title: "Tiêu chí", MaxPoints: 100},
		{Number: "II", Title: "Lĩnh vực II", MaxPoints: 50},
	}, nil)
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	if plan[0].Number != "I" || plan[1].Number != "I.1" || plan[1].Parent != 0 || plan[1].Level != LevelCriterion ||
		plan[0].MaxPoints != 100 || plan[2].Level != LevelField {
		t.Errorf("roman plan = %+v", plan)
	}
}

func TestPlanItemsProblems(t *testing.T) {
	leaf := func(number string) ItemInput {
		return ItemInput{Number: number, Title: "Mục " + number, MaxPoints: 100}
	}
	tests := []struct {
		name  string
		items []ItemInput
		key   string // valid.Errors key of the expected message
		want  string // part of the message
	}{
		{"no number", []ItemInput{{Title: "X", MaxPoints: 100}}, "items.0.number", "Dòng 1: chưa nhập số thứ tự"},
		{"bad number", []ItemInput{leaf("1a")}, "items.0.number", "không đúng dạng"},
		{"four levels", []ItemInput{{Number: "1", Title: "A"}, {Number: "1.1", Title: "B"}, {Number: "1.1.1", Title: "C"},
			leaf("1.1.1.1")}, "items.3.number", "Dòng 4: số thứ tự “1.1.1.1” quá ba cấp"},
		{"duplicate", []ItemInput{leaf("1"), leaf("2"), leaf("1")}, "items.2.number", "Dòng 3: số thứ tự “1” trùng với dòng 1"},
		{"no parent", []ItemInput{leaf("1"), leaf("2.1")}, "items.1.number", "chưa có lĩnh vực “2”"},
		{"parent after child", []ItemInput{leaf("1.1"), {Number: "1", Title: "A"}}, "items.0.number", "phải đặt sau dòng 2"},
		{"no title", []ItemInput{{Number: "1", MaxPoints: 100}}, "items.0.title", "Dòng 1: chưa nhập tên lĩnh vực"},
		{"bad kind", []ItemInput{{Number: "1", Title: "A", Kind: "extra", MaxPoints: 100}}, "items.0.kind", "không hợp lệ"},
		{"bad group", []ItemInput{{Number: "1", Title: "A", GroupTag: "easy", MaxPoints: 100}}, "items.0.group_tag", "không hợp lệ"},
		{"negative max", []ItemInput{{Number: "1", Title: "A", MaxPoints: -100}}, "items.0.max_points", "không được âm"},
		{"leaf without max", []ItemInput{{Number: "1", Title: "A"}}, "items.0.max_points", "chưa nhập điểm tối đa"},
		{"parent max differs", []ItemInput{{Number: "1", Title: "A", MaxPoints: 300}, leaf("1.1"), leaf("1.2")},
			"items.0.max_points", "điểm tối đa 3 khác tổng điểm tối đa các tiêu chí con (2)"},
		{"bonus parent", []ItemInput{{Number: "1", Title: "A", Kind: KindBonus}, leaf("1.1")}, "items.0.kind", "phải có loại điểm “Tự chấm và thẩm định”"},
		{"parent with a rule", []ItemInput{{Number: "1", Title: "A", Rule: rule.Spec{Type: rule.TypeYesNo}}, leaf("1.1")},
			"items.0.rule", "không có cách chấm điểm riêng"},
		{"survey leaf with tiers", []ItemInput{{Number: "1", Title: "A", Kind: KindSurvey, MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{{Points: 100}}}}}, "items.0.rule", "điều tra xã hội học chỉ chấm"},
		{"rule that cannot score", []ItemInput{{Number: "1", Title: "A", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{{Points: 200}}}}}, "items.0.rule", "Dòng 1: "},
		{"manual step", []ItemInput{{Number: "1", Title: "A", MaxPoints: 110}}, "items.0.rule", "không chia hết"},
		{"unknown rule", []ItemInput{{Number: "1", Title: "A", MaxPoints: 100, Rule: rule.Spec{Type: "magic"}}}, "items.0.rule", "không hợp lệ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := planItems(tt.items, nil)
			errs := itemErrors(problems)
			if !strings.Contains(errs[tt.key], tt.want) {
				t.Errorf("errors = %v; want %q on %s", errs, tt.want, tt.key)
			}
		})
	}

	// A wrong child maximum does not also blame its parent.
	_, problems := planItems([]ItemInput{{Number: "1", Title: "A", MaxPoints: 300}, {Number: "1.1", Title: "B"}}, nil)
	if errs := itemErrors(problems); len(errs) != 1 || errs["items.1.max_points"] == "" {
		t.Errorf("errors = %v; want one, on the child's maximum", errs)
	}
}

func TestSaveItems(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		f := newTestFramework(t, s, 2025, true)
		items, err := s.Items(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		in := newTestFrameworkItems()
		if len(items) != len(in) {
			t.Fatalf("%d items; want %d", len(items), len(in))
		}
		byNumber := map[string]Item{}
		for i, it := range items {
			byNumber[it.Number] = it
			if it.Position != i || it.FrameworkID != f.ID || it.Number != in[i].Number || it.Title != in[i].Title {
				t.Errorf("item %d = %+v", i, it)
			}
		}
		sub := byNumber["1.1.2"]
		if sub.Level != LevelSub || sub.ParentID == nil || *sub.ParentID != byNumber["1.1"].ID || sub.MaxPoints != 200 ||
			!reflect.DeepEqual(sub.Rule, in[3].Rule) || !sub.EvidenceRequired || sub.Guidance != in[3].Guidance {
			t.Errorf("sub-criterion 1.1.2 = %+v", sub)
		}
		if field := byNumber["1"]; field.MaxPoints != 400 || field.ParentID != nil || field.Rule.Type != "" || field.Level != LevelField {
			t.Errorf("field 1 = %+v", field)
		}
		if it := byNumber["2.1"]; !it.Optional || it.GroupTag != GroupInvestment || it.Rule.Type != rule.TypeTimeliness {
			t.Errorf("criterion 2.1 = %+v", it)
		}
		if it := byNumber["4.2"]; it.Kind != KindPenalty || it.MaxPoints != 50 {
			t.Errorf("penalty 4.2 = %+v", it)
		}

		// Re-save: 2.2 removed, 3 and its children moved first, 1.3 added,
		// a title changed. Items keep their ids by number.
		var again []ItemInput
		for _, it := range in {
			if strings.HasPrefix(it.Number, "3") {
				again = append(again, it)
			}
		}
		for _, it := range in {
			switch {
			case strings.HasPrefix(it.Number, "3"), it.Number == "2.2":
			case it.Number == "1.2":
				it.Title = "Báo cáo định kỳ"
				again = append(again, it, ItemInput{Number: "1.3.", Title: "Kiểm tra cải cách hành chính", MaxPoints: 100})
			default:
				again = append(again, it)
			}
		}
		if err := s.SaveItems(ctx, f.ID, again, 0); err != nil {
			t.Fatal(err)
		}
		saved, err := s.Items(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		var numbers []string
		for _, it := range saved {
			numbers = append(numbers, it.Number)
			if old, ok := byNumber[it.Number]; ok && old.ID != it.ID {
				t.Errorf("item %s: id %d; was %d", it.Number, it.ID, old.ID)
			}
		}
		wantNumbers := "3 3.1 3.2 1 1.1 1.1.1 1.1.2 1.2 1.3 2 2.1 4 4.1 4.2"
		if got := strings.Join(numbers, " "); got != wantNumbers {
			t.Errorf("numbers = %s; want %s", got, wantNumbers)
		}
		tree := BuildTree(saved)
		if it := saved[8]; it.Number != "1.3" || it.ParentID == nil || *it.ParentID != byNumber["1"].ID || tree.Items[3].MaxPoints != 500 {
			t.Errorf("added 1.3 = %+v; field 1 max %s", it, tree.Items[3].MaxPoints)
		}
		if saved[7].Title != "Báo cáo định kỳ" || saved[10].MaxPoints != 100 {
			t.Errorf("1.2 = %+v; 2 = %+v", saved[7], saved[10])
		}

		// A list with problems is refused as a whole, naming each row.
		bad := append([]ItemInput{}, again...)
		bad[1].Title = ""
		bad[4].MaxPoints = 5
		err = s.SaveItems(ctx, f.ID, bad, 0)
		errs, ok := valid.As(err)
		if !ok || !strings.HasPrefix(errs["items.1.title"], "Dòng 2: ") || !strings.HasPrefix(errs["items.4.max_points"], "Dòng 5: ") {
			t.Errorf("err = %v; want messages on items.1.title and items.4.max_points", err)
		}
		if after, _ := s.Items(ctx, f.ID); !reflect.DeepEqual(after, saved) {
			t.Error("a refused list changed the items")
		}

		// Items are frozen outside the draft stage and once a unit assesses.
		if err := s.SetStage(ctx, f.ID, StageSelf, 0); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveItems(ctx, f.ID, again, 0); valid.Message(err) == "" {
			t.Errorf("save in stage self: err = %v; want a problem", err)
		}
		draft := newTestFramework(t, s, 2024, false)
		addTestFrameworkAssessment(t, d, draft.ID, newTestFrameworkUnit(t, d, "SNV", "agency"))
		if err := s.SaveItems(ctx, draft.ID, again, 0); valid.Message(err) == "" {
			t.Errorf("save with an assessment: err = %v; want a problem", err)
		}
	})
}
