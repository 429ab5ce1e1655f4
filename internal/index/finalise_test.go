package index

import (
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
)

func TestAssessFinalise(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		snv := e.submitReady(t, e.open(t, e.snv))
		stp := e.open(t, e.stp) // never submitted

		assessWantErr(t, e.s.Finalise(e.ctx, e.f.ID, e.user), "Chỉ chốt kết quả khi bộ chỉ số đang ở giai đoạn thẩm định.")
		e.setStage(t, e.f.ID, StageAppraisal)
		assessWantErr(t, e.s.Finalise(e.ctx, e.f.ID, e.user),
			"Chưa thể chốt kết quả: 1 đơn vị đã nộp bản tự chấm nhưng chưa được thẩm định (Sở Nội vụ).")
		if _, err := e.s.CompleteAppraisal(e.ctx, snv.ID, e.user); err != nil {
			t.Fatal(err)
		}
		frameworkAudits := e.auditCount(t, "index_framework", e.f.ID)

		if err := e.s.Finalise(e.ctx, e.f.ID, e.user); err != nil {
			t.Fatalf("finalise: %v", err)
		}
		f, err := e.s.Framework(e.ctx, e.f.ID)
		if err != nil || f.Stage != StageFinal {
			t.Fatalf("framework after finalising: %+v, %v", f, err)
		}
		as, err := e.s.Assessments(e.ctx, e.f.ID)
		if err != nil {
			t.Fatal(err)
		}
		units := map[int64]Assessment{}
		for _, a := range as {
			units[a.UnitID] = a
			if a.Status != StatusFinal || a.FinalisedAt == nil {
				t.Errorf("unit %d: %s, finalised at %v; want final", a.UnitID, a.Status, a.FinalisedAt)
			}
		}
		if len(as) != 3 || units[e.snv].ID != snv.ID || units[e.stp].ID != stp.ID || units[e.syt].ID == 0 {
			t.Fatalf("assessments %+v, want SNV's, STP's and one made for SYT (not the dissolved agency's nor the district's)", as)
		}
		scs, err := e.s.Scores(e.ctx, units[e.syt].ID)
		if err != nil || len(scs) != 8 {
			t.Fatalf("SYT's scores: %d (%v), want one per leaf", len(scs), err)
		}
		for _, sc := range scs {
			if sc.SelfPoints != nil || sc.AppraisedPoints != nil || sc.SurveyPoints != nil || sc.Facts != "" {
				t.Fatalf("SYT scored %+v, want nothing", sc)
			}
		}
		for _, a := range []Assessment{snv, stp} {
			if n := e.auditCount(t, "index_assessment", a.ID); n < 2 {
				t.Errorf("assessment %d: %d audit entries", a.ID, n)
			}
		}
		if n := e.auditCount(t, "index_assessment", units[e.syt].ID); n != 1 {
			t.Errorf("SYT's assessment: %d audit entries, want 1", n)
		}
		if n := e.auditCount(t, "index_framework", e.f.ID); n != frameworkAudits+1 {
			t.Errorf("framework: %d audit entries, want %d", n, frameworkAudits+1)
		}

		assessWantErr(t, e.s.Finalise(e.ctx, e.f.ID, e.user), "Bộ chỉ số đã chốt kết quả.")
		assessWantErr(t, e.s.SetSurveyPoints(e.ctx, e.f.ID, e.snv, e.items["2.1"], assessPts(100), e.user),
			"Bộ chỉ số đã chốt kết quả: không thể nhập điểm điều tra xã hội học.")
		_, err = e.s.Appraise(e.ctx, snv.ID, e.items["1.2"], AppraisalInput{Points: assessPts(0), Reason: "x"}, e.user)
		assessWantErr(t, err, "Bộ chỉ số đã chốt kết quả: không thể thẩm định.")
		_, err = e.s.Open(e.ctx, e.f.ID, e.old, e.user)
		assessWantErr(t, err, "Bộ chỉ số đã chốt kết quả: không thể mở bản tự chấm mới.")
		if a := e.open(t, e.snv); a.ID != snv.ID || a.Status != StatusFinal {
			t.Fatalf("open after finalising: %+v", a)
		}
	})
}
