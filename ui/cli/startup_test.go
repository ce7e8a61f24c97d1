package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// A warm one-shot search answers from the store and the snapshot without
// parsing a file, so it must not compile the parsers' regular expressions
// (lazyre: compiled on first use, not at start-up). The warm search runs in
// a process of its own, this test binary run again, where nothing has been
// compiled before it.
func TestWarmSearchCompilesNoParserRegexp(t *testing.T) {
	const child = "PARALLAX_TEST_WARM_SEARCH"
	search := func(dir, cache string) (string, error) {
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, ConfigPath: filepath.Join(cache, "none.toml"), CacheDir: cache}
		if code := Main([]string{"search", "ceasefire", dir}, env); code != 0 {
			return "", fmt.Errorf("exit %d: %s", code, errb.String())
		}
		return out.String(), nil
	}
	if v := os.Getenv(child); v != "" {
		dir, cache, _ := strings.Cut(v, string(os.PathListSeparator))
		out, err := search(dir, cache)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("compiled=%d\n%s", lazyre.Compiled(), out)
		return
	}
	dir, cache := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.html"), []byte("<html><head><title>Ceasefire talks resume in Geneva</title></head><body><article><p>By Ann Reporter</p><p>The ceasefire talks resumed in Geneva on Monday, officials said.</p></article></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("---\ntitle: Envoys meet\n---\n\n## Overnight\n\nEnvoys said the *ceasefire* held overnight.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Markets rise\n\nMarkets rose after the harvest report.\n"), 0o644)
	before := lazyre.Compiled()
	cold, err := search(dir, cache) // parses every file, writes the store and the snapshot
	if err != nil {
		t.Fatal(err)
	}
	if lazyre.Compiled() == before {
		t.Fatal("parsing the files compiled no expression: the check below would prove nothing")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWarmSearchCompilesNoParserRegexp$")
	cmd.Env = append(os.Environ(), child+"="+dir+string(os.PathListSeparator)+cache)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.HasPrefix(string(out), "compiled=0\n") || !strings.Contains(string(out), cold) {
		t.Fatalf("warm search in its own process printed\n%s\nwant compiled=0 and the cold answer\n%s", out, cold)
	}
}
