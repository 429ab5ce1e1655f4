package index

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

func TestAssessOpen(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)

		_, err := e.s.Open(e.ctx, e.f.ID, e.h1, e.user)
		assessWantErr(t, err, "Đơn vị “Huyện Một” không thuộc loại đơn vị được đánh giá")
		_, err = e.s.Open(e.ctx, e.f.ID, 99999, e.user)
		assessWantErr(t, err, "unit_id: Đơn vị không tồn tại.")
		if _, err := e.s.Open(e.ctx, 99999, e.snv, e.user); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("open in a missing framework: %v, want db.ErrNotFound", err)
		}

		a := e.open(t, e.snv)
		if a.Status != StatusDraft || !a.Ranked || a.UnitID != e.snv || a.FrameworkID != e.f.ID {
			t.Fatalf("opened %+v", a)
		}
		scs, err := e.s.Scores(e.ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var numbers []string
		for _, sc := range scs {
			for n, id := range e.items {
				if id == sc.ItemID {
					numbers = append(numbers, n)
				}
			}
			if !sc.Applicable {
				t.Errorf("item %d not applicable on opening", sc.ItemID)
			}
		}
		if got := strings.Join(numbers, " "); got != "1.1 1.2 1.3 1.4 2.1 2.2 3.1 3.2" {
			t.Fatalf("score rows of items %q, want one per leaf in order", got)
		}
		auto := e.score(t, a, "1.1")
		if auto.SelfPoints == nil || *auto.SelfPoints != 100 {
			t.Fatalf("automatic item scored %v, want 100 (plan issued 20/12/2024)", auto.SelfPoints)
		}
		var fact Fact
		if err := json.Unmarshal([]byte(auto.Facts), &fact); err != nil || fact.Input.Timeliness != rule.OnTime || fact.Summary == "" {
			t.Fatalf("facts %q (%v), want the plan found on time", auto.Facts, err)
		}
		var in rule.Input
		if err := json.Unmarshal([]byte(auto.Input), &in); err != nil || in.Timeliness != rule.OnTime {
			t.Fatalf("input %q (%v)", auto.Input, err)
		}
		if sc := e.score(t, a, "1.2"); sc.SelfPoints != nil || sc.Input != "" || sc.Facts != "" {
			t.Fatalf("manual item on opening: %+v", sc)
		}
		if n := e.auditCount(t, "index_assessment", a.ID); n != 1 {
			t.Fatalf("%d audit entries for the opening, want 1", n)
		}

		again := e.open(t, e.snv)
		if again.ID != a.ID {
			t.Fatalf("second open made assessment %d, want %d", again.ID, a.ID)
		}
		byUnit, err := e.s.Assessment(e.ctx, e.f.ID, e.snv)
		if err != nil || byUnit.ID != a.ID {
			t.Fatalf("Assessment = %+v, %v", byUnit, err)
		}
		if _, err := e.s.Assessment(e.ctx, e.f.ID, e.stp); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("assessment never opened: %v, want db.ErrNotFound", err)
		}

		e.setStage(t, e.f.ID, StageAppraisal)
		_, err = e.s.Open(e.ctx, e.f.ID, e.stp, e.user)
		assessWantErr(t, err, "Bộ chỉ số đang ở giai đoạn thẩm định: không thể mở bản tự chấm mới.")
		if got := e.open(t, e.snv); got.ID != a.ID {
			t.Fatalf("open in appraisal returned %d, want the existing %d", got.ID, a.ID)
		}
		list, err := e.s.Assessments(e.ctx, e.f.ID)
		if err != nil || len(list) != 1 || list[0].ID != a.ID {
			t.Fatalf("Assessments = %+v, %v", list, err)
		}
	})
}

func TestAssessOpenDraftFramework(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		f, err := e.s.CreateFramework(e.ctx, FrameworkInput{Year: 2026, UnitKind: "agency", Title: "Chỉ số CCHC năm 2026"}, e.user)
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.s.Open(e.ctx, f.ID, e.snv, e.user)
		assessWantErr(t, err, "Bộ chỉ số đang soạn thảo: không thể mở bản tự chấm mới.")
	})
}

