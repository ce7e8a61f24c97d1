// Package userstate keeps what a reader has done with articles (read marks,
// bookmarks) in small JSON files under the XDG state directory.
//
// Each kind of mark is one Marks set stored in its own file (reads.json, ...).
// Files are written atomically (temporary file in the same directory, fsync,
// rename), and a save merges with whatever another running instance wrote in
// the meantime, holding a lock (NAME.lock) from its read to its rename. A
// file that cannot be parsed is set aside as NAME.corrupt-TIME (the newest
// few are kept) and reported as a warning; it never stops the program. Only
// regular files of bounded size are read.
package userstate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// Base names of the state files.
const (
	ReadsFile     = "reads.json"     // read marks
	BookmarksFile = "bookmarks.json" // bookmarks
)

// Dir returns the folder Parallax keeps state in (userfiles.StateDir).
func Dir() string { return userfiles.StateDir() }

// OpenReads opens the read marks in Dir(). See Open.
func OpenReads() (*Marks, error) { return Open(filepath.Join(Dir(), ReadsFile)) }

// OpenBookmarks opens the bookmarks in Dir(). See Open.
func OpenBookmarks() (*Marks, error) { return Open(filepath.Join(Dir(), BookmarksFile)) }

// ArticleKey is the identity a mark is stored under: the article's
// MarkKey (corpus/article), which says how it is made.
func ArticleKey(a *corpus.Article) string { return a.MarkKey() }

// fileVersion is written into every state file so that the format can evolve.
const fileVersion = 1

type fileFormat struct {
	Version int                  `json:"version"`
	Marks   map[string]time.Time `json:"marks"`
}

// Marks is a persisted set of article keys, each with the time it was
// marked. It is safe for concurrent use.
type Marks struct {
	path string

	mu      sync.Mutex
	marks   map[string]time.Time
	changed map[string]bool // key → set (true) or cleared (false) since the last save
	noSave  error           // why saving is disabled (the file could not be read safely)

	saveMu sync.Mutex // serialises whole saves (read, merge, write)
}

// Open reads the marks stored at path. It always returns usable Marks: a
// missing file is an empty set. The error, when not nil, is a warning to show
// the user: the file was corrupt and has been set aside, or it could not be
// read (then Save refuses to overwrite it, so nothing is lost).
func Open(path string) (*Marks, error) {
	m := &Marks{path: path, marks: map[string]time.Time{}, changed: map[string]bool{}}
	removeStaleTemps(path)
	marks, warn, err := readFile(path)
	if err != nil {
		m.noSave = err
		return m, fmt.Errorf("%s unavailable: %w; changes made now will not be saved", filepath.Base(path), err)
	}
	if marks != nil {
		m.marks = marks
	}
	return m, warn
}

// InMemory returns marks that are never stored: Save does nothing.
func InMemory() *Marks {
	return &Marks{marks: map[string]time.Time{}, changed: map[string]bool{}}
}

// readFile loads path. A missing file gives nil marks. A corrupt file is
// renamed aside and reported as warn; err means the file exists but could not
// be read or set aside, and must not be overwritten.
func readFile(path string) (marks map[string]time.Time, warn, err error) {
	var f fileFormat
	found, warn, err := userfiles.ReadStateJSON(path, maxFileSize, &f, func() int { return f.Version }, fileVersion)
	if !found {
		return nil, warn, err
	}
	if f.Marks == nil {
		f.Marks = map[string]time.Time{}
	}
	return f.Marks, nil, nil
}

// maxFileSize caps a state file: a mark takes under 200 bytes, so this is
// hundreds of thousands of marks, and a link to /dev/zero or a runaway file
// cannot fill memory.
const maxFileSize = 64 << 20

// Set-aside files (NAME.corrupt-TIME), of which the newest keepCorrupt are
// kept (userfiles.SetAside).
const (
	corruptInfix = userfiles.CorruptInfix
	keepCorrupt  = userfiles.KeepCorrupt
)

// Path is the file the marks are stored in.
func (m *Marks) Path() string { return m.path }

// Has reports whether key is marked.
func (m *Marks) Has(key string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.marks[key]
	return ok
}

// Len is the number of marked keys.
func (m *Marks) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.marks)
}

// Set marks (on) or unmarks key, recording now as the time of marking. It
// reports whether anything changed.
func (m *Marks) Set(key string, on bool, now time.Time) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, had := m.marks[key]
	if had == on {
		return false
	}
	if on {
		m.marks[key] = now.UTC()
	} else {
		delete(m.marks, key)
	}
	m.changed[key] = on
	return true
}

// Toggle flips key's mark and returns the new state.
func (m *Marks) Toggle(key string, now time.Time) bool {
	on := !m.Has(key)
	m.Set(key, on, now)
	return on
}

// Dirty reports whether there are changes not yet saved.
func (m *Marks) Dirty() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.changed) > 0
}

// Save writes the marks to disk atomically. Changes made since the last save
// are applied on top of what the file holds now, so two running instances do
// not erase each other's marks. Save with no changes does nothing.
func (m *Marks) Save() error {
	m.saveMu.Lock()
	defer m.saveMu.Unlock()

	m.mu.Lock()
	if m.noSave != nil {
		m.mu.Unlock()
		return fmt.Errorf("not saving %s: %w", filepath.Base(m.path), m.noSave)
	}
	if len(m.changed) == 0 || m.path == "" {
		m.mu.Unlock()
		return nil
	}
	changed := m.changed
	m.changed = map[string]bool{}
	mine := make(map[string]time.Time, len(m.marks))
	for k, v := range m.marks {
		mine[k] = v
	}
	m.mu.Unlock()

	restore := func() {
		// Keep the unsaved changes so that a later Save retries them.
		m.mu.Lock()
		for k, on := range changed {
			if _, newer := m.changed[k]; !newer {
				m.changed[k] = on
			}
		}
		m.mu.Unlock()
	}

	// Another instance saving between our read and our rename would lose
	// its marks; the lock makes read, merge and write one step.
	if err := os.MkdirAll(filepath.Dir(m.path), 0o700); err != nil {
		restore()
		return err
	}
	unlock, err := userfiles.Lock(m.path)
	if err != nil {
		restore()
		return err
	}
	defer unlock()
	merged, _, err := readFile(m.path)
	if err != nil {
		restore()
		return err
	}
	if merged == nil {
		merged = map[string]time.Time{}
	}
	for k, on := range changed {
		if on {
			merged[k] = mine[k]
		} else {
			delete(merged, k)
		}
	}
	if err := writeAtomic(m.path, fileFormat{Version: fileVersion, Marks: merged}); err != nil {
		restore()
		return err
	}

	// Adopt what other instances saved, without losing changes made meanwhile.
	m.mu.Lock()
	for k, on := range m.changed {
		if on {
			merged[k] = m.marks[k]
		} else {
			delete(merged, k)
		}
	}
	m.marks = merged
	m.mu.Unlock()
	return nil
}

// writeAtomic writes v as JSON to path atomically, readable by the user
// only.
func writeAtomic(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return userfiles.WriteFileAtomic(path, append(data, '\n'), 0o600)
}

// staleTempAge is how old a temporary file must be before Open removes it: a
// younger one may belong to another instance saving right now.
var staleTempAge = time.Minute

// removeStaleTemps deletes temporary files left by a save that was killed
// between creating its temporary file and renaming it into place.
func removeStaleTemps(path string) { userfiles.RemoveStaleTemps(path, staleTempAge) }
