package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// maxCandidates is how many articles the picker offers.
const maxCandidates = 200

// pickerPane offers the articles to compare one with: its story's first,
// then the rest, each by similarity. Candidates are found in a command.
type pickerPane struct {
	sh   *shared
	w, h int

	a     *corpus.Article
	all   []compare.Candidate // every candidate found
	cands []compare.Candidate // those the filter keeps, shown
	seq   uint64
	ready bool

	// filter narrows the candidates to titles or outlets containing it
	// (case and accents ignored); filtering: it has the keyboard.
	filter    string
	filtering bool

	// marked are the candidates chosen to compare all at once, in the
	// order they were marked.
	marked []*corpus.Article

	// moving: the picker chooses a story to move the article into (A),
	// a row per story, not an article to compare with (storymove.go).
	moving bool

	sel    int
	offset int      // first visible line of the list
	rows   []string // one line per candidate, or a divider
	rowOf  []int    // candidate index -> line in rows
	title  []bool   // lines of rows that are section titles
	lines  []string // cached view body
	head   []string
	spin   string

	intents
}

type (
	candidatesMsg struct {
		seq   uint64
		cands []compare.Candidate
		note  string
	}
	// pickedMsg asks the root to compare a with b.
	pickedMsg struct{ a, b *corpus.Article }
)

func newPickerPane(sh *shared) pickerPane { return pickerPane{sh: sh} }

// start lists the candidates for a.
func (p *pickerPane) start(a *corpus.Article) tea.Cmd {
	stories := p.sh.lib.Stories()
	p.a, p.all, p.cands, p.ready, p.sel, p.offset = a, nil, nil, false, 0, 0
	p.filter, p.filtering, p.marked = "", false, nil
	p.seq = p.sh.nextSeq()
	p.rebuild()
	seq, moving := p.seq, p.moving
	return func() tea.Msg {
		var cands []compare.Candidate
		if stories != nil {
			cands = stories.Candidates(a, maxCandidates)
		}
		if moving {
			cands = otherStories(stories, cands)
		}
		return candidatesMsg{seq: seq, cands: cands, note: storedDamageNote(stories)}
	}
}

func (p pickerPane) update(msg tea.Msg) (pickerPane, tea.Cmd) {
	switch msg := msg.(type) {
	case candidatesMsg:
		if msg.seq == p.seq {
			p.all, p.ready = msg.cands, true
			p.applyFilter()
		}
		if msg.note != "" {
			p.emit(statusMsg{text: msg.note})
		}
	case tea.KeyMsg:
		if p.filtering {
			p.filterKey(msg)
			return p, nil
		}
		k := p.sh.keys.Picker
		page, half := viewPage(p.listH())
		n, scrolls := k.step(msg, page, half)
		switch {
		case key.Matches(msg, k.Filter):
			p.filtering = true
			p.rebuild()
		case key.Matches(msg, k.Back) && msg.String() == "esc" && p.filter != "":
			p.filter = "" // esc clears the filter first, as it clears a find
			p.applyFilter()
		case key.Matches(msg, k.Back):
			p.emit(closeStoryMsg{})
		case scrolls:
			p.move(n)
		case key.Matches(msg, k.Choose) && p.moving:
			p.chooseStory()
		case key.Matches(msg, k.Mark) && !p.moving:
			p.toggleMark()
		case key.Matches(msg, k.Choose) && len(p.marked) > 0:
			p.emit(compareManyMsg{arts: append([]*corpus.Article{p.a}, p.marked...)})
		case key.Matches(msg, k.Choose):
			if p.sel < len(p.cands) {
				p.emit(pickedMsg{p.a, p.cands[p.sel].Article})
			}
		}
	}
	return p, nil
}

// toggleMark marks or unmarks the selected candidate and moves on.
func (p *pickerPane) toggleMark() {
	if p.sel >= len(p.cands) {
		return
	}
	a := p.cands[p.sel].Article
	if i := slices.Index(p.marked, a); i >= 0 {
		p.marked = slices.Delete(p.marked, i, i+1)
	} else {
		p.marked = append(p.marked, a)
	}
	p.rebuild()
	p.move(1)
}

// filterKey edits the filter while it has the keyboard: every key is
// text but enter (keep it) and esc (clear it).
func (p *pickerPane) filterKey(km tea.KeyMsg) {
	switch km.Type {
	case tea.KeyEnter:
		p.filtering = false
		p.rebuild()
		return
	case tea.KeyEscape:
		p.filtering, p.filter = false, ""
	case tea.KeyBackspace:
		if r := []rune(p.filter); len(r) > 0 {
			p.filter = string(r[:len(r)-1])
		}
	case tea.KeyCtrlU:
		p.filter = ""
	case tea.KeySpace:
		p.filter += " "
	case tea.KeyRunes:
		p.filter += string(km.Runes)
	default:
		return
	}
	p.applyFilter()
}

// applyFilter keeps the candidates whose title or outlet contains the
// filter, keeping the selected one when it stays.
func (p *pickerPane) applyFilter() {
	var cur *corpus.Article
	if p.sel < len(p.cands) {
		cur = p.cands[p.sel].Article
	}
	fq := foldQuery(p.filter)
	p.cands = p.cands[:0:0]
	for _, c := range p.all {
		if fq == "" || len(findFolded(c.Article.Title, fq)) > 0 || len(findFolded(outletName(c.Article), fq)) > 0 {
			p.cands = append(p.cands, c)
		}
	}
	p.sel, p.offset = 0, 0
	for i, c := range p.cands {
		if c.Article == cur {
			p.sel = i
		}
	}
	p.rebuild()
}

