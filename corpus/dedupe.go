package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// minDuplicateWords: bodies shorter than this are not compared for
// duplicates. Feed items often carry only a one-line teaser ("Read the
// full story"), which many different items share.
const minDuplicateWords = 12

// duplicates remembers, in load order, the files and article texts seen so
// far. It is used by one goroutine (Stream's collector).
type duplicates struct {
	files map[[sha256.Size]byte]string // file hash → path of the first file
	texts map[string]string            // textKey → ID of the first article
}

func newDuplicates() *duplicates {
	return &duplicates{files: map[[sha256.Size]byte]string{}, texts: map[string]string{}}
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
	for i, a := range r.articles {
		if i >= len(r.textKeys) || r.textKeys[i] == "" {
			continue
		}
		if first, ok := d.texts[r.textKeys[i]]; ok {
			a.DuplicateOf = first
			continue
		}
		d.texts[r.textKeys[i]] = a.ID
	}
}

// textKey is the hash of an article's body normalised for comparison:
// lowercase letters and digits only, words separated by one space
// (punctuation, quotes, markup and spacing ignored). It is "" for bodies
// too short to compare. The cache stores these keys: the normalisation and
// the hash must not change without a new cache version.
func textKey(a *Article) string {
	if a.Words < minDuplicateWords {
		return ""
	}
	bp := keyBufs.Get().(*[]byte)
	buf := (*bp)[:0]
	for _, b := range a.Blocks {
		buf = appendKeyText(buf, b.Text)
	}
	sum := sha256.Sum256(buf)
	if cap(buf) <= 1<<20 { // one huge article does not pin its buffer
		*bp = buf
		keyBufs.Put(bp)
	}
	return string(sum[:])
}

// keyBufs holds the buffers textKey normalises into, so that a cold load
// does not allocate (and clear) one per article.
var keyBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8192); return &b }}

// appendKeyText appends s normalised for textKey: each run of letters and
// digits lower-cased and followed by one space.
func appendKeyText(buf []byte, s string) []byte {
	// ASCII is written without branches: every byte stores its key byte
	// (lower case, or a space for a separator) and the length grows when
	// it is a word byte or the first separator after a word.
	buf = slices.Grow(buf, len(s)+1)
	n, out := len(buf), buf[:cap(buf)]
	var in uint8 // 1 inside a word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			k := keyByte[c]
			w := keyWord[c]
			out[n] = k
			n += int(w | in)
			in = w
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		buf = out[:n]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			in = 1
		} else if in == 1 {
			buf = append(buf, ' ')
			in = 0
		}
		buf = slices.Grow(buf, len(s)-i+1) // room for the ASCII path again
		n, out = len(buf), buf[:cap(buf)]
	}
	if in == 1 {
		out[n] = ' '
		n++
	}
	return out[:n]
}

// keyByte maps ASCII letters and digits to their lower case and every other
// ASCII byte to a space; keyWord is 1 for letters and digits.
var keyByte, keyWord = func() (b, w [utf8.RuneSelf]uint8) {
	for c := range b {
		b[c] = ' '
	}
	for c := byte('0'); c <= '9'; c++ {
		b[c], w[c] = c, 1
	}
	for c := byte('a'); c <= 'z'; c++ {
		b[c], b[c-'a'+'A'] = c, c
		w[c], w[c-'a'+'A'] = 1, 1
	}
	return b, w
}()

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
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s#%d~%d", fileID, i+1, n)
		}
		used[id] = true
		a.ID = id
	}
}
