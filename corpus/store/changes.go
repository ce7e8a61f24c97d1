package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/watch"
)

// Affected reports whether changes touch the file at path: it changed, or
// it was removed, or a removed folder held it. What the changes touch
// leaves the list; the changes' articles take its place.
func Affected(cs []watch.Change) func(path string) bool {
	gone := make(map[string]bool, len(cs))
	var dirs []string
	for _, c := range cs {
		gone[c.Path] = true
		if c.Removed && c.Dir {
			dirs = append(dirs, c.Path+string(filepath.Separator))
		}
	}
	return func(p string) bool {
		if gone[p] {
			return true
		}
		for _, d := range dirs {
			if strings.HasPrefix(p, d) {
				return true
			}
		}
		return false
	}
}

// addedBy are the articles the changes bring.
func addedBy(cs []watch.Change) []*corpus.Article {
	var added []*corpus.Article
	for _, c := range cs {
		added = append(added, c.Articles...)
	}
	return added
}

// Apply takes changes to the corpus listed through the index (--watch,
// a freshness check): the articles of the files they touch leave it
// (Forget), theirs join it (AddChanged), and the store's Stories groups
// what is then listed. removed are the articles that left. A caller that
// hands the index its batches applies the changes with it, on the loop
// that hands the batches, so that both reach the index in order; the
// store applies those of its own Changes otherwise.
func (x *Index) Apply(cs []watch.Change) (removed []*corpus.Article, job Job) {
	touched := Affected(cs)
	x.mu.Lock()
	for _, a := range x.listed {
		if touched(a.Path) {
			removed = append(removed, a)
		}
	}
	x.mu.Unlock()
	x.Forget(removed)
	return removed, x.AddChanged(addedBy(cs))
}

// Check stats every file against the store's entry, reading no text
// (corpus.Options.ChangedOnly): a list served on the word of the store's
// folder record (Options.TrustFolders) misses a file rewritten in place,
// which changes no folder. What changed is put into the list as Changes
// does; nothing comes of it when nothing changed.
func (f *files) Check(ctx context.Context) ([]watch.Change, error) {
	opt := f.opt.Options
	opt.ListOnly, opt.TrustFolders, opt.ChangedOnly = true, false, true
	var changes []watch.Change
	at := map[string]int{} // path -> index in changes
	change := func(path string) *watch.Change {
		i, ok := at[path]
		if !ok {
			i = len(changes)
			at[path] = i
			changes = append(changes, watch.Change{Path: path})
		}
		return &changes[i]
	}
	corpus.Stream(ctx, f.src, opt, func(b corpus.Batch) {
		for _, a := range b.Articles {
			c := change(a.Path)
			c.Articles = append(c.Articles, a)
		}
		for _, s := range b.Skipped {
			change(s.Path).Skipped = &s
		}
		for _, p := range b.Gone {
			change(p).Removed = true
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(changes) > 0 {
		f.apply(changes)
	}
	return changes, nil
}

// apply puts changes the store's Changes found into its list (once it is
// loaded) and, when the store feeds its index itself, into the index, so
// that List, Read, Search and Stories afterwards see them. An index a
// caller hands the batches to is the caller's to update (Index.Apply).
func (f *files) apply(cs []watch.Change) {
	if !f.loaded() {
		return // a load to come reads the files as they are
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	touched := Affected(cs)
	gone := func(a *corpus.Article) bool { return touched(a.Path) }
	added := addedBy(cs)
	// A new corpus and new slices: a list taken before stays as it was.
	c := *f.c
	for _, a := range c.Articles {
		if gone(a) {
			delete(f.byID, a.ID)
		}
	}
	for _, a := range added {
		if f.byID != nil {
			f.byID[a.ID] = a
		}
	}
	c.Articles = append(slices.DeleteFunc(slices.Clone(c.Articles), gone), added...)
	c.Fresh = append(slices.DeleteFunc(slices.Clone(c.Fresh), gone), added...)
	c.Skipped = slices.DeleteFunc(slices.Clone(c.Skipped), func(s corpus.Skipped) bool { return touched(s.Path) })
	for _, ch := range cs {
		if ch.Skipped != nil {
			c.Skipped = append(c.Skipped, *ch.Skipped)
		}
	}
	f.c, f.sorted = &c, false
	f.inLoadOrder = append(slices.DeleteFunc(slices.Clone(f.inLoadOrder), gone), added...)
	f.changed = true // the store's state no longer says what is listed
	if f.ix.isOwn() {
		f.ix.setStamp(nil)
		_, job := f.ix.Apply(cs)
		f.run([]Job{job})
	}
}
