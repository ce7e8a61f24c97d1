package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
)

// lessByDateOracle is the comparison SortArticles used to make through the
// article pointers; the keyed sort must order exactly as it did.
func lessByDateOracle(a, b *Article) bool {
	ad, bd := a.HasDate(), b.HasDate()
	switch {
	case ad && bd && !a.Published.Equal(b.Published):
		return a.Published.After(b.Published)
	case ad != bd:
		return ad
	}
	return a.ID < b.ID
}

func TestSortArticlesMatchesOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	zones := []*time.Location{time.UTC, time.FixedZone("EET", 2*3600), time.FixedZone("PST", -8*3600)}
	for round := range 50 {
		n := 1 + rng.IntN(400)
		as := make([]*Article, n)
		for i := range as {
			a := &Article{ID: fmt.Sprintf("%04x", rng.IntN(5000))}
			switch rng.IntN(6) {
			case 0: // no date
			case 1: // the same instant written in another zone
				a.Published = base.In(zones[rng.IntN(len(zones))])
			case 2: // beyond UnixNano's range
				a.Published = time.Date(1500+rng.IntN(1000), 1, 1, 0, 0, 0, rng.IntN(3), time.UTC)
			default:
				a.Published = base.Add(time.Duration(rng.IntN(40)) * time.Hour).Add(time.Duration(rng.IntN(3)) * time.Nanosecond)
			}
			as[i] = a
		}
		want := slices.Clone(as)
		sort.SliceStable(want, func(i, j int) bool { return lessByDateOracle(want[i], want[j]) })
		SortArticles(as)
		for i := range as {
			if as[i] != want[i] {
				t.Fatalf("round %d: position %d is %s %v, want %s %v", round, i, as[i].ID, as[i].Published, want[i].ID, want[i].Published)
			}
		}
	}
}

// A list already in order is left as it is (equal keys too: a stable
// sort keeps them), and one out of order by a single pair is sorted: the
// one-pass check never takes an unsorted list for a sorted one.
func TestSortArticlesSortedInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	for round := range 50 {
		n := 2 + rng.IntN(200)
		as := articlesWithRepeats(rng, n, 40, 5, base, time.Hour, 6)
		sort.SliceStable(as, func(i, j int) bool { return lessByDateOracle(as[i], as[j]) })
		again := slices.Clone(as)
		SortArticles(again)
		if !slices.Equal(again, as) {
			t.Fatalf("round %d: a sorted list was reordered", round)
		}
		i := rng.IntN(n - 1)
		if !lessByDateOracle(as[i], as[i+1]) {
			continue // equal keys: swapping them keeps it sorted
		}
		swapped := slices.Clone(as)
		swapped[i], swapped[i+1] = swapped[i+1], swapped[i]
		SortArticles(swapped)
		if !slices.Equal(swapped, as) {
			t.Fatalf("round %d: a pair out of order at %d was not sorted", round, i)
		}
	}
}

// A list sorted in parts at once and merged is in the oracle's order,
// whatever the number of parts (odd ones leave a run out of a merge
// round), empty parts included.
func TestSortInPartsMatchesOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	base := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, n := range []int{1, 2, 3, 7, 100, 3001} {
		as := articlesWithRepeats(rng, n, 300, 4, base, time.Minute, 50)
		want := slices.Clone(as)
		sort.SliceStable(want, func(i, j int) bool { return lessByDateOracle(want[i], want[j]) })
		for parts := 1; parts <= 9; parts++ {
			got := slices.Clone(as)
			sortInParts(got, parts)
			if !slices.Equal(got, want) {
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("%d articles in %d parts: position %d is %s %v, want %s %v", n, parts, i, got[i].ID, got[i].Published, want[i].ID, want[i].Published)
					}
				}
			}
		}
	}
}

// articlesWithRepeats makes n articles whose IDs are drawn from ids values
// (so they repeat) and one in undatedOneIn of which has no date; the others
// are dated base plus a whole number (below steps) of step.
func articlesWithRepeats(rng *rand.Rand, n, ids, undatedOneIn int, base time.Time, step time.Duration, steps int) []*Article {
	as := make([]*Article, n)
	for i := range as {
		a := &Article{ID: fmt.Sprintf("%03x", rng.IntN(ids))}
		if rng.IntN(undatedOneIn) > 0 {
			a.Published = base.Add(time.Duration(rng.IntN(steps)) * step)
		}
		as[i] = a
	}
	return as
}

// BenchmarkSortArticles sorts 100,000 articles from a shuffled order
// (dates over a month to the minute, IDs repeating now and then).
func BenchmarkSortArticles(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	base := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	as := articlesWithRepeats(rng, 100000, 90000, 50, base, time.Minute, 43200)
	work := make([]*Article, len(as))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		copy(work, as)
		SortArticles(work)
	}
}
