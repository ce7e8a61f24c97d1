package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
	"github.com/parallax-reader/parallax/corpus/userstate"
	"github.com/parallax-reader/parallax/ui/config"
)

// Model is the root of the program: it owns the panes, routes messages to
// the pane they belong to, handles what is global (keys, loading, read
// marks, layout) and assembles the frame.
type Model struct {
	sh  *shared
	cfg Config

	ctx    context.Context // cancelled when the program ends; stops loading
	cancel context.CancelFunc
	// st is the corpus's store once it is open (nil before, and in tests
	// that hand the reader its articles): its index is the library's.
	st store.Store

	mode  mode
	under mode // the mode a full-screen pane (help, report) returns to
	frame frame

	// panes are every pane, by the mode that shows it (pane.go); the root
	// knows them through the pane contract. The reading panes are also
	// kept typed: the root adds the list's rows as they load, opens
	// articles and results, and puts the list back after a search.
	panes   map[mode]pane
	list    *listPane
	article *articlePane
	search  *searchPane

	status statusLine
	msgs   messageLog // status messages, whole, for the report
	load   loadState
	story  storyPanes // the grouping into stories (stories.go)

	refresh refreshState // fetching the feeds in the background (refresh.go)

	// Cached chrome, rebuilt at the end of every Update.
	headerLine string
	statusText string
}

// savedMsg reports the end of a background save of read marks or bookmarks.
type savedMsg struct {
	what string
	err  error
}

// renderSlotPrefetch is the renderer slot for renderings made ahead of need.
const renderSlotPrefetch = "prefetch"

func newModel(cfg Config, sh *shared) Model {
	ctx, cancel := context.WithCancel(context.Background())
	m := Model{
		sh: sh, cfg: cfg, ctx: ctx, cancel: cancel,
		story: newStoryPanes(),
		panes: registeredPanes(sh),
	}
	m.list = m.panes[modeList].(*listPane)
	m.article = m.panes[modeArticle].(*articlePane)
	m.search = m.panes[modeSearch].(*searchPane)
	m.load.gen = sh.nextSeq()
	m.load.loading = true
	// The store until the load opens its own (loadBatchMsg.opened): a
	// reader handed its articles without a load (tests) lists, searches
	// and groups through it. Opened lazily, it reads nothing.
	m.st, _ = cfg.open()(ctx, cfg.Source, store.Options{Options: cfg.Load, Lazy: true})
	sh.lib.Index = m.st.Index()
	m.applySettings(cfg.Settings, cfg.ConfigProblems)
	m.list.group.on = sh.groupByStory // shown once stories are grouped
	return m
}

// applySettings puts the configuration file's choices in place.
func (m *Model) applySettings(s config.Config, probs []config.Problem) {
	applyKeys(m.sh.keys, s.Keys)
	m.sh.groupByStory = s.GroupByStory
	for i := sortMode(0); i < sortModes; i++ {
		if i.String() == s.Sort {
			m.list.sort = i
		}
	}
	// Every problem is in the message log (the report shows them); the
	// status line shows the first.
	for i := len(probs) - 1; i >= 0; i-- {
		p := probs[i]
		p.Path = filepath.Base(p.Path)
		text := "config: " + p.String()
		m.msgs.add(text, true)
		if i == 0 {
			if len(probs) > 1 {
				text = fmt.Sprintf("%s (and %d more: %s shows all)", text, len(probs)-1, keyHint(m.sh.keys.Global.Report))
			}
			m.status = statusLine{text: text, isErr: true, logged: true}
		}
	}
}

// Init starts loading; the first frame does not wait for it. --watch
// starts once the load's store is open (handleBatch).
func (m Model) Init() tea.Cmd {
	return tea.Batch(
		startLoad(m.ctx, m.load.gen, m.cfg.open(), m.cfg.Source, m.cfg.Load),
		m.sh.after(progressDelay, showProgressMsg{m.load.gen}),
		m.refreshAtStart(),
	)
}

