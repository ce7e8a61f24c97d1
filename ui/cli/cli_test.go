package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/ui"
)

// run executes the command line against the seeds and returns the exit
// code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Seeds:      os.DirFS(filepath.Join("..", "..", "seeds")),
		RunUI:      func(ui.Config) error { t.Fatal("the reader must not start in tests"); return nil },
		ConfigPath: filepath.Join(t.TempDir(), "config.toml"),
		CacheDir:   t.TempDir(),
		// The developer's own story edits must not change what tests see.
		StoryEditsPath: filepath.Join(t.TempDir(), "story-edits.json"),
	}
	code := Main(args, env)
	return code, out.String(), errb.String()
}

func TestListPlain(t *testing.T) {
	code, out, _ := run(t, "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d lines:\n%s", len(lines), out)
	}
	if !strings.HasPrefix(lines[0], "1  2025-12-01  global.espreso.tv") || !strings.Contains(lines[0], "U.S. diplomacy faces") {
		t.Errorf("first line = %q", lines[0])
	}
	if !strings.Contains(lines[2], "unknown source") || !strings.Contains(lines[2], "† Negotiations surrounding") {
		t.Errorf("derived/unknown line = %q", lines[2])
	}
}

func TestNoCommandNotTerminalIsList(t *testing.T) {
	_, list, _ := run(t, "list")
	code, out, _ := run(t)
	if code != 0 || out != list {
		t.Errorf("bare parallax without a terminal should print the list; got %d\n%s", code, out)
	}
}

func TestListJSON(t *testing.T) {
	code, out, _ := run(t, "list", "--json")
	if code != 0 {
		t.Fatal(code)
	}
	var arts []map[string]any
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		t.Fatal(err)
	}
	if len(arts) != 5 {
		t.Fatalf("%d articles", len(arts))
	}
	for _, key := range []string{"id", "title", "title_derived", "outlet", "via", "dateline", "published", "words", "headings", "path"} {
		if _, ok := arts[0][key]; !ok {
			t.Errorf("missing key %q", key)
		}
	}
	if arts[0]["published"] != "2025-12-01T13:37:00+02:00" || arts[1]["published"] != nil {
		t.Errorf("published: %v / %v", arts[0]["published"], arts[1]["published"])
	}
	if arts[0]["id"] != "000_b8494e57d3896bdc" || arts[0]["via"] != "CNN" {
		t.Errorf("first: %v", arts[0])
	}
}

func TestShow(t *testing.T) {
	code, out, _ := run(t, "show", "003")
	if code != 0 {
		t.Fatal(code)
	}
	if !strings.HasPrefix(out, "# U.S. and Ukraine Report “Tangible Progress”") {
		t.Errorf("show output starts %q", out[:60])
	}
	for _, want := range []string{"*Dawat Media Center · HALLANDALE, Florida · ", "## Cautious Optimism from Negotiators", "- The final status of the occupied territories"} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q", want)
		}
	}
	if strings.Contains(out, "Vipps") {
		t.Error("boilerplate in show output")
	}
	// Flags may follow the reference; a position works too.
	code, out, _ = run(t, "show", "4", "--json")
	var a map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &a) != nil {
		t.Fatalf("show --json: %d %s", code, out)
	}
	if a["id"] != "003_b765f57e1c3a59da" {
		t.Errorf("position 4 = %v", a["id"])
	}
	blocks, _ := a["blocks"].([]any)
	removed, _ := a["removed"].([]any)
	if len(blocks) == 0 || len(removed) == 0 {
		t.Errorf("blocks %d removed %d", len(blocks), len(removed))
	}
	first := blocks[0].(map[string]any)
	if first["kind"] != "paragraph" || first["text"] == "" {
		t.Errorf("first block %v", first)
	}
}

