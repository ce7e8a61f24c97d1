package corpus

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// loadForList loads dir as `parallax list` does (Options.StoredListing)
// and, as it does, stores the listing of what it shows when the load
// gives a stamp. It returns the rows shown and whether the stored listing
// answered.
func loadForList(t *testing.T, dir, cacheDir string) ([]ListRow, []Skipped, bool) {
	t.Helper()
	c := &Corpus{}
	var saved func() error
	Stream(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir, ListOnly: true, ListOnlyFresh: true, SaveAfter: true, StoredListing: true}, func(b Batch) {
		c.Articles = append(c.Articles, b.Articles...)
		c.Skipped = append(c.Skipped, b.Skipped...)
		if b.Done {
			c.Listing, c.Stamp, saved = b.Listing, b.Stamp, b.Saved
		}
	})
	c.Sort()
	if saved != nil { // as the command's Close does
		defer func() {
			if err := saved(); err != nil {
				t.Fatal(err)
			}
		}()
	}
	if c.Listing != nil {
		if len(c.Articles) != 0 || c.Stamp != nil {
			t.Fatalf("answered by the listing, and %d articles loaded (stamp %v)", len(c.Articles), c.Stamp != nil)
		}
		return c.Listing.Rows, c.Skipped, true
	}
	rows := ListRowsOf(c.Articles)
	if c.Stamp != nil {
		if err := c.Stamp.Save(rows, c.Skipped); err != nil {
			t.Fatal(err)
		}
	}
	return rows, c.Skipped, false
}

// listWithoutStore is what a list of dir shows with no store at all.
func listWithoutStore(t *testing.T, dir string) ([]ListRow, []Skipped) {
	t.Helper()
	c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ListRowsOf(c.Articles), c.Skipped
}

// sameRows reports whether two lists show the same lines: dates as the
// list prints them (the day in the article's own zone), outlets, titles
// and derived marks.
func sameRows(a, b []ListRow) bool {
	return slices.EqualFunc(a, b, func(x, y ListRow) bool {
		return x.Published.Equal(y.Published) && x.Published.Format(time.RFC3339Nano) == y.Published.Format(time.RFC3339Nano) &&
			x.Outlet == y.Outlet && x.Title == y.Title && x.TitleDerived == y.TitleDerived
	})
}

