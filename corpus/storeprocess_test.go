//go:build unix

package corpus

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests run the store in other processes (this test binary run
// again as TestStoreHelperProcess): two writers at once, and a writer
// killed at points spread over its save.

const helperEnv = "PARALLAX_STORE_HELPER"

// TestStoreHelperProcess is not a test: run by storeProcess, it opens
// $PARALLAX_STORE_HELPER_DIR with the store in $PARALLAX_STORE_HELPER_CACHE
// and exits; its standard output is the notices and the files served from
// the store.
func TestStoreHelperProcess(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("run by other tests")
	}
	var notices []string
	cached := 0
	Stream(context.Background(), Source{Paths: []string{os.Getenv(helperEnv + "_DIR")}}, Options{CacheDir: os.Getenv(helperEnv + "_CACHE")}, func(b Batch) {
		notices = append(notices, b.Notices...)
		cached = b.Cached
	})
	fmt.Printf("cached %d notices %q\n", cached, notices)
	os.Exit(0)
}

func storeProcess(dir, cacheDir string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestStoreHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"=1", helperEnv+"_DIR="+dir, helperEnv+"_CACHE="+cacheDir)
	return cmd
}

// Two processes opening and saving one store at once, over several
// rounds of changes, leave a store that opens without damage and reads
// as the files do.
func TestStoreConcurrentWriters(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 40)
	for round := 0; round < 6; round++ {
		// Each round changes what the writers find, so both have
		// something to save: a new file, and a removed one.
		writeFile(t, filepath.Join(dir, fmt.Sprintf("round%d.txt", round)), fmt.Sprintf("Round %d Headline\n\nRound %d body.\n", round, round))
		os.Remove(filepath.Join(dir, fmt.Sprintf("d%d", round%3), fmt.Sprintf("a%03d.txt", round)))
		var wg sync.WaitGroup
		out := make([]string, 2)
		for w := range out {
			wg.Add(1)
			go func() {
				defer wg.Done()
				b, err := storeProcess(dir, cacheDir).Output()
				out[w] = string(b)
				if err != nil {
					out[w] += err.Error()
				}
			}()
		}
		wg.Wait()
		for _, o := range out {
			if !strings.HasPrefix(o, "cached ") || !strings.Contains(o, "notices []") {
				t.Fatalf("round %d: a writer said %q", round, o)
			}
		}
		c, b := loadWithCache(t, dir, cacheDir)
		if len(b.Notices) != 0 {
			t.Fatalf("round %d: notices %q", round, b.Notices)
		}
		if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: the store and the files differ", round)
		}
		if _, b := loadWithCache(t, dir, cacheDir); b.Cached != b.Read {
			t.Fatalf("round %d: %d of %d files served after the writers", round, b.Cached, b.Read)
		}
	}
}

// copyDir copies the files of one folder into another.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, _ := os.ReadDir(from)
	for _, e := range entries {
		src, _ := os.Open(filepath.Join(from, e.Name()))
		dst, err := os.Create(filepath.Join(to, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(dst, src)
		src.Close()
		dst.Close()
	}
}

// A writer killed at any point of its save leaves the store as it was
// before or as the writer would have published it, never damaged.
func TestStoreKillMidPublish(t *testing.T) {
	if testing.Short() {
		t.Skip("runs many processes")
	}
	dir, base := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 20)
	loadWithCache(t, dir, base)
	old, err := readManifest(openStore(base, []string{dir}, false).manifest, absRoots(dir))
	oldNames := old.names
	if err != nil {
		t.Fatal(err)
	}
	// Enough new text that the save takes a while to write.
	for i := 0; i < 150; i++ {
		writeFile(t, filepath.Join(dir, "new", fmt.Sprintf("n%03d.txt", i)), fmt.Sprintf("New Headline %d\n\n%s\n", i, strings.Repeat(fmt.Sprintf("Sentence %d of a long new article. ", i), 300)))
	}
	want := oracle(t, dir)

	// How long a whole run takes, to spread the kills over it.
	whole := t.TempDir()
	copyDir(t, base, whole)
	start := time.Now()
	if out, err := storeProcess(dir, whole).Output(); err != nil {
		t.Fatalf("uninterrupted writer: %v %s", err, out)
	}
	span := time.Since(start)

	// Kills spread over the whole run, then two that wait for a moment of
	// the save: a segment being written, and one written but not yet named
	// by the manifest.
	const kills = 12
	moments := map[int]func(names []string) bool{
		kills: func(names []string) bool {
			return slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, ".store-") && strings.Contains(n, ".seg.tmp-") })
		},
		kills + 1: func(names []string) bool {
			return slices.ContainsFunc(names, func(n string) bool {
				return strings.HasPrefix(n, "store-") && strings.HasSuffix(n, segmentExt) && !slices.Contains(oldNames, n)
			})
		},
	}
	kept, published := 0, 0
	for k := 0; k < kills+len(moments); k++ {
		cacheDir := t.TempDir()
		copyDir(t, base, cacheDir)
		cmd := storeProcess(dir, cacheDir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if moment := moments[k]; moment != nil {
			exited := make(chan struct{})
			go func() { cmd.Wait(); close(exited) }()
			for waiting := true; waiting; {
				select {
				case <-exited:
					t.Logf("kill %d: the writer ended before the moment came", k)
					waiting = false
				default:
					entries, _ := os.ReadDir(cacheDir)
					var names []string
					for _, e := range entries {
						names = append(names, e.Name())
					}
					if moment(names) {
						cmd.Process.Signal(syscall.SIGKILL)
						<-exited
						waiting = false
					}
				}
			}
		} else {
			time.Sleep(span * time.Duration(k) / kills)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
		}

		s := openStore(cacheDir, []string{dir}, false)
		if s.Notice != "" || s.rebuild {
			t.Fatalf("kill %d: the store opened damaged: %q", k, s.Notice)
		}
		m, err := readManifest(s.manifest, absRoots(dir))
		names := m.names
		if err != nil {
			t.Fatalf("kill %d: manifest: %v", k, err)
		}
		switch {
		case reflect.DeepEqual(names, oldNames):
			kept++
		case len(names) == len(oldNames)+1:
			published++
		default:
			t.Errorf("kill %d: segments %v, want the old %v or one more", k, names, oldNames)
		}
		c, b := loadWithCache(t, dir, cacheDir)
		if len(b.Notices) != 0 {
			t.Errorf("kill %d: notices %q", k, b.Notices)
		}
		if got := fullSnapshot(c); !reflect.DeepEqual(got, want) {
			t.Errorf("kill %d: the store and the files differ", k)
		}
	}
	// Where the kills fell (timing decides; not asserted).
	t.Logf("%d kills left the old store, %d came after the new one was published", kept, published)
}

func absRoots(dir string) []string {
	abs, _ := filepath.Abs(dir)
	return []string{abs}
}
