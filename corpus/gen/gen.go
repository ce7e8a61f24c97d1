// Package gen generates realistic news corpora for benchmarks and manual
// testing: articles of about 700 words from many outlets over several
// years, with Zipf-distributed vocabulary, recurring people and places, and
// story clusters (2–12 articles from different outlets about one event that
// share names, quotes, numbers and some copied or paraphrased sentences).
//
// Output is deterministic: the same n and seed give the same articles. Files
// are written in the plain-text shape of real scraped articles: a title
// line, an optional domain line, an optional date line, then paragraphs and
// headings.
package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// DateLayout is how article dates are written in generated files.
const DateLayout = "Mon, 02 Jan 2006 15:04:05 -0700"

// slot says which story an article belongs to.
type slot struct {
	event  int // index into plan.events
	member int // position within the story's cluster
}

type eventSpec struct {
	size int
	seed uint64
	date time.Time
	line *lineSpec // the story line the event continues; nil for none
}

// plan fixes the story structure of a corpus before any text is written,
// so that articles can be generated independently and in parallel.
type plan struct {
	w      *world
	seed   int64
	events []eventSpec
	slots  []slot
	ids    []string
}

func newPlan(n int, seed int64) *plan {
	p := &plan{w: newWorld(seed), seed: seed}
	r := rand.New(rand.NewPCG(uint64(seed), 1))
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	span := int64(4 * 365 * 24 * time.Hour)
	for len(p.slots) < n {
		size := 1
		if r.Float64() < 0.2 {
			size = 2 + r.IntN(11)
		}
		size = min(size, n-len(p.slots))
		e := len(p.events)
		p.events = append(p.events, eventSpec{size: size, seed: r.Uint64(),
			date: start.Add(time.Duration(r.Int64N(span)))})
		for m := 0; m < size; m++ {
			p.slots = append(p.slots, slot{e, m})
		}
	}
	// Spread cluster members over the corpus, as they would be on disk.
	r.Shuffle(len(p.slots), func(i, j int) { p.slots[i], p.slots[j] = p.slots[j], p.slots[i] })
	width := max(4, len(fmt.Sprint(n-1)))
	for i := range p.slots {
		p.ids = append(p.ids, fmt.Sprintf("%0*d_%016x", width, i, r.Uint64()))
	}
	return p
}

// generated is one article plus the house style used to write its file.
type generated struct {
	a *corpus.Article
	o *outlet
}

func (p *plan) article(i int) generated {
	sl := p.slots[i]
	spec := p.events[sl.event]
	er := rand.New(rand.NewPCG(spec.seed, 2))
	oz := rand.NewZipf(er, 1.2, 4, uint64(len(p.w.outlets)-1))
	ev := newEvent(p.w, er, spec.date, spec.size, func() int { return int(oz.Uint64()) })
	spec.line.continueIn(ev)
	o := &p.w.outlets[ev.outlets[sl.member]]

	r := rand.New(rand.NewPCG(uint64(p.seed), uint64(i)+1000))
	s := newWriter(p.w, r, ev)
	target := int(700 + r.NormFloat64()*220)
	target = max(250, min(target, 1800))

	title := ev.headline
	if sl.member > 0 && r.IntN(3) != 0 {
		title = s.titleCase(fmt.Sprintf("%s %s %s %s", pick(r, []string{"@L0", "@L1", "@C0", capFirst(s.adj())}),
			pick(r, titleWords), s.adj(), s.noun().pl))
		if r.IntN(2) == 0 {
			title += " in @C0"
		}
	}

	var blocks []corpus.Block
	words := 0
	var para []string
	flush := func() {
		if len(para) > 0 {
			text := strings.Join(para, " ")
			blocks = append(blocks, corpus.Block{Kind: corpus.Paragraph, Text: text})
			words += len(strings.Fields(text))
			para = nil
		}
	}
	add := func(sentence string) {
		para = append(para, sentence)
		if len(para) >= 2+r.IntN(4) {
			flush()
		}
	}
	quotes := append([]quote(nil), ev.quotes...)
	paragraphs := 0
	for fi, f := range ev.facts {
		if fi > 0 && r.Float64() < 0.3 {
			continue // each outlet leaves some facts out
		}
		if r.Float64() < 0.5 {
			f = paraphrase(r, f)
		}
		add(f)
		if r.Float64() < 0.6 {
			add(s.sentence())
		}
		if len(quotes) > 0 && r.Float64() < 0.5 {
			add(renderQuote(r, quotes[0]))
			quotes = quotes[1:]
		}
		if len(blocks) > paragraphs && o.headings && len(blocks)%4 == 3 {
			flush()
			blocks = append(blocks, corpus.Block{Kind: corpus.Heading, Text: ev.headings[r.IntN(len(ev.headings))]})
		}
		paragraphs = len(blocks)
	}
	for words+len(strings.Fields(strings.Join(para, " "))) < target {
		add(s.sentence())
		if len(quotes) > 0 && r.Float64() < 0.1 {
			add(renderQuote(r, quotes[0]))
			quotes = quotes[1:]
		}
		if o.headings && len(para) == 0 && len(blocks)%5 == 4 {
			blocks = append(blocks, corpus.Block{Kind: corpus.Heading,
				Text: s.titleCase(s.adj() + " " + s.noun().pl + " " + pick(r, split("and in for after over")) + " @C0")})
		}
	}
	flush()

	rep := p.replacer(ev, o, r)
	title = rep.Replace(title)
	for k := range blocks {
		blocks[k].Text = rep.Replace(blocks[k].Text)
	}
	a := &corpus.Article{
		ID: p.ids[i], Path: p.ids[i] + ".txt", Format: "text",
		Title: title, Outlet: o.domain, Blocks: blocks,
		Published: ev.date.Add(time.Duration(r.Int64N(int64(72 * time.Hour)))).In(o.zone).Truncate(time.Minute),
	}
	for _, b := range blocks {
		a.Words += corpus.CountWords(b.Text)
	}
	return generated{a, o}
}

