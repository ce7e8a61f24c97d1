package compare

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
)

// The read back's shortcuts give what the general code gives: the line of
// one event made without sorting (singleLine) is the merged one
// (mergedLine), for every story of a grouping.
func TestSingleLineIsMergedLine(t *testing.T) {
	as, _ := storedFixture(t)
	s := GroupStories(as, StoryOptions{})
	if len(s.List) < 10 {
		t.Fatalf("only %d stories", len(s.List))
	}
	several := 0
	for _, st := range s.List {
		if len(st.Articles) > 1 {
			several++
		}
		got, want := singleLine([]*Story{st}), mergedLine([]*Story{st})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("story %s: single line %+v, merged %+v", st.ID, got, want)
		}
	}
	if several == 0 {
		t.Fatal("no story of several articles: the comparison proves little")
	}
}

// matchByMaps is storedGrouping.match as it was (a slice of listings an
// ID, a map of the articles seen): the oracle for the chained one.
func matchByMaps(g *storedGrouping, as []*corpus.Article) (at []int32, same bool) {
	byID := make(map[string][]int32, len(as))
	first := make(map[*corpus.Article]bool, len(as))
	for i, a := range as {
		if !first[a] {
			first[a] = true
			byID[a.ID] = append(byID[a.ID], int32(i))
		}
	}
	at = make([]int32, len(g.ids))
	found := 0
	for k, id := range g.ids {
		at[k] = -1
		if c := byID[id]; len(c) > 0 && articleKey(as[c[0]]) == g.keys[k] {
			at[k], byID[id] = c[0], c[1:]
			found++
		}
	}
	return at, found == len(first) && found == len(g.ids)
}

// match finds the same articles as the map-based oracle, whatever the
// listing: the same order, shuffled, an article listed twice, two
// articles sharing an ID, one gone, one added, one changed.
func TestMatchChainsAsMaps(t *testing.T) {
	as, _ := storedFixture(t)
	s := GroupStories(as, StoryOptions{})
	data := encodeStories(s, StoryOptions{})
	rng := rand.New(rand.NewSource(7))
	twin := func(a *corpus.Article, title string) *corpus.Article {
		b := *a
		b.Title = title
		return &b
	}
	cases := map[string][]*corpus.Article{
		"same":     as,
		"shuffled": shuffled(rng, as),
		"listed twice": func() []*corpus.Article {
			out := slices.Clone(as)
			return append(out, as[3], as[3], as[10])
		}(),
		"shared ID": func() []*corpus.Article {
			out := slices.Clone(as)
			return slices.Insert(out, 5, twin(as[7], "another article, the same ID"))
		}(),
		"shared ID after": func() []*corpus.Article {
			out := slices.Clone(as)
			return append(out, twin(as[7], "another"), twin(as[7], "a third"), as[7])
		}(),
		"gone":    slices.Delete(slices.Clone(as), 4, 6),
		"added":   append(slices.Clone(as), twin(as[0], "new")),
		"changed": func() []*corpus.Article { out := slices.Clone(as); out[2] = twin(as[2], "changed"); return out }(),
	}
	for _, a := range as[:3] {
		b := twin(a, a.Title)
		b.ID += "-moved"
		cases["renamed "+a.ID] = append(slices.Clone(as), b)
	}
	for name, list := range cases {
		g, err := parseStories(data)
		if err != nil {
			t.Fatal(err)
		}
		wantAt, wantSame := matchByMaps(g, list)
		gotAt, gotSame := g.match(list)
		if gotSame != wantSame || !slices.Equal(gotAt, wantAt) {
			t.Errorf("%s: match %v same %v, want same %v (%d places differ)", name, gotAt[:min(8, len(gotAt))], gotSame, wantSame, differ(gotAt, wantAt))
		}
		if name == "same" && !gotSame {
			t.Errorf("the stored articles themselves are not the same")
		}
	}
	// Stored with two articles alike in all a listing shows (one file's
	// two items of one title), and read back for a listing holding one of
	// them twice: each place matches by ID and key, but the article counts
	// once, so the listing is not the stored articles.
	copied := *as[3]
	g, err := parseStories(encodeStories(GroupStories(append(slices.Clone(as), &copied), StoryOptions{}), StoryOptions{}))
	twice := append(slices.Clone(as), as[3])
	if err != nil {
		t.Fatal(err)
	}
	wantAt, wantSame := matchByMaps(g, twice)
	if gotAt, gotSame := g.match(twice); gotSame != wantSame || !slices.Equal(gotAt, wantAt) {
		t.Errorf("stored with an article twice: match %v same %v, want same %v (%d places differ)", gotAt[:min(8, len(gotAt))], gotSame, wantSame, differ(gotAt, wantAt))
	}
}

