package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Precision and recall floors for the labelled boundaries in
// testdata/sentences, over all house styles together and for each.
const (
	minBoundaryPrecision = 0.97
	minBoundaryRecall    = 0.95
	minFilePrecision     = 0.85
	minFileRecall        = 0.85
)

// TestSentenceFixtures checks sentence boundaries against labelled news
// text in several house styles (NYT honorifics and dotted acronyms, AP
// style, wire copy, British style without full stops, quotations) and
// logs precision and recall.
func TestSentenceFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "sentences", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var all boundaryCount
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var c boundaryCount
		for _, para := range strings.Split(string(data), "\n\n") {
			want := strings.Split(strings.TrimSpace(para), "\n")
			if len(want) == 0 || want[0] == "" {
				continue
			}
			text := strings.Join(want, " ")
			c.add(t, text, labelledEnds(want), predictedEnds(text))
		}
		name := filepath.Base(p)
		t.Logf("%-12s boundaries %3d  precision %.3f  recall %.3f", name, c.gold, c.precision(), c.recall())
		if c.precision() < minFilePrecision || c.recall() < minFileRecall {
			t.Errorf("%s: precision %.3f recall %.3f, floors %.2f %.2f", name, c.precision(), c.recall(), minFilePrecision, minFileRecall)
		}
		all.gold += c.gold
		all.predicted += c.predicted
		all.right += c.right
	}
	t.Logf("all          boundaries %3d  precision %.3f  recall %.3f", all.gold, all.precision(), all.recall())
	if all.precision() < minBoundaryPrecision || all.recall() < minBoundaryRecall {
		t.Errorf("overall precision %.3f recall %.3f, floors %.2f %.2f", all.precision(), all.recall(), minBoundaryPrecision, minBoundaryRecall)
	}
}

type boundaryCount struct{ gold, predicted, right int }

func (c boundaryCount) precision() float64 { return ratio(c.right, c.predicted) }
func (c boundaryCount) recall() float64    { return ratio(c.right, c.gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// add counts the boundaries inside one paragraph (its end is not one) and
// logs every miss, so a failing floor shows its sentences.
func (c *boundaryCount) add(t *testing.T, text string, gold, got map[int]bool) {
	t.Helper()
	c.gold += len(gold)
	c.predicted += len(got)
	for e := range got {
		if gold[e] {
			c.right++
		} else {
			t.Logf("false boundary: %q | %q", text[max(0, e-40):e], text[e:min(len(text), e+30)])
		}
	}
	for e := range gold {
		if !got[e] {
			t.Logf("missed boundary: %q | %q", text[max(0, e-40):e], text[e:min(len(text), e+30)])
		}
	}
}

// labelledEnds: the end offsets of all sentences but the last, once joined
// with single spaces.
func labelledEnds(sentences []string) map[int]bool {
	ends := map[int]bool{}
	off := 0
	for _, s := range sentences[:len(sentences)-1] {
		off += len(s)
		ends[off] = true
		off++
	}
	return ends
}

func predictedEnds(text string) map[int]bool {
	ends := map[int]bool{}
	for _, s := range Sentences(text) {
		if s.End < len(text) {
			ends[s.End] = true
		}
	}
	return ends
}

// Sentences must cover the text: its pieces, in order, are the text
// without the spaces between them, none is empty or carries surrounding
// space, and no line break is inside one.
func checkSentences(t *testing.T, s string) {
	t.Helper()
	var b strings.Builder
	prev := 0
	for i, sp := range Sentences(s) {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			t.Fatalf("%q: sentence %d has span %d-%d after %d", s, i, sp.Start, sp.End, prev)
		}
		if dropSpace(s[prev:sp.Start]) != "" {
			t.Fatalf("%q: text %q between sentences is lost", s, s[prev:sp.Start])
		}
		text := sp.Text(s)
		if dropSpace(text) == "" || isSpaceByte(text[0]) || isSpaceByte(text[len(text)-1]) {
			t.Fatalf("%q: sentence %d is %q", s, i, text)
		}
		if strings.Contains(text, "\n") {
			t.Fatalf("%q: sentence %d spans a line break: %q", s, i, text)
		}
		b.WriteString(text)
		prev = sp.End
	}
	if dropSpace(s[prev:]) != "" {
		t.Fatalf("%q: tail %q is lost", s, s[prev:])
	}
	if dropSpace(b.String()) != dropSpace(s) {
		t.Fatalf("%q: sentences do not rebuild the text", s)
	}
}

// dropSpace removes spaces byte by byte (strings.Map would join the
// halves of an invalid UTF-8 sequence differently).
func dropSpace(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			b = append(b, s[i])
		}
	}
	return string(b)
}

func FuzzSentences(f *testing.F) {
	f.Add("He moved to the U.S. He left. The F.B.I.'s office said.")
	f.Add("“We will win. We always win,” Mr. Trump said. “None at all.”")
	f.Add("Gov. Doug Ducey of Ariz. said no. No. 2 \"a\" b.\nC... D?! 3.5")
	f.Add(strings.Repeat("“A. ", 50) + strings.Repeat("\".", 30))
	f.Fuzz(func(t *testing.T, s string) { checkSentences(t, s) })
}

// Pathological input stays linear: a megabyte of full stops, and a quarter
// of one of initials, of a dotted acronym, of open quotations that never
// close, of quotations full of stops.
func TestSentencesPathological(t *testing.T) {
	const mb, n = 1 << 20, 1 << 18
	for name, s := range map[string]string{
		"dots":          strings.Repeat(".", mb),
		"spaced dots":   strings.Repeat(". ", n/2),
		"initials":      strings.Repeat("A. ", n/3),
		"acronym":       strings.Repeat("A.", n/2),
		"open quotes":   strings.Repeat("“A. ", n/6),
		"quoted stops":  strings.Repeat("\"A. B. C.\" ", n/11),
		"straight open": strings.Repeat("\"A. ", n/4),
		"spaces":        "“A." + strings.Repeat(" ", n) + "”",
	} {
		got := Sentences(s)
		if name == "dots" && len(got) != 1 {
			t.Errorf("%s: %d sentences, want 1", name, len(got))
		}
		if len(got) > len(s) {
			t.Errorf("%s: %d sentences for %d bytes", name, len(got), len(s))
		}
	}
	checkSentences(t, strings.Repeat("“A. B,” he said. ", 1000))
}
