package compare

import "testing"

// A title written as a short acronym (MP, MEP, PM, VP, CFO, CEO) stands
// before a name as a spelled-out one does: "Labour MP Diane Abbott" is the
// person Diane Abbott, with the title, not one name of three words. A word
// of a sentence in capitals is no acronym title ("PRESIDENT" in a shouted
// headline is left to the other rules).
func TestAcronymTitleBeforeName(t *testing.T) {
	tests := []struct{ para, want string }{
		{"Labour MP Diane Abbott said the vote was close.",
			`s0 "Labour" 0-6 known="" title="" honor="" acro=false kin=false votes=[0 0 0]
s0 "Diane Abbott" 10-22 known="" title="mp" honor="" acro=false kin=false votes=[4 0 0]
`},
		{"The company's CFO Ruth Porat spoke on Monday.",
			`s0 "Ruth Porat" 18-28 known="" title="cfo" honor="" acro=false kin=false votes=[2.5 0 0]
`},
	}
	for _, tt := range tests {
		if got := dumpMentions(Prepare(article("a", tt.para))); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.para, got, tt.want)
		}
	}
}
