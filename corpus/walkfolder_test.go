package corpus

import (
	"path/filepath"
	"testing"
)

// folderJoin must give exactly filepath.Join's paths, which are shown and
// stored: clean folders take the short way, the others Join's.
func TestFolderJoinIsJoin(t *testing.T) {
	dirs := []string{"", ".", "/", "/tmp/c", "/tmp/c/", "tmp/c", "./tmp/c", "tmp//c", "../c", "a/../b", "c:", `c:\x`}
	names := []string{"a.txt", "...", "x y", "über.md", ".hidden"}
	for _, d := range dirs {
		join := folderJoin(d)
		for _, n := range names {
			if got, want := join(n), filepath.Join(d, n); got != want {
				t.Errorf("folderJoin(%q)(%q) = %q, want %q", d, n, got, want)
			}
		}
	}
}

// claim hands out each ID once, in walk order, as before it took one hash.
func TestIDSetClaimUnique(t *testing.T) {
	s := idSet{}.reserved(100)
	got := []string{s.claim("a", "a.txt"), s.claim("a", "a.md"), s.claim("a.md", "a.md"), s.claim("b", "b.txt")}
	want := []string{"a", "a.md", "a.md~2", "b"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("claims = %q, want %q", got, want)
		}
	}
}
