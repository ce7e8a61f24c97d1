package userfiles

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

// readSized must return what io.ReadAll(io.LimitReader(r, max+1)) returns,
// whether the file kept the size it was stat'ed with, shrank or grew, and
// however the reader splits its reads.
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
				if err != nil || string(got) != want {
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
