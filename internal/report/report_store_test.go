package report_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"cchc/internal/audit"
	"cchc/internal/auth"
	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/org"
	"cchc/internal/report"
	"cchc/internal/valid"
)

// workflowEnv is a small province for workflow tests:
//
//	P (province) ─ SNV (agency)
//	             └ H1 (district) ─ XA, XB, XC (communes)
//
// with an officer of XA and a coordinator of SNV, the default calendar,
// and the form "BC" (dossiers processed early / on time / late, a rate,
// tasks due and done on time, two rules) for districts and communes. The
// store's today is env.today.
type workflowEnv struct {
	d            *db.DB
	s            *report.Store
	units        *org.Store
	P, SNV, H1   org.Unit
	XA, XB, XC   org.Unit
	officer, snv auth.User
	form         report.Form
	today        civil.Date
}

var workflowDefinition = report.Definition{
	Sections: []report.Section{{Code: "tthc", Title: "Cải cách thủ tục hành chính",
		Narratives: []report.Narrative{
			{Code: "tthc_results", Label: "Kết quả đạt được", Prefill: report.PrefillTasks},
			{Code: "tthc_limits", Label: "Tồn tại, hạn chế"},
		},
		Indicators: []report.Indicator{
			{Code: "dossiers_processed", Label: "Hồ sơ đã giải quyết", Kind: report.KindCount},
			{Code: "processed_early", Label: "Giải quyết trước hạn", Kind: report.KindCount},
			{Code: "processed_on_time", Label: "Giải quyết đúng hạn", Kind: report.KindCount},
			{Code: "processed_late", Label: "Giải quyết quá hạn", Kind: report.KindCount},
			{Code: "on_time_rate", Label: "Tỷ lệ giải quyết đúng hạn", Kind: report.KindRate,
				Formula: "(processed_early + processed_on_time) / dossiers_processed"},
			{Code: "tasks_due", Label: "Nhiệm vụ đến hạn trong kỳ", Kind: report.KindCount, Prefill: report.PrefillTasksDue},
			{Code: "tasks_done_on_time", Label: "Nhiệm vụ hoàn thành đúng hạn", Kind: report.KindCount,
				Prefill: report.PrefillTasksDoneOnTime},
			{Code: "district_budget", Label: "Kinh phí cấp huyện", Kind: report.KindMoney, UnitKinds: []string{"district"}},
		}}},
	Rules: []report.Rule{
		{Expr: "processed_early + processed_on_time + processed_late = dossiers_processed",
			Message: "Số hồ sơ trước hạn, đúng hạn và quá hạn phải bằng số hồ sơ đã giải quyết."},
		{Expr: "tasks_done_on_time <= tasks_due", Message: "Số nhiệm vụ hoàn thành đúng hạn không vượt quá số nhiệm vụ đến hạn."},
	},
}

func newWorkflowEnv(t testing.TB, d *db.DB) *workflowEnv {
	t.Helper()
	ctx := context.Background()
	e := &workflowEnv{d: d, s: report.NewStore(d), units: org.NewStore(d), today: date(2026, 3, 1)}
	e.s.Today = func() civil.Date { return e.today }
	mk := func(code, name, kind string, parent *org.Unit) org.Unit {
		in := org.Input{Code: code, Name: name, Kind: kind, ActiveFrom: date(2020, 1, 1)}
		if parent != nil {
			in.ParentID = &parent.ID
		}
		u, err := e.units.Create(ctx, in)
		if err != nil {
			t.Fatalf("create unit %s: %v", code, err)
		}
		return u
	}
	e.P = mk("P", "Tỉnh Thử", "province", nil)
	e.SNV = mk("SNV", "Sở Nội vụ", "agency", &e.P)
	e.H1 = mk("H1", "Huyện Đông Sơn", "district", &e.P)
	e.XA = mk("XA", "Xã An Phú", "commune", &e.H1)
	e.XB = mk("XB", "Xã Bình Minh", "commune", &e.H1)
	e.XC = mk("XC", "Xã Cẩm Lý", "commune", &e.H1)
	users := auth.NewStore(d)
	user := func(name string, unit org.Unit, role auth.Role) auth.User {
		u, err := users.CreateUser(ctx, auth.UserInput{Username: name, FullName: "Người dùng " + name, UnitID: unit.ID,
			Roles: []auth.Role{role}, Active: true, Password: "MatKhau@2026"})
		if err != nil {
			t.Fatalf("create user %s: %v", name, err)
		}
		return u
	}
	e.officer = user("officer_a", e.XA, auth.RoleOfficer)
	e.snv = user("coord", e.SNV, auth.RoleCoordinator)
	saveDefaultTypes(t, e.s)
	var err error
	e.form, err = e.s.SaveForm(ctx, report.FormInput{Code: "BC", Title: "Báo cáo thử", UnitKinds: []string{"district", "commune"},
		Definition: workflowDefinition}, 0)
	if err != nil {
		t.Fatalf("save form: %v", err)
	}
	return e
}

