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

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/index"
	"cchc/internal/index/rule"
	"cchc/internal/testkit"
)

// selfToday is the day the index store judges deadlines on in these
// tests: 45 days before the default deadline of 2025's self-assessments
// (15/04/2026).
var selfToday = civil.New(2026, time.March, 1)

// selfEnv is the test province with a 2025 framework for communes in the
// self stage (selfItems) and a plan issued by commune A for 2025.
type selfEnv struct {
	*testkit.Env
	ctx   context.Context
	f     index.Framework
	items map[string]int64 // item number → id
	plan  int64            // commune A's 2025 plan
}

// selfItems covers every kind of control: manual points (1.1, evidence
// required), a ratio in tiers (1.2.1), on time / late / not done (1.2.2),
// an optional yes/no (1.2.3), an answer A-D (1.3), an automatic item
// (1.4), a survey item (2.1) and a bonus (3.1).
func selfItems(t *testing.T) []index.ItemInput {
	t.Helper()
	tiers, err := rule.Parse("Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm")
	if err != nil {
		t.Fatalf("parse tiers: %v", err)
	}
	return []index.ItemInput{
		{Number: "1", Title: "Công tác chỉ đạo, điều hành cải cách hành chính"},
		{Number: "1.1", Title: "Tuyên truyền cải cách hành chính", MaxPoints: 200,
			Rule: rule.Spec{Type: rule.TypeManual}, EvidenceRequired: true},
		{Number: "1.2", Title: "Thực hiện kế hoạch cải cách hành chính"},
		{Number: "1.2.1", Title: "Tỷ lệ nhiệm vụ hoàn thành", MaxPoints: 200, Rule: tiers},
		{Number: "1.2.2", Title: "Báo cáo kết quả thực hiện kế hoạch", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeTimeliness}},
		{Number: "1.2.3", Title: "Kiểm tra tại các thôn, tổ dân phố", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeYesNo}, Optional: true},
		{Number: "1.3", Title: "Mức độ hiểu biết của cán bộ về cải cách hành chính", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeSurvey}},
		{Number: "1.4", Title: "Ban hành kế hoạch cải cách hành chính năm đúng hạn", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanOnTime}},
		{Number: "2", Title: "Tác động của cải cách hành chính"},
		{Number: "2.1", Title: "Mức độ hài lòng của người dân", Kind: index.KindSurvey, MaxPoints: 200},
		{Number: "3", Title: "Điểm thưởng"},
		{Number: "3.1", Title: "Sáng kiến cải cách hành chính được công nhận", Kind: index.KindBonus, MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeManual}},
	}
}

