package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim/erlang"
)

func mustRun(t *testing.T, sc *Scenario, opts Options) *Results {
	t.Helper()
	res, err := Run(context.Background(), sc, opts)
	if err != nil {
		t.Fatalf("Run(%q): %v", sc.Name, err)
	}
	return res
}

// TestDeterministicAcrossWorkers checks byte-identical results for any worker count.
func TestDeterministicAcrossWorkers(t *testing.T) {
	sc := dayScenario()
	var want []byte
	for _, w := range []int{1, 2, 8} {
		got, err := json.Marshal(mustRun(t, sc, Options{Workers: w}))
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
		} else if !bytes.Equal(got, want) {
			t.Errorf("results with %d workers differ from 1 worker", w)
		}
	}
	seed := uint64(99)
	other, _ := json.Marshal(mustRun(t, sc, Options{Seed: &seed}))
	if bytes.Equal(other, want) {
		t.Errorf("a different seed gave identical results")
	}
}

// TestConservation checks that every counted contact ends in exactly one outcome.
func TestConservation(t *testing.T) {
	res := mustRun(t, dayScenario(), Options{})
	for _, rep := range res.PerReplication {
		m := rep.Metrics
		ended := m[MContained] + m[MBotHangup] + m[MAnswered] + m[MAbandoned]
		if m[MOffered] != ended {
			t.Errorf("rep %d: offered %v != contained+bot hang-up+answered+abandoned %v", rep.Index, m[MOffered], ended)
		}
		if m[MToHuman] != m[MAnswered]+m[MAbandoned] {
			t.Errorf("rep %d: to_human %v != answered+abandoned %v", rep.Index, m[MToHuman], m[MAnswered]+m[MAbandoned])
		}
		fromBot := m[MEscalatedCtx] + m[MEscalatedNoCtx] + m[MOptedOut] + m[MBotOverflow]
		if m[MSentToBot] != m[MContained]+m[MBotHangup]+fromBot {
			t.Errorf("rep %d: sent_to_bot %v != contained+hang-up+escalated+opted out+overflow", rep.Index, m[MSentToBot])
		}
		sum := 0.0
		for _, iv := range rep.Intervals {
			sum += iv[MOffered]
		}
		if sum != m[MOffered] {
			t.Errorf("rep %d: interval offered sums to %v, total %v", rep.Index, sum, m[MOffered])
		}
	}
}

// near fails unless got is within tol of want.
func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > tol {
		t.Errorf("%s = %.5g, want %.5g ± %.3g", what, got, want, tol)
	}
}

// within fails unless want lies within 4 standard errors of the replication
// mean, the standard error recovered from the 95 % CI (half-width / t).
func within(t *testing.T, what string, s Stat, want float64) {
	t.Helper()
	if s.Mean == want {
		return
	}
	se := s.HalfWidth() / tQuantile(0.975, s.N-1)
	if z := math.Abs(s.Mean-want) / se; math.IsNaN(s.Mean) || !(z <= 4) {
		t.Errorf("%s = %.5g (CI %.5g..%.5g), want %.5g (z = %.1f)", what, s.Mean, s.CI95[0], s.CI95[1], want, z)
	}
}

