package formula

import "testing"

// FuzzParse checks that Parse never panics, that a parsed expression
// evaluates without panicking, and that its canonical form parses back to
// the same canonical form with the same variables and value.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"(processed_early + processed_on_time) / dossiers_processed",
		"feedback_handled <= feedback_received",
		"a + b + c = d", "-(a - -b) * 2.5 / c", "a != 0", "((a))", "1 / 0", "a <", "x_1 >= .5",
	} {
		f.Add(s)
	}
	vals := map[string]float64{"a": 3, "b": -2, "c": 0, "d": 7}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err != nil {
			if e != nil {
				t.Fatalf("Parse(%q) returned an expression and %v", s, err)
			}
			return
		}
		v1, ok1 := e.Value(vals)
		e.Holds(vals)
		canon := e.String()
		if len(canon) > maxLen {
			return
		}
		e2, err := Parse(canon)
		if err != nil {
			t.Fatalf("Parse(%q) = %q, which does not parse: %v", s, canon, err)
		}
		if e2.String() != canon {
			t.Fatalf("canonical form of %q not stable: %q then %q", s, canon, e2.String())
		}
		if e2.Compare() != e.Compare() || len(e2.Vars()) != len(e.Vars()) {
			t.Fatalf("canonical form of %q changed its shape: %q", s, canon)
		}
		v2, ok2 := e2.Value(vals)
		if ok1 != ok2 || (ok1 && v1 != v2) {
			t.Fatalf("canonical form of %q changed its value: %v,%v then %v,%v", s, v1, ok1, v2, ok2)
		}
	})
}
