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

// isDiacritic at the edges of the blocks it removes, and the marks of
// other scripts next to them, which it keeps.
func TestIsDiacriticEdges(t *testing.T) {
	removed := []rune{0x0300, 0x0301, 0x036F, 0x0483, 0x0487, 0x0591, 0x05B0, 0x05C7,
		0x0610, 0x061A, 0x064B, 0x064E, 0x065F, 0x0670, 0x06D6, 0x06ED,
		0x1AB0, 0x1ABD, 0x1DC0, 0x1DFF, 0x20D0, 0x20DC, 0xFE20, 0xFE2F}
	kept := []rune{'a', 0x02FF, 0x0370, 0x0482, 0x048A, 0x0590, 0x05C8, 0x060F, 0x061B, 0x064A,
		0x0660, 0x066F, 0x0671, 0x06D5, 0x06EE, // letters, digits and signs beside the blocks
		0x0901, 0x093C, 0x0941, 0x094D, 0x09CD, 0x0BCD, 0x0E31, 0x0E34, // Brahmic and Thai marks
		0x1AAF, 0x1DBF, 0x20CF, 0xFE1F, 0xFE30, 0x1F600}
	for _, r := range removed {
		if !isDiacritic(r) {
			t.Errorf("isDiacritic(%U) = false, want true", r)
		}
	}
	for _, r := range kept {
		if isDiacritic(r) {
			t.Errorf("isDiacritic(%U) = true, want false", r)
		}
	}
}
