package compare

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// groupingReport is storiesReport with the lines and spans: what a
// grouping read back must give as its maker did.
func groupingReport(s *Stories, as []*corpus.Article) string {
	var b strings.Builder
	b.WriteString(storiesReport(s, as, 9))
	for _, st := range s.List {
		fmt.Fprintf(&b, "span %s %v %v\n", st.ID, st.First, st.Last)
	}
	for _, l := range s.Lines {
		fmt.Fprintf(&b, "line %s %q %v:", l.ID, l.Label, l.Outlets)
		for _, e := range l.Events {
			fmt.Fprintf(&b, " %s", e.ID)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func storedFixture(t *testing.T) ([]*corpus.Article, string) {
	t.Helper()
	as := load(t, "../../seeds", "testdata/stories")
	gen, _ := generateCorpus(300, 3)
	return append(as, gen...), filepath.Join(t.TempDir(), "stories-x.cache")
}

// A grouping read back is the grouping that was stored: the same events,
// labels, cohesion, spans, lines, and (made again when needed) the same
// fingerprint similarities and candidates.
func TestStoredStoriesRoundTrip(t *testing.T) {
	as, path := storedFixture(t)
	fresh, from, err := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	if err != nil || from != StoriesGrouped {
		t.Fatalf("first grouping: from %v, err %v", from, err)
	}
	back, from, err := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	if err != nil || from != StoriesStored {
		t.Fatalf("second grouping not read back: from %v, err %v", from, err)
	}
	checkGrouping(t, back, as)
	if got, want := groupingReport(back, as), groupingReport(fresh, as); got != want {
		t.Errorf("read back differs:\n%s\nwant:\n%s", got, want)
	}
	a := byID(as, seedA)
	got, want := back.Candidates(a, 5), fresh.Candidates(a, 5)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("candidates: %v, want %v", got, want)
	}
	// Other options are another grouping.
	if _, err := ReadStories(path, as, StoryOptions{Threshold: 0.5}); !errors.Is(err, ErrStoriesStale) {
		t.Errorf("other threshold: %v, want stale", err)
	}
}

// storedFile groups the stored fixture and stores it at path, and returns
// the file's bytes and where its grouping section ends (the term
// sections start).
func storedFile(t *testing.T) (as []*corpus.Article, path string, fresh *Stories, good []byte, end int) {
	t.Helper()
	as, path = storedFixture(t)
	fresh, _, _ = LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head := len(storiesMagic) + 1
	return as, path, fresh, good, head + sectionHead + int(binary.LittleEndian.Uint64(good[head:]))
}

// A damaged, truncated or foreign file is refused with an error, never
// trusted, and LoadOrGroupStories groups afresh and replaces it.
func TestStoredStoriesDamaged(t *testing.T) {
	as, path, fresh, good, end := storedFile(t)
	flipped := append([]byte(nil), good...)
	flipped[end/2] ^= 0x40
	version := append([]byte(nil), good...)
	version[len(storiesMagic)] = storiesVersion + 1
	for name, data := range map[string][]byte{
		"empty":     {},
		"magic":     []byte("PLXSTORIEZ\n\x02abcdefgh"),
		"truncated": good[:end-3],
		"half":      good[:end/2],
		"flipped":   flipped,
		"version":   version,
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadStories(path, as, StoryOptions{}); err == nil || errors.Is(err, ErrStoriesStale) {
				t.Fatalf("damaged file read: err %v", err)
			}
			st, from, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
			if from != StoriesGrouped || groupingReport(st, as) != groupingReport(fresh, as) {
				t.Fatalf("damaged file trusted (from %v)", from)
			}
			if _, err := ReadStories(path, as, StoryOptions{}); err != nil {
				t.Errorf("damaged file not replaced: %v", err)
			}
		})
	}
	if _, err := ReadStories(t.TempDir(), as, StoryOptions{}); err == nil {
		t.Error("a folder read as a stories file")
	}
}

