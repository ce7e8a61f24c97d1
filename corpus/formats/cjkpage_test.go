package formats

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"
)

// A Chinese news page counts each Chinese character as a word (so that its
// reading time is that of about 600 characters, not of "285 words").
func TestCJKPageWords(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "formats", "utf8-declared-gb2312.html"))
	if err != nil {
		t.Fatal(err)
	}
	arts, err := ParseDocument("page.html", data)
	if err != nil || len(arts) != 1 {
		t.Fatal(err)
	}
	a := arts[0]
	chars := 0
	for _, b := range a.Blocks {
		for _, r := range b.Text {
			if unicode.Is(unicode.Han, r) {
				chars++
			}
		}
	}
	if a.Words < chars || chars < 60 {
		t.Errorf("%d words for %d Chinese characters", a.Words, chars)
	}
	if got, want := a.ReadingMinutes(), (a.Words+299)/300; a.Words == chars && got != want {
		t.Errorf("%d Chinese characters: %d min, want %d", chars, got, want)
	}
}
