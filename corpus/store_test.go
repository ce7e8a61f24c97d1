package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// loadWithCache loads dir with the cache in cacheDir and returns the corpus
// and the final batch's counters.
func loadWithCache(t *testing.T, dir, cacheDir string) (*Corpus, Batch) {
	t.Helper()
	c := &Corpus{}
	var last Batch
	var notices []string
	Stream(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir}, func(b Batch) {
		c.Articles = append(c.Articles, b.Articles...)
		c.Skipped = append(c.Skipped, b.Skipped...)
		notices = append(notices, b.Notices...)
		last = b
	})
	last.Notices = notices
	c.Sort()
	return c, last
}

func TestCacheServesUnchangedFiles(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "First Headline Here\n\nBody of the first article, long enough to count as text for duplicates here.\n")
	writeFile(t, filepath.Join(dir, "copy.txt"), "Copied Headline Here\n\nBody of the first article, long enough to count as text for duplicates here.\n")
	writeFile(t, filepath.Join(dir, "sub", "b.md"), "---\ntitle: Second Headline\nsource: Example News\n---\n\nBody of the second.\n")
	writeFile(t, filepath.Join(dir, "items.json"), `[{"title":"Item One","text":"Text one.","url":"https://example.com/1"},{"title":"Item Two","text":"Text two.","url":"https://example.com/2"}]`)
	writeFile(t, filepath.Join(dir, "bin.dat"), "\x00\x01binary")

	first, b1 := loadWithCache(t, dir, cacheDir)
	if b1.Cached != 0 || len(first.Articles) != 5 {
		t.Fatalf("first load: cached %d, %d articles", b1.Cached, len(first.Articles))
	}
	second, b2 := loadWithCache(t, dir, cacheDir)
	if b2.Cached != 5 {
		t.Fatalf("second load served %d files from the cache, want all 5", b2.Cached)
	}
	if !reflect.DeepEqual(snapshot(first), snapshot(second)) {
		t.Errorf("cached load differs:\n%v\n%v", snapshot(first), snapshot(second))
	}
	if !reflect.DeepEqual(first.Skipped, second.Skipped) {
		t.Errorf("skips differ: %v vs %v", first.Skipped, second.Skipped)
	}

	// A changed file is read again, alone; a removed one disappears.
	p := filepath.Join(dir, "a.txt")
	writeFile(t, p, "Changed Headline Now\n\nNew body.\n")
	future := time.Now().Add(time.Minute)
	os.Chtimes(p, future, future)
	os.Remove(filepath.Join(dir, "sub", "b.md"))
	third, b3 := loadWithCache(t, dir, cacheDir)
	if b3.Cached != 3 {
		t.Errorf("third load served %d from cache, want 3 (copy, items, bin)", b3.Cached)
	}
	titles := strings.Join(snapshot(third), "|")
	if !strings.Contains(titles, "Changed Headline Now") || strings.Contains(titles, "Second Headline") || strings.Contains(titles, "First Headline") {
		t.Errorf("third load: %s", titles)
	}
}

func snapshot(c *Corpus) []string {
	var out []string
	for _, a := range c.Articles {
		out = append(out, a.ID+" "+a.Title+" "+a.Outlet+" "+a.Path+" dup="+a.DuplicateOf+" "+a.Body())
	}
	return out
}

func TestCacheCorruptIsRebuilt(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "First Headline Here\n\nBody.\n")
	loadWithCache(t, dir, cacheDir)
	files, _ := filepath.Glob(filepath.Join(cacheDir, "store-*.cache"))
	if len(files) != 1 {
		t.Fatalf("cache files: %v", files)
	}
	os.WriteFile(files[0], []byte("\x00garbage that is not gob"), 0o644)
	c, b := loadWithCache(t, dir, cacheDir)
	if len(c.Articles) != 1 || b.Cached != 0 || len(b.Notices) != 1 || !strings.Contains(b.Notices[0], "rebuilt") {
		t.Fatalf("corrupt cache: %d articles, cached %d, notices %q", len(c.Articles), b.Cached, b.Notices)
	}
	if _, b := loadWithCache(t, dir, cacheDir); b.Cached != 1 || len(b.Notices) != 0 {
		t.Errorf("rebuilt cache not used: cached %d, notices %q", b.Cached, b.Notices)
	}
}

