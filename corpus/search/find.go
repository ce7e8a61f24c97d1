package search

import "github.com/parallax-reader/parallax/corpus"

// Found is every hit of a query in one article.
type Found struct {
	Positions  []Pos  // in the body, in reading order
	TitleSpans []Span // in the title
	Spellings  []Spelling
}

// Find locates every hit of query in one article, for the in-article
// finder: the same language and forgiveness as Search (inflections,
// spelling variants and fuzzy matches are drawn from the article's own
// words), with exclusions and outlet filters ignored. typing makes the last
// word a prefix. An article listed without its text loads it (and keeps
// it: it is the one being read).
func Find(a *corpus.Article, query string, typing bool) (*Found, error) {
	_ = a.LoadText()
	q, err := ParseQuery(query, typing)
	if err != nil {
		return nil, err
	}
	f := &Found{}
	if len(q.Clauses) == 0 {
		return f, nil
	}
	ix := New()
	ix.Add([]*corpus.Article{a})
	ix.mu.RLock()
	cq := ix.compile(&Query{Clauses: q.Clauses})
	hits := ix.bodyHits(cq, 0)
	cq.releaseFlags()
	ix.mu.RUnlock()
	f.Spellings = cq.spellings
	f.Positions, f.TitleSpans, _, _ = cq.highlight(a, locate(a, hits), 1)
	return f, nil
}
