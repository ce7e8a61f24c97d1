package article

import "testing"

// A text key reads invalid bytes as separators (the loader cleans text
// before keying it; a key must not panic on text that was not).
func TestTextKeyInvalidBytes(t *testing.T) {
	a := &Article{Words: 20, Blocks: []Block{{Text: "Dock\x80workers \xffreturned"}}}
	b := &Article{Words: 20, Blocks: []Block{{Text: "dock workers returned"}}}
	if TextKey(a) != TextKey(b) {
		t.Error("invalid bytes are not word separators in the text key")
	}
}