// storeFiles lists the store's manifests and segments in cacheDir.
func storeFiles(t *testing.T, cacheDir string) (manifests, segments []string) {
	t.Helper()
	manifests, _ = filepath.Glob(filepath.Join(cacheDir, "store-*.cache"))
	segments, _ = filepath.Glob(filepath.Join(cacheDir, "store-*.seg"))
	return manifests, segments
}

// oracle is what reading every file anew makes of dir.
func oracle(t *testing.T, dir string) []string {
	t.Helper()
	c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return fullSnapshot(c)
}

// fullSnapshot is snapshot with the removed lines, block kinds and origin
// (the same from the store as parsed afresh), after loading the text of
// articles listed without it.
func fullSnapshot(c *Corpus) []string {
	var out []string
	for _, a := range c.Articles {
		if err := a.LoadText(); err != nil {
			out = append(out, a.ID+" LoadText: "+err.Error())
			continue
		}
		kinds := ""
		for _, b := range a.Blocks {
			kinds += string(b.Kind) + ","
		}
		if a.Origin == 0 {
			out = append(out, a.ID+" no origin")
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%v|%d|%s|%q|%s|%x", a.ID, a.Title, a.Outlet, a.Path, a.DuplicateOf, a.Published, a.Words, kinds, a.Removed, a.Body(), a.Origin))
	}
	return out
}

func loadListOnly(t *testing.T, dir, cacheDir string) (*Corpus, Batch) {
	t.Helper()
	return streamListed(t, dir, Options{CacheDir: cacheDir, ListOnly: true})
}

// streamListed loads dir with opt, sorted, and the last batch's counts
// and what it found gone, with every notice.
func streamListed(t *testing.T, dir string, opt Options) (*Corpus, Batch) {
	t.Helper()
	c := &Corpus{}
	var last Batch
	Stream(context.Background(), Source{Paths: []string{dir}}, opt, func(b Batch) {
		c.Articles = append(c.Articles, b.Articles...)
		c.Skipped = append(c.Skipped, b.Skipped...)
		last.Notices = append(last.Notices, b.Notices...)
		last.Cached, last.Read, last.Gone = b.Cached, b.Read, b.Gone
	})
	c.Sort()
	return c, last
}

// storyCorpus writes n articles, some sharing text, some with removed
// lines, and one feed of several items.
func storyCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		body := fmt.Sprintf("Headline number %d here\n\nBy A. Writer\n\nThe first paragraph of story %d says what happened, at length enough.\n\nA second paragraph follows with a quote: “we are here,” said a person.\n\nSubscribe to our newsletter\n", i, i%7)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("d%d", i%3), fmt.Sprintf("a%03d.txt", i)), body)
	}
	writeFile(t, filepath.Join(dir, "feed.json"), `[{"title":"Item One","text":"Text one of the feed.","url":"https://example.com/1"},{"title":"Item Two","text":"Text two of the feed.","url":"https://example.com/2"}]`)
}