func shuffled(rng *rand.Rand, as []*corpus.Article) []*corpus.Article {
	out := slices.Clone(as)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func differ(a, b []int32) int {
	n := 0
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			n++
		}
	}
	return n + max(len(a), len(b)) - min(len(a), len(b))
}

// A grouping read back keeps, of what it read, only what its fingerprints
// need later (the IDs, whose count they are checked against), and those
// are still read: the same candidates as the
// grouping it was stored from.
func TestReadBackLetsGoOfItsLists(t *testing.T) {
	as, _, fresh, back := groupedAndReadBack(t)
	g := back.lazy.g
	if g.keys != nil || g.events != nil || g.lines != nil || len(g.ids) != len(as) {
		t.Errorf("the grouping read keeps %d keys, %d events, %d lines, %d IDs of %d", len(g.keys), len(g.events), len(g.lines), len(g.ids), len(as))
	}
	a := as[len(as)/2]
	if got, want := fmt.Sprint(back.Candidates(a, 5)), fmt.Sprint(fresh.Candidates(a, 5)); got != want {
		t.Errorf("candidates read back %s, want %s", got, want)
	}
}

// groupID prints IDs as "%c%012x" of the hash's 48 bits did: the IDs the
// reader's story edits and the commands name stay those stored before.
func TestGroupIDAsPrinted(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	ids := []string{"", "a", "00001_0293f376fc120652", "ünïcode", strings.Repeat("x", 300)}
	for range 2000 {
		b := make([]byte, rng.Intn(40))
		rng.Read(b)
		ids = append(ids, string(b))
	}
	for _, id := range ids {
		for _, kind := range []byte{'s', 'l'} {
			if got, want := groupID(kind, id), fmt.Sprintf("%c%012x", kind, hashTerm(id)>>16); got != want {
				t.Fatalf("groupID(%c, %q) = %s, want %s", kind, id, got, want)
			}
		}
	}
}

// articleKeyInTurn is articleKey as it was first written, a CRC over each
// field in turn: the key in one call must be the same, or every stored
// grouping would look stale and be made again.
func articleKeyInTurn(a *corpus.Article) uint32 {
	var buf [1 + 8 + 8 + 8]byte
	buf[0] = 1
	binary.LittleEndian.PutUint64(buf[1:], a.Origin)
	binary.LittleEndian.PutUint64(buf[9:], uint64(a.Words))
	binary.LittleEndian.PutUint64(buf[17:], uint64(a.Published.UnixNano()))
	c := crc32.Update(0, cache.CRCTable, buf[:])
	for _, s := range []string{a.ID, a.Outlet, a.Title, a.Summary, a.URL} {
		c = crc32.Update(c, cache.CRCTable, []byte(s))
		c = crc32.Update(c, cache.CRCTable, []byte{0})
	}
	return c
}

func TestArticleKeyAsInTurn(t *testing.T) {
	as, _ := storedFixture(t)
	rng := rand.New(rand.NewSource(5))
	long := strings.Repeat("a summary longer than the key's buffer on the stack ", 20)
	for i, a := range as {
		b := *a
		b.Origin = rng.Uint64() | 1
		if i%3 == 0 {
			b.Summary = long[:rng.Intn(len(long))]
		}
		if got, want := articleKey(&b), articleKeyInTurn(&b); got != want {
			t.Fatalf("%s: key %08x, want %08x", b.ID, got, want)
		}
	}
}
