package report

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/db"
	"cchc/internal/db/dbtest"
	"cchc/internal/doctable"
)

func TestMeasure(t *testing.T) {
	tests := []struct {
		ind  Indicator
		want string
	}{
		{Indicator{Label: "Hồ sơ đã giải quyết", Kind: KindCount}, "Hồ sơ"},
		{Indicator{Label: "Văn bản đi, đến", Kind: KindCount}, "Văn bản"},
		{Indicator{Label: "Lượt cán bộ, công chức được đào tạo", Kind: KindCount}, "Lượt"},
		{Indicator{Label: "Thủ tục hành chính được công khai", Kind: KindCount}, "Thủ tục"},
		{Indicator{Label: "Phản ánh, kiến nghị đã xử lý xong", Kind: KindCount}, "Phản ánh, kiến nghị"},
		{Indicator{Label: "Cơ quan, đơn vị được kiểm tra", Kind: KindCount}, "Cơ quan, đơn vị"},
		{Indicator{Label: "Đơn vị sự nghiệp công lập tự chủ", Kind: KindCount}, "Đơn vị"},
		{Indicator{Label: "Hồ sơ", Kind: KindCount}, "Hồ sơ"},
		{Indicator{Label: "Hồ sơ hóa", Kind: KindCount}, "Hồ sơ"},
		{Indicator{Label: "Hộ gia đình", Kind: KindCount}, "Số lượng"},
		{Indicator{Label: "Kinh phí (đồng)", Kind: KindMoney}, "Đồng"},
		{Indicator{Label: "Tỷ lệ hồ sơ đúng hạn", Kind: KindRate}, "%"},
	}
	for _, tt := range tests {
		t.Run(tt.ind.Label, func(t *testing.T) {
			if got := Measure(tt.ind); got != tt.want {
				t.Errorf("Measure(%q) = %q, want %q", tt.ind.Label, got, tt.want)
			}
		})
	}
}

func TestFormatFigure(t *testing.T) {
	tests := []struct {
		kind string
		v    *float64
		want string
	}{
		{KindCount, ptr(1250.0), "1.250"},
		{KindMoney, ptr(1_250_000_000.0), "1.250.000.000"},
		{KindRate, ptr(0.855), "85,5%"},
		{KindRate, ptr(1.0), "100%"},
		{KindRate, nil, ""},
		{KindCount, ptr(0.0), "0"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := FormatFigure(tt.kind, tt.v); got != tt.want {
				t.Errorf("FormatFigure(%s, %v) = %q, want %q", tt.kind, tt.v, got, tt.want)
			}
		})
	}
}

