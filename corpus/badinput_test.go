package corpus

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

// badFolder writes a folder mixing good files of every format with every
// kind of bad input, and returns it with the skip reason expected for each
// bad entry (by base name; "" means it must load).
func badFolder(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	copyFixture := func(name string) {
		data, err := os.ReadFile(filepath.Join("formats", "testdata", "formats", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "good", name), string(data))
	}
	for _, f := range []string{"article.html", "latin1.rss", "atom-in.rss", "feed.json", "note.md", "records.jsonl", "newsplease.json"} {
		copyFixture(f)
	}
	writeFile(t, filepath.Join(dir, "good", "story.txt"), "Harbour Strike Ends\n\nDock workers returned to work on Friday.\n")
	writeFile(t, filepath.Join(dir, "good", "story2.txt"), "Harbour Strike Ends\n\nDock workers returned to work on Friday.\n")
	writeFile(t, filepath.Join(dir, "empty.txt"), "")
	writeFile(t, filepath.Join(dir, "blank.md"), " \n\t\n\u00a0 \r\n")
	writeFile(t, filepath.Join(dir, "image.html"), "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
	writeFile(t, filepath.Join(dir, "big.txt"), "Big File\n\n"+strings.Repeat("word ", 700))
	writeFile(t, filepath.Join(dir, "broken.json"), `{"title": "x", "text": `)
	writeFile(t, filepath.Join(dir, "broken.rss"), "<?xml version=\"1.0\"?><rss><channel><title>T</title><item><title")
	writeFile(t, filepath.Join(dir, "notes.json"), `{"name": "parallax", "version": "1.0.0", "private": true}`)
	writeFile(t, filepath.Join(dir, "empty-page.html"), "<html><head><title></title></head><body><nav>Home</nav><script>x()</script></body></html>")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "sock.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	if err := os.Symlink("/dev/null", filepath.Join(dir, "device.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop-b.txt", filepath.Join(dir, "loop-a.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop-a.txt", filepath.Join(dir, "loop-b.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "good", "up")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.txt", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"empty.txt": "empty file", "blank.md": "only whitespace", "image.html": "binary",
		"big.txt": "too large", "broken.json": "malformed JSON", "broken.rss": "malformed feed",
		"notes.json": "no article records", "empty-page.html": "no article text",
		"pipe.txt": "FIFO", "sock.txt": "socket", "device.txt": "device",
		"loop-a.txt": "looping symbolic link", "loop-b.txt": "looping symbolic link",
		"up": "symbolic link loop", "dangling.txt": "broken or looping",
		"story2.txt": "duplicate of",
	}
	// A file that cannot be read. Root reads anything chmod 000, so there
	// a read error comes from /proc/self/mem instead, which fails with EIO
	// at offset 0 although it opens as a regular file.
	if os.Geteuid() != 0 {
		writeFile(t, filepath.Join(dir, "secret.txt"), "Secret\n\nText.\n")
		os.Chmod(filepath.Join(dir, "secret.txt"), 0)
		want["secret.txt"] = "permission denied"
		os.MkdirAll(filepath.Join(dir, "locked"), 0o755)
		writeFile(t, filepath.Join(dir, "locked", "x.txt"), "X\n\nY.\n")
		os.Chmod(filepath.Join(dir, "locked"), 0)
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
		want["locked"] = "permission denied"
	} else if _, err := os.Stat("/proc/self/mem"); err == nil {
		os.Symlink("/proc/self/mem", filepath.Join(dir, "mem.txt"))
		want["mem.txt"] = "input/output error"
	}
	return dir, want
}

func TestLoadBadInputs(t *testing.T) {
	dir, want := badFolder(t)
	c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{MaxFileSize: 3000})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range c.Skipped {
		got[filepath.Base(s.Path)] = s.Reason
		if strings.ContainsAny(s.Reason, "\x1b\n") || s.Reason == "" {
			t.Errorf("bad reason for %s: %q", s.Path, s.Reason)
		}
	}
	for name, reason := range want {
		if !strings.Contains(got[name], reason) {
			t.Errorf("skip reason for %s = %q, want it to mention %q", name, got[name], reason)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected skip of %s: %s", name, got[name])
		}
	}
	formats := map[string]int{}
	for _, a := range c.Articles {
		articletest.AssertSafe(t, a)
		formats[a.Format]++
	}
	// html 1, feed: latin1 2 + atom 1 + json feed 2, markdown 1, json 3 + 1, text 1.
	wantFormats := map[string]int{"html": 1, "feed": 5, "markdown": 1, "json": 4, "text": 1}
	for f, n := range wantFormats {
		if formats[f] != n {
			t.Errorf("%d %s articles, want %d (all: %v)", formats[f], f, n, formats)
		}
	}
	if !strings.Contains(got["story2.txt"], filepath.Join(dir, "good", "story.txt")) {
		t.Errorf("duplicate reason should name the first file: %q", got["story2.txt"])
	}
}

