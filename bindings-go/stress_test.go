package rtctoken_test

import (
	"sync"
	"testing"

	"github.com/rtctoken/rtctoken/bindings-go"
)

// Sixteen goroutines replay the vectors at once (run it with -race) and
// must give exactly what one goroutine gives, errors included: the
// per-thread error message of the C ABI must not leak between calls.
func TestConcurrentCallsMatchOneThread(t *testing.T) {
	var cases []vectorCase
	for _, file := range []string{"legacy.json", "access_token_006.json", "access_token2_007.json", "errors.json"} {
		for _, c := range load(t, file) {
			if c.Call != "parse" && c.Call != "verify" {
				cases = append(cases, c)
			}
		}
	}
	tokens := load(t, "parse.json")
	type result struct{ token, err, parsed string }
	run := func(i int) result {
		var r result
		token, err := build(cases[i%len(cases)])
		r.token = token
		if err != nil {
			r.err = err.Error()
		}
		r.parsed, _ = rtctoken.ParseJSON(tokens[i%len(tokens)].Args.str("token"))
		return r
	}
	const goroutines, rounds = 16, 3
	n := len(cases) * rounds
	want := make([]result, n)
	for i := range want {
		want[i] = run(i)
	}
	got := make([][]result, goroutines)
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			got[g] = make([]result, n)
			for k := 0; k < n; k++ {
				i := (k + g*97) % n // each goroutine starts elsewhere
				got[g][i] = run(i)
			}
		}(g)
	}
	wg.Wait()
	for g := range got {
		for i := range want {
			if got[g][i] != want[i] {
				t.Fatalf("goroutine %d, call %d: got %+v, want %+v", g, i, got[g][i], want[i])
			}
		}
	}
}
