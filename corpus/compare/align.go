package compare

import (
	"cmp"
	"math"
	"slices"
)

// Alignment parameters.
//
// Outlets reorder what they take from each other, so alignment is global:
// first the clearest correspondences are linked wherever they are (the
// strongest pair first, each sentence used once: "competitive linking"),
// then the sentences between those that keep both texts in order are
// aligned in order with a weaker threshold, since a passage in its place
// needs less evidence than one moved elsewhere.
const (
	// matchThreshold: the least similarity for two sentences in order to
	// be aligned.
	matchThreshold = 0.2
	// movedThreshold: the least similarity for a link made regardless of
	// order, so also for a passage moved elsewhere.
	movedThreshold = 0.25
	// headingThreshold: the least similarity for a heading to face a body
	// sentence: they share a word or two by chance far more often than
	// they correspond.
	headingThreshold = 0.3
	// mergePenalty: reading two sentences as one costs this much, so a
	// merge is only chosen when one outlet clearly split (or joined) a
	// sentence.
	mergePenalty = 0.04
	// elsewhereThreshold: an unaligned sentence whose best counterpart
	// (taken by a closer match) is at least this similar points to it.
	elsewhereThreshold = 0.3
	// maxSide: the most sentences on one side of a row.
	maxSide = 3
)

const (
	moveNone int8 = iota
	moveGapA
	moveGapB
	moveMatch
	moveMergeB // A[i] with B[j-1], B[j]
	moveMergeA // A[i-1], A[i] with B[j]
)

// Row is one line of a side-by-side alignment: the sentences of A and of B
// that correspond (up to three consecutive ones on a side when one outlet
// split what the other says in one sentence), or sentences of one side
// facing a gap (the other side nil).
//
// Rows follow A's order. B's sentences sit beside their counterparts, so a
// passage B moved elsewhere appears out of B's order (Moved is set);
// sentences only B has sit after their neighbour in B. Every sentence of
// both articles appears in exactly one row.
type Row struct {
	A, B []int // sentence indices, consecutive; nil for a gap
	// Score is the estimated probability (0..1) that the two sides report
	// the same fact (see calibrate); 0 for a gap.
	Score  float64
	Shared []Shared
	// Evidence lists the words the alignment rests on: the terms both
	// sides share outside their frames (attribution, titles, channel), as
	// side A writes them.
	Evidence []string
	// Elsewhere, for a gap row, is the sentence of the other document that
	// says most nearly the same thing but was aligned with another, or -1.
	Elsewhere int
	// Moved marks a matched row whose B side is out of B's reading order:
	// B carries the passage elsewhere in its text.
	Moved bool
}

// IsGap reports whether one side of the row is empty.
func (r *Row) IsGap() bool { return r.A == nil || r.B == nil }

// link is a correspondence between consecutive sentences of A and of B.
type link struct {
	a, b  []int
	score float64
}

// align computes the alignment of the model's documents.
func (m *pairModel) align() []Row {
	na, nb := len(m.a.Sentences), len(m.b.Sentences)
	linkA := make([]int32, na) // link index + 1 per sentence; 0 for none
	linkB := make([]int32, nb)
	var links []link
	add := func(l link) {
		links = append(links, l)
		for _, i := range l.a {
			linkA[i] = int32(len(links))
		}
		for _, j := range l.b {
			linkB[j] = int32(len(links))
		}
	}
	// 1. Clear correspondences, in or out of order.
	for _, l := range m.strongLinks() {
		add(l)
	}
	// 2. Between the strong links that keep both texts in order, align
	// what is left in order.
	order := make([]int, len(links))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(links[x].a[0], links[y].a[0]) })
	anchors := increasingByB(links, order)
	prevA, prevB := -1, -1
	var boxA, boxB []int
	for k := 0; k <= len(anchors); k++ {
		endA, endB := na, nb
		if k < len(anchors) {
			l := links[anchors[k]]
			endA, endB = l.a[0], l.b[0]
		}
		boxA, boxB = boxA[:0], boxB[:0]
		for i := prevA + 1; i < endA; i++ {
			if linkA[i] == 0 {
				boxA = append(boxA, i)
			}
		}
		for j := prevB + 1; j < endB; j++ {
			if linkB[j] == 0 {
				boxB = append(boxB, j)
			}
		}
		for _, l := range m.alignInOrder(boxA, boxB) {
			add(l)
		}
		if k < len(anchors) {
			l := links[anchors[k]]
			prevA, prevB = l.a[len(l.a)-1], l.b[len(l.b)-1]
		}
	}
	// 3. A sentence left over next to a row whose other side is its best
	// counterpart joins that row (one outlet split the sentence).
	m.extendLinks(links, linkA, linkB)
	return m.layout(links, linkA, linkB)
}

