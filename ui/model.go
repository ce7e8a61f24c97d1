package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/userstate"
	"github.com/parallax-reader/parallax/ui/config"
	"github.com/parallax-reader/parallax/ui/library"
)

// Model is the root of the program: it owns the panes, routes messages to
// the pane they belong to, handles what is global (keys, loading, read
// marks, layout) and assembles the frame.
type Model struct {
	sh  *shared
	cfg Config

	ctx    context.Context // cancelled when the program ends; stops loading
	cancel context.CancelFunc

	mode  mode
	under mode // the mode a full-screen pane (help, report) returns to
	frame frame

	list    listPane
	article articlePane
	pager   pagerPane
	search  searchPane
	status  statusLine
	msgs    messageLog // status messages, whole, for the report
	load    loadState
	unread  int
	story   storyPanes    // the grouping into stories (stories.go)
	panes   map[mode]pane // the registered full-area panes (pane.go)

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
		list:    newListPane(sh),
		article: newArticlePane(sh),
		pager:   newPagerPane(sh),
		story:   newStoryPanes(),
		panes:   registeredPanes(sh),
		search:  newSearchPane(sh),
	}
	m.load.gen = sh.nextSeq()
	m.load.loading = true
	sh.lib.Index.UseSnapshot(search.SnapshotPath(cfg.Load.CacheDir, cfg.Source))
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

// Init starts loading; the first frame does not wait for it.
func (m Model) Init() tea.Cmd {
	var watch tea.Cmd
	if m.cfg.Watch {
		watch = startWatch(m.ctx, m.cfg.Source, m.cfg.Load)
	}
	return tea.Batch(
		startLoad(m.ctx, m.load.gen, m.cfg.Source, m.cfg.Load),
		m.sh.after(progressDelay, showProgressMsg{m.load.gen}),
		watch,
		m.refreshAtStart(),
	)
}

// Update routes msg and then rebuilds the cached chrome.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
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
	case watchErrMsg:
		m.status = statusLine{text: "cannot watch for changes: " + msg.err.Error(), isErr: true}
		return m, nil
	case loadBatchMsg:
		return m.handleBatch(msg)
	case feedProgressMsg, refreshDoneMsg, refreshTickMsg, refreshNowMsg, feedsLoadedMsg, feedChosenMsg, closeFeedsMsg:
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
		var cmd tea.Cmd
		m.article, cmd = m.article.update(msg)
		return m, cmd

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
	case library.Indexed, searchResultsMsg, foundMsg, openResultMsg, closeSearchMsg, library.SnapshotRead, library.SnapshotWritten:
		return m.updateSearch(msg)
	}
	if m, cmd, ok := m.updateAction(msg); ok {
		return m, cmd
	}
	if m, cmd, ok := m.updateStories(msg); ok {
		return m, cmd
	}
	return m, nil
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

	var cmd tea.Cmd
	switch m.mode {
	case modeHelp, modeReport:
		m.pager, cmd = m.pager.update(km)
		return m.handleIntents(m.pager.take(), cmd)
	}
	if m.typing() {
		return m.handleTypingKey(km)
	}
	if m, cmd, ok := m.handleFeedsKey(km); ok {
		return m, cmd
	}
	if m, cmd, ok := m.handleStoryKey(km); ok {
		return m, cmd
	}

	switch {
	case key.Matches(km, g.Help):
		return m, m.openPager(modeHelp)
	case key.Matches(km, g.Report):
		return m, m.openPager(modeReport)
	case key.Matches(km, g.Focus):
		if m.mode == modeArticle {
			return m, m.setMode(m.listMode())
		}
		if it := m.list.selected(); it != nil {
			return m, m.open(it)
		}
		return m, nil
	}

	switch m.mode {
	case modeList:
		if key.Matches(km, m.sh.keys.List.Search) {
			return m, m.openSearch()
		}
		before := m.list.selected()
		m.list, cmd = m.list.update(km)
		if m.list.selected() != before {
			cmd = tea.Batch(cmd, m.selectionChanged())
		}
		return m.handleIntents(m.list.take(), cmd)
	case modeArticle:
		m.article, cmd = m.article.update(km)
		return m.handleIntents(m.article.take(), cmd)
	}
	return m, cmd
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
	switch {
	case m.mode == modeHelp || m.mode == modeReport:
		m.pager.body.scroll(3 * delta)
	case m.mode == modeCompare:
		m.comparison().scroll(3 * delta)
	case isStoryMode(m.mode):
		return m, nil
	case m.mode == modeSearch:
		if mm.X < m.frame.list.w {
			before := m.search.selectedArticle()
			m.search.selectIndex(m.search.sel + delta)
			if m.search.selectedArticle() != before {
				return m, m.resultChanged()
			}
		} else {
			m.article.body.scroll(3 * delta)
		}
	case m.frame.list.w > 0 && mm.X < m.frame.list.w:
		before := m.list.selected()
		m.list.wheel(delta)
		if m.list.selected() != before {
			return m, m.selectionChanged()
		}
	case m.frame.article.w > 0:
		m.article.body.scroll(3 * delta)
	}
	return m, nil
}

