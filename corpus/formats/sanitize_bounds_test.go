package formats

import "testing"

// Escape sequences at the edges of their byte ranges (ECMA-48): an
// intermediate byte is 0x20–0x2F, a two-character sequence's final byte
// 0x30–0x7E, a control sequence's final byte 0x40–0x7E; a control string
// ends at ST written as ESC \, and an ESC that ends the text ends it too.
// Each sequence goes whole, and the text after it stays, exactly.
func TestCleanTextSequenceByteRanges(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"space as intermediate (ESC SP F)", "a\x1b Fz", "az"},
		{"slash as last intermediate", "a\x1b/Bz", "az"},
		{"intermediates then final", "a\x1b (Bz", "az"},
		{"digit zero as final", "a\x1b0z", "az"},
		{"tilde as final", "a\x1b~z", "az"},
		{"CSI final @ (insert characters)", "a\x1b[1@z", "az"},
		{"CSI final ~ (function key)", "a\x1b[1~z", "az"},
		{"CSI with a space intermediate (cursor style)", "a\x1b[1 qz", "az"},
		{"OSC ended by ESC backslash", "a\x1b]0;title\x1b\\z", "az"},
		{"OSC whose text ends in a backslash, then a CSI", "a\x1b]0;x\\\x1b[1mz", "az"},
		{"OSC cut off by an ESC that ends the text", "a\x1b]0;title\x1b", "a"},
		{"ESC alone at the end", "a\x1b", "a"},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("%s: CleanText(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
