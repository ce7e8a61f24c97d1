package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// The tokens of hard cases and of the seeds, as the golden file lists
// them (folded text @ byte span): what search indexes and comparison
// counts. Regenerate only deliberately, with -update, when tokenising is
// meant to change.
func TestTokensGolden(t *testing.T) {
	inputs := []string{
		"Umerov’s talks in Kyiv, don't Russia-Ukraine 28-point", "allies' demands", "it's 'quoted' rock'n'roll",
		"U.S. and the U.K.", "'s alone", "a's", "CAFÉ café", "", "   ", "x'", "''a", "abc", "a", "x'北", "ab'é",
		"ÀB12cd", "cafés'", "Łódź-Kraków 北京 Путина", "a\u0301b", "\u0301", "k'\u0301",
		"F.B.I.'s N.R.A. a.m. 3.5 U.S.-led x.y.com A.1", "É.U. e\u0301.u.", "U.S.The",
		"Straße STRASSE İstanbul ΣΑΣ σας", "Zelenskyy’s Zelensky's Zelenskiy", "東京で会談 서울 회담",
		"e-mail co-operation re-elected", "$4.5bn 12% 3,000 1.5m", "O'Neill d’Artagnan", "#tag @user x_y",
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no seeds")
	}
	var b strings.Builder
	write := func(label, s string) {
		fmt.Fprintf(&b, "%s\n", label)
		for _, tk := range Tokens(s) {
			fmt.Fprintf(&b, " %s@%d-%d", tk.Text, tk.Start, tk.End)
		}
		b.WriteString("\n")
	}
	for _, s := range inputs {
		write(fmt.Sprintf("%q", s), s)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		write(filepath.Base(p), string(data))
	}
	golden.RequireEqual(t, b.String())
}
