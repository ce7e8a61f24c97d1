package ui

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/feeds"
)

// News is set when the reader shows the user's fetched news: R fetches the
// feeds in the background and what they bring joins the list.
type News struct {
	ListPath  string        // the subscriptions file
	Dir       string        // the news store (the source's folder)
	StatePath string        // the per-feed fetch state
	Fetch     feeds.Options // timeouts, User-Agent
}

// refreshState is a background fetch of every feed.
type refreshState struct {
	running     bool
	gen         uint64 // messages of an older refresh are ignored
	done, total int
	added       int                     // new articles this refresh
	results     map[string]feeds.Result // by feed URL, as they arrive
}

type (
	// feedProgressMsg: one more feed fetched; items are its new articles.
	feedProgressMsg struct {
		gen         uint64
		done, total int
		res         *feeds.Result // nil for the first message (total known)
		items       []*item
		next        tea.Cmd
	}
	// refreshDoneMsg: every feed has been tried.
	refreshDoneMsg struct {
		gen     uint64
		results []feeds.Result
		err     error
	}
	// refreshTickMsg starts the periodic refresh ([feeds] interval).
	refreshTickMsg struct{}
)

// startRefresh fetches every subscription in the background. Each feed's
// new articles are read off the update loop (corpus.LoadFile, as the
// loader would) and delivered with its progress.
func (m *Model) startRefresh() tea.Cmd {
	news := m.cfg.News
	if news == nil {
		return statusCmd("R fetches your feeds when the reader shows your news (parallax feeds add URL, then parallax)")
	}
	if m.refresh.running {
		return statusCmd(fmt.Sprintf("already fetching (%d/%d feeds)", m.refresh.done, m.refresh.total))
	}
	// The fetch ends with the reader (m.ctx); what it stored stays.
	ctx := m.ctx
	m.refresh = refreshState{running: true, gen: m.sh.nextSeq(), results: map[string]feeds.Result{}}
	gen, load := m.refresh.gen, m.cfg.Load
	return func() tea.Msg {
		ch := make(chan tea.Msg, 8)
		go runRefresh(ctx, gen, news, load, ch)
		return waitRefresh(ctx, ch)()
	}
}

func runRefresh(ctx context.Context, gen uint64, news *News, load corpus.Options, ch chan<- tea.Msg) {
	defer close(ch)
	send := func(msg tea.Msg) {
		select {
		case ch <- msg:
		case <-ctx.Done():
		}
	}
	l, err := feeds.ReadList(news.ListPath)
	if err != nil || len(l.Subscriptions()) == 0 {
		if err == nil {
			err = fmt.Errorf("no subscriptions: add feeds with parallax feeds add URL")
		}
		send(refreshDoneMsg{gen: gen, err: err})
		return
	}
	subs := l.Subscriptions()
	f, err := feeds.NewFetcher(news.Fetch, feeds.Store{Dir: news.Dir}, news.StatePath)
	if f == nil {
		send(refreshDoneMsg{gen: gen, err: err})
		return
	}
	defer f.Close()
	send(feedProgressMsg{gen: gen, total: len(subs)})
	results := f.FetchAll(ctx, subs, func(done int, r feeds.Result) {
		msg := feedProgressMsg{gen: gen, done: done, total: len(subs), res: &r}
		for _, p := range r.Articles {
			arts, _ := corpus.LoadFile(news.Dir, p, load)
			for _, a := range arts {
				msg.items = append(msg.items, newItem(a))
			}
		}
		send(msg)
	})
	moved := false
	for _, r := range results {
		moved = moved || r.MovedTo != ""
	}
	if moved {
		feeds.UpdateList(news.ListPath, func(l *feeds.List) (bool, error) {
			changed := false
			for _, r := range results {
				if r.MovedTo != "" && l.Move(r.URL, r.MovedTo) {
					changed = true
				}
			}
			return changed, nil
		})
	}
	send(refreshDoneMsg{gen: gen, results: results})
}

func waitRefresh(ctx context.Context, ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		select {
		case msg, ok := <-ch:
			if !ok {
				return nil
			}
			if p, isProgress := msg.(feedProgressMsg); isProgress {
				p.next = waitRefresh(ctx, ch)
				return p
			}
			return msg
		case <-ctx.Done():
			return nil
		}
	}
}

