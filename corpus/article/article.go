// Package article holds the article type every part of Parallax shares:
// Article, its Blocks, and what is computed from them (word counts, reading
// time). It is a leaf: the parsers (corpus/formats) make Articles and the
// loader (corpus) collects them, so the type sits below both. Package
// corpus re-exports these names (corpus.Article is article.Article), which
// is how most code refers to them.
package article

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// BlockKind says what a block of article body is.
type BlockKind string

// The block kinds an article body is made of.
const (
	Heading   BlockKind = "heading"
	Paragraph BlockKind = "paragraph"
	ListItem  BlockKind = "list_item"
	Quote     BlockKind = "quote"
)

// Block is one unit of article body: a heading, a paragraph, one list item or
// a block quote. Text is a single line of clean text, never empty.
type Block struct {
	Kind BlockKind `json:"kind"`
	Text string    `json:"text"`
}

// Article is one clean, structured article.
type Article struct {
	// ID is the file's path relative to the root it was found under, without
	// extension, '/'-separated. It is stable across runs.
	ID string
	// Path is where the article was read from (a file path, or "seeds/NAME"
	// for embedded articles). Several articles may share a path when one file
	// holds many (feeds, JSON arrays); their IDs then differ.
	Path string
	// Format names the parser that produced the article: "text", "html",
	// "feed", "markdown" or "json".
	Format string

	Title        string
	TitleDerived bool // Title was made from the lead sentence, not found in the file.
	Outlet       string
	Via          string // outlet credited as the origin of the story
	Dateline     string // place dateline, e.g. "HALLANDALE, Florida"
	Byline       string
	URL          string
	Published    time.Time // zero when unknown
	// Summary is the record's or feed item's own description of the
	// article, when it also carries the full text ("" otherwise): what a
	// page whose body is a video player or site furniture is about.
	Summary string

	Blocks []Block
	// Removed holds the lines dropped as site boilerplate, in file order, so
	// that nothing is lost silently.
	Removed []string

	// Words is the number of words in the body.
	Words int

	// DuplicateOf is the ID of an earlier article (in load order) whose
	// normalised body text is identical; "" when the article is not a
	// duplicate. Duplicates are kept, so that the user sees both.
	DuplicateOf string

	// ItemKey identifies an item inside a multi-article file (a feed item's
	// GUID or link, a JSON record's id or url); the loader derives stable
	// IDs from it. It is exported only because the parsers that set it
	// (corpus/formats) and the loader that reads it (corpus) are separate
	// packages; it is not shown and not stored.
	ItemKey string
	// Origin identifies what the article was parsed from: a hash of its
	// file's bytes and of the parser's version, set by the loader (and
	// kept by the store of parsed files), 0 for an article the loader did
	// not make. An article with the same ID and Origin as before has the
	// same text, so caches of what was computed from the text (the stored
	// story grouping) can know an article listed without it.
	Origin uint64
	// text is where the blocks and removed lines are when the article was
	// listed without them (see DeferText, LoadText); nil otherwise.
	text *deferredText
}

// TextSource gives an article listed without its text its blocks and
// removed lines; it reads no more of the article than its ID, Path,
// Format and Origin (see Text). The store of parsed files (corpus) is the one source: it
// lives above this package, so the article holds it by this interface.
type TextSource interface {
	LoadText(a *Article) error
}

// deferredText is the text of an article listed without it: loaded once,
// by whichever goroutine asks first (the reader loads texts in the
// background while panes and searches ask for the ones they show).
type deferredText struct {
	src     TextSource
	owner   *Article // the article DeferText was called on (not a copy of it)
	markKey string   // the article's MarkKey as the store kept it ("": made from the text)
	once    sync.Once
	done    atomic.Bool // the load ended: Blocks and Removed are set, or err
	err     error
}

// DeferText marks the article as listed without its text: LoadText asks
// src for its blocks and removed lines. markKey is the article's MarkKey
// when it was made from the text, as the store kept it ("" for none: it is
// then made from the text, loaded for it). Call it before the article is
// shared between goroutines.
func (a *Article) DeferText(src TextSource, markKey string) {
	a.text = &deferredText{src: src, owner: a, markKey: markKey}
}

