package ui

import (
	"context"
	"runtime"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/store"
	"github.com/parallax-reader/parallax/corpus/storyedits"
	"github.com/parallax-reader/parallax/ui/library"
)

// storyPanes is what the root model holds for stories besides the panes
// (registered in pane.go): the state of grouping, where the story panes
// return to, and the spinner. It is one field of Model so that the root
// stays small.
type storyPanes struct {
	state storyState
	// from is the mode (list or article) the story panes return to.
	from mode
	// articleBack is where leaving the article returns to: the list, or
	// the pane that opened a passage in it.
	articleBack mode
	// spinning is set while a spinner tick is scheduled.
	spinning bool
	frame    int // spinner frame
}

func newStoryPanes() storyPanes { return storyPanes{} }

// storyState is the latest grouping of the loaded articles into stories.
// Grouping runs in the background when loading finishes, and again when
// more articles arrive after it started.
type storyState struct {
	seq  uint64 // the latest grouping request
	busy bool
	// deferred: grouping waits for the search index and the texts
	// (storiesAfterBatch).
	deferred bool
	// cancel stops the running grouping when a newer one starts.
	cancel context.CancelFunc
	// pending is what the reader asked for before stories were ready (c,
	// C, o); it runs when they arrive.
	pending tea.Msg
	// groupAsked: z turned grouping on before stories were ready; the
	// status says so when they arrive.
	groupAsked bool
	// readAfterIndex: the stored grouping is read once the index is
	// complete (it is being read from its snapshot, moments away);
	// readingStored: that read runs (the fresh check waits for it).
	readAfterIndex, readingStored bool
	// saving counts keepings of new groupings still being written: the
	// start settles after them, since writing a grouping allocates about
	// as much as the file it writes.
	saving int
}

// storiesSavedMsg: a new grouping has been kept (or failed to be: the
// store reports nothing, the next start groups again).
type storiesSavedMsg struct{}

// storiesMsg delivers a finished grouping.
type storiesMsg struct {
	seq     uint64
	stories *compare.Stories // with the reader's edits applied
	auto    *compare.Stories // as grouping found them
	// save stores a grouping made afresh or joined for the next start
	// (nil: nothing to store); it runs after the stories are shown.
	save func()
}

// spinTickMsg advances the spinner shown while story work runs.
type spinTickMsg struct{}

// spinFrames is the spinner; one frame every spinInterval.
var spinFrames = spinner.MiniDot.Frames

var spinInterval = spinner.MiniDot.FPS

// groupWorkers leaves one core to the update loop, so that grouping a large
// corpus never makes the reader stutter.
func groupWorkers() int { return max(runtime.GOMAXPROCS(0)-1, 1) }

// storedStoriesCmd reads the grouping the store keeps for the articles
// from their heads, without their texts (store.StoryOptions.StoredOnly);
// when it cannot (an article changed), the reader groups after the texts
// are in. The fingerprints that comparing, the picker and story edits
// need are read from the file when one of them first asks (once, in the
// command that asks): reading them at start held about 90 MB more at
// 100,000 articles and cost a start 1.5 cpu-s, for a first comparison
// that waits half a second instead.
func storedStoriesCmd(seq uint64, from store.Store, edits *storyedits.Edits) tea.Cmd {
	return func() tea.Msg {
		st, err := from.Stories(context.Background(), store.StoryOptions{StoryOptions: compare.StoryOptions{Workers: groupWorkers()}, StoredOnly: true})
		if err != nil {
			return storiesNotStoredMsg{seq: seq}
		}
		return storiesMsg{seq: seq, stories: library.ApplyEdits(st, edits), auto: st}
	}
}

// storiesNotStoredMsg: the stored grouping does not hold the articles
// loaded, so grouping waits for their texts.
type storiesNotStoredMsg struct{ seq uint64 }

// groupStoriesCmd groups the store's articles in the background by its
// policy (Store.Stories: the stored grouping when no article changed,
// joined by new articles, else afresh; joining or grouping reads the texts
// it needs once each and keeps none); the keeping of a new grouping is
// left to run once the stories are shown. A grouping superseded by a
// newer one is cancelled through ctx and delivers nothing.
func groupStoriesCmd(ctx context.Context, seq uint64, from store.Store, edits *storyedits.Edits) tea.Cmd {
	return func() tea.Msg {
		defer tightenGC()()
		var save func()
		st, err := from.Stories(ctx, store.StoryOptions{StoryOptions: compare.StoryOptions{Workers: groupWorkers()}, SaveLater: func(s func()) { save = s }})
		if err != nil {
			return nil
		}
		return storiesMsg{seq: seq, stories: library.ApplyEdits(st, edits), auto: st, save: save}
	}
}

// storedDamageNote tells, once, that the fingerprints of the stored
// grouping st was read back from were found damaged in its file (they
// were made again from the texts, and the file stored again); "" when
// not, or told already.
func storedDamageNote(st *compare.Stories) string {
	if st == nil {
		return ""
	}
	if err := st.StoredDamage(); err != nil {
		return "the stored stories were damaged (" + err.Error() + ") and were stored again"
	}
	return ""
}

// joinNotes joins two status notes, either possibly empty.
func joinNotes(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "; " + b
}