// strongLinks links, strongest first, pairs of sentences (or a sentence and
// two adjacent ones read as one) at or above movedThreshold, each sentence
// used once.
func (m *pairModel) strongLinks() []link {
	na, nb := len(m.a.Sentences), len(m.b.Sentences)
	type cand struct {
		link
		key float64 // score less the merge penalty
	}
	var cands []cand
	for i := 0; i < na; i++ {
		for j := 0; j < nb; j++ {
			s := m.at(i, j)
			if s <= 0 {
				continue
			}
			if s >= movedThreshold && s >= m.inOrderThreshold(i, j) {
				cands = append(cands, cand{link{[]int{i}, []int{j}, s}, s})
			}
			// Merges: both halves share words with the other side, one of
			// them matches on its own, and the other side's sentence is the
			// best counterpart of both halves.
			if j+1 < nb && m.at(i, j+1) > 0 && m.joinableB(j, j+1) && max(s, m.at(i, j+1)) >= matchThreshold &&
				m.splitB([]int{j, j + 1}, []int{i}) &&
				m.bestBat[j] == int32(i) && m.bestBat[j+1] == int32(i) {
				if s2 := m.mergedB(i, j); s2-mergePenalty >= movedThreshold && s2-mergePenalty > max(s, m.at(i, j+1)) {
					cands = append(cands, cand{link{[]int{i}, []int{j, j + 1}, s2}, s2 - mergePenalty})
				}
			}
			if i+1 < na && m.at(i+1, j) > 0 && m.joinableA(i, i+1) && max(s, m.at(i+1, j)) >= matchThreshold &&
				m.splitA([]int{i, i + 1}, []int{j}) &&
				m.bestAat[i] == int32(j) && m.bestAat[i+1] == int32(j) {
				if s2 := m.mergedA(i, j); s2-mergePenalty >= movedThreshold && s2-mergePenalty > max(s, m.at(i+1, j)) {
					cands = append(cands, cand{link{[]int{i, i + 1}, []int{j}, s2}, s2 - mergePenalty})
				}
			}
		}
	}
	// Strongest first; on a tie, the pair nearer the diagonal, then by
	// position, so the result never depends on map or sort order.
	offDiagonal := func(c cand) float64 {
		return math.Abs(float64(c.a[0])/float64(na) - float64(c.b[0])/float64(nb))
	}
	slices.SortFunc(cands, func(x, y cand) int {
		if c := cmp.Compare(y.key, x.key); c != 0 {
			return c
		}
		if c := cmp.Compare(offDiagonal(x), offDiagonal(y)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a[0], y.a[0]); c != 0 {
			return c
		}
		if c := cmp.Compare(x.b[0], y.b[0]); c != 0 {
			return c
		}
		return cmp.Compare(len(x.a)+len(x.b), len(y.a)+len(y.b))
	})
	usedA, usedB := make([]bool, na), make([]bool, nb)
	var out []link
	for _, c := range cands {
		if anyUsed(usedA, c.a) || anyUsed(usedB, c.b) {
			continue
		}
		for _, i := range c.a {
			usedA[i] = true
		}
		for _, j := range c.b {
			usedB[j] = true
		}
		out = append(out, c.link)
	}
	return out
}

