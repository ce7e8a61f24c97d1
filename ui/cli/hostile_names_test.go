package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/ui"
)

// hostileNames are file names that would drive a terminal if printed raw:
// a window title (OSC 0), a clipboard write (OSC 52), an 8-bit CSI as
// UTF-8 and as a raw byte, and a newline that forges a report line.
var hostileNames = []string{
	"\x1b]0;PWNED-TITLE\x07talks.txt",
	"\x1b]52;c;UFdORUQtQ0xJUA==\x07talks-b.txt",
	"\u009b2Jtalks-c.txt",
	"\x9b2Jtalks-d.txt",
	"x\nskipped forged: all is well.txt",
}

// writeHostileFolder writes four versions of one story under hostile names,
// and an empty file, skipped, under a name holding a newline.
func writeHostileFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "news\x1b]0;PWNED-DIR\x07")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Skip("this file system refuses such names:", err)
	}
	body := "Envoys from both countries met again in Geneva on Sunday. The negotiators said the talks on the ceasefire had made real progress and would resume on Monday, a spokesman for the foreign ministry told reporters."
	for i, name := range hostileNames[:4] {
		text := "Envoys report progress in Geneva talks\n\n" + body + strings.Repeat(" More.", i) + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Skip("this file system refuses such names:", err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, hostileNames[4]), nil, 0o644); err != nil {
		t.Skip("this file system refuses such names:", err)
	}
	return dir
}

// assertTerminalSafe fails if out holds anything that acts on a terminal
// or a forged line.
func assertTerminalSafe(t *testing.T, what, out string) {
	t.Helper()
	for _, bad := range []string{"\x1b", "\x07", "\u009b", "\x9b", "PWNED"} {
		if strings.Contains(out, bad) {
			t.Errorf("%s: output holds %q:\n%q", what, bad, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "skipped forged") {
			t.Errorf("%s: a file name forged a line: %q", what, l)
		}
	}
}

func TestHostileFileNamesNeverReachTheTerminal(t *testing.T) {
	dir := writeHostileFolder(t)
	cache := t.TempDir()
	for _, args := range [][]string{
		{"list", dir},
		{"search", "negotiators", dir},
		{"stories", "--all", dir},
		{"compare", "talks", "talks-b", dir},
		{"coverage", "talks", dir},
		{"show", "talks-", dir}, // ambiguous: the error lists the IDs
		{"list", filepath.Join(dir, "nosuch\x1b]0;PWNED\x07")},
	} {
		var out, errb bytes.Buffer
		env := Env{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			RunUI:      func(ui.Config) error { t.Fatal("the reader must not start in tests"); return nil },
			ConfigPath: filepath.Join(t.TempDir(), "config.toml"), CacheDir: cache,
		}
		code := Main(args, env)
		what := strings.Join(args[:len(args)-1], " ")
		t.Logf("%s: exit %d, %d bytes out, %d bytes err", what, code, out.Len(), errb.Len())
		assertTerminalSafe(t, what+" (stdout)", out.String())
		assertTerminalSafe(t, what+" (stderr)", errb.String())
		if args[0] == "list" && code == 0 && !strings.Contains(errb.String(), "x skipped forged: all is well.txt: empty file") {
			t.Errorf("the skipped file must still be named (cleaned): %q", errb.String())
		}
	}
}
