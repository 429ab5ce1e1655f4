package rule_test

import (
	"errors"
	"testing"

	"cchc/internal/index/rule"
)

func TestPointsString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p    rule.Points
		want string
	}{
		{0, "0"}, {200, "2"}, {150, "1,5"}, {125, "1,25"}, {25, "0,25"}, {5, "0,05"}, {-100, "-1"}, {-75, "-0,75"}, {1010, "10,1"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("Points(%d).String() = %q, want %q", int64(tt.p), got, tt.want)
		}
	}
}

func TestParsePoints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want rule.Points
		err  bool
	}{
		{"2", 200, false},
		{"1,5", 150, false},
		{"1.25", 125, false},
		{"0,25 điểm", 25, false},
		{" 3 điểm ", 300, false},
		{",5", 50, false},
		{"-1", -100, false},
		{"1,255", 0, true},
		{"", 0, true},
		{"điểm", 0, true},
		{"abc", 0, true},
		{"+1", 0, true},
		{"1-2", 0, true},
		{"99999999999999999999", 0, true},
	}
	for _, tt := range tests {
		got, err := rule.ParsePoints(tt.in)
		if tt.err {
			if !errors.Is(err, rule.ErrPoints) {
				t.Errorf("ParsePoints(%q) = %v, %v; want ErrPoints", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParsePoints(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestPointsFloat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f    float64
		want rule.Points
	}{{1.25, 125}, {0.1 + 0.2, 30}, {2, 200}, {-0.5, -50}}
	for _, tt := range tests {
		if got := rule.FromFloat(tt.f); got != tt.want {
			t.Errorf("FromFloat(%v) = %d, want %d", tt.f, got, tt.want)
		}
		if got := rule.FromFloat(tt.f).Float(); rule.FromFloat(got) != tt.want {
			t.Errorf("FromFloat(%v).Float() = %v does not round trip", tt.f, got)
		}
	}
}
