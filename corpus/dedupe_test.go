package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

// Tests written against mutants that lived (see MUTATION.md): each pins an
// exact answer on a small input.

func duplicatesOf(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		writeFile(t, filepath.Join(dir, name), text)
	}
	c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range c.Articles {
		out = append(out, fmt.Sprintf("%s(%d words)->%q", a.ID, a.Words, a.DuplicateOf))
	}
	return strings.Join(out, " ")
}

// Every later copy of a text names the first one, not the copy before it.
func TestDuplicateNamesFirstCopy(t *testing.T) {
	got := duplicatesOf(t, map[string]string{
		"a.txt": "Port Strike Ends\n\n" + articletest.Words(20) + "\n",
		"b.txt": "Strike At The Port Is Over\n\n" + articletest.Words(20) + "\n",
		"c.txt": "Dock Workers Go Back\n\n" + articletest.Words(20) + "\n",
	})
	want := `a(20 words)->"" b(20 words)->"a" c(20 words)->"a"`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// Bodies of 12 words (the shortest TextKey keys) are compared; one word
// fewer is not.
func TestDuplicateShortBodyBound(t *testing.T) {
	got := duplicatesOf(t, map[string]string{
		"a.txt": "Port Strike Ends\n\n" + articletest.Words(12) + "\n",
		"b.txt": "Strike At The Port Is Over\n\n" + articletest.Words(12) + "\n",
		"c.txt": "Teaser One Here\n\n" + articletest.Words(11) + "\n",
		"d.txt": "Teaser Two Here\n\n" + articletest.Words(11) + "\n",
	})
	want := `a(12 words)->"" b(12 words)->"a" c(11 words)->"" d(11 words)->""`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
