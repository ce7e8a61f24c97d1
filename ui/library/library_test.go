package library

import (
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

func TestLibraryArticlesAndStories(t *testing.T) {
	l := New(userstate.InMemory(), userstate.InMemory())
	a := &corpus.Article{ID: "a", Title: "Envoys meet in Geneva", Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: "Envoys met in Geneva for talks on the peace plan."}}}
	b := &corpus.Article{ID: "b", Title: "Geneva talks on the peace plan", Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: "Envoys met in Geneva for talks on the peace plan, officials said."}}}
	c := &corpus.Article{ID: "c", Title: "Harbour reopens", Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: "The harbour reopened after repairs."}}}
	l.Add([]*corpus.Article{a, b})
	l.Add([]*corpus.Article{c})
	if l.Len() != 3 || l.Articles()[2] != c {
		t.Fatalf("articles %v", l.Articles())
	}
	if l.StoryIDs(a) != nil {
		t.Fatal("a story before any grouping")
	}
	l.SetStories(compare.GroupStories(l.Articles(), compare.StoryOptions{}))
	if l.Stories() == nil || len(l.StoryIDs(a)) == 0 {
		t.Fatal("no story for a after grouping")
	}
	l.Remove([]*corpus.Article{b})
	if l.Len() != 2 || l.Articles()[0] != a || l.Articles()[1] != c {
		t.Fatalf("after removing b: %v", l.Articles())
	}
	// The index is the store's, told by store.Index.Apply (its tests).
}
