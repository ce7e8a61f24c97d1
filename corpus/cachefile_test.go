package corpus

import (
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

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
			t.Fatalf("Article.%s: the test does not know how to fill it; teach it and the cache format", sf.Name)
		default:
			t.Fatalf("Article.%s (%s): the test does not know how to fill it; teach it and the cache format", sf.Name, f.Kind())
		}
	}
	return a
}

func writeReadCache(t *testing.T, entries map[string]*cacheEntry) map[string]*cacheEntry {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.cache")
	roots := []string{"/r"}
	if err := writeCacheFile(p, roots, entries); err != nil {
		t.Fatal(err)
	}
	got, err := readCacheFile(p, roots)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCacheEntryRoundTrip(t *testing.T) {
	a, b := fullArticle(t), fullArticle(t)
	b.Published = time.Time{}
	b.Removed = nil
	b.TitleDerived = false
	in := &cacheEntry{
		size: 991, mod: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC).UnixNano(),
		articles: []*Article{a, b}, suffixes: []string{"", "#item-2"},
		sum: [32]byte{1, 2, 3}, textKeys: []string{"key-a", ""},
	}
	skip := &cacheEntry{size: 1, mod: -5, skip: "binary file, not text"}
	got := writeReadCache(t, map[string]*cacheEntry{"/r/a.txt": in, "/r/bin": skip})
	if len(got) != 2 {
		t.Fatalf("entries: %d", len(got))
	}
	e := got["/r/a.txt"]
	if e.size != in.size || e.mod != in.mod {
		t.Fatalf("key: %d %d", e.size, e.mod)
	}
	r, err := decodeEntry(e.raw, e.crc, fileJob{index: 7, id: "dir/a", path: "shown/a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if r.index != 7 || !r.cached || r.sum != in.sum || !reflect.DeepEqual(r.textKeys, in.textKeys) {
		t.Errorf("result: %+v", r)
	}
	for i, want := range []*Article{a, b} {
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
		if !reflect.DeepEqual(g, w) {
			t.Errorf("article %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	s := got["/r/bin"]
	r, err = decodeEntry(s.raw, s.crc, fileJob{path: "bin"})
	if err != nil || r.skipped == nil || r.skipped.Reason != "binary file, not text" || len(r.articles) != 0 {
		t.Errorf("skip entry: %+v %v", r, err)
	}
}

// A damaged entry is a miss (its file is read again); a damaged index or
// header discards the file with a reason; nothing panics.
func TestCacheDamage(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.cache")
	roots := []string{"/r"}
	entry := &cacheEntry{size: 3, mod: 4, articles: []*Article{{Title: "Title here", Blocks: []Block{{Kind: Paragraph, Text: "Body text."}}, Words: 2}}, suffixes: []string{""}}
	if err := writeCacheFile(p, roots, map[string]*cacheEntry{"/r/a": entry}); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(p)

	// Flip one byte inside the article text: the entry fails its checksum.
	bad := []byte(string(good))
	i := strings.Index(string(bad), "Body text.")
	bad[i] = 'X'
	os.WriteFile(p, bad, 0o644)
	got, err := readCacheFile(p, roots)
	if err != nil {
		t.Fatalf("index of a file with a damaged entry: %v", err)
	}
	if _, err := decodeEntry(got["/r/a"].raw, got["/r/a"].crc, fileJob{}); err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Errorf("damaged entry decoded: %v", err)
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
		"other version": append([]byte(cacheMagic), binary.AppendUvarint(nil, cacheVersion+1)...),
		"not a cache":   []byte("\x00garbage"),
		"empty":         nil,
		"huge count":    append(append([]byte(cacheMagic), binary.AppendUvarint(nil, cacheVersion)...), 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F),
	} {
		os.WriteFile(p, data, 0o644)
		if _, err := readCacheFile(p, roots); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
	os.WriteFile(p, good, 0o644)
	if _, err := readCacheFile(p, []string{"/other"}); err == nil {
		t.Error("a cache made for other roots was accepted")
	}
}

// A cache of the older gob format is removed when a new cache is saved.
func TestCacheLegacyFormatPruned(t *testing.T) {
	dir := t.TempDir()
	legacy := filepath.Join(dir, "corpus-0123456789abcdef.gob")
	os.WriteFile(legacy, []byte("old"), 0o644)
	c := openParsedCache(dir, []string{"/x"})
	c.putResult("/x/a", 1, time.Unix(1, 0), "a", fileResult{articles: []*Article{{ID: "a", Title: "T"}}})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(legacy); err == nil {
		t.Error("legacy cache file left behind")
	}
}

func FuzzCacheDecode(f *testing.F) {
	p := filepath.Join(f.TempDir(), "c.cache")
	a := &Article{Title: "T", Outlet: "O", Published: time.Unix(1e9, 0), Blocks: []Block{{Kind: Paragraph, Text: "x"}, {Kind: "odd", Text: "y"}}, Removed: []string{"r"}, Words: 2}
	writeCacheFile(p, []string{"/r"}, map[string]*cacheEntry{
		"/r/a": {size: 1, mod: 2, articles: []*Article{a}, suffixes: []string{""}, textKeys: []string{"k"}},
		"/r/b": {size: 1, mod: 2, skip: "empty file"},
	})
	good, _ := os.ReadFile(p)
	f.Add(good)
	entries, _ := indexCache(good, len(cacheMagic)+1, []string{"/r"})
	f.Add([]byte(entries["/r/a"].raw))
	f.Add([]byte{})
	check := func(t *testing.T, r fileResult) {
		for _, a := range r.articles {
			if a == nil || a.Words < 0 {
				t.Fatalf("bad article %+v", a)
			}
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		// As a whole cache file (entries then fail their checksums, so
		// the index parser is what is exercised)…
		if entries, err := indexCache(body, min(len(body), len(cacheMagic)+1), []string{"/r"}); err == nil {
			for path, e := range entries {
				if r, err := decodeEntry(e.raw, e.crc, fileJob{id: "x", path: path}); err == nil {
					check(t, r)
				}
			}
		}
		// …and as one entry with a valid checksum, for the entry decoder.
		raw := string(body)
		if r, err := decodeEntry(raw, crc32.Checksum(body, castagnoli), fileJob{id: "x"}); err == nil {
			check(t, r)
		}
	})
}
