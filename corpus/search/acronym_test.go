package search

import (
	"context"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// A dotted acronym is one word, whichever way it is written in the text or
// the query: "fbi" finds "F.B.I.", "N.R.A." finds "NRA", and no letter of
// it is searched (or reported) on its own.
func TestSearchDottedAcronyms(t *testing.T) {
	ix := New()
	ix.Add([]*corpus.Article{
		art("dotted", "nytimes.com", "F.B.I. 'Destroyed' Flynn's Life, Lawyer Says", "The F.B.I.'s New York office and the N.R.A. declined to comment."),
		art("plain", "apnews.com", "NRA backs the bill", "The NRA and the FBI met on Monday."),
		art("other", "c.com", "Talks in Kyiv", "Officials in Kyiv met on Monday. Y and J left."),
	})
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"fbi", []string{"dotted", "plain"}},
		{"F.B.I.", []string{"dotted", "plain"}},
		{"N.R.A.", []string{"dotted", "plain"}},
		{"nra", []string{"dotted", "plain"}},
		{`"F.B.I.'s New York"`, []string{"dotted"}},
	} {
		r, err := ix.Search(context.Background(), tt.query, Options{Limit: -1})
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		got := ids(r)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("search %s = %v, want %v", tt.query, got, tt.want)
		}
		if len(r.Spellings) > 0 {
			t.Errorf("search %s also searched %+v", tt.query, r.Spellings)
		}
	}
	q, err := ParseQuery("N.R.A.", false)
	if err != nil || len(q.Clauses) != 1 || !slices.Equal(q.Clauses[0].Words, []string{"nra"}) {
		t.Fatalf("ParseQuery(N.R.A.) = %+v, %v", q, err)
	}
	// The in-article find highlights the whole acronym.
	a := ix.docs[0]
	f, err := Find(a, "F.B.I.", false)
	if err != nil || len(f.Positions) != 1 || len(f.Spellings) > 0 {
		t.Fatalf("Find F.B.I.: %+v, %v", f, err)
	}
	p := f.Positions[0]
	if got := a.Blocks[p.Block].Text[p.Start:p.End]; got != "F.B.I" {
		t.Errorf("Find F.B.I. highlights %q", got)
	}
	if len(f.TitleSpans) != 1 || a.Title[f.TitleSpans[0].Start:f.TitleSpans[0].End] != "F.B.I" {
		t.Errorf("Find F.B.I. title spans %+v", f.TitleSpans)
	}
}

// An initial has no spelling variants: "J" finds J alone, never the "Y",
// "Ii" and "Iii" that share its transliteration key.
func TestSearchInitialHasNoVariants(t *testing.T) {
	ix := New()
	ix.Add([]*corpus.Article{
		art("j", "a.com", "Donald J. Trump speaks", "Donald J. Trump spoke on Monday."),
		art("y", "b.com", "Generation Y", "Generation Y and Henry VIII, Pope Pius II and Louis III."),
	})
	for _, q := range []string{"J", "Jj", "Q"} {
		r, err := ix.Search(context.Background(), q, Options{Limit: -1})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Spellings) > 0 || slices.Contains(ids(r), "y") {
			t.Errorf("search %s: %v, also searched %+v", q, ids(r), r.Spellings)
		}
	}
}
