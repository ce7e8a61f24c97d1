package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// changedCorpus is as after a while: some articles gone, some edited (read
// afresh: fresh), some new, in a shuffled order.
func changedCorpus(as []*corpus.Article) (cur, fresh []*corpus.Article) {
	for i, a := range as {
		switch {
		case i%10 == 3: // gone
		case i%25 == 7: // edited in place: same ID, title and time, new text
			e := *a
			e.Blocks = append([]corpus.Block(nil), a.Blocks...)
			e.Blocks[0].Text = "Zanzibar officials said the harbour reopened on Tuesday. " + e.Blocks[0].Text
			cur = append(cur, &e)
			fresh = append(fresh, &e)
		default:
			cur = append(cur, a)
		}
	}
	more := gen.Articles(60, 22)
	more = append(more, art("new-ru", "ria.ru", "Переговоры в Казани", "Новые переговоры прошли в Казани."),
		art("new-x", "brandnew.example", "Quokka census", "Rangers counted quokkas on Rottnest Island."))
	fresh = append(fresh, more...)
	// New articles arrive among the old ones.
	for i, a := range more {
		at := (i * 37) % len(cur)
		cur = append(cur[:at], append([]*corpus.Article{a}, cur[at:]...)...)
	}
	return cur, fresh
}

// builtAndLayered: n generated articles written as a snapshot, the corpus
// changed since (changedCorpus), an index built afresh of it and one
// opened from the snapshot with a delta.
func builtAndLayered(t *testing.T, n int, seed int64) (built, layered *Index, cur, fresh []*corpus.Article) {
	t.Helper()
	as := gen.Articles(n, seed)
	_, path := writtenSnapshot(t, as)
	cur, fresh = changedCorpus(as)
	built = New()
	built.Add(cur)
	layered, err := LoadSnapshotUpdated(path, cur, fresh)
	if err != nil {
		t.Fatal(err)
	}
	return built, layered, cur, fresh
}

// similarResults: the same articles in the same order, the same counts,
// scores equal but for float rounding (a word's lists may be summed in
// another order).
func similarResults(t *testing.T, want, got *Index, qs []string) {
	t.Helper()
	for _, q := range qs {
		for _, opt := range []Options{{Limit: 20}, {Limit: 5, Typing: true}} {
			w, werr := want.Search(context.Background(), q, opt)
			g, gerr := got.Search(context.Background(), q, opt)
			if werr != nil || gerr != nil {
				t.Fatalf("%q: errors %v and %v", q, werr, gerr)
			}
			if w.Total != g.Total || w.Searched != g.Searched || len(w.Hits) != len(g.Hits) {
				t.Fatalf("%q %+v: total %d of %d (%d hits), want %d of %d (%d hits)", q, opt, g.Total, g.Searched, len(g.Hits), w.Total, w.Searched, len(w.Hits))
			}
			for i := range w.Hits {
				wh, gh := w.Hits[i], g.Hits[i]
				if math.Abs(wh.Score-gh.Score) > 1e-4*math.Max(1, wh.Score) {
					t.Fatalf("%q hit %d: score %v, want %v", q, i, gh.Score, wh.Score)
				}
				if wh.Article.ID != gh.Article.ID && math.Abs(wh.Score-w.Hits[min(i+1, len(w.Hits)-1)].Score) > 1e-4 && (i == 0 || math.Abs(wh.Score-w.Hits[i-1].Score) > 1e-4) {
					t.Fatalf("%q hit %d: %s, want %s", q, i, gh.Article.ID, wh.Article.ID)
				}
				if wh.Article.ID == gh.Article.ID && (wh.Snippet != gh.Snippet || wh.Hits != gh.Hits) {
					t.Fatalf("%q hit %d (%s): snippet %q (%d hits), want %q (%d hits)", q, i, gh.Article.ID, gh.Snippet, gh.Hits, wh.Snippet, wh.Hits)
				}
			}
			if len(w.Spellings) != len(g.Spellings) {
				t.Fatalf("%q: spellings %+v, want %+v", q, g.Spellings, w.Spellings)
			}
		}
	}
}

