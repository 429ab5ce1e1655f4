package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/testkit"
)

// appraiseEnv is the test province with a commune framework of 2025
// (appraiseItems) in the self stage; the index store's today is
// 01/03/2026, before the default deadline 15/04/2026.
type appraiseEnv struct {
	*testkit.Env
	ctx   context.Context
	f     index.Framework
	items map[string]int64 // item number → id
}

// appraiseItems: an automatic item (no plan: not done, 0 points), a manual
// item requiring evidence, an optional yes/no item, a survey item and a
// bonus.
func appraiseItems() []index.ItemInput {
	return []index.ItemInput{
		{Number: "1", Title: "Công tác chỉ đạo, điều hành cải cách hành chính"},
		{Number: "1.1", Title: "Ban hành kế hoạch cải cách hành chính năm đúng hạn", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanOnTime}},
		{Number: "1.2", Title: "Tuyên truyền cải cách hành chính", MaxPoints: 200, Rule: rule.Spec{Type: rule.TypeManual},
			EvidenceRequired: true},
		{Number: "1.3", Title: "Kiểm tra cải cách hành chính tại thôn, tổ dân phố", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeYesNo}, Optional: true},
		{Number: "2", Title: "Tác động của cải cách hành chính"},
		{Number: "2.1", Title: "Mức độ hài lòng của người dân", Kind: index.KindSurvey, MaxPoints: 200},
		{Number: "3", Title: "Điểm thưởng"},
		{Number: "3.1", Title: "Sáng kiến cải cách hành chính được công nhận", Kind: index.KindBonus, MaxPoints: 100},
	}
}

func newAppraiseEnv(t *testing.T, d *db.DB) *appraiseEnv {
	t.Helper()
	e := &appraiseEnv{Env: testkit.New(t, d), ctx: context.Background(), items: map[string]int64{}}
	e.App.Index.Today = func() civil.Date { return civil.New(2026, time.March, 1) }
	coord := e.Users["coord"].ID
	f, err := e.App.Index.CreateFramework(e.ctx, index.FrameworkInput{Year: 2025, UnitKind: "commune",
		Title: "Chỉ số CCHC năm 2025 của xã"}, coord)
	if err != nil {
		t.Fatalf("create framework: %v", err)
	}
	if err := e.App.Index.SaveItems(e.ctx, f.ID, appraiseItems(), coord); err != nil {
		t.Fatalf("save items: %v", err)
	}
	e.f = f
	e.stage(t, index.StageSelf)
	items, err := e.App.Index.Items(e.ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		e.items[it.Number] = it.ID
	}
	return e
}

// stage moves the framework to stage as the coordinator.
func (e *appraiseEnv) stage(t *testing.T, stage string) {
	t.Helper()
	if err := e.App.Index.SetStage(e.ctx, e.f.ID, stage, e.Users["coord"].ID); err != nil {
		t.Fatalf("framework to stage %s: %v", stage, err)
	}
}

// submitted opens, scores (1.2: 1,5 with a link; 1.3: yes; 3.1: 0,5) and
// submits unit's assessment as username, its officer.
func (e *appraiseEnv) submitted(t *testing.T, unit int64, username string) index.Assessment {
	t.Helper()
	s, uid := e.App.Index, e.Users[username].ID
	a, err := s.Open(e.ctx, e.f.ID, unit, uid)
	if err != nil {
		t.Fatalf("open assessment of unit %d: %v", unit, err)
	}
	yes := true
	for number, in := range map[string]rule.Input{
		"1.2": {Points: appraisePts(150)}, "1.3": {Yes: &yes}, "3.1": {Points: appraisePts(50)},
	} {
		if _, err := s.SelfScore(e.ctx, a.ID, e.items[number], index.SelfInput{Applicable: true, Input: in}, uid); err != nil {
			t.Fatalf("self-score %s: %v", number, err)
		}
	}
	if _, err := s.AddEvidence(e.ctx, a.ID, e.items["1.2"], index.EvidenceInput{RefKind: index.EvidenceLink,
		URL: "https://xaanphu.example.gov.vn/tuyen-truyen", Title: "Chuyên mục tuyên truyền CCHC", Locator: "Mục 2"}, uid); err != nil {
		t.Fatalf("add evidence: %v", err)
	}
	if a, err = s.Submit(e.ctx, a.ID, uid); err != nil {
		t.Fatalf("submit: %v", err)
	}
	return a
}

// score returns the stored score of item number in assessment id.
func (e *appraiseEnv) score(t *testing.T, id int64, number string) index.Score {
	t.Helper()
	scores, err := e.App.Index.Scores(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scores {
		if sc.ItemID == e.items[number] {
			return sc
		}
	}
	t.Fatalf("assessment %d has no score for item %s", id, number)
	return index.Score{}
}

// assessment reloads assessment id.
func (e *appraiseEnv) assessment(t *testing.T, id int64) index.Assessment {
	t.Helper()
	a, err := e.App.Index.AssessmentByID(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func appraisePts(p rule.Points) *rule.Points { return &p }

// appraisePath is the path of assessment id's page, with rest appended.
func appraisePath(id int64, rest string) string {
	return "/index/assessments/" + strconv.FormatInt(id, 10) + rest
}

// frameworkPath is the path of the framework's page, with rest appended.
func (e *appraiseEnv) frameworkPath(rest string) string {
	return "/index/frameworks/" + strconv.FormatInt(e.f.ID, 10) + rest
}

// appraiseHTMX posts form as htmx does (HX-Request) as b.
func appraiseHTMX(b *browser, path string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://example.test")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("HX-Request", "true")
	return b.do(req)
}

// appraiseUpload posts content as the "file" field of a multipart form to
// path as c.
func appraiseUpload(t *testing.T, c *testkit.Client, path, name string, content []byte) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if content != nil {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(content)
	}
	_ = mw.Close()
	return c.Do(http.MethodPost, path, &body, mw.FormDataContentType())
}

// surveyBook builds a survey workbook: the header, then rows.
func surveyBook(t *testing.T, header []any, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := index.SurveySheet
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range append([][]any{header}, rows...) {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
