package compare

import (
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
