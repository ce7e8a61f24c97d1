package compare

import (
	"fmt"
	"strings"
	"testing"
)

// dumpNumbers writes each number of d as one line: text, value, unit,
// ordinal flag, span in its sentence and the content terms of its context.
func dumpNumbers(d *Doc) string {
	terms := map[uint64]string{}
	for _, s := range d.Sentences {
		for _, w := range s.words {
			if w.term != "" {
				terms[hashTerm(w.term)] = w.term
			}
		}
	}
	var sb strings.Builder
	for _, n := range d.Numbers() {
		var ctx []string
		for _, h := range n.context {
			ctx = append(ctx, terms[h])
		}
		fmt.Fprintf(&sb, "%q %v %q ord=%v s%d %d-%d %q ctx=%s\n", n.Text, n.Value, n.Unit, n.Ordinal,
			n.At.Sentence, n.At.Start, n.At.End, d.Sentences[n.At.Sentence].Text[n.At.Start:n.At.End], strings.Join(ctx, ","))
	}
	return sb.String()
}

// Figures with thousands separators and decimals (nines included, where a
// digit range could stop one short), a list of bare figures one after the
// other, and a figure that ends the text: each number's value and span,
// exactly. Written against lived mutants of sentenceNumbers and
// parseNumber (MUTATION.md, compare-numbers).
func TestSentenceNumbersExact(t *testing.T) {
	d := Prepare(article("a",
		"Turnout rose 3.9 percent to 1,999 voters. Within 2 days 300 people had left.",
		"The fine was $40, and the court costs were 12.5 percent more.",
		"The crowd in the square numbered 1,000",
	))
	got := dumpNumbers(d)
	want := `"3.9 percent" 0.039 "%" ord=false s0 13-24 "3.9 percent" ctx=999,1,rise,voter,turnout
"1,999 voters" 1999 "" ord=false s0 28-40 "1,999 voters" ctx=percent,3,9,rise,turnout
"2 days" 2 "" ord=false s1 7-13 "2 days" ctx=left,300,peopl
"300 people" 300 "" ord=false s1 14-24 "300 people" ctx=left,2,day
"$40" 40 "$" ord=false s2 13-16 "$40" ctx=12,cost,percent,fine,5,court
"12.5 percent more" 0.125 "%" ord=false s2 43-60 "12.5 percent more" ctx=40,cost,fine,court
`
	if got != want {
		t.Errorf("numbers:\n%s\nwant:\n%s", got, want)
	}
}
