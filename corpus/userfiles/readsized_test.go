package userfiles

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

// readSized must return what io.ReadAll(io.LimitReader(r, max+1)) returns,
// whether the file kept the size it was stat'ed with, shrank or grew, and
// however the reader splits its reads (with one allowance, below).
func TestReadSized(t *testing.T) {
	data := strings.Repeat("0123456789", 1000)
	for _, c := range []struct {
		n         int   // bytes actually there
		size, max int64 // stat'ed size, limit
	}{
		{0, 0, 100}, {10, 10, 100}, {10, 0, 100}, {5000, 10, 100000}, {10, 5000, 100},
		{10000, 10000, 100000}, {10000, 10000, 9999}, {10000, 10000, 10000}, {10000, 100, 5000},
	} {
		want := data[:c.n]
		if int64(len(want)) > c.max+1 {
			want = want[:c.max+1]
		}
		// A buffer handed in is used when it has room for the stat'ed
		// size and one byte more, whatever it held.
		for _, buf := range [][]byte{nil, []byte("xxx"), []byte(strings.Repeat("x", 20000))} {
			for _, half := range []bool{false, true} {
				var r = bytes.NewReader([]byte(data[:c.n]))
				got, err := readSized(r, c.size, c.max, buf)
				if half {
					got, err = readSized(iotest.HalfReader(bytes.NewReader([]byte(data[:c.n]))), c.size, c.max, buf)
				}
				// A file that grew after its status was taken may be read
				// as what it held then when its reads come back short
				// (the saved EOF read; a regular file's do not).
				grewShort := half && c.size > 0 && int64(c.n) > c.size && string(got) == data[:c.size]
				if err != nil || string(got) != want && !grewShort {
					t.Errorf("n=%d size=%d max=%d half=%v buf=%d: got %d bytes, err %v; want %d", c.n, c.size, c.max, half, len(buf), len(got), err, len(want))
				}
				fits := int64(cap(buf)) >= min(c.size, c.max)+1
				if fits && len(got) > 0 && len(got) < cap(buf) && &got[:1][0] != &buf[:1][0] {
					t.Errorf("n=%d size=%d buf=%d: a buffer with room was not used", c.n, c.size, len(buf))
				}
			}
		}
	}
	if _, err := readSized(iotest.ErrReader(iotest.ErrTimeout), 10, 100, nil); err != iotest.ErrTimeout {
		t.Errorf("read error lost: %v", err)
	}
}

// A buffer with room for exactly the stat'ed size and the byte that sees
// EOF is used, not replaced.
func TestReadSizedUsesAnExactBuffer(t *testing.T) {
	buf := make([]byte, 0, 11)
	got, err := readSized(bytes.NewReader([]byte("0123456789")), 10, 100, buf)
	if err != nil || string(got) != "0123456789" {
		t.Fatalf("got %q, %v", got, err)
	}
	if &got[:1][0] != &buf[:1][0] {
		t.Error("a buffer of exactly size+1 was not used")
	}
}

// countingReader counts the reads made of it.
type countingReader struct {
	r     *bytes.Reader
	reads int
}

func (c *countingReader) Read(p []byte) (int, error) { c.reads++; return c.r.Read(p) }

// A file that holds what its status said is read in one read: the read
// that would see EOF is not made. Without a size (0, as files in /proc
// report), or when the read does not reach it, reading goes on to EOF.
func TestReadSizedStopsAtTheStatedSize(t *testing.T) {
	for _, c := range []struct {
		data      string
		size      int64
		reads     int
		bufferCap int
	}{
		{"0123456789", 10, 1, 0},
		{"0123456789", 10, 1, 100},
		{"0123456789", 0, 2, 100},     // no size: read to EOF
		{"0123456789", 20, 2, 0},      // shrank: the read is short of the size
		{"0123456789", 5, 3, 0},       // grew: the buffer of 6 fills, then 7...
		{"0123456789abc", 10, 2, 100}, // grew past the size: not equal, so to EOF
	} {
		r := &countingReader{r: bytes.NewReader([]byte(c.data))}
		got, err := readSized(r, c.size, 1000, make([]byte, 0, c.bufferCap))
		if err != nil || string(got) != c.data {
			t.Errorf("%q size %d: got %q, %v", c.data, c.size, got, err)
		}
		if r.reads != c.reads {
			t.Errorf("%q size %d buffer %d: %d reads, want %d", c.data, c.size, c.bufferCap, r.reads, c.reads)
		}
	}
}

// emptyFirstReader returns nothing, without an error, before its data:
// io.Reader allows it.
type emptyFirstReader struct {
	r       *bytes.Reader
	started bool
}

func (e *emptyFirstReader) Read(p []byte) (int, error) {
	if !e.started {
		e.started = true
		return 0, nil
	}
	return e.r.Read(p)
}

// A size of 0 says nothing about the file (files in /proc have content):
// a first read that returns nothing does not end it.
func TestReadSizedZeroSizeReadsOn(t *testing.T) {
	got, err := readSized(&emptyFirstReader{r: bytes.NewReader([]byte("cpu 1 2 3"))}, 0, 100, nil)
	if err != nil || string(got) != "cpu 1 2 3" {
		t.Errorf("got %q, %v", got, err)
	}
}
