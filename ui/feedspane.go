package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/feeds"
)

// feedFilter shows one feed's articles in the list: those whose file the
// feed's state names.
type feedFilter struct {
	title string
	files map[string]bool
}

func (f feedFilter) on() bool { return f.files != nil }

// feedRow is one subscription in the feeds view.
type feedRow struct {
	url, title, status, err string
	lastFetched             time.Time
	fresh, articles         int // new in the last fetch, stored in all
	files                   []string
}

// feedsPane lists the subscriptions with their last fetch, new count and
// last error; enter shows a feed's articles in the list. The first row
// shows them all again. Rows are read off the update loop (feedsLoadedMsg).
type feedsPane struct {
	sh   *shared
	w, h int

	rows  []feedRow
	seq   uint64
	ready bool
	err   string
	open  bool // shown: fetch results are shown as they come

	sel, offset int
	lines       []string // cached view

	intents
}

type (
	feedsLoadedMsg struct {
		seq  uint64
		rows []feedRow
		err  error
	}
	// feedChosenMsg asks the root to filter the list to a feed (files
	// nil: all articles) and go back to it.
	feedChosenMsg struct{ f feedFilter }
	// closeFeedsMsg asks the root to leave the feeds view.
	closeFeedsMsg struct{}
)

func newFeedsPane(sh *shared) feedsPane { return feedsPane{sh: sh} }

// load reads the subscriptions and their state in a command; live holds
// the results of a fetch under way, newer than the saved state.
func (p *feedsPane) load(news *News, live map[string]feeds.Result) tea.Cmd {
	p.seq = p.sh.nextSeq()
	seq := p.seq
	if news == nil {
		p.ready, p.err, p.rows = true, "No feeds: the reader is not showing your news (parallax feeds add URL, then parallax).", nil
		p.refresh()
		return nil
	}
	results := make(map[string]feeds.Result, len(live))
	for k, v := range live {
		results[k] = v
	}
	return func() tea.Msg {
		l, err := feeds.ReadList(news.ListPath)
		if err != nil {
			return feedsLoadedMsg{seq: seq, err: err}
		}
		st, _ := feeds.ReadState(news.StatePath)
		var rows []feedRow
		for _, s := range l.Subscriptions() {
			r := feedRow{url: corpus.CleanLine(s.URL), title: corpus.CleanLine(s.Title), status: "never fetched"}
			if fs := st.Feeds[s.URL]; fs != nil {
				if r.title == "" {
					r.title = corpus.CleanLine(fs.Title)
				}
				r.status, r.err, r.fresh, r.lastFetched = corpus.CleanLine(fs.Status), corpus.CleanLine(fs.Error), fs.New, fs.LastFetched
				r.files, r.articles = fs.Files(news.Dir), fs.Articles()
			}
			if res, ok := results[s.URL]; ok {
				r.status, r.err, r.fresh = res.Status, corpus.CleanLine(res.Error), res.New
			}
			if r.title == "" {
				r.title = r.url
			}
			rows = append(rows, r)
		}
		return feedsLoadedMsg{seq: seq, rows: rows}
	}
}

func (p feedsPane) update(msg tea.Msg) (feedsPane, tea.Cmd) {
	switch msg := msg.(type) {
	case openFeedsMsg:
		p.open = true
		return p, p.load(msg.news, msg.results)
	case feedResultsMsg:
		if p.open {
			return p, p.load(msg.news, msg.results)
		}
	case feedsLoadedMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.ready, p.rows, p.err = true, msg.rows, ""
		if msg.err != nil {
			p.err = "Cannot read the subscriptions: " + msg.err.Error()
		} else if len(p.rows) == 0 {
			p.err = "No subscriptions yet: parallax feeds add URL"
		}
		p.sel = clamp(p.sel, 0, len(p.rows))
		p.refresh()
	case tea.KeyMsg:
		k := p.sh.keys.Feeds
		switch {
		case key.Matches(msg, k.Back):
			p.open = false
			p.emit(closeFeedsMsg{})
		case key.Matches(msg, k.Up):
			p.move(-1)
		case key.Matches(msg, k.Down):
			p.move(1)
		case key.Matches(msg, k.Top):
			p.move(-len(p.rows) - 1)
		case key.Matches(msg, k.Bottom):
			p.move(len(p.rows) + 1)
		case key.Matches(msg, k.Filter):
			p.open = false
			p.emit(feedChosenMsg{p.chosen()})
		case key.Matches(msg, k.Refresh):
			p.emit(refreshNowMsg{})
		}
	}
	return p, nil
}

// chosen is the filter of the selected row; row 0 is every feed.
func (p feedsPane) chosen() feedFilter {
	if p.sel == 0 || p.sel > len(p.rows) {
		return feedFilter{}
	}
	r := p.rows[p.sel-1]
	f := feedFilter{title: r.title, files: make(map[string]bool, len(r.files))}
	for _, path := range r.files {
		f.files[path] = true
	}
	return f
}

