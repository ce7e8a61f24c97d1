package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// The root model's part in stories: grouping after loading, the keys that
// open the story panes from the list and the article, and routing to those
// panes. Kept here so that model.go only calls in.

// storyRequest is the intent to open a story pane on an article; one
// asked for before stories are grouped is opened when they are.
type storyRequest struct {
	pane mode // modeCompare, modePicker or modeCoverage
	a    *corpus.Article
}

// storiesAfterBatch starts grouping when loading finishes, and again when
// articles arrive after that. While the search index is still being
// built, it defers: both want every core, and search is what a reader
// reaches for first (a story pane asked for meanwhile starts grouping at
// once). Meanwhile it reads the stored grouping from the articles' heads,
// which needs no text: on a warm start where nothing changed, the stories
// are there without a text loaded; otherwise grouping reads the texts it
// needs (the new articles', or every one the first time) and keeps none.
func (m *Model) storiesAfterBatch(msg loadBatchMsg) tea.Cmd {
	if !msg.done && (m.load.loading || len(msg.items) == 0) {
		return nil
	}
	if msg.done && m.sh.lib.Len() == 0 {
		return nil
	}
	if m.groupingWaits() {
		m.story.state.deferred = true
		if m.sh.lib.Index.OpeningSnapshot() {
			// The index is moments away: the stored grouping is read
			// after it rather than beside it (on two cores each took
			// twice as long, and search is what a reader reaches for
			// first).
			m.story.state.readAfterIndex = true
			return nil
		}
		return m.readStoredStories()
	}
	return m.startGrouping()
}

// readStoredStories reads the stored grouping of the loaded articles from
// their heads (storedStoriesCmd) in place of a deferred grouping; when
// that fails (storiesNotStoredMsg), the grouping is deferred again.
func (m *Model) readStoredStories() tea.Cmd {
	if !m.st.KeepsStories() {
		return nil
	}
	seq := m.beginStoryWork()
	m.story.state.readingStored = true
	return tea.Batch(storedStoriesCmd(seq, m.st, m.sh.lib.Edits), m.startSpin())
}

// beginStoryWork starts new story work, which supersedes any running: the
// older one's answer is ignored (by its seq) and its grouping cancelled.
func (m *Model) beginStoryWork() uint64 {
	st := &m.story.state
	st.seq = m.sh.nextSeq()
	st.busy = true
	st.deferred, st.readAfterIndex, st.readingStored = false, false, false
	if st.cancel != nil {
		st.cancel()
		st.cancel = nil
	}
	return st.seq
}

// storedStoriesFailed takes the answer of a stored grouping that does not
// hold the loaded articles: grouping waits for the search index, unless a
// story pane or z asked for stories meanwhile.
func (m *Model) storedStoriesFailed(msg storiesNotStoredMsg) tea.Cmd {
	st := &m.story.state
	if msg.seq != st.seq {
		return nil
	}
	st.busy, st.readingStored = false, false
	if st.pending != nil || st.groupAsked {
		return tea.Batch(m.startGrouping(), m.freshCheck())
	}
	st.deferred = true
	return tea.Batch(m.groupingAfterIndex(), m.freshCheck())
}

// groupingWaits reports whether grouping should wait for the search index
// to be complete.
func (m *Model) groupingWaits() bool {
	return m.sh.lib.Index.Behind()
}

// groupingAfterIndex starts a deferred grouping once the index is
// complete: the stored grouping's read when it waited for the index.
func (m *Model) groupingAfterIndex() tea.Cmd {
	if !m.story.state.deferred || m.groupingWaits() {
		return nil
	}
	if m.story.state.readAfterIndex {
		if cmd := m.readStoredStories(); cmd != nil {
			return cmd
		}
	}
	return m.startGrouping()
}

// groupNow starts the story work a key asked for (z, a story pane) when
// none runs: at once, unless it waits for the index being read from its
// snapshot (groupingAfterIndex starts it then).
func (m *Model) groupNow() tea.Cmd {
	st := &m.story.state
	if st.busy || m.load.loading || m.sh.lib.Len() == 0 || st.readAfterIndex && m.groupingWaits() {
		return nil
	}
	return m.startGrouping()
}

func (m *Model) startGrouping() tea.Cmd {
	seq := m.beginStoryWork()
	ctx, cancel := context.WithCancel(m.ctx)
	m.story.state.cancel = cancel
	return tea.Batch(groupStoriesCmd(ctx, seq, m.st, m.sh.lib.Edits), m.startSpin())
}

// toggleGrouping groups the list by story, or stops (z).
func (m Model) toggleGrouping() (Model, tea.Cmd) {
	on := !m.list.grouping()
	before := m.list.selected()
	m.list.setGrouped(on)
	// The status is set here, not by a command: a command's message may
	// come after the stories, and then it said they were still to come.
	var cmds []tea.Cmd
	switch {
	case !on:
		m.status = statusLine{text: "list ungrouped"}
	case m.sh.lib.Stories() == nil:
		m.story.state.groupAsked = true
		m.status = statusLine{text: "grouping by story as soon as stories are found…"}
		cmds = append(cmds, m.groupNow())
	default:
		m.status = statusLine{text: m.groupedNote()}
	}
	if m.list.selected() != before {
		cmds = append(cmds, m.selectionChanged())
	}
	return m, tea.Batch(cmds...)
}

// groupedNote says what grouping did: a list where no two articles share
// a story looks unchanged, so it says why.
func (m Model) groupedNote() string {
	if !m.list.grouped() {
		return "grouped by story: no two articles share a story"
	}
	return "grouped by story"
}

