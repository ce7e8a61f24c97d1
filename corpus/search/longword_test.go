package search

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// A "word" of a megabyte in some file gives a snippet and a spelling note
// of bounded length, still highlighted and ending in "…".
func TestLongWordSnippetAndSpellingAreCapped(t *testing.T) {
	word := "zq" + strings.Repeat("x", 1<<20)
	ix := New()
	ix.Add([]*corpus.Article{
		art("long", "a.com", "A long word", "It begins "+word+" and ends here."),
		art("other", "b.com", "Other", "Nothing to see."),
	})
	for _, q := range []string{word, "zq" + strings.Repeat("x", 300)} {
		res, err := ix.Search(context.Background(), q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("query of %d bytes: %d hits, %d spellings", len(q), len(res.Hits), len(res.Spellings))
		for _, h := range res.Hits {
			if len(h.Snippet) > 2*defaultSnippetBytes+2*len("…") {
				t.Errorf("snippet of %d bytes, want at most %d", len(h.Snippet), 2*defaultSnippetBytes+2*len("…"))
			}
			for _, sp := range h.Highlights {
				if sp.Start < 0 || sp.End > len(h.Snippet) || sp.Start >= sp.End {
					t.Errorf("highlight %v outside the %d-byte snippet", sp, len(h.Snippet))
				}
			}
		}
		for _, sp := range res.Spellings {
			for _, u := range sp.Used {
				if len(u) > maxShownTerm+len("…") {
					t.Errorf("spelling shown as %d bytes, want at most %d", len(u), maxShownTerm+len("…"))
				}
			}
		}
	}
	if got := shownTerm("kyiv"); got != "kyiv" {
		t.Errorf("shownTerm(kyiv) = %q", got)
	}
	if got := shownTerm(strings.Repeat("é", 40)); got != strings.Repeat("é", 32)+"…" {
		t.Errorf("shownTerm cuts inside a rune: %q", got)
	}
}
