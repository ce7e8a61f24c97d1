package library

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLibraryIsPlainGo: the library imports the standard library and
// corpus packages only, never a terminal or Bubble Tea package, so that
// panes cannot hide data in it and it can be tested without a screen.
func TestLibraryIsPlainGo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range af.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			if strings.Contains(path, ".") && !strings.HasPrefix(path, "github.com/parallax-reader/parallax/corpus") {
				t.Errorf("%s imports %s: the library may import only the standard library and corpus", f, path)
			}
		}
	}
}
