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
		for _, half := range []bool{false, true} {
			var r = bytes.NewReader([]byte(data[:c.n]))
			got, err := readSized(r, c.size, c.max)
			if half {
				got, err = readSized(iotest.HalfReader(bytes.NewReader([]byte(data[:c.n]))), c.size, c.max)
			}
			if err != nil || string(got) != want {
				t.Errorf("n=%d size=%d max=%d half=%v: got %d bytes, err %v; want %d", c.n, c.size, c.max, half, len(got), err, len(want))
			}
		}
	}
	if _, err := readSized(iotest.ErrReader(iotest.ErrTimeout), 10, 100); err != iotest.ErrTimeout {
		t.Errorf("read error lost: %v", err)
	}
}
