package web

import (
	"net/url"
	"reflect"
	"testing"

	"cchc/internal/report"
)

func TestParseDesign(t *testing.T) {
	tests := []struct {
		name string
		form url.Values
		want report.Definition
	}{
		{"nothing", url.Values{"title": {"x"}}, report.Definition{}},
		{"rows ordered by index, with gaps", url.Values{
			"sections[5].code": {"b"}, "sections[5].title": {"B"},
			"sections[0].code": {"a"}, "sections[0].title": {"A"}, "sections[0].area": {"tthc"},
			"sections[0].indicators[1000].code": {"late"}, "sections[0].indicators[1000].kind": {"count"},
			"sections[0].indicators[2].code": {"early"}, "sections[0].indicators[2].kind": {"count"},
			"sections[0].indicators[2].unit_kinds": {"commune", "district"},
			"sections[0].indicators[7].code":       {"rate"}, "sections[0].indicators[7].kind": {"rate"},
			"sections[0].indicators[7].formula": {"early / late"},
			"sections[0].narratives[3].code":    {"kq"}, "sections[0].narratives[3].label": {"Kết quả"},
			"sections[0].narratives[3].prefill": {"tasks"},
			"rules[4].expr":                     {"early <= late"}, "rules[1].expr": {"late >= 0"}, "rules[1].message": {"Sai."},
			"sections[x].code": {"ignored"}, "op": {"add-rule"},
		}, report.Definition{
			Sections: []report.Section{
				{Code: "a", Title: "A", Area: "tthc",
					Narratives: []report.Narrative{{Code: "kq", Label: "Kết quả", Prefill: "tasks"}},
					Indicators: []report.Indicator{
						{Code: "early", Kind: "count", UnitKinds: []string{"commune", "district"}},
						{Code: "rate", Kind: "rate", Formula: "early / late"},
						{Code: "late", Kind: "count"},
					}},
				{Code: "b", Title: "B", Narratives: []report.Narrative{}, Indicators: []report.Indicator{}},
			},
			Rules: []report.Rule{{Expr: "late >= 0", Message: "Sai."}, {Expr: "early <= late"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseDesign(tt.form); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseDesign =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestApplyDesignOp(t *testing.T) {
	base := func() report.Definition {
		return report.Definition{Sections: []report.Section{
			{Code: "a", Narratives: []report.Narrative{{Code: "n1"}, {Code: "n2"}}, Indicators: []report.Indicator{{Code: "i1"}, {Code: "i2"}}},
			{Code: "b"},
		}, Rules: []report.Rule{{Expr: "r1"}, {Expr: "r2"}}}
	}
	// shape is sections, narratives and indicators of section 0, rules.
	shape := func(d report.Definition) [4]int {
		return [4]int{len(d.Sections), len(d.Sections[0].Narratives), len(d.Sections[0].Indicators), len(d.Rules)}
	}
	tests := []struct {
		op   string
		ok   bool
		want [4]int
	}{
		{"add-section", true, [4]int{3, 2, 2, 2}},
		{"remove-section/1", true, [4]int{1, 2, 2, 2}},
		{"add-narrative/0", true, [4]int{2, 3, 2, 2}},
		{"remove-narrative/0/1", true, [4]int{2, 1, 2, 2}},
		{"add-indicator/0", true, [4]int{2, 2, 3, 2}},
		{"remove-indicator/0/0", true, [4]int{2, 2, 1, 2}},
		{"add-rule", true, [4]int{2, 2, 2, 3}},
		{"remove-rule/1", true, [4]int{2, 2, 2, 1}},
		{"remove-section/9", false, [4]int{2, 2, 2, 2}},
		{"remove-indicator/0/5", false, [4]int{2, 2, 2, 2}},
		{"remove-rule/-1", false, [4]int{2, 2, 2, 2}},
		{"add-indicator", false, [4]int{2, 2, 2, 2}},
		{"drop-table", false, [4]int{2, 2, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			d := base()
			if ok := applyDesignOp(&d, tt.op); ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if got := shape(d); got != tt.want {
				t.Errorf("shape = %v, want %v", got, tt.want)
			}
		})
	}
	d := base()
	applyDesignOp(&d, "remove-indicator/0/0")
	if d.Sections[0].Indicators[0].Code != "i2" {
		t.Errorf("removed the wrong indicator: %+v", d.Sections[0].Indicators)
	}
}

func TestTypeRules(t *testing.T) {
	types := report.DefaultTypes()
	tests := []struct {
		name string
		t    report.ReportType
		want string
	}{
		{"quarterly", types[0], "Đơn vị gửi Sở Nội vụ trước ngày 05 tháng cuối quý; Sở Nội vụ gửi UBND tỉnh trước ngày 10 tháng cuối quý."},
		{"half year", types[1], "Đơn vị gửi Sở Nội vụ trước ngày 05/06 (6 tháng đầu năm) và 05/12 (6 tháng cuối năm); Sở Nội vụ gửi UBND tỉnh trước ngày 10/06 (6 tháng đầu năm) và 10/12 (6 tháng cuối năm)."},
		{"nine months", types[2], "Đơn vị gửi Sở Nội vụ trước ngày 05/09; Sở Nội vụ gửi UBND tỉnh trước ngày 10/09."},
		{"annual", types[3], "Đơn vị gửi Sở Nội vụ trước ngày 25/11; Sở Nội vụ gửi UBND tỉnh trước ngày 02/12."},
		{"ad hoc", types[4], "Không có kỳ cố định: hạn gửi ghi trong văn bản yêu cầu báo cáo."},
		{"next quarter, Sở Nội vụ with units", report.ReportType{PeriodKind: report.PeriodQuarter, UnitDeadlineDay: 3, UnitDeadlineOffset: 1},
			"Đơn vị gửi Sở Nội vụ trước ngày 03 tháng đầu quý sau; Sở Nội vụ gửi UBND tỉnh cùng hạn với đơn vị."},
		{"annual, January next year", report.ReportType{PeriodKind: report.PeriodYear, UnitDeadlineDay: 10, UnitDeadlineOffset: 1, SNVDeadlineDay: 20, SNVDeadlineOffset: 1},
			"Đơn vị gửi Sở Nội vụ trước ngày 10/01 năm sau; Sở Nội vụ gửi UBND tỉnh trước ngày 20/01 năm sau."},
		{"day 31 of June", report.ReportType{PeriodKind: report.PeriodHalf, UnitDeadlineDay: 31, SNVDeadlineDay: 31},
			"Đơn vị gửi Sở Nội vụ trước ngày 30/06 (6 tháng đầu năm) và 31/12 (6 tháng cuối năm); Sở Nội vụ gửi UBND tỉnh trước ngày 30/06 (6 tháng đầu năm) và 31/12 (6 tháng cuối năm)."},
		{"end of the period", report.ReportType{PeriodKind: report.PeriodQuarter},
			"Đơn vị gửi Sở Nội vụ trước ngày cuối quý; Sở Nội vụ gửi UBND tỉnh cùng hạn với đơn vị."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := typeRules(tt.t); got != tt.want {
				t.Errorf("typeRules =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
	if got, want := cutoffRule(types[0]), "Từ ngày 15 tháng trước quý đến ngày 14 tháng cuối quý."; got != want {
		t.Errorf("cutoffRule = %q, want %q", got, want)
	}
}
