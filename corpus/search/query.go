package search

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// MaxClauses bounds the words and phrases of one query.
const MaxClauses = 32

// Query is a parsed query. Clauses must all match (AND); an article that
// matches any of Excludes is dropped; when Outlets is not empty the
// article's outlet must start with one of them (case-insensitive).
type Query struct {
	Clauses  []Clause
	Excludes []Clause
	Outlets  []string // folded outlet prefixes
}

// Clause is one word or phrase of a query.
type Clause struct {
	// Words are the folded tokens. A quoted phrase, or a typed word that
	// splits into several tokens ("28-point", "北京"), has more than one and
	// matches them in sequence.
	Words []string
	// Exact is set for quoted phrases: folding only, no inflections,
	// spelling variants or fuzzy matching.
	Exact bool
	// Title restricts the clause to titles (title:word).
	Title bool
	// Prefix lets the last word match as a prefix (the word being typed).
	Prefix bool
	// Text is the clause as the user typed it, for messages.
	Text string
}

// QueryError describes an invalid query. Pos is the byte offset in the
// query where the problem starts.
type QueryError struct {
	Pos int
	Msg string
}

func (e *QueryError) Error() string { return fmt.Sprintf("invalid query at %d: %s", e.Pos, e.Msg) }

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

// ParseQuery parses the query language:
//
//	word            articles containing word (or its inflections)
//	two words       both words, anywhere (AND)
//	"exact phrase"  the words in this order
//	-word, -"a b"   exclude articles containing it
//	outlet:NAME     outlet starts with NAME (outlet:"two words" works too)
//	title:word      word in the title (title:"a phrase" too)
//
// When typing is set and the query does not end in a space, its last bare
// word matches as a prefix, so results appear while a word is typed. An
// unbalanced quote is a *QueryError.
func ParseQuery(s string, typing bool) (*Query, error) {
	q := &Query{}
	i := 0
	trailingSpace := len(s) == 0 || unicode.IsSpace(lastRune(s))
	var last *Clause
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		exclude := false
		if r == '-' {
			exclude = true
			i += size
		}
		field := ""
		for _, f := range []string{"outlet:", "title:"} {
			if len(s)-i >= len(f) && strings.EqualFold(s[i:i+len(f)], f) {
				field = f[:len(f)-1]
				i += len(f)
				break
			}
		}
		quoted := false
		var text string
		if i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if i < len(s) && isQuote(r) {
			end := -1
			for j := i + size; j < len(s); {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if isQuote(r2) {
					end = j
					text = s[i+size : j]
					i = j + sz
					break
				}
				j += sz
			}
			if end < 0 {
				return nil, &QueryError{Pos: i, Msg: "unbalanced quote: add the closing \" or remove the opening one"}
			}
			quoted = true
		} else {
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r2) || isQuote(r2) && j > i {
					break
				}
				j += sz
			}
			text = s[i:j]
			i = j
		}
		if field == "outlet" {
			if o := strings.TrimSpace(lang.Fold(text)); o != "" && !exclude {
				q.Outlets = append(q.Outlets, o)
			}
			last = nil
			continue
		}
		words := lang.Words(text)
		if len(words) == 0 {
			last = nil
			continue
		}
		c := Clause{Words: words, Exact: quoted, Title: field == "title", Text: s[start:i]}
		if exclude {
			q.Excludes = append(q.Excludes, c)
			last = nil
		} else {
			q.Clauses = append(q.Clauses, c)
			last = &q.Clauses[len(q.Clauses)-1]
			if quoted {
				last = nil
			}
		}
		if len(q.Clauses)+len(q.Excludes) > MaxClauses {
			return nil, &QueryError{Pos: start, Msg: fmt.Sprintf("too many words (at most %d)", MaxClauses)}
		}
	}
	if typing && !trailingSpace && last != nil {
		// The word being typed: last is only set while the final item of
		// the query is a bare word or title:word.
		last.Prefix = true
	}
	return q, nil
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// Empty reports whether the query asks for nothing at all.
func (q *Query) Empty() bool {
	return len(q.Clauses) == 0 && len(q.Excludes) == 0 && len(q.Outlets) == 0
}

// String renders the query back in the query language (normalised).
func (q *Query) String() string {
	var parts []string
	render := func(c Clause, neg bool) string {
		p := strings.Join(c.Words, " ")
		if c.Exact || len(c.Words) > 1 {
			p = `"` + p + `"`
		}
		if c.Title {
			p = "title:" + p
		}
		if neg {
			p = "-" + p
		}
		if c.Prefix {
			p += "*"
		}
		return p
	}
	for _, c := range q.Clauses {
		parts = append(parts, render(c, false))
	}
	for _, c := range q.Excludes {
		parts = append(parts, render(c, true))
	}
	for _, o := range q.Outlets {
		if strings.ContainsFunc(o, unicode.IsSpace) {
			o = `"` + o + `"`
		}
		parts = append(parts, "outlet:"+o)
	}
	return strings.Join(parts, " ")
}
