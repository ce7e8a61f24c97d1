package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unsafe"
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
	h := sha256.New()
	// The strings are hashed in place: []byte(s) would copy every
	// article's text once more (a corpus's worth of copying at load).
	// Hash.Write neither keeps nor modifies its argument.
	write := func(s string) { h.Write(unsafe.Slice(unsafe.StringData(s), len(s))) }
	for _, s := range []string{a.Outlet, a.Title, strconv.FormatInt(a.Published.Unix(), 10)} {
		write(s)
		h.Write([]byte{0})
	}
	for _, b := range blocks {
		write(b.Text)
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:16])
}
