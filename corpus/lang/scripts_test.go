package lang

import (
	"reflect"
	"testing"
)

// Scripts whose nonspacing and spacing marks are part of the spelling
// (Brahmic vowel signs and viramas, Thai vowels) keep them, and a mark
// never splits a word; the diacritics of Latin, Greek and Cyrillic and the
// optional vowel points of Hebrew and Arabic fold away.
func TestWordsOfScriptsWithMarks(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"नमस्ते दुनिया", []string{"नमस्ते", "दुनिया"}},
		{"दुनिया और दिन", []string{"दुनिया", "और", "दिन"}}, // "world" and "day" stay apart
		{"प्रधानमंत्री ने कहा", []string{"प्रधानमंत्री", "ने", "कहा"}},
		{"தமிழ்நாடு அரசு", []string{"தமிழ்நாடு", "அரசு"}},
		{"মুখ্যমন্ত্রী বলেন", []string{"মুখ্যমন্ত্রী", "বলেন"}},
		{"รัฐบาลไทย", []string{"รัฐบาลไทย"}},
		// Folded away: accents, decomposed or not; Greek tonos; Cyrillic
		// breve and diaeresis; Hebrew niqqud; Arabic harakat.
		{"Café cafe\u0301 Ελλάδα Йошкар-Ола Ёлка", []string{"cafe", "cafe", "ελλαδα", "иошкар", "ола", "елка"}},
		{"שָׁלוֹם שלום", []string{"שלום", "שלום"}},
		{"مُحَمَّد محمد", []string{"محمد", "محمد"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FoldRune agrees with Fold rune by rune on text with marks of both kinds:
// finders that map folded positions back to the text rely on it.
func TestFoldRuneAgreesWithFoldOnMarks(t *testing.T) {
	for _, s := range []string{"दुनिया", "प्रधानमंत्री", "Ελλάδα", "שָׁלוֹם", "مُحَمَّد", "தமிழ்"} {
		var byRune string
		for _, r := range s {
			byRune += FoldRune(r)
		}
		if f := Fold(s); f != byRune {
			t.Errorf("Fold(%q) = %q, rune by rune %q", s, f, byRune)
		}
	}
}

// The danda ends a Hindi or Bengali sentence as a full stop does, and the
// Arabic question mark an Arabic one.
func TestSentencesOfOtherScripts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"प्रधानमंत्री ने कहा कि बातचीत जारी रहेगी। विपक्ष ने इसका विरोध किया।",
			[]string{"प्रधानमंत्री ने कहा कि बातचीत जारी रहेगी।", "विपक्ष ने इसका विरोध किया।"}},
		{"মুখ্যমন্ত্রী বলেন, কাজ চলছে। বিরোধীরা প্রতিবাদ করেন।",
			[]string{"মুখ্যমন্ত্রী বলেন, কাজ চলছে।", "বিরোধীরা প্রতিবাদ করেন।"}},
		{"هل ستستمر المحادثات؟ قال الوزير إنها ستستمر.",
			[]string{"هل ستستمر المحادثات؟", "قال الوزير إنها ستستمر."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.in) {
			got = append(got, tt.in[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
