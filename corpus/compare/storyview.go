package compare

import (
	"context"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// StoryView is one story at a glance: every outlet's headline and lead,
// the facts most outlets report with the words each uses for them, each
// outlet's distinctive words, who it quotes, what it leaves out, and the
// figures the outlets disagree on.
type StoryView struct {
	Docs []*Doc
	// Outlets in the order of their first report of the story (outlets
	// without a date last, in input order).
	Outlets []OutletView
	Facts   []Fact
	// Disagreements are the counted things whose figures conflict.
	Disagreements []NumberRow
	// Left is how many articles of the story were left out to bound the
	// work (see maxStoryViewArticles).
	Left int
	// First is the earliest publication time in the story (zero when no
	// article is dated).
	First time.Time
}

// OutletView is what one outlet made of the story.
type OutletView struct {
	Outlet string
	Docs   []int // indices into StoryView.Docs, earliest first
	// Lag is how long after the story's first report this outlet's first
	// article came out; Dated is false when either time is unknown.
	Lag         time.Duration
	Dated       bool
	Distinctive []TermScore
	Quoted      []QuotedSpeaker
	Omits       []Omission
}

// Fact is a fact most outlets report: one row per article carrying it.
type Fact struct {
	Rows []FactRow
}

// FactRow is how one article puts a fact.
type FactRow struct {
	Doc       int
	Sentences []int
	Text      string
	// OwnWords are the words of this row that no other row of the fact
	// uses (by stem), as the article writes them, in order.
	OwnWords []string
}

// Omission is a passage other outlets carry that this outlet's articles
// have no counterpart for.
type Omission struct {
	Doc      int // the article that carries it
	Sentence int
	Text     string
	// Weight ranks omissions: sentences carrying quotes, figures and names
	// weigh more, and more so the more outlets report the fact.
	Weight float64
}

// LeadOf is the article's first paragraph: its first block that is not a
// heading.
func LeadOf(a *corpus.Article) string {
	for _, b := range a.Blocks {
		if b.Kind != corpus.Heading && strings.TrimSpace(b.Text) != "" {
			return b.Text
		}
	}
	return ""
}

// WordCount is the number of words of the article body.
func (d *Doc) WordCount() int {
	n := 0
	for i := range d.Sentences {
		n += len(d.Sentences[i].words)
	}
	return n
}

// storyPair is the alignment of two articles of different outlets.
type storyPair struct {
	a, b       int
	rows       []Row
	covA, covB []bool
}

// NewStoryView computes the story view of a story's articles. It aligns
// every pair of articles from different outlets (in parallel), so it
// belongs off the UI goroutine; ctx stops it early (the result is then
// nil).
func NewStoryView(ctx context.Context, as []*corpus.Article) *StoryView {
	docs := make([]*Doc, len(as))
	parallel(ctx, len(as), runtime.GOMAXPROCS(0), func(i int) { docs[i] = Prepare(as[i]) })
	if ctx.Err() != nil {
		return nil
	}
	return NewStoryViewOf(ctx, docs)
}

// NewStoryViewOf is NewStoryView on articles already prepared (a viewer
// keeps them).
func NewStoryViewOf(ctx context.Context, docs []*Doc) *StoryView {
	docs, left := capStory(docs)
	v := &StoryView{Docs: docs, Left: left}
	outletOf := v.groupOutlets()
	pairs := alignPairs(ctx, docs, outletOf)
	if ctx.Err() != nil {
		return nil
	}
	cov := Coverage(docs)
	comp := factComponents(docs, pairs)
	idx := indexPairs(pairs)
	v.Facts = v.facts(comp, outletOf)
	for k := range v.Outlets {
		o := &v.Outlets[k]
		o.Distinctive = distinctive(docs, outletOf, k)
		o.Quoted = quotedBy(cov, outletOf, k)
		o.Omits = omissions(docs, idx, comp, outletOf, k)
	}
	for _, r := range cov.Numbers {
		if r.Conflict {
			v.Disagreements = append(v.Disagreements, r)
		}
	}
	return v
}

// outletName is the name that groups an article with the rest of its
// outlet's; an article of unknown outlet stands alone under its ID.
func outletName(a *corpus.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.ID
}

// groupOutlets fills v.Outlets in the order of first report and returns
// the outlet index of each doc.
func (v *StoryView) groupOutlets() []int {
	order := make([]int, len(v.Docs))
	for i := range order {
		order[i] = i
	}
	pub := func(i int) time.Time { return v.Docs[i].Article.Published }
	sort.SliceStable(order, func(x, y int) bool {
		px, py := pub(order[x]), pub(order[y])
		if px.IsZero() != py.IsZero() {
			return !px.IsZero()
		}
		return px.Before(py)
	})
	outletOf := make([]int, len(v.Docs))
	index := map[string]int{}
	for _, i := range order {
		name := outletName(v.Docs[i].Article)
		k, ok := index[name]
		if !ok {
			k = len(v.Outlets)
			index[name] = k
			v.Outlets = append(v.Outlets, OutletView{Outlet: name})
		}
		v.Outlets[k].Docs = append(v.Outlets[k].Docs, i)
		outletOf[i] = k
	}
	if len(order) > 0 {
		v.First = pub(order[0])
	}
	for k := range v.Outlets {
		o := &v.Outlets[k]
		if t := pub(o.Docs[0]); !t.IsZero() && !v.First.IsZero() {
			o.Lag, o.Dated = t.Sub(v.First), true
		}
	}
	return outletOf
}

// alignPairs aligns every two articles of different outlets with the
// pairwise alignment and notes which sentences of each have a
// counterpart in the other.
func alignPairs(ctx context.Context, docs []*Doc, outletOf []int) []storyPair {
	var pairs []storyPair
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if outletOf[i] != outletOf[j] {
				pairs = append(pairs, storyPair{a: i, b: j})
			}
		}
	}
	parallel(ctx, len(pairs), runtime.GOMAXPROCS(0), func(k int) {
		p := &pairs[k]
		a, b := docs[p.a], docs[p.b]
		m := newPairModel(a, b)
		p.rows = m.align()
		p.covA = covered(a, m.bestA, p.rows, true)
		p.covB = covered(b, m.bestB, p.rows, false)
	})
	return pairs
}

