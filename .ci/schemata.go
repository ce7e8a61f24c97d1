//go:build ignore

// schemata.go, run by .ci/mutation-schemata: rewrites one Go file so that
// every gremlins mutant of it listed on stdin (gremlins' --dry-run lines,
// "TYPE at file.go:LINE:COL") is compiled in, and the one to apply is chosen
// at run time by the GREMLIN_ID environment variable (ids count from
// IDBASE+1 in input order; 0 runs the real code). Each mutated operator
// becomes mutV(id, mutated, original) (both sides are pure expressions in
// the files mutated so far), each ++/-- a x += mutIncT(x, id). The helpers
// live in a file the script writes. The package is type-checked so that a
// site's type is given (mutV[int32]: an untyped constant such as -1 would
// otherwise become an int), and two kinds of mutant are left out, marked on
// their id line: inside a const declaration (CONST: mutV is no constant;
// plant those by hand) and arithmetic on strings (NOT_VIABLE: gremlins'
// run would not compile them either). Prints the new file to stdout, the
// ids to stderr.
//
//	go build -o schemata .ci/schemata.go
//	schemata FILE IDBASE < dry-run.log > mutated.go 2> ids
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

type alt struct {
	id  int
	tok string // replacement operator ("" for a removed unary minus: "+")
}

type site struct {
	node  ast.Node
	op    int // offset of the operator
	oplen int
	alts  []alt
	typ   string // the expression's type as written in the file, "" to infer
}

// typeCheck type-checks the package of file (its non-test files, with f
// as file's AST) for the types of the mutated expressions.
func typeCheck(fset *token.FileSet, file string, f *ast.File) (*types.Info, *types.Package) {
	files := []*ast.File{f}
	names, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "*.go"))
	for _, n := range names {
		if n == file || strings.HasSuffix(n, "_test.go") || filepath.Base(n) == filepath.Base(file) {
			continue
		}
		g, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil || g.Name.Name != f.Name.Name {
			continue
		}
		files = append(files, g)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Error: func(error) {}}
	pkg, _ := conf.Check(f.Name.Name, fset, files, info)
	return info, pkg
}

// typeName writes t as the file can name it, or "" (infer) when it cannot.
func typeName(t types.Type, pkg *types.Package, f *ast.File) string {
	if t == nil {
		return ""
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 && t == b {
		return ""
	}
	ok := true
	name := types.TypeString(t, func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		for _, im := range f.Imports {
			if strings.Trim(im.Path.Value, `"`) == p.Path() && (im.Name == nil || im.Name.Name == p.Name()) {
				return p.Name()
			}
		}
		ok = false
		return p.Name()
	})
	if !ok {
		return ""
	}
	return name
}

