package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/userfiles"
	"github.com/parallax-reader/parallax/ui/internal/glamour"
)

// maxTextWidth caps the width article text is wrapped to: long lines are
// hard to read, and on very wide terminals the rest of the pane stays empty.
const maxTextWidth = 100

// renderKey identifies one rendering of an article body.
type renderKey struct {
	id          string
	width       int // pane width; lines are padded to it
	style       string
	showRemoved bool
	hits        uint64 // fingerprint of the highlighted hits (hitSet.fingerprint); 0 for none
}

// renderedMsg is a finished rendering. seq ties it to the request; a pane
// ignores results for anything but its latest request.
type renderedMsg struct {
	key   renderKey
	seq   uint64
	lines []string
	err   error
}

// renderer turns articles into terminal lines with glamour. Glamour term
// renderers are costly to build and not safe for concurrent use, so there is
// one per (width, style), each behind its own lock.
type renderer struct {
	profile termenv.Profile
	mu      sync.Mutex
	pool    map[poolKey]*lockedRenderer
	// latest is the newest request of each slot (what a pane wants shown, or
	// what is being prefetched); work superseded before it starts is skipped.
	latest map[string]uint64
}

type poolKey struct {
	wrap  int
	style string
}

type lockedRenderer struct {
	sync.Mutex
	tr *glamour.TermRenderer
}

func newRenderer(profile termenv.Profile) *renderer {
	return &renderer{profile: profile, pool: map[poolKey]*lockedRenderer{}, latest: map[string]uint64{}}
}

func (r *renderer) get(wrap int, style string) (*lockedRenderer, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := poolKey{wrap, style}
	if lr := r.pool[k]; lr != nil {
		return lr, nil
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(style),
		glamour.WithWordWrap(wrap),
		glamour.WithPreservedNewLines(),
		glamour.WithColorProfile(r.profile),
	)
	if err != nil {
		return nil, err
	}
	lr := &lockedRenderer{tr: tr}
	r.pool[k] = lr
	return lr, nil
}

func (r *renderer) want(slot string, seq uint64) {
	r.mu.Lock()
	r.latest[slot] = seq
	r.mu.Unlock()
}

func (r *renderer) wanted(slot string, seq uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.latest[slot] == seq
}

// textWidth is the wrap width for a pane of width w.
func textWidth(w int) int { return clamp(w, 10, maxTextWidth) }

// cmd renders a in the background for slot and delivers a renderedMsg.
func (r *renderer) cmd(slot string, seq uint64, a *corpus.Article, key renderKey) tea.Cmd {
	return r.cmdHits(slot, seq, a, key, nil)
}

// cmdHits is cmd with search hits marked in the text (see markHits); the
// rendered lines keep the markers for paintHits.
func (r *renderer) cmdHits(slot string, seq uint64, a *corpus.Article, key renderKey, hits []search.Pos) tea.Cmd {
	r.want(slot, seq)
	return func() tea.Msg {
		superseded := func() bool { return !r.wanted(slot, seq) }
		if superseded() {
			return nil // superseded while queued (e.g. key repeat in the list)
		}
		lines, err := r.render(a, key, hits, superseded)
		if err == errSuperseded {
			return nil // the article was left, or another asked for, meanwhile
		}
		return renderedMsg{key: key, seq: seq, lines: lines, err: err}
	}
}

// cancel drops slot's latest request: work for it stops at its next
// chunk (see render). The pane calls it when the article is no longer shown.
func (r *renderer) cancel(slot string) { r.want(slot, 0) }

// errSuperseded ends a rendering that nobody wants any more.
var errSuperseded = errors.New("rendering superseded")

// renderChunk is how much Markdown glamour is given at once: a long article
// is rendered in pieces of about this size, split between paragraphs or
// lines, and between pieces the work stops if it is no longer wanted.
// Glamour renders about a megabyte a second; an article under this size is
// one piece, as it always was.
const renderChunk = 64 << 10

