package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stories stores the grouping and reads it back the next time, with the
// same output; --no-cache neither reads nor writes one; an added file
// joins the stored grouping, and the output follows the files.
func TestStoriesStoredGrouping(t *testing.T) {
	dir := t.TempDir()
	write := func(i int, body string) {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(fmt.Sprintf("Geneva ceasefire talks report %d\n\n%s", i, body)), 0o644)
	}
	for i, body := range []string{
		"The ceasefire talks between Armenia and Azerbaijan resumed in Geneva on Monday, envoys said.",
		"Envoys from Armenia and Azerbaijan met in Geneva on Monday as ceasefire talks resumed.",
		"Markets rose after the harvest report from Kansas wheat farmers.",
	} {
		write(i, body)
	}
	cache := t.TempDir()
	stories := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, ConfigPath: filepath.Join(dir, "none.toml"), CacheDir: cache, StoryEditsPath: filepath.Join(dir, "edits.json")}
		if code := Main(args, env); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	stored := func() []string {
		files, _ := filepath.Glob(filepath.Join(cache, "stories-*.cache"))
		return files
	}
	stories("--no-cache", "stories", "--all", dir)
	if s := stored(); len(s) != 0 {
		t.Fatalf("--no-cache stored a grouping: %v", s)
	}
	first := stories("stories", "--all", dir)
	if s := stored(); len(s) != 1 {
		t.Fatalf("no grouping stored: %v", s)
	}
	if again := stories("stories", "--all", dir); again != first {
		t.Errorf("read back:\n%s\nwant:\n%s", again, first)
	}
	write(3, "Ceasefire talks between Armenia and Azerbaijan in Geneva went on into Tuesday, envoys said.")
	got, fresh := stories("stories", "--all", dir), stories("--no-cache", "stories", "--all", dir)
	if !strings.Contains(got, "report 3") || got != fresh {
		t.Errorf("with a file added:\n%s\nwant, as grouped afresh:\n%s", got, fresh)
	}
}