func renderQuote(r *rand.Rand, q quote) string {
	sp := fmt.Sprintf("@L%d", q.speaker)
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("“%s,” %s %s.", q.text, sp, pick(r, split("said stated remarked added")))
	case 1:
		return fmt.Sprintf("%s said: “%s.”", fmt.Sprintf("@F%d", q.speaker), q.text)
	}
	return fmt.Sprintf("“%s,” %s told %s.", q.text, sp, pick(r, split("reporters journalists delegates")))
}

// replacer spells the story's names the way this outlet does; now and then
// a Slavic name also gets its Cyrillic spelling.
func (p *plan) replacer(ev *event, o *outlet, r *rand.Rand) *strings.Replacer {
	var pairs []string
	for k, pi := range ev.people {
		pe := p.w.people[pi]
		last := pe.last[o.translit]
		full := pe.first + " " + last
		if pe.cyrillic != "" && r.IntN(8) == 0 {
			full += " (" + pe.cyrillic + ")"
		}
		pairs = append(pairs, fmt.Sprintf("@F%d", k), full, fmt.Sprintf("@L%d", k), last)
	}
	for k, ci := range ev.cities {
		pairs = append(pairs, fmt.Sprintf("@C%d", k), p.w.cities[ci].name[o.translit])
	}
	return strings.NewReplacer(pairs...)
}

// Articles generates n articles in memory, deterministically from seed.
// The articles are in corpus order (by ID), with Outlet, Published, Blocks
// (paragraphs and headings) and Words set.
func Articles(n int, seed int64) []*corpus.Article {
	p := newPlan(n, seed)
	out := make([]*corpus.Article, n)
	parallel(n, func(i int) { out[i] = p.article(i).a })
	return out
}

// Write generates n articles and writes each as a plain-text file NAME.txt
// in dir (created if needed). Nothing else in dir is touched.
func Write(dir string, n int, seed int64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	p := newPlan(n, seed)
	var mu sync.Mutex
	var first error
	parallel(n, func(i int) {
		g := p.article(i)
		err := os.WriteFile(filepath.Join(dir, g.a.ID+".txt"), []byte(Render(g.a, g.o.showDomain, g.o.showDate, g.o.blankLines)), 0o644)
		if err != nil {
			mu.Lock()
			if first == nil {
				first = err
			}
			mu.Unlock()
		}
	})
	return first
}

// Render writes an article as a plain-text file: title, optional domain
// line, optional date line, a blank line, then one line per block, with a
// blank line between blocks when blankLines is set.
func Render(a *corpus.Article, domain, date, blankLines bool) string {
	var sb strings.Builder
	sb.WriteString(a.Title)
	sb.WriteByte('\n')
	if domain && a.Outlet != "" {
		sb.WriteString(a.Outlet)
		sb.WriteByte('\n')
	}
	if date && a.HasDate() {
		sb.WriteString(a.Published.Format(DateLayout))
		sb.WriteByte('\n')
	}
	sb.WriteByte('\n')
	for i, b := range a.Blocks {
		if i > 0 && blankLines {
			sb.WriteByte('\n')
		}
		sb.WriteString(b.Text)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	var next int64
	var mu sync.Mutex
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := int(next)
				next += 64
				mu.Unlock()
				if i >= n {
					return
				}
				for j := i; j < min(i+64, n); j++ {
					fn(j)
				}
			}
		}()
	}
	wg.Wait()
}