// listingCorpus is listFreshCorpus (text with datelines, feeds, a binary
// and an empty file) with a byte-identical copy and a file without a
// title, all in one folder with a subfolder.
func listingCorpus(t *testing.T) string {
	t.Helper()
	settleAtOnce(t)
	dir := listFreshCorpus(t)
	data, err := os.ReadFile(filepath.Join(dir, "d1", "a001.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "d1", "zz-copy.txt"), string(data))
	writeFile(t, filepath.Join(dir, "untitled.txt"), "the port reopened on monday after a strike that lasted nine days and closed the harbour to freight\n")
	return dir
}

// A list whose files are as the stored listing recorded them is answered
// by it, rows and skips, as the load it was made from showed them; the
// first open (no store to compare with) and the list that stores the
// listing load.
func TestStoredListingAnswersAnUnchangedList(t *testing.T) {
	dir, cacheDir := listingCorpus(t), t.TempDir()
	want, wantSkipped := listWithoutStore(t, dir)
	if len(wantSkipped) < 3 {
		t.Fatalf("%d skips: the corpus should hold a binary, an empty and a duplicate file", len(wantSkipped))
	}
	for run, answer := range []bool{false, false, true, true} {
		rows, skipped, answered := loadForList(t, dir, cacheDir)
		if answered != answer {
			t.Fatalf("run %d: answered by the listing %v, want %v", run, answered, answer)
		}
		if !sameRows(rows, want) {
			t.Fatalf("run %d: %d rows, not the %d of a list without store", run, len(rows), len(want))
		}
		slices.SortFunc(skipped, func(a, b Skipped) int { return compareSkips(a, b) })
		slices.SortFunc(wantSkipped, func(a, b Skipped) int { return compareSkips(a, b) })
		if !slices.Equal(skipped, wantSkipped) {
			t.Fatalf("run %d: skipped %v, want %v", run, skipped, wantSkipped)
		}
	}
}

func compareSkips(a, b Skipped) int {
	if a.Path != b.Path {
		if a.Path < b.Path {
			return -1
		}
		return 1
	}
	return 0
}

// Whatever changes a file (its bytes, its time, its mode, the file put in
// its place) or the set of files, the listing does not answer: the list
// loads, shows what a list without store shows, and stores a new listing
// that answers the next list.
func TestStoredListingNotUsedAfterAChange(t *testing.T) {
	victim := filepath.Join("d1", "a004.txt")
	// The store compares what the listing prints (size, both times,
	// inode): a file put in another's place with the same size and
	// modification time is read again too.
	changes := []struct {
		name   string
		change func(t *testing.T, dir string)
	}{
		{"rewritten in place, same size", func(t *testing.T, dir string) {
			p := filepath.Join(dir, victim)
			data, _ := os.ReadFile(p)
			copy(data, "Changed")
			st, _ := os.Stat(p)
			os.WriteFile(p, data, 0o644)
			os.Chtimes(p, st.ModTime().Add(-2*time.Second), st.ModTime().Add(-2*time.Second))
		}},
		{"touched", func(t *testing.T, dir string) {
			p := filepath.Join(dir, victim)
			st, _ := os.Stat(p)
			os.Chtimes(p, st.ModTime().Add(-time.Hour), st.ModTime().Add(-time.Hour))
		}},
		{"mode changed (status change time only)", func(t *testing.T, dir string) {
			time.Sleep(10 * time.Millisecond) // a new ctime on coarse clocks
			os.Chmod(filepath.Join(dir, victim), 0o600)
		}},
		{"another file put in its place, same size and time", func(t *testing.T, dir string) {
			p := filepath.Join(dir, victim)
			data, _ := os.ReadFile(p)
			st, _ := os.Stat(p)
			copy(data, "Swapped")
			tmp := p + ".new"
			os.WriteFile(tmp, data, 0o644)
			os.Chtimes(tmp, st.ModTime(), st.ModTime())
			os.Rename(tmp, p)
		}},
		{"added", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "d1", "a002x.txt"), "A New Story\n\nThe mayor opened the new bridge across the river on a cold morning.\n")
		}},
		{"removed", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, victim)) }},
		{"renamed", func(t *testing.T, dir string) {
			os.Rename(filepath.Join(dir, victim), filepath.Join(dir, "d1", "renamed.txt"))
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			dir, cacheDir := listingCorpus(t), t.TempDir()
			loadForList(t, dir, cacheDir)
			loadForList(t, dir, cacheDir)
			if _, _, answered := loadForList(t, dir, cacheDir); !answered {
				t.Fatal("the unchanged list was not answered by the listing")
			}
			c.change(t, dir)
			want, _ := listWithoutStore(t, dir)
			rows, _, answered := loadForList(t, dir, cacheDir)
			if answered {
				t.Fatal("answered by the listing after the change")
			}
			if !sameRows(rows, want) {
				t.Fatalf("%d rows after the change, not the %d of a list without store", len(rows), len(want))
			}
			rows, _, answered = loadForList(t, dir, cacheDir)
			if !answered || !sameRows(rows, want) {
				t.Fatalf("the next list: answered %v, %d rows of %d", answered, len(rows), len(want))
			}
		})
	}
}

// A damaged listing (a byte changed anywhere, cut short, empty, another
// kind of file) is never read as rows: the list loads and stores a good
// one.
func TestStoredListingDamaged(t *testing.T) {
	dir, cacheDir := listingCorpus(t), t.TempDir()
	want, _ := listWithoutStore(t, dir)
	loadForList(t, dir, cacheDir)
	loadForList(t, dir, cacheDir)
	path := listingPath(cacheDir, []string{dir})
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damages := map[string][]byte{"empty": nil, "cut short": good[:len(good)/2], "not a listing": []byte("parallax search index\n\x01")}
	for _, at := range []int{len(listingMagic), len(listingMagic) + 5, len(good) / 3, len(good) - 6, len(good) - 1} {
		b := slices.Clone(good)
		b[at] ^= 0x20
		damages[fmt.Sprintf("byte %d changed", at)] = b
	}
	for name, data := range damages {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		rows, _, answered := loadForList(t, dir, cacheDir)
		if answered || !sameRows(rows, want) {
			t.Fatalf("%s: answered %v with %d rows, want a load of %d", name, answered, len(rows), len(want))
		}
		if rows, _, answered := loadForList(t, dir, cacheDir); !answered || !sameRows(rows, want) {
			t.Fatalf("%s: the listing stored after it does not answer", name)
		}
	}
}

