package rule_test

import (
	"testing"

	"cchc/internal/index/rule"
	"cchc/internal/valid"
)

func pts(p rule.Points) *rule.Points { return &p }
func ratio(r float64) *float64       { return &r }
func yes(b bool) *bool               { return &b }

// scoreCase is one scoring of an item: either the points and explanation
// or the Vietnamese error.
type scoreCase struct {
	name    string
	max     rule.Points
	in      rule.Input
	want    rule.Points
	explain string
	err     string
}

func checkScores(t *testing.T, s rule.Spec, tests []scoreCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Score(tt.max, tt.in)
			if tt.err != "" {
				if valid.Message(err) != tt.err {
					t.Fatalf("Score(%v, %+v) = %+v, %v; want error %q", tt.max, tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Score(%v, %+v): %v", tt.max, tt.in, err)
			}
			if got.Points != tt.want || got.Explain != tt.explain {
				t.Errorf("Score(%v, %+v) = %v %q; want %v %q", tt.max, tt.in, got.Points, got.Explain, tt.want, tt.explain)
			}
		})
	}
}

// validateCase is one Validate of a rule for an item of max points: ""
// when it is valid, else the Vietnamese message.
type validateCase struct {
	name string
	spec rule.Spec
	max  rule.Points
	err  string
}

func checkValidate(t *testing.T, tests []validateCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.spec.Validate(tt.max)
			if got := valid.Message(err); got != tt.err || (err == nil) != (tt.err == "") {
				t.Errorf("Validate(%v) = %v; want %q", tt.max, err, tt.err)
			}
		})
	}
}