func TestAssessSelfScore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		a := e.open(t, e.snv)
		tests := []struct {
			name   string
			number string
			in     SelfInput
			want   string // assessWantErr
			points *rule.Points
		}{
			{"manual", "1.2", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(150)}}, "", assessPts(150)},
			{"manual over the maximum", "1.2", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(250)}}, "input: ", nil},
			{"manual without points", "1.2", SelfInput{Applicable: true}, "input: ", nil},
			{"yes/no", "1.3", SelfInput{Applicable: true, Input: rule.Input{Yes: assessBool(true)}}, "", assessPts(100)},
			{"not applicable without a reason", "1.3", SelfInput{}, "explanation: Hãy nêu lý do không áp dụng.", nil},
			{"not applicable", "1.3", SelfInput{Explanation: "Sở không có đơn vị trực thuộc."}, "", nil},
			{"not applicable, not optional", "1.2", SelfInput{Explanation: "Không có"}, "applicable: Tiêu chí 1.2 áp dụng cho mọi đơn vị", nil},
			{"automatic", "1.1", SelfInput{Applicable: true, Input: rule.Input{Timeliness: rule.Late}}, "Tiêu chí 1.1 được chấm tự động", nil},
			{"survey", "2.1", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(100)}}, "Tiêu chí 2.1 lấy điểm từ kết quả điều tra xã hội học", nil},
			{"bonus", "3.1", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(50)}}, "", assessPts(50)},
			{"a parent", "1", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(50)}}, "item_id: Tiêu chí 1 có các tiêu chí thành phần", nil},
			{"an item of another framework", "", SelfInput{Applicable: true}, "item_id: Tiêu chí không thuộc bộ chỉ số này.", nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := e.score(t, a, "1.2")
				sc, err := e.s.SelfScore(e.ctx, a.ID, e.items[tt.number], tt.in, e.user)
				assessWantErr(t, err, tt.want)
				if tt.want != "" {
					if after := e.score(t, a, "1.2"); (after.SelfPoints == nil) != (before.SelfPoints == nil) {
						t.Fatalf("a refused self-score changed item 1.2: %+v → %+v", before, after)
					}
					return
				}
				stored := e.score(t, a, tt.number)
				if stored.Applicable != tt.in.Applicable || stored.Explanation != tt.in.Explanation {
					t.Fatalf("stored %+v for %+v", stored, tt.in)
				}
				if (stored.SelfPoints == nil) != (tt.points == nil) || (tt.points != nil && *stored.SelfPoints != *tt.points) {
					t.Fatalf("self points %v, want %v", stored.SelfPoints, tt.points)
				}
				if sc.SelfPoints != nil && sc.Input == "" {
					t.Fatalf("input not stored: %+v", sc)
				}
			})
		}

		// An optional automatic item may be declared not applicable, and
		// made applicable again, which recomputes it.
		reports := e.score(t, a, "1.4")
		if reports.SelfPoints != nil || reports.Facts == "" {
			t.Fatalf("automatic item with no report due: %+v, want facts and no points", reports)
		}
		sc, err := e.s.SelfScore(e.ctx, a.ID, e.items["1.4"], SelfInput{Explanation: "Không có báo cáo định kỳ đến hạn."}, e.user)
		if err != nil || sc.Applicable || sc.Facts == "" {
			t.Fatalf("1.4 not applicable: %+v, %v", sc, err)
		}
		sc, err = e.s.SelfScore(e.ctx, a.ID, e.items["1.4"], SelfInput{Applicable: true}, e.user)
		if err != nil || !sc.Applicable || sc.SelfPoints != nil || !strings.Contains(sc.Facts, "Không có báo cáo định kỳ") {
			t.Fatalf("1.4 applicable again: %+v, %v", sc, err)
		}
		_, err = e.s.SelfScore(e.ctx, a.ID, e.items["1.4"], SelfInput{Applicable: true}, e.user)
		assessWantErr(t, err, "Tiêu chí 1.4 được chấm tự động")
	})
}