// HasText reports whether reading the article's blocks and removed lines
// needs no wait: they are in memory, or loading them failed (LoadText
// says why). It is false for an article listed without its text until
// LoadText ends. Safe for concurrent use; once it is true, Blocks and
// Removed may be read from any goroutine.
func (a *Article) HasText() bool {
	t := a.text
	return t == nil || t.owner == a && t.done.Load()
}

// LoadText gives an article listed without its text (corpus
// Options.ListOnly) its blocks and removed lines; for any other article it
// does nothing. It is safe for concurrent use: the text is loaded once,
// and every call returns when it is in place (with the same error, if it
// could not be). An article that holds its text never changes it after,
// so readers that called LoadText (or saw HasText) read it unlocked.
//
// A copy of an article listed without its text (a value copied before
// LoadText) loads its own text into itself and is the copier's alone.
func (a *Article) LoadText() error {
	t := a.text
	if t == nil {
		return nil
	}
	if t.owner != a {
		if err := t.src.LoadText(a); err != nil {
			return err
		}
		a.text = nil
		return nil
	}
	t.once.Do(func() {
		t.err = t.src.LoadText(a)
		t.done.Store(true)
	})
	return t.err
}

// Text is the article's blocks and removed lines, for a job that reads
// every article's text once (building the search index, grouping
// stories): an article that holds its text gives it; one listed without
// it that has not loaded it (LoadText) gets it for this caller alone,
// not kept, so that such a job does not bring the whole corpus's text
// into memory and keep it there. What a pane shows is loaded with
// LoadText, and kept. A text that cannot be loaded is nil. Safe for
// concurrent use, beside LoadText.
func (a *Article) Text() ([]Block, []string) {
	t := a.text
	if t == nil {
		return a.Blocks, a.Removed
	}
	if t.owner == a && t.done.Load() {
		return a.Blocks, a.Removed
	}
	// Only the head's identity is handed to the source (it reads no
	// more): copying a whole would read Blocks while LoadText may be
	// writing them.
	tmp := Article{ID: a.ID, Path: a.Path, Format: a.Format, Origin: a.Origin}
	if t.src.LoadText(&tmp) != nil {
		return nil, nil
	}
	return tmp.Blocks, tmp.Removed
}

// HasDate reports whether the publication date is known.
func (a *Article) HasDate() bool { return !a.Published.IsZero() }

// Headings returns the text of the heading blocks, in order.
func (a *Article) Headings() []string {
	out := []string{}
	for _, b := range a.Blocks {
		if b.Kind == Heading {
			out = append(out, b.Text)
		}
	}
	return out
}

// Body returns the body as plain text, one block per paragraph, blocks
// separated by a blank line.
func (a *Article) Body() string {
	var sb strings.Builder
	for i, b := range a.Blocks {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(b.Text)
	}
	return sb.String()
}

// Reading speeds of adults reading silently for comprehension, from
// Trauzettel-Klosinski et al., "Standardized Assessment of Reading
// Performance: The New International Reading Speed Texts IReST" (2012):
// English 228 words a minute; Chinese 255 and Japanese 357 characters a
// minute (taken together as 300).
const (
	wordsPerMinute    = 230
	cjkCharsPerMinute = 300
)

// ReadingMinutes estimates the reading time, at least 1 minute: words at
// wordsPerMinute, Chinese and Japanese characters (each of which counts as
// a word, see CountWords) at cjkCharsPerMinute.
func (a *Article) ReadingMinutes() int {
	cjk := 0
	for _, b := range a.Blocks {
		cjk += countCJK(b.Text)
	}
	cjk = min(cjk, a.Words)
	other := a.Words - cjk
	m := (other*cjkCharsPerMinute + cjk*wordsPerMinute + wordsPerMinute*cjkCharsPerMinute - 1) / (wordsPerMinute * cjkCharsPerMinute)
	return max(m, 1)
}

// isCJKChar reports a Chinese character or Japanese kana (and the kana
// prolonged sound mark): scripts written without spaces, where word counts
// are character counts. Korean writes spaces between words, so Hangul is
// counted by words like Latin script.
func isCJKChar(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || r == 'ー')
}

// countCJK counts the characters of s that isCJKChar.
func countCJK(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isCJKChar(r) {
			n++
		}
	}
	return n
}
