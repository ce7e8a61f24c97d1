package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// sameResults checks that two indexes answer queries identically: every
// field of the results (hits, scores, snippets, highlights, positions,
// counts, spellings), and again after more articles are added to both.
func sameResults(t *testing.T, want, got *Index, qs []string) {
	t.Helper()
	for _, q := range qs {
		for _, opt := range []Options{{Limit: 20}, {Limit: 5, Typing: true}, {}} {
			w, werr := want.Search(context.Background(), q, opt)
			g, gerr := got.Search(context.Background(), q, opt)
			if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(w, g) {
				t.Fatalf("%q %+v: loaded index answers\n%+v (%v)\nbuilt index answers\n%+v (%v)", q, opt, g, gerr, w, werr)
			}
		}
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	as := gen.Articles(400, 11)
	// Non-Latin text, a title-only word, an article with no outlet.
	as = append(as, art("ru", "ria.ru", "Переговоры в Москве", "Путин провёл переговоры. Ёлка стояла."),
		art("cn", "", "北京会谈", "双方在北京举行会谈。"), art("t", "x.org", "Zyzzyva", "Nothing here."))
	built := New()
	for i := 0; i < len(as); i += 150 {
		built.Add(as[i:min(i+150, len(as))])
	}
	path := filepath.Join(t.TempDir(), "index-test.cache")
	if err := built.WriteSnapshot(path, []byte("extra")...); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadSnapshot(path, as)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Len() != built.Len() {
		t.Fatalf("loaded %d documents, built %d", loaded.Len(), built.Len())
	}
	qs := append(oracleQueries(as, 150, 5), "путин", "北京", "zyzzyva", "title:zyzzyva", "outlet:ria", "Savurova", "Kiev", "Zyzyva")
	sameResults(t, built, loaded, qs)

	// Opened without its articles, it answers the same, field for field,
	// and fetches only the articles of the results it returns.
	lazy, fetched := lazyOpen(t, path, as)
	if lazy.Len() != built.Len() || string(lazy.SnapshotExtra()) != "extra" {
		t.Fatalf("lazy index: %d documents, extra %q", lazy.Len(), lazy.SnapshotExtra())
	}
	sameResults(t, built, lazy, qs)
	checkOracle(t, lazy, qs, []int{20, 1, -1})
	*fetched = 0
	r, err := lazy.Search(context.Background(), "the", Options{Limit: 3})
	if err != nil || len(r.Hits) != 3 || *fetched != 3 || r.Total < 100 {
		t.Fatalf("a search for 3 of %d results fetched %d articles (%v)", r.Total, *fetched, err)
	}
	if err := lazy.WriteSnapshot(filepath.Join(t.TempDir(), "again.cache")); err == nil {
		t.Fatal("an index without its articles was written as a snapshot")
	}

	// The loaded index keeps growing like any other.
	more := gen.Articles(100, 12)
	built.Add(more)
	loaded.Add(more)
	sameResults(t, built, loaded, qs[:60])
	checkOracle(t, loaded, qs, []int{20, 1, -1})
}

func TestSnapshotOfOtherArticles(t *testing.T) {
	as := gen.Articles(50, 3)
	ix, path := writtenSnapshot(t, as)
	edited := *as[17]
	edited.Blocks = append([]corpus.Block(nil), edited.Blocks...)
	edited.Blocks[0].Text += " One more sentence."
	changed := append(append([]*corpus.Article(nil), as[:17]...), &edited)
	changed = append(changed, as[18:]...)
	renamed := *as[5]
	renamed.ID += "x"
	other := append([]*corpus.Article{&renamed}, as[:5]...)
	other = append(other, as[6:]...)
	// An article whose text alone changed is found when a search returns
	// it (its fingerprint), also once the index has grown by a delta: the
	// reader opens the snapshot from the articles' heads.
	edit, err := LoadSnapshotFromHeads(path, changed)
	if err != nil {
		t.Fatalf("an article edited: the snapshot did not open from the heads: %v", err)
	}
	if _, err := edit.Search(context.Background(), edited.Title, Options{Limit: 100}); !errors.Is(err, ErrStale) {
		t.Errorf("an article edited, a search returning it: got %v, want ErrStale", err)
	}
	if edit, err = LoadSnapshotFromHeads(path, changed); err != nil {
		t.Fatal(err)
	}
	edit.Add(gen.Articles(1, 98))
	if _, err := edit.Search(context.Background(), edited.Title, Options{Limit: 100}); !errors.Is(err, ErrStale) {
		t.Errorf("an article edited, the index grown by a delta: got %v, want ErrStale", err)
	}
	retitled := *as[9]
	retitled.Title += " again"
	for name, arts := range map[string][]*corpus.Article{
		"an article edited":   changed,
		"an article retitled": append(append(append([]*corpus.Article(nil), as[:9]...), &retitled), as[10:]...),
		"one gone":            as[:49],
		"one more":            append(append([]*corpus.Article(nil), as...), gen.Articles(1, 99)...),
		"one renamed":         other,
	} {
		if _, err := LoadSnapshot(path, arts); !errors.Is(err, ErrStale) {
			t.Errorf("%s: got %v, want ErrStale", name, err)
		}
	}
	if _, err := LoadSnapshot(path, append(append([]*corpus.Article(nil), as[1:]...), as[1])); !errors.Is(err, ErrStale) {
		t.Error("two articles with one ID matched a snapshot")
	}
	// The same articles in another order (the CLI sorts them, the reader
	// indexes them as they arrive) are the same documents.
	swapped := append([]*corpus.Article(nil), as...)
	swapped[3], swapped[40] = swapped[40], swapped[3]
	slices.Reverse(swapped[10:30])
	loaded, err := LoadSnapshot(path, swapped)
	if err != nil {
		t.Fatalf("same articles in another order: %v", err)
	}
	sameResults(t, ix, loaded, oracleQueries(as, 100, 8))
	if _, err := LoadSnapshot(filepath.Join(t.TempDir(), "none"), as); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing snapshot: %v", err)
	}
}

