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
//	          nsegments(uvarint) name(str)… [nfolders(uvarint) folder…]
//	          crc(4 bytes) manifestEnd
//	folder:   path(str) kind(byte: 0 folder, 1 file) dev ino(uvarint)
//	          size mtime ctime(varint)
//
// where crc is the CRC-32C of what lies between the version and it. The
// folders are the store's folder record (storefolders.go); a manifest
// written before there was one ends after the names, and has none.

const (
	manifestMagic = "parallax corpus store\n"
	manifestEnd   = "PXM\n"
	maxManifest   = 1 << 20
	segmentExt    = ".seg"
)

// manifest is what a manifest holds.
type manifest struct {
	names   []string      // the live segments, oldest first
	folders []folderStamp // the folder record; nil: none
}

// readManifest reads the manifest at path, made for roots.
func readManifest(path string, roots []string) (manifest, error) {
	f, _, bodyAt, err := cache.OpenFile(path, manifestMagic, storeVersion)
	if err != nil {
		return manifest{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.NewSectionReader(f, int64(bodyAt), maxManifest))
	if err != nil {
		return manifest{}, err
	}
	return parseManifest(data, roots)
}

// parseManifest decodes a manifest's body (what follows its version),
// checking every bound.
func parseManifest(data []byte, roots []string) (manifest, error) {
	body, err := unseal(data, manifestEnd)
	if err != nil {
		return manifest{}, err
	}
	r := &storeReader{s: body}
	nroots := r.count()
	if r.err == nil && nroots != len(roots) {
		return manifest{}, errors.New("made for other folders")
	}
	for i := 0; i < nroots && r.err == nil; i++ {
		if r.str() != roots[i] {
			return manifest{}, errors.New("made for other folders")
		}
	}
	var m manifest
	m.names = make([]string, r.count())
	for i := range m.names {
		m.names[i] = r.str()
		if r.err == nil && (m.names[i] != filepath.Base(m.names[i]) || !strings.HasSuffix(m.names[i], segmentExt)) {
			r.fail(errors.New("bad segment name"))
		}
	}
	if r.err == nil && r.off < len(r.s) {
		nf := r.count()
		for i := 0; i < nf && r.err == nil; i++ {
			s := folderStamp{path: r.str()}
			switch r.byte() {
			case 0:
			case 1:
				s.file = true
			default:
				r.fail(errors.New("bad folder kind"))
			}
			s.dev, s.ino = r.uvarint(), r.uvarint()
			s.size, s.mtime, s.ctime = r.varint(), r.varint(), r.varint()
			if r.err == nil && !filepath.IsAbs(s.path) {
				r.fail(errors.New("bad folder path"))
			}
			m.folders = append(m.folders, s)
		}
	}
	if r.err == nil && r.off != len(r.s) {
		r.fail(errors.New("trailing bytes"))
	}
	if r.err != nil {
		return manifest{}, r.err
	}
	return m, nil
}

// writeManifest publishes m as the manifest for roots, atomically.
func writeManifest(path string, roots []string, m manifest) error {
	var body []byte
	body = binary.AppendUvarint(body, uint64(len(roots)))
	for _, root := range roots {
		body = appendStr(body, root)
	}
	body = binary.AppendUvarint(body, uint64(len(m.names)))
	for _, n := range m.names {
		body = appendStr(body, n)
	}
	body = binary.AppendUvarint(body, uint64(len(m.folders)))
	for _, s := range m.folders {
		body = appendStr(body, s.path)
		var kind byte
		if s.file {
			kind = 1
		}
		body = append(body, kind)
		body = binary.AppendUvarint(body, s.dev)
		body = binary.AppendUvarint(body, s.ino)
		body = binary.AppendVarint(body, s.size)
		body = binary.AppendVarint(body, s.mtime)
		body = binary.AppendVarint(body, s.ctime)
	}
	return userfiles.WriteFileAtomic(path, seal(manifestMagic, storeVersion, body, manifestEnd), 0o600)
}
