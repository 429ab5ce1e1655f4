package index

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/index/rule"
	"cchc/internal/org"
)

// exportTestResults is a small finished framework of 2025 for provincial
// agencies: two fields (1 with 1.1 and 1.2, 2 a survey item) and a bonus
// field; Sở Tư pháp first (87,35%, up 2,15 points from last year), Sở Y
// tế second (60%), Sở Cũ listed but not ranked.
func exportTestResults() ResultsExport {
	p := func(id int64) *int64 { return &id }
	items := []Item{
		{ID: 1, Number: "1", Level: LevelField, Title: "Công tác chỉ đạo, điều hành", MaxPoints: 30000, Kind: KindScore},
		{ID: 2, ParentID: p(1), Number: "1.1", Level: LevelCriterion, Title: "Kế hoạch cải cách hành chính", MaxPoints: 10000, Kind: KindScore},
		{ID: 3, ParentID: p(1), Number: "1.2", Level: LevelCriterion, Title: "Báo cáo định kỳ", MaxPoints: 20000, Kind: KindScore},
		{ID: 4, Number: "2", Level: LevelField, Title: "Tác động của cải cách hành chính", MaxPoints: 20000, Kind: KindScore},
		{ID: 5, ParentID: p(4), Number: "2.1", Level: LevelCriterion, Title: "Mức độ hài lòng", MaxPoints: 20000, Kind: KindSurvey},
		{ID: 6, Number: "3", Level: LevelField, Title: "Điểm thưởng", Kind: KindScore},
		{ID: 7, ParentID: p(6), Number: "3.1", Level: LevelCriterion, Title: "Sáng kiến", MaxPoints: 100, Kind: KindBonus},
	}
	one, two, prev := 1, 2, 85.2
	units := []UnitResult{
		{UnitID: 11, UnitName: "Sở Tư pháp", Status: StatusFinal, Ranked: true, Rank: &one, Points: 43675, Max: 50000,
			Self: 30000, Appraised: 26000, Survey: 17575, Bonus: 100, Deviation: 4000, IndexPercent: 87.35, Band: "Tốt",
			PrevIndexPercent: &prev, Components: map[int64]Component{
				1: {ItemID: 1, Points: 26000, Max: 30000, Percent: 86.6666}, 2: {ItemID: 2, Points: 10000, Max: 10000, Percent: 100},
				3: {ItemID: 3, Points: 16000, Max: 20000, Percent: 80}, 4: {ItemID: 4, Points: 17575, Max: 20000, Percent: 87.875},
				5: {ItemID: 5, Points: 17575, Max: 20000, Percent: 87.875}}},
		{UnitID: 12, UnitName: "Sở Y tế", Status: StatusFinal, Ranked: true, Rank: &two, Points: 18000, Max: 30000,
			Self: 18000, Appraised: 18000, Penalty: 50, IndexPercent: 60, Band: "Trung bình", Components: map[int64]Component{
				1: {ItemID: 1, Points: 18000, Max: 30000, Percent: 60}, 4: {ItemID: 4, Max: 0}}},
		{UnitID: 13, UnitName: "Sở Cũ", Status: StatusFinal, Points: 0, Max: 50000, Components: map[int64]Component{}},
	}
	return ResultsExport{
		Results: Results{
			Framework: Framework{ID: 7, Year: 2025, UnitKind: "agency", Title: "Chỉ số CCHC năm 2025", Stage: StageFinal},
			Tree:      BuildTree(items),
			Bands:     DefaultBands(),
			Units:     units,
			Lost:      []ItemLoss{{Item: items[2], Lost: 6000, Units: 2}},
		},
		KindName: "Sở, ban, ngành cấp tỉnh",
		Issuer:   ExportIssuer{Name: "Sở Nội vụ", Parent: "Tỉnh Phú Sơn", ParentKind: "province", Place: "Phú Sơn"},
		Date:     civil.New(2026, time.March, 5),
	}
}

func TestResultsXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := ResultsXLSX(&buf, exportTestResults()); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 2 || got[0] != SheetResults || got[1] != SheetComponents {
		t.Fatalf("sheets = %v", got)
	}
	tests := []struct {
		sheet, cell string
		raw         bool
		want        string
	}{
		{SheetResults, "A1", false, "KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"},
		{SheetResults, "A2", false, "(Kết quả xác định Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành cấp tỉnh)"},
		{SheetResults, "A4", false, "Hạng"},
		{SheetResults, "J4", false, "Chỉ số (%)"},
		{SheetResults, "A5", true, "1"},
		{SheetResults, "B5", false, "Sở Tư pháp"},
		{SheetResults, "C5", true, "300"},    // self
		{SheetResults, "D5", true, "260"},    // appraised
		{SheetResults, "E5", true, "175.75"}, // survey
		{SheetResults, "F5", true, "1"},      // bonus
		{SheetResults, "H5", true, "436.75"}, // points
		{SheetResults, "I5", true, "500"},    // max
		{SheetResults, "J5", true, "0.8735"},
		{SheetResults, "J5", false, "87.35%"},
		{SheetResults, "K5", false, "Tốt"},
		{SheetResults, "L5", true, "40"},
		{SheetResults, "G6", true, "0.5"}, // penalty
		{SheetResults, "M6", false, ""},   // no index last year
		{SheetResults, "A7", false, "Không xếp hạng"},
		{SheetResults, "B7", false, "Sở Cũ"},
		{SheetComponents, "C3", false, "1. Công tác chỉ đạo, điều hành (tối đa 300 điểm)"},
		{SheetComponents, "E3", false, "2. Tác động của cải cách hành chính (tối đa 200 điểm)"},
		{SheetComponents, "C4", false, "Điểm"},
		{SheetComponents, "D4", false, "Chỉ số (%)"},
		{SheetComponents, "G3", false, "Chỉ số chung"},
		{SheetComponents, "B5", false, "Sở Tư pháp"},
		{SheetComponents, "C5", true, "260"},
		{SheetComponents, "F5", true, "0.87875"},
		{SheetComponents, "E6", false, ""}, // field 2 does not apply to Sở Y tế
		{SheetComponents, "G6", true, "0.6"},
	}
	for _, tt := range tests {
		got, err := x.GetCellValue(tt.sheet, tt.cell, excelize.Options{RawCellValue: tt.raw})
		if err != nil {
			t.Fatalf("%s!%s: %v", tt.sheet, tt.cell, err)
		}
		if got != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, got, tt.want)
		}
	}
	// Points are numbers, not text, so sums and sorting work in Excel.
	for _, cell := range []string{"C5", "H5", "J5"} {
		typ, err := x.GetCellType(SheetResults, cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s is text (%v), want a number", cell, typ)
		}
	}
	// The change from last year: +2,15 points, written with its sign.
	if got, _ := x.GetCellValue(SheetResults, "M5"); got != "+2.15" {
		t.Errorf("M5 = %q, want +2.15", got)
	}
}

// exportDocText returns the text of a .docx's document.xml, one line per
// paragraph.
func exportDocText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.ReplaceAll(string(b), "</w:p>", "\n")
		return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "")
	}
	t.Fatal("no word/document.xml")
	return ""
}