// maxRenderBytes caps the Markdown of one article: past it the reader sees
// a note saying how much is not shown. No news article comes near it; a file
// of many megabytes in one paragraph would otherwise take half a minute
// and gigabytes to lay out.
const maxRenderBytes = 1 << 20

// render produces the body lines of a, each exactly key.width columns, with
// hit markers around hits.
// hit markers around hits. It gives up with errSuperseded as soon as
// superseded (nil: never) says the rendering is no longer wanted.
func (r *renderer) render(a *corpus.Article, key renderKey, hits []search.Pos, superseded func() bool) ([]string, error) {
	// An article listed without its text (nothing loads texts ahead of
	// need) gets it here, off the update loop, and keeps it.
	if err := a.LoadText(); err != nil {
		return nil, err
	}
	tw := textWidth(key.width)
	lr, err := r.get(tw, key.style)
	if err != nil {
		return nil, err
	}
	md := articleMarkdown(a, key.showRemoved, tw, hits)
	var lines []string
	for md != "" {
		if superseded != nil && superseded() {
			return nil, errSuperseded
		}
		piece, blankAfter := nextChunk(md)
		md = md[len(piece):]
		lr.Lock()
		out, err := lr.tr.Render(piece)
		lr.Unlock()
		if err != nil {
			return nil, err
		}
		part := strings.Split(strings.TrimRight(out, "\n \t"), "\n")
		for len(part) > 0 && strings.TrimSpace(stripANSI(part[0])) == "" {
			part = part[1:]
		}
		lines = append(lines, part...)
		if blankAfter && md != "" {
			lines = append(lines, "")
		}
	}
	lines = rewrapOverflow(lines, key.width)
	for i, l := range lines {
		lines[i] = fitLine(l, key.width)
	}
	return lines, nil
}

// rewrapOverflow breaks again the lines the renderer made wider than w by
// cellWidth: it wraps with a grapheme measure, under which a Devanagari or
// Bengali line is a few columns narrower than a terminal shows it. Such a
// line is wrapped at spaces to a narrower limit until every piece fits;
// the pieces keep the line's indent and its opening style.
func rewrapOverflow(lines []string, w int) []string {
	var out []string
	for i, l := range lines {
		if cellWidth(l) <= w {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(lines)+8), lines[:i]...)
		}
		plain := ansi.Strip(l)
		indent := plain[:len(plain)-len(strings.TrimLeft(plain, " "))]
		style := leadingEscapes(strings.TrimLeft(l, " "))
		body := strings.TrimLeft(l, " ")
		var pieces []string
		for k := w - len(indent); k >= max((w-len(indent))/2, 1); k-- {
			pieces = strings.Split(ansi.Wordwrap(body, k, ""), "\n")
			fits := true
			for _, p := range pieces {
				if cellWidth(indent+p) > w {
					fits = false
					break
				}
			}
			if fits {
				break
			}
		}
		for j, p := range pieces {
			if j > 0 {
				p = style + strings.TrimLeft(p, " ")
			}
			out = append(out, indent+p)
		}
	}
	if out == nil {
		return lines
	}
	return out
}

// leadingEscapes is the run of escape sequences s starts with: the style a
// rendered line opens with.
func leadingEscapes(s string) string {
	rest := s
	for strings.HasPrefix(rest, "\x1b[") {
		end := strings.IndexFunc(rest[2:], func(r rune) bool { return r >= 0x40 && r <= 0x7E })
		if end < 0 {
			break
		}
		rest = rest[2+end+1:]
	}
	return s[:len(s)-len(rest)]
}

// nextChunk cuts the first piece of about renderChunk bytes off md, at a
// paragraph break if there is one in the second half of the piece (then a
// blank line goes between the pieces, as between paragraphs), else at a
// line break (wrap has broken every paragraph into lines).
func nextChunk(md string) (piece string, blankAfter bool) {
	if len(md) <= renderChunk {
		return md, false
	}
	head := md[:renderChunk]
	if i := strings.LastIndex(head, "\n\n"); i >= renderChunk/2 {
		return md[:i+2], true
	}
	if i := strings.LastIndexByte(head, '\n'); i > 0 {
		return md[:i+1], false
	}
	return md, false
}