func (p *pickerPane) move(n int) {
	if len(p.cands) == 0 {
		return
	}
	p.sel = clamp(p.sel+n, 0, len(p.cands)-1)
	p.refresh()
}

func (p *pickerPane) setSize(w, h int) tea.Cmd {
	p.w, p.h = w, h
	p.rebuild()
	return nil
}

func (p pickerPane) listH() int { return max(p.h-len(p.head), 0) }

// rebuild lays out the heading and every row for the current width.
func (p *pickerPane) rebuild() {
	if p.w <= 0 || p.h <= 0 || p.a == nil {
		return
	}
	st := p.sh.styles
	title, ask := "Compare “"+p.a.Title+"”", outletName(p.a)+" · with which article? Its story's articles first, then the closest others"
	if p.moving {
		title, ask = "Move “"+p.a.Title+"” into another story", "which story? The closest first; each row names the story and its closest article"
	}
	second := " " + st.Meta.Render(truncate(ask, p.w-2))
	if n := len(p.marked); n > 0 {
		second = " " + st.Meta.Render(truncate(fmt.Sprintf("%s marked · enter compares %s with this one · space unmarks",
			plural(n, "article"), map[bool]string{true: "it", false: "them all"}[n == 1]), p.w-2))
	}
	if p.filtering || p.filter != "" {
		second = " " + st.StatusKey.UnsetBackground().Render("/") + p.filter
		if p.filtering {
			second += "▏"
		}
		note := fmt.Sprintf("   %d of %d · enter keeps · esc clears", len(p.cands), len(p.all))
		if !p.filtering {
			note = fmt.Sprintf("   %d of %d · esc clears", len(p.cands), len(p.all))
		}
		second = truncate(second+st.Meta.Render(note), p.w)
	}
	p.head = fitLines([]string{
		" " + st.Title.Render(truncate(title, p.w-2)),
		second,
		st.Rule.Render(repeat("─", p.w)),
	}, p.w, 3)
	if p.h < 6 {
		p.head = p.head[:1]
	}
	p.rows, p.rowOf, p.title = nil, make([]int, len(p.cands)), nil
	inStory := -1
	for i, c := range p.cands {
		if c.SameStory && inStory != 1 {
			p.rows = append(p.rows, " "+st.Story.Section.Render("Same story"))
			inStory = 1
		}
		if !c.SameStory && inStory != 0 {
			p.rows = append(p.rows, " "+st.Story.Section.Render(map[bool]string{false: "Other articles", true: "Other stories"}[p.moving]))
			inStory = 0
		}
		for len(p.title) < len(p.rows) {
			p.title = append(p.title, true)
		}
		p.rowOf[i] = len(p.rows)
		p.rows = append(p.rows, p.row(c))
		p.title = append(p.title, false)
	}
	p.refresh()
}

// row is one candidate: similarity as a figure and a bar, outlet, title.
func (p pickerPane) row(c compare.Candidate) string {
	st := p.sh.styles
	const barW = 8
	full := clamp(int(c.Similarity*barW+0.5), 0, barW)
	bar := st.Story.Shared.Render(strings.Repeat("█", full)) + st.Rule.Render(strings.Repeat("░", barW-full))
	outW := clamp(p.w/5, 10, 24)
	a := c.Article
	title := a.Title
	if a.TitleDerived {
		title = MarkDerived + " " + title
	}
	if p.moving {
		title = p.storyTitle(a, title)
	}
	line := fmt.Sprintf("%4d%% %s  %s  ", pct(c.Similarity), bar, st.Meta.Render(padRight(truncate(outletName(a), outW), outW)))
	if slices.Contains(p.marked, a) {
		// The mark takes the place of the figure's leading space (a
		// percentage is at most three digits).
		line = st.Story.Value.Render(markChosen) + line[1:]
	}
	return line + truncate(title, max(p.w-4-cellWidth(line), 1))
}

// refresh rebuilds the visible lines around the selection.
func (p *pickerPane) refresh() {
	h := p.listH()
	st := p.sh.styles
	if !p.ready || len(p.cands) == 0 {
		msg := p.spin + " finding similar articles…"
		if p.moving {
			msg = p.spin + " finding the closest stories…"
		}
		switch {
		case p.ready && len(p.all) > 0:
			msg = "No title or outlet contains “" + p.filter + "”. esc clears the filter."
		case p.ready && p.moving:
			msg = "There is no other story to move this article into."
		case p.ready:
			msg = "No other article shares enough words with this one."
		}
		p.lines = center([]string{st.Meta.Render(msg)}, p.w, h)
		return
	}
	line := p.rowOf[p.sel]
	if line < p.offset {
		p.offset = line
	}
	if line >= p.offset+h {
		p.offset = line - h + 1
	}
	// Keep the section title above the first candidate in view.
	if p.sel == 0 {
		p.offset = 0
	}
	p.offset = clamp(p.offset, 0, max(len(p.rows)-h, 0))
	out := make([]string, 0, h)
	for i := p.offset; i < len(p.rows) && len(out) < h; i++ {
		if i == line {
			out = append(out, st.Selected.Render(fitLine("› "+ansiStrip(p.rows[i]), p.w)))
		} else if !p.title[i] {
			out = append(out, "  "+p.rows[i])
		} else {
			out = append(out, p.rows[i])
		}
	}
	p.lines = fitLines(out, p.w, h)
}

func (p pickerPane) position() string {
	if !p.ready || len(p.cands) == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", p.sel+1, len(p.cands))
}

func (p pickerPane) view() []string {
	if p.w <= 0 || p.h <= 0 {
		return nil
	}
	out := append(append([]string{}, p.head...), p.lines...)
	if len(out) != p.h {
		return fitLines(out, p.w, p.h)
	}
	return out
}
