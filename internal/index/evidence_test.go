package index

import (
	"errors"
	"testing"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
)

func TestAssessEvidence(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		a := e.open(t, e.snv)
		file := e.newFile(t)
		work := e.newWorkItem(t, e.snv)
		report := e.newReport(t, e.snv)
		missing := int64(99999)
		tests := []struct {
			name      string
			in        EvidenceInput
			want      string // assessWantErr
			wantKind  string
			wantTitle string
		}{
			{"file", EvidenceInput{FileID: &file, Locator: "trang 3"}, "", "", "bao-cao.pdf"},
			{"file by kind", EvidenceInput{RefKind: EvidenceFile, FileID: &file, Title: "Báo cáo tổng kết"}, "", "", "Báo cáo tổng kết"},
			{"missing file", EvidenceInput{FileID: &missing}, "file_id: Tệp tài liệu không tồn tại.", "", ""},
			{"no file", EvidenceInput{}, "file_id: Hãy chọn tệp", "", ""},
			{"plan", EvidenceInput{RefKind: EvidencePlan, RefID: &e.plan, Locator: "Mục II"}, "", EvidencePlan,
				"Kế hoạch cải cách hành chính năm 2025"},
			{"missing plan", EvidenceInput{RefKind: EvidencePlan, RefID: &missing}, "ref_id: Không tìm thấy kế hoạch số 99999.", "", ""},
			{"plan without id", EvidenceInput{RefKind: EvidencePlan}, "ref_id: Hãy chọn kế hoạch", "", ""},
			{"task", EvidenceInput{RefKind: EvidenceTask, RefID: &work}, "", EvidenceTask, "Rà soát thủ tục hành chính"},
			{"missing task", EvidenceInput{RefKind: EvidenceTask, RefID: &missing}, "ref_id: Không tìm thấy nhiệm vụ số 99999.", "", ""},
			{"report", EvidenceInput{RefKind: EvidenceReport, RefID: &report}, "", EvidenceReport,
				"Báo cáo cải cách hành chính — Quý IV năm 2025"},
			{"missing report", EvidenceInput{RefKind: EvidenceReport, RefID: &missing}, "ref_id: Không tìm thấy báo cáo số 99999.", "", ""},
			{"link", EvidenceInput{RefKind: EvidenceLink, URL: "https://snv.example.gov.vn/cchc", Title: "Trang CCHC"}, "",
				EvidenceLink, "Trang CCHC"},
			{"link without kind", EvidenceInput{URL: "http://example.vn/a", Title: "Tin bài"}, "", EvidenceLink, "Tin bài"},
			{"link without title", EvidenceInput{RefKind: EvidenceLink, URL: "https://example.vn"}, "title: Hãy nhập tên tài liệu.", "", ""},
			{"link not http", EvidenceInput{RefKind: EvidenceLink, URL: "ftp://example.vn/a", Title: "Tệp"}, "url: Đường dẫn phải là địa chỉ web", "", ""},
			{"link without url", EvidenceInput{RefKind: EvidenceLink, Title: "Tệp"}, "url: Hãy nhập đường dẫn", "", ""},
			{"unknown kind", EvidenceInput{RefKind: "decision", RefID: &file}, "ref_kind: Loại tài liệu kiểm chứng không hợp lệ", "", ""},
		}
		added := 0
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ev, err := e.s.AddEvidence(e.ctx, a.ID, e.items["1.2"], tt.in, e.user)
				assessWantErr(t, err, tt.want)
				if tt.want != "" {
					return
				}
				added++
				if ev.ID == 0 || ev.RefKind != tt.wantKind || ev.Title != tt.wantTitle || ev.AddedBy == nil || *ev.AddedBy != e.user {
					t.Fatalf("added %+v, want kind %q titled %q", ev, tt.wantKind, tt.wantTitle)
				}
			})
		}
		evs, err := e.s.EvidenceOf(e.ctx, a.ID)
		if err != nil || len(evs) != added {
			t.Fatalf("EvidenceOf: %d documents (%v), want %d", len(evs), err, added)
		}
		if evs[0].FileID == nil || *evs[0].FileID != file || evs[0].Locator != "trang 3" || evs[0].ItemID != e.items["1.2"] {
			t.Fatalf("first document %+v", evs[0])
		}

		_, err = e.s.AddEvidence(e.ctx, a.ID, e.items["1"], EvidenceInput{FileID: &file}, e.user)
		assessWantErr(t, err, "item_id: Tiêu chí 1 có các tiêu chí thành phần")

		if err := e.s.RemoveEvidence(e.ctx, evs[0].ID, e.user); err != nil {
			t.Fatal(err)
		}
		if err := e.s.RemoveEvidence(e.ctx, evs[0].ID, e.user); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("second removal: %v, want db.ErrNotFound", err)
		}
		if after, _ := e.s.EvidenceOf(e.ctx, a.ID); len(after) != added-1 {
			t.Fatalf("%d documents after a removal, want %d", len(after), added-1)
		}

		// Submitted: evidence is read only.
		e.submitReady(t, a)
		_, err = e.s.AddEvidence(e.ctx, a.ID, e.items["1.2"], EvidenceInput{FileID: &file}, e.user)
		assessWantErr(t, err, "Bản tự chấm đã nộp: không thể sửa tài liệu kiểm chứng.")
		assessWantErr(t, e.s.RemoveEvidence(e.ctx, evs[1].ID, e.user), "Bản tự chấm đã nộp: không thể sửa tài liệu kiểm chứng.")
		e.setStage(t, e.f.ID, StageAppraisal)
		assessWantErr(t, e.s.RemoveEvidence(e.ctx, evs[1].ID, e.user), "Bộ chỉ số đang ở giai đoạn thẩm định: không thể sửa tài liệu kiểm chứng.")
	})
}
