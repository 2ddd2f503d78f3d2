package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// printing names the methods whose format argument is a catalogue key, with
// that argument's position: a Printer's, errorf and warnf, the way
// trainer's lint records findings, and failf, the way its expression parser
// reports errors.
var printing = map[string]int{"Sprintf": 0, "Printf": 0, "Fprintf": 1, "Sprint": 0, "Fprintln": 1, "Sprintln": 0, "Fprint": 1, "errorf": 1, "warnf": 1, "failf": 1}

// printingFuncs names the plain functions whose format argument is a
// catalogue key: textf(format, args...), a message kept for translating
// later, and posErr(node, format, args...), an expression error at a column
// (both in trainer).
var printingFuncs = map[string]int{"textf": 0, "posErr": 1}

// Keys lists the catalogue keys a package's sources (the non-test .go
// files in dir) print: the string literal format (or literals joined by +)
// of every Sprintf, Fprintf, Printf, errorf, warnf… call whose receiver is
// not the fmt package, with its position.
// Mark a key printed through a variable with a call of Key. The *.tmpl,
// *.js and *.html files in dir add theirs (pageKeys).
func Keys(dir string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	keys := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			return nil, err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if k, pos, ok := keyOf(n); ok {
				keys[k] = fset.Position(pos).String()
			}
			return true
		})
	}
	return keys, templateKeys(dir, keys)
}

// pageKeys finds the keys of other files by their extension: a template's
// {{t "key"}}, a script's t("key") or T("key") and the text of an HTML element marked
// data-i18n.
var pageKeys = map[string]*regexp.Regexp{
	".tmpl": regexp.MustCompile(`\{\{-?\s*t\s+("(?:[^"\\]|\\.)*")`),
	".js":   regexp.MustCompile(`\b[tT]\(("(?:[^"\\]|\\.)*")`),
	".html": regexp.MustCompile(`<[^>]*\bdata-i18n\b[^>]*>([^<]*)<`),
}

// templateKeys adds the keys the *.tmpl, *.js and *.html files in dir print.
func templateKeys(dir string, keys map[string]string) error {
	for ext, re := range pageKeys {
		files, err := filepath.Glob(filepath.Join(dir, "*"+ext))
		if err != nil {
			return err
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(src), "\n") {
				for _, m := range re.FindAllStringSubmatch(line, -1) {
					k := m[1]
					if ext != ".html" {
						if k, err = strconv.Unquote(k); err != nil {
							continue
						}
					}
					keys[k] = fmt.Sprintf("%s:%d", f, i+1)
				}
			}
		}
	}
	return nil
}

// keyOf returns the literal key a call prints, if n is such a call.
func keyOf(n ast.Node) (string, token.Pos, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return "", 0, false
	}
	var arg int
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "fmt" {
			return "", 0, false
		}
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "i18n" && fn.Sel.Name == "Key" {
			break
		}
		i, ok := printing[fn.Sel.Name]
		if !ok {
			return "", 0, false
		}
		arg = i
	case *ast.Ident:
		i, ok := printingFuncs[fn.Name]
		if !ok {
			return "", 0, false
		}
		arg = i
	default:
		return "", 0, false
	}
	if len(call.Args) <= arg {
		return "", 0, false
	}
	s, ok := literal(call.Args[arg])
	return s, call.Args[arg].Pos(), ok
}

// literal returns the value of a string literal or of literals joined by +.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok1 := literal(e.X)
		y, ok2 := literal(e.Y)
		return x + y, ok1 && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

// Key marks a string as a catalogue key printed later through a variable;
// it returns the key unchanged.
func Key(s string) string { return s }

// Check compares a catalogue with the keys the sources in dirs print: a
// key printed but not translated, a translation of a key nothing prints,
// and a translation whose verbs differ from its key's, each as one line.
func Check(c Catalog, dirs ...string) ([]string, error) {
	used := map[string]string{}
	for _, d := range dirs {
		keys, err := Keys(d)
		if err != nil {
			return nil, err
		}
		for k, pos := range keys {
			used[k] = pos
		}
	}
	var problems []string
	for k, pos := range used {
		if _, ok := c[k]; !ok && hasLetters(k) {
			problems = append(problems, fmt.Sprintf("%s: %q has no German translation", pos, k))
		}
	}
	for k, v := range c {
		if _, ok := used[k]; !ok {
			problems = append(problems, fmt.Sprintf("German translation of %q: no code prints this key", k))
		} else if a, b := verbs(k), verbs(v); a != b {
			problems = append(problems, fmt.Sprintf("German translation of %q has verbs %q, want %q", k, b, a))
		}
	}
	sort.Strings(problems)
	return problems, nil
}

// hasLetters reports whether a key has words to translate (not "%s: %s").
func hasLetters(k string) bool {
	k = verbRE.ReplaceAllString(k, "")
	for _, r := range k {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// verbs lists a format's verbs, sorted (a translation may reorder them only with indexes).
func verbs(f string) string {
	vs := verbRE.FindAllString(f, -1)
	for i, v := range vs {
		if j := strings.Index(v, "]"); j >= 0 {
			vs[i] = "%" + v[j+1:]
		}
	}
	sort.Strings(vs)
	return strings.Join(vs, " ")
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
