package testkit

import (
	"context"
	"testing"

	"cchc/internal/index"
	"cchc/internal/index/rule"
)

// SmallIndexItems is a small commune framework: two scored items (1.1
// manual, 2 points; 1.2 yes/no, 1 point), a survey item (2.1, 2 points)
// and a bonus item (3.1, 1 point).
func SmallIndexItems() []index.ItemInput {
	return []index.ItemInput{
		{Number: "1", Title: "Công tác chỉ đạo, điều hành cải cách hành chính"},
		{Number: "1.1", Title: "Ban hành kế hoạch cải cách hành chính năm", MaxPoints: 200, Rule: rule.Spec{Type: rule.TypeManual}},
		{Number: "1.2", Title: "Tuyên truyền cải cách hành chính", MaxPoints: 100, Rule: rule.Spec{Type: rule.TypeYesNo}},
		{Number: "2", Title: "Tác động của cải cách hành chính"},
		{Number: "2.1", Title: "Mức độ hài lòng của người dân", Kind: index.KindSurvey, MaxPoints: 200},
		{Number: "3", Title: "Điểm thưởng"},
		{Number: "3.1", Title: "Sáng kiến cải cách hành chính", Kind: index.KindBonus, MaxPoints: 100, Rule: rule.Spec{Type: rule.TypeManual}},
	}
}

// IndexFramework creates, as the coordinator, the index framework of year
// for unit kind with items, opens it for self-assessment, and returns it
// with its items' ids by number.
func (e *Env) IndexFramework(t testing.TB, year int, kind, title string, items []index.ItemInput) (index.Framework, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s, coord := e.App.Index, e.Users["coord"].ID
	f, err := s.CreateFramework(ctx, index.FrameworkInput{Year: year, UnitKind: kind, Title: title}, coord)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveItems(ctx, f.ID, items, coord); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStage(ctx, f.ID, index.StageSelf, coord); err != nil {
		t.Fatal(err)
	}
	if f, err = s.Framework(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Items(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]int64, len(stored))
	for _, it := range stored {
		ids[it.Number] = it.ID
	}
	return f, ids
}

// SubmitSelfAssessment opens unit's assessment in framework frameworkID as
// username, scores the items named in scores (by number, through ids),
// submits it and returns its id.
func (e *Env) SubmitSelfAssessment(t testing.TB, frameworkID, unit int64, username string, ids map[string]int64,
	scores map[string]rule.Input) int64 {
	t.Helper()
	ctx := context.Background()
	s, uid := e.App.Index, e.Users[username].ID
	a, err := s.Open(ctx, frameworkID, unit, uid)
	if err != nil {
		t.Fatal(err)
	}
	for number, in := range scores {
		if _, err := s.SelfScore(ctx, a.ID, ids[number], index.SelfInput{Applicable: true, Input: in}, uid); err != nil {
			t.Fatalf("self-score %s: %v", number, err)
		}
	}
	if _, err := s.Submit(ctx, a.ID, uid); err != nil {
		t.Fatal(err)
	}
	return a.ID
}
