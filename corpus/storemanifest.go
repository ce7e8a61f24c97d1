package corpus

import (
	"encoding/binary"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// The store's manifest names its live segments, oldest first, and is the
// one file a store is published by: segments are written whole under new
// names first, then the manifest is replaced by rename, so a reader (or a
// process killed at any point) sees the old set or the new, never a part.
//
//	manifest: magic storeVersion(uvarint) nroots(uvarint) root(str)…
//	          nsegments(uvarint) name(str)… crc(4 bytes) manifestEnd
//
// where crc is the CRC-32C of what lies between the version and it.

const (
	manifestMagic = "parallax corpus store\n"
	manifestEnd   = "PXM\n"
	maxManifest   = 1 << 20
	segmentExt    = ".seg"
)

// readManifest returns the segment names a manifest lists for roots.
func readManifest(path string, roots []string) ([]string, error) {
	f, _, bodyAt, err := cache.OpenFile(path, manifestMagic, storeVersion)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.NewSectionReader(f, int64(bodyAt), maxManifest))
	if err != nil {
		return nil, err
	}
	n := len(data) - 4 - len(manifestEnd)
	if n < 0 || string(data[n+4:]) != manifestEnd {
		return nil, errors.New("truncated")
	}
	if crc := binary.LittleEndian.Uint32(data[n:]); checksum(string(data[:n])) != crc {
		return nil, errors.New("checksum mismatch")
	}
	r := &storeReader{s: string(data[:n])}
	nroots := r.count()
	if r.err == nil && nroots != len(roots) {
		return nil, errors.New("made for other folders")
	}
	for i := 0; i < nroots && r.err == nil; i++ {
		if r.str() != roots[i] {
			return nil, errors.New("made for other folders")
		}
	}
	names := make([]string, r.count())
	for i := range names {
		names[i] = r.str()
		if r.err == nil && (names[i] != filepath.Base(names[i]) || !strings.HasSuffix(names[i], segmentExt)) {
			r.fail(errors.New("bad segment name"))
		}
	}
	if r.err == nil && r.off != len(r.s) {
		r.fail(errors.New("trailing bytes"))
	}
	return names, r.err
}

// writeManifest publishes a manifest listing names, atomically.
func writeManifest(path string, roots, names []string) error {
	var body []byte
	body = binary.AppendUvarint(body, uint64(len(roots)))
	for _, root := range roots {
		body = appendStr(body, root)
	}
	body = binary.AppendUvarint(body, uint64(len(names)))
	for _, n := range names {
		body = appendStr(body, n)
	}
	var out []byte
	out = append(out, manifestMagic...)
	out = binary.AppendUvarint(out, storeVersion)
	out = append(out, body...)
	out = binary.LittleEndian.AppendUint32(out, checksum(string(body)))
	out = append(out, manifestEnd...)
	return userfiles.WriteFileAtomic(path, out, 0o600)
}
