package corpus

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/corpus/formats"
)

// Skipped names a file that was not loaded and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// String is the line that reports s; the path is a file name, which can
// hold anything but a slash, so it is cleaned as any text for a terminal.
func (s Skipped) String() string {
	return "skipped " + formats.CleanLine(s.Path) + ": " + formats.CleanLine(s.Reason)
}

// Corpus is a loaded set of articles plus the report of what was skipped.
type Corpus struct {
	Articles []*Article
	Skipped  []Skipped
	// StoreState is the state of the store of parsed files the corpus
	// was loaded with, when it holds just these files (Batch.StoreState).
	StoreState StoreState
	// Fresh are the articles of files read afresh rather than served from
	// the store (Batch.Fresh): what caches made of the store's articles
	// (the index snapshot) cannot hold.
	Fresh []*Article
	// Listing is the stored listing that answered a StoredListing load:
	// the rows of a list, no article loaded (Articles is empty).
	Listing *Listing
	// Stamp stores the listing of a StoredListing load that loaded
	// (Batch.Stamp).
	Stamp *ListingStamp
}

// Sort puts the articles in the default order: newest publication date first,
// articles without a date last, ties broken by ID.
func (c *Corpus) Sort() { SortArticles(c.Articles) }

// SortArticles sorts articles in the default order (see Corpus.Sort).
//
// The sort key of each article is taken once: comparing through the
// pointers costs a cache miss per comparison at 100,000 articles. Equal
// keys (an ID can repeat) keep their order by the articles' positions,
// which lets the faster unstable sort give the stable order: at 100,000
// articles the stable sort's merging was twice its cost.
func SortArticles(as []*Article) {
	if sortedArticles(as) {
		return
	}
	// A large list is cut in parts, one a core, whose keys are taken and
	// sorted at once, then merged: at 100,000 articles the sort was 30 ms
	// of one core at the end of a warm list, with the other idle.
	parts := 1
	if len(as) >= parallelSortMin {
		parts = runtime.GOMAXPROCS(0)
	}
	sortInParts(as, parts)
}

// sortInParts sorts as (not in order) in parts sorted at once and merged.
func sortInParts(as []*Article, parts int) {
	ks := make([]sortKeyed, len(as))
	bounds := make([]int, parts+1)
	for k := range bounds {
		bounds[k] = k * len(as) / parts
	}
	each(parts, func(k int) {
		lo, hi := bounds[k], bounds[k+1]
		for i := lo; i < hi; i++ {
			ks[i] = sortKeyed{DateKeyOf(as[i]), as[i].ID, i, as[i]}
		}
		slices.SortFunc(ks[lo:hi], compareSortKeyed)
	})
	ks = mergeSortedParts(ks, bounds)
	for i := range ks {
		as[i] = ks[i].a
	}
}

// parallelSortMin is the length from which SortArticles shares a sort
// among the cores.
const parallelSortMin = 16384

// sortKeyed is an article with its sort key taken once.
type sortKeyed struct {
	date DateKey
	id   string
	pos  int
	a    *Article
}

func compareSortKeyed(x, y sortKeyed) int {
	if c := x.date.Compare(y.date); c != 0 {
		return c
	}
	if c := strings.Compare(x.id, y.id); c != 0 {
		return c
	}
	return cmp.Compare(x.pos, y.pos)
}

// mergeSortedParts merges the sorted runs ks[bounds[k]:bounds[k+1]] into
// one, merging pairs of runs at once on the cores, and returns it (ks or
// a slice of the same length).
func mergeSortedParts(ks []sortKeyed, bounds []int) []sortKeyed {
	if len(bounds) <= 2 {
		return ks
	}
	spare := make([]sortKeyed, len(ks))
	for len(bounds) > 2 {
		pairs := (len(bounds) - 1) / 2
		each(pairs, func(k int) {
			lo, mid, hi := bounds[2*k], bounds[2*k+1], bounds[2*k+2]
			mergeSorted(spare[lo:hi], ks[lo:mid], ks[mid:hi])
		})
		if (len(bounds)-1)%2 == 1 { // an odd run out: copied as it is
			lo, hi := bounds[len(bounds)-2], bounds[len(bounds)-1]
			copy(spare[lo:hi], ks[lo:hi])
		}
		next := make([]int, 0, pairs+2)
		for k := 0; k < len(bounds); k += 2 {
			next = append(next, bounds[k])
		}
		if next[len(next)-1] != bounds[len(bounds)-1] {
			next = append(next, bounds[len(bounds)-1])
		}
		bounds = next
		ks, spare = spare, ks
	}
	return ks
}

