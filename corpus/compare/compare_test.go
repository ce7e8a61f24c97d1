package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// load reads articles from folders relative to this package.
func load(t testing.TB, paths ...string) []*corpus.Article {
	t.Helper()
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: paths}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Skipped) > 0 {
		t.Fatalf("skipped: %v", c.Skipped)
	}
	return c.Articles
}

// seedDocs returns the prepared seeds keyed by their three-digit prefix.
func seedDocs(t testing.TB) map[string]*Doc {
	t.Helper()
	out := map[string]*Doc{}
	for _, a := range load(t, "../../seeds") {
		out[a.ID[:3]] = Prepare(a)
	}
	if len(out) != 5 {
		t.Fatalf("want 5 seeds, got %d", len(out))
	}
	return out
}

// article builds an in-memory article, one paragraph per string.
func article(id string, paras ...string) *corpus.Article {
	a := &corpus.Article{ID: id, Title: id}
	for _, p := range paras {
		a.Blocks = append(a.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: p})
	}
	return a
}

func sentenceWith(d *Doc, sub string) int {
	for i, s := range d.Sentences {
		if strings.Contains(s.Text, sub) {
			return i
		}
	}
	return -1
}

// rowOf finds the row holding sentence i of side A (or B).
func rowOf(rows []Row, sideA bool, i int) *Row {
	for k := range rows {
		side := rows[k].B
		if sideA {
			side = rows[k].A
		}
		for _, x := range side {
			if x == i {
				return &rows[k]
			}
		}
	}
	return nil
}