// wantProblem fails t unless err is a valid.Problem whose message holds
// each of words.
func wantProblem(t *testing.T, what string, err error, words ...string) {
	t.Helper()
	var p valid.Problem
	if !errors.As(err, &p) {
		t.Fatalf("%s: got %v, want a valid.Problem", what, err)
	}
	for _, w := range words {
		if !strings.Contains(p.Message, w) {
			t.Errorf("%s: message %q does not say %q", what, p.Message, w)
		}
	}
}

func wantFields(t *testing.T, what string, err error, fields ...string) valid.Errors {
	t.Helper()
	errs, ok := valid.As(err)
	if !ok {
		t.Fatalf("%s: got %v, want valid.Errors on %v", what, err, fields)
	}
	for _, f := range fields {
		if errs[f] == "" {
			t.Errorf("%s: no message on %s in %v", what, f, errs)
		}
	}
	return errs
}

// TestWorkflow follows one commune's quarterly report from its draft to
// acceptance: autosave, a rule blocking submission, submission on time, a
// return with comments, resubmission after the deadline (still on time:
// decided at the first submission), acceptance, and the history.
func TestWorkflow(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		e := newWorkflowEnv(t, d)
		uid := e.officer.ID

		r, err := e.s.Open(ctx, "BC", "2026-q1", e.XA.ID, uid)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != report.StatusDraft || r.OnTime != nil || r.SubmittedAt != nil || r.FormVersionID != e.form.VersionID {
			t.Fatalf("opened %+v", r)
		}
		again, err := e.s.Open(ctx, "BC", "2026-Q1", e.XA.ID, uid)
		if err != nil || again.ID != r.ID {
			t.Fatalf("second Open = %d, %v; want the same report %d", again.ID, err, r.ID)
		}
		if r.Texts["tthc_results"] == "" || r.Values["tasks_due"] != 0 {
			t.Errorf("prefill without tasks: texts %q, values %v", r.Texts, r.Values)
		}

		// Autosave, field by field; codes not named keep their value.
		if _, err := e.s.SaveDraft(ctx, r.ID, map[string]int64{"dossiers_processed": 10, "processed_early": 2}, nil, uid); err != nil {
			t.Fatal(err)
		}
		r, err = e.s.SaveDraft(ctx, r.ID, map[string]int64{"processed_on_time": 5, "processed_late": 1},
			map[string]string{"tthc_limits": "  Còn chậm.\r\nCần khắc phục.  ", "tthc_results": ""}, uid)
		if err != nil {
			t.Fatal(err)
		}
		if r.Values["dossiers_processed"] != 10 || r.Values["processed_late"] != 1 || r.Texts["tthc_limits"] != "Còn chậm.\nCần khắc phục." {
			t.Errorf("after autosave: %v %q", r.Values, r.Texts)
		}
		if _, ok := r.Texts["tthc_results"]; ok {
			t.Error("an empty text did not clear the field")
		}

		refused := []struct {
			name   string
			values map[string]int64
			texts  map[string]string
			field  string
		}{
			{"unknown code", map[string]int64{"nope": 1}, nil, "value.nope"},
			{"rate typed", map[string]int64{"on_time_rate": 1}, nil, "value.on_time_rate"},
			{"negative", map[string]int64{"processed_late": -1}, nil, "value.processed_late"},
			{"other unit kind", map[string]int64{"district_budget": 1000}, nil, "value.district_budget"},
			{"unknown text", nil, map[string]string{"nope": "x"}, "text.nope"},
			{"text too long", nil, map[string]string{"tthc_limits": strings.Repeat("a", report.MaxTextLen+1)}, "text.tthc_limits"},
		}
		for _, tt := range refused {
			t.Run(tt.name, func(t *testing.T) {
				_, err := e.s.SaveDraft(ctx, r.ID, tt.values, tt.texts, uid)
				wantFields(t, "SaveDraft", err, tt.field)
			})
		}
		if got, _ := e.s.Get(ctx, r.ID); got.Values["processed_late"] != 1 {
			t.Errorf("a refused save changed the report: %v", got.Values)
		}
		if err := report.CheckFigures(ctx, d); err != nil {
			t.Error(err)
		}

		// 2 + 5 + 1 ≠ 10: the rule blocks submission, naming the field.
		errs := wantFields(t, "Submit breaking a rule", func() error { _, err := e.s.Submit(ctx, r.ID, uid); return err }(),
			"value.processed_early")
		if errs["value.processed_early"] != workflowDefinition.Rules[0].Message {
			t.Errorf("rule message %q", errs["value.processed_early"])
		}
		if _, err := e.s.SaveDraft(ctx, r.ID, map[string]int64{"processed_late": 3}, nil, uid); err != nil {
			t.Fatal(err)
		}
		r, err = e.s.Submit(ctx, r.ID, uid)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != report.StatusSubmitted || r.OnTime == nil || !*r.OnTime || r.SubmittedAt == nil {
			t.Fatalf("submitted on 01/03 (deadline 05/03): %+v", r)
		}
		_, err = e.s.SaveDraft(ctx, r.ID, map[string]int64{"processed_late": 4}, nil, uid)
		wantProblem(t, "SaveDraft of a submitted report", err, "đã nộp")
		_, err = e.s.Submit(ctx, r.ID, uid)
		wantProblem(t, "Submit twice", err, "đã nộp")

		// Sở Nội vụ returns it with comments; the unit fixes and resubmits
		// after the deadline.
		_, err = e.s.Return(ctx, r.ID, "   ", e.snv.ID)
		wantFields(t, "Return without a comment", err, "comment")
		e.today = date(2026, 3, 6)
		if r, err = e.s.Return(ctx, r.ID, "Số hồ sơ quá hạn chưa khớp với hệ thống một cửa.", e.snv.ID); err != nil {
			t.Fatal(err)
		}
		if r.Status != report.StatusReturned {
			t.Fatalf("returned: %+v", r)
		}
		if _, err := e.s.SaveDraft(ctx, r.ID, map[string]int64{"processed_late": 2, "processed_on_time": 6}, nil, uid); err != nil {
			t.Fatal(err)
		}
		e.today = date(2026, 3, 10)
		if r, err = e.s.Submit(ctx, r.ID, uid); err != nil {
			t.Fatal(err)
		}
		if r.Status != report.StatusSubmitted || !*r.OnTime {
			t.Errorf("resubmitted after the deadline: status %s, on time %v (decided at the first submission)", r.Status, *r.OnTime)
		}
		if r, err = e.s.Accept(ctx, r.ID, e.snv.ID); err != nil {
			t.Fatal(err)
		}
		if r.Status != report.StatusAccepted || r.AcceptedAt == nil {
			t.Fatalf("accepted: %+v", r)
		}
		_, err = e.s.SaveDraft(ctx, r.ID, map[string]int64{"processed_late": 2}, nil, uid)
		wantProblem(t, "SaveDraft of an accepted report", err, "chấp nhận")
		_, err = e.s.Submit(ctx, r.ID, uid)
		wantProblem(t, "Submit of an accepted report", err, "chấp nhận")
		_, err = e.s.Return(ctx, r.ID, "Sửa lại", e.snv.ID)
		wantProblem(t, "Return of an accepted report", err, "Đã chấp nhận")
		_, err = e.s.Accept(ctx, r.ID, e.snv.ID)
		wantProblem(t, "Accept twice", err)

		events, err := e.s.Events(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, ev := range events {
			actions = append(actions, ev.Action)
		}
		if got := strings.Join(actions, ","); got != "create,submit,return,submit,accept" {
			t.Fatalf("history %s", got)
		}
		if events[2].Comment != "Số hồ sơ quá hạn chưa khớp với hệ thống một cửa." || events[2].UserID == nil || *events[2].UserID != e.snv.ID {
			t.Errorf("return event %+v", events[2])
		}
		first, texts, err := events[1].Content()
		if err != nil || first["processed_late"] != 3 || first["processed_on_time"] != 5 || texts["tthc_limits"] == "" {
			t.Errorf("first submission snapshot %v %v %v", first, texts, err)
		}
		second, _, err := events[3].Content()
		if err != nil || second["processed_late"] != 2 || second["processed_on_time"] != 6 {
			t.Errorf("second submission snapshot %v %v", second, err)
		}
		if vals, _, err := events[2].Content(); err != nil || len(vals) != 0 {
			t.Errorf("a return has a snapshot: %v %v", vals, err)
		}

		trail, _, err := audit.List(ctx, d, audit.Filter{Entity: "report", EntityID: "", Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		// create, 3 saves, submit, return, save, submit, accept.
		if len(trail) != 9 {
			t.Errorf("audit trail has %d report entries, want 9", len(trail))
		}
		for _, row := range trail {
			if row.Username != "officer_a" && row.Username != "coord" {
				t.Errorf("audit entry %q by %q", row.Summary, row.Username)
			}
		}
	})
}

// TestTimelinessAndLock checks on-time and late first submissions, the
// period locking after its grace days, and an exception reopening it for
// one unit.
func TestTimelinessAndLock(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		e := newWorkflowEnv(t, d)
		submitOn := func(unit org.Unit, day civil.Date) (report.Report, error) {
			e.today = day
			r, err := e.s.Open(ctx, "BC", "2026-Q1", unit.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			return e.s.Submit(ctx, r.ID, 0)
		}
		tests := []struct {
			name   string
			unit   org.Unit
			day    civil.Date
			onTime bool
		}{
			{"on the deadline", e.XA, date(2026, 3, 5), true},
			{"a day late", e.XB, date(2026, 3, 6), false},
			{"on the last day before the lock", e.H1, date(2026, 4, 4), false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r, err := submitOn(tt.unit, tt.day)
				if err != nil {
					t.Fatal(err)
				}
				if r.OnTime == nil || *r.OnTime != tt.onTime {
					t.Errorf("on time = %v, want %v", r.OnTime, tt.onTime)
				}
			})
		}

		// 2026-Q1 locks after 04/04 for XC.
		e.today = date(2026, 4, 5)
		r, err := e.s.Open(ctx, "BC", "2026-Q1", e.XC.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.s.SaveDraft(ctx, r.ID, map[string]int64{"dossiers_processed": 1, "processed_early": 1}, nil, 0)
		wantProblem(t, "SaveDraft in a locked period", err, "đã khóa", "05/04/2026")
		_, err = e.s.Submit(ctx, r.ID, 0)
		wantProblem(t, "Submit in a locked period", err, "đã khóa")

		// An exception to 10/04 reopens it for XC, and it is on time.
		if err := e.s.SetException(ctx, r.PeriodID, e.XC.ID, date(2026, 4, 10), "Sáp nhập đơn vị"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.SaveDraft(ctx, r.ID, map[string]int64{"dossiers_processed": 1, "processed_early": 1}, nil, 0); err != nil {
			t.Fatal(err)
		}
		if r, err = e.s.Submit(ctx, r.ID, 0); err != nil {
			t.Fatal(err)
		}
		if !*r.OnTime {
			t.Error("submitted before its own deadline but late")
		}

		// Lists.
		p, _ := report.PeriodByCode(ctx, d, "2026-Q1")
		all, total, err := e.s.List(ctx, report.ReportFilter{FormID: e.form.ID, PeriodID: p.ID})
		if err != nil || total != 4 || len(all) != 4 {
			t.Fatalf("List = %d of %d, %v", len(all), total, err)
		}
		if all[0].UnitID != e.H1.ID {
			t.Errorf("list not in the units' order: first is unit %d", all[0].UnitID)
		}
		page, total, err := e.s.List(ctx, report.ReportFilter{UnitID: e.XB.ID, Status: report.StatusSubmitted, Limit: 1})
		if err != nil || total != 1 || len(page) != 1 || page[0].UnitID != e.XB.ID {
			t.Errorf("List(XB, submitted) = %+v, %d, %v", page, total, err)
		}
		_, _, err = e.s.List(ctx, report.ReportFilter{Status: "done"})
		wantFields(t, "List with a bad status", err, "status")
		if _, err := e.s.Find(ctx, e.form.ID, p.ID, e.XB.ID); err != nil {
			t.Errorf("Find: %v", err)
		}
		if _, err := e.s.Find(ctx, e.form.ID, p.ID, e.SNV.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Find of a unit without a report = %v", err)
		}
		if _, err := e.s.Get(ctx, 99999); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Get(99999) = %v", err)
		}
		if _, err := e.s.Submit(ctx, 99999, 0); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Submit(99999) = %v", err)
		}
	})
}

