package lang

import (
	"os"
	"path/filepath"
	"testing"
)

// The ASCII fast path of EachToken must give exactly what the general
// tokeniser gives.
func checkFastTokens(t *testing.T, s string) {
	t.Helper()
	var got, want []Token
	EachToken(s, func(w []byte, a, b int) { got = append(got, Token{string(w), a, b}) })
	eachTokenRef(s, func(w []byte, a, b int) { want = append(want, Token{string(w), a, b}) })
	if len(got) != len(want) {
		t.Fatalf("%q: %d tokens, reference %d\n%v\n%v", s, len(got), len(want), got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q token %d: %+v, reference %+v", s, i, got[i], want[i])
		}
	}
}

func TestEachTokenFastPath(t *testing.T) {
	for _, s := range []string{
		"Umerov’s talks in Kyiv, don't Russia-Ukraine 28-point", "allies' demands", "it's 'quoted' rock'n'roll",
		"U.S. and the U.K.", "'s alone", "a's", "CAFÉ café", "", "   ", "x'", "''a", "abc", "a", "x'北", "ab'é",
		"ÀB12cd", "cafés'", "Łódź-Kraków 北京 Путина", "a\u0301b", "\u0301", "k'\u0301",
		"F.B.I.'s N.R.A. a.m. 3.5 U.S.-led x.y.com A.1", "É.U. e\u0301.u.", "U.S.The",
	} {
		checkFastTokens(t, s)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkFastTokens(t, string(data))
	}
}

func FuzzEachTokenFastPath(f *testing.F) {
	f.Add("Umerov's talks don't 28-point")
	f.Add("allies' x'y '' É'a a'É 北京a")
	f.Fuzz(func(t *testing.T, s string) { checkFastTokens(t, s) })
}

// eachTokenRef is the general path alone.
func eachTokenRef(s string, fn func(word []byte, start, end int)) { eachToken(s, false, fn) }

func BenchmarkEachToken(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	var text string
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		text += string(data)
	}
	for _, fn := range []struct {
		name string
		each func(string, func([]byte, int, int))
	}{{"fast", EachToken}, {"reference", eachTokenRef}} {
		b.Run(fn.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			n := 0
			for i := 0; i < b.N; i++ {
				fn.each(text, func(w []byte, _, _ int) { n += len(w) })
			}
		})
	}
}
