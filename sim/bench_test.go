package sim

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"
)

// referenceScenario is the benchmark system of the foundation issue: 2 arrivals
// per second, exponential handle time of mean 45 s, 95 agents, exponential
// patience of mean 120 s, FCFS, one replication of about n customers.
func referenceScenario(n int) *Scenario {
	return &Scenario{
		Name: "reference", Seed: 1, Replications: 1,
		Horizon:      time.Duration(float64(n)/2) * time.Second,
		ServiceLevel: ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals:     Arrivals{Rate: 7200},
		Patience:     Exponential{120},
		Intents:      []Intent{{Name: "all", Share: 1, HandleTime: Exponential{45}}},
		Groups:       []Group{{Name: "agents", Count: 95}},
	}
}

// botScenario is referenceScenario with the bot in front: bot time exponential
// of mean 60 s, 40 % contained, 57 agents.
func botScenario(n int) *Scenario {
	sc := referenceScenario(n)
	sc.Name = "reference-bot"
	sc.Bot = &Bot{HandleTime: Exponential{60}, ContextTransfer: true}
	sc.Intents[0].BotContainment = 0.4
	sc.Groups[0].Count = 57
	return sc
}

func benchCustomers(b *testing.B, sc *Scenario) {
	var customers float64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := NewRun(sc, uint64(i+1), 0)
		r.runUntil(inf)
		f := r.figures()
		customers += f.total[MOffered]
	}
	b.ReportMetric(customers/b.Elapsed().Seconds(), "customers/s")
	b.ReportMetric(b.Elapsed().Seconds()*1e9/customers, "ns/customer")
}

// BenchmarkReference simulates one million customers of the reference system.
func BenchmarkReference(b *testing.B) { benchCustomers(b, referenceScenario(1_000_000)) }

// BenchmarkReferenceBot is the reference system with the bot in front.
func BenchmarkReferenceBot(b *testing.B) { benchCustomers(b, botScenario(1_000_000)) }

// BenchmarkReplications runs 8 replications of 100,000 customers; compare -cpu 1 and -cpu 2.
func BenchmarkReplications(b *testing.B) {
	sc := referenceScenario(100_000)
	sc.Replications = 8
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), sc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMemory reports the peak heap of one replication of 1 and 10
// million customers: memory must not grow with the number simulated.
func BenchmarkMemory(b *testing.B) {
	for _, n := range []int{1_000_000, 10_000_000} {
		b.Run(fmt.Sprintf("customers=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				r := NewRun(botScenario(n), 1, 0)
				peak := uint64(0)
				for !r.done {
					r.runEvents(1 << 20)
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					peak = max(peak, m.HeapInuse)
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			}
		})
	}
}