// openStory opens the pane for req, or waits for stories.
func (m Model) openStory(req storyRequest) (Model, tea.Cmd) {
	st := &m.story.state
	if m.sh.lib.Stories() == nil {
		st.pending = req
		m.status = statusLine{text: "finding the stories first…"} // not a command's: see toggleGrouping
		return m, m.groupNow()
	}
	if m.mode.reading() {
		m.story.from = m.mode
	}
	m.mode = req.pane
	cmd := m.paneFor(req.pane).Open(req.a)
	return m, tea.Batch(m.relayout(), cmd, m.startSpin())
}

// updateStories handles the messages of story work and the story panes'
// intents; ok is false for other messages.
func (m Model) updateStories(msg tea.Msg) (Model, tea.Cmd, bool) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case storiesMsg:
		st := &m.story.state
		if msg.seq != st.seq {
			return m, nil, true
		}
		st.busy, st.readingStored = false, false
		auto := msg.auto
		if auto == nil {
			auto = msg.stories
		}
		m.sh.lib.SetGrouping(auto, msg.stories)
		// M marks whole stories from now on (actions.go).
		m.sh.storyOf = m.sh.lib.StoryIDs
		before := m.list.selected()
		m.list.setStories(msg.stories)
		cmds := []tea.Cmd{m.freshCheck()}
		if save := msg.save; save != nil {
			st.saving++
			cmds = append(cmds, func() tea.Msg {
				defer tightenGC()()
				save()
				return storiesSavedMsg{}
			})
		}
		if m.list.selected() != before {
			cmds = append(cmds, m.selectionChanged())
		}
		if st.groupAsked {
			// z was pressed while stories were being found: say it is done.
			st.groupAsked = false
			if m.list.grouping() {
				m.status = statusLine{text: m.groupedNote()}
			}
		}
		if req, ok := st.pending.(storyRequest); ok {
			st.pending = nil
			var c tea.Cmd
			m, c = m.openStory(req)
			cmds = append(cmds, c)
		}
		return m, tea.Batch(cmds...), true

	case storiesSavedMsg:
		m.story.state.saving--
		return m, nil, true
	case storiesNotStoredMsg:
		return m, m.storedStoriesFailed(msg), true
	case storyRequest:
		// A pane asks for a story pane on an article.
		m, cmd = m.openStory(msg)
		return m, cmd, true
	case groupMsg:
		m, cmd = m.toggleGrouping()
		return m, cmd, true
	case splitStoryMsg:
		m, cmd = m.editStory(splitEdit(m.sh.lib.Edits, msg.it.a))
		return m, cmd, true
	case storyEditMsg:
		m, cmd = m.editStory(msg)
		return m, cmd, true
	case storyEditedMsg:
		m, cmd = m.storyEdited(msg)
		return m, cmd, true

	case spinTickMsg:
		m.story.frame = (m.story.frame + 1) % len(spinFrames)
		m.story.spinning = false
		m.setSpin()
		return m, m.startSpin(), true

	case closeStoryMsg:
		from := m.story.from
		if from != modeArticle {
			from = modeList
		}
		return m, m.setMode(from), true
	case pickedMsg, compareManyMsg:
		// The comparison starts on what the picker chose.
		m.mode = modeCompare
		m, cmd = m.route(m.panes[modeCompare], msg)
		return m, tea.Batch(m.relayout(), cmd, m.startSpin()), true
	case openPassageMsg:
		it := m.list.itemOf(msg.a)
		if it == nil {
			return m, statusCmd("that article is no longer in the list"), true
		}
		back := m.mode
		cmds := []tea.Cmd{m.open(it), m.article.showAt(it, msg.block, msg.start, msg.end)}
		m.story.articleBack = back
		m.article.setBack(paneName(back))
		return m, tea.Batch(cmds...), true
	case exportMsg:
		if msg.markdown == nil {
			return m, statusCmd("nothing to export yet"), true
		}
		return m, exportCmd(msg.markdown, m.cfg.Source.Paths), true
	case exportedMsg:
		if msg.err != nil {
			m.status = statusLine{text: "export failed: " + msg.err.Error(), isErr: true}
		} else {
			m.status = statusLine{text: "exported to " + msg.path}
		}
		return m, nil, true
	}
	return m, nil, false
}

// paneName is what the status line calls a story pane an article can
// return to; "" for any other mode.
func paneName(md mode) string {
	switch md {
	case modeCompare:
		return "comparison"
	case modeCoverage:
		return "coverage"
	case modeStoryView:
		return "story view"
	}
	return ""
}

// articleBackMode is where leaving the article goes: the story pane that
// opened a passage in it, once, else the list.
func (m *Model) articleBackMode() mode {
	back := m.story.articleBack
	m.story.articleBack = modeList
	m.article.setBack("")
	return back
}

// storyBusy reports whether story work is running (the spinner turns).
func (m Model) storyBusy() bool {
	if m.story.state.busy {
		return true
	}
	for _, p := range m.allPanes() {
		if p.Busy() {
			return true
		}
	}
	return false
}

// startSpin schedules the next spinner frame while story work runs.
func (m *Model) startSpin() tea.Cmd {
	if m.story.spinning || !m.storyBusy() {
		return nil
	}
	m.story.spinning = true
	m.setSpin()
	return m.sh.after(spinInterval, spinTickMsg{})
}

// setSpin gives the panes the current spinner frame.
func (m *Model) setSpin() {
	f := spinFrames[m.story.frame]
	for _, p := range m.allPanes() {
		p.SetSpin(f)
	}
}

// storyChrome adds to the status line's right side a spinner while
// stories are being grouped.
func (m Model) storyChrome(pos string) string {
	if m.story.state.busy {
		pos = joinRight(spinFrames[m.story.frame]+" grouping stories", pos)
	}
	return pos
}