// A corpus that changes between opens (files added, changed, removed,
// renamed) reads as reading every file anew would, each open adding a
// small segment until maxSegments, when the save merges the small ones
// into one beside the first (mergeFrom), their tombstones kept.
func TestStoreChangesBetweenOpens(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 30)
	future := time.Now()
	changes := []func(){
		func() {}, // unchanged: no new segment
		func() {
			writeFile(t, filepath.Join(dir, "new.txt"), "An Added Headline\n\nA body that was not there before.\n")
		},
		func() {
			p := filepath.Join(dir, "d0", "a000.txt")
			writeFile(t, p, "A Changed Headline\n\nThe body changed.\n")
			future = future.Add(time.Minute)
			os.Chtimes(p, future, future)
		},
		func() { os.Remove(filepath.Join(dir, "d1", "a001.txt")) },
		func() { os.Rename(filepath.Join(dir, "d2", "a002.txt"), filepath.Join(dir, "d2", "renamed.txt")) },
		func() { os.RemoveAll(filepath.Join(dir, "d1")) },
	}
	wantSegments := []int{1, 1, 2, 3, 4, 2, 3}
	for step := 0; step <= len(changes); step++ {
		if step > 0 {
			changes[step-1]()
		}
		for _, listOnly := range []bool{false, true} {
			var c *Corpus
			var b Batch
			if listOnly {
				c, b = loadListOnly(t, dir, cacheDir)
			} else {
				c, b = loadWithCache(t, dir, cacheDir)
			}
			if len(b.Notices) != 0 {
				t.Errorf("step %d: notices %q", step, b.Notices)
			}
			if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d (list only %v): store and files differ:\n%q\n%q", step, listOnly, got, want)
			}
			if listOnly && b.Cached != b.Read {
				t.Errorf("step %d: a second open served %d of %d files from the store", step, b.Cached, b.Read)
			}
		}
		manifests, segments := storeFiles(t, cacheDir)
		if len(manifests) != 1 || len(segments) != wantSegments[step] {
			t.Errorf("step %d: %d manifests, %d segments, want 1 and %d", step, len(manifests), len(segments), wantSegments[step])
		}
	}
}

// Articles listed without their text get exactly what the parser made
// when they are opened.
func TestStoreListOnlyLoadsTextOnOpen(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 12)
	loadWithCache(t, dir, cacheDir)
	c, b := loadListOnly(t, dir, cacheDir)
	if b.Cached != b.Read {
		t.Fatalf("served %d of %d files from the store", b.Cached, b.Read)
	}
	for _, a := range c.Articles {
		if a.HasText() || a.Blocks != nil || a.Title == "" || a.Words == 0 {
			t.Fatalf("listed article %s: text %v, title %q, words %d", a.ID, a.HasText(), a.Title, a.Words)
		}
	}
	// The read-mark key, made from the text when there is no URL, comes
	// from the heads: the text stays unloaded.
	whole, _ := loadWithCache(t, dir, cacheDir)
	keys, noURL := map[string]string{}, 0
	for _, a := range whole.Articles {
		keys[a.ID] = a.MarkKey()
	}
	for _, a := range c.Articles {
		if got := a.MarkKey(); got != keys[a.ID] || a.HasText() {
			t.Errorf("%s: mark key %q (text loaded %v), want %q", a.ID, got, a.HasText(), keys[a.ID])
		}
		if a.URL == "" {
			noURL++
		}
	}
	if noURL == 0 {
		t.Error("the corpus has no article without a URL")
	}
	if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("loaded text differs from the parser's:\n%q\n%q", got, want)
	}
}

// damageSegment flips one byte of every segment in cacheDir at the first
// place text occurs.
func damageSegment(t *testing.T, cacheDir, text string) {
	t.Helper()
	_, segments := storeFiles(t, cacheDir)
	for _, p := range segments {
		data, _ := os.ReadFile(p)
		i := strings.Index(string(data), text)
		if i < 0 {
			t.Fatalf("%q not in %s", text, p)
		}
		data[i] ^= 0x20
		// A new file under the old name, as damage on disk would look to a
		// later process (the published one is never written in place).
		os.Remove(p)
		os.WriteFile(p, data, 0o600)
	}
}

