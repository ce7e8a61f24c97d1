package ui

// Each story pane's export: what it shows, as Markdown. The pane makes the
// request (it knows what it shows); the root writes the file (export.go).

func (p comparePane) exportRequest() exportMsg {
	c, swapped, now := p.cmp, p.opts.swapped, p.sh.now()
	if c == nil {
		return exportMsg{}
	}
	return exportMsg{func() (string, string) { return comparisonMarkdown(c, swapped, now) }}
}

func (p coveragePane) exportRequest() exportMsg {
	story, cov, now := p.story, p.cov, p.sh.now()
	if cov == nil {
		return exportMsg{}
	}
	return exportMsg{func() (string, string) { return coverageMarkdown(story, cov, now) }}
}

func (p storyViewPane) exportRequest() exportMsg {
	story, v, now := p.story, p.v, p.sh.now()
	if v == nil {
		return exportMsg{}
	}
	return exportMsg{func() (string, string) { return storyViewMarkdown(story, v, now) }}
}
