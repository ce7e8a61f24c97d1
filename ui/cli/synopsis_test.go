package cli

import "testing"

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