func anyUsed(used []bool, ix []int) bool {
	for _, i := range ix {
		if used[i] {
			return true
		}
	}
	return false
}

// increasingByB returns, of the links taken in the given order (A's), the
// subsequence whose B positions increase too with the greatest total
// score: the links that keep both texts in order (the rest are moved
// passages). Among equal choices the one that keeps earlier links wins.
func increasingByB(links []link, order []int) []int {
	n := len(order)
	if n == 0 {
		return nil
	}
	best := make([]float64, n) // best total of a subsequence ending at k
	prev := make([]int, n)
	end := 0
	for k, lk := range order {
		best[k], prev[k] = links[lk].score+1e-9, -1 // unscored links still count
		for x, lx := range order[:k] {
			if links[lx].b[len(links[lx].b)-1] < links[lk].b[0] && best[x]+links[lk].score+1e-9 > best[k] {
				best[k], prev[k] = best[x]+links[lk].score+1e-9, x
			}
		}
		if best[k] > best[end] {
			end = k
		}
	}
	var out []int
	for k := end; k >= 0; k = prev[k] {
		out = append(out, order[k])
	}
	slices.Reverse(out)
	return out
}

// alignInOrder computes the order-preserving alignment of sentences ia of
// A and jb of B (increasing, not necessarily consecutive): it maximises
// the sum of (similarity - matchThreshold) over matched pairs. Two
// sentences are read as one only when they are consecutive in their text.
func (m *pairModel) alignInOrder(ia, jb []int) []link {
	na, nb := len(ia), len(jb)
	if na == 0 || nb == 0 {
		return nil
	}
	w := nb + 1
	f := make([]float32, (na+1)*w)
	back := make([]int8, (na+1)*w)
	score := make([]float32, (na+1)*w) // similarity of the chosen match/merge ending at (i, j)
	for i := 0; i <= na; i++ {
		for j := 0; j <= nb; j++ {
			if i == 0 && j == 0 {
				continue
			}
			k := i*w + j
			best, mv := float32(-1), moveNone
			if i > 0 {
				best, mv = f[k-w], moveGapA
			}
			if j > 0 && f[k-1] > best {
				best, mv = f[k-1], moveGapB
			}
			if i > 0 && j > 0 {
				s := m.at(ia[i-1], jb[j-1])
				if s >= m.inOrderThreshold(ia[i-1], jb[j-1]) {
					if v := f[k-w-1] + float32(s-matchThreshold); v > best {
						best, mv = v, moveMatch
						score[k] = float32(s)
					}
					if j > 1 && jb[j-2]+1 == jb[j-1] && m.joinableB(jb[j-2], jb[j-1]) && m.at(ia[i-1], jb[j-2]) > 0 &&
						m.splitB([]int{jb[j-2], jb[j-1]}, []int{ia[i-1]}) {
						if s2 := m.mergedB(ia[i-1], jb[j-2]); s2 >= matchThreshold {
							if v := f[k-w-2] + float32(s2-matchThreshold-mergePenalty); v > best {
								best, mv = v, moveMergeB
								score[k] = float32(s2)
							}
						}
					}
					if i > 1 && ia[i-2]+1 == ia[i-1] && m.joinableA(ia[i-2], ia[i-1]) && m.at(ia[i-2], jb[j-1]) > 0 &&
						m.splitA([]int{ia[i-2], ia[i-1]}, []int{jb[j-1]}) {
						if s2 := m.mergedA(ia[i-2], jb[j-1]); s2 >= matchThreshold {
							if v := f[k-2*w-1] + float32(s2-matchThreshold-mergePenalty); v > best {
								best, mv = v, moveMergeA
								score[k] = float32(s2)
							}
						}
					}
				}
			}
			f[k], back[k] = best, mv
		}
	}
	var out []link
	i, j := na, nb
	for i > 0 || j > 0 {
		k := i*w + j
		switch back[k] {
		case moveGapA:
			i--
		case moveGapB:
			j--
		case moveMatch:
			out = append(out, link{[]int{ia[i-1]}, []int{jb[j-1]}, float64(score[k])})
			i--
			j--
		case moveMergeB:
			out = append(out, link{[]int{ia[i-1]}, []int{jb[j-2], jb[j-1]}, float64(score[k])})
			i--
			j -= 2
		case moveMergeA:
			out = append(out, link{[]int{ia[i-2], ia[i-1]}, []int{jb[j-1]}, float64(score[k])})
			i -= 2
			j--
		default:
			i, j = 0, 0
		}
	}
	return out
}

