package formats

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unsafe"
)

func TestDecodeOwnedText(t *testing.T) {
	for _, in := range []string{"", "plain ascii", "\xEF\xBB\xBFwith a BOM", "caf\xe9 latin-1", "\xFF\xFEh\x00i\x00", "ünïcödé ✓", "\xEF\xBB\xBF"} {
		b := []byte(in)
		got, want := decodeOwnedText(b), DecodeText([]byte(in))
		if got != want {
			t.Errorf("%q: %q, DecodeText says %q", in, got, want)
		}
	}
	// Valid UTF-8 is shared, not copied.
	b := []byte("Headline\n\nBody text.")
	if s := decodeOwnedText(b); unsafe.StringData(s) != &b[0] {
		t.Error("valid UTF-8 was copied")
	}
}

// What the loader parses from its own buffers equals what ParseDocument
// makes of the same bytes, for every fixture and seed.
func TestParseOwnedMatchesParseDocument(t *testing.T) {
	var files []string
	for _, glob := range []string{"testdata/*", "testdata/*/*", "../seeds/*"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || len(data) == 0 {
			continue
		}
		name := filepath.Base(f)
		want, werr := ParseDocument(name, data)
		got, gerr := parseDocument(name, append([]byte(nil), data...), true)
		if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: owned parse differs (%v / %v)", f, gerr, werr)
		}
		n++
	}
	if n < 10 {
		t.Fatalf("only %d fixtures found", n)
	}
}

func FuzzDecodeOwnedText(f *testing.F) {
	f.Add([]byte("caf\xe9"))
	f.Add([]byte("\xEF\xBB\xBFok"))
	f.Fuzz(func(t *testing.T, b []byte) {
		want := DecodeText(b)
		if got := decodeOwnedText(append([]byte(nil), b...)); got != want {
			t.Fatalf("%q: %q, want %q", b, got, want)
		}
	})
}
