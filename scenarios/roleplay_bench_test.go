package scenarios

import (
	"testing"
	"time"

	"github.com/ccsim/ccsim/trainer"
)

// largestRoleplay returns the bundled script with the most phrasings
// (replies, examples, rule examples and near misses), the costliest to match against.
func largestRoleplay(tb testing.TB) *trainer.Script {
	tb.Helper()
	var best *trainer.Script
	most := -1
	for _, name := range RoleplayNames() {
		sc, err := BundledRoleplay(name)
		if err != nil {
			tb.Fatal(err)
		}
		n := 0
		for _, nd := range sc.Nodes {
			for _, r := range nd.Replies {
				n += 2 + len(r.Examples)
			}
		}
		for _, r := range sc.Rules {
			n += len(r.Examples) + len(r.NearMisses)
		}
		if n > most {
			best, most = sc, n
		}
	}
	return best
}

// BenchmarkUnderstand matches one trainee line (Session.Understand: every
// offered reply and every rule) at the start node of the largest bundled
// script; the target is under 1 ms per line.
func BenchmarkUnderstand(b *testing.B) {
	sc := largestRoleplay(b)
	s, err := trainer.Start(sc, trainer.Options{Mode: trainer.ModeFree, Now: func() time.Time { return time.Unix(0, 0) }})
	if err != nil {
		b.Fatal(err)
	}
	lines := []string{
		"I'm so sorry you've had such a frustrating time with this, let me have a look at what happened for you",
		"no need to go through security, I'll just sort it out",
		"can you confirm the email address on the account please?",
		"purple monkey dishwasher",
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		s.Understand(lines[i%len(lines)])
		i++
	}
}