// inOrderThreshold: a heading and a body sentence need the evidence of
// headingThreshold.
func (m *pairModel) inOrderThreshold(i, j int) float64 {
	if m.a.Sentences[i].Heading != m.b.Sentences[j].Heading {
		return headingThreshold
	}
	return matchThreshold
}

// extendLinks lets each unlinked sentence join the link of its neighbour
// (the sentence before or after it in its own text) when that link's other
// side holds its best counterpart: one outlet wrote in two sentences what
// the other wrote in one.
func (m *pairModel) extendLinks(links []link, linkA, linkB []int32) {
	for i := range linkA {
		if linkA[i] != 0 || m.bestAat[i] < 0 || float64(m.bestA[i]) < matchThreshold {
			continue
		}
		for _, n := range []int{i - 1, i + 1} {
			if n < 0 || n >= len(linkA) || linkA[n] == 0 {
				continue
			}
			l := &links[linkA[n]-1]
			if len(l.a) >= maxSide || !slices.Contains(l.b, int(m.bestAat[i])) || !m.joinableA(i, n) ||
				!m.splitA(append(slices.Clone(l.a), i), l.b) {
				continue
			}
			if n == i-1 {
				l.a = append(l.a, i)
			} else {
				l.a = append([]int{i}, l.a...)
			}
			l.score = m.setSimOf(l.a, l.b)
			linkA[i] = linkA[n]
			break
		}
	}
	for j := range linkB {
		if linkB[j] != 0 || m.bestBat[j] < 0 || float64(m.bestB[j]) < matchThreshold {
			continue
		}
		for _, n := range []int{j - 1, j + 1} {
			if n < 0 || n >= len(linkB) || linkB[n] == 0 {
				continue
			}
			l := &links[linkB[n]-1]
			if len(l.b) >= maxSide || !slices.Contains(l.a, int(m.bestBat[j])) || !m.joinableB(j, n) ||
				!m.splitB(append(slices.Clone(l.b), j), l.a) {
				continue
			}
			if n == j-1 {
				l.b = append(l.b, j)
			} else {
				l.b = append([]int{j}, l.b...)
			}
			l.score = m.setSimOf(l.a, l.b)
			linkB[j] = linkB[n]
			break
		}
	}
}

// splitEvidence: each part of a sentence one outlet split in two brings at
// least this many words of its own that the other outlet's sentence has
// (outside frames): two sentences that share one stray word with a third
// are not its halves.
const splitEvidence = 2

// splitA: sentences parts of A read as one against sentences other of B
// look like one sentence split: each part adds splitEvidence words.
func (m *pairModel) splitA(parts, other []int) bool { return isSplit(m.a, parts, m.b, other) }

func (m *pairModel) splitB(parts, other []int) bool { return isSplit(m.b, parts, m.a, other) }

func isSplit(d *Doc, parts []int, o *Doc, other []int) bool {
	var terms, frame []uint64
	for _, j := range other {
		terms, frame = union(terms, o.Sentences[j].terms), union(frame, o.Sentences[j].frame)
	}
	for x, i := range parts {
		var rest []uint64
		for y, k := range parts {
			if y != x {
				rest = union(rest, d.Sentences[k].terms)
			}
		}
		s := &d.Sentences[i]
		n := 0
		for _, t := range s.terms {
			if inSorted(terms, t) && !inSorted(frame, t) && !inSorted(s.frame, t) && !inSorted(rest, t) {
				n++
			}
		}
		if n < splitEvidence {
			return false
		}
	}
	return true
}

