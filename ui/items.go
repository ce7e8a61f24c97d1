package ui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

// item is an article as the UI holds it: the article plus what is computed
// once, off the update loop, when it arrives (the read-mark key, sort keys).
type item struct {
	a          *corpus.Article
	key        string // read-mark key
	titleFold  string
	outletFold string
	// The publication date as a sort key, so that sorting and merging
	// batches into a list of 100,000 do not go through a.Published
	// (a cache miss per comparison, most of the update loop's time).
	date corpus.DateKey
}

func newItem(a *corpus.Article) *item {
	return &item{
		a:          a,
		key:        userstate.ArticleKey(a),
		titleFold:  strings.ToLower(a.Title),
		outletFold: strings.ToLower(a.Outlet),
		date:       corpus.DateKeyOf(a),
	}
}

// sortMode is the order of the list; `s` cycles through them.
type sortMode int

const (
	sortDate sortMode = iota
	sortOutlet
	sortTitle
	sortModes
)

func (s sortMode) String() string {
	return [...]string{"date", "outlet", "title"}[s]
}

func (s sortMode) next() sortMode { return (s + 1) % sortModes }

// compare orders two items for mode s. Every mode falls back to the default
// order (newest first, undated last, then ID), so sorting is total and stable.
func (s sortMode) compare(a, b *item) int {
	switch s {
	case sortOutlet:
		// Articles with no outlet go last.
		if (a.outletFold == "") != (b.outletFold == "") {
			if a.outletFold == "" {
				return 1
			}
			return -1
		}
		if c := strings.Compare(a.outletFold, b.outletFold); c != 0 {
			return c
		}
	case sortTitle:
		if c := strings.Compare(a.titleFold, b.titleFold); c != 0 {
			return c
		}
	}
	return compareDate(a, b)
}

// compareDate: newest first, undated last, ties by ID.
func compareDate(a, b *item) int {
	if c := a.date.Compare(b.date); c != 0 {
		return c
	}
	return cmp.Compare(a.a.ID, b.a.ID)
}

func sortItems(items []*item, s sortMode) {
	slices.SortStableFunc(items, s.compare)
}

// mergeItems merges the sorted slices a and b into a new sorted slice, in
// time linear in their length (batches arrive while the list is shown).
func mergeItems(a, b []*item, s sortMode) []*item {
	out := make([]*item, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if s.compare(b[j], a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// articlesOf are the articles of items.
func articlesOf(items []*item) []*corpus.Article {
	out := make([]*corpus.Article, len(items))
	for i, it := range items {
		out[i] = it.a
	}
	return out
}
