package formats

import (
	"testing"

	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// The package's regular expressions are compiled on first use (lazyre);
// this fails on an invalid one even where no other test reaches it.
func TestRegexpsCompile(t *testing.T) {
	if err := lazyre.Check(); err != nil {
		t.Fatal(err)
	}
}
