package ui

import (
	"context"
	"slices"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
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

func isStoryMode(md mode) bool { return isPaneMode(md) }

// loadedArticles is every article loaded (filtered out or not), a copy
// that background work may keep.
func (m Model) loadedArticles() []*corpus.Article {
	return slices.Clone(m.sh.lib.Articles())
}

// itemOf finds the list item of an article.
func (m Model) itemOf(a *corpus.Article) *item {
	for _, it := range m.list.all {
		if it.a == a {
			return it
		}
	}
	return nil
}

// storiesAfterBatch starts grouping when loading finishes, and again when
// articles arrive after that. While the search index is still being built
// it defers: both want every core, and search is what a reader reaches for
// first (a story pane asked for meanwhile starts grouping at once).
func (m *Model) storiesAfterBatch(msg loadBatchMsg) tea.Cmd {
	if !msg.done && (m.load.loading || len(msg.items) == 0) {
		return nil
	}
	if msg.done && m.sh.lib.Len() == 0 {
		return nil
	}
	if m.sh.lib.Index.Behind() {
		m.story.state.deferred = true
		return nil
	}
	return m.startGrouping()
}

// groupingAfterIndex starts a deferred grouping once the index is complete.
func (m *Model) groupingAfterIndex() tea.Cmd {
	if !m.story.state.deferred || m.sh.lib.Index.Behind() {
		return nil
	}
	return m.startGrouping()
}

func (m *Model) startGrouping() tea.Cmd {
	st := &m.story.state
	st.seq = m.sh.nextSeq()
	st.busy = true
	st.deferred = false
	if st.cancel != nil {
		st.cancel()
	}
	ctx, cancel := context.WithCancel(m.ctx)
	st.cancel = cancel
	return tea.Batch(groupStoriesCmd(ctx, st.seq, m.loadedArticles(), m.sh.lib.Edits), m.startSpin())
}

// handleStoryKey handles keys of the story panes, and the keys that open
// them from the list and the article. ok is false for keys it leaves alone.
func (m Model) handleStoryKey(km tea.KeyMsg) (Model, tea.Cmd, bool) {
	g := m.sh.keys.Global
	if p := m.paneFor(m.mode); p != nil {
		typing := p.Typing()
		switch {
		case !typing && key.Matches(km, g.Help):
			return m, m.openPager(modeHelp), true
		case !typing && key.Matches(km, g.Report):
			return m, m.openPager(modeReport), true
		}
		if a := m.paneArticle(); a != nil && !typing && key.Matches(km, m.sh.keys.Stories.View) {
			m, cmd := m.openStory(storyRequest{modeStoryView, a})
			return m, cmd, true
		}
		cmd := p.Update(km)
		m, cmd = m.handleIntents(p.Take(), cmd)
		return m, cmd, true
	}
	if m.mode != modeList && m.mode != modeArticle {
		return m, nil, false
	}
	k := m.sh.keys.Stories
	var want mode
	switch {
	case key.Matches(km, k.Group) && m.mode == modeList:
		return m.toggleGrouping()
	case key.Matches(km, k.Fold, k.FoldAll) && m.mode == modeList:
		return m.toggleFold(key.Matches(km, k.FoldAll))
	case key.Matches(km, k.Compare):
		want = modeCompare
	case key.Matches(km, k.Pick):
		want = modePicker
	case key.Matches(km, k.Coverage):
		want = modeCoverage
	case key.Matches(km, k.View):
		want = modeStoryView
	case key.Matches(km, k.Move):
		want = modeMoveStory
	case key.Matches(km, k.Split):
		if it := m.storyKeyItem(); it != nil {
			m, cmd := m.editStory(splitEdit(m.sh.lib.Edits, it.a))
			return m, cmd, true
		}
		return m, statusCmd("no article selected"), true
	default:
		return m, nil, false
	}
	it := m.storyKeyItem()
	if it == nil {
		return m, statusCmd("no article selected"), true
	}
	m, cmd := m.openStory(storyRequest{want, it.a})
	return m, cmd, true
}

// storyKeyItem is the article a story key acts on: the one read, or the
// one selected in the list.
func (m Model) storyKeyItem() *item {
	if m.mode == modeArticle && m.article.it != nil {
		return m.article.it
	}
	return m.list.selected()
}

func (m Model) toggleGrouping() (Model, tea.Cmd, bool) {
	on := !m.list.group.on
	before := m.list.selected()
	m.list.setGrouped(on)
	var cmds []tea.Cmd
	switch {
	case !on:
		cmds = append(cmds, statusCmd("list ungrouped"))
	case m.sh.lib.Stories() == nil:
		m.story.state.groupAsked = true
		cmds = append(cmds, statusCmd("grouping by story as soon as stories are found…"))
		if !m.story.state.busy && !m.load.loading && m.sh.lib.Len() > 0 {
			cmds = append(cmds, m.startGrouping())
		}
	default:
		cmds = append(cmds, statusCmd(m.groupedNote()))
	}
	if m.list.selected() != before {
		cmds = append(cmds, m.selectionChanged())
	}
	return m, tea.Batch(cmds...), true
}

// toggleFold folds or unfolds the selected story (every story with all),
// in the list grouped by story.
func (m Model) toggleFold(all bool) (Model, tea.Cmd, bool) {
	before := m.list.selected()
	var note string
	if all {
		note = m.list.toggleFoldAll()
	} else {
		note = m.list.toggleFold()
	}
	cmds := []tea.Cmd{statusCmd(note)}
	if m.list.selected() != before {
		cmds = append(cmds, m.selectionChanged())
	}
	return m, tea.Batch(cmds...), true
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
		var cmds []tea.Cmd
		if !st.busy && !m.load.loading {
			cmds = append(cmds, m.startGrouping())
		}
		cmds = append(cmds, statusCmd("finding the stories first…"))
		return m, tea.Batch(cmds...)
	}
	if !isStoryMode(m.mode) {
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
		st.busy = false
		auto := msg.auto
		if auto == nil {
			auto = msg.stories
		}
		m.sh.lib.SetGrouping(auto, msg.stories)
		// M marks whole stories from now on (actions.go).
		m.sh.storyOf = m.sh.lib.StoryIDs
		before := m.list.selected()
		m.list.setStories(msg.stories)
		var cmds []tea.Cmd
		if m.list.selected() != before {
			cmds = append(cmds, m.selectionChanged())
		}
		if st.groupAsked {
			// z was pressed while stories were being found: say it is done.
			st.groupAsked = false
			if m.list.group.on {
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

	case storyEditMsg:
		m, cmd = m.editStory(msg)
		return m, cmd, true
	case storyEditedMsg:
		m, cmd = m.storyEdited(msg)
		return m, cmd, true

	case storyRequest:
		// A pane asks for another on an article (the story view's c).
		m, cmd = m.openStory(msg)
		return m, cmd, true

	case comparedMsg, compareLaidMsg, manyLaidMsg, candidatesMsg, coverageMsg, coverageLaidMsg, storyViewMsg, storyViewLaidMsg:
		// The panes' own results: every registered pane sees them and
		// keeps what is its own.
		var cmds []tea.Cmd
		for _, md := range paneModes {
			p := m.paneFor(md)
			var c tea.Cmd
			m, c = m.handleIntents(p.Take(), p.Update(msg))
			cmds = append(cmds, c)
		}
		return m, tea.Batch(cmds...), true

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
	case pickedMsg:
		m.mode = modeCompare
		cmd = m.comparison().start(msg.a, msg.b)
		return m, tea.Batch(m.relayout(), cmd, m.startSpin()), true
	case compareManyMsg:
		m.mode = modeCompare
		cmd = m.comparison().startMany(msg.arts)
		return m, tea.Batch(m.relayout(), cmd, m.startSpin()), true
	case openPassageMsg:
		it := m.itemOf(msg.a)
		if it == nil {
			return m, statusCmd("that article is no longer in the list"), true
		}
		back := m.mode
		cmds := []tea.Cmd{m.open(it), m.article.showAt(it, msg.block, msg.start, msg.end)}
		m.story.articleBack = back
		return m, tea.Batch(cmds...), true
	case exportMsg:
		return m, m.export(), true
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
	if isStoryMode(back) {
		return back
	}
	return modeList
}

// export writes what the current story pane shows as Markdown.
func (m Model) export() tea.Cmd {
	now := m.sh.now()
	paths := m.cfg.Source.Paths
	switch m.mode {
	case modeCompare:
		c, swapped := m.comparison().cmp, m.comparison().opts.swapped
		if c == nil {
			return statusCmd("nothing to export yet")
		}
		return exportCmd(func() (string, string) { return comparisonMarkdown(c, swapped, now) }, paths)
	case modeCoverage:
		story, cov := m.coverage().story, m.coverage().cov
		if cov == nil {
			return statusCmd("nothing to export yet")
		}
		return exportCmd(func() (string, string) { return coverageMarkdown(story, cov, now) }, paths)
	case modeStoryView:
		p := m.panes[modeStoryView].(*storyViewPane)
		story, v := p.story, p.v
		if v == nil {
			return statusCmd("nothing to export yet")
		}
		return exportCmd(func() (string, string) { return storyViewMarkdown(story, v, now) }, paths)
	}
	return nil
}

// storyBusy reports whether story work is running (the spinner turns).
func (m Model) storyBusy() bool {
	if m.story.state.busy {
		return true
	}
	for _, md := range paneModes {
		if m.paneFor(md).Busy() {
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
	for _, md := range paneModes {
		m.paneFor(md).SetSpin(f)
	}
}

// relayoutStory sizes the pane of the current mode to the main area.
func (m *Model) relayoutStory() tea.Cmd {
	if p := m.paneFor(m.mode); p != nil {
		return p.SetSize(m.frame.main.w, m.frame.main.h)
	}
	return nil
}

// storyView is the body of the current mode's pane.
func (m Model) storyView() []string {
	if p := m.paneFor(m.mode); p != nil {
		return p.View()
	}
	return nil
}

// storyChrome adds to the status line's right side: the position in a story
// pane, and a spinner while stories are being grouped.
func (m Model) storyChrome(pos string) string {
	if p := m.paneFor(m.mode); p != nil {
		pos = p.Position()
	}
	if m.story.state.busy {
		pos = joinRight(spinFrames[m.story.frame]+" grouping stories", pos)
	}
	return pos
}

// storyHelp is the key help of a registered pane, or nil.
func (m Model) storyHelp(md mode) help.KeyMap {
	if p := m.paneFor(md); p != nil {
		return p.KeyMap(m.sh.keys)
	}
	return nil
}

// storyHelpTitle titles the `?` screen over a registered pane.
func (m Model) storyHelpTitle(md mode) string {
	if p := m.paneFor(md); p != nil {
		return p.Title()
	}
	return ""
}

// paneArticle is the article the comparison or the coverage view is
// about, for opening the story view from them (v); nil elsewhere.
func (m Model) paneArticle() *corpus.Article {
	switch m.mode {
	case modeCompare:
		if c := m.comparison().cmp; c != nil {
			return c.A.Article
		}
	case modeCoverage:
		if c := m.coverage().cov; c != nil && len(c.Docs) > 0 {
			return c.Docs[0].Article
		}
	}
	return nil
}
