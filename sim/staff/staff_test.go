package staff

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ccsim/ccsim/sim"
	"github.com/ccsim/ccsim/sim/erlang"
)

// stationaryDay is a human-only day with the same traffic in every interval:
// 400 contacts per 30 minutes (800/h), exponential handle times of 3 minutes
// (40 erlangs) and exponential patience of 3 minutes.
func stationaryDay(intervals int) *sim.Scenario {
	profile := make([]float64, intervals)
	for i := range profile {
		profile[i] = 400
	}
	return &sim.Scenario{
		Name: "stationary", Seed: 5, Replications: 30,
		ServiceLevel: sim.ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals:     sim.Arrivals{Open: 8 * time.Hour, Close: 8*time.Hour + time.Duration(intervals)*30*time.Minute, Interval: 30 * time.Minute, Profile: profile},
		Patience:     sim.Exponential{MeanS: 180},
		Intents:      []sim.Intent{{Name: "call", Share: 1, HandleTime: sim.Exponential{MeanS: 180}}},
		Groups:       []sim.Group{{Name: "agents", Count: 40}},
	}
}

// skillDay has two skills served first by their own group, with overflow.
func skillDay() *sim.Scenario {
	return &sim.Scenario{
		Name: "skills", Seed: 9, Replications: 12,
		ServiceLevel: sim.ServiceLevel{Threshold: 20 * time.Second, Target: 0.8},
		Arrivals:     sim.Arrivals{Open: 9 * time.Hour, Close: 11 * time.Hour, Interval: 30 * time.Minute, Profile: []float64{150, 260, 300, 180}},
		Patience:     sim.Exponential{MeanS: 120},
		Routing:      sim.Routing{Policy: sim.GroupPriority, OverflowAfter: 30 * time.Second},
		Intents: []sim.Intent{
			{Name: "general", Share: 0.7, HandleTime: sim.LogNormal{MeanS: 200, CV: 0.7}},
			{Name: "billing", Share: 0.3, Skill: "billing", HandleTime: sim.Gamma{MeanS: 300, CV: 0.6}},
		},
		Groups: []sim.Group{
			{Name: "generalists", Count: 20, Skills: []sim.Skill{{Name: "", Priority: 1}, {Name: "billing", Priority: 2}}},
			{Name: "billing", Count: 10, Skills: []sim.Skill{{Name: "billing", Priority: 1}}, Shrinkage: []float64{0.25}},
		},
	}
}

// smallFlatDay is another human-only day with the same traffic in every
// interval: 150 contacts per 30 minutes, exponential handle times of 5
// minutes (25 erlangs) and exponential patience of 2 minutes, 20
// replications a batch.
func smallFlatDay(intervals int) *sim.Scenario {
	sc := stationaryDay(intervals)
	for i := range sc.Arrivals.Profile {
		sc.Arrivals.Profile[i] = 150
	}
	sc.Intents[0].HandleTime = sim.Exponential{MeanS: 300}
	sc.Patience = sim.Exponential{MeanS: 120}
	sc.Replications = 20
	return sc
}

// TestErlangAgreement: on a human-only stationary day, the simulated
// requirement of every interval is the Erlang A requirement ± 1, except in
// the first: the day starts empty, so its first interval is not in the
// steady state Erlang A assumes and needs fewer agents (40 instead of 42 for
// the service level here; see TestErlangAgreementSteadyState for a run with
// a warm-up). Goals on bounds add a margin for the sampling error of the
// search and of the check (t·s·√(1/n + 1/check)): with the default check
// of 40 replications, one agent more than Erlang A where Erlang A's own
// staffing meets the goal by little (43 for 42 here). Default options add
// replications up to 4 batches where a decision is open and keep the
// cheaper staffing within the tolerance; over seeds 1 to 10 every interval
// after the first was within one agent of Erlang A on the first day in
// all 10, on the smaller day in 8 (two had one interval at +2).
func TestErlangAgreement(t *testing.T) {
	tests := []struct {
		name  string
		day   *sim.Scenario
		goals Goals
		opts  Options
	}{
		{"service level on the means", stationaryDay(8), Goals{OnMeans: true}, Options{}},
		{"service level and abandonment on the means", stationaryDay(8), Goals{MaxAbandon: 0.03, OnMeans: true}, Options{}},
		{"occupancy cap on the means", stationaryDay(8), Goals{Target: 0.5, MaxOccupancy: 0.85, OnMeans: true}, Options{}},
		{"service level on bounds", stationaryDay(8), Goals{}, Options{VerifyReplications: 400}},
		{"service level and abandonment on bounds", stationaryDay(8), Goals{MaxAbandon: 0.03}, Options{VerifyReplications: 400}},
		{"default goals and options", stationaryDay(8), Goals{}, Options{}},
		{"default goals and options, 25 erlangs", smallFlatDay(8), Goals{}, Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl, err := Search(context.Background(), tc.day, tc.goals, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			first := pl.Intervals[0]
			if first.Simulated > first.ErlangA {
				t.Errorf("%s: the first interval needs %d agents, more than Erlang A's %d", first.Start, first.Simulated, first.ErlangA)
			}
			for _, iv := range pl.Intervals[1:] {
				if d := iv.Simulated - iv.ErlangA; d < -1 || d > 1 {
					t.Errorf("%s: simulated %d agents, Erlang A %d: differ by more than 1", iv.Start, iv.Simulated, iv.ErlangA)
				}
			}
		})
	}
}

