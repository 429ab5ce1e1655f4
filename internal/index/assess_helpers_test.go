package index

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/files"
	"cchc/internal/index/rule"
	"cchc/internal/org"
	"cchc/internal/valid"
)

// assessEnv is a province for assessment tests: a framework of 2025 for
// provincial agencies (assessItems), in the self stage; agencies SNV, STP
// and SYT (SYT is the one nobody opens), a dissolved agency OLD, a
// district H1; a user of SNV. The store's today is env.today (01/03/2026,
// before the default deadline 15/04/2026). SNV issued its 2025 plan on
// 20/12/2024, so its automatic item 1.1 scores in full.
type assessEnv struct {
	d     *db.DB
	s     *Store
	ctx   context.Context
	today civil.Date
	f     Framework
	items map[string]int64 // item number → id

	snv, stp, syt, old, h1 int64
	user                   int64
	plan                   int64
}

// assessItems is the framework of assessEnv: an automatic item, a manual
// item requiring evidence, an optional yes/no item, an optional automatic
// item with nothing to judge (no periodic report is due), two survey items
// and a bonus and a penalty.
func assessItems() []ItemInput {
	return []ItemInput{
		{Number: "1", Title: "Công tác chỉ đạo, điều hành"},
		{Number: "1.1", Title: "Ban hành kế hoạch cải cách hành chính năm đúng hạn", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeAuto, Source: rule.SourcePlanOnTime}, EvidenceRequired: true},
		{Number: "1.2", Title: "Tuyên truyền cải cách hành chính", MaxPoints: 200, Rule: rule.Spec{Type: rule.TypeManual},
			EvidenceRequired: true},
		{Number: "1.3", Title: "Kiểm tra cải cách hành chính tại đơn vị trực thuộc", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeYesNo}, Optional: true},
		{Number: "1.4", Title: "Gửi báo cáo cải cách hành chính định kỳ đúng hạn", MaxPoints: 100,
			Rule: rule.Spec{Type: rule.TypeAuto, Source: rule.SourceReportsOnTime}, Optional: true},
		{Number: "2", Title: "Tác động của cải cách hành chính"},
		{Number: "2.1", Title: "Mức độ hài lòng của người dân", Kind: KindSurvey, MaxPoints: 200},
		{Number: "2.2", Title: "Mức độ hài lòng của doanh nghiệp", Kind: KindSurvey, MaxPoints: 100},
		{Number: "3", Title: "Điểm thưởng, điểm trừ"},
		{Number: "3.1", Title: "Sáng kiến được công nhận", Kind: KindBonus, MaxPoints: 100},
		{Number: "3.2", Title: "Bị phê bình vì chậm báo cáo", Kind: KindPenalty, MaxPoints: 50,
			Rule: rule.Spec{Type: rule.TypeYesNo}},
	}
}

