package compare

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"sync"
	"testing"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
)

// fpSectionAt is where the fingerprints section of the stored file data
// starts (its length and CRC).
func fpSectionAt(t *testing.T, data []byte) int {
	t.Helper()
	at := len(storiesMagic) + 1
	for range 3 {
		at += sectionHead + int(binary.LittleEndian.Uint64(data[at:]))
	}
	if at >= len(data) {
		t.Fatal("no fingerprints section")
	}
	return at
}

// sameFingerprints says whether two sets of fingerprints are the same,
// bit for bit.
func sameFingerprints(a, b []fingerprint) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d fingerprints, want %d", len(a), len(b))
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return fmt.Errorf("fingerprint %d: %d terms, want %d", i, len(a[i]), len(b[i]))
		}
		for x := range a[i] {
			if a[i][x].t != b[i][x].t || math.Float32bits(a[i][x].w) != math.Float32bits(b[i][x].w) {
				return fmt.Errorf("fingerprint %d term %d: %v, want %v", i, x, a[i][x], b[i][x])
			}
		}
	}
	return nil
}

// inMapping says whether p points into one of the mapped stories files.
func inMapping(p unsafe.Pointer) bool {
	mappedMu.Lock()
	defer mappedMu.Unlock()
	for _, data := range mappedFiles {
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
		if uintptr(p) >= lo && uintptr(p) < lo+uintptr(len(data)) {
			return true
		}
	}
	return false
}