// Update routes msg and then rebuilds the cached chrome.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	if settle := m.settleStart(); settle != nil {
		cmd = tea.Batch(cmd, settle)
	}
	m.msgs.note(&m.status)
	m.buildChrome()
	return m, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sh.width, m.sh.height = msg.Width, msg.Height
		return m, m.relayout()

	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !msg.Alt {
			// Bubble Tea reports runes that arrive together (key repeat on
			// a busy terminal, fast typing) as one message: "jjj". Each is
			// a key press of its own.
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				var cmd tea.Cmd
				m, cmd = m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
				cmds = append(cmds, cmd)
			}
			return m, tea.Batch(cmds...)
		}
		return m.handleKey(msg)

	case tea.MouseMsg:
		return m.handleMouse(msg)

	case watchMsg:
		return m.handleWatch(msg)
	case freshCheckedMsg:
		return m.freshChecked(msg)
	case watchErrMsg:
		m.status = statusLine{text: "cannot watch for changes: " + msg.err.Error(), isErr: true}
		return m, nil
	case loadBatchMsg:
		return m.handleBatch(msg)
	case feedProgressMsg, refreshDoneMsg, refreshTickMsg, refreshNowMsg, openFeedsMsg, feedChosenMsg, closeFeedsMsg:
		return m.updateFeeds(msg)

	case showProgressMsg:
		if msg.gen == m.load.gen && m.load.loading {
			m.load.showProgress = true
		}
		return m, nil

	case renderedMsg:
		if msg.err == nil {
			m.sh.cache.put(msg.key, msg.lines)
		}
		return m.broadcast(msg) // the article pane shows it

	case statusMsg:
		m.status = statusLine{text: msg.text, isErr: msg.err}
		return m, nil

	case savedMsg:
		if msg.err != nil {
			m.status = statusLine{text: "could not save " + msg.what + ": " + msg.err.Error(), isErr: true}
		}
		return m, nil

	// Intents from panes.
	case openMsg:
		return m, m.open(msg.it)
	case backMsg:
		back := m.articleBackMode()
		if back == modeList {
			back = m.listMode() // the search results, when the article came from there
		}
		return m, m.setMode(back)
	case stepMsg:
		return m.step(msg.delta)
	case toggleReadMsg:
		return m.toggleRead(msg.it)
	case closeMsg:
		return m, m.setMode(m.under)
	case selectionMsg:
		return m, m.selectionChanged()
	case focusListMsg:
		return m, m.setMode(m.listMode())
	case store.Indexed, openResultMsg, closeSearchMsg, openSearchMsg, resultMovedMsg, store.SnapshotRead, store.SnapshotWritten:
		return m.updateSearch(msg)
	}
	if m, cmd, ok := m.updateAction(msg); ok {
		return m, cmd
	}
	if m, cmd, ok := m.updateStories(msg); ok {
		return m, cmd
	}
	return m.broadcast(msg)
}

// broadcast gives a message the root does not handle to every pane: each
// keeps what is its own (a rendering, search results, a comparison) and
// ignores the rest; then the root carries out what they asked for.
func (m Model) broadcast(msg tea.Msg) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, p := range m.allPanes() {
		var c tea.Cmd
		m, c = m.route(p, msg)
		cmds = append(cmds, c)
	}
	return m, tea.Batch(cmds...)
}

func (m Model) handleKey(km tea.KeyMsg) (Model, tea.Cmd) {
	m.status.clear()
	g := m.sh.keys.Global
	if key.Matches(km, g.Quit) {
		return m, tea.Quit
	}
	if m.frame.tooSmall {
		if km.String() == "q" || km.String() == "esc" {
			return m, tea.Quit
		}
		return m, nil
	}

	// Help and the load report are global, unless the pane shown takes
	// every key (a field being typed in, a pager).
	p := m.panes[m.mode]
	if !p.Typing() {
		switch {
		case key.Matches(km, g.Help):
			return m, m.openPager(modeHelp)
		case key.Matches(km, g.Report):
			return m, m.openPager(modeReport)
		}
	}
	return m.route(p, km)
}

