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
	// A rank ("No. 3"), a spelled ordinal, a spelled number with "and a
	// half", a multiplier after digits. (Figures glued to letters, "22nd"
	// and "$10bn", are left out: lang.Tokens keeps them one token, which
	// parseNumber does not read; see MUTATION.md.)
	d2 := Prepare(article("b",
		"Clemson, the No. 3 team, was beaten in the final on Sunday.",
		"It was the sixth meeting in one and a half years, after 1.5 million people signed.",
		"Cases rose to 1,500 in 24 hours.",
		"40 ships were turned back.",
	))
	got += dumpNumbers(d2)
	want := `"3.9 percent" 0.039 "%" ord=false s0 13-24 "3.9 percent" ctx=999,1,rise,voter,turnout
"1,999 voters" 1999 "" ord=false s0 28-40 "1,999 voters" ctx=percent,3,9,rise,turnout
"2 days" 2 "" ord=false s1 7-13 "2 days" ctx=left,300,peopl
"300 people" 300 "" ord=false s1 14-24 "300 people" ctx=left,2,day
"$40" 40 "$" ord=false s2 13-16 "$40" ctx=12,cost,percent,fine,5,court
"12.5 percent more" 0.125 "%" ord=false s2 43-60 "12.5 percent more" ctx=40,cost,fine,court
"3 team" 3 "" ord=true s0 17-23 "3 team" ctx=clemson,final,sunday,beaten
"sixth meeting" 6 "" ord=true s1 11-24 "sixth meeting" ctx=half,sign,peopl,year,million,5,1
"one and a half years" 1.5 "" ord=false s1 28-48 "one and a half years" ctx=meet,sign,sixth,peopl,million,5,1
"1.5 million people" 1.5e+06 "" ord=false s1 56-74 "1.5 million people" ctx=half,meet,sign,sixth,year
"24 hours" 24 "" ord=false s2 23-31 "24 hours" ctx=500,1,rise,case
"40 ships" 40 "" ord=false s3 0-8 "40 ships" ctx=turn,back
`
	if got != want {
		t.Errorf("numbers:\n%s\nwant:\n%s", got, want)
	}
}
