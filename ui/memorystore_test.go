package ui

import (
	"context"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
)

// The reader serves a store other than the one on files (here the store in
// memory) with nothing else changed: its list, its search and its stories
// come through the Store interface alone.
func TestReaderOnAnotherStore(t *testing.T) {
	arts := searchArticles()
	opened := 0
	open := func(ctx context.Context, _ corpus.Source, opt store.Options) (store.Store, error) {
		opened++
		return store.OpenMemory(ctx, arts, opt)
	}
	hs := startHarness(t, Config{Open: open}, 80, 24)
	if opened < 2 || len(hs.m.list.all) != len(arts) {
		t.Fatalf("stores opened %d, %d articles listed, want %d", opened, len(hs.m.list.all), len(arts))
	}
	hs.press("/")
	hs.requireContains("type to search 6 articles")
	hs.typeText("envoy")
	hs.requireTotal("envoy", 2)
	hs.press("esc")
	hs.press("z")
	if hs.m.sh.lib.Stories() == nil || !hs.m.list.grouping() {
		t.Fatal("no stories from the store in memory")
	}
}