// route gives msg to pane p, then carries out the intents p raised
// (taken after the update: they are what it raised).
func (m Model) route(p pane, msg tea.Msg) (Model, tea.Cmd) {
	cmd := p.Update(msg)
	return m.handleIntents(p.Take(), cmd)
}

// handleIntents carries out what a pane asked for, in order.
func (m Model) handleIntents(ins []tea.Msg, cmd tea.Cmd) (Model, tea.Cmd) {
	cmds := []tea.Cmd{cmd}
	for _, in := range ins {
		var c tea.Cmd
		m, c = m.update(in)
		cmds = append(cmds, c)
	}
	return m, tea.Batch(cmds...)
}

// handleMouse scrolls the pane under the pointer with the wheel (--mouse).
func (m Model) handleMouse(mm tea.MouseMsg) (Model, tea.Cmd) {
	if mm.Action != tea.MouseActionPress || m.frame.tooSmall {
		return m, nil
	}
	delta := 0
	switch mm.Button {
	case tea.MouseButtonWheelUp:
		delta = -1
	case tea.MouseButtonWheelDown:
		delta = 1
	default:
		return m, nil
	}
	// The pane under the pointer scrolls, as far as it scrolls for a
	// wheel step; panes that do not scroll ignore it.
	x := 0
	for _, pl := range m.placements() {
		if mm.X < x+pl.w {
			return m.route(pl.p, wheelMsg{delta})
		}
		x += pl.w + m.frame.gap
	}
	return m, nil
}

func (m Model) handleBatch(msg loadBatchMsg) (Model, tea.Cmd) {
	if msg.gen != m.load.gen {
		return m, nil // a batch of an abandoned load
	}
	if msg.opened != nil {
		m.st, m.sh.lib.Index = msg.opened, msg.opened.Index()
		var stop, watch tea.Cmd
		if m.search.isOpen() { // opened before the store: no wait for its snapshot
			stop = jobsCmd(m.sh.lib.Index.StopHolding())
		}
		if m.cfg.Watch { // followed through the store, whose list follows its changes
			watch = startWatch(m.ctx, m.cfg.Source, m.st)
		}
		return m, tea.Batch(msg.next, stop, watch)
	}
	m.load.read, m.load.total = msg.read, msg.total
	m.load.skipped = append(m.load.skipped, msg.skipped...)
	if len(msg.notices) > 0 {
		m.status = statusLine{text: strings.Join(msg.notices, "; ")}
	}
	before := m.list.selected()
	m.list.add(msg.items)
	m.sh.lib.Add(articlesOf(msg.items))
	if msg.done {
		m.load.loading = false
		m.load.showProgress = false
		if m.load.endLoadGC != nil {
			m.load.endLoadGC()
		}
	}
	m.list.setEmpty(m.emptyLines())
	m.fillPager(false) // the report, when it is shown
	// Indexing is queued first: grouping waits for the index to be complete.
	indexCmd := jobsCmd(m.sh.lib.Index.LoadBatch(m.search.register(msg.items, msg.total), msg.fresh, msg.done)...)
	m.search.refresh()
	if msg.done {
		// The store listed its articles without their texts: none is
		// loaded until something shows it (the article's rendering, a
		// comparison's documents, a search's results), and whole-corpus
		// work (indexing, grouping) reads texts without keeping them.
		m.load.freshPending = msg.trusted
	}
	cmds := []tea.Cmd{msg.next, indexCmd, m.storiesAfterBatch(msg), m.freshCheck()}
	if m.list.selected() != before {
		cmds = append(cmds, m.selectionChanged())
	}
	return m, tea.Batch(cmds...)
}

