package formula

import (
	"fmt"
	"strconv"
	"strings"
)

// maxDepth bounds nesting (parentheses and unary minus) so a hostile input
// cannot exhaust the stack.
const maxDepth = 64

// maxLen bounds the length of an expression in bytes.
const maxLen = 2000

// Error is a syntax error at a byte offset of the input. Its message is
// Vietnamese and safe to show to the person who wrote the formula.
type Error struct {
	Pos int    // byte offset, 0-based
	Msg string // what is wrong, in Vietnamese
}

func (e *Error) Error() string {
	return fmt.Sprintf("công thức sai ở ký tự thứ %d: %s", e.Pos+1, e.Msg)
}

// Parse reads s. It returns an *Error for any text outside the language: an
// empty expression, an unknown character, an identifier with capitals or
// accents, a missing operand or parenthesis, or more than one comparison.
// It never returns a nil Expr with a nil error.
func Parse(s string) (*Expr, error) {
	if len(s) > maxLen {
		return nil, &Error{Pos: maxLen, Msg: fmt.Sprintf("công thức dài quá %d ký tự", maxLen)}
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, end: len(s)}
	if len(toks) == 0 {
		return nil, &Error{Pos: 0, Msg: "công thức trống"}
	}
	left, err := p.sum(0)
	if err != nil {
		return nil, err
	}
	e := &Expr{left: left}
	if t := p.peek(); t.kind == tokCompare {
		p.next()
		right, err := p.sum(0)
		if err != nil {
			return nil, err
		}
		e.op, e.right = t.text, right
	}
	if t := p.peek(); t.kind != tokEOF {
		if t.kind == tokCompare {
			return nil, &Error{Pos: t.pos, Msg: "chỉ được có một phép so sánh"}
		}
		if t.text == ")" {
			return nil, &Error{Pos: t.pos, Msg: "thừa dấu “)”"}
		}
		return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("thiếu phép tính trước “%s”", t.text)}
	}
	return e, nil
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokNumber
	tokIdent
	tokOp      // + - * / ( )
	tokCompare // <= >= < > = !=
)

type token struct {
	kind tokKind
	text string
	pos  int
}

// lex splits s into tokens, refusing any character outside the language.
func lex(s string) ([]token, error) {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9' || c == '.':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			toks = append(toks, token{tokNumber, s[i:j], i})
			i = j
		case c >= 'a' && c <= 'z' || c == '_':
			j := i
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
				j++
			}
			if j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80) {
				return nil, &Error{Pos: j, Msg: "mã chỉ tiêu chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới"}
			}
			toks = append(toks, token{tokIdent, s[i:j], i})
			i = j
		case strings.IndexByte("+-*/()", c) >= 0:
			toks = append(toks, token{tokOp, s[i : i+1], i})
			i++
		case c == '<' || c == '>' || c == '=' || c == '!':
			j := i + 1
			if j < len(s) && s[j] == '=' && c != '=' {
				j++
			}
			if s[i:j] == "!" {
				return nil, &Error{Pos: i, Msg: "dấu “!” phải đi với “=” (khác)"}
			}
			toks = append(toks, token{tokCompare, s[i:j], i})
			i = j
		case c >= 'A' && c <= 'Z' || c >= 0x80:
			return nil, &Error{Pos: i, Msg: "mã chỉ tiêu chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới"}
		default:
			return nil, &Error{Pos: i, Msg: fmt.Sprintf("ký tự “%c” không dùng được", c)}
		}
	}
	return toks, nil
}

type parser struct {
	toks []token
	i    int
	end  int // length of the input, the position of EOF
}

func (p *parser) peek() token {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return token{kind: tokEOF, pos: p.end}
}

func (p *parser) next() token {
	t := p.peek()
	if p.i < len(p.toks) {
		p.i++
	}
	return t
}

// sum := product { ("+" | "-") product }
func (p *parser) sum(depth int) (node, error) {
	l, err := p.product(depth)
	if err != nil {
		return nil, err
	}
	for t := p.peek(); t.kind == tokOp && (t.text == "+" || t.text == "-"); t = p.peek() {
		p.next()
		r, err := p.product(depth)
		if err != nil {
			return nil, err
		}
		l = binary{op: t.text[0], l: l, r: r}
	}
	return l, nil
}

// product := unary { ("*" | "/") unary }
func (p *parser) product(depth int) (node, error) {
	l, err := p.unary(depth)
	if err != nil {
		return nil, err
	}
	for t := p.peek(); t.kind == tokOp && (t.text == "*" || t.text == "/"); t = p.peek() {
		p.next()
		r, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		l = binary{op: t.text[0], l: l, r: r}
	}
	return l, nil
}

// unary := ("-" | "+") unary | primary
func (p *parser) unary(depth int) (node, error) {
	t := p.peek()
	if depth > maxDepth {
		return nil, &Error{Pos: t.pos, Msg: "công thức lồng nhau quá sâu"}
	}
	if t.kind == tokOp && (t.text == "-" || t.text == "+") {
		p.next()
		x, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		if t.text == "+" {
			return x, nil
		}
		return neg{x: x}, nil
	}
	return p.primary(depth)
}

// primary := number | identifier | "(" sum ")"
func (p *parser) primary(depth int) (node, error) {
	t := p.next()
	switch {
	case t.kind == tokNumber:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil || strings.Count(t.text, ".") > 1 || t.text == "." {
			return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("số “%s” không hợp lệ", t.text)}
		}
		return number(v), nil
	case t.kind == tokIdent:
		return ident(t.text), nil
	case t.kind == tokOp && t.text == "(":
		x, err := p.sum(depth + 1)
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tokOp || c.text != ")" {
			return nil, &Error{Pos: c.pos, Msg: "thiếu dấu “)”"}
		}
		return x, nil
	case t.kind == tokEOF:
		return nil, &Error{Pos: t.pos, Msg: "công thức kết thúc khi còn thiếu số hoặc mã chỉ tiêu"}
	default:
		return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("thiếu số hoặc mã chỉ tiêu trước “%s”", t.text)}
	}
}
