package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// The list's date order (item sort keys) is the corpus's default order
// (corpus.SortArticles), for dates in any zone, equal instants, dates
// beyond UnixNano's range and undated articles.
func TestItemDateOrderIsCorpusOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	east := time.FixedZone("EET", 2*3600)
	for round := range 30 {
		var as []*corpus.Article
		for i := range 1 + rng.IntN(300) {
			a := &corpus.Article{ID: fmt.Sprintf("%03d-%d", rng.IntN(200), i)}
			switch rng.IntN(5) {
			case 0:
			case 1:
				a.Published = base.In(east)
			case 2:
				a.Published = time.Date(1200+rng.IntN(2000), 1, 1, 0, 0, 0, rng.IntN(2), time.UTC)
			default:
				a.Published = base.Add(time.Duration(rng.IntN(30))*time.Hour + time.Duration(rng.IntN(2)))
			}
			as = append(as, a)
		}
		items := make([]*item, len(as))
		for i, a := range as {
			items[i] = newItem(a)
		}
		want := slices.Clone(as)
		corpus.SortArticles(want)
		// Sorted whole, and merged from two sorted halves as batches are.
		half := len(items) / 2
		x, y := slices.Clone(items[:half]), slices.Clone(items[half:])
		sortItems(x, sortDate)
		sortItems(y, sortDate)
		merged := mergeItems(x, y, sortDate)
		sortItems(items, sortDate)
		for i := range want {
			if items[i].a != want[i] || merged[i].a != want[i] {
				t.Fatalf("round %d, position %d: sorted %s, merged %s, want %s", round, i, items[i].a.ID, merged[i].a.ID, want[i].ID)
			}
		}
	}
}

// Merging batches of any size into the list, in every order, gives the
// order sorting them all at once gives (stable: the list's items before
// the batch's equal ones).
func TestMergeItemsInBatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	base := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	outlets := []string{"", "a", "b", "c"}
	for round := range 40 {
		var items []*item
		for i := range rng.IntN(400) {
			a := &corpus.Article{ID: fmt.Sprintf("%03d", i), Title: fmt.Sprint(rng.IntN(20)), Outlet: outlets[rng.IntN(len(outlets))]}
			if rng.IntN(4) > 0 {
				a.Published = base.Add(time.Duration(rng.IntN(50)) * time.Hour)
			}
			items = append(items, newItem(a))
		}
		for s := sortMode(0); s < sortModes; s++ {
			var list []*item
			for rest := items; len(rest) > 0; {
				n := 1 + rng.IntN(min(len(rest), []int{1, 5, 60, 400}[rng.IntN(4)]))
				batch := slices.Clone(rest[:n])
				rest = rest[n:]
				sortItems(batch, s)
				list = mergeItems(list, batch, s)
			}
			want := slices.Clone(items)
			sortItems(want, s)
			if !slices.Equal(list, want) {
				t.Fatalf("round %d, by %s: merged batches differ from sorting them all", round, s)
			}
		}
	}
}

// sortItems is a stable sort in every mode: items that compare equal (an
// article listed twice) keep their places, as slices.SortStableFunc
// would keep them, from any starting order (the list laid out by story
// comes back to it).
func TestSortItemsIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	base := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	outlets := []string{"", "reuters.com", "apnews.com", "bbc.co.uk"}
	for round := range 40 {
		var items []*item
		for i := range 2 + rng.IntN(400) {
			a := &corpus.Article{ID: fmt.Sprintf("%03d", rng.IntN(150)), Outlet: outlets[rng.IntN(len(outlets))],
				Title: fmt.Sprintf("Report %d", rng.IntN(20)), Published: base.Add(time.Duration(rng.IntN(12)) * time.Hour)}
			it := newItem(a)
			items = append(items, it)
			if i%7 == 0 { // the same article listed twice: equal in every mode
				items = append(items, newItem(a))
			}
		}
		rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		for s := range sortModes {
			got, want := slices.Clone(items), slices.Clone(items)
			sortItems(got, s)
			slices.SortStableFunc(want, s.compare)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("round %d, mode %v, position %d: %s (%p), want %s (%p)", round, s, i, got[i].a.ID, got[i], want[i].a.ID, want[i])
				}
			}
		}
	}
}

// Each mode's order, spelled out (the oracles above share sortMode.compare,
// so they cannot see a change in the order itself): by outlet and by title
// alphabetically, articles without an outlet last; by date newest first,
// undated last; every tie broken by the date order, then the ID.
func TestSortModeOrders(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 11, d, 9, 0, 0, 0, time.UTC) }
	arts := []*corpus.Article{
		{ID: "e", Outlet: "", Title: "Delta", Published: day(20)},
		{ID: "b", Outlet: "BBC.co.uk", Title: "alpha", Published: day(18)},
		{ID: "a", Outlet: "apnews.com", Title: "Charlie"},
		{ID: "d", Outlet: "apnews.com", Title: "bravo", Published: day(20)},
		{ID: "c", Outlet: "", Title: "Alpha", Published: day(19)},
	}
	want := map[sortMode]string{
		sortDate:   "decba", // the 20th (d, e by ID), 19th, 18th, undated
		sortOutlet: "dabec", // apnews (newest first), bbc, then no outlet
		sortTitle:  "cbdae", // alpha (c is newer), bravo, charlie, delta
	}
	for s := range sortModes {
		items := make([]*item, len(arts))
		for i, a := range arts {
			items[i] = newItem(a)
		}
		sortItems(items, s)
		got := ""
		for _, it := range items {
			got += it.a.ID
		}
		if got != want[s] {
			t.Errorf("by %s: %s, want %s", s, got, want[s])
		}
	}
	if sortDate.next() != sortOutlet || sortOutlet.next() != sortTitle || sortTitle.next() != sortDate {
		t.Errorf("s cycles date → outlet → title → date")
	}
}

// Of items that compare equal (an article listed twice), a merge puts the
// list's before the batch's, as a stable sort of the list then the batch
// would.
func TestMergeItemsPutsTheListsEqualItemsFirst(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 11, d, 9, 0, 0, 0, time.UTC) }
	var list, batch []*item
	for d := 1; d <= 9; d++ {
		a := &corpus.Article{ID: fmt.Sprint(d), Outlet: "x", Title: "t", Published: day(d)}
		list = append(list, newItem(a))
		if d%2 == 1 {
			batch = append(batch, newItem(a))
		}
	}
	for s := range sortModes {
		l, b := slices.Clone(list), slices.Clone(batch)
		sortItems(l, s)
		sortItems(b, s)
		got := mergeItems(l, b, s)
		want := slices.Concat(l, b)
		slices.SortStableFunc(want, s.compare)
		if !slices.Equal(got, want) {
			t.Fatalf("by %s: the batch's equal items do not follow the list's", s)
		}
	}
}
