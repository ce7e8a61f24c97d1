package corpus

import (
	"fmt"
	"sync"
)

// An article listed without its text (Options.ListOnly) keeps where its
// text is in the store; LoadText decodes it when the article is opened.

// textSource is one store entry's text, shared by the articles of a file.
type textSource struct {
	entry        string // the entry's text part
	crc          uint32
	fileID       string // the ID of the file's articles before their suffix
	path, osPath string

	once sync.Once
	ok   bool // entry matches crc
}

// textRef is where one article's text is.
type textRef struct {
	src  *textSource
	part string
}

// LoadText gives a, the article ref was made for, its blocks and removed
// lines from the store (it is a's article.TextSource, see Article.LoadText).
// The text is checked against its checksum first; text that fails it is
// never used: the article's file is read and parsed again instead.
func (ref *textRef) LoadText(a *Article) error {
	src := ref.src
	src.once.Do(func() { src.ok = checksum(src.entry) == src.crc })
	if src.ok && decodeText(a, ref.part) == nil {
		return nil
	}
	if src.osPath == "" {
		return fmt.Errorf("%s: the store's copy of the text is damaged", a.Path)
	}
	j := fileJob{id: src.fileID, path: src.path, osPath: src.osPath, read: func(max int64) ([]byte, error) {
		return readFileLimited(src.osPath, max)
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