func (m Model) handleBatch(msg loadBatchMsg) (Model, tea.Cmd) {
	if msg.gen != m.load.gen {
		return m, nil // a batch of an abandoned load
	}
	m.load.read, m.load.total = msg.read, msg.total
	m.load.skipped = append(m.load.skipped, msg.skipped...)
	if len(msg.notices) > 0 {
		m.status = statusLine{text: strings.Join(msg.notices, "; ")}
	}
	for _, it := range msg.items {
		if !m.sh.lib.Marks.Has(it.key) {
			m.unread++
		}
	}
	before := m.list.selected()
	m.list.add(msg.items)
	m.sh.lib.Add(articlesOf(msg.items))
	if msg.done {
		m.load.loading = false
		m.load.showProgress = false
	}
	m.list.setEmpty(m.emptyLines())
	if m.mode == modeReport {
		m.pager.set("Load report", m.reportLines(m.frame.main.w), m.frame.main.w, m.frame.main.h, false)
	}
	// Indexing is queued first: grouping waits for the index to be complete.
	indexCmd := jobsCmd(m.sh.lib.Index.LoadBatch(m.search.register(msg.items), msg.done, msg.allCached)...)
	m.search.refresh()
	cmds := []tea.Cmd{msg.next, m.storiesAfterBatch(msg), indexCmd}
	if m.list.selected() != before {
		cmds = append(cmds, m.selectionChanged())
	}
	return m, tea.Batch(cmds...)
}

// selectionChanged shows the new selection in the preview (wide) or renders
// it ahead of time (narrow), so that opening it is instant.
func (m *Model) selectionChanged() tea.Cmd {
	it := m.list.selected()
	if it == nil {
		return nil
	}
	if m.frame.wide {
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
		m.unread--
		m.list.refresh()
		m.article.refresh()
		cmds = append(cmds, m.save())
	}
	// The next article is the likeliest to be read next.
	if m.list.sel+1 < len(m.list.items) {
		cmds = append(cmds, m.prefetch(m.list.items[m.list.sel+1]))
	}
	return tea.Batch(cmds...)
}

func (m Model) step(delta int) (Model, tea.Cmd) {
	if m.search.active {
		return m.stepResult(delta)
	}
	i := m.list.sel + delta
	if i < 0 || i >= len(m.list.items) {
		if delta > 0 {
			return m, statusCmd("this is the last article")
		}
		return m, statusCmd("this is the first article")
	}
	m.list.selectIndex(i)
	return m, m.open(m.list.items[i])
}