// mergeSorted merges the sorted a and b into dst (len(a)+len(b) long).
func mergeSorted(dst, a, b []sortKeyed) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if compareSortKeyed(b[j], a[i]) < 0 {
			dst[k] = b[j]
			j++
		} else {
			dst[k] = a[i]
			i++
		}
		k++
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}

// each runs f(0) … f(n-1) at once and returns when all have; one runs on
// the caller's goroutine.
func each(n int, f func(k int)) {
	var wg sync.WaitGroup
	for k := 1; k < n; k++ {
		wg.Go(func() { f(k) })
	}
	if n > 0 {
		f(0)
	}
	wg.Wait()
}

// sortedArticles reports whether as are in the default order already
// (equal keys in any order: the sort keeps them as they are), which one
// pass says: a story's articles read back from a stored grouping are,
// and sorting each again was a fifth of reading the grouping.
func sortedArticles(as []*Article) bool {
	if len(as) < 2 {
		return true
	}
	prev := DateKeyOf(as[0])
	for i := 1; i < len(as); i++ {
		k := DateKeyOf(as[i])
		if c := prev.Compare(k); c > 0 || c == 0 && as[i-1].ID > as[i].ID {
			return false
		}
		prev = k
	}
	return true
}

// DateKey is the date part of the default order, as two integers that
// sort without looking at the article again (lists keep it beside each
// article).
type DateKey struct {
	sec  int64 // Unix seconds; math.MinInt64 without a date
	nsec int32
}

// DateKeyOf is a's date key.
func DateKeyOf(a *Article) DateKey {
	if !a.HasDate() {
		return DateKey{sec: math.MinInt64}
	}
	return DateKey{a.Published.Unix(), int32(a.Published.Nanosecond())}
}

// Compare orders keys newest first, undated last (ties are for the caller
// to break; the default order breaks them by ID).
func (k DateKey) Compare(o DateKey) int {
	if c := cmp.Compare(o.sec, k.sec); c != 0 {
		return c
	}
	return cmp.Compare(o.nsec, k.nsec)
}

// ByID returns the article with exactly this ID, or nil.
func (c *Corpus) ByID(id string) *Article {
	for _, a := range c.Articles {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// RefError is returned by Resolve when a reference names no article or more
// than one. Candidates lists the IDs that matched (for an ambiguous prefix).
type RefError struct {
	Ref        string
	Candidates []string
}

func (e *RefError) Error() string {
	if len(e.Candidates) == 0 {
		return fmt.Sprintf("no article matches %q", e.Ref)
	}
	const show = 10
	c := e.Candidates
	more := ""
	if len(c) > show {
		more = fmt.Sprintf(" and %d more", len(c)-show)
		c = c[:show]
	}
	return fmt.Sprintf("%q is ambiguous: it matches %s%s", e.Ref, strings.Join(c, ", "), more)
}

// Resolve finds the article a user means by ref: an exact ID, a 1-based
// position in the current order (written plainly: "3", not "003", which
// reads as an ID prefix), or a unique ID prefix, tried in that order.
func (c *Corpus) Resolve(ref string) (*Article, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, &RefError{Ref: ref}
	}
	if a := c.ByID(ref); a != nil {
		return a, nil
	}
	if n, err := strconv.Atoi(ref); err == nil && strconv.Itoa(n) == ref && n >= 1 && n <= len(c.Articles) {
		return c.Articles[n-1], nil
	}
	var cands []string
	var found *Article
	for _, a := range c.Articles {
		if strings.HasPrefix(a.ID, ref) {
			cands = append(cands, a.ID)
			found = a
		}
	}
	if len(cands) == 1 {
		return found, nil
	}
	sort.Strings(cands)
	return nil, &RefError{Ref: ref, Candidates: cands}
}
