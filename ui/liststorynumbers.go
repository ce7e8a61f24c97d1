package ui

import "github.com/parallax-reader/parallax/corpus/compare"

// storyNumbers is a grouping seen from the list: each item's story by its
// index in Stories.List, each story's line by its index in Stories.Lines,
// and how many of the list's articles each story and how many events with
// articles in the list each line has. Numbers, not maps keyed by story:
// regrouping 100,000 items spent most of its time in such maps.
type storyNumbers struct {
	of        []int32 // item index -> its story, -1 for none
	lineOf    []int32 // story -> its line, -1 for none
	count     []int32 // story -> its articles in the list
	events    []int32 // line -> its events with articles in the list
	first     []int32 // story -> its first item, -1 for none in the list
	firstLine []int32 // line -> the first item of its events, -1 for none
}

// newStoryNumbers numbers the stories of items, in their order.
func newStoryNumbers(st *compare.Stories, items []*item) storyNumbers {
	no := make(map[*compare.Story]int32, len(st.List))
	for k, s := range st.List {
		no[s] = int32(k)
	}
	n := storyNumbers{
		of:        make([]int32, len(items)),
		lineOf:    filled(len(st.List), -1),
		count:     make([]int32, len(st.List)),
		events:    make([]int32, len(st.Lines)),
		first:     filled(len(st.List), -1),
		firstLine: filled(len(st.Lines), -1),
	}
	for l, line := range st.Lines {
		for _, e := range line.Events {
			if k, ok := no[e]; ok {
				n.lineOf[k] = int32(l)
			}
		}
	}
	for i, it := range items {
		n.of[i] = -1
		s, ok := no[st.Of(it.a)]
		if !ok {
			continue // alone, or arrived after the grouping
		}
		n.of[i] = s
		n.count[s]++
		if n.first[s] >= 0 {
			continue
		}
		n.first[s] = int32(i)
		if l := n.lineOf[s]; l >= 0 {
			n.events[l]++
			if n.firstLine[l] < 0 {
				n.firstLine[l] = int32(i)
			}
		}
	}
	return n
}

// filled is n copies of v.
func filled(n int, v int32) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// lineOfItem is the line of item i's story, -1 for none.
func (n storyNumbers) lineOfItem(i int) int32 {
	if s := n.of[i]; s >= 0 {
		return n.lineOf[s]
	}
	return -1
}

// nested reports whether story s shows under its line's header: its line
// has two or more events in the list.
func (n storyNumbers) nested(s int32) bool {
	l := n.lineOf[s]
	return l >= 0 && n.events[l] > 1
}

// order puts items story by story: a line of several events where its
// first article is, its events in the order of their first articles; a
// story of several articles likewise; any other article where it is.
// Articles keep their order inside their story. It returns the items in
// that order and their stories (of, reordered alike); in one pass, as a
// stable sort on (group's first item, story's first item, place) would.
func (n storyNumbers) order(items []*item) ([]*item, []int32) {
	// Each story's items, and each line's stories, in order: flat
	// slices cut at offsets (a counting sort).
	storyAt := offsets(n.count)
	storyItems := make([]int32, len(items))
	fill := make([]int32, len(n.count))
	lineAt := offsets(n.events)
	lineStories := make([]int32, lineAt[len(lineAt)-1])
	lineFill := make([]int32, len(n.events))
	for i, s := range n.of {
		if s < 0 {
			continue
		}
		storyItems[storyAt[s]+fill[s]] = int32(i)
		fill[s]++
		if l := n.lineOf[s]; l >= 0 && n.first[s] == int32(i) {
			lineStories[lineAt[l]+lineFill[l]] = s
			lineFill[l]++
		}
	}
	out := make([]*item, 0, len(items))
	of := make([]int32, 0, len(items))
	story := func(s int32) {
		for _, i := range storyItems[storyAt[s]:storyAt[s+1]] {
			out = append(out, items[i])
			of = append(of, s)
		}
	}
	for i, s := range n.of {
		switch {
		case s < 0:
			out = append(out, items[i])
			of = append(of, -1)
		case n.nested(s):
			if l := n.lineOf[s]; n.firstLine[l] == int32(i) {
				for _, e := range lineStories[lineAt[l]:lineAt[l+1]] {
					story(e)
				}
			}
		case n.count[s] > 1:
			if n.first[s] == int32(i) {
				story(s)
			}
		default:
			out = append(out, items[i])
			of = append(of, s)
		}
	}
	return out, of
}

// offsets are the starts of consecutive runs of the given lengths, and
// their total last.
func offsets(lengths []int32) []int32 {
	at := make([]int32, len(lengths)+1)
	for k, c := range lengths {
		at[k+1] = at[k] + c
	}
	return at
}

// headerCounts are the counts the headers show, for the stories and lines
// that have one: articles of each story of several articles or shown
// under its line, events of each line of several.
func (n storyNumbers) headerCounts(st *compare.Stories) (count map[*compare.Story]int, events map[*compare.StoryLine]int) {
	count, events = map[*compare.Story]int{}, map[*compare.StoryLine]int{}
	for s, c := range n.count {
		if c > 1 || c > 0 && n.nested(int32(s)) {
			count[st.List[s]] = int(c)
		}
	}
	for l, e := range n.events {
		if e > 1 {
			events[st.Lines[l]] = int(e)
		}
	}
	return count, events
}
