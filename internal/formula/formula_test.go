package formula

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestParseAndValue(t *testing.T) {
	vals := map[string]float64{"a": 6, "b": 3, "c": 0, "early": 2, "on_time": 5, "processed": 10}
	tests := []struct {
		in     string
		want   float64
		ok     bool
		vars   []string
		canon  string
		isRule bool
	}{
		{"1", 1, true, nil, "1", false},
		{"2.5", 2.5, true, nil, "2.5", false},
		{"a + b * 2", 12, true, []string{"a", "b"}, "a + b * 2", false},
		{"(a + b) * 2", 18, true, []string{"a", "b"}, "(a + b) * 2", false},
		{"a - b - 1", 2, true, []string{"a", "b"}, "a - b - 1", false},
		{"a - (b - 1)", 4, true, []string{"a", "b"}, "a - (b - 1)", false},
		{"a / b / 2", 1, true, []string{"a", "b"}, "a / b / 2", false},
		{"a/(b/3)", 6, true, []string{"a", "b"}, "a / (b / 3)", false},
		{"-a + +b", -3, true, []string{"a", "b"}, "-a + b", false},
		{"-(a + b)", -9, true, []string{"a", "b"}, "-(a + b)", false},
		{"(early + on_time) / processed", 0.7, true, []string{"early", "on_time", "processed"}, "(early + on_time) / processed", false},
		{"a / c", 0, false, []string{"a", "c"}, "a / c", false},
		{"c / c", 0, false, []string{"c"}, "c / c", false},
		{"missing + 1", 1, true, []string{"missing"}, "missing + 1", false},
		{"a+a+b", 15, true, []string{"a", "b"}, "a + a + b", false},
		{"  a\t*\nb ", 18, true, []string{"a", "b"}, "a * b", false},
		{"_x1 + 0", 0, true, []string{"_x1"}, "_x1 + 0", false},
		{"a <= b", 0, true, []string{"a", "b"}, "a <= b", true},
		{"a >= b", 1, true, []string{"a", "b"}, "a >= b", true},
		{"a < b", 0, true, []string{"a", "b"}, "a < b", true},
		{"a > b", 1, true, []string{"a", "b"}, "a > b", true},
		{"early + on_time + c = 7", 1, true, []string{"early", "on_time", "c"}, "early + on_time + c = 7", true},
		{"a != b * 2", 0, true, []string{"a", "b"}, "a != b * 2", true},
		{"a / c <= 1", 0, false, []string{"a", "c"}, "a / c <= 1", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			e, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			got, ok := e.Value(vals)
			if ok != tt.ok || math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("Value = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
			if !slices.Equal(e.Vars(), tt.vars) {
				t.Errorf("Vars = %q; want %q", e.Vars(), tt.vars)
			}
			if e.String() != tt.canon {
				t.Errorf("String = %q; want %q", e.String(), tt.canon)
			}
			if e.Compare() != tt.isRule {
				t.Errorf("Compare = %v; want %v", e.Compare(), tt.isRule)
			}
		})
	}
}

func TestHolds(t *testing.T) {
	tests := []struct {
		rule string
		vals map[string]float64
		want bool
	}{
		{"handled <= received", map[string]float64{"handled": 3, "received": 5}, true},
		{"handled <= received", map[string]float64{"handled": 5, "received": 5}, true},
		{"handled <= received", map[string]float64{"handled": 6, "received": 5}, false},
		{"handled < received", map[string]float64{"handled": 5, "received": 5}, false},
		{"handled > received", map[string]float64{"handled": 6, "received": 5}, true},
		{"handled >= received", map[string]float64{"handled": 4, "received": 5}, false},
		{"a + b + c = p", map[string]float64{"a": 1, "b": 2, "c": 3, "p": 6}, true},
		{"a + b + c = p", map[string]float64{"a": 1, "b": 2, "c": 3, "p": 7}, false},
		{"a + b + c = p", nil, true},
		{"a != b", map[string]float64{"a": 1}, true},
		{"0.1 + 0.2 = 0.3", nil, true},
		{"a / b <= 1", map[string]float64{"a": 5}, true}, // undefined: nothing to contradict
		{"a - b", map[string]float64{"a": 2, "b": 1}, true},
		{"a - b", map[string]float64{"a": 1, "b": 1}, false},
		{"a / b", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			e, err := Parse(tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			if got := e.Holds(tt.vals); got != tt.want {
				t.Errorf("Holds(%v) = %v; want %v", tt.vals, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in  string
		pos int
	}{
		{"", 0},
		{"   ", 0},
		{"a +", 3},
		{"a + * b", 4},
		{"(a + b", 6},
		{"a + b)", 5},
		{"a b", 2},
		{"2a", 1},
		{"Abc", 0},
		{"abC", 2},
		{"số_hồ_sơ", 1},
		{"a <= b <= c", 7},
		{"a = b = c", 6},
		{"a ! b", 2},
		{"a == b", 3},
		{"a % b", 2},
		{"1.2.3", 0},
		{".", 0},
		{"<= b", 0},
		{"a <=", 4},
		{"()", 1},
		{"a, b", 1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			e, err := Parse(tt.in)
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("Parse(%q) = %v, %v; want *Error", tt.in, e, err)
			}
			if e != nil {
				t.Errorf("Parse(%q) returned an expression with an error", tt.in)
			}
			if fe.Pos != tt.pos {
				t.Errorf("Parse(%q) error at %d (%s); want %d", tt.in, fe.Pos, fe.Msg, tt.pos)
			}
			if fe.Msg == "" || fe.Error() == "" {
				t.Errorf("Parse(%q): empty message", tt.in)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	deep := ""
	for range maxDepth + 2 {
		deep += "("
	}
	deep += "a"
	for range maxDepth + 2 {
		deep += ")"
	}
	long := "a"
	for len(long) <= maxLen {
		long += "+a"
	}
	for name, in := range map[string]string{"deep": deep, "long": long} {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse(in); err == nil {
				t.Errorf("Parse(%s input) succeeded; want an error", name)
			}
		})
	}
}
