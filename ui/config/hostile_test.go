package config

import (
	"strings"
	"testing"
)

func TestWithinDepth(t *testing.T) {
	deep := "x = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40)
	for _, c := range []struct {
		name, text string
		line       int
		ok         bool
	}{
		{"flat", "sort = \"date\"\n[keys]\nquit = [\"q\", \"ctrl+c\"]\n", 0, true},
		{"at the limit", "x = " + strings.Repeat("[", 16) + strings.Repeat("]", 16), 0, true},
		{"one over", "x = " + strings.Repeat("[", 17) + strings.Repeat("]", 17), 1, false},
		{"inline tables", "\n\n" + deep, 3, false},
		{"brackets in strings", `a = "[[[[[[[[[[[[[[[[[[[[" ` + "\nb = '{{{{{{{{{{{{{{{{{{{{{{'\nc = \"\"\"\n[[[[[[[[[[[[[[[[[[[[\n\"\"\"", 0, true},
		{"escaped quote", `a = "\"[[[[[[[[[[[[[[[[[[[[["`, 0, true},
		{"brackets in comments", "# [[[[[[[[[[[[[[[[[[[[[[[[[[\nsort = \"date\"", 0, true},
		{"unterminated string ends at the line", "a = \"abc\n" + strings.Repeat("[", 20), 2, false},
	} {
		line, ok := withinDepth(c.text, 16)
		if ok != c.ok || line != c.line {
			t.Errorf("%s: (%d, %v), want (%d, %v)", c.name, line, ok, c.line, c.ok)
		}
	}
}

// 10,000 nested inline tables took the TOML parser over ten seconds; the
// depth check refuses them before parsing.
func TestDeepConfigIsRefusedBeforeParsing(t *testing.T) {
	text := "sort = \"title\"\nx = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000) + "\n"
	c, probs := Parse(text)
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "nested deeper") || probs[0].Line != 2 {
		t.Fatalf("problems %+v, want one: nested deeper, line 2", probs)
	}
	if c.Sort != Default().Sort {
		t.Error("a refused file must change nothing")
	}
	big := "# " + strings.Repeat("x", maxConfigSize) + "\n"
	if _, probs := Parse(big); len(probs) != 1 || !strings.Contains(probs[0].Msg, "larger than") {
		t.Errorf("oversized: %+v", probs)
	}
}
