package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// MarkKey is the identity read marks and bookmarks are stored under
// (corpus/userstate). It prefers the article's URL (the same story saved
// twice is the same article) and otherwise hashes what the reader sees:
// outlet, title, date and body. It does not depend on where the file
// lives, so marks survive moving a corpus. Marks on disk are kept under
// these keys: the hash must not change.
//
// An article listed without its text has the key the store kept for it,
// so that a list of articles without URLs needs no text; without one, its
// text is read (Text, not kept) to make it.
func (a *Article) MarkKey() string {
	if a.URL != "" {
		return "url:" + a.URL
	}
	if t := a.text; t != nil && t.owner == a && t.markKey != "" {
		return t.markKey
	}
	blocks, _ := a.Text()
	// What is hashed is laid out in one pooled buffer and hashed in one
	// call: written piece by piece through hash.Hash, each block's text
	// and each one-byte separator was a call through an interface (and
	// the separators allocations), a quarter of the hashing's cost.
	bp := keyBufs.Get().(*[]byte)
	buf := (*bp)[:0]
	for _, s := range []string{a.Outlet, a.Title} {
		buf = append(buf, s...)
		buf = append(buf, 0)
	}
	buf = strconv.AppendInt(buf, a.Published.Unix(), 10)
	buf = append(buf, 0)
	for _, b := range blocks {
		buf = append(buf, b.Text...)
		buf = append(buf, '\n')
	}
	sum := sha256.Sum256(buf)
	if cap(buf) <= 1<<20 { // one huge article does not pin its buffer
		*bp = buf
		keyBufs.Put(bp)
	}
	return "sha256:" + hex.EncodeToString(sum[:16])
}