// TestBotFlow checks the bot's outcome shares against their exact values.
func TestBotFlow(t *testing.T) {
	sc := referenceScenario(50_000)
	sc.Replications = 10
	sc.Bot = &Bot{HandleTime: Exponential{MeanS: 30}, HangUp: 0.25, OptOut: 0.1, ContextTransfer: true, ContextSaving: 0.2}
	sc.Intents = []Intent{
		{Name: "bot", Share: 0.6, BotContainment: 0.5, HandleTime: Deterministic{Value: 100}},
		{Name: "human", Share: 0.4, HandleTime: Deterministic{Value: 100}},
	}
	sc.Groups[0].Count = 200
	sc.Patience = nil
	res := mustRun(t, sc, Options{})
	bot := res.Intents[0].Metrics
	within(t, "bot intent containment", bot[MBotContainment], 0.9*0.5)            // opt-outs never reach the bot
	within(t, "bot intent contained per session", bot[MContainedPerSession], 0.5) // the input bot_containment
	within(t, "bot intent escalation rate", bot[MEscalationRate], 0.1+0.9*0.5*0.75)
	near(t, "bot-eligible share", res.Metrics[MSentToBot].Mean/res.Metrics[MOffered].Mean, 0.6, 0.01)
	// Handle time: escalations with context take 80 s, opt-outs 100 s.
	escalated := 0.9 * 0.5 * 0.75
	want := (escalated*80 + 0.1*100) / (escalated + 0.1)
	near(t, "bot intent handle time", bot[MMeanHandle].Mean, want, 0.5)
	near(t, "human intent handle time", res.Intents[1].Metrics[MMeanHandle].Mean, 100, 1e-9)
	if res.Intents[1].Metrics[MSentToBot].Mean != 0 {
		t.Errorf("human-only intent was sent to the bot")
	}

	sc.Bot.ContextTransfer, sc.Bot.NoContextPenalty = false, 0.5
	res = mustRun(t, sc, Options{})
	want = (escalated*150 + 0.1*100) / (escalated + 0.1)
	near(t, "handle time without context", res.Intents[0].Metrics[MMeanHandle].Mean, want, 0.5)
	if res.Metrics[MEscalatedCtx].Mean != 0 || res.Metrics[MEscalatedNoCtx].Mean == 0 {
		t.Errorf("without context transfer: %v with context, %v without", res.Metrics[MEscalatedCtx].Mean, res.Metrics[MEscalatedNoCtx].Mean)
	}
}

// TestBotCapacity checks that a full bot sends customers straight to the queue.
func TestBotCapacity(t *testing.T) {
	sc := referenceScenario(20_000)
	sc.Replications, sc.Warmup = 20, 5*time.Minute
	sc.Bot = &Bot{HandleTime: Deterministic{Value: 60}, Capacity: 60, ContextTransfer: true}
	sc.Intents[0].BotContainment = 1
	res := mustRun(t, sc, Options{})
	// The bot is an M/D/60/60 loss system with 2 arrivals/s × 60 s = 120
	// erlangs offered: the share that overflows is Erlang B(60, 120), whatever
	// the session-time distribution.
	want := erlang.B(60, 120)
	over, sent := res.Metrics[MBotOverflow], res.Metrics[MSentToBot]
	share := over.Mean / sent.Mean
	// The share's 95 % half-width, from the relative half-widths of both counts.
	half := share * ((over.CI95[1]-over.CI95[0])/(2*over.Mean) + (sent.CI95[1]-sent.CI95[0])/(2*sent.Mean))
	t.Logf("overflow share %.4f ± %.4f, Erlang B(60, 120) = %.4f", share, half, want)
	if math.IsNaN(half) || math.Abs(share-want) > half {
		t.Errorf("overflow share = %.4f ± %.4f (95 %% CI), want Erlang B(60, 120) = %.4f inside it", share, half, want)
	}
	sc.Bot.Capacity = 0
	if got := mustRun(t, sc, Options{}).Metrics[MBotOverflow].Mean; got != 0 {
		t.Errorf("unlimited bot overflowed %v times", got)
	}
}

// TestDayProfile checks arrivals per interval and staffing changes at interval boundaries.
func TestDayProfile(t *testing.T) {
	sc := dayScenario()
	sc.Bot, sc.Patience = nil, nil
	for i := range sc.Intents {
		sc.Intents[i].BotContainment = 0
	}
	sc.Replications = 30
	res := mustRun(t, sc, Options{})
	if len(res.Intervals) != 4 || res.Intervals[1].Start != "08:30" {
		t.Fatalf("intervals = %d starting %v, want 4 from 08:00", len(res.Intervals), res.Intervals[0].Start)
	}
	for i, iv := range res.Intervals {
		want := sc.Arrivals.Profile[i]
		within(t, "offered in "+iv.Start, iv.Metrics[MOffered], want)
		if want == 0 && iv.Metrics[MOffered].Mean != 0 {
			t.Errorf("offered in %s = %v, want 0", iv.Start, iv.Metrics[MOffered].Mean)
		}
		agents := iv.Metrics[MAgents].Mean
		target := float64(sc.Groups[0].Counts[i] + sc.Groups[1].Count)
		// Busy agents leave only after their contact, so on-duty agents may exceed a falling target.
		if agents < target-1e-9 || agents > target+float64(sc.Groups[0].Counts[max(i-1, 0)]) {
			t.Errorf("agents in %s = %.2f, want about %v", iv.Start, agents, target)
		}
	}
	if got := res.Intervals[0].Metrics[MAgents].Mean; math.Abs(got-7) > 1e-9 {
		t.Errorf("agents in 08:00 = %v, want exactly 7", got)
	}
}