// articleTermsAt is where the article terms section of the stored file
// data starts.
func articleTermsAt(data []byte) int {
	at := len(storiesMagic) + 1
	for range 2 {
		at += sectionHead + int(binary.LittleEndian.Uint64(data[at:]))
	}
	return at
}

// Damaged, truncated or missing term sections (what a join and the
// fingerprints of a grouping read back read) are refused when read: the
// grouping read back makes its fingerprints again from the text, the same
// as the stored ones, and a join groups afresh instead.
func TestStoredTermsDamaged(t *testing.T) {
	as, path, fresh, good, end := storedFile(t)
	if end >= len(good) {
		t.Fatal("no term sections stored")
	}
	flip := func(at int) []byte {
		out := append([]byte(nil), good...)
		out[at] ^= 0x08
		return out
	}
	added, _ := generateCorpus(20, 99)
	joining := append(append([]*corpus.Article(nil), as...), added[:3]...)
	want := GroupStories(joining, StoryOptions{})
	a := byID(as, seedA)
	for name, data := range map[string][]byte{
		"missing":          good[:end],
		"terms flipped":    flip(end + sectionHead + 2),
		"articles flipped": flip(len(good) - 5),
		"article terms":    flip(articleTermsAt(good) + sectionHead + 3),
		"truncated":        good[:len(good)-7],
		"trailing":         append(append([]byte(nil), good...), 0),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parseTerms(data[end:], len(as)); err == nil {
				t.Fatal("damaged terms parsed")
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			back, err := ReadStories(path, as, StoryOptions{})
			if err != nil {
				t.Fatalf("the grouping, intact, not read back: %v", err)
			}
			if got, want := back.Candidates(a, 5), fresh.Candidates(a, 5); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("candidates: %v, want %v", got, want)
			}
			// Damaged fingerprints were stored again meanwhile.
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			st, from, _ := LoadOrGroupStories(context.Background(), path, joining, StoryOptions{})
			if from != StoriesGrouped || groupingReport(st, joining) != groupingReport(want, joining) {
				t.Errorf("damaged terms joined (from %v)", from)
			}
		})
	}
}

// Between two opens the corpus changes: an article added, one changed,
// one removed each make the stored grouping stale; the stored one, which
// still holds most articles, is joined by the new and changed ones, and the
// result is stored in its turn. A corpus mostly new is grouped afresh.
func TestStoredStoriesChangedCorpus(t *testing.T) {
	base, path := storedFixture(t)
	extra, _ := generateCorpus(20, 99)
	added := append(append([]*corpus.Article(nil), base...), extra[0])
	edited := make([]*corpus.Article, len(base))
	copy(edited, base)
	c := *edited[5]
	c.Title += " (updated)"
	edited[5] = &c
	dated := make([]*corpus.Article, len(base))
	copy(dated, base)
	d := *dated[7]
	d.Published = d.Published.AddDate(0, 0, 3)
	dated[7] = &d
	for name, as := range map[string][]*corpus.Article{
		"added":   added,
		"changed": edited,
		"dated":   dated,
		"removed": base[1:],
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := LoadOrGroupStories(context.Background(), path, base, StoryOptions{}); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadStories(path, as, StoryOptions{}); !errors.Is(err, ErrStoriesStale) {
				t.Fatalf("changed corpus: %v, want stale", err)
			}
			st, from, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
			if from != StoriesJoined {
				t.Fatalf("from %v, want joined", from)
			}
			checkGrouping(t, st, as)
			back, from, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
			if from != StoriesStored {
				t.Fatalf("the joined grouping was not stored (from %v)", from)
			}
			if groupingReport(back, as) != groupingReport(st, as) {
				t.Error("the joined grouping read back differs")
			}
		})
	}
	// An article changed joins the story it is about, as a new one would.
	LoadOrGroupStories(context.Background(), path, base, StoryOptions{})
	st, _, _ := LoadOrGroupStories(context.Background(), path, edited, StoryOptions{})
	if want := GroupStories(edited, StoryOptions{}); len(st.Of(edited[5]).Articles) != len(want.Of(edited[5]).Articles) {
		t.Errorf("the changed article is in a story of %d, a full grouping has %d", len(st.Of(edited[5]).Articles), len(want.Of(edited[5]).Articles))
	}
	// The same articles in another order, or one listed twice, are the
	// same corpus.
	LoadOrGroupStories(context.Background(), path, base, StoryOptions{})
	rev := make([]*corpus.Article, len(base))
	for i, a := range base {
		rev[len(base)-1-i] = a
	}
	st, err := ReadStories(path, rev, StoryOptions{})
	if err != nil {
		t.Fatalf("reordered corpus: %v", err)
	}
	checkGrouping(t, st, rev)
	twice := append(append([]*corpus.Article(nil), base...), base[2])
	if st, err := ReadStories(path, twice, StoryOptions{}); err != nil || st.Of(base[2]) == nil {
		t.Fatalf("an article listed twice: %v", err)
	}
	// Mostly other articles: grouped afresh.
	other, _ := generateCorpus(200, 42)
	other = append(other, base[:10]...)
	st, from, _ := LoadOrGroupStories(context.Background(), path, other, StoryOptions{})
	if from != StoriesGrouped || groupingReport(st, other) != groupingReport(GroupStories(other, StoryOptions{}), other) {
		t.Errorf("a mostly new corpus: from %v, want a fresh grouping", from)
	}
}

