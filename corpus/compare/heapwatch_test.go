package compare

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// heapWatch samples the heap every few milliseconds while an operation runs,
// to report its peak: what a reader's resident memory has to hold, which the
// bytes allocated per op do not tell.
type heapWatch struct {
	stop     chan struct{}
	done     sync.WaitGroup
	base     heapSample
	peakLive uint64 // heap marked live by a GC cycle during the op
	peakUsed uint64 // heap objects, live or not yet swept
}

type heapSample struct{ live, used uint64 }

var heapMetrics = []string{"/gc/heap/live:bytes", "/memory/classes/heap/objects:bytes"}

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
			w.peakLive = max(w.peakLive, h.live)
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

// end stops sampling; keep is the operation's result, held until after a
// last collection so that its retained size can be measured.
func (w *heapWatch) end(keep any) (peakLive, peakUsed, retained float64) {
	close(w.stop)
	w.done.Wait()
	runtime.GC()
	s := make([]metrics.Sample, len(heapMetrics))
	for i, name := range heapMetrics {
		s[i].Name = name
	}
	after := readHeap(s)
	w.peakLive = max(w.peakLive, after.live)
	runtime.KeepAlive(keep)
	mb := func(v, base uint64) float64 {
		if v < base {
			return 0
		}
		return float64(v-base) / (1 << 20)
	}
	return mb(w.peakLive, w.base.live), mb(w.peakUsed, w.base.used), mb(after.live, w.base.live)
}

// reportHeap adds the largest peaks and retained size over the ops (MB above
// the heap before each op).
type heapReport struct{ live, used, retained float64 }

func (r *heapReport) add(live, used, retained float64) {
	r.live, r.used, r.retained = max(r.live, live), max(r.used, used), max(r.retained, retained)
}

func (r *heapReport) report(b *testing.B) {
	b.ReportMetric(r.live, "peak-live-MB")
	b.ReportMetric(r.used, "peak-heap-MB")
	b.ReportMetric(r.retained, "result-MB")
}
