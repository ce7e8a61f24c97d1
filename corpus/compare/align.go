package compare

// Alignment parameters. A pair of sentences counts as matching when its
// similarity reaches matchThreshold; the alignment maximises the sum of
// (similarity - matchThreshold) over matched rows, keeping both texts in
// order. Reading two sentences as one costs mergePenalty, so a merge is only
// chosen when one outlet clearly split (or joined) a sentence.
const (
	matchThreshold = 0.18
	mergePenalty   = 0.04
	// elsewhereThreshold: an unaligned sentence whose best counterpart
	// elsewhere (out of order) is at least this similar points to it.
	elsewhereThreshold = 0.3
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
// that correspond (one or two on a side), or sentences of one side facing a
// gap (the other side nil).
type Row struct {
	A, B   []int   // sentence indices, consecutive; nil for a gap
	Score  float64 // similarity of the two sides; 0 for a gap
	Shared []Shared
	// Elsewhere, for a gap row, is the sentence of the other document that
	// says most nearly the same thing out of order, or -1.
	Elsewhere int
}

// IsGap reports whether one side of the row is empty.
func (r *Row) IsGap() bool { return r.A == nil || r.B == nil }

// align computes the order-preserving alignment of the model's documents.
func (m *pairModel) align() []Row {
	na, nb := len(m.a.Sentences), len(m.b.Sentences)
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
				s := m.at(i-1, j-1)
				if s >= matchThreshold {
					if v := f[k-w-1] + float32(s-matchThreshold); v > best {
						best, mv = v, moveMatch
						score[k] = float32(s)
					}
					if j > 1 && m.at(i-1, j-2) > 0 {
						if s2 := m.mergedB(i-1, j-2); s2 >= matchThreshold {
							if v := f[k-w-2] + float32(s2-matchThreshold-mergePenalty); v > best {
								best, mv = v, moveMergeB
								score[k] = float32(s2)
							}
						}
					}
					if i > 1 && m.at(i-2, j-1) > 0 {
						if s2 := m.mergedA(i-2, j-1); s2 >= matchThreshold {
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
	// Trace back, collecting rows in reverse.
	var rev []Row
	i, j := na, nb
	for i > 0 || j > 0 {
		k := i*w + j
		switch back[k] {
		case moveGapA:
			rev = append(rev, Row{A: []int{i - 1}, Elsewhere: int(m.bestAat[i-1])})
			if m.bestA[i-1] < elsewhereThreshold {
				rev[len(rev)-1].Elsewhere = -1
			}
			i--
		case moveGapB:
			rev = append(rev, Row{B: []int{j - 1}, Elsewhere: int(m.bestBat[j-1])})
			if m.bestB[j-1] < elsewhereThreshold {
				rev[len(rev)-1].Elsewhere = -1
			}
			j--
		case moveMatch:
			rev = append(rev, Row{A: []int{i - 1}, B: []int{j - 1}, Score: float64(score[k]), Elsewhere: -1})
			i--
			j--
		case moveMergeB:
			rev = append(rev, Row{A: []int{i - 1}, B: []int{j - 2, j - 1}, Score: float64(score[k]), Elsewhere: -1})
			i--
			j -= 2
		case moveMergeA:
			rev = append(rev, Row{A: []int{i - 2, i - 1}, B: []int{j - 1}, Score: float64(score[k]), Elsewhere: -1})
			i -= 2
			j--
		default:
			i, j = 0, 0
		}
	}
	// Reverse, and within each run of gaps put A's before B's so each side
	// reads in order.
	rows := make([]Row, 0, len(rev))
	for k := len(rev) - 1; k >= 0; {
		if !rev[k].IsGap() {
			rows = append(rows, rev[k])
			k--
			continue
		}
		e := k
		for e >= 0 && rev[e].IsGap() {
			e--
		}
		for x := k; x > e; x-- {
			if rev[x].B == nil {
				rows = append(rows, rev[x])
			}
		}
		for x := k; x > e; x-- {
			if rev[x].A == nil {
				rows = append(rows, rev[x])
			}
		}
		k = e
	}
	return rows
}
