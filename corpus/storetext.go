package corpus

import (
	"fmt"
	"os"
	"sync"
)

// An article listed without its text (Options.ListOnly) keeps where its
// text is in the store; LoadText decodes it when the article is opened.

// textSource is one store entry's text, shared by the articles of a file.
type textSource struct {
	entry        string      // the entry's text part; read from seg when it is nil
	seg          *textOnDisk // where the text is when entry is not in memory
	crc          uint32
	fileID       string // the ID of the file's articles before their suffix
	path, osPath string

	once sync.Once
	ok   bool // entry matches crc
}

// textOnDisk is where an entry's text was written in a segment, for an
// article parsed by a listing command that kept only its head (see
// Options.ListOnlyFresh). The segment is published when the load ends; a
// text asked for before, or after the segment was merged away, fails its
// check and the file is parsed again.
type textOnDisk struct {
	segment string
	off, n  uint64
}

// read returns the text, or "" when it cannot be read whole.
func (d *textOnDisk) read() string {
	f, err := os.Open(d.segment)
	if err != nil {
		return ""
	}
	defer f.Close()
	if d.n > uint64(defaultMaxFileSize)*4 { // no entry is this large: a damaged index
		return ""
	}
	buf := make([]byte, d.n)
	if _, err := f.ReadAt(buf, int64(d.off)); err != nil {
		return ""
	}
	return string(buf)
}

// textRef is where one article's text is: bytes [off, off+n) of its
// source's entry.
type textRef struct {
	src    *textSource
	off, n uint64
}

// LoadText gives a, the article ref was made for, its blocks and removed
// lines from the store (it is a's article.TextSource, see Article.LoadText).
// The text is checked against its checksum first; text that fails it is
// never used: the article's file is read and parsed again instead.
func (ref *textRef) LoadText(a *Article) error {
	src := ref.src
	src.once.Do(func() {
		if src.seg != nil {
			src.entry = src.seg.read()
		}
		src.ok = checksum(src.entry) == src.crc
	})
	if src.ok && ref.off <= uint64(len(src.entry)) && ref.n <= uint64(len(src.entry))-ref.off &&
		decodeText(a, src.entry[ref.off:ref.off+ref.n]) == nil {
		return nil
	}
	if src.osPath == "" {
		return fmt.Errorf("%s: the store's copy of the text is damaged", a.Path)
	}
	j := fileJob{id: src.fileID, path: src.path, osPath: src.osPath, read: func(max int64) ([]byte, error) {
		return readFileLimited(src.osPath, max, nil)
	}}
	r := loadOne(j, defaultMaxFileSize)
	if r.skipped != nil {
		return fmt.Errorf("%s: the store's copy of the text is damaged and the file cannot be read again: %s", a.Path, r.skipped.Reason)
	}
	for _, b := range r.articles {
		if b.ID == a.ID {
			a.Blocks, a.Removed = b.Blocks, b.Removed
			return nil
		}
	}
	return fmt.Errorf("%s: the store's copy of the text is damaged and the file no longer holds the article", a.Path)
}
