package compare

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// StoryCoverage sets the quotes, names and numbers of several articles side
// by side: one row per item, one column per article. In each row, In[k]
// says what article k has (nil or empty when it has nothing).
type StoryCoverage struct {
	Docs     []*Doc
	Quotes   []QuoteRow
	Entities []EntityRow
	Numbers  []NumberRow
}

// QuoteRow is one quote as the articles carry it, trimmed or altered.
type QuoteRow struct {
	Text    string   // the fullest version
	Speaker string   // the speaker most articles name
	In      []*Quote // per article, its version (nil when absent)
	Only    int      // the one article that has it, or -1
	// Unquoted, per article without the quote, is where that article
	// carries the quote's words without quotation marks (an unmarked copy
	// or a close paraphrase: a partial match), else nil. Only counts
	// marked quotes alone.
	Unquoted []*Passage
}

// Partial reports whether article k has the quote's words unquoted.
func (r *QuoteRow) Partial(k int) bool { return k < len(r.Unquoted) && r.Unquoted[k] != nil }

// EntityRow is one person, place or organisation across the articles.
type EntityRow struct {
	Name string
	Kind EntityKind
	// Acronym is the short form some article uses ("NATO", "AFP") when
	// Name is the full one.
	Acronym string
	In      [][]Passage // per article, its mentions
	Only    int
}

// NumberRow is one counted thing across the articles: the values each
// gives, and whether they disagree.
type NumberRow struct {
	Thing string
	In    [][]Number // per article, its figures for the thing
	// Conflict is set when one article gives a figure another does not and
	// their hedged ranges do not overlap ("four hours" vs "almost five
	// hours"), with neither article giving both.
	Conflict bool
	Only     int
}

// Count returns how many articles have something in the row.
func (r *QuoteRow) Count() int { return countNonNil(r.In) }

// Count returns how many articles name the entity.
func (r *EntityRow) Count() int { return countNonEmpty(r.In) }

// Count returns how many articles give a figure for the thing.
func (r *NumberRow) Count() int { return countNonEmpty(r.In) }

func countNonNil(in []*Quote) int {
	n := 0
	for _, q := range in {
		if q != nil {
			n++
		}
	}
	return n
}

func countNonEmpty[T any](in [][]T) int {
	n := 0
	for _, x := range in {
		if len(x) > 0 {
			n++
		}
	}
	return n
}

func onlyOf(present func(k int) bool, n int) int {
	only := -1
	for k := 0; k < n; k++ {
		if present(k) {
			if only >= 0 {
				return -1
			}
			only = k
		}
	}
	return only
}

// Coverage builds the coverage table of a story's articles.
func Coverage(docs []*Doc) *StoryCoverage {
	c := &StoryCoverage{Docs: docs}
	var people map[*Entity]string
	c.Entities, people = entityRows(docs)
	c.Quotes = quoteRows(docs, people)
	c.Numbers = numberRows(docs)
	return c
}

// ---- quotes

type quoteRef struct {
	doc int
	q   *Quote
}