// What a list shows is stored only when it is a matter of its files'
// bytes: a FIFO (a skip of the walk) or a file that could not be read
// leaves no stamp, and the listing never answers while they are there.
func TestStoredListingNotStoredForWhatIsNotInTheFiles(t *testing.T) {
	dir, cacheDir := listingCorpus(t), t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	for run := range 3 {
		c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir, ListOnly: true, StoredListing: true})
		if err != nil {
			t.Fatal(err)
		}
		if c.Stamp != nil || c.Listing != nil {
			t.Fatalf("run %d: stamp %v, listing %v, with a FIFO among the files", run, c.Stamp != nil, c.Listing != nil)
		}
	}
	// A load that is not for a list neither answers nor stamps.
	os.Remove(filepath.Join(dir, "pipe"))
	loadForList(t, dir, cacheDir)
	loadForList(t, dir, cacheDir)
	c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir, ListOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.Stamp != nil || c.Listing != nil || len(c.Articles) == 0 {
		t.Fatalf("a load without StoredListing: stamp %v, listing %v, %d articles", c.Stamp != nil, c.Listing != nil, len(c.Articles))
	}
}

// A listing's rows read back as they were written: dates in their own
// zones (the day a list prints), none, derived titles, any text.
func TestListingRoundTrip(t *testing.T) {
	east, west := time.FixedZone("", 14*3600), time.FixedZone("", -(9*3600+30*60))
	rows := []ListRow{
		{Published: time.Date(2025, 11, 20, 23, 30, 0, 5, east), Outlet: "Outlet A", Title: "Late Night Story"},
		{Published: time.Date(2025, 11, 20, 0, 10, 0, 0, west), Outlet: "", Title: "Émigrés’ “Quotes” — 日本語", TitleDerived: true},
		{Published: time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), Outlet: "Old", Title: "Very old"},
		{Outlet: "Undated Outlet", Title: "No date"},
	}
	skipped := []Skipped{{Path: "a.bin", Reason: "binary file"}, {Path: "b.txt", Reason: duplicatePrefix + "a.txt (identical bytes, loaded once)"}}
	path := filepath.Join(t.TempDir(), "list.cache")
	stamp := &ListingStamp{path: path, print: listingPrint{1, 2, 3}}
	if err := stamp.Save(rows, skipped); err != nil {
		t.Fatal(err)
	}
	print, l, err := readListing(path)
	if err != nil {
		t.Fatal(err)
	}
	if print != stamp.print || !sameRows(l.Rows, rows) || !slices.Equal(l.Skipped, skipped) {
		t.Fatalf("read back print %v, rows %v, skipped %v", print, l.Rows, l.Skipped)
	}
	for i, r := range l.Rows {
		if got, want := r.Published.Format("2006-01-02"), rows[i].Published.Format("2006-01-02"); got != want || r.Published.IsZero() != rows[i].Published.IsZero() {
			t.Errorf("row %d: day %s, want %s", i, got, want)
		}
	}
}

// Any bytes at all where a listing should be are an error or a listing,
// never a panic or a hang.
func FuzzReadListing(f *testing.F) {
	path := filepath.Join(f.TempDir(), "list.cache")
	stamp := &ListingStamp{path: path}
	stamp.Save([]ListRow{{Published: time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC), Outlet: "O", Title: "T"}, {Title: "U", TitleDerived: true}}, []Skipped{{Path: "p", Reason: "r"}})
	good, _ := os.ReadFile(path)
	f.Add(good)
	f.Add(good[:len(good)-3])
	f.Add([]byte(listingMagic + "\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "list.cache")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, l, err := readListing(p); err == nil && l == nil {
			t.Fatal("no error and no listing")
		}
	})
}

// settleAtOnce lets a test's listing be stored although its files were
// just written (see walkPrinter.settled).
func settleAtOnce(t *testing.T) {
	old := listingSettle
	listingSettle = 0
	t.Cleanup(func() { listingSettle = old })
}

// Files modified within the racy window of the walk are listed, and no
// listing is stored for them: written again within the same tick of the
// clock, at the same size, they would print the same.
func TestStoredListingNotStoredForFilesJustWritten(t *testing.T) {
	dir, cacheDir := listingCorpus(t), t.TempDir()
	listingSettle = time.Hour // every file is as if just written
	for run := range 3 {
		if _, _, answered := loadForList(t, dir, cacheDir); answered {
			t.Fatalf("run %d answered by a listing of files just written", run)
		}
	}
	if _, err := os.Stat(listingPath(cacheDir, []string{dir})); err == nil {
		t.Fatal("a listing was stored for files just written")
	}
}

