package compare

import (
	"context"

	"github.com/parallax-reader/parallax/corpus"
)

// minJoinShare: a stored grouping is joined by the new articles (rather
// than the whole corpus regrouped) when it still holds at least this share
// of the articles.
const minJoinShare = 0.5

// joinStories is the grouping of as made from a stored grouping g of most
// of them (at: each stored article's index in as, -1 when gone or
// changed): the stored events and lines, less the articles gone, to begin
// with; then the new (and changed) articles join them by the rule of
// GroupStoriesContext, restricted to their own candidate pairs: a new
// article's pairs come from the same index of heaviest terms, are scored
// with the same thresholds, and are merged strongest first with the same
// average linkage, so a new article joins an event, bridges two, or starts
// its own. No pair of two stored articles is scored again.
//
// What it does not redo: stored events are not split when an article
// that held them together is gone, nor merged with each other except
// through a new article; term weights are those of the whole new corpus
// (the fingerprints are made again, the dominant cost, since the stored
// file keeps none). A pair is found from the new article's side only.
func joinStories(ctx context.Context, g *storedGrouping, at []int32, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	isNew := make([]bool, len(as))
	for i := range isNew {
		isNew[i] = true
	}
	for _, i := range at {
		if i >= 0 {
			isNew[i] = false
		}
	}
	// The stored events and lines, in indices of as, less what is gone.
	var initial, lines [][]int32
	first := make([]int32, len(g.events)) // an article of each stored event left, or -1
	for e, se := range g.events {
		var m []int32
		for _, k := range se.members {
			if i := at[k]; i >= 0 {
				m = append(m, i)
			}
		}
		first[e] = -1
		if len(m) > 0 {
			first[e] = m[0]
			initial = append(initial, m)
		}
	}
	for _, l := range g.lines {
		var reps []int32
		for _, e := range l {
			if first[e] >= 0 {
				reps = append(reps, first[e])
			}
		}
		if len(reps) > 1 {
			lines = append(lines, reps)
		}
	}
	return groupFrom(ctx, as, opt, isNew, initial, lines)
}