// An index opened from a snapshot of an older corpus, with the new
// articles as a delta and the gone or edited ones dead, answers as an
// index built afresh of the corpus as it is; so does the snapshot written
// of it (the merge), which then applies to the corpus exactly.
func TestLayeredIndexAnswersAsBuilt(t *testing.T) {
	built, layered, cur, _ := builtAndLayered(t, 300, 21)
	if !layered.Changed() || layered.Len() != len(cur) {
		t.Fatalf("layered index: changed %v, %d documents searchable, want %d", layered.Changed(), layered.Len(), len(cur))
	}
	qs := append(oracleQueries(cur, 120, 9), "zanzibar harbour", `"harbour reopened"`, "quokka", "quokk", "переговоры", "казани", "outlet:brandnew", "title:census", "Quoka", "zanzibar -harbour")
	similarResults(t, built, layered, qs)

	merged := filepath.Join(t.TempDir(), "index-merged.cache")
	if err := layered.WriteSnapshot(merged); err != nil {
		t.Fatal(err)
	}
	reopened, err := LoadSnapshot(merged, cur) // every fingerprint checked
	if err != nil {
		t.Fatalf("the merged snapshot does not apply to the corpus: %v", err)
	}
	if reopened.Changed() {
		t.Error("an index opened from the merged snapshot says it changed")
	}
	similarResults(t, built, reopened, qs)

	// It grows again as any index does (--watch).
	later := gen.Articles(20, 23)
	built.Add(later)
	layered.Add(later)
	reopened.Add(later)
	qs = append(qs, oracleQueries(later, 30, 4)...)
	similarResults(t, built, layered, qs)
	similarResults(t, built, reopened, qs)
}

// An edited article that the loader did not know was edited (it came
// unchanged from the store, but the snapshot had an older text) is still
// found by its fingerprint when a search returns it, before and after a
// delta is added.
func TestLayeredIndexFindsUnnoticedEdit(t *testing.T) {
	as := gen.Articles(120, 31)
	_, path := writtenSnapshot(t, as)
	cur, fresh := changedCorpus(as)
	for _, grown := range []bool{false, true} {
		ix, err := LoadSnapshotUpdated(path, cur, nil)
		if err != nil {
			t.Fatal(err)
		}
		if grown {
			ix.Add(gen.Articles(5, 32))
		}
		if _, err := ix.Search(context.Background(), fresh[0].Title, Options{Limit: 100}); !errors.Is(err, ErrStale) {
			t.Fatalf("grown %v: a search returning an edited article: %v, want ErrStale", grown, err)
		}
	}
}

// A snapshot that holds less than half of the corpus is not used: building
// the index afresh costs as much and leaves nothing dead.
func TestLayeredIndexNeedsHalf(t *testing.T) {
	as := gen.Articles(100, 41)
	_, path := writtenSnapshot(t, as)
	cur := append(as[:40:40], gen.Articles(50, 42)...)
	if _, err := LoadSnapshotUpdated(path, cur, nil); !errors.Is(err, ErrStale) {
		t.Fatalf("40 of 90 articles in the snapshot: %v, want ErrStale", err)
	}
	cur = append(as[:60:60], gen.Articles(50, 42)...)
	ix, err := LoadSnapshotUpdated(path, cur, nil)
	if err != nil || ix.Len() != 110 {
		t.Fatalf("60 of 110 articles in the snapshot: %v", err)
	}
	// Unchanged, it is the snapshot as it is.
	ix, err = LoadSnapshotUpdated(path, as, nil)
	if err != nil || ix.Changed() {
		t.Fatalf("the same articles: err %v, changed %v", err, ix != nil && ix.Changed())
	}
}

// Searches go on while a delta is added, and each answers for the
// articles published when it started.
func TestLayeredAddWhileSearching(t *testing.T) {
	as := gen.Articles(200, 8)
	built, path := writtenSnapshot(t, as)
	loaded, err := LoadSnapshot(path, as)
	if err != nil {
		t.Fatal(err)
	}
	more := gen.Articles(50, 9)
	done := make(chan struct{})
	go func() {
		defer close(done)
		loaded.Add(more[:25])
		loaded.Add(more[25:])
	}()
	for i := 0; ; i++ {
		r, err := loaded.Search(context.Background(), "the", Options{Limit: 5})
		if err != nil {
			t.Fatalf("search %d while adding: %v", i, err)
		}
		if r.Searched != len(as) && r.Searched != len(as)+25 && r.Searched != len(as)+len(more) {
			t.Fatalf("search %d while adding: searched %d articles", i, r.Searched)
		}
		select {
		case <-done:
			built.Add(more)
			similarResults(t, built, loaded, []string{"the", "th", "said", `"the talks"`})
			return
		default:
		}
	}
}

