package index

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

// assessWorkbook writes rows (strings stay text, numbers are number cells,
// nil is an empty cell) to the first sheet, named sheet.
func assessWorkbook(t *testing.T, sheet string, rows [][]any) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName(x.GetSheetName(0), sheet); err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// assessSurveyPoints returns unit's survey points on number, or nil.
func (e *assessEnv) surveyPoints(t *testing.T, unit int64, number string) *rule.Points {
	t.Helper()
	a, err := e.s.Assessment(e.ctx, e.f.ID, unit)
	if err != nil {
		return nil
	}
	return e.score(t, a, number).SurveyPoints
}

func TestAssessSetSurveyPoints(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		tests := []struct {
			name   string
			unit   int64
			number string
			points *rule.Points
			want   string // assessWantErr
		}{
			{"a unit with no assessment", e.stp, "2.1", assessPts(150), ""},
			{"again", e.stp, "2.2", assessPts(75), ""},
			{"not a survey item", e.stp, "1.2", assessPts(100), "item_id: Tiêu chí 1.2 không lấy điểm từ điều tra xã hội học."},
			{"over the maximum", e.stp, "2.2", assessPts(125), "points: Điểm điều tra phải từ 0 đến 1."},
			{"negative", e.stp, "2.1", assessPts(-1), "points: Điểm điều tra phải từ 0 đến 2."},
			{"a unit of another kind", e.h1, "2.1", assessPts(100), "không thuộc loại đơn vị được đánh giá"},
			{"cleared", e.stp, "2.2", nil, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := e.s.SetSurveyPoints(e.ctx, e.f.ID, tt.unit, e.items[tt.number], tt.points, e.user)
				assessWantErr(t, err, tt.want)
				if tt.want != "" {
					return
				}
				got := e.surveyPoints(t, tt.unit, tt.number)
				if (got == nil) != (tt.points == nil) || (got != nil && *got != *tt.points) {
					t.Fatalf("survey points %v, want %v", got, tt.points)
				}
			})
		}
		a, err := e.s.Assessment(e.ctx, e.f.ID, e.stp)
		if err != nil || a.Status != StatusDraft {
			t.Fatalf("assessment made for survey points: %+v, %v", a, err)
		}
		if sc := e.score(t, a, "1.1"); sc.Facts == "" {
			t.Fatal("automatic item not computed in an assessment made for survey points")
		}
		if n := e.auditCount(t, "index_assessment", a.ID); n != 4 {
			t.Fatalf("%d audit entries, want 4 (opened, three changes)", n)
		}
	})
}