func TestDefaultMaxFileSize(t *testing.T) {
	if defaultMaxFileSize != 20<<20 {
		t.Fatalf("defaultMaxFileSize = %d", defaultMaxFileSize)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("Huge\n\n")
	f.Truncate(20<<20 + 1) // sparse: costs no disk
	f.Close()
	c, _ := Load(context.Background(), Source{Paths: []string{p}}, Options{})
	if len(c.Skipped) != 1 || !strings.Contains(c.Skipped[0].Reason, "too large") {
		t.Fatalf("skipped = %+v", c.Skipped)
	}
}

// A 5 MB line without a newline, in every format, loads (or is skipped
// with a reason) without hanging; plain text and Markdown keep it whole.
// 5 MB is past every size limit inside the parsers (the largest, the feed
// salvager's 4 MB of text per element) and far past bufio's 64 KB lines;
// a larger line adds CPU (the test ran 10 MB, the slowest test under
// -race) and nothing to what is checked.
func TestLongLineWithoutNewline(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 5 MB files")
	}
	line := bytes.Repeat([]byte("word "), 1<<20) // 5 MB
	dir := t.TempDir()
	docs := map[string][]byte{
		"long.txt":  append([]byte("Long Line Story\n\n"), line...),
		"long.md":   append([]byte("# Long\n\n"), line...),
		"long.html": append(append([]byte("<html><body><p>"), line...), "</p></body></html>"...),
		"long.json": append(append([]byte(`{"title": "Long", "text": "`), line...), `"}`...),
		"long.rss":  append(append([]byte(`<rss><channel><title>F</title><item><title>Long</title><description>`), line...), "</description></item></channel></rss>"...),
		"raw.txt":   line,
	}
	for name, data := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Skipped) != 0 || len(c.Articles) != len(docs) {
		t.Fatalf("%d articles, skipped %v", len(c.Articles), c.Skipped)
	}
	for _, a := range c.Articles {
		if a.Words < 1<<20 {
			t.Errorf("%s kept %d words", a.ID, a.Words)
		}
	}
}

func TestFileRemovedDuringLoading(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "gone.html")
	writeFile(t, p, "<p>soon gone</p>")
	jobs, skipped := walkPaths(context.Background(), []string{dir}, nil)
	if len(jobs) != 1 || len(skipped) != 0 {
		t.Fatalf("walk: %v %v", jobs, skipped)
	}
	os.Remove(p)
	r := loadOne(jobs[0], defaultMaxFileSize)
	if r.skipped == nil || !strings.Contains(r.skipped.Reason, "no longer exists") {
		t.Fatalf("got %+v", r.skipped)
	}
}

// A file replaced by a FIFO after the walk listed it is not opened for a
// blocking read (the load would hang forever otherwise).
func TestFileBecomesFIFO(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.txt")
	writeFile(t, p, "Title\n\nBody.\n")
	jobs, _ := walkPaths(context.Background(), []string{dir}, nil)
	os.Remove(p)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
	r := loadOne(jobs[0], defaultMaxFileSize)
	if r.skipped == nil || !strings.Contains(r.skipped.Reason, "FIFO") {
		t.Fatalf("got %+v", r.skipped)
	}
}

func TestDuplicateText(t *testing.T) {
	dir := t.TempDir()
	body := "Dock workers at the northern terminal returned to work on Friday morning after union leaders accepted a revised pay offer."
	writeFile(t, filepath.Join(dir, "a.txt"), "Strike Ends At Port\n\n"+body+"\n")
	writeFile(t, filepath.Join(dir, "b.md"), "---\ntitle: Port strike is over\nsource: Other Paper\n---\n\n"+strings.ToUpper(body[:1])+body[1:]+"\n")
	writeFile(t, filepath.Join(dir, "c.txt"), "Unrelated Story Here\n\nSomething else happened somewhere else today, in a different place entirely, and nobody else wrote it.\n")
	writeFile(t, filepath.Join(dir, "d.txt"), "Another Title\n\nRead more.\n")
	writeFile(t, filepath.Join(dir, "e.txt"), "Yet Another Title\n\nRead more.\n")
	c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	dup := map[string]string{}
	for _, a := range c.Articles {
		dup[a.ID] = a.DuplicateOf
	}
	want := map[string]string{"a": "", "b": "a", "c": "", "d": "", "e": ""}
	for id, w := range want {
		if dup[id] != w {
			t.Errorf("%s.DuplicateOf = %q, want %q", id, dup[id], w)
		}
	}
}

func TestFeedItemIDs(t *testing.T) {
	feed := func(items ...string) string {
		s := `<rss version="2.0"><channel><title>Wire</title>`
		for _, it := range items {
			s += `<item><title>` + it + `</title><guid>urn:` + it + `</guid><description>Text of ` + it + `.</description></item>`
		}
		return s + `</channel></rss>`
	}
	ids := func(doc string) map[string]string {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "wire.xml"), doc)
		c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, a := range c.Articles {
			m[a.Title] = a.ID
		}
		return m
	}
	before := ids(feed("one", "two"))
	after := ids(feed("zero", "one", "two"))
	if before["one"] == "" || before["one"] != after["one"] || before["two"] != after["two"] {
		t.Errorf("ids moved when the feed gained an item: %v → %v", before, after)
	}
	if !strings.HasPrefix(before["one"], "wire#") || before["one"] == before["two"] {
		t.Errorf("ids = %v", before)
	}
	// Items without guid or link fall back to their position.
	noKeys := ids(`<rss><channel><title>W</title><item><title>A</title><description>a.</description></item><item><title>B</title><description>b.</description></item></channel></rss>`)
	if noKeys["A"] != "wire#1" || noKeys["B"] != "wire#2" {
		t.Errorf("ids = %v", noKeys)
	}
}

func TestStdinFormats(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("formats", "testdata", "formats", "atom-in.rss"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load(context.Background(), Source{Paths: []string{"-"}, Stdin: bytes.NewReader(data)}, Options{})
	if err != nil || len(c.Articles) != 1 || c.Articles[0].Format != "feed" || c.Articles[0].ID != "stdin" {
		t.Fatalf("stdin: %v %+v", err, c)
	}
}