// joinableA: two sentences of A may be read as one: both body text or
// both heading, in one paragraph or adjacent ones.
func (m *pairModel) joinableA(i, j int) bool { return joinable(m.a, i, j) }

func (m *pairModel) joinableB(i, j int) bool { return joinable(m.b, i, j) }

func joinable(d *Doc, i, j int) bool {
	x, y := &d.Sentences[i], &d.Sentences[j]
	return x.Heading == y.Heading
}

// layout turns links into rows in A's order. Sentences only B has follow
// the row holding the sentence before them in B (one left in place, not a
// moved one), after any sentences only A has there.
func (m *pairModel) layout(links []link, linkA, linkB []int32) []Row {
	na, nb := len(m.a.Sentences), len(m.b.Sentences)
	// Rows with an A side, in A's order.
	var rows []Row
	rowOfLink := make([]int, len(links))
	for i := 0; i < na; i++ {
		if linkA[i] == 0 {
			r := Row{A: []int{i}, Elsewhere: -1}
			if float64(m.bestA[i]) >= elsewhereThreshold {
				r.Elsewhere = int(m.bestAat[i])
			}
			rows = append(rows, r)
			continue
		}
		l := &links[linkA[i]-1]
		if l.a[0] != i {
			continue
		}
		rowOfLink[linkA[i]-1] = len(rows)
		rows = append(rows, Row{A: l.a, B: l.b, Score: calibrate(l.score), Elsewhere: -1})
	}
	// Moved rows: those off the longest run of rows whose B side increases.
	var matched []int
	for k := range rows {
		if rows[k].B != nil {
			matched = append(matched, k)
		}
	}
	asLinks := make([]link, len(rows))
	for k := range rows {
		asLinks[k] = link{a: rows[k].A, b: rows[k].B, score: rows[k].Score}
	}
	inOrder := make([]bool, len(rows))
	for _, k := range increasingByB(asLinks, matched) {
		inOrder[k] = true
	}
	for _, k := range matched {
		rows[k].Moved = !inOrder[k]
	}
	// Where each B-only sentence goes: after row `after` (-1: before all).
	type bOnly struct {
		after int
		row   Row
	}
	var extra []bOnly
	anchor := -1 // the row of the last B sentence met in a row kept in order
	firstInOrder := -1
	for _, k := range matched {
		if !rows[k].Moved {
			firstInOrder = k
			break
		}
	}
	for j := 0; j < nb; j++ {
		if linkB[j] != 0 {
			if k := rowOfLink[linkB[j]-1]; !rows[k].Moved {
				anchor = k
			}
			continue
		}
		r := Row{B: []int{j}, Elsewhere: -1}
		if float64(m.bestB[j]) >= elsewhereThreshold {
			r.Elsewhere = int(m.bestBat[j])
		}
		after := anchor
		if after >= 0 {
			// Past the sentences only A has that follow the anchor.
			for after+1 < len(rows) && rows[after+1].B == nil {
				after++
			}
		} else if firstInOrder >= 0 {
			after = firstInOrder - 1
		} else {
			after = len(rows) - 1
		}
		extra = append(extra, bOnly{after, r})
	}
	if len(extra) == 0 {
		return rows
	}
	// extra is in the order of after, each below len(rows): the rows kept
	// in order hold increasing B sentences, so anchors only grow as j does;
	// before the first anchor, after is the row before the first of them;
	// with none, every after is the last row.
	out := make([]Row, 0, len(rows)+len(extra))
	x := 0
	for ; x < len(extra) && extra[x].after < 0; x++ {
		out = append(out, extra[x].row)
	}
	for k := range rows {
		out = append(out, rows[k])
		for ; x < len(extra) && extra[x].after == k; x++ {
			out = append(out, extra[x].row)
		}
	}
	return out
}