func newAssessEnv(t *testing.T, d *db.DB) *assessEnv {
	t.Helper()
	ctx := context.Background()
	e := &assessEnv{d: d, s: NewStore(d), ctx: ctx, today: civil.New(2026, 3, 1)}
	e.s.Today = func() civil.Date { return e.today }
	units := org.NewStore(d)
	mk := func(code, name, kind string) int64 {
		u, err := units.Create(ctx, org.Input{Code: code, Name: name, Kind: kind, ActiveFrom: civil.New(2020, 1, 1)})
		if err != nil {
			t.Fatalf("create unit %s: %v", code, err)
		}
		return u.ID
	}
	e.snv = mk("SNV", "Sở Nội vụ", "agency")
	e.stp = mk("STP", "Sở Tư pháp", "agency")
	e.syt = mk("SYT", "Sở Y tế", "agency")
	e.old = mk("SCU", "Sở Cũ", "agency")
	e.h1 = mk("H1", "Huyện Một", "district")
	assessExec(t, d, `UPDATE units SET active_to = ? WHERE id = ?`, civil.New(2025, 6, 30), e.old)
	now := db.Now()
	e.user = assessInsertID(t, d, `INSERT INTO users (username, full_name, unit_id, password_hash, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, "canbo.snv", "Cán bộ Sở Nội vụ", e.snv, "x", now, now)
	e.plan = assessInsertID(t, d, `INSERT INTO plans (kind, title, issuing_unit_id, issued_on, period_start, period_end,
		status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		"annual", "Kế hoạch cải cách hành chính năm 2025", e.snv, civil.New(2024, 12, 20), civil.New(2025, 1, 1),
		civil.New(2025, 12, 31), "issued", now, now)

	f, err := e.s.CreateFramework(ctx, FrameworkInput{Year: 2025, UnitKind: "agency", Title: "Chỉ số CCHC năm 2025 của sở, ngành"}, e.user)
	if err != nil {
		t.Fatalf("create framework: %v", err)
	}
	if err := e.s.SaveItems(ctx, f.ID, assessItems(), e.user); err != nil {
		t.Fatalf("save items: %v", err)
	}
	e.setStage(t, f.ID, StageSelf)
	items, err := e.s.Items(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.items = map[string]int64{}
	for _, it := range items {
		e.items[it.Number] = it.ID
	}
	e.f = f
	return e
}

func (e *assessEnv) setStage(t *testing.T, id int64, stage string) {
	t.Helper()
	if err := e.s.SetStage(e.ctx, id, stage, e.user); err != nil {
		t.Fatalf("framework %d to stage %s: %v", id, stage, err)
	}
}

// open opens unit's assessment, failing the test on error.
func (e *assessEnv) open(t *testing.T, unit int64) Assessment {
	t.Helper()
	a, err := e.s.Open(e.ctx, e.f.ID, unit, e.user)
	if err != nil {
		t.Fatalf("open assessment of unit %d: %v", unit, err)
	}
	return a
}

// selfScore scores number with in, failing the test on error.
func (e *assessEnv) selfScore(t *testing.T, a Assessment, number string, in SelfInput) Score {
	t.Helper()
	sc, err := e.s.SelfScore(e.ctx, a.ID, e.items[number], in, e.user)
	if err != nil {
		t.Fatalf("self-score %s: %v", number, err)
	}
	return sc
}

// submitReady scores every item of a (1.2: 150 with a link, 1.3 yes, 3.1
// 100, 3.2 no) and submits it.
func (e *assessEnv) submitReady(t *testing.T, a Assessment) Assessment {
	t.Helper()
	e.selfScore(t, a, "1.2", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(150)}})
	e.selfScore(t, a, "1.3", SelfInput{Applicable: true, Input: rule.Input{Yes: assessBool(true)}})
	e.selfScore(t, a, "3.1", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(100)}})
	e.selfScore(t, a, "3.2", SelfInput{Applicable: true, Input: rule.Input{Yes: assessBool(false)}})
	if _, err := e.s.AddEvidence(e.ctx, a.ID, e.items["1.2"], EvidenceInput{RefKind: EvidenceLink,
		URL: "https://snv.example.gov.vn/tuyen-truyen", Title: "Chuyên mục tuyên truyền CCHC", Locator: "Mục 2"}, e.user); err != nil {
		t.Fatalf("add evidence: %v", err)
	}
	a, err := e.s.Submit(e.ctx, a.ID, e.user)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	return a
}

