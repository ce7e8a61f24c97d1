package lazyre

import (
	"sync"
	"testing"
)

func TestCompiledOnFirstUseOnce(t *testing.T) {
	before := Compiled()
	re := New(`^a(b+)c$`)
	if got := Compiled(); got != before {
		t.Fatalf("New compiled: %d expressions compiled, want %d", got, before)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if m := re.FindStringSubmatch("abbbc"); len(m) != 2 || m[1] != "bbb" {
				t.Errorf("FindStringSubmatch = %q", m)
			}
		}()
	}
	wg.Wait()
	if got := Compiled(); got != before+1 {
		t.Fatalf("%d compiled after use, want %d (once)", got, before+1)
	}
	if re.Re() != re.Re() {
		t.Fatal("Re returned two compilations")
	}
	if re.MatchString("ac") || !re.Match([]byte("abc")) {
		t.Fatal("MatchString/Match disagree with the expression")
	}
}

func TestInvalidPanicsOnUseAndFailsCheck(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatalf("Check before the invalid one: %v", err)
	}
	bad := New(`(unclosed`)
	defer func() {
		allMu.Lock()
		all = all[:len(all)-1] // leave the list valid for other tests
		allMu.Unlock()
	}()
	if err := Check(); err == nil {
		t.Fatal("Check passed an invalid expression")
	}
	defer func() {
		if recover() == nil {
			t.Fatal("using an invalid expression did not panic")
		}
	}()
	bad.MatchString("x")
}
