package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// storyViewPane shows one story at a glance (compare.StoryView): each
// outlet's headline and lead, the shared facts in each outlet's words,
// distinctive words, who is quoted, omissions and disagreements. The view
// is computed and laid out off the update loop; View assembles cached
// lines.
type storyViewPane struct {
	sh   *shared
	w, h int

	story  *compare.Story
	v      *compare.StoryView
	seq    uint64
	cancel context.CancelFunc

	lay    *storyViewLayout
	laySeq uint64

	sel    int // selected item
	offset int // first visible line
	spin   string

	head []string
	body []string

	intents
}

type (
	storyViewMsg struct {
		seq   uint64
		story *compare.Story
		v     *compare.StoryView
		lay   *storyViewLayout
	}
	storyViewLaidMsg struct {
		seq uint64
		lay *storyViewLayout
	}
)

func newStoryViewPane(sh *shared) storyViewPane { return storyViewPane{sh: sh} }

// start computes the view of a's story.
func (p *storyViewPane) start(a *corpus.Article) tea.Cmd {
	stories, docs := p.sh.lib.Stories(), p.sh.lib.Docs
	if p.cancel != nil {
		p.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.story, p.v, p.lay, p.sel, p.offset = nil, nil, nil, 0, 0
	p.seq = p.sh.nextSeq()
	p.rebuild()
	seq, sh, w := p.seq, p.sh, p.w
	return func() tea.Msg {
		var story *compare.Story
		if stories != nil {
			story = stories.Of(a)
		}
		if story == nil {
			story = &compare.Story{Label: a.Title, Articles: []*corpus.Article{a}, Cohesion: 1}
		}
		v := compare.NewStoryViewOf(ctx, docs.All(story.Articles))
		if v == nil {
			return nil // superseded
		}
		return storyViewMsg{seq: seq, story: story, v: v, lay: layoutStoryView(sh, v, w)}
	}
}

func (p storyViewPane) update(msg tea.Msg) (storyViewPane, tea.Cmd) {
	switch msg := msg.(type) {
	case storyViewMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.story, p.v = msg.story, msg.v
		if msg.lay.width != p.w {
			return p, p.relayout()
		}
		p.setLayout(msg.lay)
	case storyViewLaidMsg:
		if msg.seq == p.laySeq {
			p.setLayout(msg.lay)
		}
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p storyViewPane) handleKey(km tea.KeyMsg) (storyViewPane, tea.Cmd) {
	k := p.sh.keys.StoryView
	switch {
	case key.Matches(km, k.Back):
		if p.lay == nil && p.cancel != nil {
			p.cancel() // nobody waits for it any more
			p.seq = 0
		}
		p.emit(closeStoryMsg{})
	case p.lay == nil || len(p.lay.items) == 0:
	case key.Matches(km, k.Up):
		p.move(-1)
	case key.Matches(km, k.Down):
		p.move(1)
	case key.Matches(km, k.PageUp):
		p.scroll(-max(p.bodyH()-1, 1))
	case key.Matches(km, k.PageDown):
		p.scroll(max(p.bodyH()-1, 1))
	case key.Matches(km, k.Top):
		p.move(-len(p.lay.items))
	case key.Matches(km, k.Bottom):
		p.move(len(p.lay.items))
	case key.Matches(km, k.NextSection):
		p.jumpSection(p.section() + 1)
	case key.Matches(km, k.PrevSection):
		p.jumpSection(p.section() - 1)
	case key.Matches(km, k.Section):
		p.jumpSection(int(km.Runes[0] - '1'))
	case key.Matches(km, k.Open):
		p.openSelected()
	case key.Matches(km, k.CompareAll):
		p.compareAll()
	case key.Matches(km, k.Compare):
		p.compareSelected()
	case key.Matches(km, k.Export):
		p.emit(p.exportRequest())
	}
	return p, nil
}

func (p *storyViewPane) relayout() tea.Cmd {
	if p.v == nil || p.w <= 0 {
		return nil
	}
	p.laySeq = p.sh.nextSeq()
	seq, sh, v, w := p.laySeq, p.sh, p.v, p.w
	return func() tea.Msg { return storyViewLaidMsg{seq: seq, lay: layoutStoryView(sh, v, w)} }
}

// setLayout installs a layout, keeping the selection on the same item.
func (p *storyViewPane) setLayout(l *storyViewLayout) {
	var keep *svItem
	if p.lay != nil && p.sel < len(p.lay.items) {
		it := p.lay.items[p.sel]
		keep = &it
	}
	p.lay, p.sel = l, 0
	if keep != nil {
		for i, it := range l.items {
			if it == *keep {
				p.sel = i
				break
			}
		}
	}
	p.rebuild()
}

func (p *storyViewPane) setSize(w, h int) tea.Cmd {
	if w == p.w && h == p.h {
		return nil
	}
	p.w, p.h = w, h
	p.rebuild()
	if p.lay != nil && p.lay.width == w {
		return nil
	}
	return p.relayout()
}

func (p storyViewPane) section() int {
	if p.lay == nil || p.sel >= len(p.lay.items) {
		return 0
	}
	return p.lay.items[p.sel].section
}

func (p *storyViewPane) move(n int) {
	p.sel = clamp(p.sel+n, 0, len(p.lay.items)-1)
	p.follow()
	p.rebuild()
}

// scroll moves the view by n lines and the selection to the first item
// in view.
func (p *storyViewPane) scroll(n int) {
	p.offset = clamp(p.offset+n, 0, max(len(p.lay.lines)-p.bodyH(), 0))
	for i, l := range p.lay.itemLine {
		if l >= p.offset {
			p.sel = i
			break
		}
	}
	p.rebuild()
}

// jumpSection selects the first item of section s (wrapping), skipping
// sections with nothing to select.
func (p *storyViewPane) jumpSection(s int) {
	for tries := 0; tries < svSections; tries++ {
		s = (s%svSections + svSections) % svSections
		if it := p.lay.sectionItem[s]; it >= 0 {
			p.sel = it
			p.offset = p.lay.sectionLine[s]
			p.follow()
			p.rebuild()
			p.emit(statusMsg{text: svSectionNames[s]})
			return
		}
		s++
	}
}

// follow scrolls so that the selected item is in view, its section's
// title too when there is room.
func (p *storyViewPane) follow() {
	h := p.bodyH()
	line := p.lay.itemLine[p.sel]
	end := line
	for i := line; i < len(p.lay.lines) && p.lineHas(i, p.sel); i++ {
		end = i
	}
	if end >= p.offset+h {
		p.offset = end - h + 1
	}
	if line < p.offset {
		p.offset = line
	}
	if t := p.lay.sectionLine[p.lay.items[p.sel].section]; p.lay.sectionItem[p.lay.items[p.sel].section] == p.sel && line-t < h {
		p.offset = min(p.offset, t)
	}
	p.offset = clamp(p.offset, 0, max(len(p.lay.lines)-h, 0))
}

func (p storyViewPane) lineHas(i, item int) bool {
	for _, s := range p.lay.lines[i] {
		if s.item == item {
			return true
		}
	}
	return false
}

func (p *storyViewPane) openSelected() {
	it := p.lay.items[p.sel]
	if it.doc < 0 {
		return
	}
	d := p.v.Docs[it.doc]
	block, start, end := 0, 0, 0
	if it.sentence >= 0 {
		block, start, end = d.Locate(compare.Passage{Sentence: it.sentence, End: len(d.Sentences[it.sentence].Text)})
	}
	p.emit(openPassageMsg{a: d.Article, block: block, start: start, end: end})
}

// compareSelected opens the picker on the selected outlet's article: the
// story's other articles come first.
func (p *storyViewPane) compareSelected() {
	it := p.lay.items[p.sel]
	k := it.outlet
	if k < 0 && it.doc >= 0 {
		k = svOutletOf(p.v)[it.doc]
	}
	if k < 0 {
		return
	}
	d := p.v.Outlets[k].Docs[0]
	if it.doc >= 0 && svOutletOf(p.v)[it.doc] == k {
		d = it.doc
	}
	p.emit(storyRequest{pane: modePicker, a: p.v.Docs[d].Article})
}

// compareAll compares the first article of every outlet of the story at
// once: side by side where the terminal is wide, else a pair at a time.
func (p *storyViewPane) compareAll() {
	if p.v == nil {
		return
	}
	arts := p.outletArticles()
	if len(arts) < 2 {
		p.emit(statusMsg{text: "this story has one outlet: nothing to compare it with"})
		return
	}
	p.emit(compareManyMsg{arts: arts})
}

// outletArticles is the first article of every outlet, in the view's
// order.
func (p storyViewPane) outletArticles() []*corpus.Article {
	var arts []*corpus.Article
	for _, o := range p.v.Outlets {
		if len(o.Docs) > 0 {
			arts = append(arts, p.v.Docs[o.Docs[0]].Article)
		}
	}
	return arts
}

func (p storyViewPane) bodyH() int { return max(p.h-len(p.head), 0) }

// rebuild makes the head and the visible lines with the selection drawn.
func (p *storyViewPane) rebuild() {
	if p.w <= 0 || p.h <= 0 {
		return
	}
	st := p.sh.styles
	var head []string
	if p.v == nil {
		head = []string{" " + st.Title.Render("Story view"), ""}
	} else {
		head = append(head, " "+st.Title.Render(truncate("Story · "+p.story.Label, p.w-2)))
		summary := fmt.Sprintf("%s · %s · %s shared by most · %s",
			plural(len(p.v.Outlets), "outlet"), plural(len(p.v.Docs), "article"),
			plural(len(p.v.Facts), "fact"), plural(len(p.v.Disagreements), "disagreement"))
		if p.v.Left > 0 {
			summary += fmt.Sprintf(" · %d more left out", p.v.Left)
		}
		head = append(head, " "+st.Meta.Render(truncate(summary, p.w-2)))
		var tabs []string
		cur := p.section()
		for s := 0; s < svSections; s++ {
			t := fmt.Sprintf("%d %s", s+1, svShort[s])
			if p.lay != nil && s == cur {
				t = st.Story.Focus.Render(t)
			}
			tabs = append(tabs, t)
		}
		head = append(head, " "+strings.Join(tabs, "  "))
	}
	head = append(head, st.Rule.Render(repeat("─", p.w)))
	p.head = fitLines(head, p.w, min(len(head), max(p.h/2, 1)))
	h := p.bodyH()
	switch {
	case p.v == nil || p.lay == nil:
		p.body = center([]string{p.spin + " reading the story outlet by outlet…"}, p.w, h)
		return
	case len(p.v.Outlets) < 2:
		p.body = center([]string{st.Note.Render("This story has one outlet; the story view sets outlets side by side once others join it.")}, p.w, h)
		return
	}
	out := make([]string, 0, h)
	for i := p.offset; i < len(p.lay.lines) && len(out) < h; i++ {
		out = append(out, p.renderLine(p.lay.lines[i]))
	}
	p.body = fitLines(out, p.w, h)
}

func (p storyViewPane) renderLine(l svLine) string {
	var sb strings.Builder
	for _, s := range l {
		if s.item == p.sel && s.item >= 0 {
			sb.WriteString(p.sh.styles.Story.Current.Render(s.plain))
		} else {
			sb.WriteString(s.text)
		}
	}
	return sb.String()
}

func (p storyViewPane) position() string {
	if p.lay == nil || len(p.lay.items) == 0 {
		return ""
	}
	return fmt.Sprintf("%s · %d/%d", strings.ToLower(svShort[p.section()]), p.sel+1, len(p.lay.items))
}

func (p storyViewPane) view() []string {
	if p.w <= 0 || p.h <= 0 {
		return nil
	}
	out := make([]string, 0, p.h)
	out = append(out, p.head...)
	out = append(out, p.body...)
	return fitLines(out, p.w, p.h)
}

// The pane contract (pane.go).

func (p *storyViewPane) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*p, cmd = p.update(msg)
	return cmd
}
func (p *storyViewPane) View() []string               { return p.view() }
func (p *storyViewPane) SetSize(w, h int) tea.Cmd     { return p.setSize(w, h) }
func (p *storyViewPane) KeyMap(k *keyMap) help.KeyMap { return storyViewHelp{k} }
func (p *storyViewPane) Title() string                { return "Keys: story view" }
func (p *storyViewPane) Position() string             { return p.position() }
func (p *storyViewPane) Typing() bool                 { return false }
func (p *storyViewPane) Take() []tea.Msg              { return p.take() }
func (p *storyViewPane) Busy() bool                   { return p.seq != 0 && p.lay == nil }
func (p *storyViewPane) SetSpin(f string) {
	p.spin = f
	if p.lay == nil {
		p.rebuild()
	}
}
func (p *storyViewPane) Open(a *corpus.Article) tea.Cmd { return p.start(a) }