// TestOpenRefusals checks what Open refuses: an unknown form or period, a
// unit of a kind the form is not for.
func TestOpenRefusals(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		e := newWorkflowEnv(t, d)
		tests := []struct {
			name, form, period string
			unit               int64
			field              string // "" for a Problem
		}{
			{"unknown form", "NOPE", "2026-Q1", e.XA.ID, "form"},
			{"bad period", "BC", "2026-Q9", e.XA.ID, "period"},
			{"unknown unit", "BC", "2026-Q1", 99999, "unit_id"},
			{"agency on a form for districts and communes", "BC", "2026-Q1", e.SNV.ID, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := e.s.Open(ctx, tt.form, tt.period, tt.unit, 0)
				if tt.field == "" {
					wantProblem(t, "Open", err, "không áp dụng")
				} else {
					wantFields(t, "Open", err, tt.field)
				}
			})
		}
		// Opening a report of a year not yet generated generates it.
		r, err := e.s.Open(ctx, "BC", "2027-H1", e.XA.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if p, err := report.PeriodByCode(ctx, d, "2027-H1"); err != nil || p.ID != r.PeriodID {
			t.Errorf("period 2027-H1: %+v, %v", p, err)
		}
	})
}

// TestSave: saving into a report that does not exist yet creates it with
// the posted content over its prefill in one step; bad content creates
// nothing; an existing report is saved like SaveDraft.
func TestSave(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		e := newWorkflowEnv(t, d)
		uid := e.officer.ID

		_, err := e.s.Save(ctx, "BC", "2026-Q1", e.XA.ID, map[string]int64{"dossiers_processed": -1}, nil, uid)
		wantFields(t, "Save", err, "value.dossiers_processed")
		var n int
		if err := d.GetContext(ctx, &n, `SELECT COUNT(*) FROM reports`); err != nil || n != 0 {
			t.Fatalf("a refused Save left %d reports (%v)", n, err)
		}

		r, err := e.s.Save(ctx, "BC", "2026-Q1", e.XA.ID, map[string]int64{"dossiers_processed": 10},
			map[string]string{"tthc_limits": "Còn chậm."}, uid)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != report.StatusDraft || r.Values["dossiers_processed"] != 10 || r.Texts["tthc_limits"] != "Còn chậm." || r.Texts["tthc_results"] == "" {
			t.Errorf("created by Save: %v %q (want the posted content and the prefill)", r.Values, r.Texts)
		}
		again, err := e.s.Save(ctx, "BC", "2026-Q1", e.XA.ID, map[string]int64{"processed_early": 2}, nil, uid)
		if err != nil || again.ID != r.ID || again.Values["dossiers_processed"] != 10 || again.Values["processed_early"] != 2 {
			t.Errorf("second Save = %d %v, %v; want the same report with both values", again.ID, again.Values, err)
		}
	})
}