func TestResultsDOCX(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(e *ResultsExport)
		want  []string
		avoid []string
	}{
		{name: "final", want: []string{
			"UBND TỈNH PHÚ SƠN", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
			"Số:        /BC-SNV", "Phú Sơn, ngày 05 tháng 3 năm 2026", "BÁO CÁO",
			"Kết quả xác định Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành cấp tỉnh",
			"I. KẾT QUẢ CHUNG", "Có 3 đơn vị được đánh giá, trong đó 2 đơn vị được xếp hạng",
			"cao nhất là Sở Tư pháp (87,35%), thấp nhất là Sở Y tế (60,00%)", "Xếp loại Tốt: 1 đơn vị; Trung bình: 1 đơn vị.",
			"Sở Tư pháp", "436,75", "87,35%", "+1", "−0,5", "Không xếp hạng",
			"1.2. Báo cáo định kỳ", "Phụ lục I", "CHỈ SỐ THÀNH PHẦN THEO LĨNH VỰC", "86,67%",
			"Nơi nhận:", "Bộ Nội vụ (để báo cáo);", "UBND tỉnh Phú Sơn (để báo cáo);", "Các sở, ban, ngành cấp tỉnh;", "Lưu: VT, SNV.",
			"GIÁM ĐỐC", "./.",
		}, avoid: []string{"tạm tính"}},
		{name: "provisional, nothing ranked", edit: func(e *ResultsExport) {
			e.Results.Framework.Stage = StageAppraisal
			for i := range e.Results.Units {
				e.Results.Units[i].Rank = nil
			}
			e.Results.Lost = nil
		}, want: []string{"kết quả tạm tính", "Có 3 đơn vị được đánh giá; chưa có đơn vị nào được xếp hạng."},
			avoid: []string{"III. CÁC TIÊU CHÍ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := exportTestResults()
			if tt.edit != nil {
				tt.edit(&e)
			}
			var buf bytes.Buffer
			if err := ResultsDOCX(&buf, e); err != nil {
				t.Fatal(err)
			}
			text := exportDocText(t, buf.Bytes())
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("document lacks %q", w)
				}
			}
			for _, a := range tt.avoid {
				if strings.Contains(text, a) {
					t.Errorf("document has %q", a)
				}
			}
		})
	}
}

