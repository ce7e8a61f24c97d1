package cli

import (
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// articleJSON is the --json shape of an article's metadata.
type articleJSON struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	TitleDerived bool     `json:"title_derived"`
	Outlet       string   `json:"outlet"`
	Via          string   `json:"via"`
	Dateline     string   `json:"dateline"`
	Byline       string   `json:"byline"`
	URL          string   `json:"url"`
	Published    *string  `json:"published"`
	Words        int      `json:"words"`
	Headings     []string `json:"headings"`
	Path         string   `json:"path"`
	Format       string   `json:"format"`
	DuplicateOf  string   `json:"duplicate_of"`
}

// articleFullJSON adds the body, for show --json.
type articleFullJSON struct {
	articleJSON
	Blocks  []corpus.Block `json:"blocks"`
	Removed []string       `json:"removed"`
}

func toJSON(a *corpus.Article) articleJSON {
	j := articleJSON{
		ID: a.ID, Title: a.Title, TitleDerived: a.TitleDerived, Outlet: a.Outlet, Via: a.Via,
		Dateline: a.Dateline, Byline: a.Byline, URL: a.URL, Words: a.Words,
		Headings: a.Headings(), Path: a.Path, Format: a.Format, DuplicateOf: a.DuplicateOf,
	}
	if a.HasDate() {
		s := a.Published.Format(time.RFC3339)
		j.Published = &s
	}
	return j
}

func toFullJSON(a *corpus.Article) articleFullJSON {
	j := articleFullJSON{articleJSON: toJSON(a), Blocks: a.Blocks, Removed: a.Removed}
	if j.Blocks == nil {
		j.Blocks = []corpus.Block{}
	}
	if j.Removed == nil {
		j.Removed = []string{}
	}
	return j
}
