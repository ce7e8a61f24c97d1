// Package lazyre holds regular expressions that are compiled on their first
// use rather than at start-up. Go runs every linked package's initialisation
// before main, so a package-level regexp.MustCompile is paid by every
// command, including the one-shot search, which never parses an article:
// compiling the parsers' expressions was a fifth of its start-up.
package lazyre

import (
	"regexp"
	"sync"
	"sync/atomic"
)

// Regexp is a regular expression compiled on first use. Its methods are
// those of regexp.Regexp that Parallax calls; Re gives the rest.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

var (
	allMu    sync.Mutex
	all      []*Regexp    // every expression made by New, for Check
	compiled atomic.Int64 // how many have been compiled, for Compiled
)

// New returns expr to be compiled on first use. An invalid expr panics
// then, as regexp.MustCompile would have at start-up; the tests of each
// package that uses New check all of them (Check).
func New(expr string) *Regexp {
	l := &Regexp{expr: expr}
	allMu.Lock()
	all = append(all, l)
	allMu.Unlock()
	return l
}

// Re returns the compiled expression, compiling it on the first call.
func (l *Regexp) Re() *regexp.Regexp {
	l.once.Do(func() {
		l.re = regexp.MustCompile(l.expr)
		compiled.Add(1)
	})
	return l.re
}

// String returns the source text of the expression.
func (l *Regexp) String() string { return l.expr }

// Check compiles every expression made so far by New in the packages
// linked into the program, without keeping them, and returns the first
// error: a package's tests call it so that an invalid expression fails them
// even where no test reaches its use.
func Check() error {
	allMu.Lock()
	defer allMu.Unlock()
	for _, l := range all {
		if _, err := regexp.Compile(l.expr); err != nil {
			return err
		}
	}
	return nil
}

// Compiled reports how many expressions have been compiled so far, for
// tests that check a path compiles none.
func Compiled() int { return int(compiled.Load()) }

func (l *Regexp) MatchString(s string) bool              { return l.Re().MatchString(s) }
func (l *Regexp) Match(b []byte) bool                    { return l.Re().Match(b) }
func (l *Regexp) Find(b []byte) []byte                   { return l.Re().Find(b) }
func (l *Regexp) FindSubmatch(b []byte) [][]byte         { return l.Re().FindSubmatch(b) }
func (l *Regexp) FindStringIndex(s string) []int         { return l.Re().FindStringIndex(s) }
func (l *Regexp) FindStringSubmatch(s string) []string   { return l.Re().FindStringSubmatch(s) }
func (l *Regexp) FindStringSubmatchIndex(s string) []int { return l.Re().FindStringSubmatchIndex(s) }
func (l *Regexp) ReplaceAllString(src, repl string) string {
	return l.Re().ReplaceAllString(src, repl)
}
func (l *Regexp) Split(s string, n int) []string { return l.Re().Split(s, n) }
