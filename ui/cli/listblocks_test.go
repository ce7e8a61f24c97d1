package cli

import (
	"strconv"
	"strings"
	"testing"
)

// The blocks, made on every core, are written whole and in order; a
// write that fails stops the rest.
func TestWriteListBlocksInOrder(t *testing.T) {
	lines := func(lo, hi int, buf []byte) []byte {
		for i := lo; i < hi; i++ {
			buf = strconv.AppendInt(buf, int64(i), 10)
			buf = append(buf, '\n')
		}
		return buf
	}
	for _, n := range []int{0, 1, listBlock - 1, listBlock, listBlock + 1, 5*listBlock + 7} {
		var got strings.Builder
		writes := 0
		writeListBlocks(n, lines, func(b []byte) bool {
			got.Write(b)
			writes++
			return true
		})
		if want := string(lines(0, n, nil)); got.String() != want {
			t.Fatalf("n=%d: blocks written out of order or lost (%d bytes, want %d)", n, got.Len(), len(want))
		}
		if want := (n + listBlock - 1) / listBlock; writes != want {
			t.Errorf("n=%d: %d writes, want %d", n, writes, want)
		}
	}
	// A written block's buffer is made into a later block: past the first
	// blocks, no buffer is new.
	seen := map[*byte]bool{}
	blocks := 0
	writeListBlocks(20*listBlock, lines, func(b []byte) bool {
		seen[&b[:1][0]] = true
		blocks++
		return true
	})
	if len(seen) >= blocks {
		t.Errorf("%d blocks written from %d buffers: none was used again", blocks, len(seen))
	}
	writes := 0
	writeListBlocks(9*listBlock, lines, func([]byte) bool { writes++; return writes < 2 })
	if writes != 2 {
		t.Errorf("after a failed write: %d writes, want 2", writes)
	}
}

// maxInBlocks is the largest of f's answers over every block.
func TestMaxInBlocks(t *testing.T) {
	for _, n := range []int{0, 1, listBlock, 3*listBlock + 1} {
		got := maxInBlocks(n, func(lo, hi int) int { return hi - 1 + lo%7 })
		want := 0
		for lo := 0; lo < n; lo += listBlock {
			want = max(want, min(lo+listBlock, n)-1+lo%7)
		}
		if got != want {
			t.Errorf("n=%d: %d, want %d", n, got, want)
		}
	}
}
