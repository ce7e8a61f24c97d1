package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadSeedsFromFS(t *testing.T) {
	c, err := Load(context.Background(), Source{Paths: []string{"../seeds"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 5 || len(c.Skipped) != 0 {
		t.Fatalf("got %d articles, %d skipped", len(c.Articles), len(c.Skipped))
	}
	// Dated articles first, then by id.
	var ids []string
	for _, a := range c.Articles {
		ids = append(ids, a.ID)
	}
	want := "000_b8494e57d3896bdc 001_9e7bb833f3267a33 002_4efbf8bebd05baf7 003_b765f57e1c3a59da 004_e11042489c80f2bf"
	if strings.Join(ids, " ") != want {
		t.Errorf("order = %v", ids)
	}
}

func TestLoadWalk(t *testing.T) {
	dir := t.TempDir()
	body := "A Headline For Testing\n\nSome body text here.\n"
	writeFile(t, filepath.Join(dir, "world", "a.txt"), body)
	writeFile(t, filepath.Join(dir, "world", "a.md"), body+"More.\n") // identical bytes would load once
	writeFile(t, filepath.Join(dir, "b.txt"), "Dated Story Title\n2024-01-02\n\nText.\n")
	writeFile(t, filepath.Join(dir, ".hidden", "c.txt"), body)
	writeFile(t, filepath.Join(dir, ".secret.txt"), body)
	writeFile(t, filepath.Join(dir, "empty.txt"), "")
	writeFile(t, filepath.Join(dir, "blank.txt"), " \n\u00a0\n")
	writeFile(t, filepath.Join(dir, "bin.dat"), "\x00\x01\x02binary")
	writeFile(t, filepath.Join(dir, "big.txt"), strings.Repeat("x", 2000))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "world", "loop")); err != nil {
		t.Fatal(err)
	}

	c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, a := range c.Articles {
		ids[a.ID] = true
	}
	for _, want := range []string{"b", "world/a", "world/a.txt"} { // a.md sorts first and keeps the short id
		if !ids[want] {
			t.Errorf("missing id %q in %v", want, ids)
		}
	}
	if len(c.Articles) != 3 {
		t.Errorf("got %d articles: %v", len(c.Articles), ids)
	}
	if c.Articles[0].ID != "b" {
		t.Errorf("dated article should sort first, got %s", c.Articles[0].ID)
	}
	reasons := map[string]string{}
	for _, s := range c.Skipped {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	for name, want := range map[string]string{"empty.txt": "empty", "blank.txt": "whitespace", "bin.dat": "binary",
		"big.txt": "too large", "pipe": "FIFO", "loop": "loop"} {
		if !strings.Contains(reasons[name], want) {
			t.Errorf("skip reason for %s = %q, want it to mention %q", name, reasons[name], want)
		}
	}
}

func TestLoadFileRootAndMissing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "story.txt")
	writeFile(t, p, "A Headline For Testing\n\nBody.\n")
	c, err := Load(context.Background(), Source{Paths: []string{p, filepath.Join(dir, "nope.txt")}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || c.Articles[0].ID != "story" || c.Articles[0].Path != p {
		t.Fatalf("articles: %+v", c.Articles)
	}
	if len(c.Skipped) != 1 || c.Skipped[0].Reason != NoSuchFile {
		t.Fatalf("skipped: %+v", c.Skipped)
	}
}

func TestLoadStdin(t *testing.T) {
	c, err := Load(context.Background(), Source{Paths: []string{"-"}, Stdin: strings.NewReader("Piped Headline Here\n\nBody.")}, Options{})
	if err != nil || len(c.Articles) != 1 || c.Articles[0].ID != "stdin" {
		t.Fatalf("stdin load: %v %+v", err, c)
	}
}

func TestStreamBatchesAndCancel(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := 0; i < 50; i++ {
		fsys[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt")] = &fstest.MapFile{Data: []byte(fmt.Sprintf("Some Headline Text\n\nBody %d.", i))}
	}
	var got, batches int
	var last Batch
	Stream(context.Background(), Source{FS: fsys, FSName: "mem"}, Options{}, func(b Batch) {
		got += len(b.Articles)
		batches++
		last = b
	})
	if got != 50 || !last.Done || last.Read != 50 || last.Total != 50 {
		t.Fatalf("got %d articles, last batch %+v", got, last)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	done := false
	Stream(ctx, Source{FS: fsys}, Options{}, func(b Batch) { done = done || b.Done })
	if done {
		t.Error("a cancelled stream must not report Done")
	}
}

func TestResolve(t *testing.T) {
	c := &Corpus{Articles: []*Article{{ID: "003_abc"}, {ID: "003_abd"}, {ID: "2"}, {ID: "world/x"}}}
	cases := []struct {
		ref, want string
		ambiguous bool
	}{
		{"2", "2", false},       // exact id beats position
		{"1", "003_abc", false}, // position
		{"4", "world/x", false}, // position
		{"003_abd", "003_abd", false},
		{"world", "world/x", false}, // unique prefix
		{"003", "", true},           // "003" is a prefix, not position 3
		{"zzz", "", false},
	}
	for _, tc := range cases {
		a, err := c.Resolve(tc.ref)
		switch {
		case tc.want != "":
			if err != nil || a.ID != tc.want {
				t.Errorf("Resolve(%q) = %v, %v; want %s", tc.ref, a, err, tc.want)
			}
		default:
			re, ok := err.(*RefError)
			if !ok {
				t.Fatalf("Resolve(%q) err = %v", tc.ref, err)
			}
			if tc.ambiguous != (len(re.Candidates) > 1) {
				t.Errorf("Resolve(%q) candidates = %v", tc.ref, re.Candidates)
			}
			if tc.ambiguous && !strings.Contains(err.Error(), "003_abc") {
				t.Errorf("ambiguous error must name candidates: %v", err)
			}
		}
	}
}

// Files are loaded while the walk goes on: until the walk ends a batch's
// Total is -1, then the count of everything found; IDs are still made
// unique in walk order, and walk skips are counted like files.
func TestStreamWhileWalking(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 300; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("s%02d", i%7), fmt.Sprintf("f%03d.txt", i)), fmt.Sprintf("Headline Number %d\n\nBody of article %d.\n", i, i))
	}
	writeFile(t, filepath.Join(dir, "same.txt"), "Same Name Text\n\nOne body.\n")
	writeFile(t, filepath.Join(dir, "same.md"), "# Same Name Markdown\n\nOther body.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink(dir, filepath.Join(dir, "loop"))
	cacheDir := t.TempDir()
	for run, cacheDir := range []string{"", cacheDir, cacheDir} {
		var articles, skipped int
		var last Batch
		ids := map[string]bool{}
		Stream(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir, BatchInterval: time.Millisecond}, func(b Batch) {
			if b.Total != -1 && b.Total != 304 {
				t.Errorf("batch total %d, want -1 or 304", b.Total)
			}
			for _, a := range b.Articles {
				if ids[a.ID] {
					t.Errorf("ID %q twice", a.ID)
				}
				ids[a.ID] = true
			}
			articles += len(b.Articles)
			skipped += len(b.Skipped)
			last = b
		})
		// 304 items: 302 files, the FIFO and the looping link.
		if !last.Done || last.Total != 304 || last.Read != 304 || articles != 302 || skipped != 2 {
			t.Errorf("run %d: last %+v, %d articles, %d skipped", run, last, articles, skipped)
		}
		if run == 2 && last.Cached != 302 {
			t.Errorf("warm run served %d files from the cache, want 302", last.Cached)
		}
		if !ids["same"] || !ids["same.txt"] {
			t.Errorf("IDs of same.md and same.txt: %v %v", ids["same"], ids["same.txt"])
		}
	}
}

// Cancelling while the walk is still going stops everything: Stream returns.
func TestStreamCancelDuringWalk(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 2000; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%04d.txt", i)), "Headline Here\n\nBody.\n")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := false
	Stream(ctx, Source{Paths: []string{dir}}, Options{BatchInterval: time.Microsecond}, func(b Batch) {
		cancel()
		done = done || b.Done
	})
	if done {
		t.Error("a cancelled stream reported Done")
	}
}

func TestSkipKind(t *testing.T) {
	cases := []struct{ reason, kind string }{
		{"duplicate of a/b.txt (identical bytes, loaded once)", "duplicate"},
		{"file too large (30 MB, limit 20 MB)", "file too large"},
		{"malformed JSON at line 3: unexpected EOF", "malformed JSON"},
		{"malformed feed: XML syntax error on line 1", "malformed feed"},
		{"binary file, not text", "binary file, not text"},
		{NoSuchFile, NoSuchFile},
	}
	for _, c := range cases {
		if got := (Skipped{Path: "x", Reason: c.reason}).Kind(); got != c.kind {
			t.Errorf("Kind(%q) = %q, want %q", c.reason, got, c.kind)
		}
	}
}