// A damaged index drops the segment: reported once, rebuilt, and the
// articles are the parser's.
func TestStoreDamagedSegmentRebuilt(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 6)
	loadWithCache(t, dir, cacheDir)
	damageSegment(t, cacheDir, filepath.Join(dir, "d0")) // a path in the index
	c, b := loadWithCache(t, dir, cacheDir)
	if b.Cached != 0 || len(b.Notices) != 1 || !strings.Contains(b.Notices[0], "damaged") || !strings.Contains(b.Notices[0], "rebuilt") {
		t.Fatalf("damaged segment: cached %d, notices %q", b.Cached, b.Notices)
	}
	if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("articles after damage differ from the parser's")
	}
	c, b = loadWithCache(t, dir, cacheDir)
	if b.Cached != b.Read || len(b.Notices) != 0 {
		t.Errorf("rebuilt store not used: cached %d of %d, notices %q", b.Cached, b.Read, b.Notices)
	}
	if _, segments := storeFiles(t, cacheDir); len(segments) != 1 {
		t.Errorf("segments after the rebuild: %v", segments)
	}
}

// A segment is published without a sync, so a crash of the machine can
// leave it as long as written but with some or all of its blocks never
// written (zeros), or cut short. Each is found, reported once and
// rebuilt, and the articles are the parser's.
func TestStoreSegmentTornByACrash(t *testing.T) {
	for name, tear := range map[string]func([]byte) []byte{
		"all zeros":         func(b []byte) []byte { return make([]byte, len(b)) },
		"first half zeros":  func(b []byte) []byte { clear(b[:len(b)/2]); return b },
		"second half zeros": func(b []byte) []byte { clear(b[len(b)/2:]); return b },
		"cut short":         func(b []byte) []byte { return b[:len(b)/3] },
		"empty":             func(b []byte) []byte { return nil },
		"texts zeros":       func(b []byte) []byte { clear(b[16 : len(b)/2]); return b },
	} {
		t.Run(name, func(t *testing.T) {
			dir, cacheDir := t.TempDir(), t.TempDir()
			storyCorpus(t, dir, 6)
			loadWithCache(t, dir, cacheDir)
			_, segments := storeFiles(t, cacheDir)
			for _, p := range segments {
				data, _ := os.ReadFile(p)
				os.Remove(p)
				os.WriteFile(p, tear(data), 0o600)
			}
			want := oracle(t, dir)
			c, b := loadWithCache(t, dir, cacheDir)
			if b.Cached != 0 || len(b.Notices) != 1 || !strings.Contains(b.Notices[0], "rebuilt") {
				t.Fatalf("torn segment: cached %d, notices %q", b.Cached, b.Notices)
			}
			if got := fullSnapshot(c); !reflect.DeepEqual(got, want) {
				t.Errorf("articles after a torn segment differ from the parser's")
			}
			if _, b = loadWithCache(t, dir, cacheDir); b.Cached != b.Read || len(b.Notices) != 0 {
				t.Errorf("rebuilt store not used: cached %d of %d, notices %q", b.Cached, b.Read, b.Notices)
			}
		})
	}
}

// Damaged text is never read as text: a full open reads the file again,
// an article listed without its text gets it from the file when opened.
func TestStoreDamagedTextNeverRead(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 6)
	loadWithCache(t, dir, cacheDir)
	damageSegment(t, cacheDir, "said a person")
	want := oracle(t, dir)
	c, b := loadListOnly(t, dir, cacheDir)
	if b.Cached != b.Read {
		t.Errorf("heads of damaged text not served: %d of %d", b.Cached, b.Read)
	}
	if got := fullSnapshot(c); !reflect.DeepEqual(got, want) {
		t.Errorf("list only, damaged text:\n%q\n%q", got, want)
	}
	c, b = loadWithCache(t, dir, cacheDir)
	if b.Cached != b.Read-1 {
		t.Errorf("full open of damaged text: served %d of %d, want all but one", b.Cached, b.Read)
	}
	if got := fullSnapshot(c); !reflect.DeepEqual(got, want) {
		t.Errorf("full open, damaged text:\n%q\n%q", got, want)
	}
}

