package compare

import (
	"fmt"
	"strings"
	"testing"
)

// Single-quoted passages, exactly. After one, the scan resumes past its
// closing mark, so a straight double quote at the end of the passage (a
// name in quotes inside it) does not open a quote of its own. Written
// against lived mutants of quotes.go (MUTATION.md, compare-quotes).
func TestQuoteSpansSingleQuotes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{`Critics dubbed it 'the "peace plan"' on Sunday, and Smith said "it will fail".`,
			[]string{`the "peace plan"`, "it will fail"}},
		{`Critics dubbed it ‘the "peace plan"’ on Sunday, and Smith said "it will fail".`,
			[]string{`the "peace plan"`, "it will fail"}},
		// An apostrophe inside a word opens nothing, even when a quoted
		// word follows.
		{`We don't think 'progress' is the word.`, []string{"progress"}},
		// Two letters are a quotation; one is "rock 'n' roll".
		{`The minister said 'no' on Friday.`, []string{"no"}},
		{`The minister said 'n' on Friday.`, nil},
		// A quoted letter that ends the paragraph is a quotation.
		{`The inspectors gave the port a grade of 'A'`, []string{"A"}},
	} {
		var got []string
		for _, sp := range quoteSpans(c.in) {
			got = append(got, c.in[sp.start:sp.end])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("quoteSpans(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// dumpQuotes writes each quote of d as one line: its text, speaker, place
// (block, byte span, sentence passage, last sentence) and its words with
// their spans relative to the quote and their flags.
func dumpQuotes(d *Doc) string {
	var sb strings.Builder
	for _, q := range d.Quotes() {
		fmt.Fprintf(&sb, "%q by %q (%v) block %d %d-%d at s%d %d-%d last s%d:",
			q.Text, q.Speaker, q.SpeakerKind, q.Block, q.Start, q.End, q.At.Sentence, q.At.Start, q.At.End, q.last)
		sb.WriteString(dumpWords(q.words) + "\n")
	}
	return sb.String()
}

// dumpWords writes words as dumpQuotes does: fold/term@span, ^ for initial.
func dumpWords(ws []word) string {
	var sb strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&sb, " %s/%s@%d-%d", w.fold, w.term, w.start, w.end)
		if w.initial {
			sb.WriteString("^")
		}
	}
	return sb.String()
}

// Quotes in a block's second and third sentences, one running over two
// sentences, and a name inside a quotation, which is not its speaker:
// every quote's place, speaker and words, exactly.
func TestQuotesOfPlacesExact(t *testing.T) {
	d := Prepare(article("a",
		"David Smith met Mark Jones in Geneva on Monday.",
		`The talks went on. "I spoke to Smith yesterday," he said. "We will not sign. The plan is dead," Jones added.`,
		"“We will not sign this plan. It is dead on arrival, and everyone in Kyiv knows it.",
	))
	got := dumpQuotes(d)
	want := `"I spoke to Smith yesterday" by "Mark Jones" (pronoun) block 1 20-46 at s2 1-28 last s2: i/@0-1^ spoke/spoke@2-7 to/@8-10 smith/smith@11-16 yesterday/yesterday@17-26
"We will not sign. The plan is dead" by "Mark Jones" (named) block 1 59-93 at s3 1-36 last s3: we/@0-2^ will/@3-7 not/@8-11 sign/sign@12-16 the/@18-21 plan/plan@22-26 is/@27-29 dead/kill@30-34
"We will not sign this plan. It is dead on arrival, and everyone in Kyiv knows it" by "Mark Jones" (carried) block 2 3-83 at s4 3-30 last s5: we/@0-2^ will/@3-7 not/@8-11 sign/sign@12-16 this/@17-21 plan/plan@22-26 it/@28-30 is/@31-33 dead/kill@34-38 on/@39-41 arrival/arriv@42-49 and/@51-54 everyone/everyon@55-63 in/@64-66 kyiv/@kyiv@67-71 knows/know@72-77 it/@78-80
`
	if got != want {
		t.Errorf("quotes:\n%s\nwant:\n%s", got, want)
	}
}

// A quote's words are its sentence's words (quoteWords), which must be the
// words of the quote tokenised on its own (their folds, terms, spans and
// initials; the sentence reads "allies'" before a closing mark as a
// possessive, which only the sentence's name rules use). A dotted acronym
// that ends a quote ("the E.U.,") ends at a full stop the quote's text
// leaves out: it was dropped from the quote's words, and with it the term
// "european union" the quote is matched by.
func TestQuoteWordsAsTokenisedAfresh(t *testing.T) {
	d := Prepare(article("a",
		`"Sanctions will hurt the E.U.," Senator Mark Jones said on Monday.`,
		`He called the deal 'a win for the allies' and "a warning to the U.S. and its friends."`,
		`"We have three demands: 3.5% more pay, shorter hours and the allies' backing," a union official said.`,
	))
	n := 0
	for _, q := range d.Quotes() {
		if q.At.Sentence != q.last {
			continue
		}
		n++
		if got, want := dumpWords(q.words), dumpWords(words(q.Text)); got != want {
			t.Errorf("quote %q\nwords %s\n want %s", q.Text, got, want)
		}
	}
	if n != 4 {
		t.Errorf("%d one-sentence quotes, want 4:\n%s", n, dumpQuotes(d))
	}
	got := dumpQuotes(d)[:strings.Index(dumpQuotes(d), "\n")+1]
	want := `"Sanctions will hurt the E.U" by "Mark Jones" (named) block 0 1-28 at s0 1-30 last s0: sanctions/sanction@0-9^ will/@10-14 hurt/injur@15-19 the/@20-23 eu/@european union@24-27` + "\n"
	if got != want {
		t.Errorf("quote:\n%s\nwant:\n%s", got, want)
	}
}

// Names inside a quotation are masked in every sentence it covers, also
// when it starts in a block's second sentence: "he" after it is the
// senator named before, not the man the speaker mentions.
func TestQuoteMasksNamesInsideIt(t *testing.T) {
	d := Prepare(article("a",
		"Senator Mark Jones arrived in Geneva on Monday.",
		`The talks went on. "I spoke to Mr Brown yesterday," he said.`,
	))
	got := dumpQuotes(d)
	want := `"I spoke to Mr Brown yesterday" by "Mark Jones" (pronoun) block 1 20-49 at s2 1-31 last s2: i/@0-1^ spoke/spoke@2-7 to/@8-10 mr/@11-13 brown/brown@14-19 yesterday/yesterday@20-29
`
	if got != want {
		t.Errorf("quotes:\n%s\nwant:\n%s", got, want)
	}
}
