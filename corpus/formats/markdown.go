package formats

import (
	"strings"

	"github.com/parallax-reader/parallax/corpus/article"
)

// parseMarkdown reads a Markdown article with optional front matter (a
// leading block between "---" lines of flat "key: value" pairs). Front matter
// keys: title; source, outlet, site, site_name, publisher (→ Outlet; a url
// there is the article's url); date, published, pubdate, date_published;
// author, authors, byline (a YAML list of names is accepted); url, link,
// canonical_url, source_url. Without a title key, a leading level-1 or
// level-2 heading is the title. The body's headings, paragraphs, list items
// and block quotes become blocks.
func parseMarkdown(s string) (*article.Article, error) {
	s = CleanText(s)
	fm, body := splitFrontMatter(s)
	a := &article.Article{Format: "markdown"}
	a.Title = fm["title"]
	for _, k := range []string{"url", "link", "canonical_url", "source_url", "permalink"} {
		if a.URL = safeURL(fm[k]); a.URL != "" {
			break
		}
	}
	for _, k := range []string{"outlet", "site_name", "site", "publisher", "source"} {
		v := fm[k]
		if v == "" {
			continue
		}
		if u := safeURL(v); u != "" {
			a.URL = firstSet(a.URL, u)
			continue
		}
		a.Outlet = v
		break
	}
	if a.Outlet == "" {
		a.Outlet = urlOutlet(a.URL)
	}
	for _, k := range []string{"date", "published", "pubdate", "date_published", "published_at", "created"} {
		if a.Published = machineDate(fm[k]); !a.Published.IsZero() {
			break
		}
	}
	a.Byline = tidyByline(firstSet(fm["author"], fm["authors"], fm["byline"]))

	a.Blocks, a.Removed = splitBoilerplate(markdownBlocks(body))
	if a.Title == "" && len(a.Blocks) > 1 && a.Blocks[0].Kind == article.Heading && leadsWithHeading(body) {
		a.Title = a.Blocks[0].Text
		a.Blocks = a.Blocks[1:]
	}
	a.Blocks = dropLeadingTitle(a.Blocks, a.Title)
	if !finishArticle(a) {
		return nil, errNoText
	}
	return a, nil
}

// leadsWithHeading: the document's first non-blank line is a level-1 or
// level-2 heading (ATX "# " / "## ", or a line underlined with = or -).
func leadsWithHeading(body string) bool {
	lines := strings.SplitN(strings.TrimLeft(body, " \n"), "\n", 3)
	if len(lines) == 0 {
		return false
	}
	first := strings.TrimSpace(lines[0])
	if strings.HasPrefix(first, "# ") || strings.HasPrefix(first, "## ") {
		return true
	}
	if len(lines) > 1 {
		u := strings.TrimSpace(lines[1])
		return u != "" && (strings.Trim(u, "=") == "" || strings.Trim(u, "-") == "")
	}
	return false
}

// splitFrontMatter separates a leading "---" block of flat "key: value"
// lines from the Markdown body. Keys are lowercased; quotes around values
// are removed; a key followed by "- item" lines gets the items joined with
// ", ". Without a closing "---" (or "..."), there is no front matter.
func splitFrontMatter(s string) (map[string]string, string) {
	fm := map[string]string{}
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return fm, s
	}
	rest := s[strings.IndexByte(s, '\n')+1:]
	lines := strings.Split(rest, "\n")
	end := -1
	for i, l := range lines {
		if t := strings.TrimRight(l, " \r"); t == "---" || t == "..." {
			end = i
			break
		}
		if i > 200 {
			break
		}
	}
	if end < 0 {
		return fm, s
	}
	last := ""
	for _, l := range lines[:end] {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "- ") && last != "" {
			item := unquote(strings.TrimSpace(t[2:]))
			if fm[last] == "" {
				fm[last] = item
			} else {
				fm[last] += ", " + item
			}
			continue
		}
		k, v, ok := strings.Cut(t, ":")
		if !ok || strings.ContainsAny(k, " \t") && len(k) > 40 {
			last = ""
			continue
		}
		last = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") { // [a, b]
			var items []string
			for _, it := range strings.Split(v[1:len(v)-1], ",") {
				if it = unquote(strings.TrimSpace(it)); it != "" {
					items = append(items, it)
				}
			}
			v = strings.Join(items, ", ")
		}
		fm[last] = CleanLine(unquote(v))
	}
	return fm, strings.Join(lines[end+1:], "\n")
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		return v[1 : len(v)-1]
	}
	return v
}
