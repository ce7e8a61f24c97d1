package compare

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// dumpAlignment writes the rows of a comparison a line each, as a reader
// sees them side by side: A's sentences, B's, the row's score (the
// probability of the same fact, rounded), whether B's side is moved, and
// for a gap the sentence of the other side it points to.
func dumpAlignment(c *Comparison) string {
	var sb strings.Builder
	for _, r := range c.Rows {
		fmt.Fprintf(&sb, "A%v B%v", r.A, r.B)
		if !r.IsGap() {
			fmt.Fprintf(&sb, " %.2f", r.Score)
		}
		if r.Moved {
			sb.WriteString(" moved")
		}
		if r.Elsewhere >= 0 {
			fmt.Fprintf(&sb, " elsewhere=%d", r.Elsewhere)
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// Wire paragraphs of one report as three outlets run them.
const (
	quakeLead   = "A magnitude 6.8 earthquake struck the mountains south of Marrakech late on Friday, killing at least 820 people, the interior ministry said."
	quakeRescue = "Rescue teams were still digging through collapsed mud-brick homes in the villages of the Atlas range on Saturday morning."
	quakeQuote  = "\"We felt the ground shake for almost a minute and then everything fell,\" said Hamid Ouazzani, a shopkeeper in Amizmiz."
	quakeKing   = "King Mohammed VI ordered the army to deploy search teams and field hospitals to the worst-hit provinces."
	floodLead   = "Heavy rain flooded the old harbour district on Tuesday."
	floodLead2  = "Heavy rain flooded the harbour district on Tuesday night."
	floodEnd    = "Tourists were asked to avoid the waterfront."
)

// The rows of realistic article pairs, exactly: which sentences face
// which, which passages are moved, where the sentences only one outlet has
// sit and what they point to. Written against lived mutants of align.go
// (MUTATION.md, compare-align).
func TestAlignRowsExact(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want string
	}{
		{"wire copy with a paragraph moved and sentences only one outlet has",
			[]string{quakeLead, quakeRescue, quakeQuote, quakeKing,
				"Neighbouring Algeria offered to open its airspace for aid flights despite a long diplomatic rift."},
			[]string{"Local television showed crowds sleeping in the streets of Marrakech for fear of aftershocks.",
				quakeLead, quakeRescue, "Many roads into the mountains were blocked by fallen rocks.", quakeKing, quakeQuote},
			// B's opening sentence comes before the first row B keeps in
			// order; its roads sentence after the row of its neighbour.
			`A[] B[0]
A[0] B[1] 0.99
A[1] B[2] 0.99
A[] B[3]
A[2] B[5] 0.99
A[3] B[4] 0.99 moved
A[4] B[]
`},
		{"two wire paragraphs swapped: the first one read stays in order",
			[]string{quakeLead, quakeRescue},
			[]string{quakeRescue, quakeLead},
			`A[0] B[1] 0.99
A[1] B[0] 0.99 moved
`},
		{"a paragraph one outlet runs twice: the copy in its place faces it, the other points to it",
			[]string{quakeLead, "The regional football league postponed all weekend fixtures.", quakeRescue},
			[]string{quakeRescue, quakeLead, quakeRescue},
			`A[] B[0] elsewhere=2
A[0] B[1] 0.99
A[1] B[]
A[2] B[2] 0.99
`},
		{"one outlet splits a sentence in two",
			[]string{floodLead, "The city council voted to rebuild the flood barrier. The mayor promised compensation for shop owners within a month.", floodEnd},
			[]string{floodLead2, "The city council voted to rebuild the flood barrier, and the mayor promised compensation for shop owners within a month.", floodEnd},
			`A[0] B[0] 0.98
A[1 2] B[1] 0.99
A[3] B[2] 0.99
`},
		{"one outlet splits a sentence in three",
			[]string{floodLead, "The city council voted on Wednesday evening to rebuild the sea wall, the mayor promised compensation for shop owners within a month, and engineers warned the pumping station needed replacing.", floodEnd},
			[]string{floodLead2, "The city council voted on Wednesday evening to rebuild the sea wall. The mayor promised compensation for shop owners within a month. Engineers warned the pumping station needed replacing.", floodEnd},
			`A[0] B[0] 0.98
A[1] B[1 2 3] 0.99
A[2] B[4] 0.99
`},
		{"the other outlet splits a sentence in three",
			[]string{"The city council voted on Wednesday evening to rebuild the sea wall. The mayor promised compensation for shop owners within a month. Engineers warned the pumping station needed replacing."},
			[]string{"The city council voted on Wednesday evening to rebuild the sea wall, the mayor promised compensation for shop owners within a month, and engineers warned the pumping station needed replacing."},
			`A[0 1 2] B[0] 0.99
`},
		{"a sentence split in four: a row holds three at most, the fourth points to it",
			[]string{"The city council voted on Wednesday evening to rebuild the sea wall, the mayor promised compensation for shop owners within a month, engineers warned the pumping station needed replacing, and insurers said claims would top 40 million euros."},
			[]string{"The city council voted on Wednesday evening to rebuild the sea wall. The mayor promised compensation for shop owners within a month. Engineers warned the pumping station needed replacing. Insurers said claims would top 40 million euros."},
			`A[0] B[0 1 2] 0.98
A[] B[3] elsewhere=0
`},
		{"the other outlet splits a sentence in four",
			[]string{"The city council voted on Wednesday evening to rebuild the sea wall. The mayor promised compensation for shop owners within a month. Engineers warned the pumping station needed replacing. Insurers said claims would top 40 million euros."},
			[]string{"The city council voted on Wednesday evening to rebuild the sea wall, the mayor promised compensation for shop owners within a month, engineers warned the pumping station needed replacing, and insurers said claims would top 40 million euros."},
			`A[0 1 2] B[0] 0.98
A[3] B[] elsewhere=0
`},
		{"a short sentence one outlet adds after the one that carries the report joins its row",
			[]string{"The work on the harbour wall will cost 40 million euros, take two years and begin in March. The mayor spoke on Wednesday."},
			[]string{"The mayor spoke on Wednesday, saying the work on the harbour wall will cost 40 million euros, take two years and begin in March."},
			`A[0 1] B[0] 0.99
`},
		{"the same on the other side, the short sentence first",
			[]string{"The mayor spoke on Wednesday, saying the work on the harbour wall will cost 40 million euros, take two years and begin in March."},
			[]string{"The mayor spoke on Wednesday. The work on the harbour wall will cost 40 million euros, take two years and begin in March."},
			`A[0] B[0 1] 0.99
`},
		{"the same on the other side, the short sentence last",
			[]string{"The mayor spoke on Wednesday, saying the work on the harbour wall will cost 40 million euros, take two years and begin in March."},
			[]string{"The work on the harbour wall will cost 40 million euros, take two years and begin in March. The mayor spoke on Wednesday."},
			`A[0] B[0 1] 0.99
`},
		{"both outlets cut the same two sentences differently",
			[]string{"Officials met on Monday. Engineers warned that the ageing pumping station beside the harbour needed replacing before winter, and that its diesel generators had failed twice."},
			[]string{"Officials met on Monday and engineers warned that the ageing pumping station beside the harbour needed replacing before winter. Its diesel generators had failed twice."},
			`A[0 1] B[0 1] 0.99
`},
		{"a paraphrase that joins two sentences",
			[]string{"Prices of bread and cooking oil have doubled since the spring. Shopkeepers in the capital say many customers now buy on credit."},
			[]string{"Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many customers ask for credit."},
			`A[0 1] B[0] 0.88
`},
		{"a loose paraphrase between two wire paragraphs aligns in its place",
			[]string{quakeLead, "Prices of bread and cooking oil have doubled since the spring.", "Shopkeepers in the capital say customers now buy on credit.", quakeRescue},
			[]string{quakeLead, "Families are paying twice as much for bread and oil as in spring.", "Traders in the capital report that many buyers ask for credit.", quakeRescue},
			`A[0] B[0] 0.99
A[1] B[1] 0.85
A[2] B[2] 0.44
A[3] B[3] 0.99
`},
		{"the same loose paraphrase moved elsewhere is too weak to face it",
			[]string{quakeLead, "Prices of bread and cooking oil have doubled since the spring.", "Shopkeepers in the capital say customers now buy on credit.", quakeRescue},
			[]string{quakeLead, "Families are paying twice as much for bread and oil as in spring.", quakeRescue, "Traders in the capital report that many buyers ask for credit."},
			`A[0] B[0] 0.99
A[1] B[1] 0.85
A[2] B[]
A[3] B[2] 0.99
A[] B[3]
`},
		{"headings face headings, body text body text",
			[]string{"Quake Kills Hundreds in Morocco", quakeLead, "Aid Pours In", "Spain, France and the United States offered rescue teams and money."},
			[]string{"Morocco Quake Kills Hundreds", quakeLead, "Offers of Aid", "Spain, France and the United States offered rescue teams, and the European Union pledged money."},
			`A[0] B[0] 0.99
A[1] B[1] 0.99
A[2] B[2] 0.89
A[3] B[3] 0.98
`},
		{"a loose paraphrase joining two sentences, between wire paragraphs",
			[]string{quakeLead, "Bread and oil cost more at markets across the southern provinces. Shopkeepers in the capital report customers now buy on credit.", quakeRescue},
			[]string{quakeLead, "Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeRescue},
			`A[0] B[0] 0.99
A[1 2] B[1] 0.73
A[3] B[2] 0.99
`},
		{"the same, the other outlet joining",
			[]string{quakeLead, "Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeRescue},
			[]string{quakeLead, "Bread and oil cost more at markets across the southern provinces. Shopkeepers in the capital report customers now buy on credit.", quakeRescue},
			`A[0] B[0] 0.99
A[1] B[1 2] 0.73
A[2] B[3] 0.99
`},
		{"a passage split in two and moved to the end, each half too loose to face it alone",
			[]string{quakeLead, quakeRescue, "Prices of bread and cooking oil have doubled since the spring. Shopkeepers in the capital report customers now buy on credit."},
			[]string{"Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeLead, quakeRescue},
			`A[0] B[1] 0.99
A[1] B[2] 0.99
A[2 3] B[0] 0.86 moved
`},
		{"the same, the other outlet splitting",
			[]string{"Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeLead, quakeRescue},
			[]string{quakeLead, quakeRescue, "Prices of bread and cooking oil have doubled since the spring. Shopkeepers in the capital report customers now buy on credit."},
			`A[0] B[2 3] 0.86 moved
A[1] B[0] 0.99
A[2] B[1] 0.99
`},
		{"a stock line both outlets repeat faces its copy in the same place",
			[]string{quakeLead, "The death toll is expected to rise.", quakeRescue, "The death toll is expected to rise."},
			[]string{quakeLead, "The death toll is expected to rise.", quakeRescue, "The death toll is expected to rise."},
			`A[0] B[0] 0.99
A[1] B[1] 0.99
A[2] B[2] 0.99
A[3] B[3] 0.99
`},
		{"a loose paraphrase split in two and moved: too weak out of place, it faces nothing",
			[]string{quakeLead, quakeRescue, "Bread and oil cost more at markets across the southern provinces. Shopkeepers in the capital report customers now buy on credit."},
			[]string{"Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeLead, quakeRescue},
			`A[] B[0]
A[0] B[1] 0.99
A[1] B[2] 0.99
A[2] B[]
A[3] B[]
`},
		{"the same, the other outlet splitting",
			[]string{"Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeLead, quakeRescue},
			[]string{quakeLead, quakeRescue, "Bread and oil cost more at markets across the southern provinces. Shopkeepers in the capital report customers now buy on credit."},
			`A[0] B[]
A[1] B[0] 0.99
A[2] B[1] 0.99
A[] B[2]
A[] B[3]
`},
		{"two wire paragraphs swapped before a third in place: the first one read stays in order with it",
			[]string{quakeLead, quakeRescue, quakeKing},
			[]string{quakeRescue, quakeLead, quakeKing},
			`A[0] B[1] 0.99
A[1] B[0] 0.99 moved
A[2] B[2] 0.99
`},
		{"two loose paraphrases in a row between wire paragraphs both align in place",
			[]string{quakeLead, "Bread and oil cost more at markets across the southern provinces.", "Shopkeepers in the capital say customers now buy on credit.", quakeRescue},
			[]string{quakeLead, "Families are paying twice as much for bread and oil as in spring.", "Traders in the capital report that many buyers ask for credit.", quakeRescue},
			`A[0] B[0] 0.99
A[1] B[1] 0.45
A[2] B[2] 0.44
A[3] B[3] 0.99
`},
		{"a loose paraphrase whose first half adds too little: only the second half faces it",
			[]string{quakeLead, "Since the spring, bread has cost more at markets across the southern provinces. Shopkeepers in the capital report customers now buy on credit.", quakeRescue},
			[]string{quakeLead, "Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeRescue},
			`A[0] B[0] 0.99
A[1] B[]
A[2] B[1] 0.47
A[3] B[2] 0.99
`},
		{"the same, the other outlet splitting, half too little",
			[]string{quakeLead, "Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeRescue},
			[]string{quakeLead, "Since the spring, bread has cost more at markets across the southern provinces. Shopkeepers in the capital report customers now buy on credit.", quakeRescue},
			`A[0] B[0] 0.99
A[] B[1]
A[1] B[2] 0.47
A[2] B[3] 0.99
`},
		{"a loose paraphrase, then one joining two sentences, between wire paragraphs",
			[]string{quakeLead, "Schools in the region will stay closed this week.", "Bread and oil cost more at markets across the southern provinces. Shopkeepers in the capital report customers now buy on credit.", quakeRescue},
			[]string{quakeLead, "Classes in the region were cancelled this week, a teachers' union said.", "Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeRescue},
			`A[0] B[0] 0.99
A[1] B[1] 0.58
A[2 3] B[2] 0.75
A[4] B[3] 0.99
`},
		{"the same, the other outlet joining, after a loose paraphrase",
			[]string{quakeLead, "Classes in the region were cancelled this week, a teachers' union said.", "Families are paying twice as much for bread and oil as in spring, and traders in the capital report that many buyers ask for credit.", quakeRescue},
			[]string{quakeLead, "Schools in the region will stay closed this week.", "Bread and oil cost more at markets across the southern provinces. Shopkeepers in the capital report customers now buy on credit.", quakeRescue},
			`A[0] B[0] 0.99
A[1] B[1] 0.58
A[2] B[2 3] 0.75
A[3] B[4] 0.99
`},
		{"unrelated articles: every sentence faces a gap, B's after A's",
			[]string{"The regional football league postponed all weekend fixtures.", "Museums in the old city stayed closed."},
			[]string{"Local television showed crowds sleeping in the streets of Marrakech for fear of aftershocks.", "Many roads into the mountains were blocked by fallen rocks."},
			`A[0] B[]
A[1] B[]
A[] B[0]
A[] B[1]
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(Prepare(article("a", tt.a...)), Prepare(article("b", tt.b...)))
			checkRows(t, tt.name, c)
			if got := dumpAlignment(c); got != tt.want {
				t.Errorf("rows:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Two sentences read as one must beat, by the merge penalty, a single
// sentence that renders the same report: one outlet splits the lead and
// repeats it whole further down ("…, officials said the ceasefire deal was
// signed…"). The lead faces the whole repetition (similarity 0.905) rather
// than its two halves joined (0.898, less the penalty of 0.04), on either
// side. A merge ranked without its penalty took the halves.
func TestAlignMergeMustBeatASingleSentence(t *testing.T) {
	lead := "The ceasefire deal was signed in Doha on Monday and Israeli troops will leave Gaza by March, officials said."
	split := []string{"The ceasefire deal was signed in Doha on Monday, officials said.",
		"Israeli troops will leave Gaza by March under its terms."}
	whole := "Officials said the ceasefire deal was signed in Doha and Israeli troops will leave Gaza by March."
	for _, tt := range []struct {
		name string
		a, b []string
		want string
	}{
		{"split in B", []string{lead}, append(slices.Clone(split), whole),
			"A[] B[0] elsewhere=0\nA[] B[1] elsewhere=0\nA[0] B[2] 0.99\n"},
		{"split in A", append(slices.Clone(split), whole), []string{lead},
			"A[0] B[] elsewhere=0\nA[1] B[] elsewhere=0\nA[2] B[0] 0.99\n"},
	} {
		c := Compare(Prepare(article("a", tt.a...)), Prepare(article("b", tt.b...)))
		checkRows(t, tt.name, c)
		if got := dumpAlignment(c); got != tt.want {
			t.Errorf("%s: rows\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}