func TestErrors(t *testing.T) {
	code, _, errOut := run(t, "show", "0")
	if code != 1 || !strings.Contains(errOut, "ambiguous") || !strings.Contains(errOut, "000_b8494e57d3896bdc") {
		t.Errorf("ambiguous ref: %d %q", code, errOut)
	}
	code, _, errOut = run(t, "show", "nope")
	if code != 1 || !strings.Contains(errOut, `no article matches "nope"`) {
		t.Errorf("unknown ref: %d %q", code, errOut)
	}
	code, _, errOut = run(t, "list", "--bogus")
	if code != 2 || !strings.Contains(errOut, "usage: parallax list") {
		t.Errorf("bad flag: %d %q", code, errOut)
	}
	code, _, errOut = run(t, "show")
	if code != 2 || !strings.Contains(errOut, "usage: parallax show") {
		t.Errorf("missing ref: %d %q", code, errOut)
	}
	dir := t.TempDir()
	code, _, errOut = run(t, "list", dir)
	if code != 1 || !strings.Contains(errOut, "no articles found") {
		t.Errorf("empty dir: %d %q", code, errOut)
	}
	os.WriteFile(filepath.Join(dir, "bad.bin"), []byte{0, 1, 2, 3}, 0o644)
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("A Fine Headline Here\n\nBody text."), 0o644)
	code, out, errOut := run(t, "list", dir)
	if code != 0 || !strings.Contains(errOut, "skipped "+filepath.Join(dir, "bad.bin")+": binary file") || !strings.Contains(out, "A Fine Headline Here") {
		t.Errorf("skip report: %d %q %q", code, out, errOut)
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := run(t, "help")
	if code != 0 || !strings.Contains(out, "Commands:") || !strings.Contains(out, "show") {
		t.Errorf("help: %d %s", code, out)
	}
	code, out, _ = run(t, "help", "show")
	if code != 0 || !strings.Contains(out, "usage: parallax show") || !strings.Contains(out, "--json") {
		t.Errorf("help show: %d %s", code, out)
	}
	code, _, _ = run(t, "--max-file-size", "nonsense", "list")
	if code != 2 {
		t.Errorf("bad size: %d", code)
	}
}

func TestPrintConfig(t *testing.T) {
	code, out, _ := run(t, "--max-file-size", "1MB", "--print-config")
	if code != 0 || !strings.Contains(out, `max_file_size = "1MB"`) || !strings.Contains(out, `sort = "date"`) || !strings.Contains(out, "# store of parsed files") || !strings.Contains(out, "in 0 files") {
		t.Errorf("print-config: %d\n%s", code, out)
	}
}

func TestConfigFileApplies(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("max_file_size = 100\nsort = \"nope\"\n"), 0o644)
	news := filepath.Join(dir, "news")
	os.Mkdir(news, 0o755)
	os.WriteFile(filepath.Join(news, "big.txt"), []byte("A Fine Headline Here\n\n"+strings.Repeat("Body text. ", 30)), 0o644)
	var out, errb bytes.Buffer
	code := Main([]string{"list", news}, Env{Stdout: &out, Stderr: &errb, ConfigPath: cfg, CacheDir: t.TempDir()})
	if code != 1 || !strings.Contains(errb.String(), "too large") || !strings.Contains(errb.String(), cfg+":2: sort must be one of") {
		t.Errorf("config not applied or problem not reported: %d %q", code, errb.String())
	}
}

func TestShowFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "story.txt")
	os.WriteFile(p, []byte("A Fine Headline Here\n\nBody text."), 0o644)
	code, out, _ := run(t, "show", p)
	if code != 0 || !strings.HasPrefix(out, "# A Fine Headline Here") {
		t.Errorf("show FILE: %d %q", code, out)
	}
}

