package compare

import (
	"context"
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
	fresh, stored, err := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	if err != nil || stored {
		t.Fatalf("first grouping: stored %v, err %v", stored, err)
	}
	back, stored, err := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	if err != nil || !stored {
		t.Fatalf("second grouping not read back: stored %v, err %v", stored, err)
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

// A damaged, truncated or foreign file is refused with an error, never
// trusted, and LoadOrGroupStories groups afresh and replaces it.
func TestStoredStoriesDamaged(t *testing.T) {
	as, path := storedFixture(t)
	fresh, _, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 0x40
	version := append([]byte(nil), good...)
	version[len(storiesMagic)] = storiesVersion + 1
	for name, data := range map[string][]byte{
		"empty":     {},
		"magic":     []byte("PLXSTORIEZ\n\x01abcdefgh"),
		"truncated": good[:len(good)-9],
		"half":      good[:len(good)/2],
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
			st, stored, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
			if stored || groupingReport(st, as) != groupingReport(fresh, as) {
				t.Fatalf("damaged file trusted (stored %v)", stored)
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

// Between two opens the corpus changes: an article added, one changed,
// one removed each make the stored grouping stale; the grouping made then
// is the one of the new corpus, and is stored in its turn.
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
			st, stored, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
			if stored {
				t.Fatal("stale grouping used")
			}
			checkGrouping(t, st, as)
			if groupingReport(st, as) != groupingReport(GroupStories(as, StoryOptions{}), as) {
				t.Error("the grouping of the changed corpus is not a fresh one")
			}
			if _, stored, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{}); !stored {
				t.Error("the new grouping was not stored")
			}
		})
	}
	// The same articles in another order are the same corpus.
	rev := make([]*corpus.Article, len(base))
	for i, a := range base {
		rev[len(base)-1-i] = a
	}
	LoadOrGroupStories(context.Background(), path, base, StoryOptions{})
	st, err := ReadStories(path, rev, StoryOptions{})
	if err != nil {
		t.Fatalf("reordered corpus: %v", err)
	}
	checkGrouping(t, st, rev)
}

// The reader's edits apply over a stored grouping as over a fresh one.
func TestStoredStoriesWithEdits(t *testing.T) {
	as, path := storedFixture(t)
	fresh, _, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	back, stored, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	if !stored {
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
