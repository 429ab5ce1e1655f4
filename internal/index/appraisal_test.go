package index

import (
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
)

func TestAssessAppraise(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		a := e.submitReady(t, e.open(t, e.snv)) // 1.1: 100 (auto), 1.2: 150, 1.3: 100, 3.1: 100, 3.2: 0
		draft := e.open(t, e.stp)

		_, err := e.s.Appraise(e.ctx, a.ID, e.items["1.2"], AppraisalInput{Points: assessPts(100), Reason: "Thiếu"}, e.user)
		assessWantErr(t, err, "Bộ chỉ số đang ở giai đoạn tự chấm: không thể thẩm định.")
		e.setStage(t, e.f.ID, StageAppraisal)

		yes, no := true, false
		tests := []struct {
			name       string
			number     string
			in         AppraisalInput
			want       string // assessWantErr
			applicable bool
			points     *rule.Points
		}{
			{"lower without a reason", "1.2", AppraisalInput{Points: assessPts(100)}, "reason: Hãy ghi lý do điều chỉnh điểm.", true, nil},
			{"lower with a reason", "1.2", AppraisalInput{Points: assessPts(100), Reason: "Chỉ có 1 chuyên mục tuyên truyền."}, "", true, assessPts(100)},
			{"over the maximum", "1.2", AppraisalInput{Points: assessPts(250), Reason: "x"}, "points: Điểm thẩm định phải từ 0 đến 2.", true, nil},
			{"negative", "1.2", AppraisalInput{Points: assessPts(-25), Reason: "x"}, "points: Điểm thẩm định phải từ 0 đến 2.", true, nil},
			{"accept the self-score", "1.1", AppraisalInput{Points: assessPts(100)}, "", true, assessPts(100)},
			{"bonus lowered", "3.1", AppraisalInput{Points: assessPts(50), Reason: "Sáng kiến cấp sở."}, "", true, assessPts(50)},
			{"penalty raised", "3.2", AppraisalInput{Points: assessPts(50), Reason: "Chậm báo cáo quý II."}, "", true, assessPts(50)},
			{"penalty over the maximum", "3.2", AppraisalInput{Points: assessPts(75), Reason: "x"}, "points: Điểm thẩm định phải từ 0 đến 0,5.", true, nil},
			{"not applicable without a reason", "1.3", AppraisalInput{Applicable: &no}, "reason: Hãy ghi lý do điều chỉnh điểm.", true, nil},
			{"not applicable with points", "1.3", AppraisalInput{Applicable: &no, Points: assessPts(0), Reason: "x"}, "points: Tiêu chí không áp dụng", true, nil},
			{"not applicable", "1.3", AppraisalInput{Applicable: &no, Reason: "Sở không có đơn vị trực thuộc."}, "", false, nil},
			{"applicable again without points", "1.3", AppraisalInput{Applicable: &yes, Reason: "Có đơn vị trực thuộc."}, "points: Hãy nhập điểm thẩm định", false, nil},
			{"applicable again", "1.3", AppraisalInput{Applicable: &yes, Points: assessPts(0), Reason: "Không kiểm tra."}, "", true, assessPts(0)},
			{"not applicable, not optional", "1.2", AppraisalInput{Applicable: &no, Reason: "x"}, "applicable: Tiêu chí 1.2 áp dụng cho mọi đơn vị", true, nil},
			{"survey", "2.1", AppraisalInput{Points: assessPts(100), Reason: "x"}, "Tiêu chí 2.1 lấy điểm từ kết quả điều tra xã hội học", true, nil},
			{"a parent", "1", AppraisalInput{Points: assessPts(100), Reason: "x"}, "item_id: Tiêu chí 1 có các tiêu chí thành phần", true, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				sc, err := e.s.Appraise(e.ctx, a.ID, e.items[tt.number], tt.in, e.user)
				assessWantErr(t, err, tt.want)
				if tt.want != "" {
					return
				}
				stored := e.score(t, a, tt.number)
				if stored.Applicable != tt.applicable || sc.Applicable != tt.applicable {
					t.Fatalf("applicable %v, want %v", stored.Applicable, tt.applicable)
				}
				if (stored.AppraisedPoints == nil) != (tt.points == nil) || (tt.points != nil && *stored.AppraisedPoints != *tt.points) {
					t.Fatalf("appraised %v, want %v", stored.AppraisedPoints, tt.points)
				}
				if stored.AppraisalReason != tt.in.Reason {
					t.Fatalf("reason %q, want %q", stored.AppraisalReason, tt.in.Reason)
				}
			})
		}

		// Points nil: back to the self-score.
		sc, err := e.s.Appraise(e.ctx, a.ID, e.items["3.1"], AppraisalInput{}, e.user)
		if err != nil || sc.AppraisedPoints != nil || sc.AppraisalReason != "" || *sc.SelfPoints != 100 {
			t.Fatalf("cleared: %+v, %v", sc, err)
		}

		_, err = e.s.Appraise(e.ctx, draft.ID, e.items["1.2"], AppraisalInput{Points: assessPts(0), Reason: "x"}, e.user)
		assessWantErr(t, err, "Bản tự chấm chưa nộp: không thể thẩm định.")
	})
}

