package formats

import (
	"testing"
	"unsafe"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"csi colour", "a\x1b[1;31mb\x1b[0mc", "abc"},
		{"osc 52 clipboard with BEL", "a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"osc 8 hyperlink with ST", "a\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\b", "alinkb"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"8-bit csi", "a\u009b2Jb", "ab"},
		{"8-bit osc", "a\u009d0;title\u009cb", "ab"},
		{"unterminated osc stops at line end", "a\x1b]0;title\nnext", "a\nnext"},
		{"lone esc", "a\x1bcb", "ab"},
		{"esc at end", "ab\x1b", "ab"},
		{"c0 controls", "a\x00b\x07c\x08d\x7fe", "abcde"},
		{"c1 controls", "a\u0085b\u0080c", "abc"},
		{"8-bit dcs unterminated drops to line end", "a\u0090junk\nb", "a\nb"},
		{"bidi overrides", "a\u202eb\u2066c\u2069d", "abcd"},
		{"crlf and cr", "a\r\nb\rc", "a\nb\nc"},
		{"nbsp and tab", "a\u00a0b\tc", "a b c"},
		{"zero width and soft hyphen", "a\u200bb\u00adc\ufeffd", "abcd"},
		{"line separator", "a\u2028b", "a\nb"},
		{"plain text unchanged", "Kyiv — “quoted” café 北京", "Kyiv — “quoted” café 北京"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	if got := CleanLine("  a\n b \u200f c\u200e  "); got != "a b c" {
		t.Errorf("CleanLine = %q", got)
	}
}

// CleanStyled keeps Parallax's own styling (SGR) and removes everything
// else CleanText removes: a title from a crafted cache file styled by the
// list must lose its OSC, not its colour.
func TestCleanStyled(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain\ttext\n", "plain\ttext\n"},
		{"\x1b[1;38;5;12mBold\x1b[0m \x1b[m", "\x1b[1;38;5;12mBold\x1b[0m \x1b[m"},
		{"\x1b[38:2::1:2:3mrgb\x1b[0m", "\x1b[38:2::1:2:3mrgb\x1b[0m"},
		{"\x1b[1mT\x1b]0;PWNED\x07itle\x1b[0m", "\x1b[1mTitle\x1b[0m"},
		{"a\x1b]52;c;UFdORUQ=\x1b\\b", "ab"},
		{"a\x1b[2Jb\x1b[Hc\x1b[?1049l", "abc"},
		{"a\u009b2Jb\u009d0;x\u009cc\u0085d", "abcd"},
		{"a\x1b[31", "a"}, // an unfinished sequence is not SGR
		{"a\u202eb\u202c\rc", "ab\nc"},
	} {
		if got := CleanStyled(c.in); got != c.want {
			t.Errorf("CleanStyled(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if s := "\x1b[1mclean\x1b[0m\n"; unsafe.StringData(CleanStyled(s)) != unsafe.StringData(s) {
		t.Error("styled text needing no change must not be copied")
	}
}
