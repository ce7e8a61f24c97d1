package lang

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The ASCII fast path of EachToken must give exactly what the general
// tokeniser gives (eachTokenRef is EachToken before the fast path).
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

func eachTokenRef(s string, fn func(word []byte, start, end int)) {
	var arr [64]byte
	buf := arr[:0]
	i := 0
	for i < len(s) {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r >= utf8.RuneSelf && IsIdeograph(r) {
			fn(append(buf[:0], s[i:i+size]...), i, i+size)
			i += size
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		end := i + size
		ascii := r < utf8.RuneSelf
		apos := false
		j := end
		for j < len(s) {
			var r2 rune
			sz := 1
			if s[j] < utf8.RuneSelf {
				r2 = rune(s[j])
			} else {
				r2, sz = utf8.DecodeRuneInString(s[j:])
			}
			if isWordRune(r2) && (r2 < utf8.RuneSelf || !IsIdeograph(r2)) {
				if r2 >= utf8.RuneSelf {
					ascii = false
				}
				j += sz
				end = j
				continue
			}
			if isApostrophe(r2) && j+sz < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+sz:])
				if unicode.IsLetter(r3) && !IsIdeograph(r3) {
					apos = true
					if r2 >= utf8.RuneSelf {
						ascii = false
					}
					j += sz
					continue
				}
			}
			break
		}
		w := s[start:end]
		if ascii && !apos {
			buf = buf[:0]
			for k := 0; k < len(w); k++ {
				b := w[k]
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				buf = append(buf, b)
			}
		} else {
			buf = appendTokenText(buf[:0], w)
		}
		if len(buf) > 0 { // a lone combining mark folds to nothing
			fn(buf, start, end)
		}
		i = end
	}
}

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
