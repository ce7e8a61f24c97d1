package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"

	"github.com/parallax-reader/parallax/corpus/article"
)

// duplicates remembers, in load order, the files and article texts seen so
// far. It is used by one goroutine (Stream's collector).
type duplicates struct {
	files map[article.Sum]string // file hash → path of the first file
	texts map[string]string      // TextKey → ID of the first article
}

func newDuplicates() *duplicates {
	return &duplicates{files: map[article.Sum]string{}, texts: map[string]string{}}
}

// reserve makes room for about n files and their texts: the store knows
// how many a load will meet, and growing the maps one by one rehashed them
// a dozen times at 100,000 files. It is called once, when the store is
// open, with the few files checked so far.
func (d *duplicates) reserve(n int) {
	files := make(map[article.Sum]string, n)
	maps.Copy(files, d.files)
	texts := make(map[string]string, n)
	maps.Copy(texts, d.texts)
	d.files, d.texts = files, texts
}

// check turns a file that repeats an earlier file byte for byte into a
// skip naming the earlier one, and marks each article whose normalised
// text repeats an earlier article's with DuplicateOf.
func (d *duplicates) check(r *fileResult, path string) {
	if len(r.articles) == 0 {
		return
	}
	if first, ok := d.files[r.sum]; ok {
		r.articles = nil
		r.skipped = &Skipped{Path: path, Reason: duplicatePrefix + first + " (identical bytes, loaded once)"}
		return
	}
	d.files[r.sum] = path
	// One key an article, "" for none (the parse and the store make them).
	for i, key := range r.textKeys {
		if key == "" {
			continue
		}
		a := r.articles[i]
		if first, ok := d.texts[key]; ok {
			a.DuplicateOf = first
			continue
		}
		d.texts[key] = a.ID
	}
}

// assignIDs names the articles of one file. A file with one article gets the
// file's ID. In a file with several (feed, JSON array), an article is
// "FILEID#KEY" where KEY is 8 hex digits of the hash of its item key (feed
// GUID or link, record id or url), so that its ID, and the read marks and
// bookmarks attached to it, survive the file being re-saved with new items
// on top; articles without a usable key get "FILEID#N", N its 1-based
// position in the file.
func assignIDs(fileID string, arts []*Article) {
	if len(arts) == 1 {
		arts[0].ID = fileID
		return
	}
	keyCount := map[string]int{}
	for _, a := range arts {
		if a.ItemKey != "" {
			keyCount[a.ItemKey]++
		}
	}
	used := map[string]bool{}
	for i, a := range arts {
		id := fmt.Sprintf("%s#%d", fileID, i+1)
		if k := a.ItemKey; k != "" && keyCount[k] == 1 {
			sum := sha256.Sum256([]byte(k))
			id = fileID + "#" + hex.EncodeToString(sum[:4])
		}
		if used[id] {
			// Two keys' hashes share their first 32 bits: "~2" marks
			// the later one, and no other article's ID has this form.
			id = fmt.Sprintf("%s#%d~2", fileID, i+1)
		}
		used[id] = true
		a.ID = id
	}
}
