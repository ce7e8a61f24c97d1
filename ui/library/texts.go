package library

import (
	"runtime"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
)

// Texts is the background load of the texts of articles listed without
// them (corpus.Options.ListOnly): the reader shows the list from what the
// store lists, and the texts follow in batches, each a Job. Nothing waits
// for it: an article's text is loaded on its own (Article.LoadText, safe
// beside this load) by whatever needs it first, a pane's command or a
// search; what needs every text (grouping stories) runs after it.
type Texts struct {
	queue   []*corpus.Article
	total   int // articles queued since the load was last idle
	loaded  int // of those, loaded
	running bool
	batch   int // articles a Job loads; 0 is textBatch
}

// TextsLoaded is the result of a Texts Job: N more articles hold their
// text.
type TextsLoaded struct{ N int }

// textBatch is how many texts a Job loads: a batch of a few tens of
// milliseconds, so that progress moves and the Jobs of the rest of the
// reader (searches, renderings) get their turn between batches.
const textBatch = 2048

// textWorkers leaves a core to the update loop and to the reader's other
// work (the search snapshot opens at the same time).
func textWorkers() int { return max(runtime.GOMAXPROCS(0)-1, 1) }

// Queue adds the articles of arts that are without their text to the
// load, and returns the Job that starts it (nil when none is needed or a
// batch is running; Loaded starts the next).
func (t *Texts) Queue(arts []*corpus.Article) Job {
	if !t.Loading() {
		t.total, t.loaded = 0, 0
	}
	for _, a := range arts {
		if !a.HasText() {
			t.queue = append(t.queue, a)
			t.total++
		}
	}
	return t.next()
}

// next is the Job loading the next batch, nil while one runs or when none
// is left.
func (t *Texts) next() Job {
	if t.running || len(t.queue) == 0 {
		t.queue = nil
		return nil
	}
	size := t.batch
	if size <= 0 {
		size = textBatch
	}
	n := min(size, len(t.queue))
	batch := t.queue[:n:n]
	t.queue = t.queue[n:]
	t.running = true
	return func() any {
		LoadTexts(batch, textWorkers())
		return TextsLoaded{N: n}
	}
}

// Loaded counts a finished batch and returns the Job for the next, nil
// when the load is done.
func (t *Texts) Loaded(r TextsLoaded) Job {
	t.running = false
	t.loaded += r.N
	return t.next()
}

// Loading reports whether texts are still being loaded.
func (t *Texts) Loading() bool { return t.running || len(t.queue) > 0 }

// Counts are the texts loaded and queued since the load was last idle.
func (t *Texts) Counts() (loaded, total int) { return t.loaded, t.total }

// Percent is how much of the load is done, 0 to 100.
func (t *Texts) Percent() int {
	if t.total == 0 {
		return 100
	}
	return t.loaded * 100 / t.total
}

// LoadTexts loads the texts of arts not holding theirs, on workers
// goroutines, and returns when all are in place. A text that cannot be
// loaded is left out: whoever reads that article asks LoadText, which
// says why.
func LoadTexts(arts []*corpus.Article, workers int) {
	workers = max(1, min(workers, len(arts)))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += workers {
				_ = arts[i].LoadText()
			}
		}()
	}
	wg.Wait()
}
