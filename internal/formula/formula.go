// Package formula parses and evaluates the small arithmetic language of
// report forms: a rate's definition ("(processed_early + processed_on_time)
// / dossiers_processed") and a validation rule between indicators
// ("feedback_handled <= feedback_received"). An expression holds numbers,
// identifiers [a-z_][a-z0-9_]*, + - * /, parentheses and unary minus, and
// at most one comparison (<= >= < > = !=) at the top level. It is pure: no
// database, no state.
package formula

import (
	"math"
	"strconv"
	"strings"
)

// Comparison operators, as written.
const (
	OpLE = "<="
	OpGE = ">="
	OpLT = "<"
	OpGT = ">"
	OpEQ = "="
	OpNE = "!="
)

// Expr is a parsed expression. The zero value is not useful; use Parse.
// An Expr is immutable and safe for concurrent use.
type Expr struct {
	left  node
	op    string // comparison operator, "" for a plain expression
	right node   // nil unless op != ""
}

// Compare reports whether e has a comparison (is a rule rather than a
// value).
func (e *Expr) Compare() bool { return e.op != "" }

// Op returns e's comparison operator, or "" when it has none.
func (e *Expr) Op() string { return e.op }

// Vars returns the identifiers e names, each once, in order of first
// appearance. It never returns nil for an expression with identifiers.
func (e *Expr) Vars() []string {
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	e.left.vars(add)
	if e.right != nil {
		e.right.vars(add)
	}
	return out
}

// Value returns e's value with vals giving the identifiers' values; an
// identifier missing from vals counts as 0 (a blank figure). ok is false
// when a division by zero (or an overflow to infinity) leaves the value
// undefined, as for a rate of 0/0. A comparison's value is 1 when it holds
// and 0 when it does not.
func (e *Expr) Value(vals map[string]float64) (v float64, ok bool) {
	l, ok := e.left.eval(vals)
	if !ok {
		return 0, false
	}
	if e.right == nil {
		return l, true
	}
	r, ok := e.right.eval(vals)
	if !ok {
		return 0, false
	}
	if compare(l, e.op, r) {
		return 1, true
	}
	return 0, true
}

// Holds reports whether rule e is satisfied by vals. A comparison whose
// sides cannot be computed (a division by zero) holds: there is nothing to
// contradict. A plain expression holds when its value is defined and not
// zero.
func (e *Expr) Holds(vals map[string]float64) bool {
	l, ok := e.left.eval(vals)
	if !ok {
		return e.right != nil
	}
	if e.right == nil {
		return l != 0
	}
	r, ok := e.right.eval(vals)
	if !ok {
		return true
	}
	return compare(l, e.op, r)
}

// String returns e in canonical form: single spaces around binary
// operators and only the parentheses needed. Parse(e.String()) gives an
// expression with the same String.
func (e *Expr) String() string {
	var b strings.Builder
	e.left.write(&b, 0)
	if e.right != nil {
		b.WriteString(" " + e.op + " ")
		e.right.write(&b, 0)
	}
	return b.String()
}

// compare applies op. Equality allows a tiny relative error so sums of
// whole numbers written as decimals still compare equal.
func compare(l float64, op string, r float64) bool {
	eq := math.Abs(l-r) <= 1e-9*math.Max(1, math.Max(math.Abs(l), math.Abs(r)))
	switch op {
	case OpLE:
		return l < r || eq
	case OpGE:
		return l > r || eq
	case OpLT:
		return l < r && !eq
	case OpGT:
		return l > r && !eq
	case OpEQ:
		return eq
	case OpNE:
		return !eq
	}
	return false
}

// node is one part of an arithmetic expression.
type node interface {
	eval(vals map[string]float64) (float64, bool)
	vars(add func(string))
	// write appends the node, parenthesised when its precedence is below
	// min.
	write(b *strings.Builder, min int)
}

type number float64

func (n number) eval(map[string]float64) (float64, bool) { return float64(n), true }
func (n number) vars(func(string))                       {}
func (n number) write(b *strings.Builder, _ int) {
	b.WriteString(strconv.FormatFloat(float64(n), 'f', -1, 64))
}

type ident string

func (v ident) eval(vals map[string]float64) (float64, bool) { return vals[string(v)], true }
func (v ident) vars(add func(string))                        { add(string(v)) }
func (v ident) write(b *strings.Builder, _ int)              { b.WriteString(string(v)) }

// Precedences used by write.
const (
	precSum = iota + 1
	precProduct
	precUnary
)

type neg struct{ x node }

func (n neg) eval(vals map[string]float64) (float64, bool) {
	v, ok := n.x.eval(vals)
	return -v, ok
}
func (n neg) vars(add func(string)) { n.x.vars(add) }
func (n neg) write(b *strings.Builder, min int) {
	if min > precUnary {
		b.WriteByte('(')
	}
	b.WriteByte('-')
	n.x.write(b, precUnary+1)
	if min > precUnary {
		b.WriteByte(')')
	}
}

type binary struct {
	op   byte // + - * /
	l, r node
}

func (n binary) eval(vals map[string]float64) (float64, bool) {
	l, ok := n.l.eval(vals)
	if !ok {
		return 0, false
	}
	r, ok := n.r.eval(vals)
	if !ok {
		return 0, false
	}
	var v float64
	switch n.op {
	case '+':
		v = l + r
	case '-':
		v = l - r
	case '*':
		v = l * r
	case '/':
		if r == 0 {
			return 0, false
		}
		v = l / r
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

func (n binary) vars(add func(string)) { n.l.vars(add); n.r.vars(add) }

func (n binary) write(b *strings.Builder, min int) {
	prec := precSum
	if n.op == '*' || n.op == '/' {
		prec = precProduct
	}
	if min > prec {
		b.WriteByte('(')
	}
	// Left-associative: the right operand needs parentheses at equal
	// precedence ("a - (b - c)"), the left does not.
	n.l.write(b, prec)
	b.WriteString(" " + string(n.op) + " ")
	n.r.write(b, prec+1)
	if min > prec {
		b.WriteByte(')')
	}
}
