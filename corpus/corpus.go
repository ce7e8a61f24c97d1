package corpus

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Skipped names a file that was not loaded and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func (s Skipped) String() string { return "skipped " + s.Path + ": " + s.Reason }

// Corpus is a loaded set of articles plus the report of what was skipped.
type Corpus struct {
	Articles []*Article
	Skipped  []Skipped
}

// Sort puts the articles in the default order: newest publication date first,
// articles without a date last, ties broken by ID.
func (c *Corpus) Sort() { SortArticles(c.Articles) }

// SortArticles sorts articles in the default order (see Corpus.Sort).
func SortArticles(as []*Article) {
	sort.SliceStable(as, func(i, j int) bool { return lessByDate(as[i], as[j]) })
}

func lessByDate(a, b *Article) bool {
	ad, bd := a.HasDate(), b.HasDate()
	switch {
	case ad && bd && !a.Published.Equal(b.Published):
		return a.Published.After(b.Published)
	case ad != bd:
		return ad
	}
	return a.ID < b.ID
}

// ByID returns the article with exactly this ID, or nil.
func (c *Corpus) ByID(id string) *Article {
	for _, a := range c.Articles {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// RefError is returned by Resolve when a reference names no article or more
// than one. Candidates lists the IDs that matched (for an ambiguous prefix).
type RefError struct {
	Ref        string
	Candidates []string
}

func (e *RefError) Error() string {
	if len(e.Candidates) == 0 {
		return fmt.Sprintf("no article matches %q", e.Ref)
	}
	const show = 10
	c := e.Candidates
	more := ""
	if len(c) > show {
		more = fmt.Sprintf(" and %d more", len(c)-show)
		c = c[:show]
	}
	return fmt.Sprintf("%q is ambiguous: it matches %s%s", e.Ref, strings.Join(c, ", "), more)
}

// Resolve finds the article a user means by ref: an exact ID, a 1-based
// position in the current order (written plainly: "3", not "003", which
// reads as an ID prefix), or a unique ID prefix, tried in that order.
func (c *Corpus) Resolve(ref string) (*Article, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, &RefError{Ref: ref}
	}
	if a := c.ByID(ref); a != nil {
		return a, nil
	}
	if n, err := strconv.Atoi(ref); err == nil && strconv.Itoa(n) == ref && n >= 1 && n <= len(c.Articles) {
		return c.Articles[n-1], nil
	}
	var cands []string
	var found *Article
	for _, a := range c.Articles {
		if strings.HasPrefix(a.ID, ref) {
			cands = append(cands, a.ID)
			found = a
		}
	}
	if len(cands) == 1 {
		return found, nil
	}
	sort.Strings(cands)
	return nil, &RefError{Ref: ref, Candidates: cands}
}
