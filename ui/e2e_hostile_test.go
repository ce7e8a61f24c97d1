package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// hostile is text that would drive a terminal if it reached one: colours,
// a screen clear, a window title, a clipboard write (OSC 52), a hyperlink
// (OSC 8), an 8-bit CSI and a bidi override.
func hostile(word string) string {
	return "\x1b[31m" + word + "\x1b[0m\x1b]2;PWNED-TITLE\x07\x1b]52;c;UFdORUQtQ0xJUA==\x07" +
		"\x1b]8;;https://evil.example\x1b\\" + word + "\x1b]8;;\x1b\\\u009b2J\u202e" + word + "\u202c"
}

// TestHostileFolderInTmux opens a folder mixing every format with hostile
// fields and bad files in the real binary, in a tmux whose clipboard and
// title would record any escape sequence that got through, and reads the
// load report.
func TestHostileFolderInTmux(t *testing.T) {
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	w := func(name, content string) {
		p := filepath.Join(news, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	body := " Negotiators met again on Sunday and said the talks had made real progress."
	title := hostile("Title")
	w("story.txt", title+"\n"+hostile("Outlet")+"\n\n"+hostile("text")+body+"\n")
	w("page.html", "<!doctype html><html><head><title>"+title+"</title></head><body><article><h1>"+title+"</h1><p>"+hostile("html")+body+"</p><p>More"+body+"</p></article></body></html>")
	w("feed.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>`+hostile("Feed")+`</title><item><title>`+title+`</title><link>https://feed.example/1</link><description>`+hostile("item")+body+`</description></item></channel></rss>`)
	w("note.md", "---\ntitle: "+title+"\nsource: "+hostile("Site")+"\n---\n\n"+hostile("md")+body+"\n")
	rec, _ := json.Marshal(map[string]string{"title": "Json " + hostile("rec"), "text": hostile("Record") + " text." + body})
	w("record.json", string(rec))
	w("bad/empty.txt", "")
	w("bad/binary.txt", "\x00\x01\x02binary")
	w("bad/broken.json", `{"title": `)
	if err := syscall.Mkfifo(filepath.Join(news, "bad", "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}

	s := startReader(t, "hostile", 140, 35, dir, nil, news)
	// Let escape sequences reach tmux's clipboard and titles if any leaked.
	s.tmux("set-option", "-s", "set-clipboard", "on")
	s.tmux("set-option", "-g", "allow-rename", "on")

	s.waitFor(`5 articles`)
	s.waitFor(`4 skipped`)
	check := func(when string, words ...string) {
		t.Helper()
		screen := s.tmux("capture-pane", "-p", "-e", "-t", s.name)
		if strings.Contains(screen, "\x1b]") || strings.Contains(screen, "PWNED") || strings.Contains(screen, "evil.example") {
			t.Fatalf("%s: a hostile sequence reached the screen:\n%q", when, screen)
		}
		if title := s.tmux("display-message", "-p", "-t", s.name, "#{pane_title}"); strings.Contains(title, "PWNED") {
			t.Fatalf("%s: an article set the terminal title: %q", when, title)
		}
		if out, err := exec.Command("tmux", "-L", s.socket, "show-buffer").CombinedOutput(); err == nil && strings.Contains(string(out), "PWNED") {
			t.Fatalf("%s: an article wrote the clipboard: %q", when, out)
		}
		for _, word := range words {
			if !strings.Contains(s.screen(), word) {
				t.Fatalf("%s: the text itself must survive, without its escapes; no %q on\n%s", when, word, s.screen())
			}
		}
	}
	check("list", "TitleTitleTitle", "FeedFeedFeed")
	for i := 0; i < 5; i++ {
		s.keys("Enter")
		s.waitFor(fmt.Sprintf(`%d/5 · \d+%%`, i+1))
		check(fmt.Sprintf("article %d", i+1), "Negotiators met again")
		s.keys("Escape") // separately: ESC then j at once reads as alt+j
		s.waitFor(`by date · `)
		s.keys("j")
	}

	// The load report names every bad file with its reason.
	s.keys("!")
	report := s.waitFor(`pipe.txt`)
	for name, reason := range map[string]string{"empty.txt": "empty file", "binary.txt": "binary", "broken.json": "JSON", "pipe.txt": "FIFO"} {
		found := false
		lines := strings.Split(report, "\n")
		for i, l := range lines {
			// The path, then its reason on the same or the next line.
			if strings.Contains(l, name) && (strings.Contains(l, reason) || i+1 < len(lines) && strings.Contains(lines[i+1], reason)) {
				found = true
			}
		}
		if !found {
			t.Errorf("load report lacks %s (%s):\n%s", name, reason, report)
		}
	}
	check("load report", "Load report")
}

// TestHostileNamesInTmux opens, with --watch, a folder whose own name and
// whose files' names carry a window title, a clipboard write, an 8-bit CSI
// and a newline, then adds more such files while the reader runs: the
// header, the list, the article, the load report and the watch notices
// must show the names without their escapes.
func TestHostileNamesInTmux(t *testing.T) {
	dir := t.TempDir()
	news := filepath.Join(dir, "news\x1b]0;PWNED-DIR\x07")
	if err := os.MkdirAll(news, 0o755); err != nil {
		t.Skip("this file system refuses such names:", err)
	}
	body := "Negotiators met again on Sunday and said the talks had made real progress.\n"
	w := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(news, name), []byte(content), 0o644); err != nil {
			t.Skip("this file system refuses such names:", err)
		}
	}
	w("\x1b]0;PWNED-TITLE\x07alpha.txt", "Alpha talks\n\n"+body)
	w("\x1b]52;c;UFdORUQtQ0xJUA==\x07beta.txt", "Beta talks\n\n"+body)
	w("\u009b2Jgamma.txt", "Gamma talks\n\n"+body)
	w("x\nskipped forged: all is well.txt", "")

	s := startReader(t, "hostilenames", 120, 30, dir, nil, "--watch", news)
	s.tmux("set-option", "-s", "set-clipboard", "on")
	s.tmux("set-option", "-g", "allow-rename", "on")
	check := func(when string) {
		t.Helper()
		screen := s.tmux("capture-pane", "-p", "-e", "-t", s.name)
		if strings.Contains(screen, "\x1b]") || strings.Contains(screen, "PWNED") {
			t.Fatalf("%s: a hostile name reached the screen:\n%q", when, screen)
		}
		if title := s.tmux("display-message", "-p", "-t", s.name, "#{pane_title}"); strings.Contains(title, "PWNED") {
			t.Fatalf("%s: a file name set the terminal title: %q", when, title)
		}
		if out, err := exec.Command("tmux", "-L", s.socket, "show-buffer").CombinedOutput(); err == nil && strings.Contains(string(out), "PWNED") {
			t.Fatalf("%s: a file name wrote the clipboard: %q", when, out)
		}
		for _, l := range strings.Split(s.screen(), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "skipped forged") {
				t.Fatalf("%s: a newline in a name made a line of its own: %q", when, l)
			}
		}
	}
	s.waitFor(`3 articles`)
	s.waitFor(`news · 3 articles`) // the folder's name, cleaned, in the header
	check("list")
	s.keys("Enter")
	s.waitFor(`1/3 · \d+%`)
	check("article")
	s.keys("Escape")
	s.waitFor(`by date · `)

	// Files that arrive while the reader runs are named in the list and in
	// the watch notice.
	w("\x1b]0;PWNED-LATE\x07delta.txt", "Delta talks\n\n"+body)
	w("late\n\x1b]52;c;UFdORUQ=\x07.txt", "")
	s.waitFor(`4 articles`)
	check("after --watch added files")

	s.keys("!")
	s.waitFor(`skipped forged`)
	check("load report")
}

// TestRenderAttacksInTmux opens the render cost attacks of issue 14 in the
// real binary: a one-megabyte word, forty thousand combining marks on one
// letter and a paragraph of several megabytes. Each must show (the wait
// only bounds a broken run; before the caps the word never rendered), and
// the reader must still answer keys after leaving each.
func TestRenderAttacksInTmux(t *testing.T) {
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	os.MkdirAll(news, 0o755)
	w := func(name, content string) {
		if err := os.WriteFile(filepath.Join(news, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w("a-word.txt", "Alpha long word\n\nIt starts here "+strings.Repeat("x", 1<<20)+" and ends.\n")
	w("b-zalgo.txt", "Beta marks\n\nZ"+strings.Repeat("\u0301", 40000)+"algo text follows.\n")
	w("c-paragraph.txt", "Gamma paragraph\n\n"+strings.Repeat("Negotiators met again on Sunday. ", 5<<20/33)+"\n")

	s := startReader(t, "renderattacks", 120, 30, dir, nil, news)
	s.waitFor(`3 articles`)
	for i, title := range []string{"Alpha long word", "Beta marks", "Gamma paragraph"} {
		s.keys("Enter")
		s.waitFor(fmt.Sprintf(`%d/3 · \d+%%`, i+1))
		s.waitFor(`It starts here|algo text follows|Negotiators met again`)
		s.keys("Escape")
		s.waitFor(`by date · `)
		s.waitFor(title)
		s.keys("j")
	}
	s.keys("q")
	s.waitFor(`parallax exited with status 0`)
}
