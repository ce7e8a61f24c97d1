package compare

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func dumpFull(d *Doc) string {
	var sb strings.Builder
	for _, n := range d.Numbers() {
		fmt.Fprintf(&sb, "%q v=%v %v..%v h=%q u=%q thing=%q label=%q ord=%v inc=%v key=%q head=%q\n", n.Text, n.Value, n.Low, n.High, n.Hedge, n.Unit, n.Thing, n.Label, n.Ordinal, n.Increment, n.key, n.head)
	}
	return sb.String()
}

func TestZZProbe(t *testing.T) {
	b, _ := os.ReadFile("/tmp/probe.txt")
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		fmt.Printf("## %s\n%s", line, dumpFull(Prepare(article("p", line))))
	}
}