func TestAssessSurveyXLSX(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newAssessEnv(t, d)
		if err := e.s.SetSurveyPoints(e.ctx, e.f.ID, e.stp, e.items["2.1"], assessPts(150), e.user); err != nil {
			t.Fatal(err)
		}

		data, err := e.s.SurveyTemplateXLSX(e.ctx, e.f.ID)
		if err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := x.GetRows(SurveySheet)
		x.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			{"Mã đơn vị", "Tên đơn vị", "2.1 Mức độ hài lòng của người dân (tối đa 2 điểm)",
				"2.2 Mức độ hài lòng của doanh nghiệp (tối đa 1 điểm)"},
			{"SNV", "Sở Nội vụ"},
			{"STP", "Sở Tư pháp", "1.5"},
			{"SYT", "Sở Y tế"},
		}
		if len(rows) != len(want) {
			t.Fatalf("template rows %q, want %q (active agencies only)", rows, want)
		}
		for i := range want {
			if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
				t.Errorf("template row %d: %q, want %q", i+1, rows[i], want[i])
			}
		}

		// The template filled in and imported back.
		good := assessWorkbook(t, SurveySheet, [][]any{
			{"Mã đơn vị", "Tên đơn vị", "2.1 Người dân", "2.2. Doanh nghiệp"},
			{"SNV", nil, "1,5", 1},
			{nil, "Sở Y tế", 1.75, nil},
			{"stp", "Sở Tư pháp", nil, nil},
		})
		n, err := e.s.ImportSurveyXLSX(e.ctx, e.f.ID, good, e.user)
		if err != nil || n != 2 {
			t.Fatalf("import: %d units, %v; want 2", n, err)
		}
		for _, c := range []struct {
			unit   int64
			number string
			want   rule.Points
		}{{e.snv, "2.1", 150}, {e.snv, "2.2", 100}, {e.syt, "2.1", 175}, {e.stp, "2.1", 150}} {
			if got := e.surveyPoints(t, c.unit, c.number); got == nil || *got != c.want {
				t.Errorf("unit %d item %s: %v, want %s", c.unit, c.number, got, c.want)
			}
		}
		if got := e.surveyPoints(t, e.syt, "2.2"); got != nil {
			t.Errorf("empty cell set %v", *got)
		}

		bad := assessWorkbook(t, "Sheet1", [][]any{
			{"Kết quả điều tra xã hội học năm 2025"},
			{"Mã đơn vị", "Tên đơn vị", "2.1 Người dân", "2.2 Doanh nghiệp"},
			{"SNV", nil, "abc", nil},
			{"XYZ", nil, 1, nil},
			{"H1", nil, 1, nil},
			{"STP", nil, 3, nil},
			{"SYT", nil, -1, "1,234"},
			{"SNV", nil, 1, nil},
			{nil, nil, 1, nil},
			{nil, "Sở Không Có", 1, nil},
		})
		_, err = e.s.ImportSurveyXLSX(e.ctx, e.f.ID, bad, e.user)
		errs, ok := valid.As(err)
		if !ok {
			t.Fatalf("bad import: %v, want valid.Errors", err)
		}
		wantErrs := []string{
			"Dòng 3, cột C: “abc” không phải là số điểm (ví dụ: 1,5).",
			"Dòng 4, cột A: không tìm thấy đơn vị mã “XYZ”.",
			"Dòng 5, cột A: đơn vị “Huyện Một” (mã H1) không thuộc loại đơn vị được đánh giá theo bộ chỉ số này.",
			"Dòng 6, cột C: điểm 3 vượt quá điểm tối đa 2 của tiêu chí 2.1.",
			"Dòng 7, cột C: điểm không được âm.",
			"Dòng 7, cột D: “1,234” không phải là số điểm (ví dụ: 1,5).",
			"Dòng 8: đơn vị “Sở Nội vụ” đã có ở dòng 3.",
			"Dòng 9, cột A: thiếu mã đơn vị.",
			"Dòng 10, cột B: không tìm thấy đơn vị “Sở Không Có”.",
		}
		if got := valid.Message(errs); got != strings.Join(wantErrs, " ") {
			t.Fatalf("import errors:\n%s\nwant:\n%s", strings.Join(strings.SplitAfter(got, ". "), "\n"), strings.Join(wantErrs, "\n"))
		}
		if got := e.surveyPoints(t, e.snv, "2.1"); got == nil || *got != 150 {
			t.Fatalf("a refused import changed SNV's points to %v", got)
		}

		for _, c := range []struct {
			name string
			data []byte
			want string
		}{
			{"not a workbook", []byte("Mã đơn vị;2.1\nSNV;1"), "Tệp không phải là tệp Excel (.xlsx) hợp lệ."},
			{"no header", assessWorkbook(t, "Sheet1", [][]any{{"Đơn vị", "Điểm"}, {"SNV", 1}}), "Không tìm thấy dòng tiêu đề có cột “Mã đơn vị”"},
			{"no survey column", assessWorkbook(t, "Sheet1", [][]any{{"Mã đơn vị", "Tên đơn vị"}, {"SNV", "Sở Nội vụ"}}),
				"Tệp không có cột điểm của tiêu chí điều tra xã hội học nào"},
			{"an unknown column", assessWorkbook(t, "Sheet1", [][]any{{"Mã đơn vị", "2.1 Người dân", "1.2 Tuyên truyền"}, {"SNV", 1, 1}}),
				"cell.000001.003: Dòng 1, cột C: “1.2 Tuyên truyền” không phải tiêu chí điều tra xã hội học"},
			{"a column twice", assessWorkbook(t, "Sheet1", [][]any{{"Mã đơn vị", "2.1 Người dân", "2.1"}, {"SNV", 1, 1}}),
				"cell.000001.003: Dòng 1, cột C: tiêu chí 2.1 đã có ở cột B."},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := e.s.ImportSurveyXLSX(e.ctx, e.f.ID, c.data, e.user)
				assessWantErr(t, err, c.want)
			})
		}
	})
}

func TestSurveyParsePoints(t *testing.T) {
	tests := []struct {
		in   string
		want rule.Points
		ok   bool
	}{
		{"1,5", 150, true},
		{"1.5", 150, true},
		{"2", 200, true},
		{"0,25", 25, true},
		{"1.4999999999999998", 150, true},
		{"1.2E+00", 120, true},
		{"1,234", 0, false},
		{"1.234", 0, false},
		{"abc", 0, false},
		{"NaN", 0, false},
	}
	for _, tt := range tests {
		got, ok := surveyParsePoints(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("surveyParsePoints(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
