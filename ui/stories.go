package ui

import (
	"context"
	"runtime"
	"sync"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// storyPanes is everything the root model holds for stories: the grouping
// of the loaded articles and the three panes built on it (comparison,
// picker, coverage). It is one field of Model so that the root stays small.
type storyPanes struct {
	state    storyState
	compare  comparePane
	picker   pickerPane
	coverage coveragePane
	// from is the mode (list or article) the story panes return to.
	from mode
	// articleBack is where leaving the article returns to: the list, or
	// the pane that opened a passage in it.
	articleBack mode
	// spinning is set while a spinner tick is scheduled.
	spinning bool
	frame    int // spinner frame
}

func newStoryPanes(sh *shared) storyPanes {
	return storyPanes{
		state:    storyState{docs: newDocCache(64)},
		compare:  newComparePane(sh),
		picker:   newPickerPane(sh),
		coverage: newCoveragePane(sh),
	}
}

// storyState is the latest grouping of the loaded articles into stories.
// Grouping runs in the background when loading finishes, and again when
// more articles arrive after it started.
type storyState struct {
	stories *compare.Stories
	grouped int    // how many articles the grouping covers
	seq     uint64 // the latest grouping request
	busy    bool
	// deferred: grouping waits for the search index (storiesAfterBatch).
	deferred bool
	// cancel stops the running grouping when a newer one starts.
	cancel context.CancelFunc
	// pending is what the reader asked for before stories were ready (c,
	// C, o); it runs when they arrive.
	pending tea.Msg
	// groupAsked: z turned grouping on before stories were ready; the
	// status says so when they arrive.
	groupAsked bool
	docs       *docCache
}

// storiesMsg delivers a finished grouping.
type storiesMsg struct {
	seq     uint64
	stories *compare.Stories
	n       int
}

// spinTickMsg advances the spinner shown while story work runs.
type spinTickMsg struct{}

// spinFrames is the spinner; one frame every spinInterval.
var spinFrames = spinner.MiniDot.Frames

var spinInterval = spinner.MiniDot.FPS

// groupWorkers leaves one core to the update loop, so that grouping a large
// corpus never makes the reader stutter.
func groupWorkers() int { return max(runtime.GOMAXPROCS(0)-1, 1) }

// groupStoriesCmd groups arts in the background; a grouping superseded by
// a newer one is cancelled through ctx and delivers nothing.
func groupStoriesCmd(ctx context.Context, seq uint64, arts []*corpus.Article) tea.Cmd {
	return func() tea.Msg {
		defer tightenGC()()
		st, err := compare.GroupStoriesContext(ctx, arts, compare.StoryOptions{Workers: groupWorkers()})
		if err != nil {
			return nil
		}
		return storiesMsg{seq: seq, stories: st, n: len(arts)}
	}
}

// docCache keeps prepared articles: preparing is about half the cost of a
// comparison, and the same article is compared again and again. It is used
// from commands, so it locks; a Doc is read-only once made.
type docCache struct {
	mu    sync.Mutex
	max   int
	m     map[*corpus.Article]*compare.Doc
	order []*corpus.Article
}

func newDocCache(max int) *docCache {
	return &docCache{max: max, m: map[*corpus.Article]*compare.Doc{}}
}

// get returns the prepared a, preparing it (outside the lock) if needed.
func (c *docCache) get(a *corpus.Article) *compare.Doc {
	c.mu.Lock()
	d := c.m[a]
	c.mu.Unlock()
	if d != nil {
		return d
	}
	d = compare.Prepare(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.m[a]; old != nil {
		return old
	}
	if len(c.order) >= c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[a] = d
	c.order = append(c.order, a)
	return d
}

func (c *docCache) all(as []*corpus.Article) []*compare.Doc {
	out := make([]*compare.Doc, len(as))
	for i, a := range as {
		out[i] = c.get(a)
	}
	return out
}