// The reader's edits apply over a stored grouping as over a fresh one.
func TestStoredStoriesWithEdits(t *testing.T) {
	as, path := storedFixture(t)
	fresh, _, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	back, from, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	if from != StoriesStored {
		t.Fatal("not read back")
	}
	edits := map[string]StoryEdit{seedA: {Alone: true}, "football": {With: seedB}}
	want, got := fresh.WithEdits(edits), back.WithEdits(edits)
	checkGrouping(t, got, as)
	if groupingReport(got, as) != groupingReport(want, as) {
		t.Errorf("edits over the stored grouping differ:\n%s\nwant:\n%s", groupingReport(got, as), groupingReport(want, as))
	}
	if got.Of(byID(as, "football")) != got.Of(byID(as, seedB)) || len(got.Of(byID(as, seedA)).Articles) != 1 {
		t.Error("edits not applied")
	}
}

// The reader's path: with no cache folder nothing is stored.
func TestStoriesPath(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		dir   string
		paths []string
		want  bool
	}{
		{dir, []string{"/news"}, true},
		{"", []string{"/news"}, false},
		{dir, nil, false},
		{dir, []string{"-"}, false},
	} {
		if got := StoriesPath(c.dir, corpus.Source{Paths: c.paths}); (got != "") != c.want {
			t.Errorf("StoriesPath(%q, %v) = %q", c.dir, c.paths, got)
		}
	}
}