// groupedAndReadBack groups the stored fixture afresh (storing it) and
// reads the grouping back from its file.
func groupedAndReadBack(t *testing.T) (as []*corpus.Article, path string, fresh, back *Stories) {
	t.Helper()
	as, path = storedFixture(t)
	fresh, _, err := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if back, err = ReadStories(path, as, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	return as, path, fresh, back
}

// The oracle: a grouping read back uses the fingerprints where they lie
// in the mapped file, and they are bit for bit those grouping made, so
// every linkage, candidate and similarity is the same; the same file read
// back again is mapped once.
func TestStoredFingerprintsInPlace(t *testing.T) {
	as, path, fresh, back := groupedAndReadBack(t)
	if back.fps != nil {
		t.Fatal("fingerprints read before they were needed")
	}
	back.Prepare()
	if err := sameFingerprints(back.fps, fresh.fps); err != nil {
		t.Fatal(err)
	}
	if back.nterms != fresh.nterms {
		t.Errorf("%d terms, want %d", back.nterms, fresh.nterms)
	}
	if littleEndian {
		for i, fp := range back.fps {
			if len(fp) > 0 && !inMapping(unsafe.Pointer(&fp[0])) {
				t.Fatalf("fingerprint %d decoded into memory, not used in the mapped file", i)
			}
		}
	}
	for k := 0; k < len(as); k += 7 {
		a, b := as[k], as[(k*31+5)%len(as)]
		if got, want := back.linkage(a, b), fresh.linkage(a, b); got != want {
			t.Fatalf("linkage %s %s: %v, want %v", a.ID, b.ID, got, want)
		}
	}
	for _, a := range []*corpus.Article{byID(as, seedA), as[len(as)-1], as[len(as)/2]} {
		if got, want := fmt.Sprint(back.Candidates(a, 12)), fmt.Sprint(fresh.Candidates(a, 12)); got != want {
			t.Errorf("candidates of %s: %v, want %v", a.ID, got, want)
		}
	}
	again, err := ReadStories(path, as, StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mappedMu.Lock()
	before := len(mappedFiles)
	mappedMu.Unlock()
	again.Prepare()
	mappedMu.Lock()
	after := len(mappedFiles)
	mappedMu.Unlock()
	if after != before || unsafe.SliceData(again.fps[0]) != unsafe.SliceData(back.fps[0]) {
		t.Errorf("the same file mapped again (%d mappings, were %d)", after, before)
	}
}

// Where the words are not aligned (a buffer read at another offset) or
// the machine is not little endian, they are decoded: the same
// fingerprints.
func TestStoredFingerprintsUnaligned(t *testing.T) {
	as, _ := generateCorpus(30, 4)
	grouped, err := groupFrom(context.Background(), as, StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, body := storedSections(t, encodeStories(grouped, StoryOptions{}))
	for shift := range 4 {
		buf := make([]byte, len(body)+4)[shift:]
		copy(buf, body)
		got, err := parseFingerprints(buf[:len(body)], len(as), grouped.nterms)
		if err != nil {
			t.Fatalf("shift %d: %v", shift, err)
		}
		if err := sameFingerprints(got, grouped.fps); err != nil {
			t.Fatalf("shift %d: %v", shift, err)
		}
	}
}

// A damaged or truncated fingerprints section is refused (its CRC), and
// so is one whose CRC was made to match wrong data (a term out of range
// or out of order, a weight not normalised, offsets that do not add up):
// a join groups afresh; the grouping read back makes its fingerprints
// from the text, the same as grouping made them, tells the damage once
// (StoredDamage) and stores the file again, whole.
func TestStoredFingerprintsDamaged(t *testing.T) {
	as, path, fresh, good, end := storedFile(t)
	at := fpSectionAt(t, good)
	n := len(good) - at
	rehashed := func(edit func(body []byte)) []byte {
		out := append([]byte(nil), good...)
		body := out[at+sectionHead:]
		edit(body[1+int(body[0]):])
		binary.LittleEndian.PutUint32(out[at+8:], crc32.Checksum(body, cache.CRCTable))
		return out
	}
	nfp := len(as) // every fixture article is listed once
	entry := func(w []byte, k int) []byte { return w[4*(3+nfp)+8*k:] }
	cases := map[string][]byte{
		"term out of range": rehashed(func(w []byte) { binary.LittleEndian.PutUint32(entry(w, 0), 1<<31) }),
		"terms out of order": rehashed(func(w []byte) {
			a, b := binary.LittleEndian.Uint32(entry(w, 0)), binary.LittleEndian.Uint32(entry(w, 1))
			binary.LittleEndian.PutUint32(entry(w, 0), b)
			binary.LittleEndian.PutUint32(entry(w, 1), a)
		}),
		"weight":      rehashed(func(w []byte) { binary.LittleEndian.PutUint32(entry(w, 3)[4:], math.Float32bits(1.5)) }),
		"weight NaN":  rehashed(func(w []byte) { binary.LittleEndian.PutUint32(entry(w, 3)[4:], 0x7fc00000) }),
		"offsets":     rehashed(func(w []byte) { binary.LittleEndian.PutUint32(w[4*3:], 1<<20) }),
		"count":       rehashed(func(w []byte) { binary.LittleEndian.PutUint32(w, uint32(nfp+1)) }),
		"total":       rehashed(func(w []byte) { binary.LittleEndian.PutUint32(w[4:], 3) }),
		"padding":     rehashed(func(w []byte) {}),
		"missing":     good[:at],
		"trailing":    append(append([]byte(nil), good...), 0, 0, 0, 0),
		"half":        good[:at+n/2],
		"last byte":   good[:len(good)-1],
		"flipped end": flip(good, len(good)-2),
	}
	// "padding": a pad byte that is not the one that aligns the words.
	cases["padding"][at+sectionHead] = 4
	// Every truncation and byte flipped, at a stride.
	for k := 0; k < n; k += 37 {
		data := flip(good, at+k)
		if _, _, err := parseStoredFingerprints(data[end:], nfp); err == nil {
			t.Fatalf("byte %d of the fingerprints flipped: read", k)
		}
		if _, _, err := parseStoredFingerprints(good[end:at+k], nfp); err == nil {
			t.Fatalf("fingerprints cut at %d: read", k)
		}
	}
	a := byID(as, seedA)
	added, _ := generateCorpus(20, 99)
	joining := append(append([]*corpus.Article(nil), as...), added[:3]...)
	want := GroupStories(joining, StoryOptions{})
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if _, _, err := parseStoredFingerprints(data[end:], nfp); err == nil {
				t.Fatal("damaged fingerprints read")
			}
			if _, err := parseTerms(data[end:], nfp); err == nil {
				t.Fatal("damaged fingerprints read for a join")
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			st, from, _ := LoadOrGroupStories(context.Background(), path, joining, StoryOptions{})
			if from != StoriesGrouped || groupingReport(st, joining) != groupingReport(want, joining) {
				t.Errorf("damaged fingerprints joined (from %v)", from)
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			back, err := ReadStories(path, as, StoryOptions{})
			if err != nil {
				t.Fatalf("the grouping, intact, not read back: %v", err)
			}
			if err := back.StoredDamage(); err != nil {
				t.Errorf("damage told before the fingerprints were read: %v", err)
			}
			if err := sameFingerprints(back.fingerprints(), fresh.fps); err != nil {
				t.Errorf("fingerprints made again: %v", err)
			}
			if got, want := fmt.Sprint(back.Candidates(a, 5)), fmt.Sprint(fresh.Candidates(a, 5)); got != want {
				t.Errorf("candidates: %v, want %v", got, want)
			}
			if err := back.StoredDamage(); !errors.Is(err, errDamaged) {
				t.Errorf("damage told as %v", err)
			}
			if err := back.StoredDamage(); err != nil {
				t.Errorf("damage told twice: %v", err)
			}
			// Stored again: the next start uses the file's fingerprints.
			again, err := ReadStories(path, as, StoryOptions{})
			if err != nil {
				t.Fatalf("rebuilt file not read: %v", err)
			}
			if fps, _, err := again.lazy.g.storedFingerprints(); err != nil {
				t.Fatalf("rebuilt file's fingerprints: %v", err)
			} else if err := sameFingerprints(fps, fresh.fps); err != nil {
				t.Errorf("rebuilt file's fingerprints: %v", err)
			}
			if groupingReport(again, as) != groupingReport(fresh, as) {
				t.Error("rebuilt file holds another grouping")
			}
			if _, from, _ := LoadOrGroupStories(context.Background(), path, joining, StoryOptions{}); from != StoriesJoined {
				t.Errorf("rebuilt file not joined (from %v)", from)
			}
		})
	}
}

func flip(data []byte, at int) []byte {
	out := append([]byte(nil), data...)
	out[at] ^= 0x10
	return out
}

// A file replaced by another process while its fingerprints are in use
// (renamed over it, as every stories file is written) leaves them as they
// were: the mapping holds the old file.
func TestStoredFingerprintsReplacedWhileMapped(t *testing.T) {
	as, path, fresh, back := groupedAndReadBack(t)
	back.Prepare()
	other, _ := generateCorpus(40, 8)
	if _, _, err := LoadOrGroupStories(context.Background(), path, other, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadStories(path, other, StoryOptions{}); err != nil {
		t.Fatalf("the new file not read: %v", err)
	}
	if err := sameFingerprints(back.fingerprints(), fresh.fps); err != nil {
		t.Error(err)
	}
	a := byID(as, seedA)
	if got, want := fmt.Sprint(back.Candidates(a, 5)), fmt.Sprint(fresh.Candidates(a, 5)); got != want {
		t.Errorf("candidates: %v, want %v", got, want)
	}
}

// The first comparison, the picker and an edit may ask for the
// fingerprints of a grouping read back at once, and for the damage found
// (run with -race): one reads them, all get the same.
func TestStoredFingerprintsAskedAtOnce(t *testing.T) {
	as, path, fresh, good, _ := storedFile(t)
	a := byID(as, seedA)
	want := fmt.Sprint(fresh.Candidates(a, 5))
	for _, damaged := range []bool{false, true} {
		data := good
		if damaged {
			data = flip(good, len(good)-3)
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		back, err := ReadStories(path, as, StoryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		got := make([]string, 4)
		told := make([]bool, 4)
		for w := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if w%2 == 0 {
					got[w] = fmt.Sprint(back.Candidates(a, 5))
				} else {
					got[w] = fmt.Sprint(back.WithEdits(map[string]StoryEdit{a.ID: {Alone: true}}).Candidates(a, 5))
				}
				told[w] = back.StoredDamage() != nil
			}()
		}
		wg.Wait()
		n := 0
		for w := range got {
			if w%2 == 0 && got[w] != want {
				t.Errorf("damaged %v: candidates %s, want %s", damaged, got[w], want)
			}
			if told[w] {
				n++
			}
		}
		if back.StoredDamage() != nil {
			n++
		}
		if want := map[bool]int{false: 0, true: 1}[damaged]; n != want {
			t.Errorf("damaged %v: told %d times, want %d", damaged, n, want)
		}
	}
}
