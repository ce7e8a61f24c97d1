package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func eachWords(s string) ([]string, []int) {
	var words []string
	var starts []int
	EachWord(s, nil, func(w []byte, start int) {
		words = append(words, string(w))
		starts = append(starts, start)
	})
	return words, starts
}

// EachWord must agree with Tokens word for word.
func checkEachWord(t *testing.T, s string) {
	t.Helper()
	words, starts := eachWords(s)
	toks := Tokens(s)
	if len(words) != len(toks) {
		t.Fatalf("%q: EachWord gives %d words, Tokens %d\n%q", s, len(words), len(toks), words)
	}
	for i, tk := range toks {
		if words[i] != tk.Text || starts[i] != tk.Start {
			t.Fatalf("%q: word %d = %q@%d, Tokens %q@%d", s, i, words[i], starts[i], tk.Text, tk.Start)
		}
	}
}

func TestEachWordMatchesTokens(t *testing.T) {
	for _, s := range []string{
		"Umerov's talks in Kyiv, don't Russia-Ukraine 28-point", "allies' demands", "it's 'quoted' rock'n'roll",
		"U.S. and the U.K.", "'s alone", "a's", "Zelenskyy’s curly", "CAFÉ", "", "   ", "x'", "''a",
	} {
		checkEachWord(t, s)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkEachWord(t, string(data))
		for _, line := range strings.Split(string(data), "\n") {
			checkEachWord(t, line)
		}
	}
}

func FuzzEachWord(f *testing.F) {
	f.Add("Umerov's talks don't 28-point")
	f.Add("allies' x'y ''")
	f.Fuzz(func(t *testing.T, s string) {
		checkEachWord(t, s)
	})
}