// selectionChanged shows the list's new selection in the preview (wide,
// while the list is what the preview follows) or renders it ahead of time,
// so that opening it is instant. A batch, a fetch or a change on disk can
// move the list's selection while a search, an article or a comparison
// holds the article pane: the pane keeps what it shows (a search's
// preview had been replaced by the list's newest article when the load
// ended), and the list's selection is shown when the list is back.
func (m *Model) selectionChanged() tea.Cmd {
	it := m.list.selected()
	if it == nil {
		return nil
	}
	if m.frame.wide && m.mode == modeList {
		return m.article.show(it)
	}
	return m.prefetch(it)
}

// prefetch renders it at the width the article pane will have, into the
// cache only.
func (m *Model) prefetch(it *item) tea.Cmd {
	if it == nil || m.frame.tooSmall {
		return nil
	}
	w := layout(m.sh.width, m.sh.height, modeArticle).article.w
	k := renderKey{id: it.a.ID, width: w, style: m.sh.glamourStyle}
	if _, ok := m.sh.cache.get(k); ok || w <= 0 {
		return nil
	}
	return m.sh.renderer.cmd(renderSlotPrefetch, m.sh.nextSeq(), it.a, k)
}

// open shows it in the article pane and marks it read.
func (m *Model) open(it *item) tea.Cmd {
	m.list.selectItem(it)
	cmds := []tea.Cmd{m.setMode(modeArticle), m.article.show(it)}
	if m.sh.lib.Marks.Set(it.key, true, m.sh.now()) {
		m.list.addUnread(-1)
		m.article.refresh()
		cmds = append(cmds, m.save())
	}
	// The next article is the likeliest to be read next.
	cmds = append(cmds, m.prefetch(m.list.neighbour(+1)))
	return tea.Batch(cmds...)
}

func (m Model) step(delta int) (Model, tea.Cmd) {
	if m.search.isOpen() {
		return m.stepResult(delta)
	}
	it := m.list.neighbour(delta)
	if it == nil {
		if delta > 0 {
			return m, statusCmd("this is the last article")
		}
		return m, statusCmd("this is the first article")
	}
	return m, m.open(it)
}

func (m Model) toggleRead(it *item) (Model, tea.Cmd) {
	on := m.sh.lib.Marks.Toggle(it.key, m.sh.now())
	msg := "marked as unread"
	if on {
		msg = "marked as read"
		m.list.addUnread(-1)
	} else {
		m.list.addUnread(1)
	}
	m.article.refresh()
	return m, tea.Batch(m.save(), statusCmd(msg))
}

// save writes the read marks in the background.
func (m *Model) save() tea.Cmd { return m.saveMarks(m.sh.lib.Marks, "read marks") }

// saveMarks writes marks in the background; what names them in errors.
func (m *Model) saveMarks(marks *userstate.Marks, what string) tea.Cmd {
	return func() tea.Msg { return savedMsg{what: what, err: marks.Save()} }
}

// openPager opens help (for the current context) or the load report.
func (m *Model) openPager(md mode) tea.Cmd {
	m.under = m.mode
	m.mode = md
	m.frame = layout(m.sh.width, m.sh.height, m.mode)
	m.fillPager(true)
	return nil
}

// fillPager sets the lines of the pager shown, if one is, for its width:
// the keys of the pane underneath, or the load report.
func (m *Model) fillPager(reset bool) {
	p, ok := m.panes[m.mode].(*pagerPane)
	if !ok {
		return
	}
	w, h := m.frame.main.w, m.frame.main.h
	if m.mode == modeReport {
		p.set("Load report", m.reportLines(w), w, h, reset)
		return
	}
	under := m.panes[m.under]
	p.set(under.Title(), helpLines(m.sh, under.KeyMap(m.sh.keys), w), w, h, reset)
}

// reportLines are the latest messages, whole, then the load report.
func (m Model) reportLines(w int) []string {
	return append(m.msgs.lines(m.sh, w), reportLines(m.sh, m.load, m.sh.lib.Len(), w)...)
}

// helpFor is the key map help for a mode: what `?` and the status line show.
func (m Model) helpFor(md mode) help.KeyMap { return m.panes[md].KeyMap(m.sh.keys) }

