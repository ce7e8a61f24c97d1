package formats

import "testing"

// Links and images keep only their text, whatever their destination holds:
// balanced parentheses (Wikipedia's disambiguated titles), a title, angle
// brackets, spaces.
func TestStripInlineLinkDestinations(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"See [Mercury](https://en.wikipedia.org/wiki/Mercury_(planet)) tonight.", "See Mercury tonight."},
		{"A map ![map](https://example.org/img/Map_(2024).png) here.", "A map  here."},
		{"[two](https://x.org/a_(b)_c_(d)) words", "two words"},
		{`[t](https://x.org/p "The title") end`, "t end"},
		{"[t](https://x.org/p_(q) 'title') end", "t end"},
		{"[t](<https://x.org/with space>) end", "t end"},
		{"[sloppy](my file.md) end", "sloppy end"},
		{"(aside [a](https://x.org/b)) end", "(aside a) end"},
		{"[a](https://x.org) and [b](https://y.org/(c))", "a and b"},
		{"[![logo](https://x.org/logo_(1).png)](https://x.org/)", ""},
	} {
		if got := stripInline(c.in); got != c.want {
			t.Errorf("stripInline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