// articleMarkdown writes the article's blocks as Markdown for glamour at
// wrap width w. All text is escaped, so nothing in an article is ever read as
// Markdown syntax or HTML. Lines are broken here, at spaces, rather than by
// glamour: its word wrap splits some lines early (around hyphens and quotes),
// leaving stray one-word lines. Glamour then keeps these breaks as they are.
// Hits are marked in the text with zero-width markers (markHits), which
// change neither where lines break nor their width.
func articleMarkdown(a *corpus.Article, showRemoved bool, w int, hits []search.Pos) string {
	// glamour's document margin is 2 on each side; keep one column spare.
	para := max(w-5, 8)
	var sb strings.Builder
	block := func(prefix, cont string, width int, text string) {
		for i, l := range wrap(text, max(width, 8)) {
			if i == 0 {
				sb.WriteString(prefix)
			} else {
				sb.WriteString("\n" + cont)
			}
			sb.WriteString(corpus.EscapeMarkdown(l))
		}
	}
	prev := corpus.BlockKind("")
	for bi, b := range a.Blocks {
		text := b.Text
		if len(hits) > 0 {
			text = markHits(text, spansOfBlock(hits, bi))
		}
		if sb.Len() > 0 {
			if b.Kind == corpus.ListItem && prev == corpus.ListItem {
				sb.WriteString("\n")
			} else {
				sb.WriteString("\n\n")
			}
		}
		if sb.Len()+len(text) > maxRenderBytes {
			shown := max(maxRenderBytes-sb.Len(), 0)
			rest := len(text) - shown + restBytes(a.Blocks[bi+1:])
			text = strings.ToValidUTF8(text[:shown], "")
			block("", "", para, text+ellipsis)
			sb.WriteString("\n\n---\n\n")
			block("", "", para, fmt.Sprintf("The rest of this article, %s, is too long to show here.", userfiles.HumanBytes(int64(rest))))
			return sb.String()
		}
		switch b.Kind {
		case corpus.Heading:
			// A heading is one Markdown line; glamour wraps the rare long one.
			sb.WriteString("## " + corpus.EscapeMarkdown(displayText(text)))
		case corpus.ListItem:
			// Markdown drops leading spaces on continuation lines; no-break
			// spaces keep them aligned under the item's text.
			block("- ", "\u00a0\u00a0", para-4, text)
		case corpus.Quote:
			block("> ", "> ", para-4, text)
		default:
			block("", "", para, text)
		}
		prev = b.Kind
	}
	if showRemoved && len(a.Removed) > 0 {
		fmt.Fprintf(&sb, "\n\n---\n\n## Removed as site boilerplate\n\n")
		for i, l := range a.Removed {
			if i > 0 {
				sb.WriteString("\n>\n")
			}
			block("> ", "> ", para-4, l)
		}
	}
	return sb.String()
}

// restBytes is the size of the text of blocks.
func restBytes(blocks []corpus.Block) int {
	n := 0
	for _, b := range blocks {
		n += len(b.Text)
	}
	return n
}

func stripANSI(s string) string { return ansiStrip(s) }

// renderCache keeps recent renderings, keyed by article, width and style. It
// belongs to the update loop and is never touched from commands.
type renderCache struct {
	max   int
	m     map[renderKey][]string
	order []renderKey // oldest first
}

func newRenderCache(max int) *renderCache {
	return &renderCache{max: max, m: map[renderKey][]string{}}
}

func (c *renderCache) get(k renderKey) ([]string, bool) {
	l, ok := c.m[k]
	return l, ok
}

func (c *renderCache) put(k renderKey, lines []string) {
	if _, ok := c.m[k]; ok {
		return
	}
	if len(c.order) >= c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[k] = lines
	c.order = append(c.order, k)
}