// setMode switches what the main area shows and lays the panes out again.
func (m *Model) setMode(md mode) tea.Cmd {
	m.mode = md
	return m.relayout()
}

// relayout gives every pane its size for the current terminal and mode.
func (m *Model) relayout() tea.Cmd {
	m.frame = layout(m.sh.width, m.sh.height, m.mode)
	f := m.frame
	if f.tooSmall {
		return nil
	}
	shown := m.placements()
	var cmds []tea.Cmd
	if m.mode.reading() {
		cmds = append(cmds, m.relayoutReading(shown))
	}
	for _, pl := range shown {
		// Beside another, the pane with the keyboard says so.
		pl.p.Update(focusMsg{pl.p == m.panes[m.mode]})
		cmds = append(cmds, pl.p.SetSize(pl.w, pl.h))
	}
	m.fillPager(false)
	return tea.Batch(cmds...)
}

// placed is a pane shown and its size.
type placed struct {
	p    pane
	w, h int
}

// placements are the panes shown, left to right, with their sizes: the
// mode's pane in the main area, or on the reading screen the list (the
// search in its place) beside the article, or the one of them shown.
func (m Model) placements() []placed {
	f := m.frame
	if f.tooSmall {
		return nil
	}
	if f.main.w > 0 {
		return []placed{{m.panes[m.mode], f.main.w, f.main.h}}
	}
	var out []placed
	if f.list.w > 0 {
		left := pane(m.list)
		if m.search.isOpen() {
			left = m.search
		}
		out = append(out, placed{left, f.list.w, f.list.h})
	}
	if f.article.w > 0 {
		out = append(out, placed{m.article, f.article.w, f.article.h})
	}
	return out
}

// relayoutReading is what a new size or mode of the reading screen
// needs besides the sizes of the panes shown: its other panes hidden (an
// article left stops rendering), the list's empty text for its width, and
// the preview (or the prefetch) of what is selected.
func (m *Model) relayoutReading(shown []placed) tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range []pane{m.list, m.search, m.article} {
		if !slices.ContainsFunc(shown, func(pl placed) bool { return pl.p == p }) {
			cmds = append(cmds, p.SetSize(0, 0))
		}
	}
	m.list.setEmpty(m.emptyLines())
	if m.mode == modeList {
		return tea.Batch(append(cmds, m.selectionChanged())...)
	}
	return tea.Batch(append(cmds, m.resultChanged())...)
}

// emptyLines is what the list shows when it has no rows.
func (m Model) emptyLines() []string {
	st := m.sh.styles
	w := max(m.frame.list.w-4, 10)
	var lines []string
	add := func(s string, style func(...string) string) {
		for _, l := range wrap(s, w) {
			lines = append(lines, style(l))
		}
	}
	plain := func(s ...string) string { return strings.Join(s, "") }
	switch {
	case m.sh.lib.Len() > 0 && m.list.filterOn():
		m.filterEmptyLines(add, plain)
	case m.load.loading:
		add("Loading articles…", st.Meta.Render)
	case m.load.total == 0 && m.cfg.News != nil:
		add("No news yet", st.Empty.Render)
		lines = append(lines, "")
		add("Press "+keyHint(m.sh.keys.Feeds.Refresh)+" to fetch your feeds.", st.Meta.Render)
	case m.load.total == 0:
		add("No articles here", st.Empty.Render)
		lines = append(lines, "")
		add("No files were found in "+m.sourceName()+".", plain)
		add("Give Parallax article files or folders: parallax PATH...", st.Meta.Render)
	default:
		add("No articles could be read", st.Empty.Render)
		lines = append(lines, "")
		if m.load.total == 1 {
			add("The only file was skipped.", plain)
		} else {
			add(fmt.Sprintf("All %s files were skipped.", formatCount(m.load.total)), plain)
		}
		add("Press ! to see each file and why.", st.Meta.Render)
	}
	return lines
}

