package compare

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"sync"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus/cache"
)

// The stored fingerprints are laid out to be used where they lie, in the
// mapped file (issue 19: decoding them put about 150 MB on the heap at
// 100,000 articles, and the first comparison after a warm start waited
// for it):
//
//	fingerprints: pad zero... n(4) total(4) off(4)... entry...
//	entry:        term(4) weight(4, float32)
//
// little endian, where pad (one byte, then as many zeros) puts n at a file
// offset that is a multiple of 4, so that a mapping (page-aligned) holds
// the words aligned; article k's fingerprint is entries off[k]..off[k+1]
// in the grouping's order, each entry laid out as a termWeight. The
// section's CRC (cutSection) and a check of every entry (checkFingerprints)
// come before any is used.

// appendFingerprints appends the fingerprints section of fps (by stored
// article) to buf, which holds the file from its start.
func appendFingerprints(buf []byte, fps []fingerprint) []byte {
	at := beginSection(&buf)
	pad := (4 - (len(buf)+1)%4) % 4
	buf = append(buf, byte(pad))
	buf = append(buf, make([]byte, pad)...)
	total := 0
	for _, fp := range fps {
		total += len(fp)
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(fps)))
	buf = binary.LittleEndian.AppendUint32(buf, uint32(total))
	off := 0
	buf = binary.LittleEndian.AppendUint32(buf, 0)
	for _, fp := range fps {
		off += len(fp)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(off))
	}
	for _, fp := range fps {
		for _, x := range fp {
			buf = binary.LittleEndian.AppendUint32(buf, x.t)
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x.w))
		}
	}
	endSection(buf, at)
	return buf
}

// littleEndian: the stored words are used in place only on a
// little-endian machine; elsewhere they are decoded into memory.
var littleEndian = func() bool { x := uint16(1); return *(*byte)(unsafe.Pointer(&x)) == 1 }()

// storedWords is b, a little-endian array of 32-bit words, as []uint32: in place
// when b is aligned and the machine little endian, else a copy.
func storedWords(b []byte) []uint32 {
	n := len(b) / 4
	if n == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), n)
	}
	w := make([]uint32, n)
	for i := range w {
		w[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return w
}

// parseFingerprints checks the fingerprints section body of n stored
// articles whose terms number nterms, and returns their fingerprints,
// which point into body (when it is aligned: see storedWords): body must stay
// as it is for as long as they are used.
func parseFingerprints(body []byte, n, nterms int) ([]fingerprint, error) {
	bad := func(what string) ([]fingerprint, error) {
		return nil, fmt.Errorf("%w: %s", errDamaged, what)
	}
	if len(body) < 1 || int(body[0]) > 3 || len(body) < 1+int(body[0]) {
		return bad("fingerprints padding")
	}
	b := body[1+int(body[0]):]
	if len(b)%4 != 0 || len(b) < 12 {
		return bad("fingerprints size")
	}
	w := storedWords(b)
	if uint64(w[0]) != uint64(n) {
		return bad("fingerprint count")
	}
	total := uint64(w[1])
	if uint64(len(w)) != 3+uint64(n)+2*total {
		return bad("fingerprints size")
	}
	off := w[2 : 3+n]
	entries := unsafe.Slice((*termWeight)(unsafe.Pointer(unsafe.SliceData(w[3+n:]))), total)
	if err := checkFingerprints(off, entries, nterms); err != nil {
		return nil, err
	}
	fps := make([]fingerprint, n)
	for k := range fps {
		a, e := off[k], off[k+1]
		fps[k] = fingerprint(entries[a:e:e])
	}
	return fps, nil
}

// checkFingerprints checks what grouping makes of every fingerprint: at
// most fingerprintTerms terms, ascending, each a term there is, with a
// normalised weight.
func checkFingerprints(off []uint32, entries []termWeight, nterms int) error {
	if off[0] != 0 || uint64(off[len(off)-1]) != uint64(len(entries)) {
		return fmt.Errorf("%w: fingerprint offsets", errDamaged)
	}
	for k := 1; k < len(off); k++ {
		a, e := off[k-1], off[k]
		if e < a || e-a > fingerprintTerms {
			return fmt.Errorf("%w: fingerprint offsets", errDamaged)
		}
		prev := int64(-1)
		for _, x := range entries[a:e] {
			if int64(x.t) <= prev || int64(x.t) >= int64(nterms) {
				return fmt.Errorf("%w: fingerprint terms", errDamaged)
			}
			if !(x.w >= 0 && x.w <= 1.001) {
				return fmt.Errorf("%w: fingerprint weight", errDamaged)
			}
			prev = int64(x.t)
		}
	}
	return nil
}

// The mapped stories files, by identity, so that the same file read back
// twice is mapped once. A mapping is never unmapped (fingerprints point
// into it; see cache.Map): it goes with the process. Files are written
// under a new name and renamed over (WriteStories), never in place, so a
// mapped file keeps its bytes when another process replaces it.
var (
	mappedMu    sync.Mutex
	mappedFiles = map[fileID][]byte{}
)

// fileID is a file's identity: its device and inode (fileNode), and
// size. Not its time: reading a grouping back marks it used
// (cache.MarkUsed). An inode is not used again while it is mapped.
type fileID struct {
	dev, ino, size uint64
}

// mapStories maps the whole stories file f (one mapping a file: see
// mappedFiles).
func mapStories(f *os.File) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	id := fileID{size: uint64(st.Size())}
	var ok bool
	if id.dev, id.ino, ok = fileNode(st); !ok {
		return cache.Map(f, st.Size()) // no identity: mapped afresh
	}
	mappedMu.Lock()
	defer mappedMu.Unlock()
	if data, ok := mappedFiles[id]; ok {
		return data, nil
	}
	data, err := cache.Map(f, st.Size())
	if err != nil {
		return nil, err
	}
	mappedFiles[id] = data
	return data, nil
}

// parseStoredFingerprints reads the fingerprints of n stored articles and
// the number of terms from the term sections at the start of data (the
// file after the grouping section), checking the terms section and the
// fingerprints; the article terms, which only a join reads, are skipped.
// The fingerprints point into data (see parseFingerprints).
func parseStoredFingerprints(data []byte, n int) ([]fingerprint, int, error) {
	body, rest, err := cutSection(data, "terms")
	if err != nil {
		return nil, 0, err
	}
	r := &storeReader{b: body}
	nterms := r.uvarint(uint64(len(body)/8), "term count")
	if r.err != nil {
		return nil, 0, r.err
	}
	if len(rest) < sectionHead || binary.LittleEndian.Uint64(rest) > uint64(len(rest)-sectionHead) {
		return nil, 0, fmt.Errorf("%w: truncated article terms", errDamaged)
	}
	rest = rest[sectionHead+binary.LittleEndian.Uint64(rest):]
	body, rest, err = cutSection(rest, "fingerprints")
	if err != nil {
		return nil, 0, err
	}
	if len(rest) > 0 {
		return nil, 0, fmt.Errorf("%w: trailing bytes", errDamaged)
	}
	fps, err := parseFingerprints(body, n, nterms)
	return fps, nterms, err
}

// storedFingerprints are the fingerprints of the grouping's articles (by
// stored index) and the number of terms, from the mapped file, as long as
// it still holds this grouping.
func (g *storedGrouping) storedFingerprints() ([]fingerprint, int, error) {
	if g.mapped == nil {
		return nil, 0, errors.New("no stored terms")
	}
	data, err := g.mapped()
	if err != nil {
		return nil, 0, err
	}
	return parseStoredFingerprints(data, len(g.ids))
}