// TestWarmup checks that a steady-state run counts only arrivals after the warm-up.
func TestWarmup(t *testing.T) {
	sc := referenceScenario(100_000)
	sc.Warmup = sc.Horizon / 2
	sc.Replications = 10
	res := mustRun(t, sc, Options{})
	within(t, "offered after warm-up", res.Metrics[MOffered], 2*(sc.Horizon-sc.Warmup).Seconds())
}

// TestStepping checks that driving a run in small steps gives the same results as running it through.
func TestStepping(t *testing.T) {
	sc := dayScenario()
	whole := NewRun(sc, sc.Seed, 2)
	whole.RunUntil(48 * time.Hour)
	stepped := NewRun(sc, sc.Seed, 2)
	var last Snapshot
	for tm := time.Duration(0); !stepped.RunUntil(tm); tm += 7 * time.Second {
		s := stepped.Snapshot()
		if s.Now != tm || s.Offered < last.Offered {
			t.Fatalf("snapshot at %v: Now %v, offered %d after %d", tm, s.Now, s.Offered, last.Offered)
		}
		if s.Waiting < 0 || s.InBot < 0 || s.Busy[0] > s.OnDuty[0] {
			t.Fatalf("snapshot at %v is inconsistent: %+v", tm, s)
		}
		last = s
	}
	a, _ := json.Marshal(whole.Results())
	b, _ := json.Marshal(stepped.Results())
	if !bytes.Equal(a, b) {
		t.Errorf("stepped run differs from a run straight through")
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, referenceScenario(1_000_000), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Run with a cancelled context: %v, want context.Canceled", err)
	}
}

func TestValidateRejects(t *testing.T) {
	sc := dayScenario()
	sc.Intents[0].Share = 0.9
	sc.Groups[0].Counts = []int{1}
	_, err := Run(context.Background(), sc, Options{})
	var ve ValidationErrors
	if !errors.As(err, &ve) || len(ve) != 2 {
		t.Fatalf("Run of an invalid scenario: %v, want 2 validation errors", err)
	}
	if ve[0].Key != "intents" || ve[1].Key != "agents.0.counts" {
		t.Errorf("keys = %q, %q; want intents, agents.0.counts", ve[0].Key, ve[1].Key)
	}
}

// TestSteadyStateAllocations checks that simulating customers allocates nothing once warm.
func TestSteadyStateAllocations(t *testing.T) {
	sc := botScenario(10_000_000)
	r := NewRun(sc, 1, 0)
	r.runUntil(3600) // warm: slab, queue and calendar have grown
	next := r.now
	allocs := testing.AllocsPerRun(20, func() {
		next += 600 // about 1,200 customers per call
		r.runUntil(next)
	})
	if allocs != 0 {
		t.Errorf("allocations per 1,200 customers = %v, want 0", allocs)
	}
}

func TestSummarize(t *testing.T) {
	s := Summarize([]float64{1, 2, 3, 4, 5})
	// mean 3, sd 1.5811, t(0.975, 4) = 2.776445
	near(t, "mean", s.Mean, 3, 1e-12)
	near(t, "CI half-width", s.HalfWidth(), 2.776445*1.5811388/math.Sqrt(5), 1e-5)
	near(t, "t(0.975, 1)", tQuantile(0.975, 1), 12.706205, 1e-5)
	near(t, "t(0.975, 29)", tQuantile(0.975, 29), 2.045230, 1e-5)
	if one := Summarize([]float64{7}); one.Mean != 7 || !math.IsNaN(one.CI95[0]) {
		t.Errorf("Summarize of one value = %+v, want mean 7 and no CI", one)
	}
}

func TestStatJSON(t *testing.T) {
	in := Stat{Mean: 0.5, CI95: [2]float64{math.NaN(), 1}, N: 3}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != `{"mean":0.5,"ci95":[null,1],"n":3}` {
		t.Errorf("Marshal = %s", data)
	}
	var out Stat
	if err := json.Unmarshal(data, &out); err != nil || out.Mean != 0.5 || !math.IsNaN(out.CI95[0]) || out.CI95[1] != 1 {
		t.Errorf("Unmarshal(%s) = %+v, %v", data, out, err)
	}
}
