package article

import (
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
		{"cafe\u0301 au lait", 3},        // a decomposed accent continues its word
		{"नमस्ते दुनिया", 2},             // Devanagari: vowel signs and viramas are marks
		{"प्रधानमंत्री ने कहा कि", 4},    // "the prime minister said that"
		{"தமிழ்நாடு அரசு அறிவித்தது", 3}, // Tamil
		{"মুখ্যমন্ত্রী বলেন", 2},         // Bengali
		{"\u0301\u0301 word", 1},         // marks with no letter before them start no word
	}
	for _, c := range cases {
		if got := CountWords(c.s); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// Chinese text reads at 300 characters a minute, not at the 230 words a
// minute of English, and a mix adds the two.
func TestReadingMinutesCJK(t *testing.T) {
	page := strings.Repeat("台风登陆福建沿海，港口停航。", 50) // 700 characters, 650 of them Chinese
	long := &Article{Blocks: []Block{{Paragraph, page}}}
	long.Words = CountWords(page)
	// 300 characters a minute.
	if got, want := long.ReadingMinutes(), (countCJK(page)+299)/300; got != want || got < 2 {
		t.Errorf("%d words (%d CJK): %d min, want %d", long.Words, countCJK(page), got, want)
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
