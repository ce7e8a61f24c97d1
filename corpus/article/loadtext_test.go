package article

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// countingSource gives every article the same text, counting the loads,
// or fails when err is set.
type countingSource struct {
	loads atomic.Int32
	err   error
}

func (s *countingSource) LoadText(a *Article) error {
	s.loads.Add(1)
	if s.err != nil {
		return s.err
	}
	a.Blocks = []Block{{Kind: Paragraph, Text: "text of " + a.ID}}
	a.Removed = []string{"footer"}
	return nil
}

// Many goroutines asking for one article's text at once (the reader's
// background load, a pane, a search) load it once and all read it; run
// with -race.
func TestLoadTextConcurrent(t *testing.T) {
	src := &countingSource{}
	a := &Article{ID: "a"}
	a.DeferText(src, "")
	if a.HasText() {
		t.Fatal("HasText before LoadText")
	}
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := a.LoadText(); err != nil {
				t.Error(err)
				return
			}
			got[i] = a.Blocks[0].Text + "|" + a.Removed[0]
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != "text of a|footer" {
			t.Errorf("goroutine %d read %q", i, g)
		}
	}
	if n := src.loads.Load(); n != 1 {
		t.Errorf("%d loads, want 1", n)
	}
	if !a.HasText() {
		t.Error("HasText false after LoadText")
	}
}

// A failed load is final: HasText says there is nothing to wait for, and
// every LoadText returns the error without asking the source again.
func TestLoadTextFailure(t *testing.T) {
	src := &countingSource{err: errors.New("gone")}
	a := &Article{ID: "a"}
	a.DeferText(src, "")
	for range 2 {
		if err := a.LoadText(); err == nil || err.Error() != "gone" {
			t.Fatalf("LoadText = %v, want gone", err)
		}
	}
	if !a.HasText() || a.Blocks != nil || src.loads.Load() != 1 {
		t.Errorf("HasText %v, blocks %v, loads %d", a.HasText(), a.Blocks, src.loads.Load())
	}
}

// A copy made before the text was loaded loads into itself, and leaves the
// original without its text.
func TestLoadTextCopy(t *testing.T) {
	src := &countingSource{}
	a := &Article{ID: "a"}
	a.DeferText(src, "")
	c := *a
	c.ID = "c"
	if c.HasText() {
		t.Fatal("copy HasText before LoadText")
	}
	if err := c.LoadText(); err != nil || !c.HasText() || c.Blocks[0].Text != "text of c" {
		t.Fatalf("copy: %v %v %v", err, c.HasText(), c.Blocks)
	}
	if a.HasText() || a.Blocks != nil {
		t.Errorf("original changed by its copy's load: %v %v", a.HasText(), a.Blocks)
	}
	if err := a.LoadText(); err != nil || a.Blocks[0].Text != "text of a" {
		t.Errorf("original: %v %v", err, a.Blocks)
	}
}

// Text reads an article listed without its text for its caller alone:
// the article does not hold it after, each call reads it again, and once
// LoadText has put it in place Text gives that without reading. Beside
// LoadText from other goroutines it is safe (run with -race).
func TestTextIsNotKept(t *testing.T) {
	src := &countingSource{}
	a := &Article{ID: "a"}
	a.DeferText(src, "")
	for range 2 {
		blocks, removed := a.Text()
		if len(blocks) != 1 || blocks[0].Text != "text of a" || len(removed) != 1 {
			t.Fatalf("Text: %v %v", blocks, removed)
		}
	}
	if a.HasText() || a.Blocks != nil || src.loads.Load() != 2 {
		t.Fatalf("after Text: HasText %v, blocks %v, %d loads", a.HasText(), a.Blocks, src.loads.Load())
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				_ = a.LoadText()
			}
			if blocks, _ := a.Text(); len(blocks) != 1 || blocks[0].Text != "text of a" {
				t.Errorf("Text beside LoadText: %v", blocks)
			}
		}()
	}
	wg.Wait()
	before := src.loads.Load()
	if blocks, _ := a.Text(); !a.HasText() || len(blocks) != 1 || src.loads.Load() != before {
		t.Errorf("after LoadText: HasText %v, %d more loads", a.HasText(), src.loads.Load()-before)
	}
	// A text that cannot be read is nil, and nothing is kept of the failure.
	bad := &Article{ID: "b"}
	bad.DeferText(&countingSource{err: errors.New("gone")}, "")
	if blocks, removed := bad.Text(); blocks != nil || removed != nil || bad.HasText() {
		t.Errorf("failed Text: %v %v, HasText %v", blocks, removed, bad.HasText())
	}
}
