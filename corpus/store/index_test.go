package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

func snapshotArticles(n int, word string) []*corpus.Article {
	var out []*corpus.Article
	for i := range n {
		out = append(out, &corpus.Article{
			ID: fmt.Sprintf("a%02d", i), Outlet: "example.org", Title: fmt.Sprintf("Report %d on the %s", i, word),
			Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: fmt.Sprintf("Body %d mentions the %s and harbour talks.", i, word)}},
		})
	}
	return out
}

// runJobs runs the Index's jobs and hands their results back to it, as the
// reader's update loop would, until nothing is left.
func runJobs(t *testing.T, x *Index, jobs []Job) {
	t.Helper()
	for _, j := range jobs {
		if j == nil {
			continue
		}
		switch r := j().(type) {
		case Indexed:
			runJobs(t, x, x.Added(r))
		case SnapshotRead:
			next, notice := x.SnapshotLoaded(r)
			if notice != "" {
				t.Errorf("notice: %s", notice)
			}
			runJobs(t, x, next)
		case SnapshotWritten:
			if r.Err != nil {
				t.Fatal(r.Err)
			}
		}
	}
}

func hitIDs(t *testing.T, ix *search.Index, q string) []string {
	t.Helper()
	r, err := ix.Search(context.Background(), q, search.Options{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.Article.ID)
	}
	slices.Sort(ids)
	return ids
}

// A load built in full writes a snapshot; the next load of the same
// articles, all from the cache, reads it instead of indexing them.
func TestSnapshotWrittenThenUsed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	items := snapshotArticles(30, "ceasefire")

	p := NewIndex(path)
	// No snapshot: the load's articles wait for its end all the same.
	if jobs := p.LoadBatch(items[:10], nil, false); jobs != nil || !p.Holding() || p.Search().Len() != 0 {
		t.Fatalf("indexed while the load went on: jobs %d, holding %v, %d searchable", len(jobs), p.Holding(), p.Search().Len())
	}
	runJobs(t, p, p.LoadBatch(items[10:], nil, true))
	if !p.Saved() || p.FromSnapshot() || p.Behind() {
		t.Fatalf("after a full build: saved %v, from snapshot %v, behind %v", p.Saved(), p.FromSnapshot(), p.Behind())
	}
	want := hitIDs(t, p.Search(), "ceasefire")
	if len(want) != 30 {
		t.Fatalf("built index finds %d articles", len(want))
	}

	q := NewIndex(path)
	if !q.Holding() {
		t.Fatal("a snapshot on disk: articles should wait for it")
	}
	if jobs := q.LoadBatch(items[:10], nil, false); jobs != nil || q.Search().Len() != 0 || !q.Behind() {
		t.Fatalf("cached articles went to the index before the load ended (len %d)", q.Search().Len())
	}
	runJobs(t, q, q.LoadBatch(items[10:], nil, true))
	if !q.FromSnapshot() || q.Behind() || q.Saved() {
		t.Fatalf("second load: from snapshot %v, behind %v, saved again %v", q.FromSnapshot(), q.Behind(), q.Saved())
	}
	if got := hitIDs(t, q.Search(), "ceasefire"); !slices.Equal(got, want) {
		t.Fatalf("snapshot index finds %v, want %v", got, want)
	}
}

// A snapshot of other articles (every file read afresh, same IDs, other
// text) is not used: the index is built and written again.
func TestSnapshotNotForTheseArticles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	old := search.New()
	var oldArts []*corpus.Article
	oldArts = append(oldArts, snapshotArticles(20, "ceasefire")...)
	old.Add(oldArts)
	if err := old.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	items := snapshotArticles(20, "blockade") // same IDs, other text

	p := NewIndex(path)
	runJobs(t, p, p.LoadBatch(items[:5], items[:5], false))
	if !p.Holding() || p.Search().Len() != 0 {
		t.Fatalf("a few fresh files ended the wait: holding %v", p.Holding())
	}
	runJobs(t, p, p.LoadBatch(items[5:], items[5:], true))
	if got := hitIDs(t, p.Search(), "blockade"); len(got) != 20 || p.FromSnapshot() {
		t.Fatalf("found %d of 20 (from snapshot %v)", len(got), p.FromSnapshot())
	}

	if !p.Saved() {
		t.Fatal("the full build was not saved")
	}
	// All cached, but the snapshot is of the old text: stale, rebuilt, saved.
	if err := old.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	q := NewIndex(path)
	runJobs(t, q, q.LoadBatch(items, nil, true))
	if q.FromSnapshot() || !q.Saved() || q.Behind() {
		t.Fatalf("stale snapshot: from snapshot %v, saved %v, behind %v", q.FromSnapshot(), q.Saved(), q.Behind())
	}
	if got := hitIDs(t, q.Search(), "blockade"); len(got) != 20 {
		t.Fatalf("rebuilt index finds %d of 20", len(got))
	}
	if _, err := search.LoadSnapshot(path, items); err != nil {
		t.Fatalf("the rebuilt index was not saved as the snapshot: %v", err)
	}
}

