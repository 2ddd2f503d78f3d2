package erlang

import "testing"

// benchQueue is a 100-agent queue at 95 % load with 2-minute patience.
var benchQueue = Queue{Rate: 95.0 / 240, AHT: 240, Agents: 100, Patience: 120}

func BenchmarkFigures(b *testing.B) {
	for _, bc := range []struct {
		name string
		q    Queue
	}{{"ErlangC", withPatience(benchQueue, 0)}, {"ErlangA", benchQueue}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				bc.q.Figures()
			}
		})
	}
}

func BenchmarkServiceLevel(b *testing.B) {
	for b.Loop() {
		benchQueue.ServiceLevel(20, ExclShortAbandons)
	}
}

func BenchmarkAgents(b *testing.B) {
	target := Target{Threshold: 20, Level: 0.8, MaxAbandon: 0.05}
	for _, bc := range []struct {
		name string
		q    Queue
	}{{"ErlangC", withPatience(benchQueue, 0)}, {"ErlangA", benchQueue}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Agents(bc.q, target); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