// A file skipped for its content (binary) the first time it is read does
// not keep the list from being stored: the next list is answered, and
// reports it skipped as the list that read it did.
func TestStoredListingAfterANewBinaryFile(t *testing.T) {
	dir, cacheDir := listingCorpus(t), t.TempDir()
	loadForList(t, dir, cacheDir)
	loadForList(t, dir, cacheDir)
	writeFile(t, filepath.Join(dir, "d2", "new.bin"), "\x00\x01\x02 binary \x00")
	_, skippedThen, answered := loadForList(t, dir, cacheDir)
	if answered {
		t.Fatal("answered by the listing with a new file")
	}
	rows, skipped, answered := loadForList(t, dir, cacheDir)
	want, _ := listWithoutStore(t, dir)
	if !answered || !sameRows(rows, want) {
		t.Fatalf("the list after the one that read a new binary file: answered %v, %d rows of %d", answered, len(rows), len(want))
	}
	if !slices.Equal(skipped, skippedThen) || !slices.ContainsFunc(skipped, func(k Skipped) bool { return filepath.Base(k.Path) == "new.bin" }) {
		t.Fatalf("skipped %v, want %v with new.bin", skipped, skippedThen)
	}
}

// writeRawListing writes a listing file whose body after the print is
// rows (made by the caller, field by field), with a good checksum: what a
// damaged or forged file that passes the checksum holds.
func writeRawListing(t *testing.T, path string, rows []byte) {
	t.Helper()
	body := append(make([]byte, len(listingPrint{})), rows...)
	if err := os.WriteFile(path, seal(listingMagic, listingVersion, body, listingEnd), 0o600); err != nil {
		t.Fatal(err)
	}
}

// A listing whose checksum holds but whose rows do not (a date out of
// range, an offset beyond a day, bytes after the last skip) is not read;
// the limits themselves are dates.
func TestListingRowsChecked(t *testing.T) {
	row := func(sec int64, nsec uint64, zone int64) []byte {
		b := binary.AppendUvarint(nil, 1) // one row
		b = binary.AppendVarint(b, sec)
		b = binary.AppendUvarint(b, nsec)
		b = binary.AppendVarint(b, zone)
		b = appendStr(appendStr(b, "Outlet"), "Title")
		return append(b, 0)
	}
	noSkips := binary.AppendUvarint(nil, 0)
	cases := []struct {
		name string
		body []byte
		ok   bool
	}{
		{"a good row", append(row(1700000000, 999999999, 3600), noSkips...), true},
		{"a zone a day east", append(row(1700000000, 0, 24*3600), noSkips...), true},
		{"a zone a day west", append(row(1700000000, 0, -24*3600), noSkips...), true},
		{"nanoseconds of a whole second", append(row(1700000000, 1e9, 0), noSkips...), false},
		{"a zone past a day east", append(row(1700000000, 0, 24*3600+1), noSkips...), false},
		{"a zone past a day west", append(row(1700000000, 0, -24*3600-1), noSkips...), false},
		{"bytes after the skips", append(append(row(1700000000, 0, 0), noSkips...), 'x'), false},
		{"a row cut short", row(1700000000, 0, 0)[:6], false},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "list.cache")
		writeRawListing(t, path, c.body)
		_, l, err := readListing(path)
		if (err == nil) != c.ok {
			t.Errorf("%s: error %v, want ok %v", c.name, err, c.ok)
			continue
		}
		if c.ok && (len(l.Rows) != 1 || l.Rows[0].Title != "Title" || l.Rows[0].Outlet != "Outlet") {
			t.Errorf("%s: rows %+v", c.name, l.Rows)
		}
	}
}

// Storing a listing prunes the listings of other roots as the store's
// saves prune stores: the most recently used eight are kept.
func TestListingSavePrunes(t *testing.T) {
	savePrunes(t, "list", func(path string) error {
		return (&ListingStamp{path: path}).Save([]ListRow{{Title: "T"}}, nil)
	})
}

// savePrunes checks that writing a cache file of kind with save keeps the
// eight newest files of that kind (of other roots), the new one among them.
func savePrunes(t *testing.T, kind string, save func(path string) error) {
	t.Helper()
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for i := range 12 {
		p := filepath.Join(dir, fmt.Sprintf("%s-%016x.cache", kind, i))
		os.WriteFile(p, []byte("x"), 0o600)
		os.Chtimes(p, old.Add(time.Duration(i)*time.Minute), old.Add(time.Duration(i)*time.Minute))
	}
	path := filepath.Join(dir, kind+"-ffffffffffffffff.cache")
	if err := save(path); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, kind+"-*.cache"))
	if len(left) != 8 || !slices.Contains(left, path) {
		t.Fatalf("%d %s files left (%v), want the 8 newest, the new one among them", len(left), kind, left)
	}
}