func TestLocality(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"Tỉnh Phú Sơn", "Phú Sơn", true},
		{"Xã An Phú", "An Phú", true},
		{"Thành phố Hồ Chí Minh", "Hồ Chí Minh", true},
		{"Thị trấn Cái Nước", "Cái Nước", true},
		{"UBND huyện Đông Sơn", "Đông Sơn", true},
		{"Ủy ban nhân dân tỉnh Sóc Trăng", "Sóc Trăng", true},
		{"Sở Nội vụ", "", false},
		{"Tỉnh", "", false},
		{"Huyện Đông Sơn ", "Đông Sơn", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := locality(tt.name)
			if got != tt.want || ok != tt.ok {
				t.Errorf("locality(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDocumentHeader(t *testing.T) {
	tests := []struct {
		name                              string
		u                                 ExportUnit
		parent, issuer, abbr, auth, title string
		recipients                        []string
	}{
		{"commune under a district", ExportUnit{Name: "Xã An Phú", Kind: "commune", Parent: "Huyện Đông Sơn", ParentKind: "district"},
			"UBND huyện Đông Sơn", "Ủy ban nhân dân\nXã An Phú", "UBND", "TM. Ủy ban nhân dân", "Chủ tịch",
			[]string{"Sở Nội vụ;", "UBND huyện Đông Sơn;", "Lưu: VT, UBND."}},
		{"department", ExportUnit{Name: "Sở Giáo dục và Đào tạo", Kind: "agency", Parent: "Tỉnh Phú Sơn", ParentKind: "province"},
			"UBND tỉnh Phú Sơn", "Sở Giáo dục và Đào tạo", "SGDĐT", "", "Giám đốc", []string{"Sở Nội vụ;", "Lưu: VT, SGDĐT."}},
		{"Sở Nội vụ reports to the province", ExportUnit{Name: "Sở Nội vụ", Kind: "agency", Parent: "Tỉnh Phú Sơn", ParentKind: "province"},
			"UBND tỉnh Phú Sơn", "Sở Nội vụ", "SNV", "", "Giám đốc", []string{"UBND tỉnh Phú Sơn;", "Lưu: VT, SNV."}},
		{"the province", ExportUnit{Name: "Tỉnh Phú Sơn", Kind: "province"},
			"", "Ủy ban nhân dân\nTỉnh Phú Sơn", "UBND", "TM. Ủy ban nhân dân", "Chủ tịch", []string{"Bộ Nội vụ;", "Lưu: VT, UBND."}},
		{"a committee named as such", ExportUnit{Name: "UBND xã Bình Minh", Kind: "commune", Parent: "UBND huyện Tây Sơn", ParentKind: "district"},
			"UBND huyện Tây Sơn", "Ủy ban nhân dân\nxã Bình Minh", "UBND", "TM. Ủy ban nhân dân", "Chủ tịch",
			[]string{"Sở Nội vụ;", "UBND huyện Tây Sơn;", "Lưu: VT, UBND."}},
		{"public service unit", ExportUnit{Name: "Trung tâm Phục vụ hành chính công", Kind: "public_service", Parent: "Sở Nội vụ", ParentKind: "agency"},
			"Sở Nội vụ", "Trung tâm Phục vụ hành chính công", "TTPVHCC", "", "Thủ trưởng đơn vị",
			[]string{"Sở Nội vụ;", "Lưu: VT, TTPVHCC."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parentBody(tt.u); got != tt.parent {
				t.Errorf("parentBody = %q, want %q", got, tt.parent)
			}
			if got := issuer(tt.u); got != tt.issuer {
				t.Errorf("issuer = %q, want %q", got, tt.issuer)
			}
			if got := Abbreviation(tt.u.Name, tt.u.Kind); got != tt.abbr {
				t.Errorf("Abbreviation = %q, want %q", got, tt.abbr)
			}
			if a, ti := signature(tt.u); a != tt.auth || ti != tt.title {
				t.Errorf("signature = %q %q, want %q %q", a, ti, tt.auth, tt.title)
			}
			if got := recipients(tt.u); strings.Join(got, "|") != strings.Join(tt.recipients, "|") {
				t.Errorf("recipients = %q, want %q", got, tt.recipients)
			}
		})
	}
}

func TestSubject(t *testing.T) {
	tests := []struct {
		title, period, label, want string
	}{
		{"Báo cáo công tác cải cách hành chính", "2026-Q1", "Quý I/2026", "Kết quả công tác cải cách hành chính quý I năm 2026"},
		{"Báo cáo công tác cải cách hành chính", "2026-H1", "6 tháng đầu năm 2026", "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026"},
		{"Thống kê hồ sơ một cửa", "2026", "Năm 2026", "Kết quả thống kê hồ sơ một cửa năm 2026"},
		{"Báo cáo CCHC", "2026-M9", "9 tháng năm 2026", "Kết quả CCHC 9 tháng năm 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			e := Export{FormTitle: tt.title, Period: PeriodRow{Code: tt.period, Title: tt.label}}
			if got := subject(e); got != tt.want {
				t.Errorf("subject = %q, want %q", got, tt.want)
			}
		})
	}
}

// exportDefinition is a form with narratives and figures in two sections.
var exportDefinition = Definition{Sections: []Section{
	{Code: "tthc", Title: "Cải cách thủ tục hành chính",
		Narratives: []Narrative{{Code: "tthc_results", Label: "Kết quả đạt được"}, {Code: "tthc_limits", Label: "Tồn tại, hạn chế"}},
		Indicators: testDefinition.Sections[0].Indicators},
	{Code: "cpdt", Title: "Chính phủ số",
		Narratives: []Narrative{{Code: "cpdt_results", Label: "Kết quả đạt được"}},
		Indicators: []Indicator{{Code: "docs", Label: "Văn bản đi, đến", Kind: KindCount}}},
}}

// docText returns every paragraph and cell text of a Word file.
func docText(t *testing.T, data []byte) string {
	t.Helper()
	doc, err := doctable.Read("bao-cao.docx", data)
	if err != nil {
		t.Fatalf("read the Word file back: %v", err)
	}
	var b strings.Builder
	for _, bl := range doc.Blocks {
		b.WriteString(bl.Text + "\n")
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r.Cells {
					b.WriteString(c.Text + "\n")
				}
			}
		}
	}
	return b.String()
}

