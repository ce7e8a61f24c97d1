package corpus

import (
	"fmt"
	"strings"
)

// metaParts lists what is known about an article's provenance, in display
// order: outlet, date, via, dateline, byline.
func metaParts(a *Article) []string {
	var parts []string
	if a.Outlet != "" {
		parts = append(parts, a.Outlet)
	}
	if a.HasDate() {
		parts = append(parts, a.Published.Format("2 Jan 2006 15:04 MST"))
	}
	if a.Via != "" {
		parts = append(parts, "via "+a.Via)
	}
	if a.Dateline != "" {
		parts = append(parts, a.Dateline)
	}
	if a.Byline != "" {
		parts = append(parts, "by "+a.Byline)
	}
	return parts
}

// Markdown renders an article as Markdown: the title, a metadata line and
// the body blocks. Text is escaped so that it reads as written (a "*" in an
// article is not emphasis). The output is safe to print to a terminal. The
// text of an article listed without it is read for this, not kept
// (Article.Text): copying an article from the list does not wait for, or
// leave behind, a loaded text.
func Markdown(a *Article) string {
	var sb strings.Builder
	sb.WriteString("# " + EscapeMarkdown(a.Title) + "\n\n")
	meta := metaParts(a)
	meta = append(meta, fmt.Sprintf("%d words", a.Words))
	if a.TitleDerived {
		meta = append(meta, "title derived from the lead")
	}
	sb.WriteString("*" + EscapeMarkdown(strings.Join(meta, " · ")) + "*\n")
	if a.URL != "" {
		sb.WriteString("\n<" + a.URL + ">\n")
	}
	blocks, _ := a.Text()
	for _, b := range blocks {
		sb.WriteString("\n")
		t := EscapeMarkdown(b.Text)
		switch b.Kind {
		case Heading:
			sb.WriteString("## " + t + "\n")
		case ListItem:
			sb.WriteString("- " + t + "\n")
		case Quote:
			sb.WriteString("> " + t + "\n")
		default:
			sb.WriteString(t + "\n")
		}
	}
	return sb.String()
}

// mdEscaper escapes the characters that can change the meaning of
// Markdown text anywhere in a line. & and ~ become character references:
// "&amp;" in an article must not read as "&", and glamour shows a
// backslash before ~ as it is.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "&", "&amp;", "~", "&#126;",
	"\n", " ", "\r", " ",
)

// EscapeMarkdown makes s literal Markdown text on one line, for a
// paragraph, a heading, a list item or a table cell alike: it is the one
// escaper of the tree (the article view for glamour, the exports). A line
// break becomes a space (in a table it would end the row; elsewhere
// Markdown shows it as a space anyway), and what would start a block at the
// start of the line (a list marker, "1." or "1)", a setext underline) is
// escaped too.
func EscapeMarkdown(s string) string {
	s = mdEscaper.Replace(s)
	if len(s) > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '=') {
		s = `\` + s
	}
	// "1. Text" at the start would become an ordered list.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		s = s[:i] + `\` + s[i:]
	}
	return s
}
