package ui

import (
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
	"github.com/parallax-reader/parallax/corpus/search"
)

// hitSet is what the article pane highlights: the hits of a corpus search
// in this article, or of a find inside it.
type hitSet struct {
	body    []search.Pos  // in reading order
	title   []search.Span // hits in the title
	current int           // the hit n/N moved to, an index into body
	jump    bool          // scroll to the current hit once the body is rendered
}

func newHitSet(body []search.Pos, title []search.Span) *hitSet {
	return &hitSet{body: body, title: title, jump: true}
}

// fingerprint identifies the positions, for the render cache key.
func (h *hitSet) fingerprint() uint64 {
	if h == nil || len(h.body) == 0 {
		return 0
	}
	f := fnv.New64a()
	var b [12]byte
	for _, p := range h.body {
		for i, v := range [3]int{p.Block, p.Start, p.End} {
			b[i*4], b[i*4+1], b[i*4+2], b[i*4+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
		}
		f.Write(b[:])
	}
	return f.Sum64() | 1 // never 0, which means no hits
}

// findBar is the in-article finder: a query line at the bottom of the
// article pane while the reader types it, and for as long as its hits are
// highlighted.
type findBar struct {
	input   textinput.Model
	active  bool // shown: typing, or its hits are highlighted
	typing  bool
	seq     uint64
	found   *search.Found
	errText string
}

func newFindBar() findBar {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "find in this article"
	in.Cursor.SetMode(cursor.CursorStatic)
	return findBar{input: in}
}

// foundMsg is the result of a find in one article.
type foundMsg struct {
	seq   uint64
	id    string
	found *search.Found
	err   error
}

func findCmd(seq uint64, a *corpus.Article, query string) tea.Cmd {
	return func() tea.Msg {
		f, err := search.Find(a, query, true)
		return foundMsg{seq: seq, id: a.ID, found: f, err: err}
	}
}

// typing reports whether keys go to the find bar.
func (p articlePane) typing() bool { return p.find.typing }

// findRows is the height the find bar takes from the body.
func (p articlePane) findRows() int {
	if p.find.active && p.h >= 4 {
		return 1
	}
	return 0
}

// startFind opens the find bar.
func (p *articlePane) startFind() tea.Cmd {
	if p.it == nil {
		return nil
	}
	p.find.active, p.find.typing = true, true
	p.find.input.SetValue("")
	p.find.found, p.find.errText = nil, ""
	p.find.input.Focus()
	p.buildHeader()
	return nil
}

// findKey handles a key while the find bar has the keyboard.
func (p articlePane) findKey(km tea.KeyMsg) (articlePane, tea.Cmd) {
	k := p.sh.keys.Find
	switch {
	case key.Matches(km, k.Cancel):
		p.clearFind()
		return p, nil
	case key.Matches(km, k.Accept):
		p.find.typing = false
		p.find.input.Blur()
		if p.find.found == nil || len(p.find.found.Positions)+len(p.find.found.TitleSpans) == 0 {
			p.clearFind() // nothing to step through
		}
		p.buildHeader()
		return p, nil
	}
	before := p.find.input.Value()
	var cmd tea.Cmd
	p.find.input, cmd = p.find.input.Update(km)
	p.buildFindBar()
	if p.find.input.Value() == before {
		return p, cmd
	}
	q := p.find.input.Value()
	p.find.seq = p.sh.nextSeq()
	if strings.TrimSpace(q) == "" {
		p.find.found, p.find.errText = nil, ""
		return p, tea.Batch(cmd, p.setHits(p.base))
	}
	return p, tea.Batch(cmd, findCmd(p.find.seq, p.it.a, q))
}

// setFound shows the hits of the latest find.
func (p *articlePane) setFound(msg foundMsg) tea.Cmd {
	if msg.seq != p.find.seq || !p.find.active || p.it == nil || msg.id != p.it.a.ID {
		return nil // stale: a newer keystroke, a closed bar or another article
	}
	var qe *search.QueryError
	if errors.As(msg.err, &qe) {
		p.find.errText = qe.Msg // keep the last good hits
		p.buildHeader()
		return nil
	}
	if msg.err != nil {
		return nil
	}
	p.find.found, p.find.errText = msg.found, ""
	h := newHitSet(msg.found.Positions, msg.found.TitleSpans)
	return p.setHits(h)
}

// clearFind closes the find bar and goes back to the search's hits, if
// the article was opened from a search.
func (p *articlePane) clearFind() tea.Cmd {
	if !p.find.active {
		return nil
	}
	p.find.active, p.find.typing = false, false
	p.find.found, p.find.errText = nil, ""
	p.find.seq = p.sh.nextSeq()
	p.find.input.Blur()
	return p.setHits(p.base)
}

// setHits changes what is highlighted and asks for the matching rendering.
func (p *articlePane) setHits(h *hitSet) tea.Cmd {
	if h != nil {
		h.jump = true
	}
	p.hits = h
	p.buildHeader()
	cmd := p.request()
	if p.ready {
		p.paint() // the same rendering with other hits or another current one
	}
	return cmd
}

// showHits shows it with the hits of a corpus search highlighted, scrolled
// to the first one; esc after a find comes back to these.
func (p *articlePane) showHits(it *item, h *hitSet) tea.Cmd {
	if it != p.it {
		p.show(it) // its plain rendering is superseded by the request below
	}
	p.resetFind()
	p.base = h
	return p.setHits(h)
}

// clearHits removes all highlighting (the search was closed).
func (p *articlePane) clearHits() tea.Cmd {
	p.resetFind()
	p.base = nil
	if p.hits == nil {
		return nil
	}
	return p.setHits(nil)
}

func (p *articlePane) resetFind() {
	p.find.active, p.find.typing = false, false
	p.find.found, p.find.errText = nil, ""
	p.find.input.Blur()
}

// stepHit moves to the next (+1) or previous (-1) hit, wrapping around.
func (p *articlePane) stepHit(delta int) {
	h := p.hits
	if h == nil || len(h.body) == 0 {
		if h != nil && len(h.title) > 0 {
			p.emit(statusMsg{text: "the only match is in the title"})
		} else {
			p.emit(statusMsg{text: "no search hits here; / finds in this article"})
		}
		return
	}
	at := make([]int, len(h.body))
	for i := range at {
		at[i] = i
	}
	var note string
	h.current, note, _ = nextHit(at, h.current, delta)
	if note != "" {
		p.emit(statusMsg{text: note})
	}
	h.jump = true
	p.paint()
	p.buildFindBar()
}

// paint applies the hit styles to the rendering of the body and scrolls to
// the current hit when asked to.
func (p *articlePane) paint() {
	if p.hits == nil || len(p.raw) == 0 {
		return
	}
	lines, at := paintHits(p.raw, p.hits.current, p.sh.styles.Hits)
	off := p.body.offset
	p.body.setFitted(lines)
	p.body.offset = off
	if p.hits.jump && p.hits.current < len(at) {
		p.hits.jump = false
		line := at[p.hits.current]
		// Bring the hit into view with some context above it, moving only
		// when it is not already comfortably visible.
		if line < p.body.offset || line >= p.body.offset+p.body.h-1 {
			p.body.offset = line - p.body.h/3
		}
	}
	p.body.clampOffset()
	if p.mark.on {
		p.applyMark() // a passage marked by the comparison stays marked
	}
}

// hitPosition is "hit 3/7" for the status line, "" without hits.
func (p articlePane) hitPosition() string {
	h := p.hits
	if h == nil || len(h.body) == 0 {
		return ""
	}
	return fmt.Sprintf("hit %d/%d", h.current+1, len(h.body))
}

// buildFindBar caches the find bar line, so that view only copies it.
func (p *articlePane) buildFindBar() {
	p.findView = ""
	if p.findRows() > 0 {
		p.findView = p.findLine()
	}
}

// findLine is the find bar as one line of the pane's width.
func (p articlePane) findLine() string {
	st := p.sh.styles
	var right string
	switch {
	case p.find.errText != "":
		right = st.Error.UnsetBackground().Render(p.find.errText)
	case p.find.found == nil:
	case len(p.find.found.Positions) == 0 && len(p.find.found.TitleSpans) > 0:
		right = st.Meta.Render("only in the title")
	case len(p.find.found.Positions) == 0:
		right = st.Meta.Render("no match")
	default:
		right = st.Meta.Render(p.hitPosition())
		if sp := spellingNote(p.find.found.Spellings, blockTexts(p.it.a)); sp != "" {
			right = st.Meta.Render(sp+" · ") + right
		}
	}
	if !p.find.typing && p.find.found != nil {
		right += st.Meta.Render(" · n/N next/previous · esc clears")
	}
	rw := cellWidth(right)
	in := p.find.input
	in.Width = max(p.w-rw-6, 8)
	left := " " + in.View()
	if !p.find.typing {
		left = " /" + p.find.input.Value()
	}
	left = truncate(left, max(p.w-rw-2, 1))
	gap := max(p.w-cellWidth(left)-rw-1, 1)
	return fitLine(left+blank(gap)+right, p.w)
}

// spellingNote says which other spellings a search used, "" if none.
// Index terms are folded; each is shown as it is written in texts (the
// results' titles and snippets) when it is found there.
func spellingNote(sp []search.Spelling, texts []string) string {
	var used []string
	for _, s := range sp {
		for _, u := range s.Used {
			if w := writtenForm(u, texts); w != "" {
				u = w
			} else if s.Kind == "variant" {
				u = capitalize(u) // the variants found for a name are names
			}
			used = append(used, u)
		}
	}
	if len(used) == 0 {
		return ""
	}
	return "also searched: " + strings.Join(used, ", ")
}

// writtenForm is how the folded term is first written in texts, "" if
// it is not there.
func writtenForm(term string, texts []string) string {
	for _, t := range texts {
		found := ""
		lang.EachToken(t, func(word []byte, start, end int) {
			if found == "" && string(word) == term {
				found = t[start:end]
			}
		})
		if found != "" {
			return found
		}
	}
	return ""
}

// capitalize upper-cases the first letter.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func blockTexts(a *corpus.Article) []string {
	out := make([]string, 0, len(a.Blocks)+1)
	out = append(out, a.Title)
	for _, b := range a.Blocks {
		out = append(out, b.Text)
	}
	return out
}