func TestAlignSeedsParaphrase(t *testing.T) {
	d := seedDocs(t)
	a, b := d["000"], d["001"]
	c := Compare(a, b)
	pairs := []struct{ a, b string }{
		{"we may ruin the potential solution", "could “ruin the potential solution.”"},
		{"traditional Ukrainian dishes like Borsch", "traditional Ukrainian dishes such as Borsch"},
		{"arrangements could be negotiated directly between NATO member states", "NATO states could negotiate certain limits"},
		{"Russian demands for Ukrainian territory in the Donbas region", "Russia’s demand that Ukraine surrender parts of the Donbas region"},
	}
	for _, p := range pairs {
		ia, ib := sentenceWith(a, p.a), sentenceWith(b, p.b)
		if ia < 0 || ib < 0 {
			t.Fatalf("fixture sentences not found: %q %d, %q %d", p.a, ia, p.b, ib)
		}
		r := rowOf(c.Rows, true, ia)
		if r == nil || r.IsGap() || !contains(r.B, ib) {
			t.Errorf("A%d (%q) should align with B%d; row %+v", ia, p.a, ib, r)
		}
	}
	// The phrase both quote is marked as quoted, not copied: it is inside
	// quotation marks on both sides.
	ia := sentenceWith(a, "we may ruin the potential solution")
	r := rowOf(c.Rows, true, ia)
	found := false
	for _, s := range r.Shared {
		at := a.Sentences[s.A.Sentence].Text[s.A.Start:s.A.End]
		bt := b.Sentences[s.B.Sentence].Text[s.B.Start:s.B.End]
		if s.Kind == Quoted && at == "ruin the potential solution" && bt == at {
			found = true
		}
	}
	if !found {
		t.Errorf("quoted run not found in %+v", r.Shared)
	}
	// 001 pads 000 out: most of 000 is in 001, much of 001 is not in 000.
	if c.CoverageA < 0.5 || c.CoverageB > c.CoverageA {
		t.Errorf("coverage A in B %.2f, B in A %.2f", c.CoverageA, c.CoverageB)
	}
	if c.SharedQuotes < 2 {
		t.Errorf("shared quotes %d, want the two reworded quotes", c.SharedQuotes)
	}
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// checkRows asserts the shape every alignment must have: each sentence of
// both sides in exactly one row; rows in A's order; B's sentences in order
// except in rows marked Moved; sides of consecutive sentences; no empty row.
func checkRows(t *testing.T, name string, c *Comparison) {
	t.Helper()
	seenA := make([]int, len(c.A.Sentences))
	seenB := make([]int, len(c.B.Sentences))
	lastA, lastB := -1, -1
	for k, r := range c.Rows {
		if r.A == nil && r.B == nil {
			t.Fatalf("%s: row %d is empty", name, k)
		}
		if r.IsGap() && (r.Score != 0 || r.Moved) {
			t.Errorf("%s: gap row %d has a score or is moved: %+v", name, k, r)
		}
		for x, i := range r.A {
			seenA[i]++
			if i <= lastA || x > 0 && i != r.A[x-1]+1 {
				t.Fatalf("%s: A out of order or not consecutive at row %d: %v after %d", name, k, r.A, lastA)
			}
			lastA = i
		}
		for x, j := range r.B {
			seenB[j]++
			if x > 0 && j != r.B[x-1]+1 {
				t.Fatalf("%s: B side not consecutive at row %d: %v", name, k, r.B)
			}
		}
		if len(r.B) > 0 && !r.Moved {
			if r.B[0] <= lastB {
				t.Fatalf("%s: B out of order at row %d (not marked moved): %v after %d", name, k, r.B, lastB)
			}
			lastB = r.B[len(r.B)-1]
		}
	}
	for i, n := range seenA {
		if n != 1 {
			t.Errorf("%s: A%d appears in %d rows", name, i, n)
		}
	}
	for j, n := range seenB {
		if n != 1 {
			t.Errorf("%s: B%d appears in %d rows", name, j, n)
		}
	}
}

// Every sentence of both sides appears exactly once; A reads in order, B
// too apart from moved passages.
func TestAlignOrderAndCompleteness(t *testing.T) {
	d := seedDocs(t)
	for _, p := range [][2]string{{"000", "001"}, {"001", "000"}, {"002", "003"}, {"003", "004"}, {"000", "004"}, {"001", "001"}} {
		checkRows(t, p[0]+"/"+p[1], Compare(d[p[0]], d[p[1]]))
	}
	// An article against itself: every row matched, full coverage.
	c := Compare(d["001"], d["001"])
	if c.Matched != len(d["001"].Sentences) || c.CoverageA != 1 || c.Similarity < 0.999 {
		t.Errorf("self comparison: matched %d of %d, coverage %.2f, similarity %.3f", c.Matched, len(d["001"].Sentences), c.CoverageA, c.Similarity)
	}
	a, b := longPair(t)
	checkRows(t, "long pair", Compare(Prepare(a), Prepare(b)))
}

// An outlet that reorders a report: each sentence still finds its
// counterpart, the passages out of B's order are marked moved, and a
// sentence only B has sits after its neighbour in B.
func TestAlignReordered(t *testing.T) {
	a := Prepare(article("a",
		"The central bank raised its main interest rate by half a percentage point on Thursday, the largest increase in two decades.",
		"Governor Maria Lind said inflation had proved more stubborn than the bank expected and warned of further rises.",
		"Mortgage lenders began repricing fixed-rate deals within hours of the announcement.",
		"Opposition parties accused the government of leaving households exposed to soaring energy bills.",
		"Economists at several banks now expect the rate to peak above five percent next spring."))
	b := Prepare(article("b",
		"Households face higher mortgage costs after lenders repriced their fixed-rate deals hours after the announcement.",
		"The central bank lifted its key interest rate by half a percentage point on Thursday, its biggest increase in twenty years.",
		"Several bank economists expect the rate to peak above five percent in the spring.",
		"Governor Maria Lind said inflation was proving more stubborn than expected and warned of further rises.",
		"Shares in housebuilders fell sharply in afternoon trading."))
	c := Compare(a, b)
	checkRows(t, "reordered", c)
	want := map[int]int{0: 1, 1: 3, 2: 0, 4: 2}
	for i, j := range want {
		r := rowOf(c.Rows, true, i)
		if r == nil || !contains(r.B, j) {
			t.Errorf("A%d should face B%d: %+v", i, j, r)
		}
	}
	if r := rowOf(c.Rows, true, 3); r == nil || !r.IsGap() {
		t.Errorf("the opposition sentence only A has should face a gap: %+v", r)
	}
	moved := 0
	for _, r := range c.Rows {
		if r.Moved {
			moved++
		}
	}
	if moved == 0 || moved > 2 {
		t.Errorf("want one or two moved rows, got %d: %+v", moved, c.Rows)
	}
	// The housebuilders sentence (B4) follows the row of its neighbour
	// left in place before it.
	for k, r := range c.Rows {
		if r.A == nil && r.B[0] == 4 {
			prev := c.Rows[max(0, k-1)]
			if k == 0 || prev.Moved || !contains(prev.B, 3) && !contains(prev.B, 2) {
				t.Errorf("B4 should follow the row holding B3 or B2: rows %+v", c.Rows)
			}
		}
	}
}

// 000 puts in two sentences what 001 says in one, including the quote
// "tough but very constructive" that 001 trims to "tough but
// constructive": both of 000's sentences face 001's (the shared quote
// makes the second one's counterpart clear), and the paraphrase is shared
// wording of the row.
func TestAlignSeedsSplitQuote(t *testing.T) {
	d := seedDocs(t)
	a, b := d["000"], d["001"]
	c := Compare(a, b)
	ia, ib := sentenceWith(a, "tough but very constructive"), sentenceWith(b, "tough but constructive")
	r := rowOf(c.Rows, true, ia)
	if r == nil || !contains(r.B, ib) {
		t.Fatalf("A%d should face B%d: %+v", ia, ib, r)
	}
	want := map[string]bool{"tough": true, "constructive": true}
	for _, s := range r.Shared {
		if s.A.Sentence == ia && s.B.Sentence == ib {
			delete(want, a.Sentences[ia].Text[s.A.Start:s.A.End])
		}
	}
	if len(want) > 0 {
		t.Errorf("%v should be shared wording of the row: %+v", want, r.Shared)
	}
}

func TestAlignMergeAndGap(t *testing.T) {
	a := Prepare(article("a",
		"Heavy rain flooded the old harbour district on Tuesday.",
		"The city council voted to rebuild the flood barrier, and the mayor promised compensation for shop owners within a month.",
		"Tourists were asked to avoid the waterfront."))
	b := Prepare(article("b",
		"Heavy rain flooded the harbour district on Tuesday night.",
		"The city council voted to rebuild the flood barrier. The mayor promised compensation for shop owners within a month.",
		"A local football match was postponed because of a ticketing dispute."))
	c := Compare(a, b)
	r := rowOf(c.Rows, true, 1)
	if r == nil || len(r.B) != 2 || r.B[0] != 1 || r.B[1] != 2 {
		t.Fatalf("A1 should face B1+B2 (one outlet split the sentence); rows %+v", c.Rows)
	}
	if r := rowOf(c.Rows, true, 2); r == nil || !r.IsGap() {
		t.Errorf("the tourists sentence should face a gap: %+v", r)
	}
	if r := rowOf(c.Rows, false, 3); r == nil || !r.IsGap() {
		t.Errorf("the football sentence should face a gap: %+v", r)
	}
}

func TestSharedWordingKinds(t *testing.T) {
	a := Prepare(article("a", "Officials described the negotiations as tough but very constructive on Sunday."))
	b := Prepare(article("b", "The negotiators called the talks tough but constructive, officials said."))
	sh := sharedWording(a, b, []int{0}, []int{0})
	var copied, common []string
	for _, s := range sh {
		txt := a.Sentences[0].Text[s.A.Start:s.A.End]
		if s.Kind == Copied {
			copied = append(copied, txt)
		} else {
			common = append(common, txt)
		}
	}
	if len(copied) != 0 {
		t.Errorf("no run of four words is shared, got copied %q", copied)
	}
	// Runs are shown from their first content word to their last: "tough",
	// not "tough but".
	want := map[string]bool{"tough": true, "constructive": true, "Officials": true, "negotiations": true}
	for _, c := range common {
		delete(want, c)
	}
	if len(want) > 0 {
		t.Errorf("missing common wording %v in %q", want, common)
	}
}

// A heading and a body sentence that share a word or two by chance do not
// face each other; headings that say the same thing do.
func TestAlignHeadings(t *testing.T) {
	a := Prepare(article("a",
		"After five hours, the ministry reported no compromise on the plan.",
		"Talks Resume in Geneva",
		"Delegations will meet again in Geneva next week."))
	b := Prepare(article("b",
		"A Plan Forged from Compromise",
		"Negotiators said the revised plan left several issues open.",
		"Talks to Resume in Geneva",
		"The delegations plan to meet again in Geneva next week, officials said."))
	if !a.Sentences[1].Heading || !b.Sentences[0].Heading || !b.Sentences[2].Heading {
		t.Fatalf("fixture headings not recognised: %+v %+v", a.Sentences, b.Sentences)
	}
	c := Compare(a, b)
	checkRows(t, "headings", c)
	if r := rowOf(c.Rows, true, 0); r == nil || contains(r.B, 0) {
		t.Errorf("a body sentence should not face an unrelated heading: %+v", r)
	}
	if r := rowOf(c.Rows, true, 1); r == nil || !contains(r.B, 2) {
		t.Errorf("the two headings should face each other: %+v", r)
	}
}
