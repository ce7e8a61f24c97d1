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

// SGR parameters are the digits 0 to 9, ';' and ':': a colour reset
// (ESC [ 0 m) and a default foreground (ESC [ 39 m) are kept by
// CleanStyled, whole, as every styling sequence is; a sequence with
// another parameter byte ('/' or 'A' next to the digits) is not SGR and
// goes.
func TestCleanStyledSGRParameterBytes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\x1b[0mreset", "\x1b[0mreset"},
		{"\x1b[39mdefault", "\x1b[39mdefault"},
		{"\x1b[9;0mstruck", "\x1b[9;0mstruck"},
		{"\x1b[38:5:9mindexed", "\x1b[38:5:9mindexed"},
		{"a\x1b[/mb", "ab"},
		{"a\x1b[1Amb", "amb"}, // cursor up: ESC [ 1 A goes, "mb" stays
	}
	for _, tt := range tests {
		if got := CleanStyled(tt.in); got != tt.want {
			t.Errorf("CleanStyled(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if i := firstUncleanIn(tt.in, true); (i < 0) != (tt.in == tt.want) {
			t.Errorf("firstUncleanIn(%q, styled) = %d", tt.in, i)
		}
	}
}

// tidyLine reads a line ending in the first bytes of a directional mark
// (E2 80, cut short) without reading past it.
func TestTidyLineCutMark(t *testing.T) {
	for _, s := range []string{"word \xe2\x80", "word\xe2", "\xe2\x80"} {
		if !tidyLine(s) {
			t.Errorf("tidyLine(%q) = false, want true (no whole mark)", s)
		}
	}
	if tidyLine("word \xe2\x80\x8f") {
		t.Error("a whole RLM was not found")
	}
}

// A control string the text ends inside (an OSC title or hyperlink cut
// off) goes to the end, in 7-bit and 8-bit form, and the scan stops there.
func TestCleanTextControlStringAtTheEnd(t *testing.T) {
	for in, want := range map[string]string{
		"text\x1b]8;;https://example.org": "text",
		"text\u009d0;title":               "text",
		"text\x1bP":                       "text",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}