// quoteRows groups the articles' quotes into rows; people maps each
// article's speaker to the name of its row among the story's names, so one
// person is one speaker across outlets.
func quoteRows(docs []*Doc, people map[*Entity]string) []QuoteRow {
	var all []quoteRef
	for k, d := range docs {
		for i := range d.extracted.quotes {
			all = append(all, quoteRef{k, &d.extracted.quotes[i]})
		}
	}
	uf := newUnionFind(len(all))
	members := make([][]int, len(all)) // per root, the quotes in its group
	for i := range all {
		members[i] = []int{i}
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			ri, rj := uf.find(i), uf.find(j)
			if ri == rj || !quotesMatch(all[i].q, all[j].q) || !groupsJoin(all, members[ri], members[rj], people) {
				continue
			}
			uf.union(i, j)
			r := uf.find(i)
			members[r] = append(members[ri], members[rj]...)
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range all {
		r := uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var rows []QuoteRow
	for _, r := range roots {
		row := QuoteRow{In: make([]*Quote, len(docs))}
		speakers := map[string]int{}
		for _, i := range groups[r] {
			ref := all[i]
			if row.In[ref.doc] == nil || ref.q.Words() > row.In[ref.doc].Words() {
				row.In[ref.doc] = ref.q
			}
			if len(ref.q.Text) > len(row.Text) {
				row.Text = ref.q.Text
			}
			if ref.q.Speaker != "" {
				w := 1
				if ref.q.SpeakerKind == Named {
					w = 2
				}
				name := ref.q.Speaker
				if n, ok := people[ref.q.who]; ok && ref.q.SpeakerKind != Nominal {
					name = n
				}
				speakers[name] += w
			}
		}
		row.Speaker = topKey(speakers)
		row.Only = onlyOf(func(k int) bool { return row.In[k] != nil }, len(docs))
		rows = append(rows, row)
	}
	if len(docs) > 1 && len(rows) > 0 {
		w := weightsOf(docs)
		outside := make([][][]uint64, len(docs))
		for k, d := range docs {
			outside[k] = outsideQuotes(d)
		}
		for k := range rows {
			findUnquoted(&rows[k], docs, outside, w.of)
		}
	}
	// The quotes most articles carry first, then the longer.
	slices.SortStableFunc(rows, func(x, y QuoteRow) int {
		return cmp.Or(cmp.Compare(y.Count(), x.Count()), cmp.Compare(len(y.Text), len(x.Text)))
	})
	return rows
}

// findUnquoted fills the row's partial matches: articles without the quote
// that carry its fullest version's words unquoted.
func findUnquoted(row *QuoteRow, docs []*Doc, outside [][][]uint64, weight func(uint64) float64) {
	var full *Quote
	for _, q := range row.In {
		if q != nil && (full == nil || q.Words() > full.Words()) {
			full = q
		}
	}
	row.Unquoted = make([]*Passage, len(docs))
	for k, d := range docs {
		if row.In[k] != nil || full == nil {
			continue
		}
		if p, _, ok := unquotedMatch(full, d, outside[k], weight); ok {
			row.Unquoted[k] = &p
		}
	}
}

func topKey(m map[string]int) string {
	best, n := "", 0
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

// groupsJoin: two groups of matching quotes make one row only when no
// article has two different quotes in it (one article's quotes are distinct
// statements unless one repeats the other) and every pair of speakers may
// be one speaker.
func groupsJoin(all []quoteRef, a, b []int, people map[*Entity]string) bool {
	for _, i := range a {
		for _, j := range b {
			if all[i].doc == all[j].doc && !repeats(all[i].q, all[j].q) {
				return false
			}
			x, y := all[i].q.who, all[j].q.who
			if x != nil && y != nil && people[x] != "" && people[x] == people[y] {
				continue // one row of the story's names
			}
			if !speakersAgree(all[i].q, all[j].q) {
				return false
			}
		}
	}
	return true
}

// repeats: one quote is the other, or a part of it, word for word (an
// article quoting a line in its lede and again in full). Every quote has
// words (quotesOf keeps no other).
func repeats(a, b *Quote) bool {
	return longestRun(a.words, b.words) == min(len(a.words), len(b.words))
}

// quotesMatch decides whether two quotes are one quote, trimmed or altered:
// the same words; a shared run of words that makes up much of the shorter
// one; or nearly all the content words of the shorter one in the longer,
// some in the same order. A few words in common ("the Fake News Media
// is") do not make two statements one.
func quotesMatch(a, b *Quote) bool {
	if len(a.words) == 0 || len(b.words) == 0 {
		return false
	}
	// How many content terms the quote with fewer has, and the other.
	few, many := min(len(a.terms), len(b.terms)), max(len(a.terms), len(b.terms))
	in := countCommon(a.terms, b.terms)
	if few == 0 {
		return longestRun(a.words, b.words) == max(len(a.words), len(b.words))
	}
	if in == 0 {
		return false
	}
	if few == 1 {
		// A one-word quote ("difficult") matches only itself, more or less.
		return many == 1
	}
	run := longestRun(a.words, b.words)
	shorter := min(len(a.words), len(b.words))
	return run >= 4 && (2*run >= shorter || run >= 12) || float64(in) >= 0.75*float64(few) && run >= 2
}

// longestRun is the length of the longest run of identical folded words.
func longestRun(a, b []word) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1].fold == b[j-1].fold {
				cur[j] = prev[j-1] + 1
				best = max(best, cur[j])
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// ---- names

type globalEntity struct {
	name  string
	kind  EntityKind
	skel  []string
	key   string
	known bool
	votes [3]float64
	forms map[string]int
	in    [][]Passage
	acros []string // folded acronyms of the full name
	short string   // an acronym merged into it, as written
	who   personAttrs
	// members are the articles' entities gathered here.
	members []*Entity
}

// entityRows gathers the articles' names into one row per entity, and maps
// each article's entity to its row's name.
func entityRows(docs []*Doc) ([]EntityRow, map[*Entity]string) {
	var globals []*globalEntity
	byKey := map[string]*globalEntity{}
	bySkel := map[string]*globalEntity{}
	for k, d := range docs {
		for _, e := range d.extracted.entities {
			sk := e.skelKey()
			g := byKey[e.key]
			if g == nil {
				if s := bySkel[sk]; s != nil && (s.kind == e.Kind || s.kind == Other || e.Kind == Other) {
					g = s
				}
			}
			if g == nil {
				g = &globalEntity{key: e.key, skel: e.skel, known: e.known, forms: map[string]int{},
					in: make([][]Passage, len(docs))}
				globals = append(globals, g)
				bySkel[sk] = g
			}
			byKey[e.key] = g
			g.add(k, e)
		}
	}
	// One person's full names, and surnames alone, across articles: the
	// same rules as inside one article (names.go).
	who := func(g *globalEntity) *personAttrs { return &g.who }
	person := func(g *globalEntity) bool { return !g.known && g.kind != Place && g.kind != Org }
	kept := mergeFullNames(globals, who, func(g *globalEntity) bool { return person(g) && len(g.skel) >= 2 },
		func(g *globalEntity) int { return mentions(g.in) }, (*globalEntity).merge)
	kept = joinSurnames(kept, who, person, nil, (*globalEntity).merge)
	kept = joinGlobalAcronyms(kept)
	rows := make([]EntityRow, 0, len(kept))
	names := map[*Entity]string{}
	for _, g := range kept {
		for _, e := range g.members {
			names[e] = g.name
		}
		row := EntityRow{Name: g.name, Kind: g.kind, In: g.in, Acronym: g.short}
		row.Only = onlyOf(func(k int) bool { return len(row.In[k]) > 0 }, len(docs))
		rows = append(rows, row)
	}
	// The names most articles carry first, then the most mentioned.
	slices.SortStableFunc(rows, func(x, y EntityRow) int {
		return cmp.Or(cmp.Compare(y.Count(), x.Count()), cmp.Compare(mentions(y.In), mentions(x.In)), strings.Compare(x.Name, y.Name))
	})
	return rows, names
}

func mentions(in [][]Passage) int {
	n := 0
	for _, p := range in {
		n += len(p)
	}
	return n
}

// joinGlobalAcronyms moves an acronym one article uses into the full name
// another uses, when exactly one name goes by it.
func joinGlobalAcronyms(gs []*globalEntity) []*globalEntity {
	var kept []*globalEntity
	for _, g := range gs {
		if isAcronym(g.name) {
			full := fullFormOf(g.key, gs, func(f *globalEntity) []string { return f.acros }, func(f *globalEntity) bool {
				return f == g || f.kind == Person || len(f.skel) < 2
			})
			if full != nil {
				full.merge(g)
				full.short = g.name
				continue
			}
		}
		kept = append(kept, g)
	}
	return kept
}

func (g *globalEntity) add(doc int, e *Entity) {
	for _, a := range e.acros {
		if !containsString(g.acros, a) {
			g.acros = append(g.acros, a)
		}
	}
	if e.Acronym != "" {
		g.short = e.Acronym
	}
	g.members = append(g.members, e)
	g.in[doc] = append(g.in[doc], e.Mentions...)
	for k := range g.votes {
		g.votes[k] += e.votes[k]
	}
	if len(e.skel) >= len(g.skel) {
		if len(e.skel) > len(g.skel) {
			g.skel, g.key, g.forms = e.skel, e.key, map[string]int{}
		}
		g.forms[e.Name] += len(e.Mentions)
	}
	g.known = g.known || e.known
	g.who.add(&e.who)
	g.decide()
}

func (g *globalEntity) merge(o *globalEntity) {
	if len(o.skel) == len(g.skel) {
		for f, c := range o.forms {
			g.forms[f] += c
		}
	}
	g.who.add(&o.who)
	g.members = append(g.members, o.members...)
	for k := range g.in {
		g.in[k] = append(g.in[k], o.in[k]...)
		sort.Slice(g.in[k], func(i, j int) bool { return lessPassage(g.in[k][i], g.in[k][j]) })
	}
	for k := range g.votes {
		g.votes[k] += o.votes[k]
	}
	g.decide()
}

func (g *globalEntity) decide() {
	g.name = displayName(g.forms)
	g.who.name = parsePerson(stripMark(g.key))
	g.kind = Other
	top := 0.0
	for k, x := range g.votes {
		if x > top {
			top, g.kind = x, kinds[k]
		}
	}
}

// ---- numbers

type numberRef struct {
	doc int
	n   *Number
}

// numberRows pairs figures for the same counted thing: the same unit and
// head noun, and either the same value or a similar sentence around them.
// A row is a conflict only where two articles give different values for
// the same thing about the same subject (see sameCount).
func numberRows(docs []*Doc) []NumberRow {
	byKey := map[string][]numberRef{}
	var keys []string
	for k, d := range docs {
		for i := range d.extracted.numbers {
			n := &d.extracted.numbers[i]
			if _, ok := byKey[n.key]; !ok {
				keys = append(keys, n.key)
			}
			byKey[n.key] = append(byKey[n.key], numberRef{k, n})
		}
	}
	facts := newSameFact(docs)
	// values[doc][key]: how many different values a document gives.
	values := make([]map[string]map[float64]bool, len(docs))
	for k, d := range docs {
		values[k] = map[string]map[float64]bool{}
		for i := range d.extracted.numbers {
			n := &d.extracted.numbers[i]
			if values[k][n.key] == nil {
				values[k][n.key] = map[float64]bool{}
			}
			values[k][n.key][n.Value] = true
		}
	}
	single := func(r numberRef) bool { return len(values[r.doc][r.n.key]) == 1 }
	var rows []NumberRow
	for _, key := range keys {
		refs := byKey[key]
		uf := newUnionFind(len(refs))
		same := map[[2]int]bool{} // pairs of refs that count the same thing
		for i := range refs {
			for j := i + 1; j < len(refs); j++ {
				a, b := refs[i].n, refs[j].n
				if a.Ordinal != b.Ordinal {
					continue
				}
				if refs[i].doc == refs[j].doc {
					continue // one article's figures are its own facts
				}
				if sameCount(facts, refs[i], refs[j], single(refs[i]) && single(refs[j])) {
					same[[2]int{i, j}] = true
					uf.union(i, j)
					continue
				}
				// The same figure for a specific thing ("28-point plan") is
				// one fact; otherwise the sentences around must agree, so
				// a flight's five hours is not a meeting's.
				// An amount with no counted noun ("$3.5 billion") joins
				// others only at the same value: a story's many dollar
				// figures are not one thing.
				if a.Value == b.Value && compoundUnit(a.Unit) || contextsAgree(a.context, b.context) && (a.head != "" || a.Value == b.Value) {
					uf.union(i, j)
				}
			}
		}
		groups := map[int][]int{}
		var roots []int
		for i := range refs {
			r := uf.find(i)
			if _, ok := groups[r]; !ok {
				roots = append(roots, r)
			}
			groups[r] = append(groups[r], i)
		}
		for _, r := range roots {
			row := NumberRow{In: make([][]Number, len(docs))}
			var members []*Number
			for _, i := range groups[r] {
				ref := refs[i]
				row.In[ref.doc] = append(row.In[ref.doc], *ref.n)
				members = append(members, ref.n)
			}
			row.Thing = rowLabel(members)
			if row.Thing == "" {
				row.Thing = key
			}
			row.Conflict = conflicting(row.In) && anySameApart(refs, groups[r], same)
			row.Only = onlyOf(func(k int) bool { return len(row.In[k]) > 0 }, len(docs))
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Conflict != rows[j].Conflict {
			return rows[i].Conflict
		}
		return rows[i].Count() > rows[j].Count()
	})
	return rows
}

// anySameApart: some two figures of the group count the same thing and
// their ranges do not overlap.
func anySameApart(refs []numberRef, group []int, same map[[2]int]bool) bool {
	for x, i := range group {
		for _, j := range group[x+1:] {
			a, b := min(i, j), max(i, j)
			if same[[2]int{a, b}] && !hasOverlap(*refs[a].n, []Number{*refs[b].n}) {
				return true
			}
		}
	}
	return false
}

// sameCount: two figures of different articles (same unit and head noun)
// count the same thing about the same subject, so different values
// disagree. Sentences naming different places are about different
// subjects. Ranks and ordinals ("No. 3", "the third inning") name which
// one, and increments ("13 more people") add to a total: neither is
// compared. Otherwise the figures must stand in sentences that report the
// same fact (the aligned-row probability at least sameFactProbability),
// or be a compound measure of the same noun ("48-page indictment") in
// sentences about the same people, each article giving one value for it
// (one that gives two, "the 28-point plan was cut to a 19-point plan",
// reports a change, not a different count).
func sameCount(f *sameFact, x, y numberRef, single bool) bool {
	a, b := x.n, y.n
	if a.Ordinal || b.Ordinal || a.Increment || b.Increment {
		return false
	}
	// A count is about a place when its sentence names one: 12 arrests in
	// Portland are not 30 in Seattle.
	sa := &f.docs[x.doc].Sentences[a.At.Sentence]
	sb := &f.docs[y.doc].Sentences[b.At.Sentence]
	if !placesCompatible(sa.places, sb.places) {
		return false
	}
	if f.of(x.doc, a.At.Sentence, y.doc, b.At.Sentence) {
		// Of several figures in one sentence, the one that agrees is the
		// counterpart: "the 28-point plan" faces "28" in "the 28-point
		// plan was cut to a 19-point plan", not "19".
		return !hasOverlap(*a, []Number{*b}) && !f.agreeingIn(y.doc, a) && !f.agreeingIn(x.doc, b) || hasOverlap(*a, []Number{*b})
	}
	if single && compoundUnit(a.Unit) && a.head != "" && a.head == b.head {
		return actorsCompatible(sa.actors, sb.actors)
	}
	return false
}

// sameFactProbability: the least aligned-row probability for two
// sentences to count as reporting the same fact.
const sameFactProbability = 0.5

// sameFact answers whether two sentences of two documents report the same
// fact. It scores only the pairs asked (see sentencePairs), reading each
// document's terms once.
type sameFact struct {
	docs  []*Doc
	terms []*docTerms // per document, made when first asked
	pairs map[[2]int]*sentencePairs
}

func newSameFact(docs []*Doc) *sameFact {
	return &sameFact{docs: docs, terms: make([]*docTerms, len(docs)), pairs: map[[2]int]*sentencePairs{}}
}

// agreeingIn: document k has a figure with n's key whose range overlaps
// n's.
func (f *sameFact) agreeingIn(k int, n *Number) bool {
	for _, o := range f.docs[k].extracted.numbers {
		if o.key == n.key && hasOverlap(*n, []Number{o}) {
			return true
		}
	}
	return false
}

func (f *sameFact) of(p, i, q, j int) bool {
	if p > q {
		p, i, q, j = q, j, p, i
	}
	m := f.pairs[[2]int{p, q}]
	if m == nil {
		for _, k := range []int{p, q} {
			if f.terms[k] == nil {
				f.terms[k] = newDocTerms(f.docs[k])
			}
		}
		m = newSentencePairs(f.docs[p], f.docs[q], f.terms[p], f.terms[q])
		f.pairs[[2]int{p, q}] = m
	}
	return calibrate(m.at(i, j)) >= sameFactProbability
}

// rowLabel names a row of figures: the label most of them use (on a tie
// the shorter, more general one). When the figures of a compound unit
// differ ("28-point plan", "19-point plan") the label names the unit
// instead: "plan (points)".
func rowLabel(ns []*Number) string {
	count := map[string]int{}
	for _, n := range ns {
		count[n.Label]++
	}
	best, most := "", 0
	for l, c := range count {
		if c > most || c == most && (len(l) < len(best) || len(l) == len(best) && l < best) {
			best, most = l, c
		}
	}
	if n := ns[0]; compoundUnit(n.Unit) {
		for _, o := range ns[1:] {
			if o.Value != n.Value {
				_, rest, _ := strings.Cut(best, " ")
				return rest + " (" + plural(n.Unit) + ")"
			}
		}
	}
	return best
}

func plural(w string) string {
	if strings.HasSuffix(w, "s") {
		return w
	}
	return w + "s"
}

// contextsAgree: the sentences around two figures share at least two
// content terms and a fair part of their vocabulary.
func contextsAgree(a, b []uint64) bool {
	common := countCommon(a, b)
	if common < 2 {
		return false
	}
	return float64(common)/float64(min(len(a), len(b))) >= 0.25
}

// conflicting: some article gives a figure that another article lacks, and
// no figure of the other overlaps it.
func conflicting(in [][]Number) bool {
	for x := range in {
		for y := range in {
			if x == y || len(in[x]) == 0 || len(in[y]) == 0 {
				continue
			}
			for _, a := range in[x] {
				if hasOverlap(a, in[y]) || anyOverlap(in[x], in[y]) {
					continue
				}
				return true
			}
		}
	}
	return false
}

func hasOverlap(a Number, list []Number) bool {
	for _, b := range list {
		if a.Low <= b.High && b.Low <= a.High {
			return true
		}
	}
	return false
}

// anyOverlap: the two articles share at least one figure, so the others are
// further facts (a plan that went from 28 to 19 points), not a conflict.
func anyOverlap(a, b []Number) bool {
	for _, x := range a {
		if hasOverlap(x, b) {
			return true
		}
	}
	return false
}

// ---- pair views

// QuoteMatch is a quote in one or both of two compared articles.
type QuoteMatch struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"`
	A       *Quote `json:"a"`
	B       *Quote `json:"b"`
	// UnquotedA and UnquotedB, for a quote only the other article marks,
	// locate its words carried without quotation marks: a partial match.
	UnquotedA *Passage `json:"unquoted_a,omitempty"`
	UnquotedB *Passage `json:"unquoted_b,omitempty"`
}

// Partial reports whether one article quotes what the other carries
// unquoted.
func (q *QuoteMatch) Partial() bool { return q.UnquotedA != nil || q.UnquotedB != nil }

// EntityDiff sorts the names of two articles into shared and own.
type EntityDiff struct {
	Both  []EntityRow
	OnlyA []EntityRow
	OnlyB []EntityRow
}

func (c *StoryCoverage) quoteMatches() []QuoteMatch {
	out := make([]QuoteMatch, 0, len(c.Quotes))
	for _, r := range c.Quotes {
		qm := QuoteMatch{Text: r.Text, Speaker: r.Speaker, A: r.In[0], B: r.In[1]}
		if len(r.Unquoted) == 2 {
			qm.UnquotedA, qm.UnquotedB = r.Unquoted[0], r.Unquoted[1]
		}
		out = append(out, qm)
	}
	return out
}

func (c *StoryCoverage) entityDiff() EntityDiff {
	var d EntityDiff
	for _, r := range c.Entities {
		switch a, b := len(r.In[0]) > 0, len(r.In[1]) > 0; {
		case a && b:
			d.Both = append(d.Both, r)
		case a:
			d.OnlyA = append(d.OnlyA, r)
		case b:
			d.OnlyB = append(d.OnlyB, r)
		}
	}
	return d
}

// ---- union-find

type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(x int) int {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

// union joins two sets; the smaller index becomes the root, so results do
// not depend on the order of unions.
func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	u[max(ra, rb)] = min(ra, rb)
}