// A corpus that gained and lost files since its snapshot opens it with the
// new articles as a delta and the gone ones left out; once asked
// (Save, when the reader's start has settled), the merged index is
// the next snapshot, which the next start opens with nothing to index.
func TestSnapshotTakesNewArticlesAsDelta(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	items := snapshotArticles(30, "ceasefire")
	first := NewIndex(path)
	runJobs(t, first, first.LoadBatch(items, nil, true))
	if !first.Saved() || first.Save() != nil {
		t.Fatal("the first build was not saved, or would be saved twice")
	}

	added := snapshotArticles(34, "armistice")[30:] // a30..a33
	edited := *items[7]
	edited.Blocks = []corpus.Block{{Kind: corpus.Paragraph, Text: "Body 7 now reports an armistice."}}
	cur := append(append([]*corpus.Article(nil), items[:3]...), items[5:7]...) // a03, a04 gone
	cur = append(append(append(cur, &edited), items[8:]...), added...)
	fresh := append([]*corpus.Article{&edited}, added...)

	x := NewIndex(path)
	runJobs(t, x, x.LoadBatch(cur[:20], fresh[:1], false))
	runJobs(t, x, x.LoadBatch(cur[20:], fresh[1:], true))
	if !x.FromSnapshot() || x.Behind() || x.Search().Len() != len(cur) {
		t.Fatalf("from snapshot %v, behind %v, %d searchable, want %d", x.FromSnapshot(), x.Behind(), x.Search().Len(), len(cur))
	}
	if got := hitIDs(t, x.Search(), "armistice"); !slices.Equal(got, []string{"a07", "a30", "a31", "a32", "a33"}) {
		t.Fatalf("armistice finds %v", got)
	}
	if got := hitIDs(t, x.Search(), "ceasefire"); len(got) != 28 || slices.Contains(got, "a03") || slices.Contains(got, "a04") {
		t.Fatalf("ceasefire finds %d: %v", len(got), got)
	}
	if x.Saved() {
		t.Fatal("the changed index was written before the reader asked")
	}
	runJobs(t, x, []Job{x.Save()})
	if !x.Saved() || x.Save() != nil {
		t.Fatal("Save did not write the merged index once")
	}
	if _, err := search.LoadSnapshot(path, cur); err != nil {
		t.Fatalf("the merged snapshot is not of the corpus as it is: %v", err)
	}
	next := NewIndex(path)
	runJobs(t, next, next.LoadBatch(cur, nil, true))
	if !next.FromSnapshot() || next.Save() != nil || next.Search().Changed() {
		t.Fatal("the next start had something to index or save")
	}
	if got := hitIDs(t, next.Search(), "armistice"); len(got) != 5 {
		t.Fatalf("after the merge, armistice finds %v", got)
	}
}

// When most of what has loaded was read afresh, and there is much of it,
// the snapshot is given up: it covers little of the corpus. The articles
// are indexed when the load ends, not while it goes on.
func TestManyFreshArticlesGiveUpTheSnapshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	first := NewIndex(path)
	runJobs(t, first, first.LoadBatch(snapshotArticles(10, "ceasefire"), nil, true))
	x := NewIndex(path)
	many := make([]*corpus.Article, holdFresh)
	for i := range many {
		many[i] = &corpus.Article{ID: fmt.Sprintf("n%05d", i), Title: "Harbour report"}
	}
	runJobs(t, x, x.LoadBatch(many[:holdFresh-1], many[:holdFresh-1], false))
	if !x.snapshotApplies {
		t.Fatal("the snapshot was given up before enough fresh articles")
	}
	runJobs(t, x, x.LoadBatch(many[holdFresh-1:], many[holdFresh-1:], false))
	if x.snapshotApplies || !x.Holding() || x.Search().Len() != 0 {
		t.Fatalf("after %d fresh articles: snapshot applies %v, holding %v, %d searchable", holdFresh, x.snapshotApplies, x.Holding(), x.Search().Len())
	}
	runJobs(t, x, x.LoadBatch(nil, nil, true))
	if x.FromSnapshot() || x.Behind() || x.Search().Len() != holdFresh {
		t.Fatalf("at the load's end: from snapshot %v, behind %v, %d searchable", x.FromSnapshot(), x.Behind(), x.Search().Len())
	}
}

