package compare

import (
	"strings"
	"testing"
)

// FuzzPrepare feeds arbitrary paragraphs through sentence preparation,
// name, quote and number extraction and a comparison with a trimmed copy:
// no panic, every sentence in exactly one row, and every position it
// reports lies inside its sentence.
func FuzzPrepare(f *testing.F) {
	f.Add("“This is delicate,” he remarked. Rubio said 'fine'.\nAbout one-fifth of $10 billion, almost five hours.")
	f.Add(`"unclosed quote 'x' ’s ‘a’ 28-point U.S. plan`)
	f.Add("Ursula von der Leyen. A . .. „x“ «y» twenty-five 1,000.5% November 30")
	f.Add("$10bn £3.5m 22nd 5,000km 40C 2GW 4K 5G F35 1980s 3.5mn 7x 9th's 10bn- $4K")
	f.Add(`Rep. Adam Schiff, D-Calif., and Donald J. Trump Jr. of Nebraska. “A,” said Mr. Trump, “b.” “C?” Justice Breyer asked. The first lady, Melania Trump, who spoke, said “d.” Malia, 21,`)
	f.Fuzz(func(t *testing.T, s string) {
		var paras []string
		for _, p := range strings.Split(s, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		a := Prepare(article("a", paras...))
		if len(paras) > 1 {
			paras = paras[1:]
		}
		b := Prepare(article("b", paras...))
		c := Compare(a, b)
		check := func(d *Doc, p Passage) {
			if p.Sentence < 0 || p.Sentence >= len(d.Sentences) || p.Start < 0 || p.End > len(d.Sentences[p.Sentence].Text) || p.Start > p.End {
				t.Fatalf("passage %+v out of range", p)
			}
		}
		seenA, seenB := make([]int, len(a.Sentences)), make([]int, len(b.Sentences))
		for _, r := range c.Rows {
			for _, i := range r.A {
				seenA[i]++
			}
			for _, j := range r.B {
				seenB[j]++
			}
		}
		for _, n := range append(seenA, seenB...) {
			if n != 1 {
				t.Fatalf("a sentence appears in %d rows: %+v", n, c.Rows)
			}
		}
		for _, r := range c.Rows {
			for _, sh := range r.Shared {
				check(a, sh.A)
				check(b, sh.B)
			}
		}
		for _, q := range a.Quotes() {
			check(a, q.At)
		}
		for _, n := range a.Numbers() {
			check(a, n.At)
		}
		for _, e := range a.Entities() {
			for _, m := range e.Mentions {
				check(a, m)
			}
		}
	})
}
