package cli

import (
	"regexp"
	"testing"
)

// The command list of `parallax help` reads alike whichever way a summary's
// first sentence ends: at a colon, a full stop or the paragraph.
func TestSynopsis(t *testing.T) {
	for _, tc := range []struct{ summary, want string }{
		{"Print one line per article: position, date.\n\nMore.", "Print one line per article"},
		{"Group the articles into stories, on two levels. An event is one.", "Group the articles into stories, on two levels"},
		{"List, add and remove the feeds you follow.\n\nWith no argument...", "List, add and remove the feeds you follow"},
		{"Compare two articles", "Compare two articles"},
		{"Search the articles and print the best matches, best first, each with a snippet around the hits", "Search the articles and print the best matches, best first, each…"},
	} {
		if got := synopsis(tc.summary, 66); got != tc.want {
			t.Errorf("synopsis(%q) = %q, want %q", tc.summary, got, tc.want)
		}
	}
}

// Every flag that takes a value names it (N, SIZE, MODE, LEVEL...), never by
// its Go type as package flag does when the usage has no `NAME`.
func TestHelpNamesFlagValues(t *testing.T) {
	goType := regexp.MustCompile(`--\S+ (string|int|uint|float|duration|value|STRING|INT|UINT|FLOAT|DURATION|VALUE)\b`)
	for _, c := range commandTable() {
		_, out, errOut := run(t, "help", c.name)
		if m := goType.FindString(out + errOut); m != "" {
			t.Errorf("parallax help %s shows %q: name the value in the flag's usage", c.name, m)
		}
	}
}
