package sim

import "testing"

// TestStreamsDistinct checks that no two (replication, purpose) streams of a
// seed share a value in their first draws: overlapping streams would correlate
// customers' attributes (e.g. patience with interarrival gaps).
func TestStreamsDistinct(t *testing.T) {
	const draws = 1000
	seen := map[uint64]string{}
	for rep := 0; rep < 4; rep++ {
		for p := streamArrivals; p <= streamRouting; p++ {
			r := newStream(7, rep, p)
			name := string(rune('0'+rep)) + "/" + string(rune('0'+p))
			for i := 0; i < draws; i++ {
				v := r.Uint64()
				if other, ok := seen[v]; ok {
					t.Fatalf("stream rep/purpose %s draw %d repeats a value of stream %s", name, i, other)
				}
				seen[v] = name
			}
		}
	}
}