// filterEmptyLines explains an empty list when a filter hides everything.
func (m Model) filterEmptyLines(add func(string, func(...string) string), plain func(...string) string) {
	st, k, f := m.sh.styles, m.sh.keys.List, m.list.currentFilter()
	switch {
	case f.bookmarked && f.unread:
		add("No unread bookmarked articles", st.Empty.Render)
		add("", plain)
		add("Every bookmarked article has been read.", plain)
	case f.bookmarked:
		add("No bookmarked articles", st.Empty.Render)
		add("", plain)
		add("Press "+keyHint(k.Bookmark)+" on an article to bookmark it.", plain)
	default:
		add("No unread articles", st.Empty.Render)
		add("", plain)
		add("You have read all "+plural(m.sh.lib.Len(), "article")+".", plain)
	}
	var keys []string
	if f.bookmarked {
		keys = append(keys, keyHint(k.BookmarksOnly))
	}
	if f.unread {
		keys = append(keys, keyHint(k.UnreadOnly))
	}
	add("Press "+strings.Join(keys, " and ")+" to show all articles.", st.Meta.Render)
}

// sourceName says where the corpus comes from, for the header.
func (m Model) sourceName() string {
	src := m.cfg.Source
	switch {
	case len(src.Paths) == 1:
		return corpus.CleanLine(src.Paths[0])
	case len(src.Paths) > 1:
		return fmt.Sprintf("%s and %d more", corpus.CleanLine(src.Paths[0]), len(src.Paths)-1)
	case src.FSName != "":
		return "embedded " + src.FSName
	}
	return "no source"
}

// buildChrome rebuilds the header and status lines.
func (m *Model) buildChrome() {
	w := m.sh.width
	if m.frame.tooSmall || w <= 0 {
		return
	}
	st := m.sh.styles

	right := keyHint(m.sh.keys.Global.Help) + " help"
	count := plural(m.sh.lib.Len(), "article")
	if m.list.filterOn() {
		count = formatCount(m.list.shown()) + " of " + count
	}
	left := " " + st.Header.Render("Parallax") + st.HeaderDim.Render(" · "+m.sourceName()+" · "+count)
	gap := w - cellWidth(left) - len(right) - 1
	if gap < 1 {
		m.headerLine = fitLine(left, w)
	} else {
		m.headerLine = fitLine(left+blank(gap)+st.HeaderDim.Render(right), w)
	}

	pos := m.panes[m.mode].Position()
	if m.mode == modeArticle {
		// Where the article is in what it was opened from.
		at := m.list.place()
		if m.search.isOpen() {
			at = "result " + m.search.Position()
		}
		pos = joinRight(at, pos)
	}
	pos = joinRight(m.refreshChrome(), m.storyChrome(pos))
	if k := len(m.load.skipped); k > 0 {
		pos = joinRight(pos, fmt.Sprintf("%s skipped (!)", formatCount(k)))
	}
	bar := ""
	if m.load.loading && m.load.showProgress {
		bar = progressBar(m.sh, m.load.read, m.load.total)
	}
	m.statusText = m.status.render(m.sh, w, m.helpFor(m.mode), pos, bar)
}

// View assembles the cached pieces; nothing here renders text.
func (m Model) View() string {
	w, h := m.sh.width, m.sh.height
	if w <= 0 || h <= 0 {
		return ""
	}
	f := m.frame
	if f.tooSmall {
		return screenText(tooSmallLines(m.sh, w, h))
	}
	lines := make([]string, 0, h)
	lines = append(lines, m.headerLine)
	// The panes shown side by side, a rule between each two.
	var body []string
	sep := m.sh.styles.Rule.Render("│")
	for i, pl := range m.placements() {
		v := pl.p.View()
		if i == 0 {
			body = append(body, v...)
			continue
		}
		for j := range body {
			body[j] += sep + v[j]
		}
	}
	lines = append(lines, body...)
	lines = append(lines, m.statusText)
	return screenText(lines)
}

// Close stops background work. Run calls it when the program ends.
func (m Model) Close() { m.cancel() }
