package corpus

import (
	"context"
	"math/rand/v2"
	"testing"
)

// The queue hands on every job once, in the order found, whether the
// walk found them one at a time or a walk record handed on runs of them
// (sendRecorded), mixed in any way, with skips reported as results; the
// queue's chunks are dropped only when handed on whole.
func TestQueueJobsHandsOnEveryJobInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for round := range 60 {
		var items []walkItem
		n, skips := 0, 0
		for len(items) < 1+rng.IntN(40) {
			switch rng.IntN(5) {
			case 0:
				items = append(items, walkItem{seq: n + skips, skip: &Skipped{Path: "skipped", Reason: "test"}})
				skips++
			case 1, 2:
				run := make([]fileJob, 1+rng.IntN([]int{3, 1500, 5000}[rng.IntN(3)]))
				for k := range run {
					run[k] = fileJob{index: n}
					n++
				}
				items = append(items, walkItem{jobs: run})
			default:
				for range 1 + rng.IntN(2500) {
					items = append(items, walkItem{job: fileJob{index: n}})
					n++
				}
			}
		}
		found := make(chan walkItem, rng.IntN(3)*512)
		jobs := make(chan []fileJob)
		results := make(chan []fileResult, len(items))
		go func() {
			defer close(found)
			for _, it := range items {
				found <- it
			}
		}()
		go queueJobs(context.Background(), found, jobs, results, 1+rng.IntN(4))
		next := 0
		for batch := range jobs {
			for _, j := range batch {
				if j.index != next {
					t.Fatalf("round %d: job %d handed on where %d was next", round, j.index, next)
				}
				next++
			}
		}
		if next != n || len(results) != skips {
			t.Fatalf("round %d: %d of %d jobs and %d of %d skips handed on", round, next, n, len(results), skips)
		}
	}
}
