package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
)

// progressDelay is how long loading may take before the progress bar shows;
// shorter loads finish without it ever flashing on screen.
const progressDelay = 300 * time.Millisecond

// loadBatchMsg carries one batch of the corpus being loaded. gen tells
// batches of an abandoned load (a reload) from current ones.
type loadBatchMsg struct {
	gen     uint64
	items   []*item
	skipped []corpus.Skipped
	read    int
	total   int
	done    bool
	// fresh: the batch's articles from files read afresh, not served
	// from the store of parsed files (what an index snapshot lacks).
	fresh []*corpus.Article
	// trusted: the store served the files on the word of its folder
	// record, unchecked (freshcheck.go checks them afterwards).
	trusted bool
	notices []string // e.g. a discarded cache
	// opened is the store, delivered before its first batch, and then
	// nothing else: its index is the one the batches are handed to.
	opened store.Store
	next   tea.Cmd // waits for the following batch
}

// showProgressMsg says the load has taken long enough to show progress.
type showProgressMsg struct{ gen uint64 }

// loadState is what the frame knows about loading.
type loadState struct {
	gen          uint64
	loading      bool
	showProgress bool
	read, total  int
	skipped      []corpus.Skipped
	// freshPending: the files listed were not checked one by one; the
	// check runs once the texts are in (freshcheck.go).
	freshPending bool
	// freshRunning: the check runs (freshCheckedMsg ends it).
	freshRunning bool
	// settled: the start's work has ended and its garbage was given back
	// (settle.go), once.
	settled bool
	// endStartGC ends the start's relaxed collection (gcbudget.go) when
	// it settles; nil when none was begun (tests).
	endStartGC func()
	// endLoadGC ends the load's relaxed collection when the list is
	// whole (gcbudget.go).
	endLoadGC func()
}

// startLoad opens src's store (corpus/store) in a goroutine and returns the
// command that delivers its first batch; each batch message carries the
// command for the next. Loading stops when ctx is cancelled.
//
// Articles the store serves come without their texts (ListOnly): the list
// needs none, the search opens its snapshot from what is listed, and the
// texts follow in the background (textload.go).
func startLoad(ctx context.Context, gen uint64, open func(context.Context, corpus.Source, store.Options) (store.Store, error), src corpus.Source, opt corpus.Options) tea.Cmd {
	opt.ListOnly = true
	// One stat a folder instead of one a file when no folder changed;
	// a file rewritten in place is found by the check that follows.
	opt.TrustFolders = true
	ch := make(chan loadBatchMsg, 1)
	go func() {
		defer close(ch)
		// The load's batches are made into items (read-mark keys, sort
		// keys) by a goroutine of their own, in order: made in the
		// callback, they held up the load's collector, which also waited
		// there while the update loop took the previous batch.
		batches, made := make(chan corpus.Batch, 4), make(chan struct{})
		go func() {
			defer close(made)
			for b := range batches {
				msg := loadBatchMsg{gen: gen, skipped: b.Skipped, read: b.Read, total: b.Total, done: b.Done, fresh: b.Fresh, trusted: b.Trusted, notices: b.Notices}
				msg.items = make([]*item, len(b.Articles))
				for i, a := range b.Articles {
					msg.items[i] = newItem(a) // hashing for read marks happens here, off the update loop
				}
				select {
				case ch <- msg:
				case <-ctx.Done():
				}
			}
		}()
		// The store is handed over before the first batch (Options.Opened),
		// so its message is in ch before any batch's.
		opened := func(st store.Store) {
			select {
			case ch <- loadBatchMsg{gen: gen, opened: st}:
			case <-ctx.Done():
			}
		}
		_, _ = open(ctx, src, store.Options{Options: opt, Opened: opened, Progress: func(b corpus.Batch) {
			select {
			case batches <- b:
			case <-ctx.Done():
			}
		}})
		close(batches)
		<-made
	}()
	return waitBatch(ch)
}

func waitBatch(ch <-chan loadBatchMsg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		if !msg.done {
			msg.next = waitBatch(ch)
		}
		return msg
	}
}