func TestCacheUsedAndBypassed(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("A Fine Headline Here\n\nBody text."), 0o644)
	cache := t.TempDir()
	env := func(out, errb *bytes.Buffer) Env {
		return Env{Stdout: out, Stderr: errb, ConfigPath: filepath.Join(dir, "none.toml"), CacheDir: cache}
	}
	var out, errb bytes.Buffer
	if code := Main([]string{"--no-cache", "list", dir}, env(&out, &errb)); code != 0 {
		t.Fatal(code, errb.String())
	}
	if files, _ := filepath.Glob(filepath.Join(cache, "*.cache")); len(files) != 0 {
		t.Errorf("--no-cache wrote a cache: %v", files)
	}
	if code := Main([]string{"list", dir}, env(&out, &errb)); code != 0 {
		t.Fatal(code)
	}
	if files, _ := filepath.Glob(filepath.Join(cache, "*.cache")); len(files) != 1 {
		t.Errorf("no cache written: %v", files)
	}
}

// search saves the index as a snapshot and answers from it the next time,
// with the same output; --no-cache neither reads nor writes one; a changed
// file makes the snapshot stale, and the answer follows the file.
func TestSearchIndexSnapshot(t *testing.T) {
	dir := t.TempDir()
	for i, body := range []string{"The ceasefire talks resumed in Geneva on Monday.", "Envoys said the ceasefire held overnight.", "Markets rose after the harvest report."} {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(fmt.Sprintf("Headline number %d here\n\n%s", i, body)), 0o644)
	}
	cache := t.TempDir()
	search := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, ConfigPath: filepath.Join(dir, "none.toml"), CacheDir: cache}
		if code := Main(append([]string{}, args...), env); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	snapshots := func() []string {
		files, _ := filepath.Glob(filepath.Join(cache, "index-*.cache"))
		return files
	}
	search("--no-cache", "search", "ceasefire", dir)
	if s := snapshots(); len(s) != 0 {
		t.Fatalf("--no-cache wrote a snapshot: %v", s)
	}
	first := search("search", "ceasefire", dir)
	s := snapshots()
	if len(s) != 1 || strings.Count(first, "Headline number") != 2 {
		t.Fatalf("first search: snapshots %v, output %q", s, first)
	}
	before, _ := os.Stat(s[0])
	if again := search("search", "ceasefire", dir); again != first {
		t.Fatalf("answer from the snapshot differs:\n%s\nwant\n%s", again, first)
	}
	if after, _ := os.Stat(s[0]); !os.SameFile(before, after) {
		t.Fatal("the snapshot was written again although it applied")
	}
	os.WriteFile(filepath.Join(dir, "a2.txt"), []byte("Headline number 2 here\n\nA third ceasefire report, now."), 0o644)
	future := time.Now().Add(time.Minute)
	os.Chtimes(filepath.Join(dir, "a2.txt"), future, future)
	if got := search("search", "ceasefire", dir); strings.Count(got, "Headline number") != 3 {
		t.Fatalf("after a change the search missed the changed file:\n%s", got)
	}
}

// list lists from the store without text, list --json reads each
// article's text for its headings, show and compare read their articles':
// cold (the texts read back from the store being saved, or from the files)
// and warm, each prints what reading every file prints.
func TestListFromStoreMatchesFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: A Fine Headline\nsource: Example News\n---\n\n## A heading\n\nBody text."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Another Headline Here\n\nMore body text."), 0o644)
	var cache string
	list := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, ConfigPath: filepath.Join(dir, "none.toml"), CacheDir: cache}
		if code := Main(args, env); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	for _, args := range [][]string{{"list", dir}, {"list", "--json", dir}, {"show", "2", dir}, {"show", "--json", "a", dir}, {"compare", "1", "2", dir}, {"compare", "--json", "1", "2", dir}} {
		cache = t.TempDir()
		want := list(append([]string{"--no-cache"}, args...)...)
		if got := list(args...); got != want { // stores the files
			t.Errorf("%v cold:\n%s\nwant\n%s", args, got, want)
		}
		if got := list(args...); got != want {
			t.Errorf("%v from the store:\n%s\nwant\n%s", args, got, want)
		}
	}
	if !strings.Contains(list("list", "--json", dir), `"A heading"`) {
		t.Error("list --json from the store lost the headings")
	}
}