func main() {
	file := os.Args[1]
	idBase := 0
	if len(os.Args) > 2 {
		idBase, _ = strconv.Atoi(os.Args[2])
	}
	src, err := os.ReadFile(file)
	if err != nil {
		panic(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	if err != nil {
		panic(err)
	}
	tf := fset.File(f.Pos())
	info, pkg := typeCheck(fset, file, f)
	// operator offset -> node
	nodes := map[int]ast.Node{}
	inConst := map[int]bool{}         // operator offsets inside const declarations
	parent := map[ast.Node]ast.Node{} // for the type an untyped constant takes
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.CONST {
			ast.Inspect(d, func(m ast.Node) bool {
				switch x := m.(type) {
				case *ast.BinaryExpr:
					inConst[tf.Offset(x.OpPos)] = true
				case *ast.UnaryExpr:
					inConst[tf.Offset(x.OpPos)] = true
				}
				return true
			})
		}
		switch x := n.(type) {
		case *ast.BinaryExpr:
			nodes[tf.Offset(x.OpPos)] = x
		case *ast.UnaryExpr:
			if x.Op == token.SUB {
				nodes[tf.Offset(x.OpPos)] = x
			}
		case *ast.IncDecStmt:
			nodes[tf.Offset(x.TokPos)] = x
		}
		return true
	})
	lineStart := []int{0}
	for i, c := range src {
		if c == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	re := regexp.MustCompile(`([A-Z_]+) at [^:]+:(\d+):(\d+)`)
	sites := map[int]*site{}
	sc := bufio.NewScanner(os.Stdin)
	id := idBase
	base := filepathBase(file)
	for sc.Scan() {
		if !strings.Contains(sc.Text(), " at "+base+":") {
			continue
		}
		m := re.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		id++
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		off := lineStart[line-1] + col - 1
		n, ok := nodes[off]
		if !ok {
			panic(fmt.Sprintf("no node at %s", sc.Text()))
		}
		if inConst[off] {
			fmt.Fprintf(os.Stderr, "%d CONST %s\n", id, strings.TrimSpace(sc.Text()))
			continue
		}
		if b, ok := n.(*ast.BinaryExpr); ok && m[1] == "ARITHMETIC_BASE" {
			if t, ok := info.TypeOf(b.X).Underlying().(*types.Basic); ok && t.Info()&types.IsString != 0 {
				fmt.Fprintf(os.Stderr, "%d NOT_VIABLE %s\n", id, strings.TrimSpace(sc.Text()))
				continue
			}
		}
		fmt.Fprintf(os.Stderr, "%d %s\n", id, strings.TrimSpace(sc.Text()))
		s := sites[off]
		if s == nil {
			s = &site{node: n, op: off}
			if e, ok := n.(ast.Expr); ok {
				s.typ = typeName(info.TypeOf(e), pkg, f)
				// An untyped constant operand (1 - b in float32(k * (1 - b)))
				// takes the type of the typed expression around it.
				for p := parent[n]; s.typ == "" && info.Types[e].Value != nil && p != nil; p = parent[p] {
					if pe, ok := p.(ast.Expr); ok {
						if tv, ok := info.Types[pe]; ok && tv.Type != nil {
							s.typ = typeName(tv.Type, pkg, f)
						}
					}
				}
			}
			sites[off] = s
		}
		var op string
		switch x := n.(type) {
		case *ast.BinaryExpr:
			op = x.Op.String()
		case *ast.UnaryExpr:
			op = "-"
		case *ast.IncDecStmt:
			op = x.Tok.String()
		}
		s.oplen = len(op)
		s.alts = append(s.alts, alt{id, mutate(m[1], op)})
	}
	var list []*site
	for _, s := range sites {
		list = append(list, s)
	}
	// Outer expressions first: a comparison and its left operand start at
	// the same offset.
	sort.Slice(list, func(i, j int) bool {
		pi, pj := tf.Offset(list[i].node.Pos()), tf.Offset(list[j].node.Pos())
		if pi != pj {
			return pi < pj
		}
		return tf.Offset(list[i].node.End()) > tf.Offset(list[j].node.End())
	})
	off := func(p token.Pos) int { return tf.Offset(p) }
	var render func(lo, hi int, self *site) string
	render = func(lo, hi int, self *site) string {
		var sb strings.Builder
		at := lo
		for _, s := range list {
			p, e := off(s.node.Pos()), off(s.node.End())
			if s == self || p < at || e > hi {
				continue
			}
			sb.Write(src[at:p])
			sb.WriteString(emit(s, src, off, render))
			at = e
		}
		sb.Write(src[at:hi])
		return sb.String()
	}
	body := render(0, len(src), nil)
	fmt.Print(body)
}

func mutate(typ, op string) string {
	m := map[string]map[string]string{
		"ARITHMETIC_BASE":       {"+": "-", "-": "+", "*": "/", "/": "*", "%": "*"},
		"CONDITIONALS_BOUNDARY": {">=": ">", ">": ">=", "<=": "<", "<": "<="},
		"CONDITIONALS_NEGATION": {"==": "!=", "!=": "==", ">=": "<", ">": "<=", "<=": ">", "<": ">="},
		"INCREMENT_DECREMENT":   {"++": "--", "--": "++"},
		"INVERT_NEGATIVES":      {"-": "+"},
	}
	r, ok := m[typ][op]
	if !ok {
		panic(typ + " " + op)
	}
	return r
}

func emit(s *site, src []byte, off func(token.Pos) int, render func(int, int, *site) string) string {
	switch x := s.node.(type) {
	case *ast.BinaryExpr:
		l := render(off(x.X.Pos()), off(x.X.End()), nil)
		mid := string(src[off(x.X.End()):off(x.Y.Pos())])
		r := render(off(x.Y.Pos()), off(x.Y.End()), nil)
		opRel := s.op - off(x.X.End())
		out := "(" + l + mid + r + ")"
		for _, a := range s.alts {
			m := mid[:opRel] + a.tok + mid[opRel+s.oplen:]
			if (a.tok == "/" || a.tok == "%") && s.typ != "" {
				// Evaluated only when chosen: the real code runs with
				// every mutant compiled in, and 2/i must not divide by
				// zero where 2*i is what runs.
				out = fmt.Sprintf("mutL[%s](%d, func() %s { return (%s%s%s) }, %s)", s.typ, a.id, s.typ, l, m, r, out)
				continue
			}
			out = fmt.Sprintf("%s(%d, (%s%s%s), %s)", mutV(s), a.id, l, m, r, out)
		}
		return out
	case *ast.UnaryExpr:
		inner := render(off(x.X.Pos()), off(x.X.End()), nil)
		out := "(-" + inner + ")"
		for _, a := range s.alts {
			out = fmt.Sprintf("%s(%d, (+%s), %s)", mutV(s), a.id, inner, out)
		}
		return out
	case *ast.IncDecStmt:
		inner := render(off(x.X.Pos()), off(x.X.End()), nil)
		if len(s.alts) != 1 {
			panic("incdec alts")
		}
		if x.Tok == token.INC {
			return fmt.Sprintf("%s += mutIncT(%s, %d)", inner, inner, s.alts[0].id)
		}
		return fmt.Sprintf("%s -= mutIncT(%s, %d)", inner, inner, s.alts[0].id)
	}
	panic("node")
}

// mutV is the helper's name at a site, with its type when the file can
// write it.
func mutV(s *site) string {
	if s.typ == "" {
		return "mutV"
	}
	return "mutV[" + s.typ + "]"
}

func filepathBase(p string) string { return p[strings.LastIndex(p, "/")+1:] }
