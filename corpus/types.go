// Package corpus turns article files (plain text, HTML, feeds, Markdown and
// JSON records) into clean, structured articles.
//
// Everything that leaves this package has been sanitised: no control
// characters, escape sequences, C1 bytes or bidi overrides survive in any
// field, so callers may print article text to a terminal as it is.
//
// The main entry points are Load (collect a whole corpus) and Stream (receive
// it in batches while it loads) and the Corpus helpers Sort and Resolve.
// The article types are corpus/article's (aliased here); the parsers that
// make articles from one file's bytes are corpus/formats.
package corpus

import "github.com/parallax-reader/parallax/corpus/article"

// The article types live in corpus/article, below the parsers that make
// them and this package that loads them; these aliases keep them under
// the names the rest of Parallax uses.
type (
	Article   = article.Article
	Block     = article.Block
	BlockKind = article.BlockKind
)

// The block kinds an article body is made of.
const (
	Heading   = article.Heading
	Paragraph = article.Paragraph
	ListItem  = article.ListItem
	Quote     = article.Quote
)

// CountWords counts the words of s as an article's word count does (see
// article.CountWords).
func CountWords(s string) int { return article.CountWords(s) }