// Opening the search during a load that waits for the snapshot makes what
// has loaded searchable at once: the wait ends and the articles are indexed.
func TestStopHoldingIndexesWhatHasLoaded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	items := snapshotArticles(12, "ceasefire")
	old := search.New()
	for _, a := range items {
		old.Add([]*corpus.Article{a})
	}
	if err := old.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	p := NewIndex(path)
	runJobs(t, p, p.LoadBatch(items[:5], nil, false))
	if !p.Holding() || p.Search().Len() != 0 {
		t.Fatalf("not waiting for the snapshot: holding %v, indexed %d", p.Holding(), p.Search().Len())
	}
	runJobs(t, p, []Job{p.StopHolding()}) // what opening the search asks for
	if p.Holding() || p.Search().Len() != 5 {
		t.Fatalf("after opening the search: holding %v, %d articles searchable, want 5", p.Holding(), p.Search().Len())
	}
	runJobs(t, p, p.LoadBatch(items[5:], nil, true))
	if p.FromSnapshot() || p.Behind() || p.Search().Len() != 12 {
		t.Fatalf("end of load: from snapshot %v, behind %v, %d indexed", p.FromSnapshot(), p.Behind(), p.Search().Len())
	}
}

// A damaged snapshot is reported once and the index is built instead.
func TestDamagedSnapshotIsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	if err := os.WriteFile(path, []byte("parallax search index\nnot really"), 0o600); err != nil {
		t.Fatal(err)
	}
	items := snapshotArticles(4, "ceasefire")
	p := NewIndex(path)
	jobs := p.LoadBatch(items, nil, true)
	msg, ok := jobs[0]().(SnapshotRead)
	if len(jobs) != 1 || !ok || msg.err == nil {
		t.Fatalf("damaged snapshot loaded: %+v", msg)
	}
	next, notice := p.SnapshotLoaded(msg)
	if !strings.Contains(notice, "unreadable") || !strings.Contains(notice, "rebuilt") {
		t.Fatalf("notice %q", notice)
	}
	if m, ok := next[0]().(Indexed); !ok || m.N != 4 {
		t.Fatalf("articles not indexed after a damaged snapshot: %#v", m)
	}
}

func TestSearchDropsArticlesThatLeft(t *testing.T) {
	a, b := &corpus.Article{ID: "a"}, &corpus.Article{ID: "b"}
	x := NewIndex("")
	x.Forget([]*corpus.Article{a})
	res := x.WithoutGone(&search.Results{Total: 7, Hits: []search.Result{{Article: a}, {Article: b}}})
	if res.Total != 6 || len(res.Hits) != 1 || res.Hits[0].Article != b {
		t.Fatalf("results after a removal: total %d, hits %+v", res.Total, res.Hits)
	}
	if !x.Gone(a) || x.Gone(b) {
		t.Fatal("Gone does not say which article left")
	}
}

// A snapshot whose damage only a search finds (a posting list is checked
// when it is read) is reported once, built again from the articles and
// written anew; the rebuilt index answers in full.
func TestSnapshotDamagedLateIsRebuilt(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "index-good.cache")
	items := snapshotArticles(12, "ceasefire")
	first := NewIndex(good)
	runJobs(t, first, first.LoadBatch(items, nil, true))
	data, err := os.ReadFile(good)
	if err != nil || !first.Saved() {
		t.Fatalf("no snapshot written: %v", err)
	}
	for i := range data {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x5A
		path := filepath.Join(dir, fmt.Sprintf("index-bad-%d.cache", i))
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		x := NewIndex(path)
		r, ok := x.LoadBatch(items, nil, true)[0]().(SnapshotRead)
		if !ok || r.Err() != nil {
			continue // found when opened: TestDamagedSnapshotIsReported
		}
		if _, notice := x.SnapshotLoaded(r); notice != "" {
			t.Fatalf("a snapshot that opened: notice %q", notice)
		}
		damaged := x.Search()
		_, err := damaged.Search(context.Background(), "ceasefire", search.Options{Limit: 100})
		if err == nil {
			continue
		}
		jobs, notice := x.SearchFailed(damaged, err)
		if !strings.Contains(notice, "damaged") || !strings.Contains(notice, "rebuilt") {
			t.Fatalf("byte %d: notice %q for %v", i, notice, err)
		}
		if again, said := x.SearchFailed(damaged, err); again != nil || said != "" {
			t.Fatalf("byte %d: the same damage reported twice: %q", i, said)
		}
		runJobs(t, x, jobs)
		if x.FromSnapshot() || x.Behind() || !x.Saved() || x.Search() == damaged {
			t.Fatalf("byte %d: after the rebuild: from snapshot %v, behind %v, saved %v", i, x.FromSnapshot(), x.Behind(), x.Saved())
		}
		if got := hitIDs(t, x.Search(), "ceasefire"); len(got) != len(items) {
			t.Fatalf("byte %d: the rebuilt index finds %v", i, got)
		}
		reopened := NewIndex(path)
		runJobs(t, reopened, reopened.LoadBatch(items, nil, true))
		if !reopened.FromSnapshot() || len(hitIDs(t, reopened.Search(), "ceasefire")) != len(items) {
			t.Fatalf("byte %d: the rewritten snapshot does not serve the next start", i)
		}
		return
	}
	t.Fatal("no damaged byte was found late, by a search")
}

