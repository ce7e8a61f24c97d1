package ui

import (
	"strings"
	"unicode/utf8"
)

// Line breaking inside text written without spaces (Chinese, Japanese):
// wrap cuts such a run where the column runs out, and kinsoku moves that
// cut so that no line starts with closing punctuation ("。", "」", "！") or a
// small kana, and none ends with an opening bracket, as the line-breaking
// rules of JIS X 4051 and Chinese typesetting require.

// noLineStart are the characters a line must not start with: closing
// brackets and quotes, full stops, commas and other marks that belong to the
// character before them, small kana, the prolonged sound mark and iteration
// marks.
const noLineStart = "。．，、・：；！？‼⁇⁈⁉…‥）〕］｝〉》」』】〙〗〟｠’”»)]}.,;:!?" +
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿー々〻ゝゞヽヾ"

// noLineEnd are the characters a line must not end with: opening brackets
// and quotes.
const noLineEnd = "（〔［｛〈《「『【〘〖〝｟‘“«([{"

// kinsoku moves the cut between head (a full line) and rest (the text that
// goes on) back by whole characters until rest does not start with a
// character of noLineStart and head does not end with one of noLineEnd.
// Hit markers (zero-width) are passed over and move with their character.
// It keeps the cut when moving it would leave head empty (a line of nothing
// but such characters), or when head is styled (escape sequences are not
// taken apart). At most a line's worth of characters move.
func kinsoku(head, rest string) (string, string) {
	if strings.IndexByte(head, '\x1b') >= 0 {
		return head, rest
	}
	h := head
	for {
		first, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, hitOpen+hitClose))
		visible := strings.TrimRight(h, hitOpen+hitClose)
		last, size := utf8.DecodeLastRuneInString(visible)
		if size == 0 || !(strings.ContainsRune(noLineStart, first) || strings.ContainsRune(noLineEnd, last)) {
			return h, rest
		}
		cut := len(visible) - size
		for strings.HasSuffix(h[:cut], hitOpen) { // the hit it opens moves too
			cut -= len(hitOpen)
		}
		if strings.TrimRight(h[:cut], hitOpen+hitClose) == "" {
			return head, restOf(head, h, rest) // nothing left to move
		}
		h, rest = h[:cut], h[cut:]+rest
	}
}

// restOf undoes the moves of kinsoku: the text after head again.
func restOf(head, h, rest string) string { return rest[len(head)-len(h):] }
