package corpus

import (
	"errors"
	"sync"
	"sync/atomic"

	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// textBlock is how much of a segment's texts is gathered before it is
// written, in one write, by the writer's goroutine.
const textBlock = 1 << 20

// textBlocks is the number of blocks a segment writer holds: one being
// filled while the others are written, so that a slow disk holds up the
// parsers only when it falls that far behind.
const textBlocks = 3

// blockWriter writes the first part of a file (a segment's texts) in
// whole blocks, from a goroutine of its own: the caller copies bytes into
// the block being filled, and a full block is written while the next
// fills. Where the file system allows, the blocks bypass the page cache
// (userfiles.AtomicFile.BypassCache): a segment's texts are hundreds of
// megabytes that nothing reads soon, and the pages they would take are
// what made writing them cost as much as parsing a fifth of the files.
// Not safe for concurrent use: the segment writer's lock guards it.
type blockWriter struct {
	f      *userfiles.AtomicFile
	fill   []byte // the block being filled
	at     int64  // where fill goes in the file
	full   chan placedBlock
	free   chan []byte
	done   chan struct{}
	failed atomic.Bool // err is set: stop filling
	err    error       // the goroutine's first error; read after done
	stop   sync.Once
	// direct: blocks bypass the page cache (the goroutine's alone until done).
	direct bool
	// writeAt writes a block: f.WriteAt (a test makes it refuse).
	writeAt func(b []byte, at int64) (int, error)
}

// placedBlock is a full block and where it goes.
type placedBlock struct {
	b  []byte
	at int64
}

// newBlockWriter starts writing f's first part from offset 0, past the
// page cache where the file system allows.
func newBlockWriter(f *userfiles.AtomicFile) *blockWriter {
	return startBlockWriter(f, f.BypassCache(true) == nil)
}

// startBlockWriter is newBlockWriter, direct saying whether f bypasses
// the page cache.
func startBlockWriter(f *userfiles.AtomicFile, direct bool) *blockWriter {
	w := &blockWriter{
		f:       f,
		fill:    userfiles.AlignedBlock(textBlock),
		full:    make(chan placedBlock, textBlocks),
		free:    make(chan []byte, textBlocks),
		done:    make(chan struct{}),
		direct:  direct,
		writeAt: f.WriteAt,
	}
	for range textBlocks - 1 {
		w.free <- userfiles.AlignedBlock(textBlock)
	}
	go w.run()
	return w
}

// write copies s into the blocks, handing each one it fills to the
// goroutine. It fails once a block could not be written.
func (w *blockWriter) write(s string) error {
	for len(s) > 0 {
		n := copy(w.fill[len(w.fill):cap(w.fill)], s)
		w.fill, s = w.fill[:len(w.fill)+n], s[n:]
		if len(w.fill) == cap(w.fill) {
			if w.failed.Load() {
				return errors.New("the segment could not be written")
			}
			w.full <- placedBlock{w.fill, w.at}
			w.at += int64(len(w.fill))
			w.fill = <-w.free
		}
	}
	return nil
}

// size is how many bytes have been given to write: where the next goes.
func (w *blockWriter) size() uint64 { return uint64(w.at) + uint64(len(w.fill)) }

// run writes the full blocks as they come, until close.
func (w *blockWriter) run() {
	defer close(w.done)
	for p := range w.full {
		if w.err == nil {
			if w.err = w.writeBlock(p); w.err != nil {
				w.failed.Store(true)
			}
		}
		w.free <- p.b[:0]
	}
	if w.direct && w.err == nil {
		w.err = w.f.BypassCache(false) // what follows is not aligned
	}
}

// writeBlock writes one block; one that fails past the page cache (a file
// system that accepted the flag and refuses the write: EINVAL on ext4 for
// memory it finds misaligned, other errors elsewhere) is written through
// it, and so are the blocks after it. An error then is the block's own.
func (w *blockWriter) writeBlock(p placedBlock) error {
	_, err := w.writeAt(p.b, p.at)
	if err != nil && w.direct {
		if err = w.f.BypassCache(false); err != nil {
			return err
		}
		w.direct = false
		_, err = w.writeAt(p.b, p.at)
	}
	return err
}

// close waits for the full blocks to be written and returns the error
// that stopped them, or the part of a block still unwritten and where it
// goes: the caller writes it, and the rest of the file, after it.
func (w *blockWriter) close() (tail []byte, at int64, err error) {
	w.stop.Do(func() { close(w.full) })
	<-w.done
	return w.fill, w.at, w.err
}
