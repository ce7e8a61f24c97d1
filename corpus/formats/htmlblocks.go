package formats

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// htmlBlocks turns an HTML fragment (extracted article content, feed item
// content, rendered Markdown) into body blocks: h1–h6 → heading, p → paragraph,
// li → list item, blockquote → quote. Scripts, styles, forms, navigation,
// images, media and hidden elements are dropped; any other block element
// (div, section, td, ...) ends a paragraph, so loose text is kept too. Two
// <br> in a row split a paragraph.
func htmlBlocks(n *html.Node) []article.Block {
	w := &blockWalker{}
	w.walk(n, 0)
	w.flush()
	return w.blocks
}

// htmlFragmentBlocks parses s as the body of an HTML document and returns its
// blocks. Text without any markup becomes paragraphs split on blank lines.
func htmlFragmentBlocks(s string) []article.Block {
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return tokenBlocks(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, c := range nodes {
		root.AppendChild(c)
	}
	return htmlBlocks(root)
}

// maxHTMLDepth bounds the walk: deeper nesting is what hostile files do,
// never what articles do.
const maxHTMLDepth = 400

type blockWalker struct {
	blocks []article.Block
	buf    strings.Builder
	kinds  []article.BlockKind // enclosing heading/list item/quote, innermost last
}

var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Form: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Label: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true,
	atom.Canvas: true, atom.Img: true, atom.Picture: true, atom.Video: true,
	atom.Audio: true, atom.Source: true, atom.Figcaption: true, atom.Head: true,
	atom.Title: true, atom.Meta: true, atom.Link: true, atom.Dialog: true,
}

var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Kbd: true, atom.Mark: true, atom.Q: true,
	atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Wbr: true, atom.Del: true, atom.Ins: true, atom.Big: true, atom.Tt: true,
	atom.Strike: true, atom.Nobr: true,
}

var rxHiddenStyle = lazyre.New(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

func hiddenNode(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if rxHiddenStyle.MatchString(a.Val) {
				return true
			}
		}
	}
	return false
}

func (w *blockWalker) walk(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.buf.WriteString(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.children(n, depth)
		return
	default: // comments, doctypes
		return
	}
	if dropped[n.DataAtom] || hiddenNode(n) {
		return
	}
	if n.DataAtom == 0 && strings.Contains(n.Data, ":") {
		return // namespaced foreign elements (o:p, fb:like, ...)
	}
	if inline[n.DataAtom] || n.DataAtom == 0 {
		w.children(n, depth)
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.buf.WriteByte('\n')
		return
	case atom.Hr:
		w.flush()
		return
	case atom.Td, atom.Th:
		w.buf.WriteByte(' ')
		w.children(n, depth)
		w.buf.WriteByte(' ')
		return
	}
	kind, own := blockKindOf(n.DataAtom)
	w.flush()
	if own {
		w.kinds = append(w.kinds, kind)
	}
	w.children(n, depth)
	w.flush()
	if own {
		w.kinds = w.kinds[:len(w.kinds)-1]
	}
}

func (w *blockWalker) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
}

// blockKindOf says which block kind an element opens, if any.
func blockKindOf(a atom.Atom) (article.BlockKind, bool) {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return article.Heading, true
	case atom.Li, atom.Dt, atom.Dd:
		return article.ListItem, true
	case atom.Blockquote:
		return article.Quote, true
	}
	return "", false
}

var rxParaBreak = lazyre.New(`\n[ \t\p{Zs}]*\n`)

// flush ends the current run of text: it becomes one block per piece
// separated by a blank line (two <br>), of the innermost enclosing kind.
func (w *blockWalker) flush() {
	if w.buf.Len() == 0 {
		return
	}
	s := w.buf.String()
	w.buf.Reset()
	kind := article.Paragraph
	if len(w.kinds) > 0 {
		kind = w.kinds[len(w.kinds)-1]
	}
	for _, piece := range rxParaBreak.Split(s, -1) {
		t := CleanLine(piece)
		if t == "" {
			continue
		}
		k := kind
		if k == article.Heading && article.CountWords(t) > 30 {
			k = article.Paragraph // a paragraph styled as a heading
		}
		w.blocks = append(w.blocks, article.Block{Kind: k, Text: t})
	}
}

// boilerplateLine matches whole blocks that pages leave inside the article
// body and that are never part of it.
var boilerplateLine = lazyre.New(`(?i)^(advertisement|ad|sponsored|story continues below( this)? advertisement|continue reading( below)?|skip to (main )?content|share( this( article| story)?)?|read more|related( articles| stories)?|click here to subscribe|sign up for our newsletter)\.?:?$`)

// splitBoilerplate moves blocks that are page furniture into removed.
func splitBoilerplate(blocks []article.Block) (kept []article.Block, removed []string) {
	kept = blocks[:0]
	for _, b := range blocks {
		if boilerplateLine.MatchString(b.Text) {
			removed = append(removed, b.Text)
			continue
		}
		kept = append(kept, b)
	}
	return kept, removed
}

// tokenBlocks reads blocks straight from the token stream, without building
// a tree. It is the fallback for documents the tree builder refuses (more
// than 512 open elements): text survives, block boundaries are kept as well
// as the tags allow.
func tokenBlocks(s string) []article.Block {
	w := &blockWalker{}
	z := html.NewTokenizer(strings.NewReader(s))
	skipDepth := 0 // inside script, style, ...
	for {
		switch z.Next() {
		case html.ErrorToken:
			w.flush()
			return w.blocks
		case html.TextToken:
			if skipDepth == 0 {
				w.buf.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tt := z.Token()
			a := tt.DataAtom
			end := tt.Type == html.EndTagToken
			if dropped[a] {
				if tt.Type == html.StartTagToken && !voidElement(a) {
					skipDepth++
				} else if end && skipDepth > 0 {
					skipDepth--
				}
				continue
			}
			if skipDepth > 0 || inline[a] || a == 0 {
				continue
			}
			if a == atom.Br {
				w.buf.WriteByte('\n')
				continue
			}
			w.flush()
			if kind, own := blockKindOf(a); own {
				if end {
					if len(w.kinds) > 0 {
						w.kinds = w.kinds[:len(w.kinds)-1]
					}
				} else if len(w.kinds) < maxHTMLDepth {
					w.kinds = append(w.kinds, kind)
				}
			}
		}
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Img, atom.Input, atom.Meta, atom.Link, atom.Source, atom.Embed:
		return true
	}
	return false
}
