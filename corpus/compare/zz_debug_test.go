package compare

import (
	"os"
	"strings"
	"testing"
)

func TestZZDump(t *testing.T) {
	b, err := os.ReadFile("/tmp/nq/in.txt")
	if err != nil {
		t.Skip()
	}
	d := Prepare(article("x", strings.Split(strings.TrimSpace(string(b)), "\n")...))
	for _, s := range d.Sentences {
		t.Logf("S%d: %s", s.Index, s.Text)
	}
	for _, e := range d.Entities() {
		t.Logf("E %-30q %-6s n=%d key=%s g=%d roles=%v kin=%v", e.Name, e.Kind, len(e.Mentions), e.key, e.who.genderOf(), e.who.roles, e.who.kin)
	}
	for _, q := range d.Quotes() {
		t.Logf("Q %-25q %-8s %.60q", q.Speaker, q.SpeakerKind, q.Text)
	}
}

func TestZZCov(t *testing.T) {
	b, err := os.ReadFile("/tmp/nq/cov.txt")
	if err != nil {
		t.Skip()
	}
	var docs []*Doc
	for k, part := range strings.Split(string(b), "\n===\n") {
		docs = append(docs, Prepare(article(string(rune('a'+k)), strings.Split(strings.TrimSpace(part), "\n")...)))
	}
	cov := Coverage(docs)
	for _, r := range cov.Entities {
		var in []int
		for _, m := range r.In {
			in = append(in, len(m))
		}
		t.Logf("E %-28q %-6s %v", r.Name, r.Kind, in)
	}
	for _, r := range cov.Quotes {
		var sp []string
		for _, q := range r.In {
			if q == nil {
				sp = append(sp, "-")
			} else {
				sp = append(sp, q.Speaker)
			}
		}
		t.Logf("Q %.50q %q %q", r.Text, r.Speaker, sp)
	}
}