// Every damaged byte and every truncation is an error and never a panic,
// for the reader (which has the articles) and for a snapshot opened
// without them alike: when it is opened, or when a query reads the
// damaged part (an error wrapping ErrDamaged), and never a different
// answer.
func TestSnapshotDamage(t *testing.T) {
	as := gen.Articles(20, 4)
	ix := New()
	ix.Add(as)
	dir := t.TempDir()
	path := filepath.Join(dir, "index-test.cache")
	if err := ix.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	qs := []string{"the", "th", "said talks", `"the talks"`, "-the x", "title:a", "outlet:a", "Savurova"}
	want := map[string]*Results{}
	for _, q := range qs {
		want[q], _ = ix.Search(context.Background(), q, Options{Limit: 5, Typing: true})
	}
	// write makes a new file each time, as a writer does: the old one may
	// still be mapped.
	n := 0
	write := func(b []byte) string {
		n++
		p := filepath.Join(dir, fmt.Sprintf("bad-%d.cache", n))
		os.WriteFile(p, b, 0o644)
		return p
	}
	caught, late := 0, 0
	// try opens a damaged copy, what says how it was damaged.
	try := func(what string, b []byte) {
		t.Helper()
		bad := write(b)
		reader, err := LoadSnapshot(bad, as)
		if err != nil && !SnapshotUnreadable(err) {
			t.Fatalf("%s: the reader's open says %v, not damage", what, err)
		}
		lazy, lerr := OpenSnapshotLazy(bad, func(d DocInfo) (*corpus.Article, error) {
			return as[slices.IndexFunc(as, func(a *corpus.Article) bool { return a.ID == d.ID })], nil
		})
		if (err == nil) != (lerr == nil) {
			t.Fatalf("%s: the reader's open says %v, the lazy open %v", what, err, lerr)
		}
		if err != nil {
			caught++
			return
		}
		for name, opened := range map[string]*Index{"reader": reader, "lazy": lazy} {
			for _, q := range qs {
				got, err := opened.Search(context.Background(), q, Options{Limit: 5, Typing: true})
				if err != nil {
					caught++
					if !errors.Is(err, ErrDamaged) && !(name == "lazy" && errors.Is(err, ErrStale)) {
						t.Fatalf("%s, %s, %q: %v is not reported as damage", what, name, q, err)
					}
					if name == "reader" {
						late++
					}
					continue
				}
				if !reflect.DeepEqual(got, want[q]) {
					t.Fatalf("%s, %s: %q answered\n%+v\nwant\n%+v", what, name, q, got, want[q])
				}
			}
		}
	}
	for i := 0; i < len(good); i += 1 + len(good)/500 {
		b := append([]byte(nil), good...)
		b[i] ^= 0x5A
		try(fmt.Sprintf("byte %d of %d damaged", i, len(good)), b)
	}
	// A snapshot is published without a sync: a crash of the machine can
	// leave any of its sectors unwritten (zeros).
	const sector = 512
	for at := 0; at < len(good); at += sector {
		b := append([]byte(nil), good...)
		clear(b[at:min(at+sector, len(b))])
		try(fmt.Sprintf("sector at %d of %d zeroed", at, len(good)), b)
	}
	try("all zeros", make([]byte, len(good)))
	if late == 0 {
		t.Fatal("no damage was found late, by a search of the reader's index")
	}
	if caught == 0 {
		t.Fatal("no damage was caught")
	}
	for i := 0; i < len(good); i += 1 + len(good)/400 {
		bad := write(good[:i])
		if _, err := LoadSnapshot(bad, as); err == nil {
			t.Fatalf("truncated to %d bytes: loaded without an error", i)
		}
		if _, err := OpenSnapshotLazy(bad, nil); err == nil {
			t.Fatalf("truncated to %d bytes: opened without an error", i)
		}
	}
}