// A snapshot opened from the articles' heads whose article's text changed
// is found out when a search returns that article: the index is built
// again, quietly (a changed file is no news), and answers from the text.
func TestSnapshotOfChangedTextIsRebuilt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	items := snapshotArticles(6, "ceasefire")
	first := NewIndex(path)
	runJobs(t, first, first.LoadBatch(items, nil, true))
	changed := snapshotArticles(6, "ceasefire")
	changed[2].Blocks[0].Text = "Body 2 mentions the ceasefire and the armistice."
	x := NewIndex(path)
	runJobs(t, x, x.LoadBatch(changed, nil, true))
	if !x.FromSnapshot() {
		t.Fatal("the snapshot was not opened from the articles' heads")
	}
	old := x.Search()
	_, err := old.Search(context.Background(), "ceasefire", search.Options{Limit: 100})
	if !errors.Is(err, search.ErrStale) {
		t.Fatalf("a search returning the changed article: %v, want ErrStale", err)
	}
	jobs, notice := x.SearchFailed(old, err)
	if notice != "" || len(jobs) == 0 {
		t.Fatalf("a changed text: notice %q, %d jobs; want a quiet rebuild", notice, len(jobs))
	}
	runJobs(t, x, jobs)
	if got := hitIDs(t, x.Search(), "armistice"); !slices.Equal(got, []string{"a02"}) || x.FromSnapshot() || !x.Saved() {
		t.Fatalf("after the rebuild: armistice finds %v, from snapshot %v, saved %v", got, x.FromSnapshot(), x.Saved())
	}
}

// The snapshot is given up when more than half of what has loaded was
// read afresh; at exactly half it is still read when the load ends.
func TestHalfFreshKeepsTheSnapshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	first := NewIndex(path)
	runJobs(t, first, first.LoadBatch(snapshotArticles(10, "ceasefire"), nil, true))
	x := NewIndex(path)
	arts := make([]*corpus.Article, 2*holdFresh)
	for i := range arts {
		arts[i] = &corpus.Article{ID: fmt.Sprintf("n%05d", i), Title: "Harbour report"}
	}
	runJobs(t, x, x.LoadBatch(arts[:holdFresh], nil, false))
	runJobs(t, x, x.LoadBatch(arts[holdFresh:], arts[holdFresh:], false))
	if !x.snapshotApplies {
		t.Fatalf("%d of %d read afresh, exactly half: the snapshot was given up", holdFresh, 2*holdFresh)
	}
	one := []*corpus.Article{{ID: "n99999", Title: "Harbour report"}}
	runJobs(t, x, x.LoadBatch(one, one, false))
	if x.snapshotApplies {
		t.Fatalf("%d of %d read afresh: the snapshot still applies", holdFresh+1, 2*holdFresh+1)
	}
}

// An index opened from its snapshot and left unchanged is written again
// only when the store stamps it otherwise than the snapshot is stamped.
func TestSnapshotSavedAgainOnlyForAnotherStamp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	items := snapshotArticles(12, "ceasefire")
	first := NewIndex(path)
	first.setStamp([]byte("state one"))
	runJobs(t, first, first.LoadBatch(items, nil, true))
	if !first.Saved() {
		t.Fatal("the first index was not written")
	}
	for _, c := range []struct {
		stamp string
		save  bool
	}{{"", false}, {"state one", false}, {"state two", true}} {
		x := NewIndex(path)
		if c.stamp != "" {
			x.setStamp([]byte(c.stamp))
		}
		runJobs(t, x, x.LoadBatch(items, nil, true))
		if !x.FromSnapshot() {
			t.Fatal("the index did not come from its snapshot")
		}
		if got := x.Save() != nil; got != c.save {
			t.Errorf("stamped %q over a snapshot stamped \"state one\": written again %v, want %v", c.stamp, got, c.save)
		}
	}
}