// Every word has the same statistics in a layered index as in one built
// afresh of the same articles: its ID found, its documents (body and
// title) and whether it is a name; so do the stems and transliteration
// keys list the same words.
func TestLayeredIndexWordsAsBuilt(t *testing.T) {
	built, layered, _, _ := builtAndLayered(t, 200, 51)
	words := func(ix *Index, ids []uint32) []string {
		var out []string
		for _, id := range ids {
			if ix.df(id) > 0 {
				out = append(out, ix.termText(id))
			}
		}
		slices.Sort(out)
		return out
	}
	checked := 0
	for id := uint32(1); int(id) < built.nterms(); id++ {
		w := built.termText(id)
		lid := layered.lookup(w)
		if lid == 0 {
			t.Fatalf("%q is not in the layered index", w)
		}
		if layered.termText(lid) != w || layered.df(lid) != built.df(id) || layered.isName(lid) != built.isName(id) {
			t.Fatalf("%q: df %d name %v, want df %d name %v", w, layered.df(lid), layered.isName(lid), built.df(id), built.isName(id))
		}
		st, _ := lang.Stemmed.Term(w)
		if got, want := words(layered, layered.stemTerms(st)), words(built, built.stemTerms(st)); !slices.Equal(got, want) {
			t.Fatalf("stem %q of %q: %v, want %v", st, w, got, want)
		}
		key := lang.TranslitKey(w)
		if got, want := words(layered, layered.keyTerms(key)), words(built, built.keyTerms(key)); !slices.Equal(got, want) {
			t.Fatalf("key %q of %q: %v, want %v", key, w, got, want)
		}
		checked++
	}
	if checked < 1000 {
		t.Fatalf("only %d words checked", checked)
	}
}

// Damage in the base of a layered index is an error wrapping ErrDamaged,
// from a search that reads it or from the merge, never another answer or
// a merged snapshot of wrong postings.
func TestLayeredIndexDamage(t *testing.T) {
	as := gen.Articles(160, 61)
	_, path := writtenSnapshot(t, as)
	cur, fresh := changedCorpus(as)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sound, err := LoadSnapshotUpdated(path, cur, fresh)
	if err != nil {
		t.Fatal(err)
	}
	qs := []string{"the", "said talks", `"the talks"`, "zanzibar", "quokka"}
	want := map[string]*Results{}
	for _, q := range qs {
		if want[q], err = sound.Search(context.Background(), q, Options{Limit: 5}); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	late, merges := 0, 0
	for i := 0; i < len(good); i += 1 + len(good)/300 {
		b := append([]byte(nil), good...)
		b[i] ^= 0x5A
		bad := filepath.Join(dir, fmt.Sprintf("bad-%d.cache", i))
		os.WriteFile(bad, b, 0o600)
		ix, err := LoadSnapshotUpdated(bad, cur, fresh)
		if err != nil {
			if !SnapshotUnreadable(err) && !errors.Is(err, ErrStale) {
				t.Fatalf("byte %d damaged: open says %v", i, err)
			}
			continue
		}
		merged := filepath.Join(dir, fmt.Sprintf("merged-%d.cache", i))
		if err := ix.WriteSnapshot(merged); err == nil {
			if _, err := LoadSnapshot(merged, cur); err != nil && !errors.Is(err, ErrStale) {
				t.Fatalf("byte %d damaged: the merge wrote a snapshot that does not open: %v", i, err)
			}
		} else if errors.Is(err, ErrDamaged) {
			merges++
		} else {
			t.Fatalf("byte %d damaged: the merge says %v", i, err)
		}
		for _, q := range qs {
			got, err := ix.Search(context.Background(), q, Options{Limit: 5})
			switch {
			case errors.Is(err, ErrDamaged):
				late++
			case errors.Is(err, ErrStale): // a fingerprint hit: the text is not the snapshot's
			case err != nil:
				t.Fatalf("byte %d damaged, %q: %v", i, q, err)
			case !reflect.DeepEqual(got, want[q]):
				t.Fatalf("byte %d damaged, %q answered\n%+v\nwant\n%+v", i, q, got, want[q])
			}
		}
	}
	if late == 0 || merges == 0 {
		t.Fatalf("damage found late by %d searches and %d merges", late, merges)
	}
}
