package compare

import (
	"math"
	"sort"
	"strings"
)

// maxFactSentences bounds how many sentences of one article a fact may
// take in: a chain of pairwise links that gathers more has run through
// loosely related sentences and no longer names one fact.
const maxFactSentences = 3

// factComponents chains the aligned rows of every pair into N-way groups
// of sentences (union-find over (doc, sentence)); comp[d][s] is the group
// of sentence s of doc d, or -1 when it has no counterpart anywhere.
func factComponents(docs []*Doc, pairs []storyPair) [][]int {
	base := make([]int, len(docs)+1)
	for i, d := range docs {
		base[i+1] = base[i] + len(d.Sentences)
	}
	uf := newUnionFind(base[len(docs)])
	linked := make([]bool, base[len(docs)])
	for _, p := range pairs {
		for _, r := range p.rows {
			if r.IsGap() {
				continue
			}
			first := base[p.a] + r.A[0]
			for _, s := range r.A {
				uf.union(first, base[p.a]+s)
				linked[base[p.a]+s] = true
			}
			for _, s := range r.B {
				uf.union(first, base[p.b]+s)
				linked[base[p.b]+s] = true
			}
		}
	}
	comp := make([][]int, len(docs))
	for i, d := range docs {
		comp[i] = make([]int, len(d.Sentences))
		for s := range d.Sentences {
			comp[i][s] = -1
			if linked[base[i]+s] {
				comp[i][s] = uf.find(base[i] + s)
			}
		}
	}
	return comp
}

// facts lists the groups most outlets (more than half, at least two)
// report, in the reading order of the articles, with each row's own words.
func (v *StoryView) facts(comp [][]int, outletOf []int) []Fact {
	type group struct {
		rows    map[int][]int // doc -> sentences
		outlets map[int]bool
		pos     float64 // earliest relative position in an article
	}
	groups := map[int]*group{}
	var roots []int
	for d, cs := range comp {
		for s, c := range cs {
			if c < 0 {
				continue
			}
			g := groups[c]
			if g == nil {
				g = &group{rows: map[int][]int{}, outlets: map[int]bool{}, pos: 2}
				groups[c] = g
				roots = append(roots, c)
			}
			g.rows[d] = append(g.rows[d], s)
			g.outlets[outletOf[d]] = true
			g.pos = math.Min(g.pos, float64(s)/float64(len(cs)))
		}
	}
	var out []Fact
	var pos []float64
	for _, c := range roots {
		g := groups[c]
		if len(g.outlets) < 2 || 2*len(g.outlets) <= len(v.Outlets) || tooLong(g.rows) {
			continue
		}
		var f Fact
		for _, o := range v.Outlets {
			for _, d := range o.Docs {
				if ss := g.rows[d]; ss != nil {
					f.Rows = append(f.Rows, FactRow{Doc: d, Sentences: ss, Text: sentencesText(v.Docs[d], ss)})
				}
			}
		}
		ownWords(v.Docs, f.Rows)
		out = append(out, f)
		pos = append(pos, g.pos)
	}
	ix := make([]int, len(out))
	for i := range ix {
		ix[i] = i
	}
	sort.SliceStable(ix, func(a, b int) bool { return pos[ix[a]] < pos[ix[b]] })
	sorted := make([]Fact, len(out))
	for i, k := range ix {
		sorted[i] = out[k]
	}
	return sorted
}

func tooLong(rows map[int][]int) bool {
	for _, ss := range rows {
		if len(ss) > maxFactSentences {
			return true
		}
	}
	return false
}

func sentencesText(d *Doc, ss []int) string {
	parts := make([]string, len(ss))
	for k, s := range ss {
		parts[k] = d.Sentences[s].Text
	}
	return strings.Join(parts, " ")
}

// ownWords sets each row's words that no other row of the fact uses: its
// content words (not attribution) whose stem the others lack.
func ownWords(docs []*Doc, rows []FactRow) {
	counts := map[string]int{} // term -> rows using it
	for _, r := range rows {
		seen := map[string]bool{}
		eachContentWord(docs[r.Doc], r.Sentences, func(_ *Sentence, w *word) {
			if !seen[w.term] {
				seen[w.term] = true
				counts[w.term]++
			}
		})
	}
	for k := range rows {
		r := &rows[k]
		seen := map[string]bool{}
		eachContentWord(docs[r.Doc], r.Sentences, func(s *Sentence, w *word) {
			if counts[w.term] == 1 && !seen[w.term] {
				seen[w.term] = true
				r.OwnWords = append(r.OwnWords, s.Text[w.start:w.end])
			}
		})
	}
}