func newSelfEnv(t *testing.T, d *db.DB) *selfEnv {
	t.Helper()
	e := &selfEnv{Env: testkit.New(t, d), ctx: context.Background()}
	e.App.Index.Today = func() civil.Date { return selfToday }
	coord := e.Users["coord"].ID
	f, err := e.App.Index.CreateFramework(e.ctx, index.FrameworkInput{Year: 2025, UnitKind: "commune",
		Title: "Bộ chỉ số cải cách hành chính cấp xã năm 2025"}, coord)
	if err != nil {
		t.Fatalf("create framework: %v", err)
	}
	if err := e.App.Index.SaveItems(e.ctx, f.ID, selfItems(t), coord); err != nil {
		t.Fatalf("save items: %v", err)
	}
	if err := e.App.Index.SetStage(e.ctx, f.ID, index.StageSelf, coord); err != nil {
		t.Fatalf("stage self: %v", err)
	}
	if e.f, err = e.App.Index.Framework(e.ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	items, err := e.App.Index.Items(e.ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.items = map[string]int64{}
	for _, it := range items {
		e.items[it.Number] = it.ID
	}
	now := db.Now()
	if err := d.GetContext(e.ctx, &e.plan, d.Rebind(`INSERT INTO plans (kind, title, issuing_unit_id, issued_on,
		period_start, period_end, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		"annual", "Kế hoạch cải cách hành chính năm 2025 của Xã An Phú", e.CommuneA.ID, civil.New(2025, time.January, 10),
		civil.New(2025, time.January, 1), civil.New(2025, time.December, 31), "issued", now, now); err != nil {
		t.Fatalf("insert plan: %v", err)
	}
	return e
}

// open opens commune A's assessment as officer_a and returns its path.
func (e *selfEnv) open(t *testing.T) string {
	t.Helper()
	res := e.Login(t, "officer_a").Get("/index/frameworks/" + strconv.FormatInt(e.f.ID, 10) + "/self")
	if res.Code != http.StatusSeeOther {
		t.Fatalf("open: status %d: %s", res.Code, res.Body.String())
	}
	loc := res.Header().Get("Location")
	if !strings.HasPrefix(loc, "/index/assessments/") {
		t.Fatalf("open redirects to %q", loc)
	}
	return loc
}

// assessment returns the assessment at path.
func (e *selfEnv) assessment(t *testing.T, path string) index.Assessment {
	t.Helper()
	id, err := strconv.ParseInt(strings.TrimPrefix(path, "/index/assessments/"), 10, 64)
	if err != nil {
		t.Fatalf("assessment path %q", path)
	}
	a, err := e.App.Index.AssessmentByID(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// score returns the stored score of item number in the assessment at path.
func (e *selfEnv) score(t *testing.T, path, number string) index.Score {
	t.Helper()
	scores, err := e.App.Index.Scores(e.ctx, e.assessment(t, path).ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scores {
		if sc.ItemID == e.items[number] {
			return sc
		}
	}
	t.Fatalf("no score for item %s", number)
	return index.Score{}
}

// evidence returns the documents cited in the assessment at path.
func (e *selfEnv) evidence(t *testing.T, path string) []index.Evidence {
	t.Helper()
	evs, err := e.App.Index.EvidenceOf(e.ctx, e.assessment(t, path).ID)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// itemPath is the address of item number's row form on the page at path.
func (e *selfEnv) itemPath(path, number string) string {
	return path + "/items/" + strconv.FormatInt(e.items[number], 10)
}

// rowID is the HTML id of item number's row.
func (e *selfEnv) rowID(number string) string {
	return `id="item-` + strconv.FormatInt(e.items[number], 10) + `"`
}

// selfHTMX posts form as htmx does, signed in as username.
func selfHTMX(t *testing.T, e *selfEnv, username, path string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	return htmxPost(t, e.Env, username, path, bytes.NewBufferString(form.Encode()), "application/x-www-form-urlencoded")
}

// selfMultipart builds the evidence form with a file and other fields.
func selfMultipart(t *testing.T, fileName string, content []byte, fields url.Values) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if fileName != "" {
		fw, err := mw.CreateFormFile("file", fileName)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(content); err != nil {
			t.Fatal(err)
		}
	}
	for k, vs := range fields {
		for _, v := range vs {
			if err := mw.WriteField(k, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, mw.FormDataContentType()
}

// selfPDF is a small file the upload check takes for a PDF.
var selfPDF = []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")

// selfScoreAll scores every self-scored item of the assessment at path
// through the store (1.1: 1,5; 1.2.1: 93,5%; 1.2.2 on time; 1.2.3 yes;
// 1.3 A; 3.1: 1).
func (e *selfEnv) selfScoreAll(t *testing.T, path string) {
	t.Helper()
	a := e.assessment(t, path)
	pts := func(p rule.Points) *rule.Points { return &p }
	yes, ratio := true, 0.935
	for number, in := range map[string]rule.Input{
		"1.1": {Points: pts(150)}, "1.2.1": {Ratio: &ratio}, "1.2.2": {Timeliness: rule.OnTime},
		"1.2.3": {Yes: &yes}, "1.3": {Answer: "A"}, "3.1": {Points: pts(100)},
	} {
		if _, err := e.App.Index.SelfScore(e.ctx, a.ID, e.items[number], index.SelfInput{Applicable: true, Input: in},
			e.Users["officer_a"].ID); err != nil {
			t.Fatalf("self-score %s: %v", number, err)
		}
	}
}
