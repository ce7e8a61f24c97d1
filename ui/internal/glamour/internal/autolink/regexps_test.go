package autolink

import (
	"testing"

	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// The patterns are compiled on first use (lazyre); this fails on an
// invalid one, and Detect still shortens what upstream shortens.
func TestRegexpsCompile(t *testing.T) {
	if err := lazyre.Check(); err != nil {
		t.Fatal(err)
	}
	if got, ok := Detect("https://github.com/owner/repo/pull/7#discussion_r12"); !ok || got != "owner/repo#7 (comment)" {
		t.Fatalf("Detect = %q, %v", got, ok)
	}
}