// FuzzDecodeSnapshot feeds the snapshot reader files whose sections were
// changed and sealed again (checksums recomputed), so that the structure
// checks, not the checksums, must catch the damage: whatever the sections
// hold, opening returns an index or an error and never panics, and an index
// it returns answers queries: hits that are articles of the index in score
// order, or an error wrapping ErrDamaged when a search meets damage in a
// part read lazily; for the undamaged seed, no error and the answers of the
// index it was written from.
func FuzzDecodeSnapshot(f *testing.F) {
	as := gen.Articles(6, 9)
	ix := New()
	ix.Add(as)
	dir := f.TempDir()
	path := filepath.Join(dir, "index-seed.cache")
	if err := ix.WriteSnapshot(path); err != nil {
		f.Fatal(err)
	}
	seed, _ := os.ReadFile(path)
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		b = reseal(b)
		file := filepath.Join(t.TempDir(), "index-fuzz.cache")
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := LoadSnapshot(file, as)
		if err != nil {
			return
		}
		for _, q := range []string{"the", "th", "said talks", `"the talks"`, "-the x", "title:a", "outlet:a"} {
			r, err := got.Search(context.Background(), q, Options{Limit: 5, Typing: true})
			if errors.Is(err, ErrDamaged) && !bytes.Equal(b, seed) {
				// Parts read lazily (posting lists, the forward index) are
				// checked when a search reads them: damage found then is
				// an error, never a different answer.
				return
			}
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			if r.Searched != len(as) || r.Total < len(r.Hits) || len(r.Hits) > 5 || len(r.Hits) == 0 && r.Total > 0 {
				t.Fatalf("%q: searched %d of %d articles, total %d, %d hits", q, r.Searched, len(as), r.Total, len(r.Hits))
			}
			for i, h := range r.Hits {
				if !slices.Contains(as, h.Article) || math.IsNaN(h.Score) || i > 0 && h.Score > r.Hits[i-1].Score {
					t.Fatalf("%q: hit %d (%p, score %v) is not an article of the index in score order", q, i, h.Article, h.Score)
				}
			}
			if q == "the" && bytes.Equal(b, seed) {
				want, _ := ix.Search(context.Background(), q, Options{Limit: 5, Typing: true})
				if fmt.Sprint(ids(r)) != fmt.Sprint(ids(want)) {
					t.Fatalf("the undamaged snapshot answers %v, the index it was written from %v", ids(r), ids(want))
				}
			}
		}
	})
}

// reseal recomputes the checksums of a snapshot's sections and of its
// section table, as far as its table can be read, so that a changed byte
// reaches the structure checks.
func reseal(b []byte) []byte {
	b = slices.Clone(b)
	if len(b) < snapTrailer {
		return b
	}
	trailer := b[len(b)-snapTrailer:]
	tableOff := binary.LittleEndian.Uint64(trailer)
	tableEnd := uint64(len(b) - snapTrailer)
	if tableOff > tableEnd || tableEnd-tableOff != 4+numSections*snapEntry {
		return b
	}
	table := b[tableOff:tableEnd]
	for i := range numSections {
		e := table[4+i*snapEntry:]
		off, n := binary.LittleEndian.Uint64(e), binary.LittleEndian.Uint64(e[8:])
		if off <= tableOff && n <= tableOff-off {
			binary.LittleEndian.PutUint32(e[16:], crc32.Checksum(b[off:off+n], cache.CRCTable))
		}
	}
	binary.LittleEndian.PutUint32(trailer[8:], crc32.Checksum(table, cache.CRCTable))
	return b
}

// A snapshot two of whose documents share an ID (written from an index
// given an article twice) is of other articles than any list of distinct
// ones, however many: no article is matched to two documents, the one
// left over to none. Also with the lookups shared among workers (a
// snapshot large enough to be split).
func TestSnapshotDocumentsSharingAnID(t *testing.T) {
	for _, n := range []int{20, 9000} {
		as := gen.Articles(n, 5)
		twin := *as[1]
		_, path := writtenSnapshot(t, append(slices.Clone(as), &twin))
		extra := gen.Articles(1, 77)[0]
		extra.ID += "-extra"
		for _, heads := range []bool{false, true} {
			load := LoadSnapshot
			if heads {
				load = LoadSnapshotFromHeads
			}
			if _, err := load(path, append(slices.Clone(as), extra)); !errors.Is(err, ErrStale) {
				t.Errorf("%d articles, from heads %v: got %v, want ErrStale", n, heads, err)
			}
		}
	}
}
