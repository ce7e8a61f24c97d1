package search

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"Umerov", `"tough but" -x outlet:"a b" title:y`, `"`, "-", "outlet:", "title:\"", "北京 Путин’s", "a“b”c", "--\"\"", "x\x00y"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	ix := fixture()
	f.Fuzz(func(t *testing.T, s string, typing bool) {
		q, err := ParseQuery(s, typing)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) || qe.Pos < 0 || qe.Pos > len(s) {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if len(q.Clauses)+len(q.Excludes) > MaxClauses {
			t.Fatalf("%d clauses", len(q.Clauses)+len(q.Excludes))
		}
		prefixes := 0
		for _, c := range append(q.Clauses, q.Excludes...) {
			if len(c.Words) == 0 {
				t.Fatalf("empty clause in %q", s)
			}
			for _, w := range c.Words {
				if w == "" || !utf8.ValidString(w) && utf8.ValidString(s) || strings.ContainsAny(w, " \t\n\"") {
					t.Fatalf("bad word %q from %q", w, s)
				}
			}
			if c.Prefix {
				prefixes++
			}
		}
		if prefixes > 1 || prefixes == 1 && !typing {
			t.Fatalf("%d prefix clauses (typing %v) from %q", prefixes, typing, s)
		}
		// The normalised query parses again to the same thing.
		q2, err := ParseQuery(q.String(), false)
		if err != nil {
			t.Fatalf("re-parse of %q (from %q): %v", q.String(), s, err)
		}
		if len(q2.Clauses) != len(q.Clauses) {
			t.Fatalf("re-parse of %q changed clauses: %q", q.String(), q2.String())
		}
		if _, err := ix.SearchQuery(context.Background(), q, Options{}); err != nil {
			t.Fatal(err)
		}
	})
}