// A published segment is never written again: articles that point into
// one stay right while later opens add segments, merge them and delete
// the old files (which stay mapped).
func TestStorePublishedSegmentsNeverRewritten(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 9)
	loadWithCache(t, dir, cacheDir)
	first, _ := loadListOnly(t, dir, cacheDir)
	want := oracle(t, dir)
	_, segments := storeFiles(t, cacheDir)
	before := map[string]string{}
	for _, p := range segments {
		data, _ := os.ReadFile(p)
		before[p] = string(data)
	}
	for i := 0; i < maxSegments+1; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("late%d.txt", i)), fmt.Sprintf("Late Headline %d\n\nLate body %d.\n", i, i))
		loadWithCache(t, dir, cacheDir)
		for p, data := range before {
			if now, err := os.ReadFile(p); err == nil && string(now) != data {
				t.Fatalf("save %d rewrote published segment %s", i, p)
			}
		}
	}
	if _, segs := storeFiles(t, cacheDir); len(segs) >= maxSegments {
		t.Errorf("%d segments: never merged", len(segs))
	}
	if got := fullSnapshot(first); !reflect.DeepEqual(got, want) {
		t.Errorf("articles of a merged-away segment changed")
	}
}

// Saves merge only the newer, smaller segments while the oldest is at
// least twice their size: the large segment is never rewritten by small
// changes (removals among them, whose tombstones must go on hiding its
// entries), and the store is what reading every file anew makes at every
// step; once most of its entries are shadowed, it is merged.
func TestStoreMergesTheNewerSegments(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 40)
	loadWithCache(t, dir, cacheDir)
	_, segs := storeFiles(t, cacheDir)
	if len(segs) != 1 {
		t.Fatalf("%d segments after the first load", len(segs))
	}
	base := segs[0]
	baseBytes, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	check := func(step string) {
		t.Helper()
		c, b := loadListOnly(t, dir, cacheDir)
		if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: store and files differ:\n%q\n%q", step, got, want)
		}
		// A tombstone lost in a merge would bring the file back into the
		// store, to be found gone again.
		if len(b.Gone) != 0 || b.Cached != b.Read {
			t.Fatalf("%s: nothing changed since the save, yet %v gone, %d of %d files from the store", step, b.Gone, b.Cached, b.Read)
		}
		if _, segs := storeFiles(t, cacheDir); len(segs) > maxSegments {
			t.Fatalf("%s: %d segments", step, len(segs))
		}
	}
	for i := range 12 {
		switch i % 3 {
		case 0:
			writeFile(t, filepath.Join(dir, fmt.Sprintf("added%02d.txt", i)), fmt.Sprintf("Added Headline %d\n\nA body added at step %d.\n", i, i))
		case 1:
			os.Remove(filepath.Join(dir, fmt.Sprintf("d%d", i%3), fmt.Sprintf("a%03d.txt", i)))
			if i == 1 { // the large segment's first entry: its tombstone too
				os.Remove(filepath.Join(dir, "d0", "a000.txt"))
			}
		case 2:
			writeFile(t, filepath.Join(dir, fmt.Sprintf("d%d", i%3), fmt.Sprintf("a%03d.txt", i)), fmt.Sprintf("Changed Headline %d\n\nChanged at step %d.\n", i, i))
		}
		step := fmt.Sprintf("step %d", i)
		loadWithCache(t, dir, cacheDir)
		check(step)
		if now, err := os.ReadFile(base); err != nil || string(now) != string(baseBytes) {
			t.Fatalf("%s: the large segment was rewritten or removed (%v)", step, err)
		}
	}
	for i := range 40 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("d%d", i%3), fmt.Sprintf("a%03d.txt", i)), fmt.Sprintf("Rewritten Headline %d\n\nRewritten at the end.\n", i))
	}
	for i := range 4 { // enough saves to pass maxSegments
		writeFile(t, filepath.Join(dir, fmt.Sprintf("late%d.txt", i)), fmt.Sprintf("Late Headline %d\n\nLate body %d.\n", i, i))
		loadWithCache(t, dir, cacheDir)
		check(fmt.Sprintf("late %d", i))
	}
	if _, err := os.Stat(base); err == nil {
		t.Error("changes as large as the store never merged its large segment")
	}
}

