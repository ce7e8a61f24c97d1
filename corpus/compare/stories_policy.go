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

// LoadOrGroupStories is the grouping of as: the one stored at path when it
// is of these very articles (milliseconds), else a fresh one (see
// GroupStoriesContext), which is then stored at path for the next start.
// stored says which. A missing, damaged or stale file is never trusted,
// only replaced; failing to save costs the next start time, nothing else,
// so it is not an error. The error is ctx's.
func LoadOrGroupStories(ctx context.Context, path string, as []*corpus.Article, opt StoryOptions) (st *Stories, stored bool, err error) {
	if path != "" {
		if st, err := ReadStories(path, as, opt); err == nil {
			now := time.Now()
			_ = os.Chtimes(path, now, now) // recently used: not pruned
			return st, true, nil
		}
	}
	st, err = GroupStoriesContext(ctx, as, opt)
	if err != nil {
		return nil, false, err
	}
	if path != "" && WriteStories(path, st, opt) == nil {
		cache.Prune(path)
	}
	return st, false, nil
}