// TestConcurrentChanges saves one report field by field from six requests
// at once, then submits it from five: no save is lost (the report's
// figures, rewritten whole by each save, agree with its values) and
// exactly one submission wins.
func TestConcurrentChanges(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		t.Parallel()
		ctx := context.Background()
		e := newWorkflowEnv(t, d)
		uid := e.officer.ID
		r, err := e.s.Open(ctx, "BC", "2026-Q1", e.XA.ID, uid)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int64{"dossiers_processed": 6, "processed_early": 1, "processed_on_time": 2,
			"processed_late": 3, "tasks_due": 4, "tasks_done_on_time": 3}
		var wg sync.WaitGroup
		errs := make(chan error, len(want)+5)
		for code, v := range want {
			wg.Go(func() {
				_, err := e.s.SaveDraft(ctx, r.ID, map[string]int64{code: v}, nil, uid)
				errs <- err
			})
		}
		wg.Wait()
		for range want {
			if err := <-errs; err != nil {
				t.Fatalf("concurrent save: %v", err)
			}
		}
		got, err := e.s.Get(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for code, v := range want {
			if got.Values[code] != v {
				t.Errorf("%s = %d after concurrent saves, want %d", code, got.Values[code], v)
			}
		}
		if err := report.CheckFigures(ctx, d); err != nil {
			t.Error(err)
		}

		for range 5 {
			wg.Go(func() {
				_, err := e.s.Submit(ctx, r.ID, uid)
				errs <- err
			})
		}
		wg.Wait()
		won := 0
		for range 5 {
			switch err := <-errs; {
			case err == nil:
				won++
			case !strings.Contains(err.Error(), "đã nộp"):
				t.Errorf("a losing submission failed with %v, want “đã nộp”", err)
			}
		}
		if won != 1 {
			t.Errorf("%d submissions succeeded, want 1", won)
		}
		events, err := e.s.Events(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		submits := 0
		for _, ev := range events {
			if ev.Action == report.EventSubmit {
				submits++
			}
		}
		if submits != 1 {
			t.Errorf("%d submit events, want 1", submits)
		}
	})
}
