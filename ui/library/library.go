// Package library is the reader's data: the loaded articles, the read
// marks and bookmarks, the store's search index, and the stories the
// store grouped the articles into. It is plain Go (no terminal, no Bubble
// Tea): the panes of package ui read it and ask it for changes; none of
// them owns data. Work that takes time (the index's Jobs, ApplyEdits)
// runs off the caller's update loop.
package library

import (
	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/store"
	"github.com/parallax-reader/parallax/corpus/storyedits"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

// Library holds one reader's data.
type Library struct {
	// Index is the search index of the loaded articles: the store's
	// (store.Store.Index) once it is open.
	Index *store.Index
	// Marks are the read marks, Bookmarks the bookmarks, both kept
	// between runs.
	Marks, Bookmarks *userstate.Marks
	// Docs are articles prepared for comparing, kept for reuse.
	Docs *DocCache
	// Edits are the reader's say on stories, kept between runs; they
	// win over grouping (see Regroup).
	Edits *storyedits.Edits

	articles []*corpus.Article
	stories  *compare.Stories // shown: auto with the edits applied
	auto     *compare.Stories // as grouping found them
}

// New is an empty library with the given read marks and bookmarks.
func New(marks, bookmarks *userstate.Marks) *Library {
	return &Library{Index: store.NewIndex(""), Marks: marks, Bookmarks: bookmarks, Docs: NewDocCache(64), Edits: storyedits.InMemory()}
}

// Add takes articles that were loaded, in load order.
func (l *Library) Add(arts []*corpus.Article) { l.articles = append(l.articles, arts...) }

// Remove drops articles that left the corpus (--watch) from the list of
// articles; the store's index drops them from search results
// (store.Index.Apply).
func (l *Library) Remove(arts []*corpus.Article) {
	if len(arts) == 0 {
		return
	}
	drop := make(map[*corpus.Article]bool, len(arts))
	for _, a := range arts {
		drop[a] = true
	}
	kept := l.articles[:0]
	for _, a := range l.articles {
		if !drop[a] {
			kept = append(kept, a)
		}
	}
	clear(l.articles[len(kept):])
	l.articles = kept
}

// Articles are every article loaded, in load order. Read only.
func (l *Library) Articles() []*corpus.Article { return l.articles }

// Len is how many articles are loaded.
func (l *Library) Len() int { return len(l.articles) }

// SetStories puts the latest grouping in place, as it is (see SetGrouping).
func (l *Library) SetStories(st *compare.Stories) { l.stories, l.auto = st, st }

// SetGrouping puts the latest grouping in place: auto as grouping found
// it, shown with the reader's edits applied (ApplyEdits).
func (l *Library) SetGrouping(auto, shown *compare.Stories) { l.stories, l.auto = shown, auto }

// AutoStories is the latest grouping as grouping found it, nil before the
// first.
func (l *Library) AutoStories() *compare.Stories { return l.auto }

// ApplyEdits is auto with the edits applied: a pass over every article,
// so callers run it off the update loop.
func ApplyEdits(auto *compare.Stories, edits *storyedits.Edits) *compare.Stories {
	if auto == nil || edits == nil {
		return auto
	}
	return auto.WithEdits(edits.All())
}

// Stories is the latest grouping, nil before the first.
func (l *Library) Stories() *compare.Stories { return l.stories }

// StoryIDs are the IDs of the articles in a's story (a included), nil
// when a's story is not known.
func (l *Library) StoryIDs(a *corpus.Article) []string {
	if l.stories == nil {
		return nil
	}
	if s := l.stories.Of(a); s != nil {
		return s.IDs()
	}
	return nil
}
