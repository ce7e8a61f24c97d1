package compare

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// heapWatch samples the heap every few milliseconds while an operation runs,
// to report its peak: what a reader's resident memory has to hold, which the
// bytes allocated per op do not tell.
type heapWatch struct {
	stop     chan struct{}
	done     sync.WaitGroup
	base     heapSample
	peakUsed uint64
}

// heapSample: bytes in heap objects, live or not yet swept; and marked live
// by the last collection.
type heapSample struct{ used, live uint64 }

var heapMetrics = []string{"/memory/classes/heap/objects:bytes", "/gc/heap/live:bytes"}

func readHeap(s []metrics.Sample) heapSample {
	metrics.Read(s)
	return heapSample{s[0].Value.Uint64(), s[1].Value.Uint64()}
}

// watchHeap collects garbage, takes the baseline and starts sampling.
func watchHeap() *heapWatch {
	runtime.GC()
	s := make([]metrics.Sample, len(heapMetrics))
	for i, name := range heapMetrics {
		s[i].Name = name
	}
	w := &heapWatch{stop: make(chan struct{}), base: readHeap(s)}
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			h := readHeap(s)
			w.peakUsed = max(w.peakUsed, h.used)
			select {
			case <-w.stop:
				return
			case <-t.C:
			}
		}
	}()
	return w
}

// end stops sampling and returns the peak heap during the op and what keep
// (the op's result, held until after a last collection) retains, in MB.
func (w *heapWatch) end(keep any) (peak, retained float64) {
	close(w.stop)
	w.done.Wait()
	runtime.GC()
	s := make([]metrics.Sample, len(heapMetrics))
	for i, name := range heapMetrics {
		s[i].Name = name
	}
	after := readHeap(s)
	runtime.KeepAlive(keep)
	mb := func(v, base uint64) float64 {
		if v < base {
			return 0
		}
		return float64(v-base) / (1 << 20)
	}
	return mb(w.peakUsed, w.base.used), mb(after.live, w.base.live)
}

// peakLive runs op once with the collector at GOGC=2, so that the heap
// holds little but live data, and returns its peak heap in MB: close to the
// op's peak live memory, which sampling at the default GOGC cannot see (with
// a large corpus live, the collector may not run at all during the op).
func peakLive(op func() any) float64 {
	old := debug.SetGCPercent(2)
	defer debug.SetGCPercent(old)
	w := watchHeap()
	peak, _ := w.end(op())
	return peak
}
