package ui

import (
	"cmp"
	"slices"
	"sort"
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
	// A stable sort of a sorted list leaves it as it is, and the list is
	// mostly kept sorted (mergeItems): one pass says so, where the sort
	// compared every item log n times (a quarter of the z press at 100k).
	if slices.IsSortedFunc(items, s.compare) {
		return
	}
	// Stable, by an unstable sort with each item's place as the last key:
	// the list laid out by story (regroup) comes back to this sort on
	// every regroup, and the stable merge sort (n log² n) was a sixth of
	// a z press at 100,000 articles. By date (the default), each item's
	// date is copied beside its place, so that a comparison reads one
	// array rather than going through a pointer to each item (a cache
	// miss each in a list built over a long load; the article's ID is
	// read only for a tie).
	if s == sortDate {
		ks := make([]datePlace, len(items))
		for i, it := range items {
			ks[i] = datePlace{it.date, i}
		}
		slices.SortFunc(ks, func(a, b datePlace) int {
			if c := a.date.Compare(b.date); c != 0 {
				return c
			}
			if c := cmp.Compare(items[a.at].a.ID, items[b.at].a.ID); c != 0 {
				return c
			}
			return cmp.Compare(a.at, b.at)
		})
		sorted := make([]*item, len(items))
		for i, k := range ks {
			sorted[i] = items[k.at]
		}
		copy(items, sorted)
		return
	}
	type placed struct {
		it *item
		at int
	}
	ps := make([]placed, len(items))
	for i, it := range items {
		ps[i] = placed{it, i}
	}
	slices.SortFunc(ps, func(a, b placed) int {
		if c := s.compare(a.it, b.it); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	for i, p := range ps {
		items[i] = p.it
	}
}

// datePlace is an item's date key and its place in the list being sorted.
type datePlace struct {
	date corpus.DateKey
	at   int
}

// mergeItems merges the sorted slices a and b into a new sorted slice;
// of equal items, a's come first. Batches arrive while the list is shown,
// each small against the list, so each of b's items finds its place in a
// by a search outward from the last one's (gallop) and the runs of a
// between are copied whole: comparisons grow with len(b) and the log of
// len(a), not with len(a) (a 100,000-article list merged its batches one
// comparison an item at a time, a quarter of a warm start's CPU).
func mergeItems(a, b []*item, s sortMode) []*item {
	out := make([]*item, 0, len(a)+len(b))
	i := 0
	for _, x := range b {
		k := gallop(a, i, x, s)
		out = append(out, a[i:k]...)
		out = append(out, x)
		i = k
	}
	return append(out, a[i:]...)
}

// gallop is the first k >= lo at which x sorts before a[k] (len(a) if at
// none), for a sorted a: steps of 1, 2, 4… from lo, then a binary search
// in the last step, so that an answer near lo costs few comparisons.
func gallop(a []*item, lo int, x *item, s sortMode) int {
	before := func(k int) bool { return s.compare(x, a[k]) < 0 }
	hi, step := lo, 1
	for hi < len(a) && !before(hi) {
		lo = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi, len(a))
	return lo + sort.Search(hi-lo, func(k int) bool { return before(lo + k) })
}

// articlesOf are the articles of items.
func articlesOf(items []*item) []*corpus.Article {
	out := make([]*corpus.Article, len(items))
	for i, it := range items {
		out[i] = it.a
	}
	return out
}