// score returns a's score of number.
func (e *assessEnv) score(t *testing.T, a Assessment, number string) Score {
	t.Helper()
	scs, err := e.s.Scores(e.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scs {
		if sc.ItemID == e.items[number] {
			return sc
		}
	}
	t.Fatalf("no score of item %s in assessment %d", number, a.ID)
	return Score{}
}

// auditCount counts the trail's entries of entity about id.
func (e *assessEnv) auditCount(t *testing.T, entity string, id int64) int {
	t.Helper()
	var n int
	if err := e.d.GetContext(e.ctx, &n, e.d.Rebind(`SELECT COUNT(*) FROM audit_log WHERE entity = ? AND entity_id = ?`),
		entity, strconv.FormatInt(id, 10)); err != nil {
		t.Fatal(err)
	}
	return n
}

// newFile stores an uploaded file and returns its id.
func (e *assessEnv) newFile(t *testing.T) int64 {
	t.Helper()
	f, err := files.Insert(e.ctx, e.d, files.SourceUpload("bao-cao.pdf", "application/pdf", []byte("%PDF-1.4 test")), e.user)
	if err != nil {
		t.Fatal(err)
	}
	return f.ID
}

// newWorkItem adds a task of env's plan with a work item of unit, and
// returns the work item's id.
func (e *assessEnv) newWorkItem(t *testing.T, unit int64) int64 {
	t.Helper()
	now := db.Now()
	task := assessInsertID(t, e.d, `INSERT INTO tasks (plan_id, content, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`,
		e.plan, "Rà soát thủ tục hành chính", now, now)
	return assessInsertID(t, e.d, `INSERT INTO work_items (task_id, unit_id, period, due_on, updated_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, task, unit, "2025", civil.New(2025, 6, 30), now)
}

// newReport adds unit's report for 2025-Q4 on a small form and returns its
// id.
func (e *assessEnv) newReport(t *testing.T, unit int64) int64 {
	t.Helper()
	now := db.Now()
	form := assessInsertID(t, e.d, `INSERT INTO report_forms (code, title, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`,
		"BCCCHC", "Báo cáo cải cách hành chính", now, now)
	version := assessInsertID(t, e.d, `INSERT INTO report_form_versions (form_id, version, definition, created_at)
		VALUES (?, ?, ?, ?) RETURNING id`, form, 1, `{"sections":[]}`, now)
	typ := assessInsertID(t, e.d, `INSERT INTO report_types (code, name) VALUES (?, ?) RETURNING id`, "assess-q", "Quý")
	d := civil.New(2025, 12, 15)
	period := assessInsertID(t, e.d, `INSERT INTO report_periods (type_id, code, title, starts_on, ends_on, cutoff_from,
		cutoff_to, unit_deadline, snv_deadline, locks_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		typ, "2025-Q4", "Quý IV năm 2025", civil.New(2025, 10, 1), civil.New(2025, 12, 31), d, d, d, d, d)
	return assessInsertID(t, e.d, `INSERT INTO reports (form_id, form_version_id, period_id, unit_id, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, form, version, period, unit, "submitted", now, now)
}

func assessExec(t *testing.T, d *db.DB, query string, args ...any) {
	t.Helper()
	if _, err := d.ExecContext(context.Background(), d.Rebind(query), args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func assessInsertID(t *testing.T, d *db.DB, query string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := d.GetContext(context.Background(), &id, d.Rebind(query), args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return id
}

// assessKey is the valid.Errors key of item id.
func assessKey(id int64) string { return "item." + strconv.FormatInt(id, 10) }

func assessPts(p rule.Points) *rule.Points { return &p }
func assessBool(b bool) *bool              { return &b }

// assessWantErr checks err against want: "" wants no error; "field: text"
// wants a valid.Errors whose message for field contains text; any other
// text wants a valid.Problem containing it.
func assessWantErr(t *testing.T, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	if field, text, ok := strings.Cut(want, ": "); ok && !strings.Contains(field, " ") {
		errs, isErrs := valid.As(err)
		if !isErrs {
			t.Fatalf("error %v (%T), want valid.Errors %q", err, err, want)
		}
		if msg, has := errs[field]; !has || !strings.Contains(msg, text) {
			t.Fatalf("errors %v, want %s containing %q", errs, field, text)
		}
		return
	}
	var p valid.Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %v (%T), want valid.Problem %q", err, err, want)
	}
	if !strings.Contains(p.Message, want) {
		t.Fatalf("problem %q, want it to contain %q", p.Message, want)
	}
}
