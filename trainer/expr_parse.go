package trainer

import (
	"strconv"
	"strings"
)

// This file parses the expression language into a small syntax tree; expr.go
// type-checks the tree and compiles it into closures.

type tokKind uint8

const (
	tEOF tokKind = iota
	tInt
	tFloat
	tStr
	tIdent
	tOp
)

type token struct {
	kind tokKind
	text string
	pos  int // byte offset in the source, for messages
}

// ops lists the operators, longest first so that "<=" wins over "<".
var ops = []string{"&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "<", ">", "=", "+", "-", "*", "/", "%", "!", "(", ")", ","}

func lex(src string) ([]token, error) {
	var toks []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j, kind := i, tInt
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				if src[j] == '.' {
					kind = tFloat
				}
				j++
			}
			toks = append(toks, token{kind, src[i:j], i})
			i = j
		case c == '\'' || c == '"':
			j := strings.IndexByte(src[i+1:], c)
			if j < 0 {
				return nil, textf("unterminated string at column %d", i+1)
			}
			toks = append(toks, token{tStr, src[i+1 : i+1+j], i})
			i += j + 2
		case isIdentStart(c):
			j := i
			for j < len(src) && (isIdentStart(src[j]) || src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			word := src[i:j]
			if word == "in" {
				toks = append(toks, token{tOp, word, i})
			} else {
				toks = append(toks, token{tIdent, word, i})
			}
			i = j
		default:
			op := ""
			for _, o := range ops {
				if strings.HasPrefix(src[i:], o) {
					op = o
					break
				}
			}
			if op == "" {
				return nil, textf("unexpected %q at column %d", c, i+1)
			}
			toks = append(toks, token{tOp, op, i})
			i += len(op)
		}
	}
	return append(toks, token{tEOF, "", len(src)}), nil
}

func isIdentStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

// Syntax tree.
type (
	astNode interface{ position() int }
	litNode struct {
		v   Value
		pos int
	}
	identNode struct {
		name string
		pos  int
	}
	unaryNode struct {
		op  string
		x   astNode
		pos int
	}
	binaryNode struct {
		op   string
		x, y astNode
		pos  int
	}
	callNode struct {
		fn   string
		args []astNode
		pos  int
	}
	// assignNode is a statement `name op value` with op one of = += -=.
	assignNode struct {
		name string
		op   string
		x    astNode
		pos  int
	}
)

func (n *litNode) position() int    { return n.pos }
func (n *identNode) position() int  { return n.pos }
func (n *unaryNode) position() int  { return n.pos }
func (n *binaryNode) position() int { return n.pos }
func (n *callNode) position() int   { return n.pos }
func (n *assignNode) position() int { return n.pos }

// precedence of binary operators; higher binds tighter.
var precedence = map[string]int{
	"||": 1, "&&": 2,
	"==": 3, "!=": 3,
	"<": 4, "<=": 4, ">": 4, ">=": 4, "in": 4,
	"+": 5, "-": 5,
	"*": 6, "/": 6, "%": 6,
}

// maxExprDepth is how deeply parentheses, unary operators and calls may
// nest in one expression, and maxExprChain how many binary operators one
// level may chain; deeper input is an error at load, never a stack overflow.
const (
	maxExprDepth = 64
	maxExprChain = 1000
)

type parser struct {
	toks  []token
	i     int
	depth int // nesting of unary (parentheses, unary operators, call arguments)
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) failf(t token, format string, args ...any) error {
	return textf("column %d: %v", t.pos+1, textf(format, args...))
}

// parseExpr parses a whole expression.
func parseExpr(src string) (astNode, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.binary(1)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.failf(t, "unexpected %q", t.text)
	}
	return n, nil
}

// parseStmt parses one `do` statement: an assignment or a call.
func parseStmt(src string) (astNode, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	if len(toks) > 2 && toks[0].kind == tIdent && toks[1].kind == tOp &&
		(toks[1].text == "=" || toks[1].text == "+=" || toks[1].text == "-=") {
		p.i = 2
		x, err := p.binary(1)
		if err != nil {
			return nil, err
		}
		if t := p.peek(); t.kind != tEOF {
			return nil, p.failf(t, "unexpected %q", t.text)
		}
		return &assignNode{name: toks[0].text, op: toks[1].text, x: x, pos: toks[0].pos}, nil
	}
	n, err := parseExpr(src)
	if err != nil {
		return nil, err
	}
	if _, ok := n.(*callNode); !ok {
		return nil, textf("a statement must be an assignment (x = 1, x += 1, x -= 1) or a call such as emit(\"event\")")
	}
	return n, nil
}

func (p *parser) binary(minPrec int) (astNode, error) {
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	for n := 0; ; n++ {
		if n > maxExprChain {
			return nil, p.failf(p.peek(), "more than %d operators in a row", maxExprChain)
		}
		t := p.peek()
		prec, ok := precedence[t.text]
		if t.kind != tOp || !ok || prec < minPrec {
			return x, nil
		}
		p.next()
		y, err := p.binary(prec + 1)
		if err != nil {
			return nil, err
		}
		x = &binaryNode{op: t.text, x: x, y: y, pos: t.pos}
	}
}

func (p *parser) unary() (astNode, error) {
	t := p.peek()
	if p.depth >= maxExprDepth {
		return nil, p.failf(t, "expression nested deeper than %d levels", maxExprDepth)
	}
	p.depth++
	defer func() { p.depth-- }()
	if t.kind == tOp && (t.text == "!" || t.text == "-") {
		p.next()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &unaryNode{op: t.text, x: x, pos: t.pos}, nil
	}
	return p.primary()
}

func (p *parser) primary() (astNode, error) {
	t := p.next()
	switch t.kind {
	case tInt:
		n, err := strconv.ParseInt(t.text, 10, 64)
		if err != nil {
			return nil, p.failf(t, "bad number %q", t.text)
		}
		return &litNode{v: IntValue(n), pos: t.pos}, nil
	case tFloat:
		f, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, p.failf(t, "bad number %q", t.text)
		}
		return &litNode{v: floatValue(f), pos: t.pos}, nil
	case tStr:
		return &litNode{v: StrValue(t.text), pos: t.pos}, nil
	case tIdent:
		switch t.text {
		case "true", "false":
			return &litNode{v: BoolValue(t.text == "true"), pos: t.pos}, nil
		}
		if p.peek().text == "(" && p.peek().kind == tOp {
			return p.call(t)
		}
		return &identNode{name: t.text, pos: t.pos}, nil
	case tOp:
		if t.text == "(" {
			x, err := p.binary(1)
			if err != nil {
				return nil, err
			}
			if c := p.next(); c.text != ")" {
				return nil, p.failf(c, "expected \")\"")
			}
			return x, nil
		}
	case tEOF:
		return nil, p.failf(t, "unexpected end of expression")
	}
	return nil, p.failf(t, "unexpected %q", t.text)
}

func (p *parser) call(name token) (astNode, error) {
	p.next() // (
	c := &callNode{fn: name.text, pos: name.pos}
	if p.peek().text == ")" && p.peek().kind == tOp {
		p.next()
		return c, nil
	}
	for {
		a, err := p.binary(1)
		if err != nil {
			return nil, err
		}
		c.args = append(c.args, a)
		switch t := p.next(); t.text {
		case ",":
			continue
		case ")":
			return c, nil
		default:
			return nil, p.failf(t, "expected \",\" or \")\" in call to %s", name.text)
		}
	}
}
