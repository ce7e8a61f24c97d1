package corpus

import (
	"bytes"
	"testing"
)

// plainLooksBinary is looksBinary as it was before it skipped eight
// bytes at a time: every byte tested.
func plainLooksBinary(b []byte) bool {
	if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		return false
	}
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0C && c != 0x1B {
			ctl++
		}
	}
	return ctl*20 > len(b)
}

// looksBinaryCases: NULs and control bytes at every offset of an
// eight-byte word, bytes either side of 0x20 and above 0x7F (which
// borrow in the word test), and the 5% threshold from both sides.
func looksBinaryCases() [][]byte {
	var out [][]byte
	base := []byte("The talks resumed on Monday.\nIt was 1\t2\r\n é ü \x1b[0m \x7f\x80\xff\x1f\x20\x21")
	out = append(out, nil, []byte{0}, []byte{0xFF, 0xFE, 0}, base)
	for off := 0; off < 16; off++ {
		for _, c := range []byte{0, 1, 0x0b, 0x1f, 0x20, 0x7f, 0x80, 0x9f, 0xa0, 0xff} {
			b := bytes.Repeat([]byte("abcdefgh"), 4)
			b[off] = c
			// 32 bytes: one control byte is under 5%; in the first 16
			// bytes it is over, so that it alone decides.
			out = append(out, b, b[:16])
		}
	}
	for n := 0; n <= 8; n++ { // 100 bytes, n of them control bytes
		b := bytes.Repeat([]byte{'x'}, 100)
		for k := 0; k < n; k++ {
			b[k*11] = 0x01
		}
		out = append(out, b, b[:97], b[:100-n])
	}
	return out
}

func TestLooksBinaryOracle(t *testing.T) {
	binary := 0
	for _, b := range looksBinaryCases() {
		got, want := looksBinary(b), plainLooksBinary(b)
		if got != want {
			t.Fatalf("looksBinary(%q) = %v, the plain version says %v", b, got, want)
		}
		if got {
			binary++
		}
	}
	if binary == 0 {
		t.Fatal("no case looks binary: the test cannot tell the versions apart")
	}
}

func FuzzLooksBinary(f *testing.F) {
	for _, b := range looksBinaryCases() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := looksBinary(b), plainLooksBinary(b); got != want {
			t.Fatalf("looksBinary(%q) = %v, the plain version says %v", b, got, want)
		}
	})
}
