package corpus

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

// fullArticleSum is the file sum of the entries holding fullArticle's.
var fullArticleSum = article.Sum{1, 2, 3}

// fullArticle sets every exported field of an Article to a distinct value,
// by reflection, so that a field added later without a place in the cache
// format fails TestCacheEntryRoundTrip instead of vanishing on warm starts.
func fullArticle(t *testing.T) *Article {
	t.Helper()
	a := &Article{}
	v := reflect.ValueOf(a).Elem()
	for i := 0; i < v.NumField(); i++ {
		f, sf := v.Field(i), v.Type().Field(i)
		if !sf.IsExported() {
			continue
		}
		switch sf.Name {
		case "ID", "Path", "DuplicateOf", "ItemKey": // set or used by the loader, not cached
			continue
		case "Origin": // not stored per article: made from the file's sum (fullArticleSum)
			f.SetUint(originOf(fullArticleSum))
			continue
		case "Published":
			f.Set(reflect.ValueOf(time.Date(2025, 3, 9, 14, 5, 0, 7, time.FixedZone("", 3*3600))))
			continue
		case "Blocks":
			f.Set(reflect.ValueOf([]Block{
				{Kind: Heading, Text: "A heading"}, {Kind: Paragraph, Text: "Body — with ünïcode."},
				{Kind: ListItem, Text: "item"}, {Kind: Quote, Text: "“quoted”"}, {Kind: BlockKind("caption"), Text: "a kind from elsewhere"},
			}))
			continue
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString(sf.Name + " value")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int:
			f.SetInt(42)
		case reflect.Slice:
			if f.Type().Elem().Kind() == reflect.String {
				f.Set(reflect.ValueOf([]string{sf.Name + " one", sf.Name + " two"}))
				continue
			}
			t.Fatalf("Article.%s: the test does not know how to fill it; teach it and the store's format", sf.Name)
		default:
			t.Fatalf("Article.%s (%s): the test does not know how to fill it; teach it and the store's format", sf.Name, f.Kind())
		}
	}
	return a
}