func TestAssessSelfScoreStages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		a := e.open(t, e.snv)
		in := SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(100)}}

		e.submitReady(t, a)
		_, err := e.s.SelfScore(e.ctx, a.ID, e.items["1.2"], in, e.user)
		assessWantErr(t, err, "Bản tự chấm đã nộp: không thể sửa điểm tự chấm.")

		b := e.open(t, e.stp)
		e.setStage(t, e.f.ID, StageAppraisal)
		_, err = e.s.SelfScore(e.ctx, b.ID, e.items["1.2"], in, e.user)
		assessWantErr(t, err, "Bộ chỉ số đang ở giai đoạn thẩm định: không thể tự chấm.")
		if _, err := e.s.SelfScore(e.ctx, 99999, e.items["1.2"], in, e.user); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("self-score of a missing assessment: %v", err)
		}
	})
}

func TestAssessSubmit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		a := e.open(t, e.snv)

		_, err := e.s.Submit(e.ctx, a.ID, e.user)
		errs, ok := valid.As(err)
		if !ok {
			t.Fatalf("submit of an unscored draft: %v, want valid.Errors", err)
		}
		want := map[string]string{
			"1.2": "Tiêu chí 1.2: chưa chấm điểm.",
			"1.3": "Tiêu chí 1.3: chưa chấm điểm.",
			"3.1": "Tiêu chí 3.1: chưa chấm điểm.",
			"3.2": "Tiêu chí 3.2: chưa chấm điểm.",
		}
		if len(errs) != len(want) {
			t.Fatalf("errors %v, want %d (not the automatic nor the survey items)", errs, len(want))
		}
		for number, msg := range want {
			if got := errs[assessKey(e.items[number])]; got != msg {
				t.Errorf("item %s: %q, want %q", number, got, msg)
			}
		}

		e.selfScore(t, a, "1.2", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(150)}})
		e.selfScore(t, a, "1.3", SelfInput{Explanation: "Không có đơn vị trực thuộc."})
		e.selfScore(t, a, "3.1", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(0)}})
		e.selfScore(t, a, "3.2", SelfInput{Applicable: true, Input: rule.Input{Yes: assessBool(false)}})
		_, err = e.s.Submit(e.ctx, a.ID, e.user)
		assessWantErr(t, err, assessKey(e.items["1.2"])+": Tiêu chí 1.2: thiếu tài liệu kiểm chứng; hãy đính kèm hoặc giải trình.")
		if errs, _ := valid.As(err); len(errs) != 1 {
			t.Fatalf("errors %v, want only the missing evidence of 1.2", errs)
		}

		// An explanation stands in for the evidence.
		e.selfScore(t, a, "1.2", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(150)},
			Explanation: "Tài liệu đang lưu trữ bản giấy tại Văn phòng Sở."})

		e.today = civil.New(2026, 4, 16)
		_, err = e.s.Submit(e.ctx, a.ID, e.user)
		assessWantErr(t, err, "Đã quá hạn nộp bản tự chấm (hạn cuối 15/04/2026).")
		e.today = civil.New(2026, 4, 15)

		got, err := e.s.Submit(e.ctx, a.ID, e.user)
		if err != nil {
			t.Fatalf("submit: %v", err)
		}
		if got.Status != StatusSubmitted || got.SubmittedAt == nil || got.SubmittedBy == nil || *got.SubmittedBy != e.user {
			t.Fatalf("submitted %+v", got)
		}
		_, err = e.s.Submit(e.ctx, a.ID, e.user)
		assessWantErr(t, err, "Bản tự chấm đã nộp: không thể nộp lại.")

		reopened, err := e.s.Reopen(e.ctx, a.ID, e.user)
		if err != nil || reopened.Status != StatusDraft || reopened.SubmittedAt != nil {
			t.Fatalf("reopen: %+v, %v", reopened, err)
		}
		_, err = e.s.Reopen(e.ctx, a.ID, e.user)
		assessWantErr(t, err, "Bản tự chấm chưa nộp: không thể trả lại bản tự chấm.")
		if n := e.auditCount(t, "index_assessment", a.ID); n < 8 {
			t.Fatalf("%d audit entries, want one per change", n)
		}
	})
}

