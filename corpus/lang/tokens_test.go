package lang

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokensAcronyms(t *testing.T) {
	tests := []struct {
		in   string
		want []Token
	}{
		{"F.B.I. agents", []Token{{"fbi", 0, 5}, {"agents", 7, 13}}},
		{"The F.B.I.'s office", []Token{{"the", 0, 3}, {"fbi", 4, 9}, {"office", 13, 19}}},
		{"N.A.A.C.P.", []Token{{"naacp", 0, 9}}},
		{"U.S.-led talks", []Token{{"us", 0, 3}, {"led", 5, 8}, {"talks", 9, 14}}},
		{"at 9 a.m. sharp", []Token{{"at", 0, 2}, {"9", 3, 4}, {"am", 5, 8}, {"sharp", 10, 15}}},
		{"the U.S.The talks", []Token{{"the", 0, 3}, {"us", 4, 7}, {"the", 8, 11}, {"talks", 12, 17}}},
		{"É.U.", []Token{{"eu", 0, 4}}},
		// Not acronyms: an initial, a domain, a word and a decimal.
		{"Donald J. Trump", []Token{{"donald", 0, 6}, {"j", 7, 8}, {"trump", 10, 15}}},
		{"www.a.b.com", []Token{{"www", 0, 3}, {"a", 4, 5}, {"b", 6, 7}, {"com", 8, 11}}},
		{"U.Sa", []Token{{"u", 0, 1}, {"sa", 2, 4}}},
		{"3.5", []Token{{"3", 0, 1}, {"5", 2, 3}}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q)\n got %v\nwant %v", tt.in, got, tt.want)
		}
	}
	// Written either way, an acronym is one word.
	if a, b := Words("F.B.I."), Words("FBI"); !reflect.DeepEqual(a, b) {
		t.Errorf("Words(F.B.I.) = %q, Words(FBI) = %q", a, b)
	}
}

// checkTokens: EachToken agrees with Tokens, tokens are in order, inside
// s, never empty, and hold no space or full stop.
func checkTokens(t *testing.T, s string) {
	t.Helper()
	toks := Tokens(s)
	i := 0
	EachToken(s, func(w []byte, a, b int) {
		if i >= len(toks) || toks[i] != (Token{string(w), a, b}) {
			t.Fatalf("%q: EachToken token %d %q@%d-%d differs from Tokens", s, i, w, a, b)
		}
		i++
	})
	if i != len(toks) {
		t.Fatalf("%q: EachToken gives %d tokens, Tokens %d", s, i, len(toks))
	}
	prev := 0
	for _, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) || tk.Text == "" ||
			strings.ContainsAny(tk.Text, ". \t\n") || !utf8.ValidString(tk.Text) && utf8.ValidString(s) {
			t.Fatalf("%q: bad token %+v after %d", s, tk, prev)
		}
		prev = tk.End
	}
}

func TestTokensSeeds(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no seeds")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkTokens(t, string(data))
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("Umerov's talks don't 28-point")
	f.Add("allies' x'y '' F.B.I.'s U.S.-led a.m. É.U.")
	f.Fuzz(func(t *testing.T, s string) { checkTokens(t, s) })
}