// handleFeedProgress counts a fetched feed and adds its new articles to
// the list (unless --watch sees the new files and adds them itself).
func (m Model) handleFeedProgress(msg feedProgressMsg) (Model, tea.Cmd) {
	if msg.gen != m.refresh.gen {
		return m, nil
	}
	m.refresh.done, m.refresh.total = msg.done, msg.total
	cmds := []tea.Cmd{msg.next}
	if msg.res != nil {
		m.refresh.results[msg.res.URL] = *msg.res
	}
	if len(msg.items) > 0 && !m.cfg.Watch {
		m.refresh.added += len(msg.items)
		before := m.list.selected()
		m.list.add(msg.items)
		m.list.setEmpty(m.emptyLines())
		cmds = append(cmds, jobsCmd(m.sh.lib.Index.AddChanged(m.search.register(msg.items, -1))), m.startGrouping())
		if m.list.selected() != before {
			cmds = append(cmds, m.selectionChanged())
		}
	} else if msg.res != nil {
		m.refresh.added += msg.res.New
	}
	m, cmd := m.broadcast(m.feedResults())
	return m, tea.Batch(append(cmds, cmd)...)
}

func (m Model) handleRefreshDone(msg refreshDoneMsg) (Model, tea.Cmd) {
	if msg.gen != m.refresh.gen {
		return m, nil
	}
	m.refresh.running = false
	if msg.err != nil {
		m.status = statusLine{text: "fetch: " + msg.err.Error(), isErr: true}
		return m, nil
	}
	failed := 0
	for _, r := range msg.results {
		if r.Status == feeds.StatusError {
			failed++
		}
	}
	text := fmt.Sprintf("fetched %s: %s", plural(len(msg.results), "feed"), plural(m.refresh.added, "new article"))
	if failed > 0 {
		text += fmt.Sprintf(", %d failed (%s shows why)", failed, keyHint(m.sh.keys.Feeds.View))
	}
	m.status = statusLine{text: text, isErr: failed > 0 && failed == len(msg.results)}
	return m.broadcast(m.feedResults())
}

// feedResultsMsg gives the panes the fetch results so far: the feeds view
// shows them while it is open.
type feedResultsMsg struct {
	news    *News
	results map[string]feeds.Result
}

func (m Model) feedResults() feedResultsMsg {
	return feedResultsMsg{m.cfg.News, m.refresh.results}
}

// refreshChrome is the status line's part while feeds are fetched.
func (m Model) refreshChrome() string {
	if !m.refresh.running {
		return ""
	}
	if m.refresh.total == 0 {
		return "fetching feeds…"
	}
	return fmt.Sprintf("fetching %d/%d feeds", m.refresh.done, m.refresh.total)
}

// refreshAtStart starts the refresh on start and the interval ([feeds]
// settings), for Init.
func (m Model) refreshAtStart() tea.Cmd {
	if m.cfg.News == nil {
		return nil
	}
	var cmds []tea.Cmd
	if m.cfg.Settings.Feeds.RefreshOnStart {
		cmds = append(cmds, msgCmd(refreshNowMsg{}))
	}
	if iv := m.cfg.Settings.Feeds.Interval; iv > 0 {
		cmds = append(cmds, m.sh.after(iv, refreshTickMsg{}))
	}
	return tea.Batch(cmds...)
}

// handleRefreshTick refreshes on the interval and schedules the next.
func (m Model) handleRefreshTick() (Model, tea.Cmd) {
	iv := m.cfg.Settings.Feeds.Interval
	if m.cfg.News == nil || iv <= 0 {
		return m, nil
	}
	var cmd tea.Cmd
	if !m.refresh.running {
		cmd = m.startRefresh()
	}
	return m, tea.Batch(cmd, m.sh.after(iv, refreshTickMsg{}))
}

// refreshNowMsg starts a refresh from Init ([feeds] refresh_on_start),
// which cannot change the model itself.
type refreshNowMsg struct{}

// updateFeeds handles the messages of the refresh and the feeds view.
func (m Model) updateFeeds(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case feedProgressMsg:
		return m.handleFeedProgress(msg)
	case refreshDoneMsg:
		return m.handleRefreshDone(msg)
	case refreshTickMsg:
		return m.handleRefreshTick()
	case refreshNowMsg:
		return m, m.startRefresh()
	case openFeedsMsg:
		m.mode = modeFeeds
		cmd := m.relayout()
		m, load := m.route(m.panes[modeFeeds], openFeedsMsg{m.feedResults()})
		return m, tea.Batch(cmd, load)
	case feedChosenMsg:
		m.mode = modeList
		m, cmd := m.setFilterFeed(msg.f)
		return m, tea.Batch(m.relayout(), cmd)
	case closeFeedsMsg:
		return m, m.setMode(modeList)
	}
	return m, nil
}

// setFilterFeed shows one feed's articles (or all again), keeping the
// other filters.
func (m Model) setFilterFeed(f feedFilter) (Model, tea.Cmd) {
	lf := m.list.currentFilter()
	lf.feed = f
	return m.setFilter(lf)
}
