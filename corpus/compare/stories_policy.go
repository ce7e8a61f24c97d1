package compare

import (
	"context"
	"slices"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
)

// The stored-grouping policy, in one place for the reader (ui/library)
// and the command line (ui/cli): where a corpus's grouping is stored, when
// the stored one is used (every article the same as when it was saved,
// the same options) and when a fresh one is saved (whenever one is made).

// StoriesPath is where the grouping of a corpus read from src is stored in
// the cache folder cacheDir, or "" when it has none (no cache folder, as
// with --no-cache, or not a corpus of files and folders).
func StoriesPath(cacheDir string, src corpus.Source) string {
	if cacheDir == "" || len(src.Paths) == 0 || slices.Contains(src.Paths, "-") {
		return ""
	}
	return cache.Path(cacheDir, src.Paths, "stories")
}

// StoriesFrom says where a grouping came from.
type StoriesFrom int

const (
	StoriesGrouped StoriesFrom = iota // grouped afresh
	StoriesStored                     // read back as stored: no article changed
	StoriesJoined                     // stored, joined by the new and changed articles
)

// LoadOrGroupStories is the grouping of as: the one stored at path when it
// is of these very articles (milliseconds); when it still holds most of
// them (joinable), the stored one joined by the new and changed articles
// (joinStories: only those are read and fingerprinted); else a fresh one
// (GroupStoriesContext). One made is stored at path for the next start. A
// missing, damaged or stale file is never trusted, only replaced; failing
// to save costs the next start time, nothing else, so it is not an error.
//
// Text: an article the loader made is known again by its head (ID,
// Article.Origin and the fields a list shows, see articleKey), so reading
// the grouping back needs no text, and as may be listed without it
// (corpus.Options.ListOnly). Joining needs the text of the new and
// changed articles only, a fresh grouping every article's. The text of an
// article listed without it is read once, for this alone, and not kept
// (Article.Text): no article gains its text here, so grouping a whole
// corpus does not hold the corpus's text in memory, and it may run while
// another goroutine loads texts. A grouping read back (StoriesStored, or
// from ReadStories) reads its stored fingerprints when first needed
// (Stories.Prepare, best in the background); the others have them.
//
// The only error is ctx's.
func LoadOrGroupStories(ctx context.Context, path string, as []*corpus.Article, opt StoryOptions) (*Stories, StoriesFrom, error) {
	st, from, save, err := LoadOrGroupStoriesToSave(ctx, path, as, opt)
	if save != nil {
		save()
	}
	return st, from, err
}

// LoadOrGroupStoriesToSave is LoadOrGroupStories that leaves storing the
// grouping it made to the caller: save (nil when nothing is to be
// stored) writes it, and may run in another goroutine while the stories
// are used, so that a reader shows them without waiting for the file.
func LoadOrGroupStoriesToSave(ctx context.Context, path string, as []*corpus.Article, opt StoryOptions) (st *Stories, from StoriesFrom, save func(), err error) {
	var g *storedGrouping
	if path != "" {
		g, _ = readStored(path)
	}
	if g != nil && g.sameOptions(opt) {
		at, same := g.match(as)
		if same {
			cache.MarkUsed(path)
			return g.storiesOf(as, at), StoriesStored, nil, nil
		}
		kept := 0
		for _, i := range at {
			if i >= 0 {
				kept++
			}
		}
		if g.joinable(kept, len(as)) {
			if t, err := g.readTerms(); err == nil {
				st, err := joinStories(ctx, g, t, at, as, opt)
				if err != nil {
					return nil, StoriesGrouped, nil, err
				}
				return st, StoriesJoined, func() { saveStories(path, st, opt) }, nil
			}
		}
	}
	st, err = groupFrom(ctx, as, opt)
	if err != nil {
		return nil, StoriesGrouped, nil, err
	}
	return st, StoriesGrouped, func() { saveStories(path, st, opt) }, nil
}

// saveStories stores st at path for the next start, and prunes the older
// stored groupings it supersedes. The terms kept for it are let go.
func saveStories(path string, st *Stories, opt StoryOptions) {
	if path != "" && WriteStories(path, st, opt) == nil {
		cache.Prune(path)
	}
	st.terms = nil
}
