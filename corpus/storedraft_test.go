package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A load cancelled while files are being parsed publishes nothing and
// leaves no draft segment behind: the texts already written for the next
// segment (segStore.placeMade) are removed once the workers stop.
func TestCancelledLoadLeavesNoDraftSegment(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 800; i++ {
		body := fmt.Sprintf("Report number %d on the harvest\n\n%s", i, strings.Repeat(fmt.Sprintf("Farmers in district %d said the rains came late this year. ", i), 20))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cache := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	parsed := 0
	Stream(ctx, Source{Paths: []string{dir}}, Options{CacheDir: cache, BatchInterval: time.Millisecond}, func(b Batch) {
		parsed += len(b.Articles)
		if parsed > 0 {
			cancel()
		}
		if b.Done {
			t.Fatal("the load was not cancelled before its end")
		}
	})
	if parsed == 0 {
		t.Fatal("no batch before the cancel")
	}
	// Stream returns at once; the draft goes when the workers have
	// stopped, which is soon: wait for it, then look.
	var left []string
	for wait := 0; wait < 500; wait++ {
		left = nil
		entries, _ := os.ReadDir(cache)
		for _, e := range entries {
			left = append(left, e.Name())
		}
		if len(left) == 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("a cancelled load left in the store's folder: %v", left)
}