func TestExportFormats(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name, got, want string
	}{
		{"index", FormatIndex(87.3456), "87,35%"},
		{"index rounded exactly", FormatIndex(RoundIndex(17469, 20000)), "87,35%"},
		{"index a third", FormatIndex(RoundIndex(1, 3)), "33,33%"},
		{"index two thirds", FormatIndex(RoundIndex(2, 3)), "66,67%"},
		{"index negative", FormatIndex(RoundIndex(-17469, 20000)), "-87,35%"},
		{"index of nothing", FormatIndex(RoundIndex(5, 0)), "0,00%"},
		{"index whole", FormatIndex(100), "100,00%"},
		{"index zero", FormatIndex(0), "0,00%"},
		{"change up", FormatChange(f(2.154)), "+2,15"},
		{"change down", FormatChange(f(-1.3)), "−1,30"},
		{"change rounds to none", FormatChange(f(-0.001)), "0,00"},
		{"no change known", FormatChange(nil), ""},
		{"bonus", FormatBonusPenalty(100, 0), "+1"},
		{"penalty", FormatBonusPenalty(0, 50), "−0,5"},
		{"both", FormatBonusPenalty(125, 50), "+1,25 / −0,5"},
		{"neither", FormatBonusPenalty(0, 0), ""},
		{"place of a province", exportPlace("Tỉnh Phú Sơn"), "Phú Sơn"},
		{"place of a committee", exportPlace("UBND thành phố Cần Thơ"), "Cần Thơ"},
		{"no place", exportPlace("Bộ Nội vụ"), ""},
		{"parent province", exportParentBody(ExportIssuer{Parent: "Tỉnh Phú Sơn", ParentKind: "province"}), "UBND tỉnh Phú Sơn"},
		{"parent committee", exportParentBody(ExportIssuer{Parent: "UBND tỉnh Phú Sơn", ParentKind: "other"}), "UBND tỉnh Phú Sơn"},
		{"no parent", exportParentBody(ExportIssuer{}), ""},
		{"abbreviation", exportAbbreviation("Sở Nội vụ"), "SNV"},
		{"abbreviation without và", exportAbbreviation("Sở Giáo dục và Đào tạo"), "SGDĐT"},
		{"rank", UnitResult{Rank: new(int)}.RankText(), "0"},
		{"no rank", UnitResult{}.RankText(), "Không xếp hạng"},
		{"subject", ResultsExport{Results: Results{Framework: Framework{Year: 2024}}, KindName: "Xã, phường, thị trấn, đặc khu"}.Subject(),
			"Kết quả xác định Chỉ số cải cách hành chính năm 2024 của các xã, phường, thị trấn, đặc khu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestStoreResultsExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := NewStore(d)
		today := civil.New(2026, time.March, 5)
		s.Today = func() civil.Date { return today }
		units := org.NewStore(d)
		mk := func(code, name, kind string, parent *int64) int64 {
			t.Helper()
			u, err := units.Create(ctx, org.Input{Code: code, Name: name, Kind: kind, ParentID: parent, ActiveFrom: civil.New(2020, 1, 1)})
			if err != nil {
				t.Fatalf("create unit %s: %v", code, err)
			}
			return u.ID
		}
		prov := mk("T", "Tỉnh Phú Sơn", "province", nil)
		stp := mk("STP", "Sở Tư pháp", "agency", &prov)
		f, err := s.CreateFramework(ctx, FrameworkInput{Year: 2025, UnitKind: "agency", Title: "Chỉ số CCHC năm 2025"}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveItems(ctx, f.ID, []ItemInput{
			{Number: "1", Title: "Công tác chỉ đạo, điều hành"},
			{Number: "1.1", Title: "Tuyên truyền cải cách hành chính", MaxPoints: 200, Rule: rule.Spec{Type: rule.TypeManual}},
		}, 0); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStage(ctx, f.ID, StageSelf, 0); err != nil {
			t.Fatal(err)
		}
		a, err := s.Open(ctx, f.ID, stp, 0)
		if err != nil {
			t.Fatal(err)
		}
		items, err := s.Items(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		pts := rule.Points(150)
		if _, err := s.SelfScore(ctx, a.ID, items[1].ID, SelfInput{Applicable: true, Input: rule.Input{Points: &pts}}, 0); err != nil {
			t.Fatal(err)
		}

		// Without a Sở Nội vụ, the report is still issued in its name, under the province.
		e, err := s.ResultsExport(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := ExportIssuer{Name: "Sở Nội vụ", Parent: "Tỉnh Phú Sơn", ParentKind: "province", Place: "Phú Sơn"}
		if e.Issuer != want || e.KindName != "Sở, ban, ngành cấp tỉnh" || e.Date != today {
			t.Errorf("export = issuer %+v, kind %q, date %v", e.Issuer, e.KindName, e.Date)
		}
		if len(e.Results.Units) != 1 || e.Results.Units[0].Self != 150 || e.Results.Units[0].Max != 200 {
			t.Errorf("units = %+v", e.Results.Units)
		}

		// A dissolved Sở Nội vụ is skipped; the active one, wherever it sits, issues.
		old := mk("SNVC", "Sở Nội vụ (cũ)", "agency", &prov)
		if _, err := d.ExecContext(ctx, d.Rebind(`UPDATE units SET active_to = ? WHERE id = ?`), civil.New(2025, 6, 30), old); err != nil {
			t.Fatal(err)
		}
		ubnd := mk("UBT", "UBND tỉnh Phú Sơn", "other", nil)
		mk("SNV", "Sở Nội vụ", "agency", &ubnd)
		if e, err = s.ResultsExport(ctx, f.ID); err != nil {
			t.Fatal(err)
		}
		want = ExportIssuer{Name: "Sở Nội vụ", Parent: "UBND tỉnh Phú Sơn", ParentKind: "other", Place: "Phú Sơn"}
		if e.Issuer != want {
			t.Errorf("issuer = %+v, want %+v", e.Issuer, want)
		}

		if _, err := s.ResultsExport(ctx, f.ID+100); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("unknown framework: %v, want db.ErrNotFound", err)
		}
	})
}
