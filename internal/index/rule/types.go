package rule

import (
	"fmt"

	"cchc/internal/valid"
)

// What a rule needs to score an item (Spec.Needs): the field of Input a
// form asks for. The values are the JSON names of Input's fields.
const (
	NeedPoints     = "points"     // Input.Points: the points themselves
	NeedYes        = "yes"        // Input.Yes
	NeedRatio      = "ratio"      // Input.Ratio, 0..1
	NeedTimeliness = "timeliness" // Input.Timeliness: OnTime, Late or NotDone
	NeedAnswer     = "answer"     // Input.Answer: A, B, C or D
	NeedAuto       = "auto"       // nothing typed: cchc computes the Input from its data
)

// scorer is one type of rule. Each lives in its own file; the table below
// lists them.
type scorer interface {
	label() string
	needs() string
	// validate reports what keeps s from scoring an item of max points;
	// max is anyMax when it is not known (Parse), and never otherwise
	// negative.
	validate(s Spec, max Points) error
	// score is called only with a valid s and max.
	score(s Spec, max Points, in Input) (Result, error)
	// describe writes s in Vietnamese, with max written in words when it
	// is anyMax ("điểm tối đa") and as a number otherwise.
	describe(s Spec, max Points) string
	// parse reads text written by describe (with or without a max) and
	// its usual hand-written variants. It returns errNotMine when the
	// text is not of its type, and a Vietnamese reason otherwise.
	parse(text string) (Spec, error)
}

// ruleTypes is the table of rule types, in the order forms list them and
// Parse tries them. It is never modified. Adding a type is a file with a
// scorer and one line here.
var ruleTypes = []struct {
	name   string
	scorer scorer
}{
	{TypeManual, manual{}},
	{TypeYesNo, yesNo{}},
	{TypeTiers, tiers{}},
	{TypeProportional, proportional{}},
	{TypeTimeliness, timeliness{}},
	{TypeSurvey, survey{}},
	{TypeAuto, auto{}},
}

// maxAllowed bounds the points of an item (one million), far above any
// framework's and low enough that no sum or product of Points overflows.
const maxAllowed Points = 100_000_000

// anyMax stands for a maximum that is not known yet (Parse, Describe).
const anyMax Points = -1

// lookup returns the scorer of type t. The empty type is manual, so the
// zero Spec is a usable rule.
func lookup(t string) (scorer, bool) {
	if t == "" {
		t = TypeManual
	}
	for _, rt := range ruleTypes {
		if rt.name == t {
			return rt.scorer, true
		}
	}
	return nil, false
}

// Types returns the names of the rule types, in the order forms list them.
func Types() []string {
	out := make([]string, len(ruleTypes))
	for i, rt := range ruleTypes {
		out[i] = rt.name
	}
	return out
}

// TypeLabel returns the Vietnamese name of rule type t ("Có/không"), or t
// itself when t is not a rule type.
func TypeLabel(t string) string {
	if sc, ok := lookup(t); ok {
		return sc.label()
	}
	return t
}

func badType(t string) error {
	return valid.Problemf(fmt.Sprintf("Loại quy tắc chấm điểm không hợp lệ: “%s”.", t))
}

// Validate reports, in Vietnamese (a valid.Problem), why s cannot score an
// item of max points: an unknown type, tiers that overlap or give more
// than max, a step that does not divide max, and so on. It returns nil when
// Score can score such an item.
func (s Spec) Validate(max Points) error {
	sc, ok := lookup(s.Type)
	if !ok {
		return badType(s.Type)
	}
	if max < 0 {
		return valid.Problemf("Điểm tối đa không được âm.")
	}
	if max > maxAllowed {
		return valid.Problemf(fmt.Sprintf("Điểm tối đa %s quá lớn.", max))
	}
	return sc.validate(s, max)
}

// Score scores an item of max points from in. The error is a Vietnamese
// valid.Problem: the rule does not Validate, or in lacks what the rule
// needs (see Needs) or holds it out of range. Score never returns more
// than max or less than 0 points.
func (s Spec) Score(max Points, in Input) (Result, error) {
	if err := s.Validate(max); err != nil {
		return Result{}, err
	}
	sc, _ := lookup(s.Type)
	return sc.score(s, max, in)
}

// Needs returns the field of Input the rule scores (NeedPoints, NeedYes,
// NeedRatio, NeedTimeliness, NeedAnswer), NeedAuto for an automatic rule,
// or "" for an unknown type.
func (s Spec) Needs() string {
	if sc, ok := lookup(s.Type); ok {
		return sc.needs()
	}
	return ""
}

// Describe writes the rule in Vietnamese without knowing the item's
// maximum ("Có: điểm tối đa; không: 0 điểm"; "Trên 90%: 2 điểm; từ 70%
// đến 90%: 1 điểm; dưới 70%: 0 điểm"). Parse reads it back to the same
// Spec (defaults written out are read back as defaults).
func (s Spec) Describe() string { return s.describe(anyMax) }

// DescribeFor writes the rule in Vietnamese for an item of max points,
// with numbers where Describe has words ("Có: 1 điểm; không: 0 điểm";
// "Chấm từ 0 đến 2 điểm (bước 0,25)"). Parse reads it back to a Spec that
// scores an item of max points the same way. A max of 0 or less is
// Describe.
func (s Spec) DescribeFor(max Points) string {
	if max <= 0 {
		max = anyMax
	}
	return s.describe(max)
}

func (s Spec) describe(max Points) string {
	sc, ok := lookup(s.Type)
	if !ok {
		return TypeLabel(s.Type)
	}
	return sc.describe(s, max)
}
