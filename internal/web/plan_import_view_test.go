package web

import (
	"testing"
	"time"

	"cchc/internal/civil"
	"cchc/internal/doctable"
	"cchc/internal/importer"
	"cchc/internal/plan"
	"cchc/internal/schedule"
)

func paragraphs(texts ...string) doctable.Document {
	doc := doctable.Document{Format: doctable.TXT}
	for _, t := range texts {
		doc.Blocks = append(doc.Blocks, doctable.Block{Text: t})
	}
	return doc
}

func TestDocumentTitle(t *testing.T) {
	tests := []struct {
		name string
		doc  doctable.Document
		want string
	}{
		{"capitals over the subject", paragraphs("ỦY BAN NHÂN DÂN", "KẾ HOẠCH",
			"THỰC HIỆN CHƯƠNG TRÌNH TỔNG THỂ CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2011 - 2015"),
			"Kế hoạch thực hiện chương trình tổng thể cải cách hành chính giai đoạn 2011 - 2015"},
		{"capitals over a subject in sentence case", paragraphs("KẾ HOẠCH", "Cải cách hành chính năm 2027"),
			"Kế hoạch cải cách hành chính năm 2027"},
		{"one paragraph", paragraphs("Số: 09/KH-UBND", "Kế hoạch cải cách hành chính năm 2026 của tỉnh"),
			"Kế hoạch cải cách hành chính năm 2026 của tỉnh"},
		{"a programme", paragraphs("CHƯƠNG TRÌNH CẢI CÁCH HÀNH CHÍNH 2021 - 2030"),
			"Chương trình cải cách hành chính 2021 - 2030"},
		{"the note under the title is not the subject", paragraphs("KẾ HOẠCH", "(Ban hành kèm theo Quyết định số 1525/QĐ-UBND)"),
			"Kế hoạch"},
		{"no title", paragraphs("QUYẾT ĐỊNH", "Điều 1. Ban hành kèm theo"), ""},
		{"tables are not titles", doctable.Document{Blocks: []doctable.Block{{Table: &doctable.Table{}}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := documentTitle(tt.doc); got != tt.want {
				t.Errorf("documentTitle = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUnitCodeOf(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Đài Phát thanh và Truyền hình tỉnh", "DPTVTHT"},
		{"Báo Thử Nghiệm", "BTN"},
		{"Ban Quản lý các khu công nghiệp 2", "BQLCKCN2"},
		{"“ ” –", "DV"},
		{"Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba mười bốn mười lăm mười sáu", "MHBBNSBTCMMMMHMB"},
	}
	for _, tt := range tests {
		if got := unitCodeOf(tt.name); got != tt.want {
			t.Errorf("unitCodeOf(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestScheduleDates(t *testing.T) {
	tests := []struct {
		text string
		year int
		want string
	}{
		{"Trước tháng 6 năm 2027", 0, "hạn 31/05/2027"},
		{"Năm 2027", 0, "01/01/2027 – 31/12/2027"},
		{"Từ năm 2012", 0, "từ 01/01/2012"},
		{"2012, 2015", 0, "các mốc 31/12/2012, 31/12/2015"},
		{"Thường xuyên", 2027, ""},
		{"Theo quy định", 2027, "không có thời hạn cố định"},
		{"07 tháng kể từ ngày VP Chính phủ hướng dẫn phiên bản mới", 2027, "chờ sự kiện, chưa có ngày"},
	}
	for _, tt := range tests {
		if got := scheduleDates(schedule.Parse(tt.text, tt.year)); got != tt.want {
			t.Errorf("scheduleDates(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestChoiceValue(t *testing.T) {
	tests := []struct {
		value  string
		choice importer.Choice
		ok     bool
	}{
		{"u:12", importer.Choice{UnitID: 12}, true},
		{"g:3", importer.Choice{GroupID: 3}, true},
		{"u:0", importer.Choice{}, false},
		{"x:3", importer.Choice{}, false},
		{"12", importer.Choice{}, false},
		{"", importer.Choice{}, false},
	}
	for _, tt := range tests {
		c, ok := parseChoiceValue(tt.value)
		if c != tt.choice || ok != tt.ok {
			t.Errorf("parseChoiceValue(%q) = %+v, %v; want %+v, %v", tt.value, c, ok, tt.choice, tt.ok)
		}
		if ok && choiceValue(c) != tt.value {
			t.Errorf("choiceValue(%+v) = %q, want %q", c, choiceValue(c), tt.value)
		}
	}
}

func TestDraftYear(t *testing.T) {
	annual := plan.Plan{Kind: plan.KindAnnual, PeriodStart: civil.New(2027, time.January, 1), PeriodEnd: civil.New(2027, time.December, 31)}
	fiveYear := plan.Plan{Kind: plan.KindFiveYear, PeriodStart: civil.New(2026, time.January, 1), PeriodEnd: civil.New(2030, time.December, 31)}
	tests := []struct {
		name     string
		settings importer.DraftSettings
		plan     *plan.Plan
		want     int
	}{
		{"the year given wins", importer.DraftSettings{Year: 2028}, &annual, 2028},
		{"an annual plan's year", importer.DraftSettings{}, &annual, 2027},
		{"a five-year plan leaves it to the document", importer.DraftSettings{}, &fiveYear, 0},
		{"a new plan of one year", importer.DraftSettings{NewPlan: &importer.NewPlan{FromYear: 2027, ToYear: 2027}}, nil, 2027},
		{"a new plan of several years", importer.DraftSettings{NewPlan: &importer.NewPlan{FromYear: 2026, ToYear: 2030}}, nil, 0},
	}
	for _, tt := range tests {
		if got := draftYear(tt.settings, tt.plan); got != tt.want {
			t.Errorf("%s: draftYear = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestImportSummary(t *testing.T) {
	tests := []struct {
		sum  importer.Summary
		want string
	}{
		{importer.Summary{Created: 12}, "Đã nhập 12 nhiệm vụ (0 cập nhật) từ tệp “kh.docx”."},
		{importer.Summary{Created: 1, Updated: 11, Kept: 2},
			"Đã nhập 12 nhiệm vụ (11 cập nhật) từ tệp “kh.docx”. 2 nhiệm vụ của lần nhập trước không còn trong tệp nên được giữ nguyên."},
		{importer.Summary{Created: 3, AreasCreated: []string{"A", "B", "C", "D", "E"}},
			"Đã nhập 3 nhiệm vụ (0 cập nhật) từ tệp “kh.docx”. Đã thêm lĩnh vực riêng của kế hoạch: A; B; C và 2 lĩnh vực khác."},
	}
	for _, tt := range tests {
		if got := importSummary(tt.sum, "kh.docx"); got != tt.want {
			t.Errorf("importSummary(%+v) =\n %q\nwant\n %q", tt.sum, got, tt.want)
		}
	}
}

func TestImportUnitStart(t *testing.T) {
	today := civil.New(2026, time.June, 15)
	past := plan.Plan{PeriodStart: civil.New(2021, time.January, 1)}
	future := plan.Plan{PeriodStart: civil.New(2027, time.January, 1)}
	tests := []struct {
		name     string
		settings importer.DraftSettings
		plan     *plan.Plan
		want     civil.Date
	}{
		{"the plan year given", importer.DraftSettings{Year: 2025}, &past, civil.New(2025, time.January, 1)},
		{"the plan's first day", importer.DraftSettings{}, &past, civil.New(2021, time.January, 1)},
		{"the new plan's first year", importer.DraftSettings{NewPlan: &importer.NewPlan{FromYear: 2024, ToYear: 2026}}, nil,
			civil.New(2024, time.January, 1)},
		{"a plan that has not started", importer.DraftSettings{}, &future, today},
		{"nothing known", importer.DraftSettings{}, nil, today},
	}
	for _, tt := range tests {
		if got := importUnitStart(tt.settings, tt.plan, today); got != tt.want {
			t.Errorf("%s: importUnitStart = %s, want %s", tt.name, got.VN(), tt.want.VN())
		}
	}
}