// A warm start's articles come from the store listed without their text,
// known by their heads (Article.Origin): the grouping read back from them
// is the one read back with the text, fingerprints included (read from
// the file, since there is no text to make them from), and the reader's
// edits apply alike. An article whose origin changed (its file did) is
// joined again, its text read for the join and not kept.
func TestStoredStoriesFromHeads(t *testing.T) {
	as, path := storedFixture(t)
	listed, full := listedAndFull(t, as)
	fresh, from, err := LoadOrGroupStories(context.Background(), path, full, StoryOptions{})
	if err != nil || from != StoriesGrouped {
		t.Fatalf("from %v, err %v", from, err)
	}
	withText, err := ReadStories(path, full, StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	back, from, err := LoadOrGroupStories(context.Background(), path, listed, StoryOptions{})
	if err != nil || from != StoriesStored {
		t.Fatalf("heads not read back: from %v, err %v", from, err)
	}
	checkGrouping(t, back, listed)
	if got, want := groupingReport(back, listed), groupingReport(withText, full); got != want {
		t.Errorf("read back from heads differs:\n%s\nwant:\n%s", got, want)
	}
	if got, want := fmt.Sprint(back.fingerprints()), fmt.Sprint(fresh.fingerprints()); got != want {
		t.Error("the fingerprints read back differ from the grouping's")
	}
	edits := map[string]StoryEdit{seedA: {Alone: true}, "football": {With: seedB}}
	if got, want := groupingReport(back.WithEdits(edits), listed), groupingReport(fresh.WithEdits(edits), full); got != want {
		t.Errorf("edits over the heads differ:\n%s\nwant:\n%s", got, want)
	}
	// The text of an article not from the store is what is checked.
	plain := append([]*corpus.Article(nil), full...)
	c := *plain[3]
	c.Origin = 0
	plain[3] = &c
	if _, err := ReadStories(path, plain, StoryOptions{}); !errors.Is(err, ErrStoriesStale) {
		t.Errorf("an article known by its text taken for one known by its head: %v", err)
	}
	// Its file changed: a new origin, no text yet.
	moved := append([]*corpus.Article(nil), listed...)
	m := *moved[4]
	m.Origin++
	moved[4] = &m
	st, from, err := LoadOrGroupStories(context.Background(), path, moved, StoryOptions{})
	if err != nil || from != StoriesJoined {
		t.Fatalf("a changed article without its text: from %v, err %v, want joined", from, err)
	}
	checkGrouping(t, st, moved)
	// Its text was read for the join, not kept; no other was read.
	for _, a := range moved {
		if a.HasText() {
			t.Errorf("%s holds its text after the join", a.ID)
		}
	}
	if got, want := groupingReport(st, moved), groupingReport(back, listed); got != want {
		t.Errorf("joined with its text read on the side, the grouping differs:\n%s\nwant:\n%s", got, want)
	}
}

// A grouping read back reads its fingerprints later, from the file as long
// as it still holds that grouping: one replaced meanwhile (another
// process stored another grouping) is not read, and the fingerprints are
// made from the text instead (loaded for articles listed without it), the
// same.
func TestStoredStoriesReplacedBeforePrepare(t *testing.T) {
	as, path := storedFixture(t)
	listed, full := listedAndFull(t, as)
	fresh, _, _ := LoadOrGroupStories(context.Background(), path, full, StoryOptions{})
	back, from, _ := LoadOrGroupStories(context.Background(), path, listed, StoryOptions{})
	if from != StoriesStored {
		t.Fatalf("from %v", from)
	}
	other, _ := generateCorpus(40, 8)
	if _, _, err := LoadOrGroupStories(context.Background(), path, other, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := back.lazy.g.readTerms(); err == nil {
		t.Error("the terms of another grouping read")
	}
	if got, want := fmt.Sprint(back.fingerprints()), fmt.Sprint(fresh.fingerprints()); got != want {
		t.Error("fingerprints made again differ")
	}
}

// ReadStories reads only the heads of articles from the store, so a
// reader may load their texts meanwhile (run with -race).
func TestReadStoriesWhileTextsLoad(t *testing.T) {
	as, path := storedFixture(t)
	listed, full := listedAndFull(t, as)
	if _, _, err := LoadOrGroupStories(context.Background(), path, full, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		for _, a := range listed {
			if err := a.LoadText(); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	st, err := ReadStories(path, listed, StoryOptions{})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Fatalf("not read back from heads: %v", err)
	}
	checkGrouping(t, st, listed)
}

// listedAndFull are as listed without their text, known by their origin
// (heads), and copies of those with their text loaded.
func listedAndFull(t *testing.T, as []*corpus.Article) (listed, full []*corpus.Article) {
	t.Helper()
	listed = heads(as)
	full = make([]*corpus.Article, len(listed))
	for i, a := range listed {
		c := *a
		if err := c.LoadText(); err != nil || len(c.Blocks) != len(as[i].Blocks) {
			t.Fatalf("text not loaded: %v", err)
		}
		full[i] = &c
	}
	return listed, full
}