// eachContentWord calls f for the content words of the sentences outside
// their frames (who said it is attribution, not wording).
func eachContentWord(d *Doc, ss []int, f func(s *Sentence, w *word)) {
	for _, i := range ss {
		s := &d.Sentences[i]
		for k := range s.words {
			w := &s.words[k]
			if w.term == "" || inSorted(s.frame, hashTerm(w.term)) {
				continue
			}
			f(s, w)
		}
	}
}

// TermScore is a word or two-word phrase an outlet uses distinctively:
// its weighted log-odds z-score against the other outlets and how often
// the outlet uses it.
type TermScore struct {
	Term  string
	Score float64
	Count int
}

// Distinctive words: at most this many per outlet, used at least
// minDistinctCount times, with a z-score of at least minDistinctZ.
const (
	maxDistinctive   = 8
	minDistinctCount = 2
	minDistinctZ     = 1.0
)

// wordCounts counts an outlet's unigrams (stems) and bigrams (adjacent
// content words) with the surface forms it writes them in.
type wordCounts struct {
	n       int
	count   map[string]int
	surface map[string]map[string]int
}

func newWordCounts() *wordCounts {
	return &wordCounts{count: map[string]int{}, surface: map[string]map[string]int{}}
}

func (c *wordCounts) add(key, surface string) {
	c.count[key]++
	m := c.surface[key]
	if m == nil {
		m = map[string]int{}
		c.surface[key] = m
	}
	m[surface]++
}

// addWords counts the content words of one sentence (or title) and the
// pairs of content words written next to each other.
func (c *wordCounts) addWords(text string, ws []word, title bool) {
	for k := range ws {
		w := &ws[k]
		if w.term == "" {
			continue
		}
		c.n++
		c.add(w.term, surfaceOf(text, w, title))
		if k+1 < len(ws) {
			x := &ws[k+1]
			if x.term != "" && strings.Trim(text[w.end:x.start], " -") == "" {
				c.add(w.term+" "+x.term, surfaceOf(text, w, title)+" "+surfaceOf(text, x, title))
			}
		}
	}
}

// surfaceOf writes a word as a reader would list it: lower case, except
// names and acronyms (capitals in a headline are house style, not names).
func surfaceOf(text string, w *word, title bool) string {
	s := text[w.start:w.end]
	if w.acro || w.cap && !w.initial && !title {
		return s
	}
	return strings.ToLower(s)
}

func (c *wordCounts) top(key string) string {
	best, n := "", -1
	for s, k := range c.surface[key] {
		if k > n || k == n && s < best {
			best, n = s, k
		}
	}
	return best
}

// distinctive ranks outlet k's words against the other outlets' coverage
// of the story by weighted log-odds with an informative Dirichlet prior
// (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). The prior is the
// story's pooled counts, so a word everyone uses scores near zero and a
// rare word is not inflated by a small count.
func distinctive(docs []*Doc, outletOf []int, k int) []TermScore {
	own, rest, all := newWordCounts(), newWordCounts(), newWordCounts()
	for d, doc := range docs {
		c := rest
		if outletOf[d] == k {
			c = own
		}
		for _, tc := range []*wordCounts{c, all} {
			tc.addWords(doc.Article.Title, doc.title, true)
			for i := range doc.Sentences {
				s := &doc.Sentences[i]
				tc.addWords(s.Text, s.words, s.Heading) // a heading's capitals are house style too
			}
		}
	}
	if own.n == 0 || rest.n == 0 {
		return nil
	}
	a0 := float64(all.n)
	var out []TermScore
	for key, yi := range own.count {
		if yi < minDistinctCount {
			continue
		}
		alpha := float64(all.count[key])
		yj := float64(rest.count[key])
		fi := float64(yi)
		delta := math.Log((fi+alpha)/(float64(own.n)+a0-fi-alpha)) -
			math.Log((yj+alpha)/(float64(rest.n)+a0-yj-alpha))
		z := delta / math.Sqrt(1/(fi+alpha)+1/(yj+alpha))
		if z >= minDistinctZ {
			out = append(out, TermScore{Term: own.top(key), Score: math.Round(z*100) / 100, Count: yi})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Score != out[b].Score {
			return out[a].Score > out[b].Score
		}
		return out[a].Term < out[b].Term
	})
	return dropSubsumed(out)
}

// dropSubsumed removes a word listed with a phrase that holds it as often
// ("illegal" beside "illegal immigrants"), then keeps the best few.
func dropSubsumed(ts []TermScore) []TermScore {
	var out []TermScore
	for _, t := range ts {
		sub := false
		if !strings.Contains(t.Term, " ") {
			for _, p := range ts {
				if p.Count == t.Count && strings.Contains(p.Term, " ") &&
					strings.Contains(" "+strings.ToLower(p.Term)+" ", " "+strings.ToLower(t.Term)+" ") {
					sub = true
					break
				}
			}
		}
		if !sub {
			out = append(out, t)
		}
		if len(out) == maxDistinctive {
			break
		}
	}
	return out
}
