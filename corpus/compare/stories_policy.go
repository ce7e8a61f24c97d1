package compare

import (
	"context"
	"os"
	"slices"
	"time"

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
// them (minJoinShare), the stored one joined by the new and changed
// articles (joinStories); else a fresh one (GroupStoriesContext). One made
// is stored at path for the next start. A missing, damaged or stale file
// is never trusted, only replaced; failing to save costs the next start
// time, nothing else, so it is not an error. The error is ctx's.
func LoadOrGroupStories(ctx context.Context, path string, as []*corpus.Article, opt StoryOptions) (*Stories, StoriesFrom, error) {
	var g *storedGrouping
	if path != "" {
		g, _ = readStored(path)
	}
	if g != nil && g.sameOptions(opt) {
		at, same := g.match(as)
		if same {
			now := time.Now()
			_ = os.Chtimes(path, now, now) // recently used: not pruned
			return g.storiesOf(as, at), StoriesStored, nil
		}
		kept := 0
		for _, i := range at {
			if i >= 0 {
				kept++
			}
		}
		if float64(kept) >= minJoinShare*float64(len(as)) && kept > 0 {
			st, err := joinStories(ctx, g, at, as, opt)
			if err != nil {
				return nil, StoriesGrouped, err
			}
			saveStories(path, st, opt)
			return st, StoriesJoined, nil
		}
	}
	st, err := GroupStoriesContext(ctx, as, opt)
	if err != nil {
		return nil, StoriesGrouped, err
	}
	saveStories(path, st, opt)
	return st, StoriesGrouped, nil
}

// saveStories stores st at path for the next start, and prunes the older
// stored groupings it supersedes.
func saveStories(path string, st *Stories, opt StoryOptions) {
	if path != "" && WriteStories(path, st, opt) == nil {
		cache.Prune(path)
	}
}
