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
// not at every article. 3,072 articles on four workers: each looks before
// its 1st, 257th and 513th article, twelve looks in all (counting terms
// looks once more, after its workers). Mutation testing's instrumented
// builds ask Err twice a look, hence the range.
func TestStoriesWorkersLookAtCtxEveryCheckEvery(t *testing.T) {
	const n, workers = 3 * checkEvery * 4, 4
	as := make([]*corpus.Article, n)
	for i := range as {
		as[i] = newsItem(fmt.Sprintf("brief%04d", i), "Wire", "", "Brief", "Bridge reopens.")
	}
	ctx := &lookCounter{Context: context.Background()}
	parallel(ctx, n, workers, func(int) {})
	looks := func(want int32) (int32, bool) {
		got := ctx.looks.Swap(0)
		return got, got >= want && got <= 2*want
	}
	if got, ok := looks(12); !ok {
		t.Errorf("parallel looked at ctx %d times, want 12", got)
	}
	counts := countTerms(ctx, as, workers)
	if got, ok := looks(13); !ok {
		t.Errorf("countTerms looked at ctx %d times, want 13", got)
	}
	fps, q, names := makeFingerprints(context.Background(), counts, workers)
	rare := rareTerms(counts.df, n)
	candidateEdges(ctx, as, make([]when, n), fps, names, rare, q, len(counts.hashes), storyDefaults(StoryOptions{Workers: workers}), nil)
	if got, ok := looks(12); !ok {
		t.Errorf("candidateEdges looked at ctx %d times, want 12", got)
	}
}