func TestAssessSubmitDeadlineSet(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		deadline := civil.New(2026, 2, 28)
		e.setStage(t, e.f.ID, StageDraft)
		if _, err := e.s.UpdateFramework(e.ctx, e.f.ID, FrameworkInput{Year: 2025, UnitKind: "agency", Title: e.f.Title,
			SelfDeadline: &deadline}, e.user); err != nil {
			t.Fatal(err)
		}
		e.setStage(t, e.f.ID, StageSelf)
		a := e.open(t, e.snv)
		e.selfScore(t, a, "1.2", SelfInput{Applicable: true, Input: rule.Input{Points: assessPts(150)}})
		_, err := e.s.Submit(e.ctx, a.ID, e.user)
		assessWantErr(t, err, "Đã quá hạn nộp bản tự chấm (hạn cuối 28/02/2026).")
	})
}

func TestAssessRefreshAuto(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		a := e.open(t, e.stp) // STP has no plan: not done, 0 points
		if sc := e.score(t, a, "1.1"); sc.SelfPoints == nil || *sc.SelfPoints != 0 {
			t.Fatalf("no plan scored %v, want 0", sc.SelfPoints)
		}
		now := db.Now()
		assessInsertID(t, d, `INSERT INTO plans (kind, title, issuing_unit_id, issued_on, period_start, period_end,
			status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			"annual", "Kế hoạch CCHC năm 2025 của Sở Tư pháp", e.stp, civil.New(2025, 2, 10), civil.New(2025, 1, 1),
			civil.New(2025, 12, 31), "issued", now, now)
		if err := e.s.RefreshAuto(e.ctx, a.ID, e.user); err != nil {
			t.Fatal(err)
		}
		sc := e.score(t, a, "1.1")
		if sc.SelfPoints == nil || *sc.SelfPoints != 50 {
			t.Fatalf("late plan scored %v, want 50", sc.SelfPoints)
		}
		var fact Fact
		if err := json.Unmarshal([]byte(sc.Facts), &fact); err != nil || fact.Input.Timeliness != rule.Late {
			t.Fatalf("facts %q after refresh", sc.Facts)
		}
		e.submitReady(t, a)
		assessWantErr(t, e.s.RefreshAuto(e.ctx, a.ID, e.user), "Bản tự chấm đã nộp: không thể cập nhật điểm tự động.")
	})
}

func TestAssessSetRanked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		a := e.open(t, e.snv)
		assessWantErr(t, e.s.SetRanked(e.ctx, a.ID, false, " ", e.user), "unranked_note: Hãy ghi lý do không xếp hạng")
		if err := e.s.SetRanked(e.ctx, a.ID, false, "Cơ quan mới thành lập", e.user); err != nil {
			t.Fatal(err)
		}
		got, err := e.s.AssessmentByID(e.ctx, a.ID)
		if err != nil || got.Ranked || got.UnrankedNote != "Cơ quan mới thành lập" {
			t.Fatalf("after SetRanked(false): %+v, %v", got, err)
		}
		if err := e.s.SetRanked(e.ctx, a.ID, true, "ignored", e.user); err != nil {
			t.Fatal(err)
		}
		if got, _ = e.s.AssessmentByID(e.ctx, a.ID); !got.Ranked || got.UnrankedNote != "" {
			t.Fatalf("after SetRanked(true): %+v", got)
		}
	})
}