// TestErlangAgreementSteadyState: a steady state is one period.
func TestErlangAgreementSteadyState(t *testing.T) {
	sc := stationaryDay(1)
	sc.Arrivals = sim.Arrivals{Rate: 800, Interval: time.Hour}
	sc.Horizon, sc.Warmup, sc.Replications = 40*time.Hour, 2*time.Hour, 10
	pl, err := Search(context.Background(), sc, Goals{OnMeans: true}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := erlang.Queue{Rate: 800.0 / 3600, AHT: 180, Patience: 180}
	want, _ := erlang.Agents(q, erlang.Target{Threshold: 20, Level: 0.8})
	if len(pl.Intervals) != 1 || pl.Intervals[0].ErlangA != want {
		t.Fatalf("steady state: %d periods, Erlang A %d; want 1 period, %d", len(pl.Intervals), pl.Intervals[0].ErlangA, want)
	}
	if d := pl.Intervals[0].Simulated - want; d < -1 || d > 1 {
		t.Errorf("simulated %d agents, Erlang A %d", pl.Intervals[0].Simulated, want)
	}
	if pl.Staffed.Groups[0].Count != pl.Intervals[0].Scheduled || pl.Staffed.Groups[0].Counts != nil {
		t.Errorf("staffed scenario: count %d counts %v, want count %d", pl.Staffed.Groups[0].Count, pl.Staffed.Groups[0].Counts, pl.Intervals[0].Scheduled)
	}
}

// TestSearchIsMinimal: the plan meets every goal, and one agent fewer in
// any group and interval misses one (checked by simulating each on the
// search's replications; one level of them, since at a higher level only
// the removals whose miss was open are tried again).
func TestSearchIsMinimal(t *testing.T) {
	sc := skillDay()
	goals := Goals{MaxAbandon: 0.05, MaxOccupancy: 0.9}
	opts := Options{MaxReplications: sc.Replications}
	pl, err := Search(context.Background(), sc, goals, opts)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := newProblem(sc, goals, opts)
	n := make([][]int, len(sc.Groups))
	for g := range n {
		for _, iv := range pl.Intervals {
			n[g] = append(n[g], iv.Groups[g].Simulated)
		}
	}
	ev, err := p.evaluate(context.Background(), n, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.short) > 0 {
		t.Fatalf("plan misses goals in %v", ev.short)
	}
	for g := range n {
		for k := range n[g] {
			if n[g][k] <= p.floor[g][k] {
				continue
			}
			less := clone(n)
			less[g][k]--
			ev, err := p.evaluate(context.Background(), less, "test")
			if err != nil {
				t.Fatal(err)
			}
			if len(ev.short) == 0 {
				t.Errorf("%s at %s: %d agents meet the goals, the plan has %d", sc.Groups[g].Name, pl.Intervals[k].Start, n[g][k]-1, n[g][k])
			}
		}
	}
}

// TestPlan checks the bookkeeping of a plan: totals, shrinkage, agent-hours,
// cost, the staffed scenario and the JSON names of the contract.
func TestPlan(t *testing.T) {
	sc := skillDay()
	sc.Costs = &sim.Costs{AgentHour: 30, Abandoned: 2, Currency: "EUR"}
	sc.Groups[1].CostPerHour = 40
	pl, err := Search(context.Background(), sc, Goals{}, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	hours, cost := 0.0, 0.0
	for k, iv := range pl.Intervals {
		gen, bil := iv.Groups[0], iv.Groups[1]
		if iv.Simulated != gen.Simulated+bil.Simulated || iv.Scheduled != gen.Scheduled+bil.Scheduled {
			t.Errorf("%s: totals %d/%d do not add up over groups %+v", iv.Start, iv.Simulated, iv.Scheduled, iv.Groups)
		}
		if want := int(math.Ceil(float64(bil.Simulated) / 0.75)); bil.Scheduled != want || gen.Scheduled != gen.Simulated {
			t.Errorf("%s: scheduled %d and %d, want %d (shrinkage 25 %%) and %d", iv.Start, bil.Scheduled, gen.Scheduled, want, gen.Simulated)
		}
		if got := pl.Staffed.Groups[1].Counts[k]; got != bil.Scheduled {
			t.Errorf("%s: staffed scenario has %d billing agents, want %d", iv.Start, got, bil.Scheduled)
		}
		hours += iv.AgentHours
		cost += *iv.Cost
		staff := 0.5 * (30*float64(gen.Scheduled) + 40*float64(bil.Scheduled))
		if *iv.Cost < staff {
			t.Errorf("%s: cost %g below the staff cost %g", iv.Start, *iv.Cost, staff)
		}
	}
	if math.Abs(hours-pl.AgentHours) > 1e-9 || math.Abs(cost-*pl.Cost) > 1e-6 {
		t.Errorf("totals: %g h, %g; intervals sum to %g h, %g", pl.AgentHours, *pl.Cost, hours, cost)
	}
	if err := pl.Staffed.Validate(); err != nil {
		t.Errorf("staffed scenario: %v", err)
	}
	b, err := json.Marshal(pl)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{`"intervals":[{"start":"09:00","erlang_c":`, `"erlang_a":`, `"simulated":`, `"scheduled":`,
		`"service_level":{"mean":`, `"ci95":[`, `"agent_hours":`, `"cost":`} {
		if !strings.Contains(string(b), name) {
			t.Errorf("plan JSON lacks %s", name)
		}
	}
}

// TestDeterministic: the same search gives the same plan for any number of workers.
func TestDeterministic(t *testing.T) {
	var plans []string
	for _, w := range []int{1, 3} {
		pl, err := Search(context.Background(), skillDay(), Goals{Confidence: 0.9}, Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(pl)
		plans = append(plans, string(b))
	}
	if plans[0] != plans[1] {
		t.Errorf("plans differ between 1 and 3 workers")
	}
}

func TestGoalsValidate(t *testing.T) {
	tests := []struct {
		name  string
		goals Goals
		msg   string
	}{
		{"target of 1", Goals{Target: 1}, "target"},
		{"negative threshold", Goals{Threshold: -time.Second}, "threshold"},
		{"abandon above 1", Goals{MaxAbandon: 1.5}, "abandon"},
		{"negative occupancy", Goals{MaxOccupancy: -0.1}, "occupancy"},
		{"confidence of 1", Goals{Confidence: 1}, "confidence"},
		{"confidence on the means", Goals{Confidence: 0.9, OnMeans: true}, "on the means"},
		{"tolerance of 0.1", Goals{Tolerance: 0.1}, "tolerance"},
		{"negative tolerance", Goals{Tolerance: -0.01}, "tolerance"},
		{"tolerance on the means", Goals{Tolerance: 0.01, OnMeans: true}, "on the means"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.goals.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("Validate() = %v, want an error about %s", err, tc.msg)
			}
		})
	}
	if err := (Goals{Target: 0.8, MaxAbandon: 0.05, Confidence: 0.95}).Validate(); err != nil {
		t.Errorf("valid goals: %v", err)
	}
	_, err := Search(context.Background(), skillDay(), Goals{}, Options{Replications: 1})
	if err == nil || !strings.Contains(err.Error(), "at least 2 replications") {
		t.Errorf("Search with 1 replication and goals on bounds: %v, want an error", err)
	}
}

// TestHumanFlow checks the share of arrivals reaching agents and their
// handle time against hand calculations.
func TestHumanFlow(t *testing.T) {
	in := sim.Intent{Name: "x", Share: 1, BotContainment: 0.5, HandleTime: sim.Exponential{MeanS: 100}}
	tests := []struct {
		name          string
		bot           *sim.Bot
		share, handle float64
	}{
		{"no bot", nil, 1, 100},
		// opt-out 0.1; of the 0.9 in the bot, half contained, 20 % of the rest hang up: 0.9·0.5·0.8 = 0.36 escalate
		{"with context", &sim.Bot{OptOut: 0.1, HangUp: 0.2, ContextTransfer: true, ContextSaving: 0.2}, 0.46, (0.1*100 + 0.36*80) / 0.46},
		{"without context", &sim.Bot{OptOut: 0.1, HangUp: 0.2, NoContextPenalty: 0.5}, 0.46, (0.1*100 + 0.36*150) / 0.46},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			share, handle := humanFlow(&sim.Scenario{Bot: tc.bot}, &in)
			if math.Abs(share-tc.share) > 1e-12 || math.Abs(handle-tc.handle) > 1e-9 {
				t.Errorf("humanFlow = %g, %g s; want %g, %g s", share, handle, tc.share, tc.handle)
			}
		})
	}
	chat := sim.Group{ChatConcurrency: 2, ChatStretch: 0.3, HandleFactor: 0.9}
	if got, want := agentFactor(&chat, sim.Chat), 0.9*1.3/2; math.Abs(got-want) > 1e-12 {
		t.Errorf("agentFactor(chat) = %g, want %g", got, want)
	}
	if got := agentFactor(&chat, sim.Voice); math.Abs(got-0.9) > 1e-12 {
		t.Errorf("agentFactor(voice) = %g, want 0.9", got)
	}
}

// TestOwners: a skill belongs to the group with its lowest priority number.
func TestOwners(t *testing.T) {
	sc := skillDay()
	if got := owners(sc, sc.SkillNames()); len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Errorf("owners = %v, want [0 1] (general to generalists, billing to the billing group)", got)
	}
	sc.Groups = append(sc.Groups, sim.Group{Name: "all", Count: 1})
	sc.Groups[1].Skills[0].Priority = 2
	if got := owners(sc, sc.SkillNames()); got[1] != 2 {
		t.Errorf("owners = %v: billing should go to the group without skills (priority 1 for all)", got)
	}
}
