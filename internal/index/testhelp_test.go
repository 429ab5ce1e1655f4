package index

import (
	"context"
	"fmt"
	"testing"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/index/rule"
	"cchc/internal/org"
)

// fwRatio returns a pointer to a tier bound.
func fwRatio(r float64) *float64 { return &r }

// newTestFrameworkItems returns a small framework in the style of a
// provincial one: three scored fields (automatic, yes/no, tiers,
// timeliness and manual rules), a survey field and a last field of bonus
// and penalty points. Parents' maxima are left 0 to be filled in.
func newTestFrameworkItems() []ItemInput {
	return []ItemInput{
		{Number: "1", Title: "Công tác chỉ đạo, điều hành cải cách hành chính"},
		{Number: "1.1", Title: "Kế hoạch cải cách hành chính năm", GroupTag: GroupRoutine},
		{Number: "1.1.1", Title: "Ban hành kế hoạch đúng thời hạn", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanOnTime}, EvidenceRequired: true},
		{Number: "1.1.2", Title: "Mức độ hoàn thành kế hoạch", MaxPoints: 200,
			Rule: rule.Spec{Type: rule.TypeTiers, Tiers: []rule.Tier{
				{From: fwRatio(0.9), Points: 200},
				{From: fwRatio(0.7), FromIncl: true, To: fwRatio(0.9), ToIncl: true, Points: 100},
				{To: fwRatio(0.7), Points: 0},
			}}, EvidenceRequired: true, Guidance: "Tỷ lệ nhiệm vụ hoàn thành trên tổng số nhiệm vụ.\nKèm báo cáo."},
		{Number: "1.2", Title: "Báo cáo cải cách hành chính định kỳ đúng hạn", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeYesNo}, EvidenceRequired: true},
		{Number: "2", Title: "Cải cách thủ tục hành chính"},
		{Number: "2.1", Title: "Công bố, công khai thủ tục hành chính", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeTimeliness}, Optional: true, GroupTag: GroupInvestment},
		{Number: "2.2", Title: "Tỷ lệ hồ sơ giải quyết đúng hạn", MaxPoints: 150,
			Rule: rule.Spec{Type: rule.TypeManual, Step: 50}, GroupTag: GroupHard},
		{Number: "3", Title: "Tác động của cải cách hành chính"},
		{Number: "3.1", Title: "Mức độ hài lòng của người dân", Kind: KindSurvey, MaxPoints: 200,
			Rule: rule.Spec{Type: rule.TypeSurvey}},
		{Number: "3.2", Title: "Mức độ hài lòng của doanh nghiệp", Kind: KindSurvey, MaxPoints: 100},
		{Number: "4", Title: "Điểm thưởng, điểm trừ"},
		{Number: "4.1", Title: "Sáng kiến cải cách hành chính được công nhận", Kind: KindBonus, MaxPoints: 100},
		{Number: "4.2", Title: "Bị phê bình vì chậm báo cáo", Kind: KindPenalty, MaxPoints: 50,
			Rule: rule.Spec{Type: rule.TypeYesNo}},
	}
}

// newTestFramework creates a draft framework of year for provincial
// agencies, with newTestFrameworkItems saved when withItems is set.
func newTestFramework(t *testing.T, s *Store, year int, withItems bool) Framework {
	t.Helper()
	ctx := context.Background()
	f, err := s.CreateFramework(ctx, FrameworkInput{Year: year, UnitKind: "agency",
		Title: fmt.Sprintf("Bộ chỉ số cải cách hành chính năm %d — Sở, ban, ngành", year)}, 0)
	if err != nil {
		t.Fatalf("create framework %d: %v", year, err)
	}
	if withItems {
		if err := s.SaveItems(ctx, f.ID, newTestFrameworkItems(), 0); err != nil {
			t.Fatalf("save items of framework %d: %v", year, err)
		}
	}
	return f
}

// newTestFrameworkUnit adds an active unit of kind and returns its id.
func newTestFrameworkUnit(t *testing.T, d *db.DB, code, kind string) int64 {
	t.Helper()
	u, err := org.NewStore(d).Create(context.Background(), org.Input{Code: code, Name: "Đơn vị " + code, Kind: kind,
		ActiveFrom: civil.New(2020, 1, 1)})
	if err != nil {
		t.Fatalf("create unit %s: %v", code, err)
	}
	return u.ID
}

// setTestFrameworkStage sets framework id's stage directly, for stages
// (final) and states (assessments) other engineers' code reaches.
func setTestFrameworkStage(t *testing.T, d *db.DB, id int64, stage string) {
	t.Helper()
	if _, err := d.ExecContext(context.Background(), d.Rebind(`UPDATE index_frameworks SET stage = ? WHERE id = ?`), stage, id); err != nil {
		t.Fatal(err)
	}
}

// addTestFrameworkAssessment inserts a draft assessment of unitID in
// framework id directly.
func addTestFrameworkAssessment(t *testing.T, d *db.DB, id, unitID int64) {
	t.Helper()
	now := db.Now()
	_, err := d.ExecContext(context.Background(), d.Rebind(`INSERT INTO index_assessments
		(framework_id, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?)`), id, unitID, now, now)
	if err != nil {
		t.Fatal(err)
	}
}