func (p *feedsPane) move(n int) {
	p.sel = clamp(p.sel+n, 0, len(p.rows))
	p.refresh()
}

func (p *feedsPane) setSize(w, h int) {
	p.w, p.h = w, h
	p.refresh()
}

// refresh rebuilds the cached lines: a heading, "all feeds", one row per feed.
func (p *feedsPane) refresh() {
	if p.w <= 0 || p.h <= 0 {
		return
	}
	st := p.sh.styles
	head := []string{
		" " + st.Title.Render("Feeds"),
		" " + st.Meta.Render(truncate("last fetch · new · stored · feed · last error", p.w-2)),
		st.Rule.Render(repeat("─", p.w)),
	}
	listH := max(p.h-len(head), 1)
	if !p.ready || p.err != "" && len(p.rows) == 0 {
		msg := "reading the subscriptions…"
		if p.ready {
			msg = p.err
		}
		// Wrapped, not cut: the message says what to do next.
		var msgLines []string
		for _, l := range wrap(msg, max(p.w-2, 1)) {
			msgLines = append(msgLines, st.Meta.Render(l))
		}
		p.lines = fitLines(append(head, center(msgLines, p.w, listH)...), p.w, p.h)
		return
	}
	total := 0
	for _, r := range p.rows {
		total += r.articles
	}
	rows := []string{"  " + st.Meta.Render(fmt.Sprintf("All feeds (%s, %s)", plural(len(p.rows), "feed"), plural(total, "stored article")))}
	for _, r := range p.rows {
		rows = append(rows, p.row(r))
	}
	if p.sel < p.offset {
		p.offset = p.sel
	}
	if p.sel >= p.offset+listH {
		p.offset = p.sel - listH + 1
	}
	p.offset = clamp(p.offset, 0, max(len(rows)-listH, 0))
	out := head
	for i := p.offset; i < len(rows) && len(out) < p.h; i++ {
		if i == p.sel {
			out = append(out, st.Selected.Render(fitLine("› "+ansiStrip(rows[i])[2:], p.w)))
		} else {
			out = append(out, fitLine(rows[i], p.w))
		}
	}
	p.lines = fitLines(out, p.w, p.h)
}

// row: status mark, last fetch, new count, stored count, title, error.
func (p feedsPane) row(r feedRow) string {
	st := p.sh.styles
	mark := st.Meta.Render("·")
	switch r.status {
	case feeds.StatusOK, feeds.StatusNotModified:
		mark = st.Meta.Render("✓")
	case feeds.StatusError:
		mark = st.Error.Render("✗")
	}
	when := "never"
	if !r.lastFetched.IsZero() {
		when = r.lastFetched.In(p.sh.now().Location()).Format("Jan 02 15:04") // the reader's clock: local time
	}
	line := fmt.Sprintf("  %s %s %s %s  ", mark, st.Meta.Render(padRight(when, 12)), fmt.Sprintf("%4s", fmt.Sprintf("+%d", r.fresh)), st.Meta.Render(fmt.Sprintf("%5d", r.articles)))
	rest := max(p.w-cellWidth(line), 1)
	if r.err == "" {
		return line + truncate(r.title, rest)
	}
	titleW := min(cellWidth(r.title), max(rest/2, 12))
	return line + truncate(r.title, titleW) + "  " + st.Error.Render(truncate(r.err, max(rest-titleW-2, 1)))
}

func (p feedsPane) position() string {
	if !p.ready || len(p.rows) == 0 {
		return ""
	}
	if p.sel == 0 {
		return "all feeds"
	}
	return fmt.Sprintf("%d/%d", p.sel, len(p.rows))
}

func (p feedsPane) view() []string {
	if p.w <= 0 || p.h <= 0 {
		return nil
	}
	if len(p.lines) != p.h {
		return fitLines(p.lines, p.w, p.h)
	}
	return p.lines
}

// The feeds view's side of the pane contract (pane.go).

func (p *feedsPane) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*p, cmd = p.update(msg)
	return cmd
}
func (p *feedsPane) View() []string               { return p.view() }
func (p *feedsPane) SetSize(w, h int) tea.Cmd     { p.setSize(w, h); return nil }
func (p *feedsPane) KeyMap(k *keyMap) help.KeyMap { return feedsHelp{k} }
func (p *feedsPane) Title() string                { return "Keys: feeds" }
func (p *feedsPane) Position() string             { return p.position() }
func (p *feedsPane) Typing() bool                 { return false }
func (p *feedsPane) Take() []tea.Msg              { return p.take() }
func (p *feedsPane) Busy() bool                   { return false }
func (p *feedsPane) SetSpin(string)               {}

// Open does nothing: the feeds view is about no one article; the root
// fills it with load when F opens it.
func (p *feedsPane) Open(*corpus.Article) tea.Cmd { return nil }
