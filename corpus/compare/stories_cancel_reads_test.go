package compare

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// cancellingSource gives each article a short report and cancels the
// grouping's context at the first load, counting the loads.
type cancellingSource struct {
	cancel context.CancelFunc
	loads  atomic.Int32
}

func (s *cancellingSource) LoadText(a *corpus.Article) error {
	if s.loads.Add(1) == 1 {
		s.cancel()
	}
	a.Blocks = []corpus.Block{{Kind: corpus.Paragraph, Text: "Officials in " + a.ID + " said the bridge would reopen on Monday."}}
	return nil
}

// A grouping superseded while it reads the articles' texts stops reading
// them within checkEvery articles a worker, and answers ctx's error.
func TestStoriesCancelledWhileReadingTexts(t *testing.T) {
	for _, workers := range []int{1, 2} {
		ctx, cancel := context.WithCancel(context.Background())
		src := &cancellingSource{cancel: cancel}
		var as []*corpus.Article
		for i := range 4 * checkEvery * workers {
			a := &corpus.Article{ID: fmt.Sprintf("town%04d", i), Title: "Bridge to reopen"}
			a.DeferText(src, "")
			as = append(as, a)
		}
		st, err := GroupStoriesContext(ctx, as, StoryOptions{Workers: workers})
		if !errors.Is(err, context.Canceled) || st != nil {
			t.Fatalf("%d workers: %v, %v", workers, st, err)
		}
		if n := int(src.loads.Load()); n > checkEvery*workers {
			t.Errorf("%d workers: %d texts read after the grouping was cancelled at the first", workers, n)
		}
	}
}

// parallel calls f once for each index, and after ctx is done, at most
// until the worker's next look at it (every checkEvery of its indices).
func TestStoriesParallelStops(t *testing.T) {
	var calls [3 * checkEvery]atomic.Int32
	parallel(context.Background(), len(calls), 2, func(i int) { calls[i].Add(1) })
	for i := range calls {
		if n := calls[i].Load(); n != 1 {
			t.Fatalf("f(%d) called %d times", i, n)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var even atomic.Int32
	parallel(ctx, 3*checkEvery, 2, func(i int) {
		if i%2 == 0 { // worker 0's: it looked at ctx before f(0), next at f(2*checkEvery)
			even.Add(1)
			cancel()
		}
	})
	if n := even.Load(); n > checkEvery {
		t.Errorf("worker 0 went on for %d calls after ctx was done", n)
	}
}