func (m Model) toggleRead(it *item) (Model, tea.Cmd) {
	on := m.sh.lib.Marks.Toggle(it.key, m.sh.now())
	msg := "marked as unread"
	if on {
		msg = "marked as read"
		m.unread--
	} else {
		m.unread++
	}
	m.list.refresh()
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

func (m *Model) fillPager(reset bool) {
	f := m.frame
	switch m.mode {
	case modeHelp:
		title := "Keys: list"
		if m.under == modeArticle {
			title = "Keys: article"
		}
		if t := m.storyHelpTitle(m.under); t != "" {
			title = t
		}
		m.pager.set(title, helpLines(m.sh, m.helpFor(m.under), f.main.w), f.main.w, f.main.h, reset)
	case modeReport:
		m.pager.set("Load report", m.reportLines(f.main.w), f.main.w, f.main.h, reset)
	}
}

// reportLines are the latest messages, whole, then the load report.
func (m Model) reportLines(w int) []string {
	return append(m.msgs.lines(m.sh, w), reportLines(m.sh, m.load, m.sh.lib.Len(), w)...)
}

// helpFor is the key map help for a mode: what `?` and the status line show.
func (m Model) helpFor(md mode) help.KeyMap {
	if km := m.storyHelp(md); km != nil {
		return km
	}
	switch md {
	case modeSearch:
		return searchHelp{m.sh.keys}
	case modeArticle:
		if m.article.typing() {
			return findHelp{m.sh.keys}
		}
		return articleHelp{m.sh.keys, m.frame.wide, paneName(m.story.articleBack)}
	case modeHelp, modeReport:
		return pagerHelp{m.sh.keys}
	}
	return listHelp{m.sh.keys, m.frame.wide}
}

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
	if isPaneMode(m.mode) {
		return m.relayoutStory()
	}
	var cmds []tea.Cmd
	switch m.mode {
	case modeHelp, modeReport:
		m.fillPager(false)
		return nil
	case modeList, modeArticle, modeSearch:
		m.list.setFocused(m.mode == modeList)
		m.article.setFocused(m.mode == modeArticle)
		m.list.setSize(f.list.w, f.list.h)
		m.list.setEmpty(m.emptyLines())
		m.search.setSize(f.list.w, f.list.h)
		if f.wide && m.mode == modeList {
			cmds = append(cmds, m.article.show(m.list.selected()))
		}
		if m.mode == modeSearch {
			cmds = append(cmds, m.resultChanged())
		}
		cmds = append(cmds, m.article.setSize(f.article.w, f.article.h))
		if !f.wide && m.mode == modeList {
			cmds = append(cmds, m.prefetch(m.list.selected()))
		}
	}
	return tea.Batch(cmds...)
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
	case m.sh.lib.Len() > 0 && m.list.filter.on():
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
	st, k, f := m.sh.styles, m.sh.keys.List, m.list.filter
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
	n, total := len(m.list.items), m.sh.lib.Len()
	count := plural(total, "article")
	if m.list.filter.on() {
		count = formatCount(n) + " of " + count
	}
	left := " " + st.Header.Render("Parallax") + st.HeaderDim.Render(" · "+m.sourceName()+" · "+count)
	gap := w - lipgloss.Width(left) - len(right) - 1
	if gap < 1 {
		m.headerLine = fitLine(left, w)
	} else {
		m.headerLine = fitLine(left+blank(gap)+st.HeaderDim.Render(right), w)
	}

	var pos string
	switch m.mode {
	case modeList:
		if n > 0 {
			pos = fmt.Sprintf("%s/%s", formatCount(m.list.sel+1), formatCount(n))
		}
		pos = joinRight(m.list.filter.String(), "by "+m.list.sort.String(), pos, formatCount(max(m.unread, 0))+" unread")
	case modeArticle:
		at := joinRight(m.list.filter.String(), fmt.Sprintf("%s/%s", formatCount(m.list.sel+1), formatCount(n)))
		if m.search.active {
			at = "result " + m.searchPosition()
		}
		pos = joinRight(at, m.article.hitPosition(), fmt.Sprintf("%d%%", m.article.body.percent()))
	case modeSearch:
		pos = m.searchPosition()
	case modeHelp, modeReport:
		pos = fmt.Sprintf("%d%%", m.pager.body.percent())
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
	switch {
	case m.mode == modeHelp || m.mode == modeReport:
		lines = append(lines, m.pager.view()...)
	case isPaneMode(m.mode):
		lines = append(lines, m.storyView()...)
	default:
		switch {
		case f.list.w > 0 && f.article.w > 0:
			sep := m.sh.styles.Rule.Render("│")
			left, right := m.leftView(), m.article.view()
			for i := range left {
				lines = append(lines, left[i]+sep+right[i])
			}
		case f.list.w > 0:
			lines = append(lines, m.leftView()...)
		default:
			lines = append(lines, m.article.view()...)
		}
	}
	lines = append(lines, m.statusText)
	return screenText(lines)
}

// Close stops background work. Run calls it when the program ends.
func (m Model) Close() { m.cancel() }

// leftView is the list, or the search in its place.
func (m Model) leftView() []string {
	if m.search.active {
		return m.search.view()
	}
	return m.list.view()
}
