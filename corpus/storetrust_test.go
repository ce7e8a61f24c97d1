package corpus

import (
	"context"
	"path/filepath"
	"testing"
)

// A load that trusts the folder record serves every file from the store
// without a stat each, so a file rewritten in place (which changes no
// folder) is served as stored; the ChangedOnly load that follows hands
// over that file alone, stores it, and hands over nothing when nothing
// changed. A folder that changed is not trusted.
func TestTrustFoldersThenChangedOnly(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 12)
	src := Source{Paths: []string{dir}}
	settledStore(t, dir, cacheDir)
	load := func(opt Options) (arts []*Article, last Batch) {
		opt.CacheDir, opt.ListOnly = cacheDir, true
		Stream(context.Background(), src, opt, func(b Batch) {
			arts = append(arts, b.Articles...)
			last = b
		})
		return arts, last
	}
	titleOf := func(arts []*Article, path string) string {
		for _, a := range arts {
			if a.Path == path {
				return a.Title
			}
		}
		return ""
	}
	trust, check := Options{TrustFolders: true}, Options{ChangedOnly: true}

	checked, _ := load(Options{})
	all, last := load(trust)
	if !last.Trusted || len(all) != len(checked) || last.Cached != last.Read {
		t.Fatalf("nothing changed: trusted %v, %d articles, %d of %d files from the store", last.Trusted, len(all), last.Cached, last.Read)
	}
	if changed, last := load(check); len(changed) != 0 || len(last.Gone) != 0 || last.Trusted {
		t.Fatalf("nothing changed, the check hands over %d articles, %v gone (trusted %v)", len(changed), last.Gone, last.Trusted)
	}

	p := filepath.Join(dir, "d0", "a003.txt")
	old := titleOf(all, p)
	writeFile(t, p, "Rewritten headline\n\nRewritten where it lies.")
	all, last = load(trust)
	if !last.Trusted || titleOf(all, p) != old {
		t.Fatalf("rewritten in place: trusted %v, title %q; want the stored %q", last.Trusted, titleOf(all, p), old)
	}
	changed, last := load(check)
	if len(changed) != 1 || changed[0].Path != p || changed[0].Title != "Rewritten headline" || len(last.Gone) != 0 {
		t.Fatalf("the check after a rewrite hands over %d articles (%v), %v gone", len(changed), changed, last.Gone)
	}
	if all, last = load(trust); !last.Trusted || titleOf(all, p) != "Rewritten headline" {
		t.Errorf("after the check: trusted %v, title %q", last.Trusted, titleOf(all, p))
	}

	writeFile(t, filepath.Join(dir, "d1", "new.txt"), "New headline\n\nA new article arrived.")
	if all, last = load(trust); last.Trusted || len(all) != len(checked)+1 {
		t.Errorf("a file added: trusted %v, %d articles", last.Trusted, len(all))
	}
}
