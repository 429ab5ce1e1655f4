package report

import (
	"math"
	"strings"
	"testing"

	"cchc/internal/valid"
)

// testDefinition is a small form: dossiers processed early / on time /
// late, feedback, a rate, and two rules.
func formTestDefinition() Definition {
	return Definition{
		Sections: []Section{
			{Code: "tthc", Title: "Cải cách thủ tục hành chính", Area: "tthc",
				Narratives: []Narrative{{Code: "tthc_results", Label: "Kết quả", Prefill: "tasks"}},
				Indicators: []Indicator{
					{Code: "processed", Label: "Hồ sơ đã giải quyết", Kind: KindCount},
					{Code: "early", Label: "Trước hạn", Kind: KindCount},
					{Code: "on_time", Label: "Đúng hạn", Kind: KindCount},
					{Code: "late", Label: "Quá hạn", Kind: KindCount},
					{Code: "on_time_rate", Label: "Tỷ lệ đúng hạn", Kind: KindRate, Formula: "(early + on_time) / processed"},
				}},
			{Code: "feedback", Title: "Phản ánh, kiến nghị",
				Indicators: []Indicator{
					{Code: "received", Label: "Tiếp nhận", Kind: KindCount},
					{Code: "handled", Label: "Đã xử lý", Kind: KindCount},
					{Code: "handled_rate", Label: "Tỷ lệ xử lý", Kind: KindRate, Formula: "handled / received"},
					{Code: "spent", Label: "Kinh phí", Kind: KindMoney},
				}},
		},
		Rules: []Rule{
			{Expr: "early + on_time + late = processed", Message: "Tổng hồ sơ trước hạn, đúng hạn và quá hạn phải bằng số hồ sơ đã giải quyết."},
			{Expr: "handled <= received"},
		},
	}
}

func TestDefinitionIndicators(t *testing.T) {
	d := formTestDefinition()
	var codes []string
	for _, in := range d.Indicators() {
		codes = append(codes, in.Code)
	}
	if got := strings.Join(codes, ","); got != "processed,early,on_time,late,on_time_rate,received,handled,handled_rate,spent" {
		t.Errorf("Indicators = %s", got)
	}
	if n := d.Narratives(); len(n) != 1 || n[0].Code != "tthc_results" {
		t.Errorf("Narratives = %+v", n)
	}
	tests := []struct {
		code string
		ok   bool
		kind string
	}{
		{"handled_rate", true, KindRate},
		{"spent", true, KindMoney},
		{"tthc_results", false, ""}, // a narrative is not an indicator
		{"nothing", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			in, ok := d.Indicator(tt.code)
			if ok != tt.ok || in.Kind != tt.kind {
				t.Errorf("Indicator(%q) = %+v, %v; want kind %q, %v", tt.code, in, ok, tt.kind, tt.ok)
			}
		})
	}
}

func TestDefinitionRates(t *testing.T) {
	d := formTestDefinition()
	tests := []struct {
		name   string
		values map[string]int64
		want   map[string]float64 // missing: nil
	}{
		{"both defined", map[string]int64{"processed": 10, "early": 3, "on_time": 5, "received": 4, "handled": 4},
			map[string]float64{"on_time_rate": 0.8, "handled_rate": 1}},
		{"zero denominators", map[string]int64{"processed": 0, "early": 0, "received": 0},
			map[string]float64{}},
		{"no values", nil, map[string]float64{}},
		{"one defined", map[string]int64{"processed": 4, "on_time": 1},
			map[string]float64{"on_time_rate": 0.25}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Rates(tt.values)
			if len(got) != 2 {
				t.Fatalf("Rates has %d entries; want one per rate (2): %v", len(got), got)
			}
			for code, r := range got {
				want, defined := tt.want[code]
				switch {
				case !defined && r != nil:
					t.Errorf("%s = %v; want nil", code, *r)
				case defined && r == nil:
					t.Errorf("%s = nil; want %v", code, want)
				case defined && math.Abs(*r-want) > 1e-12:
					t.Errorf("%s = %v; want %v", code, *r, want)
				}
			}
		})
	}
}

func TestDefinitionCheck(t *testing.T) {
	d := formTestDefinition()
	d.Rules = append(d.Rules,
		Rule{Expr: "on_time_rate >= 0.5", Message: "Tỷ lệ đúng hạn thấp."},
		Rule{Expr: "early <= processed", Message: "Trước hạn vượt tổng."}, // same first code as rule 0
	)
	tests := []struct {
		name   string
		values map[string]int64
		want   map[string]string
	}{
		{"all hold", map[string]int64{"processed": 10, "early": 3, "on_time": 5, "late": 2, "received": 4, "handled": 4}, map[string]string{}},
		{"empty form holds", nil, map[string]string{}},
		{"sum differs", map[string]int64{"processed": 10, "early": 3, "on_time": 5, "late": 1},
			map[string]string{"value.early": "Tổng hồ sơ trước hạn, đúng hạn và quá hạn phải bằng số hồ sơ đã giải quyết."}},
		{"handled above received, generated message", map[string]int64{"received": 2, "handled": 3},
			map[string]string{"value.handled": "Số liệu không thỏa điều kiện “handled <= received”."}},
		{"low rate", map[string]int64{"processed": 10, "late": 10},
			map[string]string{"value.on_time_rate": "Tỷ lệ đúng hạn thấp."}},
		{"first message kept", map[string]int64{"processed": 1, "early": 2},
			map[string]string{"value.early": "Tổng hồ sơ trước hạn, đúng hạn và quá hạn phải bằng số hồ sơ đã giải quyết."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Check(tt.values)
			if len(got) != len(tt.want) {
				t.Fatalf("Check = %v; want %v", got, tt.want)
			}
			for k, msg := range tt.want {
				if got[k] != msg {
					t.Errorf("Check[%s] = %q; want %q", k, got[k], msg)
				}
			}
		})
	}
}

func TestDefinitionValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(d *Definition)
		key  string // "" = valid
	}{
		{"valid", func(*Definition) {}, ""},
		{"default form", func(d *Definition) { *d = DefaultForm().Definition }, ""},
		{"no sections", func(d *Definition) { d.Sections = nil; d.Rules = nil }, "sections"},
		{"section without title", func(d *Definition) { d.Sections[1].Title = " " }, "sections[1].title"},
		{"section code bad", func(d *Definition) { d.Sections[0].Code = "TTHC" }, "sections[0].code"},
		{"section code repeated", func(d *Definition) { d.Sections[1].Code = "tthc" }, "sections[1].code"},
		{"field code empty", func(d *Definition) { d.Sections[0].Narratives[0].Code = "" }, "sections[0].narratives[0].code"},
		{"field code starts with digit", func(d *Definition) { d.Sections[1].Indicators[3].Code = "1a" }, "sections[1].indicators[3].code"},
		{"field code repeated across sections", func(d *Definition) { d.Sections[1].Indicators[3].Code = "early" }, "sections[1].indicators[3].code"},
		{"narrative and indicator share a code", func(d *Definition) { d.Sections[0].Narratives[0].Code = "processed" }, "sections[0].indicators[0].code"},
		{"narrative without label", func(d *Definition) { d.Sections[0].Narratives[0].Label = "" }, "sections[0].narratives[0].label"},
		{"indicator without label", func(d *Definition) { d.Sections[1].Indicators[0].Label = "" }, "sections[1].indicators[0].label"},
		{"unknown kind", func(d *Definition) { d.Sections[1].Indicators[3].Kind = "percent" }, "sections[1].indicators[3].kind"},
		{"count with formula", func(d *Definition) { d.Sections[1].Indicators[0].Formula = "handled" }, "sections[1].indicators[0].formula"},
		{"rate without formula", func(d *Definition) { d.Sections[1].Indicators[2].Formula = "" }, "sections[1].indicators[2].formula"},
		{"rate formula broken", func(d *Definition) { d.Sections[1].Indicators[2].Formula = "handled /" }, "sections[1].indicators[2].formula"},
		{"rate formula compares", func(d *Definition) { d.Sections[1].Indicators[2].Formula = "handled <= received" }, "sections[1].indicators[2].formula"},
		{"rate over unknown code", func(d *Definition) { d.Sections[1].Indicators[2].Formula = "handled / total" }, "sections[1].indicators[2].formula"},
		{"rate over a rate", func(d *Definition) { d.Sections[1].Indicators[2].Formula = "on_time_rate / 2" }, "sections[1].indicators[2].formula"},
		{"rate over a narrative", func(d *Definition) { d.Sections[1].Indicators[2].Formula = "tthc_results / 2" }, "sections[1].indicators[2].formula"},
		{"rate prefilled", func(d *Definition) { d.Sections[1].Indicators[2].Prefill = "tasks_due" }, "sections[1].indicators[2].prefill"},
		{"rule empty", func(d *Definition) { d.Rules[1].Expr = "" }, "rules[1].expr"},
		{"rule broken", func(d *Definition) { d.Rules[0].Expr = "early + = processed" }, "rules[0].expr"},
		{"rule without comparison", func(d *Definition) { d.Rules[0].Expr = "early + on_time" }, "rules[0].expr"},
		{"rule without codes", func(d *Definition) { d.Rules[0].Expr = "1 <= 2" }, "rules[0].expr"},
		{"rule names unknown code", func(d *Definition) { d.Rules[1].Expr = "handled <= total" }, "rules[1].expr"},
		{"rule names a narrative", func(d *Definition) { d.Rules[1].Expr = "handled <= tthc_results" }, "rules[1].expr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := formTestDefinition()
			tt.edit(&d)
			err := d.Validate()
			if tt.key == "" {
				if err != nil {
					t.Fatalf("Validate = %v; want nil", err)
				}
				return
			}
			errs, ok := valid.As(err)
			if !ok {
				t.Fatalf("Validate = %v; want valid.Errors", err)
			}
			if errs[tt.key] == "" {
				t.Errorf("Validate = %v; want a message for %s", errs, tt.key)
			}
			if len(errs) != 1 {
				t.Errorf("Validate = %v; want only %s", errs, tt.key)
			}
		})
	}
}

func TestValidCode(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"a", true}, {"_x", true}, {"on_time_rate", true}, {"a1", true},
		{"", false}, {"1a", false}, {"A", false}, {"a-b", false}, {"số", false}, {"a b", false},
		{strings.Repeat("a", 64), true}, {strings.Repeat("a", 65), false},
	}
	for _, tt := range tests {
		if got := ValidCode(tt.code); got != tt.want {
			t.Errorf("ValidCode(%q) = %v; want %v", tt.code, got, tt.want)
		}
	}
}
