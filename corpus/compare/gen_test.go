package compare

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// A small local generator of story-clustered corpora for tests and
// benchmarks. It stays beside corpus/gen because it returns the truth, the
// cluster of every article, that TestStoriesGenerated scores the grouping
// against; corpus/gen does not say which story an article tells. Each cluster
// has its own names and vocabulary; articles mix a Zipf-distributed shared
// vocabulary with their cluster's words, in sentences with capitalised names
// inside, dated within two days of the cluster's event.

var genSyllables = []string{"ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "pa", "ri", "go", "ba", "ne", "to", "la", "shi", "ar", "en", "ol"}

func genWord(r *rand.Rand, syl int) string {
	var sb strings.Builder
	for i := 0; i < syl; i++ {
		sb.WriteString(genSyllables[r.Intn(len(genSyllables))])
	}
	return sb.String()
}

type genModel struct {
	common []string
	zipf   *rand.Zipf
}

func newGenModel(r *rand.Rand) *genModel {
	m := &genModel{}
	seen := map[string]bool{}
	for len(m.common) < 20000 {
		w := genWord(r, 2+r.Intn(3))
		if !seen[w] {
			seen[w] = true
			m.common = append(m.common, w)
		}
	}
	m.zipf = rand.NewZipf(r, 1.1, 2, uint64(len(m.common)-1))
	return m
}

type genCluster struct {
	names []string
	words []string
	date  time.Time
}

func (m *genModel) cluster(r *rand.Rand, id int) genCluster {
	c := genCluster{date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Intn(365*24)) * time.Hour)}
	for i := 0; i < 6; i++ {
		n := genWord(r, 2+r.Intn(2))
		c.names = append(c.names, strings.ToUpper(n[:1])+n[1:]+fmt.Sprint(id%97))
	}
	for i := 0; i < 25; i++ {
		c.words = append(c.words, genWord(r, 3)+fmt.Sprintf("q%d", id))
	}
	return c
}

// article writes about n words for cluster c.
func (m *genModel) article(r *rand.Rand, c genCluster, id string, n int) *corpus.Article {
	a := &corpus.Article{ID: id, Outlet: fmt.Sprintf("outlet%02d.example", r.Intn(40)),
		Published: c.date.Add(time.Duration(r.Intn(48)) * time.Hour)}
	title := []string{c.names[0], c.words[0], c.words[r.Intn(5)], m.common[m.zipf.Uint64()]}
	a.Title = strings.Join(title, " ")
	var para []string
	var sent []string
	for w := 0; w < n; w++ {
		var x string
		switch p := r.Float64(); {
		case p < 0.06:
			x = c.names[int(math.Min(float64(r.Intn(6)), float64(r.Intn(6))))]
		case p < 0.22:
			x = c.words[int(math.Min(float64(r.Intn(25)), float64(r.Intn(25))))]
		default:
			x = m.common[m.zipf.Uint64()]
		}
		if len(sent) == 0 {
			x = strings.ToUpper(x[:1]) + x[1:]
		}
		sent = append(sent, x)
		if len(sent) > 12+r.Intn(12) {
			para = append(para, strings.Join(sent, " ")+".")
			sent = nil
			if len(para) == 4 {
				a.Blocks = append(a.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: strings.Join(para, " ")})
				para = nil
			}
		}
	}
	if len(sent) > 0 {
		para = append(para, strings.Join(sent, " ")+".")
	}
	if len(para) > 0 {
		a.Blocks = append(a.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: strings.Join(para, " ")})
	}
	a.Words = n
	return a
}

// generateCorpus makes n articles in clusters of 1 to 12 and returns the
// cluster of each article ID.
func generateCorpus(n int, seed int64) ([]*corpus.Article, map[string]int) {
	r := rand.New(rand.NewSource(seed))
	m := newGenModel(r)
	truth := map[string]int{}
	var out []*corpus.Article
	for cid := 0; len(out) < n; cid++ {
		c := m.cluster(r, cid)
		size := 1 + int(12*math.Pow(r.Float64(), 2))
		for k := 0; k < size && len(out) < n; k++ {
			id := fmt.Sprintf("g%06d", len(out))
			out = append(out, m.article(r, c, id, 250+r.Intn(500)))
			truth[id] = cid
		}
	}
	return out, truth
}