// writeOpenSegment writes entries made in a run as one segment and opens
// it again.
func writeOpenSegment(t testing.TB, dir string, made map[string]*madeEntry) *segment {
	t.Helper()
	var paths []string
	for p := range made {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	name := "store-0000000000000000-test.seg"
	err := writeSegment(filepath.Join(dir, name), len(paths), func(i int) (segEntry, bool) {
		return made[paths[i]].encode(paths[i], &encodeBuffers{})
	})
	if err != nil {
		t.Fatal(err)
	}
	seg, err := openSegment(dir, name)
	if err != nil {
		t.Fatal(err)
	}
	return seg
}

// entryOf returns a segment's entry for path.
func entryOf(t testing.TB, seg *segment, path string) *segEntry {
	t.Helper()
	i := seg.find(path)
	if i < 0 {
		t.Fatalf("no entry for %s", path)
	}
	return &seg.entries[i]
}

// A segment opened for a few lookups finds every entry as the decoded
// index holds it, and no entry for a path it does not hold (before the
// first, between two, after the last).
func TestLazySegmentMatchesDecoded(t *testing.T) {
	dir := t.TempDir()
	made := map[string]*madeEntry{}
	for i := 0; i < 300; i++ {
		a := &Article{Title: fmt.Sprintf("Title %d", i), Blocks: []Block{{Kind: Paragraph, Text: "text"}}, Words: 1}
		made[fmt.Sprintf("/r/%03d.txt", i*2)] = &madeEntry{ver: fileVersion{size: int64(i), mod: int64(i * 7), ctime: int64(-i), ino: uint64(i) << 40}, articles: []*Article{a}, suffixes: []string{""}, textKeys: []string{"k"}}
	}
	seg := writeOpenSegment(t, dir, made)
	lazy, err := openSegmentLazy(dir, seg.name)
	if err != nil {
		t.Fatal(err)
	}
	for i := range seg.entries {
		want := seg.entries[i]
		got, k := lazy.lookup(want.path)
		if got == nil || *got != want || k != i {
			t.Fatalf("%s: lazy %+v (%d), want %+v (%d)", want.path, got, k, want, i)
		}
	}
	for _, p := range []string{"/a", "/r/001.txt", "/r/299.txt", "/r/599.txt", "/z"} {
		if got, _ := lazy.lookup(p); got != nil {
			t.Errorf("%s: found %+v", p, got)
		}
	}
}

// Every field of every article survives a segment, whether the text comes
// with the heads or is loaded later (Options.ListOnly then LoadText).
func TestSegmentEntryRoundTrip(t *testing.T) {
	a, b := fullArticle(t), fullArticle(t)
	b.Published = time.Time{}
	b.Removed = nil
	b.TitleDerived = false
	in := &madeEntry{
		ver:      fileVersion{size: 991, mod: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC).UnixNano(), ctime: time.Date(2026, 2, 3, 4, 5, 6, 7, time.UTC).UnixNano(), ino: 1<<63 + 5},
		articles: []*Article{a, b}, suffixes: []string{"", "#item-2"},
		sum: fullArticleSum, textKeys: []string{"key-a", ""},
	}
	skip := &madeEntry{ver: fileVersion{size: 1, mod: -5, ctime: -6, ino: 0}, skip: "binary file, not text"}
	seg := writeOpenSegment(t, t.TempDir(), map[string]*madeEntry{"/r/a.txt": in, "/r/bin": skip})
	if len(seg.entries) != 2 {
		t.Fatalf("entries: %d", len(seg.entries))
	}
	e := entryOf(t, seg, "/r/a.txt")
	if e.ver != in.ver || e.dead {
		t.Fatalf("key: %+v %v, want %+v", e.ver, e.dead, in.ver)
	}
	for _, withText := range []bool{true, false} {
		r, err := decodeEntry(e, fileJob{index: 7, id: "dir/a", path: "shown/a.txt"}, withText)
		if err != nil {
			t.Fatal(err)
		}
		if r.index != 7 || !r.cached || r.sum != in.sum || !reflect.DeepEqual(r.textKeys, in.textKeys) {
			t.Errorf("result: %+v", r)
		}
		for i, want := range []*Article{a, b} {
			if withText != r.articles[i].HasText() {
				t.Errorf("withText %v: HasText %v", withText, r.articles[i].HasText())
			}
			if err := r.articles[i].LoadText(); err != nil {
				t.Fatal(err)
			}
			w := *want
			w.ID, w.Path = "dir/a"+in.suffixes[i], "shown/a.txt"
			g := *r.articles[i]
			if !g.Published.Equal(w.Published) || g.Published.IsZero() != w.Published.IsZero() {
				t.Errorf("article %d: date %v, want %v", i, g.Published, w.Published)
			}
			_, go1 := g.Published.Zone()
			_, wo := w.Published.Zone()
			if go1 != wo {
				t.Errorf("article %d: zone offset %d, want %d", i, go1, wo)
			}
			g.Published, w.Published = time.Time{}, time.Time{}
			if !reflect.DeepEqual(articletest.Fields(&g), articletest.Fields(&w)) {
				t.Errorf("withText %v, article %d:\n got %+v\nwant %+v", withText, i, g, w)
			}
		}
	}
	r, err := decodeEntry(entryOf(t, seg, "/r/bin"), fileJob{path: "bin"}, true)
	if err != nil || r.skipped == nil || r.skipped.Reason != "binary file, not text" || len(r.articles) != 0 {
		t.Errorf("skip entry: %+v %v", r, err)
	}
}

