package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A plain-text title is one line whatever its punctuation: dotted acronyms
// (F.B.I., N.R.A., N.A.A.C.P.), a state abbreviation at its end, a quoted
// exclamation or a question inside it. The outlet, date and byline lines
// under it stay metadata. A lead paragraph of two sentences is still not
// taken for a title.
func TestPlainTextTitlesWithPunctuation(t *testing.T) {
	cases := []struct {
		file, title, outlet, date, byline, lead string
	}{
		{"fbi-flynn.txt", "F.B.I. 'Destroyed' Flynn's Life, His Lawyer Says as Sentencing Nears", "nytimes.com", "2017-12-04", "", "WASHINGTON — A lawyer for Michael T. Flynn"},
		{"nra-suit.txt", "N.R.A. Sues Florida Over Gun Law Hours After Governor Signs It", "nytimes.com", "2018-03-09", "Alan Blinder", "TALLAHASSEE, Fla. — The National Rifle"},
		{"naacp-advisory.txt", "N.A.A.C.P. Issues Travel Advisory for Missouri, a First for a State", "washingtonpost.com", "2017-08-03", "", "The civil rights group warned"},
		{"ariz-wildfire.txt", "Wildfire Forces Thousands From Their Homes Near Prescott, Ariz.", "foxnews.com", "2017-06-25", "", "PRESCOTT, Ariz. — A fast-moving wildfire"},
		{"jail-rally.txt", "'Jail!' Crowd Chants as Trump Attacks Clinton at Pensacola Rally", "foxnews.com", "2017-12-09", "", "PENSACOLA, Fla. — Supporters chanted"},
		{"zoning-question.txt", "Housing Shortage Needs a Solution? A Free-For-All on Zoning Is One City's Answer", "huffpost.com", "2017-12-05", "", "Minneapolis is weighing"},
		{"ap-no-metadata.txt", "'Jail!' Trump rally crowd chants. Clinton campaign responds", "", "", "", "PENSACOLA, Fla. (AP) — Supporters"},
		{"lead-not-title.txt", "", "", "", "", "The council met on Tuesday. It voted 5-2"},
	}
	right := 0
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join("testdata", "text", "titles", c.file))
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseText(DecodeText(data))
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		ok := true
		check := func(what, got, want string) {
			if got != want {
				t.Errorf("%s: %s = %q, want %q", c.file, what, got, want)
				ok = false
			}
		}
		if c.title == "" {
			check("title derived", boolText(a.TitleDerived), "true")
		} else {
			check("title", a.Title, c.title)
			check("title derived", boolText(a.TitleDerived), "false")
		}
		check("outlet", a.Outlet, c.outlet)
		date := ""
		if a.HasDate() {
			date = a.Published.Format("2006-01-02")
		}
		check("date", date, c.date)
		check("byline", a.Byline, c.byline)
		if len(a.Blocks) == 0 || !strings.HasPrefix(a.Blocks[0].Text, c.lead) {
			t.Errorf("%s: first block %+v, want it to start %q", c.file, a.Blocks[:min(1, len(a.Blocks))], c.lead)
			ok = false
		}
		body := a.Body()
		for _, meta := range []string{c.outlet, c.title} {
			if meta != "" && strings.Contains(body, meta+"\n") {
				t.Errorf("%s: %q is in the body", c.file, meta)
				ok = false
			}
		}
		if ok {
			right++
		}
	}
	t.Logf("plain-text headers parsed right: %d of %d", right, len(cases))
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