// pairIndex finds the alignment of two docs by their indices.
type pairIndex map[[2]int]*storyPair

func indexPairs(pairs []storyPair) pairIndex {
	idx := make(pairIndex, len(pairs))
	for k := range pairs {
		idx[[2]int{pairs[k].a, pairs[k].b}] = &pairs[k]
	}
	return idx
}

// covered reports whether sentence s of doc d has a counterpart in doc o.
func (idx pairIndex) covered(d, s, o int) bool {
	if p := idx[[2]int{d, o}]; p != nil {
		return p.covA[s]
	}
	if p := idx[[2]int{o, d}]; p != nil {
		return p.covB[s]
	}
	return false
}

// maxStoryViewArticles bounds the articles a story view aligns (every
// pair of them): 40 articles are 780 pairs, about a second of CPU.
const maxStoryViewArticles = 40

// capStory keeps at most maxStoryViewArticles articles: each outlet's
// first, earliest outlets first, then the others in story order.
func capStory(docs []*Doc) (kept []*Doc, left int) {
	if len(docs) <= maxStoryViewArticles {
		return docs, 0
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		px, py := docs[order[x]].Article.Published, docs[order[y]].Article.Published
		if px.IsZero() != py.IsZero() {
			return !px.IsZero()
		}
		return px.Before(py)
	})
	take := make([]bool, len(docs))
	n := 0
	seen := map[string]bool{}
	for _, i := range order {
		if o := outletName(docs[i].Article); !seen[o] && n < maxStoryViewArticles {
			seen[o], take[i] = true, true
			n++
		}
	}
	for i := range docs {
		if !take[i] && n < maxStoryViewArticles {
			take[i] = true
			n++
		}
	}
	for i, d := range docs {
		if take[i] {
			kept = append(kept, d)
		}
	}
	return kept, len(docs) - len(kept)
}