func TestAssessCompleteAndRespond(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		a := e.submitReady(t, e.open(t, e.snv))
		e.setStage(t, e.f.ID, StageAppraisal)
		if _, err := e.s.Appraise(e.ctx, a.ID, e.items["1.2"], AppraisalInput{Points: assessPts(100), Reason: "Thiếu tài liệu."}, e.user); err != nil {
			t.Fatal(err)
		}

		_, err := e.s.Respond(e.ctx, a.ID, ResponseInput{Overall: "Đề nghị xem lại."}, e.user)
		assessWantErr(t, err, "Bản tự chấm chưa thẩm định xong: chưa thể phản hồi.")

		got, err := e.s.CompleteAppraisal(e.ctx, a.ID, e.user)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != StatusAppraised || got.AppraisedAt == nil || got.AppraisedBy == nil || *got.AppraisedBy != e.user {
			t.Fatalf("completed %+v", got)
		}
		for number, want := range map[string]rule.Points{"1.1": 100, "1.2": 100, "1.3": 100, "3.1": 100, "3.2": 0} {
			if sc := e.score(t, a, number); sc.AppraisedPoints == nil || *sc.AppraisedPoints != want {
				t.Errorf("item %s appraised %v, want %s", number, sc.AppraisedPoints, want)
			}
		}
		if sc := e.score(t, a, "2.1"); sc.AppraisedPoints != nil {
			t.Errorf("survey item appraised %v, want none", *sc.AppraisedPoints)
		}
		if sc := e.score(t, a, "1.4"); sc.AppraisedPoints != nil {
			t.Errorf("automatic item with nothing to judge appraised %v, want none", *sc.AppraisedPoints)
		}
		_, err = e.s.CompleteAppraisal(e.ctx, a.ID, e.user)
		assessWantErr(t, err, "Bản tự chấm đã được thẩm định: không thể hoàn thành thẩm định.")

		_, err = e.s.Respond(e.ctx, a.ID, ResponseInput{Overall: "  "}, e.user)
		assessWantErr(t, err, "overall: Hãy nhập ý kiến phản hồi.")
		_, err = e.s.Respond(e.ctx, a.ID, ResponseInput{Overall: "Đề nghị xem lại.", Items: map[int64]string{99999: "x"}}, e.user)
		assessWantErr(t, err, "items.99999: Tiêu chí không thuộc bộ chỉ số này.")

		got, err = e.s.Respond(e.ctx, a.ID, ResponseInput{Overall: "Đề nghị xem lại tiêu chí 1.2.",
			Items: map[int64]string{e.items["1.2"]: "Đã có chuyên mục thứ hai, xem đường dẫn.", e.items["1.3"]: " "}}, e.user)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != StatusResponded || got.RespondedAt == nil || got.Response != "Đề nghị xem lại tiêu chí 1.2." {
			t.Fatalf("responded %+v", got)
		}
		if sc := e.score(t, a, "1.2"); sc.Response != "Đã có chuyên mục thứ hai, xem đường dẫn." {
			t.Fatalf("item response %q", sc.Response)
		}
		_, err = e.s.Respond(e.ctx, a.ID, ResponseInput{Overall: "Lần hai."}, e.user)
		assessWantErr(t, err, "Đơn vị đã phản hồi kết quả thẩm định: chỉ được phản hồi một lần.")

		// The council accepts the response.
		sc, err := e.s.Appraise(e.ctx, a.ID, e.items["1.2"], AppraisalInput{Points: assessPts(150)}, e.user)
		if err != nil || *sc.AppraisedPoints != 150 {
			t.Fatalf("appraise after the response: %+v, %v", sc, err)
		}
		if after, _ := e.s.AssessmentByID(e.ctx, a.ID); after.Status != StatusResponded {
			t.Fatalf("status %s after a later appraisal, want responded", after.Status)
		}
	})
}