func TestExports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		pr := newProvince(t, d)
		fx := fixture{t: t, d: d, tx: d}
		form := fx.form("CCHC", "agency,district,commune", exportDefinition)
		periods := fx.periods("2025-Q1", "2025-Q4", "2026-Q1")
		q1 := periods["2026-Q1"]
		text := func(id int64, code, body string) {
			fx.exec(`INSERT INTO report_texts (report_id, code, body) VALUES (?, ?, ?)`, id, code, body)
		}
		a := fx.report(form, q1, pr.A.ID, StatusSubmitted, ptr(true), map[string]int64{"dossiers_processed": 10, "processed_early": 2,
			"processed_on_time": 6, "processed_late": 2, "budget_spent": 1_500_000, "docs": 1200})
		text(a, "tthc_results", "Niêm yết đầy đủ 100% thủ tục.\nTiếp nhận hồ sơ trực tuyến.")
		text(a, "cpdt_results", "Dùng chữ ký số.")
		b := fx.report(form, q1, pr.B.ID, StatusAccepted, ptr(false), map[string]int64{"dossiers_processed": 5, "processed_on_time": 5})
		text(b, "tthc_results", "Rút ngắn thời gian giải quyết.")
		draft := fx.report(form, q1, pr.D1.ID, StatusDraft, nil, map[string]int64{"dossiers_processed": 99})
		text(draft, "tthc_results", "Bản nháp không được tổng hợp.")
		fx.report(form, periods["2025-Q4"], pr.A.ID, StatusSubmitted, ptr(true), map[string]int64{"dossiers_processed": 4, "processed_on_time": 4})
		fx.report(form, periods["2025-Q1"], pr.A.ID, StatusSubmitted, ptr(true), map[string]int64{"dossiers_processed": 3, "processed_on_time": 1})
		store := NewStore(d)
		store.Today = func() civil.Date { return civil.New(2026, time.March, 5) }

		e, err := store.ConsolidatedExport(ctx, pr.P.ID, q1, form)
		if err != nil {
			t.Fatal(err)
		}
		if !e.Consolidated || e.Unit.Name != "Tỉnh Thử Nghiệm" || e.Unit.Place != "Thử Nghiệm" || e.Unit.Parent != "" {
			t.Errorf("export unit = %+v", e.Unit)
		}
		if e.Tally.SubmittedOnTime != 1 || e.Tally.SubmittedLate != 1 {
			t.Errorf("tally = %+v", e.Tally)
		}
		rows := map[string]FigureRow{}
		for _, s := range e.Figures() {
			for _, r := range s.Rows {
				rows[r.Indicator.Code] = r
			}
		}
		for code, want := range map[string][3]string{
			"dossiers_processed": {"15", "4", "3"},
			"on_time_rate":       {"86,7%", "100%", "33,3%"},
			"docs":               {"1.200", "0", "0"},
		} {
			r := rows[code]
			if got := [3]string{r.Text(), r.PreviousText(), r.LastYearText()}; got != want {
				t.Errorf("%s = %q, want %q", code, got, want)
			}
		}
		var units []string
		for _, u := range e.Texts {
			units = append(units, u.Unit)
		}
		if got := strings.Join(units, "|"); got != "Xã An Phú|Xã Bình Minh" {
			t.Errorf("units with narratives = %s (a draft must not count)", got)
		}
		ns := e.Narratives()
		if len(ns) != 2 || ns[0].Title != "Cải cách thủ tục hành chính" || len(ns[0].Fields) != 1 || len(ns[0].Fields[0].Paragraphs) != 2 {
			t.Fatalf("narratives = %+v", ns)
		}

		var docx bytes.Buffer
		if err := ExportDOCX(&docx, e); err != nil {
			t.Fatal(err)
		}
		got := docText(t, docx.Bytes())
		for _, want := range []string{"ỦY BAN NHÂN DÂN", "TỈNH THỬ NGHIỆM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
			"Số: /BC-UBND", "Thử Nghiệm, ngày 05 tháng 3 năm 2026", "BÁO CÁO", "Kết quả CCHC quý I năm 2026",
			"I. TÌNH HÌNH GỬI BÁO CÁO", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1. Kết quả đạt được",
			"Xã An Phú: Niêm yết đầy đủ 100% thủ tục.", "Tiếp nhận hồ sơ trực tuyến.", "Xã Bình Minh: Rút ngắn thời gian giải quyết.",
			"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, UBND.",
			"Phụ lục I", "BIỂU TỔNG HỢP SỐ LIỆU BÁO CÁO CCHC", "Hồ sơ đã giải quyết", "86,7%", "Phụ lục II", "Huyện Đông Sơn"} {
			if !strings.Contains(got, want) {
				t.Errorf("consolidated Word text lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, "Bản nháp") {
			t.Error("a draft's narrative was compiled")
		}

		var xlsx bytes.Buffer
		if err := ExportXLSX(&xlsx, e); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&xlsx)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		sheet, err := x.GetRows(sheetFigures)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Kỳ trước", "Cùng kỳ năm trước"}; strings.Join(sheet[5], "|") != strings.Join(want, "|") {
			t.Errorf("header row = %q", sheet[5])
		}
		if got := sheet[6]; len(got) < 2 || got[0] != "I" || got[1] != "Cải cách thủ tục hành chính" {
			t.Errorf("first section row = %q", got)
		}
		rate, err := x.GetCellValue(sheetFigures, "D12", excelize.Options{RawCellValue: true})
		if err != nil || !strings.HasPrefix(rate, "0.8666") {
			t.Errorf("rate cell D12 = %q, %v; want the fraction 0.8666…", rate, err)
		}
		if got, _ := x.GetCellValue(sheetFigures, "C8"); got != "Hồ sơ" {
			t.Errorf("measure C8 = %q", got)
		}
		lines, err := x.GetRows(sheetUnits)
		if err != nil || len(lines) < 4 {
			t.Fatalf("units sheet = %v, %v", lines, err)
		}

		// One unit's own report: no unit names before its paragraphs.
		re, err := store.ReportExport(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if re.Consolidated || re.Compared() || re.Unit.Parent != "Huyện Đông Sơn" || re.Unit.Place != "An Phú" {
			t.Errorf("report export = %+v", re.Unit)
		}
		docx.Reset()
		if err := ExportDOCX(&docx, re); err != nil {
			t.Fatal(err)
		}
		got = docText(t, docx.Bytes())
		for _, want := range []string{"UBND HUYỆN ĐÔNG SƠN", "XÃ AN PHÚ", "An Phú, ngày 05 tháng 3 năm 2026",
			"I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Niêm yết đầy đủ 100% thủ tục.", "- Sở Nội vụ;", "- UBND huyện Đông Sơn;", "BIỂU SỐ LIỆU BÁO CÁO CCHC"} {
			if !strings.Contains(got, want) {
				t.Errorf("report Word text lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, "Xã An Phú: ") || strings.Contains(got, "Phụ lục II") {
			t.Errorf("a unit's own report names units or lists them:\n%s", got)
		}
		xlsx.Reset()
		if err := ExportXLSX(&xlsx, re); err != nil {
			t.Fatal(err)
		}
		x2, err := excelize.OpenReader(&xlsx)
		if err != nil {
			t.Fatal(err)
		}
		defer x2.Close()
		if got := x2.GetSheetList(); len(got) != 1 {
			t.Errorf("a unit's workbook has sheets %v", got)
		}

		ids, err := store.ReportIDs(ctx, form.ID, q1.ID, []int64{pr.A.ID, pr.C.ID})
		if err != nil || len(ids) != 1 || ids[pr.A.ID] != a {
			t.Errorf("ReportIDs = %v, %v", ids, err)
		}
		if _, err := store.ReportExport(ctx, 999999); err == nil {
			t.Error("export of a missing report succeeded")
		}
	})
}