// A damaged head or text fails its checksum (a miss: the file is read
// again), and text that fails it is never handed out; a damaged index or
// header drops the segment with a reason; nothing panics.
func TestSegmentDamage(t *testing.T) {
	dir := t.TempDir()
	entry := &madeEntry{ver: fileVersion{size: 3, mod: 4}, articles: []*Article{{Title: "Title here", Blocks: []Block{{Kind: Paragraph, Text: "Body text."}}, Words: 2}}, suffixes: []string{""}}
	seg := writeOpenSegment(t, dir, map[string]*madeEntry{"/r/a": entry})
	p := filepath.Join(dir, seg.name)
	good, _ := os.ReadFile(p)

	damage := func(what string) *segEntry {
		bad := []byte(string(good))
		i := strings.Index(string(bad), what)
		bad[i] ^= 0x20
		name := "store-0000000000000000-bad.seg"
		os.WriteFile(filepath.Join(dir, name), bad, 0o600)
		seg, err := openSegment(dir, name)
		if err != nil {
			t.Fatalf("index of a segment with a damaged entry: %v", err)
		}
		return entryOf(t, seg, "/r/a")
	}
	// Damaged text: a miss with the text; listed without it, the heads
	// decode, and LoadText refuses the text (with no file to read again).
	e := damage("Body text.")
	if _, err := decodeEntry(e, fileJob{}, true); err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Errorf("damaged text decoded: %v", err)
	}
	r, err := decodeEntry(e, fileJob{}, false)
	if err != nil || r.articles[0].Title != "Title here" {
		t.Fatalf("heads of an entry with damaged text: %v", err)
	}
	if err := r.articles[0].LoadText(); err == nil || r.articles[0].Blocks != nil {
		t.Errorf("damaged text loaded: %v %+v", err, r.articles[0].Blocks)
	}
	// Damaged head: a miss either way.
	e = damage("Title here")
	for _, withText := range []bool{true, false} {
		if _, err := decodeEntry(e, fileJob{}, withText); err == nil || !strings.Contains(err.Error(), "checksum") {
			t.Errorf("damaged head decoded: %v", err)
		}
	}

	flip := func(at int) []byte {
		b := []byte(string(good))
		b[at] ^= 0x55
		return b
	}
	for name, data := range map[string][]byte{
		"truncated":     good[:len(good)-3],
		"index damaged": flip(len(good) - trailerSize - 3),
		"index offset":  flip(len(good) - trailerSize + 1),
		"end mark":      flip(len(good) - 1),
		"other version": append([]byte(segmentMagic), binary.AppendUvarint(nil, storeVersion+1)...),
		"not a segment": []byte("\x00garbage"),
		"empty":         nil,
		"huge count":    append(append([]byte(segmentMagic), binary.AppendUvarint(nil, storeVersion)...), 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F),
	} {
		os.WriteFile(p, data, 0o600)
		if _, err := openSegment(dir, seg.name); err == nil {
			t.Errorf("%s: opened without error", name)
		}
		if _, err := openSegmentLazy(dir, seg.name); err == nil {
			t.Errorf("%s: opened lazily without error", name)
		}
	}
}

