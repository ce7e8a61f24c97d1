package compare

import (
	"fmt"
	"strings"
	"time"
)

// Relation says how two articles came to share what they share.
type Relation string

// The relations, from closest to farthest.
const (
	// Copy: one article carries most of the other word for word.
	Copy Relation = "copy"
	// Rewrite: one retells most of the other in other words.
	Rewrite Relation = "rewrite"
	// CommonSource: both draw on one source, the same agency copy or the
	// same quotes, and otherwise report on their own.
	CommonSource Relation = "common_source"
	// Independent: both report the same event in their own words.
	Independent Relation = "independent"
	// Different: the articles tell different stories.
	Different Relation = "different"
)

// Verdict reads a comparison's figures as a sentence.
type Verdict struct {
	Relation Relation `json:"relation"`
	// Of, for a copy or a rewrite, is the article taken from ("A" or "B").
	Of   string `json:"of,omitempty"`
	Text string `json:"text"`
}

// Verdict thresholds.
const (
	// retoldShare: the share of an article's own words (outside quotes)
	// the other carries for it to be a rewrite of that article.
	retoldShare = 0.6
	// copiedShareMin: the share of its words in phrases copied outside
	// quotes for a rewrite to be a copy.
	copiedShareMin = 0.35
	// sourcedCopied: a smaller share of copied wording still shows agency
	// copy both took from.
	sourcedCopied = 0.1
	// sameEventRows: two reports of one event have at least this many
	// aligned rows, one of them at least as likely as not the same fact;
	// unrelated articles have none.
	sameEventRows = 2
	// handSameEvent: without rows, the least coverage of one event.
	handSameEvent = 0.15
)

// Verdict tells a copy or a rewrite of the other article, reports sharing
// a common source (agency copy, the same quotes), independent reports of
// one event and different stories. Quoted wording counts for none of the
// first two: outlets quoting one statement have not copied each other.
func (c *Comparison) Verdict() Verdict {
	type side struct {
		name, other string
		retold      float64 // share of its unquoted words with a counterpart
		copied      float64 // share of its words in copied phrases
	}
	copiedA, copiedB := c.copiedShares()
	sides := []side{{"A", "B", c.unquotedCoverage(true), copiedA}, {"B", "A", c.unquotedCoverage(false), copiedB}}
	if sides[1].retold > sides[0].retold {
		sides[0], sides[1] = sides[1], sides[0]
	}
	s := sides[0]
	via := sameOrigin(c)
	// The side most of whose words the other carries reads as the one
	// taken from, unless it was published clearly after the other: then
	// it is the later one that took most of its text from the earlier
	// (a shorter retelling of a longer report).
	later := c.publishedAfter(s.name == "A")
	switch {
	case s.retold >= retoldShare && via != "":
		return Verdict{CommonSource, "", fmt.Sprintf("both carry the same agency copy (%s)", via)}
	case s.retold >= retoldShare && s.copied >= copiedShareMin && later:
		return Verdict{Copy, s.other, fmt.Sprintf("%s takes most of its text word for word from %s, published earlier", s.name, s.other)}
	case s.retold >= retoldShare && s.copied >= copiedShareMin:
		return Verdict{Copy, s.name, fmt.Sprintf("%s copies most of %s word for word", s.other, s.name)}
	case s.retold >= retoldShare && later:
		return Verdict{Rewrite, s.other, fmt.Sprintf("%s retells %s, published earlier, in other words: a rewrite", s.name, s.other)}
	case s.retold >= retoldShare:
		return Verdict{Rewrite, s.name, fmt.Sprintf("%s retells most of %s in other words: a rewrite", s.other, s.name)}
	}
	sameEvent := c.Matched >= sameEventRows && c.sharedFacts() >= 1
	if c.Rows == nil {
		// A comparison built by hand has only its figures.
		sameEvent = max(c.CoverageA, c.CoverageB) >= handSameEvent
	}
	switch {
	case sameEvent && via != "":
		return Verdict{CommonSource, "", fmt.Sprintf("reports sharing a common source: agency copy (%s)", via)}
	case sameEvent && max(copiedA, copiedB) >= sourcedCopied:
		return Verdict{CommonSource, "", "reports sharing a common source: passages of the same agency copy"}
	case sameEvent && c.SharedQuotes > 0:
		return Verdict{CommonSource, "", fmt.Sprintf("reports sharing a common source: %s", countOf(c.SharedQuotes, "same quote", "same quotes"))}
	case sameEvent:
		return Verdict{Independent, "", "independent reports of the same event"}
	}
	return Verdict{Different, "", "different stories"}
}

// laterGap is how much later an article must be dated to count as
// published after the other: scraped pages often carry the time they were
// fetched, and two fetches minutes apart tell nothing about who was first.
const laterGap = time.Hour

// publishedAfter reports whether A (or B, with a false) is dated at least
// laterGap after the other article; false when either has no date.
func (c *Comparison) publishedAfter(a bool) bool {
	x, y := c.A.Article, c.B.Article
	if !a {
		x, y = y, x
	}
	if x == nil || y == nil || !x.HasDate() || !y.HasDate() {
		return false
	}
	return x.Published.Sub(y.Published) >= laterGap
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// sameOrigin is the agency both articles credit as their origin, or the
// outlet one of them credits when the other is that outlet's; "" if none.
func sameOrigin(c *Comparison) string {
	a, b := c.A.Article, c.B.Article
	same := func(x, y string) bool { return x != "" && strings.EqualFold(x, y) }
	switch {
	case same(a.Via, b.Via):
		return a.Via
	case same(a.Via, b.Outlet):
		return b.Outlet
	case same(b.Via, a.Outlet):
		return a.Outlet
	}
	return ""
}

// unquotedCoverage is the share of a side's words outside quotes that lie
// in sentences with a counterpart; without rows (a comparison built by
// hand) it is the side's coverage.
func (c *Comparison) unquotedCoverage(sideA bool) float64 {
	d, cov, whole := c.B, c.coveredB, c.CoverageB
	if sideA {
		d, cov, whole = c.A, c.coveredA, c.CoverageA
	}
	if cov == nil {
		return whole
	}
	return share(d, cov, func(i int, w *word) bool { return !inQuotes(d, i, w.start, w.end) })
}

// sharedFacts counts the aligned rows at least as likely as not to report
// the same fact.
func (c *Comparison) sharedFacts() int {
	n := 0
	for _, r := range c.Rows {
		if !r.IsGap() && r.Score >= sameFactProbability {
			n++
		}
	}
	return n
}

// copiedShares is the share of each side's words inside phrases copied
// (outside quotes) from the other.
func (c *Comparison) copiedShares() (float64, float64) {
	var inA, inB int
	for _, r := range c.Rows {
		if r.IsGap() {
			continue
		}
		for _, s := range r.Shared {
			if s.Kind == Copied {
				inA += wordsIn(c.A, s.A)
				inB += wordsIn(c.B, s.B)
			}
		}
	}
	return wordShare(inA, c.A), wordShare(inB, c.B)
}

func wordsIn(d *Doc, p Passage) int {
	n := 0
	for _, w := range d.Sentences[p.Sentence].words {
		if w.start >= p.Start && w.end <= p.End {
			n++
		}
	}
	return n
}

func wordShare(n int, d *Doc) float64 {
	total := 0
	for i := range d.Sentences {
		total += d.Sentences[i].Words()
	}
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}