// The store knows a file by its size, both times and its inode: another
// file put in its place at the same size and modification time (as cp -p
// or rsync -t leave it) is read again and shown as it is, and so is a file
// whose status alone changed (chmod); a file only read is served.
func TestStoreSeesAFileSwappedAtTheSameSizeAndTime(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 6)
	p := filepath.Join(dir, "d1", "a004.txt")
	loadWithCache(t, dir, cacheDir)
	if _, b := loadListOnly(t, dir, cacheDir); b.Cached != b.Read {
		t.Fatalf("unchanged: %d of %d files from the store", b.Cached, b.Read)
	}
	data, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	copy(data, "Swapped ")
	tmp := p + ".new"
	writeFile(t, tmp, string(data))
	os.Chtimes(tmp, st.ModTime(), st.ModTime())
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
	c, b := loadListOnly(t, dir, cacheDir)
	if b.Cached != b.Read-1 {
		t.Errorf("swapped: %d of %d files from the store, want all but one", b.Cached, b.Read)
	}
	if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("swapped: store and files differ:\n%q\n%q", got, want)
	}
	time.Sleep(10 * time.Millisecond) // a new status change time on coarse clocks
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, b := loadListOnly(t, dir, cacheDir); b.Cached != b.Read-1 {
		t.Errorf("chmod: %d of %d files from the store, want all but one", b.Cached, b.Read)
	}
	if _, b := loadListOnly(t, dir, cacheDir); b.Cached != b.Read {
		t.Errorf("read again: %d of %d files from the store", b.Cached, b.Read)
	}
}

// mergeFrom keeps a segment while what it still holds is at least twice
// the files that follow it, counting each path once and not counting the
// entries the newer ones shadow or the tombstones it holds.
func TestMergeFromKeepsWhatIsTwiceTheRest(t *testing.T) {
	seg := func(paths ...string) *segment {
		s := &segment{}
		for _, p := range paths {
			s.entries = append(s.entries, segEntry{path: p, dead: strings.HasPrefix(p, "dead")})
		}
		return s
	}
	many := func(prefix string, n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("%s%02d", prefix, i))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		segs []*segment
		made []string
		want int
	}{
		{"twice exactly", []*segment{seg(many("a", 10)...), seg("b1", "b2", "b3", "b4")}, []string{"c"}, 1},
		{"one short", []*segment{seg(many("a", 9)...), seg("b1", "b2", "b3", "b4")}, []string{"c"}, 0},
		{"a path counted once", []*segment{seg(many("a", 10)...), seg("b1", "b2", "b3", "b4", "c")}, []string{"c"}, 1},
		{"its first entry shadowed", []*segment{seg(many("a", 10)...), seg("a00", "b2", "b3", "b4")}, []string{"c"}, 0},
		{"its tombstones do not count", []*segment{seg(append(many("a", 10), "dead1")...), seg("b1", "b2", "b3", "b4", "b5")}, []string{"c"}, 0},
		{"the newest that may stay (c, d and e merge)", []*segment{seg(many("a", 40)...), seg(many("b", 10)...), seg("c1", "c2"), seg("d1")}, []string{"e"}, 2},
		{"a small one between", []*segment{seg(many("a", 40)...), seg("b1"), seg(many("c", 10)...), seg("d1")}, []string{"e"}, 3},
		{"down to the largest", []*segment{seg(many("a", 40)...), seg("b1"), seg("c1", "c2"), seg(many("d", 10)...)}, []string{"e"}, 1},
	} {
		s := &segStore{segs: tc.segs, made: map[string]*madeEntry{}}
		for _, p := range tc.made {
			s.made[p] = &madeEntry{}
		}
		if got := s.mergeFrom(nil); got != tc.want {
			t.Errorf("%s: merge from %d, want %d", tc.name, got, tc.want)
		}
	}
}
