package formats

import (
	"testing"

	"github.com/parallax-reader/parallax/corpus/article"
)

// A derived title is the first sentence of the first block, by the
// analyser's sentence rule: a dotted acronym or an honorific does not cut
// it short.
func TestHeadlineFromBlocks(t *testing.T) {
	for in, want := range map[string]string{
		"The F.B.I. said on Monday it had opened an inquiry. Agents met.": "The F.B.I. said on Monday it had opened an inquiry",
		"Mr. Flynn's lawyer spoke. He left.":                              "Mr. Flynn's lawyer spoke",
		"Is it over? Nobody knows.":                                       "Is it over?",
		"Talks resumed.":                                                  "Talks resumed.",
	} {
		if got := headlineFromBlocks([]article.Block{{Kind: article.Paragraph, Text: in}}); got != want {
			t.Errorf("headlineFromBlocks(%q) = %q, want %q", in, got, want)
		}
	}
}
