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

// The numbers of small articles, each figure's value, unit, span and
// context exactly. Written against lived mutants of sentenceNumbers and
// parseNumber (MUTATION.md, compare-numbers). Figures glued to letters
// ("22nd", "$10bn") are tested in numbers_glued_test.go.
func TestSentenceNumbersExact(t *testing.T) {
	articles := [][]string{
		// Separators and decimals (nines included, where a digit range
		// could stop one short), a figure right after a figure phrase, a
		// separator followed by no digit, a figure that ends the text.
		{
			"Turnout rose 3.9 percent to 1,999 voters. Within 2 days 300 people had left.",
			"The fine was $40, and the court costs were 12.5 percent more.",
			"The crowd in the square numbered 1,000",
		},
		// A rank ("No. 3"), a spelled ordinal, a spelled number with "and
		// a half", a multiplier after digits, a figure starting a sentence.
		{
			"Clemson, the No. 3 team, was beaten in the final on Sunday.",
			"It was the sixth meeting in one and a half years, after 1.5 million people signed.",
			"Cases rose to 1,500 in 24 hours.",
			"40 ships were turned back.",
		},
		// Percentages three ways, currencies before the figure, a
		// hyphenated fraction, a compound unit, "and a half" after a
		// multiplier.
		{
			"Support fell 4 per cent, then 12 percent, and finally 7% among voters.",
			"The fund paid US$3 to each of 40 families and €5 to 20 others.",
			"Two-thirds of the delegates backed the 28-point plan after two and a half hours of talks.",
			"About a million and a half refugees crossed the border.",
		},
		// Teasers cut off right after "and a" or "per": no figure reads
		// past the last word.
		{"Turnout was 3 and a", "Support fell 4 per"},
	}
	got := ""
	for _, paras := range articles {
		got += dumpNumbers(Prepare(article("a", paras...)))
	}
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
"4 per cent" 0.04 "%" ord=false s0 13-23 "4 per cent" ctx=12,support,percent,7,voter,fall,finalli
"12 percent" 0.12 "%" ord=false s0 30-40 "12 percent" ctx=support,4,7,voter,cent,fall,finalli
"7%" 0.07 "%" ord=false s0 54-56 "7%" ctx=12,support,percent,4,voter,cent,fall,finalli
"US$3" 3 "US$" ord=false s1 14-18 "US$3" ctx=paid,40,20,other,fund,5,famili
"40 families" 40 "" ord=false s1 30-41 "40 families" ctx=paid,20,other,@united states,fund,5,3
"€5" 5 "€" ord=false s1 46-50 "€5" ctx=paid,40,20,other,@united states,fund,3,famili
"20 others" 20 "" ord=false s1 54-63 "20 others" ctx=paid,40,@united states,fund,5,3,famili
"Two-thirds of the delegates" 0.6666666666666666 "fraction" ord=false s2 0-27 "Two-thirds of the delegates" ctx=28,half,hour,two,point,back,plan,talk
"28-point plan" 28 "point" ord=false s2 39-52 "28-point plan" ctx=third,half,hour,deleg,two,back,talk
"two and a half hours of talks" 2.5 "" ord=false s2 59-88 "two and a half hours of talks" ctx=28,third,deleg,two,point,back,plan
"About a million and a half refugees" 1.5e+06 "" ord=false s3 0-35 "About a million and a half refugees" ctx=cross,border
`
	if got != want {
		t.Errorf("numbers:\n%s\nwant:\n%s", got, want)
	}
}