// A manifest of other roots, or damaged, is refused.
func TestManifestDamage(t *testing.T) {
	p := filepath.Join(t.TempDir(), "store-x.cache")
	names := []string{"store-x-1.seg", "store-x-2.seg"}
	folders := []folderStamp{{path: "/r", dev: 3, ino: 7, mtime: 1e18, ctime: -5}, {path: "/r/f.txt", file: true, size: 12}}
	if err := writeManifest(p, []string{"/r"}, manifest{names: names, folders: folders}); err != nil {
		t.Fatal(err)
	}
	got, err := readManifest(p, []string{"/r"})
	if err != nil || !reflect.DeepEqual(got, manifest{names: names, folders: folders}) {
		t.Fatalf("manifest: %v %v", got, err)
	}
	if _, err := readManifest(p, []string{"/other"}); err == nil {
		t.Error("a manifest made for other roots was accepted")
	}
	good, _ := os.ReadFile(p)
	for at := len(manifestMagic) + 1; at < len(good); at++ {
		bad := []byte(string(good))
		bad[at] ^= 0x01
		os.WriteFile(p, bad, 0o600)
		if _, err := readManifest(p, []string{"/r"}); err == nil {
			t.Errorf("byte %d flipped: read without error", at)
		}
	}
	if err := writeManifest(p, []string{"/r"}, manifest{names: []string{"../escape.seg"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := readManifest(p, []string{"/r"}); err == nil {
		t.Error("a segment name outside the folder was accepted")
	}
}

// Caches of the older formats (a gob, one file a set of roots) are
// removed when the store is saved.
func TestStoreLegacyFormatPruned(t *testing.T) {
	dir := t.TempDir()
	gob := filepath.Join(dir, "corpus-0123456789abcdef.gob")
	legacy := filepath.Join(dir, "corpus-0123456789abcdef.cache")
	os.WriteFile(gob, []byte("old"), 0o644)
	os.WriteFile(legacy, []byte("old"), 0o644)
	s := openStore(dir, []string{"/x"}, false)
	s.putResult("/x/a", fileVersion{size: 1, mod: time.Unix(1, 0).UnixNano()}, "a", fileResult{articles: []*Article{{ID: "a", Title: "T"}}})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{gob, legacy} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("legacy cache file %s left behind", filepath.Base(p))
		}
	}
}

func FuzzSegmentDecode(f *testing.F) {
	dir := f.TempDir()
	a := &Article{Title: "T", Outlet: "O", Published: time.Unix(1e9, 0), Blocks: []Block{{Kind: Paragraph, Text: "x"}, {Kind: "odd", Text: "y"}}, Removed: []string{"r"}, Words: 2}
	seg := writeOpenSegment(f, dir, map[string]*madeEntry{
		"/r/a": {ver: fileVersion{size: 1, mod: 2}, articles: []*Article{a}, suffixes: []string{""}, textKeys: []string{"k"}},
		"/r/b": {ver: fileVersion{size: 1, mod: 2}, skip: "empty file"},
	})
	good, _ := os.ReadFile(filepath.Join(dir, seg.name))
	f.Add(good)
	e := entryOf(f, seg, "/r/a")
	f.Add([]byte(e.head))
	f.Add([]byte(e.text))
	f.Add([]byte{})
	check := func(t *testing.T, r fileResult) {
		for _, a := range r.articles {
			if a == nil || a.Words < 0 {
				t.Fatalf("bad article %+v", a)
			}
			_ = a.LoadText() // fails or decodes, never panics
		}
	}
	bodyAt := len(segmentMagic) + 1
	f.Fuzz(func(t *testing.T, body []byte) {
		// As a whole segment (entries then fail their checksums, so the
		// index parser is what is exercised)…
		entries, err := parseSegment(body, min(len(body), bodyAt))
		if err == nil {
			for i := range entries {
				if r, err := decodeEntry(&entries[i], fileJob{id: "x", path: entries[i].path}, true); err == nil {
					check(t, r)
				}
			}
		}
		// …read lazily, where a segment that decodes finds each of its
		// entries as decoded, and one that does not finds nothing wrong…
		if x, xerr := checkSegment(body, min(len(body), bodyAt)); xerr == nil {
			if offs, oerr := x.offsets(); oerr == nil {
				lazy := &segment{lazy: &lazyIndex{x: x, offs: offs}}
				if err == nil && len(offs) != len(entries) {
					t.Fatalf("%d offsets for %d entries", len(offs), len(entries))
				}
				for i := range entries {
					if got, _ := lazy.lookup(entries[i].path); got == nil || *got != entries[i] {
						t.Fatalf("lazy entry %v, want %v", got, entries[i])
					}
				}
				for _, off := range offs {
					if e, err := x.entryAt(off); err == nil && e.path != "" {
						if got, _ := lazy.lookup(e.path); got != nil && got.path != e.path {
							t.Fatalf("lookup of %q found %q", e.path, got.path)
						}
					}
				}
			}
		}
		// …and as one entry's head and text with valid checksums, for the
		// entry decoders.
		s := string(body)
		half := len(s) / 2
		for _, pe := range []segEntry{
			{head: s, text: e.text, headCRC: checksum(s), textCRC: e.textCRC},
			{head: e.head, text: s, headCRC: e.headCRC, textCRC: checksum(s)},
			{head: s[:half], text: s[half:], headCRC: checksum(s[:half]), textCRC: checksum(s[half:])},
		} {
			for _, withText := range []bool{true, false} {
				if r, err := decodeEntry(&pe, fileJob{id: "x"}, withText); err == nil {
					check(t, r)
				}
			}
		}
	})
}
