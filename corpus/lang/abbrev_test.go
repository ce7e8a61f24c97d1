package lang

import "testing"

func TestAbbrev(t *testing.T) {
	for w, want := range map[string]AbbrevKind{
		"Mr": TitleAbbrev, "Gov": TitleAbbrev, "Cong": TitleAbbrev, "Lt": TitleAbbrev, "vs": TitleAbbrev, "Vs": TitleAbbrev,
		"No": NumberAbbrev, "no": NumberAbbrev, "Fig": NumberAbbrev,
		"Inc": EndAbbrev, "Corp": EndAbbrev, "Jr": EndAbbrev, "St": EndAbbrev, "Ariz": EndAbbrev, "Calif": EndAbbrev, "Jan": EndAbbrev,
		"U.S": DottedAcronym, "F.B.I": DottedAcronym, "a.m": DottedAcronym, "Ph.D": DottedAcronym,
		"J": Initial, "S": Initial,
		// Capitalised entries need a capital; words are words.
		"ill": NotAbbrev, "miss": NotAbbrev, "wash": NotAbbrev, "v": TitleAbbrev, "V": Initial,
		"example.com": NotAbbrev, "said": NotAbbrev, "": NotAbbrev, "III": NotAbbrev,
	} {
		if got := Abbrev(w); got != want {
			t.Errorf("Abbrev(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestEndsInAbbreviation(t *testing.T) {
	for s, want := range map[string]bool{
		"Talks With the U.S.": true, "Arsenal vs.": true, "Apple Inc.": true, "Smith Jr.": true, "in Calif.": true,
		"The talks ended.": false, "He said no.": false, "By J.": false, "See example.com.": false, "No dot": false, "": false,
	} {
		if got := EndsInAbbreviation(s); got != want {
			t.Errorf("EndsInAbbreviation(%q) = %v, want %v", s, got, want)
		}
	}
}
