package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCountWordsCJK(t *testing.T) {
	cases := []struct {
		s    string
		want int
	}{
		{"The port reopened on Monday.", 5},
		{"台风登陆福建。", 6},            // six characters, one full stop
		{"コーヒーを飲む", 7},            // kana and the prolonged sound mark, by character
		{"第11号台风", 5},             // "11" is one word, then 第 号 台 风
		{"Apple发布了iPhone 16。", 6}, // Apple, 发, 布, 了, iPhone, 16
		{"서울에서 회의가 열렸다", 3},       // Korean is spaced: by words
		{"naïve café, l’été", 3},
	}
	for _, c := range cases {
		if got := CountWords(c.s); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// A Chinese news page of about 600 characters reads in about two minutes,
// not "285 words · 2 min read" and not the 3 minutes 600 English words take.
func TestReadingMinutesCJK(t *testing.T) {
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
		chars += countCJK(b.Text)
	}
	if a.Words < chars || chars < 60 {
		t.Errorf("%d words for %d Chinese characters", a.Words, chars)
	}
	long := &Article{Blocks: []Block{{Paragraph, strings.Repeat(a.Blocks[0].Text, 12)}}}
	long.Words = countWords(long.Blocks)
	// 300 characters a minute.
	if got, want := long.ReadingMinutes(), (countCJK(long.Blocks[0].Text)+299)/300; got != want || got < 2 {
		t.Errorf("%d words (%d CJK): %d min, want %d", long.Words, countCJK(long.Blocks[0].Text), got, want)
	}
	english := &Article{Words: 690, Blocks: []Block{{Paragraph, strings.Repeat("word ", 690)}}}
	if got := english.ReadingMinutes(); got != 3 {
		t.Errorf("690 English words: %d min, want 3", got)
	}
	mixed := &Article{Words: 230 + 300, Blocks: []Block{{Paragraph, strings.Repeat("word ", 230) + strings.Repeat("字", 300)}}}
	if got := mixed.ReadingMinutes(); got != 2 {
		t.Errorf("230 words and 300 characters: %d min, want 2", got)
	}
	if got := (&Article{}).ReadingMinutes(); got != 1 {
		t.Errorf("empty: %d min, want 1", got)
	}
}