// Run and Answer tell the reader something only when there is something
// to tell: a load, a snapshot read and a search that go well say nothing.
func TestRunAndAnswerSayNothingWhenAllIsWell(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	items := snapshotArticles(8, "ceasefire")
	quiet := func(s string) { t.Errorf("told %q with nothing to tell", s) }
	for range 2 { // built and written, then read from its snapshot
		x := NewIndex(path)
		if err := x.Run(x.LoadBatch(items, nil, true), quiet); err != nil {
			t.Fatal(err)
		}
		res, err := x.Answer(context.Background(), "ceasefire", search.Options{}, quiet)
		if err != nil || res.Total != len(items) {
			t.Fatalf("Answer: %v, %d hits", err, res.Total)
		}
	}
}

// Answer finds a snapshot of a changed text out as a search does, builds
// the index again without a word (a changed file is no news) and answers
// from the texts.
func TestAnswerRebuildsAStaleSnapshotQuietly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	first := NewIndex(path)
	runJobs(t, first, first.LoadBatch(snapshotArticles(6, "ceasefire"), nil, true))
	changed := snapshotArticles(6, "ceasefire")
	changed[2].Blocks[0].Text = "Body 2 mentions the ceasefire and the armistice."
	x := NewIndex(path)
	runJobs(t, x, x.LoadBatch(changed, nil, true))
	quiet := func(s string) { t.Errorf("told %q of a changed file", s) }
	res, err := x.Answer(context.Background(), "armistice", search.Options{}, quiet)
	if err != nil || res.Total != 0 {
		// The snapshot holds the old words: no hit to find it stale.
		t.Fatalf("armistice before any stale hit: %v, %d hits", err, res.Total)
	}
	res, err = x.Answer(context.Background(), "ceasefire", search.Options{Limit: 100}, quiet)
	if err != nil || res.Total != 6 || x.FromSnapshot() {
		t.Fatalf("ceasefire, a hit on the changed article: %v, %d hits, from the snapshot %v", err, res.Total, x.FromSnapshot())
	}
	if got := hitIDs(t, x.Search(), "armistice"); !slices.Equal(got, []string{"a02"}) {
		t.Fatalf("after the rebuild armistice finds %v", got)
	}
}

// After the load, the index grows in parts of at most addPart articles,
// each searchable when its Add returns, until all are; asking to search
// before the load ends (StopHolding) indexes what has loaded at once and
// the rest as it arrives.
func TestLoadIndexedInParts(t *testing.T) {
	arts := make([]*corpus.Article, 2*addPart+5)
	for i := range arts {
		arts[i] = &corpus.Article{ID: fmt.Sprintf("p%06d", i), Title: "Harbour report"}
	}
	x := NewIndex("")
	if jobs := x.LoadBatch(arts[:addPart+1], nil, false); jobs != nil {
		t.Fatalf("%d jobs while the load goes on", len(jobs))
	}
	jobs := x.LoadBatch(arts[addPart+1:], nil, true)
	var parts []int
	for len(jobs) > 0 {
		j := jobs[0]
		jobs = jobs[1:]
		if j == nil {
			continue
		}
		if r, ok := j().(Indexed); ok {
			parts = append(parts, r.N)
			if got := x.Search().Len(); got != addPart*(len(parts)-1)+r.N {
				t.Fatalf("after part %d: %d searchable", len(parts), got)
			}
			jobs = append(jobs, x.Added(r)...)
		}
	}
	if !slices.Equal(parts, []int{addPart, addPart, 5}) || x.Behind() {
		t.Fatalf("parts %v, behind %v; want %d, %d, 5", parts, x.Behind(), addPart, addPart)
	}

	y := NewIndex("")
	runJobs(t, y, y.LoadBatch(arts[:3], nil, false))
	runJobs(t, y, []Job{y.StopHolding()})
	if y.Holding() || y.Search().Len() != 3 {
		t.Fatalf("after StopHolding: holding %v, %d searchable, want 3", y.Holding(), y.Search().Len())
	}
	runJobs(t, y, y.LoadBatch(arts[3:5], nil, false))
	if y.Search().Len() != 5 || !y.Behind() {
		t.Fatalf("a batch after StopHolding: %d searchable (want 5), behind %v", y.Search().Len(), y.Behind())
	}
	runJobs(t, y, y.LoadBatch(arts[5:], nil, true))
	if y.Search().Len() != len(arts) || y.Behind() {
		t.Fatalf("at the end: %d searchable, behind %v", y.Search().Len(), y.Behind())
	}
}
