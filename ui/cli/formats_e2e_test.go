package cli_test

import (
	"bytes"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// End-to-end, CLI level: the real binary loads a folder mixing every
// format, hostile fields and every kind of bad input; stderr names each bad
// file with a reason, stdout (plain and --json) carries no escape sequence,
// C1 control or bidi override. (The interactive screen part of the issue's
// end-to-end test runs the same folder in tmux; it lives with the UI.)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// TestMain deletes the folder the binary was built in, which a run would
// otherwise leave in the temporary folder.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// parallaxBinary builds the module's main package once per test run.
func parallaxBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		dir, err := os.MkdirTemp("", "parallax-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "parallax")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = &buildError{err, string(out)}
		}
	})
	if buildErr != nil {
		t.Fatalf("building parallax: %v", buildErr)
	}
	return binPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

const osc52 = "\x1b]52;c;ZXZpbA==\x07"

func hostileDoc(word string) string {
	return "\x1b[31m" + word + "\x1b[0m " + osc52 + "\x1b]8;;https://evil.example\x1b\\" + word + "\x1b]8;;\x1b\\ \u009b2J\u202e" + word + "\u202c"
}

func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func writeMixedFolder(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	w := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	body := " Negotiators met again on Sunday and said the talks had made real progress on the hardest questions."
	title, outlet := hostileDoc("Title"), hostileDoc("Outlet")
	w("good/page.html", `<!doctype html><html><head><title>`+title+`</title><meta property="og:site_name" content="`+outlet+`">
<link rel="canonical" href="https://ok.example/`+osc52+`x"></head><body><article><h1>`+title+`</h1><p>`+hostileDoc("body")+body+`</p>
<p>&#27;]52;c;ZXZpbA==&#7;entity`+body+`</p></article></body></html>`)
	w("good/feed.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>`+outlet+`</title><item><title>`+title+`</title>
<link>https://feed.example/1</link><description>`+hostileDoc("item")+body+`</description></item></channel></rss>`)
	w("good/atom.rss", `<feed xmlns="http://www.w3.org/2005/Atom"><title>`+outlet+`</title><entry><title>`+title+`</title><id>e1</id>
<content type="html">&lt;p&gt;`+hostileDoc("entry")+body+`&lt;/p&gt;</content></entry></feed>`)
	w("good/feed.json", `{"version": "https://jsonfeed.org/version/1.1", "title": `+jsonQuote(outlet)+`, "items": [{"id": "1", "title": `+
		jsonQuote(title)+`, "content_text": `+jsonQuote(hostileDoc("jf")+body)+`}]}`)
	w("good/note.md", "---\ntitle: "+title+"\nsource: "+outlet+"\n---\n\n"+hostileDoc("md")+body+"\n\n- "+hostileDoc("li")+"\n")
	w("good/records.jsonl", `{"title": `+jsonQuote(title)+`, "maintext": `+jsonQuote(hostileDoc("rec")+body)+`, "source_domain": "ok.example"}`+"\n"+
		`{"title": "Second", "text": `+jsonQuote("\u001b]52;c;ZXZpbA==\u0007 second record"+body)+`}`+"\n")
	w("good/story.txt", title+"\n"+outlet+"\n\n"+hostileDoc("txt")+body+"\n")
	w("good/saved.txt", "<html><body><p>A saved page in a .txt file."+body+"</p></body></html>")
	w("good/story2.txt", title+"\n"+outlet+"\n\n"+hostileDoc("txt")+body+"\n")
	w("bad/empty.txt", "")
	w("bad/blank.txt", "  \n\t\n")
	w("bad/binary.txt", "\x00\x01\x02\x03PK\x00\x00")
	w("bad/broken.json", `{"title": `)
	w("bad/broken.rss", `<rss><channel><item><title`)
	w("bad/big.txt", "Big\n\n"+strings.Repeat("x", 3<<20))
	if err := syscall.Mkfifo(filepath.Join(dir, "bad", "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "bad", "sock.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	os.Symlink("loop2.txt", filepath.Join(dir, "bad", "loop1.txt"))
	os.Symlink("loop1.txt", filepath.Join(dir, "bad", "loop2.txt"))
	os.Symlink(dir, filepath.Join(dir, "bad", "up"))
	os.Symlink("/dev/zero", filepath.Join(dir, "bad", "zero.txt"))
	want := map[string]string{
		"empty.txt": "empty file", "blank.txt": "only whitespace", "binary.txt": "binary",
		"broken.json": "malformed JSON", "broken.rss": "malformed feed", "big.txt": "too large",
		"pipe.txt": "FIFO", "sock.txt": "socket", "loop1.txt": "symbolic link", "loop2.txt": "symbolic link",
		"up": "loop", "zero.txt": "device", "story2.txt": "duplicate of",
	}
	return dir, want
}

// unsafeOutput returns the first byte sequence in out that could drive a
// terminal: ESC, other C0 controls except newline and tab, DEL, C1 controls
// (as UTF-8), bidi embeddings/overrides/isolates.
func unsafeOutput(out string) (rune, bool) {
	for _, r := range out {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
			return r, true
		case (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
			return r, true
		}
	}
	return 0, false
}

func TestCLILoadsMixedFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := parallaxBinary(t)
	dir, want := writeMixedFolder(t)

	for _, args := range [][]string{{"--max-file-size", "2MB", "list", "--json", dir}, {"--max-file-size", "2MB", "list", dir}} {
		cmd := exec.Command(bin, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\nstderr:\n%s", args, err, stderr.String())
		}
		if r, bad := unsafeOutput(stdout.String()); bad {
			t.Errorf("%v: stdout carries %U", args, r)
		}
		if r, bad := unsafeOutput(stderr.String()); bad {
			t.Errorf("%v: stderr carries %U", args, r)
		}
		if strings.Contains(stdout.String(), "ZXZpbA") {
			t.Errorf("%v: OSC 52 payload reached stdout", args)
		}
		reasons := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			if !strings.HasPrefix(line, "skipped ") {
				continue
			}
			path, reason, ok := strings.Cut(strings.TrimPrefix(line, "skipped "), ": ")
			if !ok {
				t.Errorf("malformed report line %q", line)
				continue
			}
			reasons[filepath.Base(path)] = reason
		}
		for name, w := range want {
			if !strings.Contains(reasons[name], w) {
				t.Errorf("%v: report for %s = %q, want it to mention %q\nstderr:\n%s", args, name, reasons[name], w, stderr.String())
			}
		}
		if args[3] != "--json" {
			continue
		}
		var arts []struct {
			ID, Title, Outlet, URL, Format, Path string
		}
		if err := json.Unmarshal(stdout.Bytes(), &arts); err != nil {
			t.Fatalf("list --json: %v", err)
		}
		formats := map[string]int{}
		for _, a := range arts {
			formats[a.Format]++
			if a.URL != "" && !strings.HasPrefix(a.URL, "https://") {
				t.Errorf("url %q", a.URL)
			}
		}
		for f, n := range map[string]int{"html": 2, "feed": 3, "markdown": 1, "json": 2, "text": 1} {
			if formats[f] != n {
				t.Errorf("%d %s articles, want %d (%v)", formats[f], f, n, formats)
			}
		}
	}
}

func TestCLIReadsStdin(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := parallaxBinary(t)
	cmd := exec.Command(bin, "list", "--json", "-")
	cmd.Stdin = strings.NewReader(`<rss version="2.0"><channel><title>Piped Wire</title><item><title>From stdin</title><description>Text of the piped item.</description></item></channel></rss>`)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var arts []struct{ ID, Title, Outlet, Format string }
	if err := json.Unmarshal(out, &arts); err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Title != "From stdin" || arts[0].Outlet != "Piped Wire" || arts[0].Format != "feed" || arts[0].ID != "stdin" {
		t.Fatalf("got %+v", arts)
	}
}
