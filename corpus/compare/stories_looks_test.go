package compare

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// lookCounter is a live context that counts the looks at it (Err).
type lookCounter struct {
	context.Context
	looks atomic.Int32
}

func (c *lookCounter) Err() error {
	c.looks.Add(1)
	return nil
}

// Grouping's workers look at ctx once every checkEvery of their articles:
// often enough to stop soon after it is done (the cancellation tests),
// not at every article. 1,024 articles on two workers: each looks before
// its first and its 257th article, four looks in all (counting terms
// looks once more, after its workers).
func TestStoriesWorkersLookAtCtxEveryCheckEvery(t *testing.T) {
	const n, workers = 4 * checkEvery, 2
	as := make([]*corpus.Article, n)
	for i := range as {
		as[i] = newsItem(fmt.Sprintf("brief%04d", i), "Wire", "", "Brief", "Bridge reopens.")
	}
	ctx := &lookCounter{Context: context.Background()}
	parallel(ctx, n, workers, func(int) {})
	if got := ctx.looks.Swap(0); got != 4 {
		t.Errorf("parallel looked at ctx %d times, want 4", got)
	}
	counts := countTerms(ctx, as, workers)
	if got := ctx.looks.Swap(0); got != 5 {
		t.Errorf("countTerms looked at ctx %d times, want 5", got)
	}
	fps, q, names := makeFingerprints(context.Background(), counts, workers)
	rare := rareTerms(counts.df, n)
	candidateEdges(ctx, as, make([]when, n), fps, names, rare, q, len(counts.hashes), storyDefaults(StoryOptions{Workers: workers}), nil)
	if got := ctx.looks.Swap(0); got != 4 {
		t.Errorf("candidateEdges looked at ctx %d times, want 4", got)
	}
}
