// Package storyedits keeps the reader's say on stories (this article
// belongs in that one's story; this one stands alone) in story-edits.json
// under the XDG state directory, keyed by article ID.
//
// Saves are atomic (userfiles.WriteFileAtomic) and merge with what another
// running instance saved meanwhile, holding the file's lock from the read
// to the rename, so two readers editing at once keep both their edits and
// a kill mid-save leaves the old file whole. A file that cannot be parsed
// is set aside as NAME.corrupt-TIME and reported; it never stops the
// program.
package storyedits

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// File is the base name of the edits file in the state directory.
const File = "story-edits.json"

// Path is where the edits live: File in userfiles.StateDir.
func Path() string { return filepath.Join(userfiles.StateDir(), File) }

const (
	fileVersion = 1
	// maxFileSize bounds what is read: an edit takes under 100 bytes.
	maxFileSize = 16 << 20
	// staleTempAge: a temporary file older than this is a killed save's.
	staleTempAge = time.Minute
)

type fileFormat struct {
	Version int                          `json:"version"`
	Edits   map[string]compare.StoryEdit `json:"edits"`
}

// Edits is the reader's story edits, safe for concurrent use.
type Edits struct {
	path string

	mu      sync.Mutex
	edits   map[string]compare.StoryEdit
	changed map[string]*compare.StoryEdit // since the last save; nil: cleared
	noSave  error                         // the file could not be read safely

	saveMu sync.Mutex // one save (read, merge, write) at a time
}

// Open reads the edits at path. It always returns usable Edits (a missing
// file is none); the error, when not nil, is a warning for the reader: the
// file was corrupt and set aside, or could not be read (then Save refuses
// to overwrite it).
func Open(path string) (*Edits, error) {
	e := &Edits{path: path, edits: map[string]compare.StoryEdit{}, changed: map[string]*compare.StoryEdit{}}
	userfiles.RemoveStaleTemps(path, staleTempAge)
	edits, warn, err := readFile(path)
	if err != nil {
		e.noSave = err
		return e, fmt.Errorf("%s unavailable: %w; story edits made now will not be saved", filepath.Base(path), err)
	}
	if edits != nil {
		e.edits = edits
	}
	return e, warn
}

// InMemory returns edits that are never stored.
func InMemory() *Edits {
	return &Edits{edits: map[string]compare.StoryEdit{}, changed: map[string]*compare.StoryEdit{}}
}

// readFile loads path: nil edits when it is missing or empty; warn when it
// was corrupt and set aside; err when it exists but cannot be read or set
// aside (and so must not be overwritten).
func readFile(path string) (edits map[string]compare.StoryEdit, warn, err error) {
	var f fileFormat
	found, warn, err := userfiles.ReadStateJSON(path, maxFileSize, &f, func() int { return f.Version }, fileVersion)
	if !found {
		return nil, warn, err
	}
	for id, e := range f.Edits {
		if id == "" || e.Alone == (e.With != "") || e.With == id {
			delete(f.Edits, id) // neither or both, or itself: says nothing
		}
	}
	return f.Edits, nil, nil
}

// Get is the edit of an article, if any.
func (e *Edits) Get(id string) (compare.StoryEdit, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	ed, ok := e.edits[id]
	return ed, ok
}

// All is a copy of every edit, for WithEdits.
func (e *Edits) All() map[string]compare.StoryEdit {
	e.mu.Lock()
	defer e.mu.Unlock()
	return maps.Clone(e.edits)
}

// Set records the reader's edit of an article.
func (e *Edits) Set(id string, ed compare.StoryEdit) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.edits[id] = ed
	e.changed[id] = &ed
}

// Clear forgets an article's edit (grouping decides again); it reports
// whether there was one.
func (e *Edits) Clear(id string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.edits[id]; !ok {
		return false
	}
	delete(e.edits, id)
	e.changed[id] = nil
	return true
}

// Save writes the edits atomically, applying the changes made since the
// last save on top of what the file holds now (another instance's edits
// stay), then adopts the merged whole.
func (e *Edits) Save() error {
	e.saveMu.Lock()
	defer e.saveMu.Unlock()
	e.mu.Lock()
	if e.noSave != nil {
		e.mu.Unlock()
		return fmt.Errorf("not saving %s: %w", filepath.Base(e.path), e.noSave)
	}
	if len(e.changed) == 0 || e.path == "" {
		e.mu.Unlock()
		return nil
	}
	changed := e.changed
	e.changed = map[string]*compare.StoryEdit{}
	e.mu.Unlock()

	err := e.merge(changed)
	e.mu.Lock()
	defer e.mu.Unlock()
	if err != nil {
		for id, ed := range changed {
			if _, newer := e.changed[id]; !newer {
				e.changed[id] = ed // a later save tries again
			}
		}
	}
	return err
}

// merge applies changed to the file under its lock and adopts the result.
func (e *Edits) merge(changed map[string]*compare.StoryEdit) error {
	if err := os.MkdirAll(filepath.Dir(e.path), 0o700); err != nil {
		return err
	}
	unlock, err := userfiles.Lock(e.path)
	if err != nil {
		return err
	}
	defer unlock()
	merged, _, err := readFile(e.path)
	if err != nil {
		return err
	}
	if merged == nil {
		merged = map[string]compare.StoryEdit{}
	}
	apply := func(changes map[string]*compare.StoryEdit) {
		for id, ed := range changes {
			if ed == nil {
				delete(merged, id)
			} else {
				merged[id] = *ed
			}
		}
	}
	apply(changed)
	data, err := json.MarshalIndent(fileFormat{Version: fileVersion, Edits: merged}, "", "  ")
	if err != nil {
		return err
	}
	if err := userfiles.WriteFileAtomic(e.path, append(data, '\n'), 0o600); err != nil {
		return err
	}
	e.mu.Lock()
	apply(e.changed) // edits made while saving stay the reader's latest
	e.edits = merged
	e.mu.Unlock()
	return nil
}
