package corpus

import "path/filepath"

// LoadFile parses the file at path, found under root (one of a Source's
// Paths), as loading root would: the same IDs, the same size limit. It is
// for files that appear while a corpus is open (a watch, a fetch). skipped
// says why the file gives no articles, if so.
func LoadFile(root, path string, opt Options) (arts []*Article, skipped *Skipped) {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = defaultMaxFileSize
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		rel = filepath.Base(path)
	}
	r := loadOne(fileJob{id: idFor(rel), path: path, osPath: path, read: func(max int64) ([]byte, error) { return readFileLimited(path, max, nil) }}, opt.MaxFileSize)
	return r.articles, r.skipped
}
