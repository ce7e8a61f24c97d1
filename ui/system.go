package ui

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// system is what Parallax asks of the world outside its own screen: the
// clipboard, the browser, the editor. Tests replace every part.
type system struct {
	// copy puts text on the terminal's clipboard.
	copy func(text string) error
	// opener returns the command that opens an http(s) url in the browser,
	// or an error saying why there is none.
	opener func(url string) (*exec.Cmd, error)
	// start runs a background command (the opener) without the terminal.
	start func(c *exec.Cmd) error
	// editor returns the command that opens path in the user's editor.
	editor func(path string) (*exec.Cmd, error)
	// exec hands the terminal to c until it exits (tea.ExecProcess).
	exec func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd
	// tempDir is where the read-only copy for the editor is written; "" is
	// the system default.
	tempDir string
}

func defaultSystem(out io.Writer) system {
	return system{
		copy:   func(text string) error { return writeOSC52(out, text) },
		opener: systemOpener,
		start:  startDetached,
		editor: editorCommand,
		exec:   tea.ExecProcess,
	}
}

// maxClipboardBytes bounds what y sends: some terminals drop (or choke on)
// larger OSC 52 payloads.
const maxClipboardBytes = 512 << 10

var errTooLongToCopy = errors.New("too long for the terminal clipboard")

// osc52 is the escape sequence asking the terminal to set its clipboard to
// text. The text is base64-encoded, so nothing in it can act as a control
// sequence.
func osc52(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"
}

// writeOSC52 sends the clipboard sequence in one write, so that it never
// interleaves with a frame the renderer is writing.
func writeOSC52(out io.Writer, text string) error {
	if len(text) > maxClipboardBytes {
		return errTooLongToCopy
	}
	_, err := io.WriteString(out, osc52(text))
	return err
}

// webURL returns u when it is an absolute http or https url, else an error
// saying why it cannot be opened.
func webURL(u string) (string, error) {
	if u == "" {
		return "", errors.New("this article has no url")
	}
	p, err := url.Parse(u)
	if err == nil && p.Scheme != "" && !strings.EqualFold(p.Scheme, "http") && !strings.EqualFold(p.Scheme, "https") {
		return "", fmt.Errorf("only http and https urls are opened, not %s:", p.Scheme)
	}
	if err != nil || p.Scheme == "" || p.Host == "" {
		return "", fmt.Errorf("not a web address: %s", u)
	}
	return u, nil
}

// systemOpener is the platform's "open this url" command. The url is one
// argument of its own; no shell is involved.
func systemOpener(u string) (*exec.Cmd, error) {
	var name string
	var args []string
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler"}
	default:
		name = "xdg-open"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, fmt.Errorf("cannot open urls: %s was not found", name)
	}
	return exec.Command(path, append(args, u)...), nil
}

// startDetached starts c with no terminal attached (a chatty browser must
// not scribble over the screen) and reaps it when it ends.
func startDetached(c *exec.Cmd) error {
	c.Stdin, c.Stdout, c.Stderr = nil, nil, nil
	if err := c.Start(); err != nil {
		return err
	}
	go c.Wait()
	return nil
}

// editorCommand opens path in $EDITOR, else $VISUAL, else vi. The variable
// may hold arguments ("code --wait"); they are split at spaces, not by a
// shell.
func editorCommand(path string) (*exec.Cmd, error) {
	ed := strings.TrimSpace(os.Getenv("EDITOR"))
	if ed == "" {
		ed = strings.TrimSpace(os.Getenv("VISUAL"))
	}
	if ed == "" {
		ed = "vi"
	}
	f := strings.Fields(ed)
	bin, err := exec.LookPath(f[0])
	if err != nil {
		return nil, fmt.Errorf("cannot open the editor: %s was not found (set $EDITOR)", f[0])
	}
	return exec.Command(bin, append(f[1:], path)...), nil
}

// writeReadOnlyCopy writes text for the editor to article.md in a new
// private folder in dir (0700, from os.MkdirTemp): the copy is read-only to
// its owner (0400) so that it is not saved over by mistake, nobody else can
// read it, and its name tells nothing about the article. The corpus itself
// is never touched.
func writeReadOnlyCopy(dir, text string) (string, error) {
	priv, err := os.MkdirTemp(dir, "parallax-edit-")
	if err != nil {
		return "", err
	}
	name := filepath.Join(priv, "article.md")
	err = os.WriteFile(name, []byte(text), 0o600)
	if err == nil {
		err = os.Chmod(name, 0o400)
	}
	if err != nil {
		os.RemoveAll(priv)
		return "", err
	}
	return name, nil
}

// removeCopy deletes the editor's copy and its private folder (the copy
// made writable first, which some systems need before removing it).
func removeCopy(path string) error {
	os.Chmod(path, 0o600)
	return os.RemoveAll(filepath.Dir(path))
}
