package corpus

import (
	"encoding/binary"
	"errors"
	"io"
	"time"

	"github.com/zeebo/xxh3"

	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// A stored listing is what the list of a set of roots showed: its rows in
// the default order and the files it skipped, kept beside the store of
// parsed files with a print of what the walk found (each file's path,
// size, modification and status change times and inode, in walk order).
// A later list whose walk makes the same print shows the same rows: its
// files are the ones that gave them, as far as the store's own check
// (size and time) can tell, and stricter. It is answered from the listing
// alone, every file still stat'ed but none decoded, deduplicated or sorted
// (Options.StoredListing): at 100,000 files the decoding, the duplicate
// check and the sort were most of a warm list beside the stats.
//
//	listing: magic listingVersion(uvarint) print(16 bytes) nrows(uvarint)
//	         row… nskipped(uvarint) skip… crc(4 bytes) listingEnd
//	row:     sec(varint) nsec(uvarint) zone(varint seconds east; or
//	         noDate in sec) outlet(str) title(str) derived(byte)
//	skip:    path(str) reason(str)
//
// where crc is the CRC-32C of what lies between the version and it.
const (
	listingMagic   = "parallax stored listing\n"
	listingVersion = 1
	listingEnd     = "PXL\n"
	maxListing     = 1 << 30
)

// ListRow is what a list shows of an article.
type ListRow struct {
	Published    time.Time // zero when unknown
	Outlet       string
	Title        string
	TitleDerived bool
}

// ListRowOf is a's row.
func ListRowOf(a *Article) ListRow {
	return ListRow{Published: a.Published, Outlet: a.Outlet, Title: a.Title, TitleDerived: a.TitleDerived}
}

// Listing is a stored listing as a load gives it (Batch.Listing): the rows
// in the default order, and the files skipped as the list reported them.
type Listing struct {
	Rows    []ListRow
	Skipped []Skipped
}

// ListingStamp is what a load found that can be stored as a listing: the
// last batch of a StoredListing load that loaded gives it (Batch.Stamp),
// and its caller saves the rows it shows (Save).
type ListingStamp struct {
	path  string
	print listingPrint
}

// listingPrint is the print of a walk (walkPrinter).
type listingPrint [16]byte

// listingPath is the stored listing of roots in the cache folder dir.
func listingPath(dir string, roots []string) string { return cache.Path(dir, roots, "list") }

// Save stores rows (in the default order) and skipped as the listing of
// the load the stamp came from, replacing the one before it whole. The
// file is not synced: a damaged one fails its checksum and is not used.
func (s *ListingStamp) Save(rows []ListRow, skipped []Skipped) error {
	size := 32
	for _, r := range rows {
		size += 24 + len(r.Outlet) + len(r.Title)
	}
	body := make([]byte, 0, size)
	body = append(body, s.print[:]...)
	body = binary.AppendUvarint(body, uint64(len(rows)))
	for _, r := range rows {
		if r.Published.IsZero() {
			body = binary.AppendVarint(body, noDate)
		} else {
			_, zone := r.Published.Zone()
			body = binary.AppendVarint(body, r.Published.Unix())
			body = binary.AppendUvarint(body, uint64(r.Published.Nanosecond()))
			body = binary.AppendVarint(body, int64(zone))
		}
		body = appendStr(body, r.Outlet)
		body = appendStr(body, r.Title)
		derived := byte(0)
		if r.TitleDerived {
			derived = 1
		}
		body = append(body, derived)
	}
	body = binary.AppendUvarint(body, uint64(len(skipped)))
	for _, k := range skipped {
		body = appendStr(body, k.Path)
		body = appendStr(body, k.Reason)
	}
	file := seal(listingMagic, listingVersion, body, listingEnd)
	err := userfiles.WriteCacheAtomic(s.path, 0o600, func(w io.Writer) error {
		_, err := w.Write(file)
		return err
	})
	if err == nil {
		cache.Prune(s.path) // the listings of other roots, as for the store
	}
	return err
}

// noDate is a row's seconds when it has no date: no date a parse gives
// is this far back.
const noDate = -1 << 62

// readListing reads the stored listing at path: its print, then its rows
// and skips (which refer to the file's mapped bytes). A missing, damaged
// or foreign file is an error.
func readListing(path string) (listingPrint, *Listing, error) {
	data, bodyAt, err := cache.MapFile(path, listingMagic, listingVersion, maxListing)
	if err != nil {
		return listingPrint{}, nil, err
	}
	s, err := unseal(data[bodyAt:], listingEnd)
	if err == nil && len(s) < len(listingPrint{}) {
		err = errors.New("truncated")
	}
	if err != nil {
		return listingPrint{}, nil, err
	}
	var print listingPrint
	copy(print[:], s)
	r := &storeReader{s: s, off: len(print)}
	l := &Listing{}
	// Rows are at least 4 bytes each: a count beyond that is damage.
	count := r.uvarint()
	l.Rows = make([]ListRow, 0, min(count, uint64(len(s)/4)))
	zones := map[int64]*time.Location{}
	for ; count > 0 && r.err == nil; count-- {
		var row ListRow
		if sec := r.varint(); sec != noDate {
			nsec, zone := r.uvarint(), r.varint()
			if nsec >= 1e9 || zone < -24*3600 || zone > 24*3600 {
				r.fail(errors.New("bad date"))
			}
			loc := zones[zone]
			if loc == nil {
				loc = time.FixedZone("", int(zone))
				zones[zone] = loc
			}
			row.Published = time.Unix(sec, int64(nsec)).In(loc)
		}
		row.Outlet, row.Title = r.str(), r.str()
		derived := r.byte()
		row.TitleDerived = derived == 1
		l.Rows = append(l.Rows, row)
	}
	for count := r.count(); count > 0 && r.err == nil; count-- {
		l.Skipped = append(l.Skipped, Skipped{Path: r.str(), Reason: r.str()})
	}
	if r.err == nil && r.off != len(s) {
		r.fail(errors.New("trailing bytes"))
	}
	if r.err != nil {
		return listingPrint{}, nil, r.err
	}
	return print, l, nil
}

// walkPrinter makes the print of a walk (see listingPrint): of the load's
// roots and options, then of every item the walk hands over. A walk with
// anything but files stat'ed by the walk (a skip: a folder that could not
// be read, a FIFO; a file from stdin) has no print: what it shows is not
// only a matter of its files' bytes.
type walkPrinter struct {
	h      *xxh3.Hasher
	buf    []byte
	ok     bool
	newest int64 // the latest modification or status change, Unix ns
}

func newWalkPrinter(roots []string, maxFileSize int64) *walkPrinter {
	p := &walkPrinter{h: xxh3.New(), ok: true}
	p.buf = binary.AppendUvarint(p.buf, storeVersion)
	p.buf = binary.AppendUvarint(p.buf, uint64(maxFileSize))
	p.buf = binary.AppendUvarint(p.buf, uint64(len(roots)))
	for _, r := range roots {
		p.buf = appendStr(p.buf, r)
	}
	p.h.Write(p.buf)
	return p
}

func (p *walkPrinter) add(it walkItem) {
	j := it.job
	if it.skip != nil || !j.statted || j.read != nil || j.osPath == "" {
		p.ok = false
		return
	}
	b := appendStr(p.buf[:0], j.path)
	b = binary.AppendVarint(b, j.stat.Size)
	b = binary.AppendVarint(b, j.stat.ModNano)
	b = binary.AppendVarint(b, j.stat.ChangeNano)
	b = binary.AppendUvarint(b, j.stat.Ino)
	p.buf = b
	p.h.Write(b)
	p.newest = max(p.newest, j.stat.ModNano, j.stat.ChangeNano)
}

// settled reports whether no file the walk found was modified within
// racyWindow of now. A listing is stored only for settled files: a file
// written again within the same tick of the clock, at the same size,
// would print the same, and the listing would show what it was.
func (p *walkPrinter) settled(now time.Time) bool {
	return now.UnixNano()-p.newest >= int64(listingSettle)
}

// listingSettle is racyWindow, but for tests of what follows.
var listingSettle = racyWindow

// sum is the walk's print; false when it has none.
func (p *walkPrinter) sum() (listingPrint, bool) {
	var print listingPrint
	if !p.ok {
		return print, false
	}
	s := p.h.Sum128().Bytes()
	copy(print[:], s[:])
	return print, true
}

// storedListing is what a load read of the stored listing: a listing
// that is not there, or not usable, is none (ok false: the load then
// lists as usual and stores a new one).
type storedListing struct {
	print   listingPrint
	listing *Listing
	ok      bool
}

// ListRowsOf is the rows of as, in their order.
func ListRowsOf(as []*Article) []ListRow {
	rows := make([]ListRow, len(as))
	for i, a := range as {
		rows[i] = ListRowOf(a)
	}
	return rows
}

// markListingUsed keeps the listing of roots, and the store it stands
// for (not opened when the listing answers), from being pruned as unused.
func markListingUsed(dir string, roots []string) {
	cache.MarkUsed(listingPath(dir, roots))
	cache.MarkUsed(cache.Path(dir, roots, "store"))
}
